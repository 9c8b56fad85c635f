package kz.kosh.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * sessions.csv in a calibration's output directory: one line per run of {@code kosh calibrate}
 * (wall time of the fit, replications run, replications served from the cache), so the cost
 * of a calibration resumed over several sessions is reported in full.
 */
public final class Sessions {
    static final String FILE = "sessions.csv";
    private static final String HEADER = "finished,wall_seconds,replications_run,cache_hits,evaluations";

    private Sessions() {
    }

    /** Totals over the sessions. */
    public record Totals(int sessions, double wallSeconds, int replicationsRun) {
        public double evaluationsPerMinute(int replicationsPerEvaluation) {
            return wallSeconds > 0 ? (double) replicationsRun / replicationsPerEvaluation / (wallSeconds / 60) : Double.NaN;
        }
    }

    static void append(Path dir, Calibration.Result fit) {
        Path f = dir.resolve(FILE);
        try {
            if (!Files.exists(f)) {
                Files.writeString(f, HEADER + "\n");
            }
            Files.writeString(f, String.format(Locale.ROOT, "%s,%.3f,%d,%d,%d%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    fit.wallSeconds(), fit.replicationsRun(), fit.cacheHits(), fit.evaluations().size()),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    static Totals totals(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE));
            int n = 0;
            double wall = 0;
            int reps = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (c.length < 3) {
                    continue;
                }
                n++;
                wall += Double.parseDouble(c[1]);
                reps += Integer.parseInt(c[2]);
            }
            return new Totals(n, wall, reps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
        }
    }
}
