package kz.kosh.experiment.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing the small CSV files of a comparison's answer (headline.csv, variance.csv). */
final class ReportFiles {
    private ReportFiles() {
    }

    /** A CSV cell: quoted (RFC 4180) when it holds a comma or a quote. */
    static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The key columns of a headline.csv or variance.csv row: scenario,reference,indicator,place,unit,measure,from_year,to_year. */
    static void key(StringBuilder sb, String scenario, String reference, KeyIndicator k, Headline.Measure m, int fromYear,
                    int toYear) {
        sb.append(csv(scenario)).append(',').append(csv(reference)).append(',').append(k.indicator()).append(',')
                .append(k.place()).append(',').append(k.unit()).append(',').append(m.code).append(',').append(fromYear)
                .append(',').append(toYear);
    }

    /** Writes {@code text} to {@code dir/file} in UTF-8. */
    static void write(Path dir, String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(file), e);
        }
    }
}
