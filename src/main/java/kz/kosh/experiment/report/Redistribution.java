package kz.kosh.experiment.report;

import kz.kosh.output.Fmt;
import kz.kosh.output.Places;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where people go: for every compared scenario, the paired difference to the reference in the
 * report year, place by place (every Kazakhstani region and city, staying home included, and
 * every destination), with 95% intervals and the place names of places.csv. Written to
 * {@value #FILE} by the report:
 * <ul>
 *   <li>{@code students}: students there at the end of the year (regions and cities:
 *       {@code students_studying}; destinations: {@code students_abroad}), persons;</li>
 *   <li>{@code graduates}: graduates living there ({@code graduates_living} /
 *       {@code graduates_abroad}), persons; a region's graduates who stayed home are counted there;</li>
 *   <li>{@code arrivals}: graduates arriving in the year (destinations: emigration and onward
 *       moves into it; regions and cities: net internal migration of graduates), persons per year.</li>
 * </ul>
 * The rows of a scenario sum (within rounding) to its national change: what leaves one place
 * arrives in another or stays home.
 */
public final class Redistribution {
    public static final String FILE = "redistribution.csv";
    /** The measures of redistribution.csv that count persons living there (not indicator names). */
    static final String STUDENTS = "students";
    static final String GRADUATES = "graduates";
    static final String HEADER = "scenario,reference,year,place,place_name,place_type,measure,indicator,unit,"
            + "difference,ci95_low,ci95_high,excludes_zero,n";

    private Redistribution() {
    }

    /** One place's indicator for a measure, by the place's type. */
    private record Measure(String name, String regionIndicator, String destinationIndicator, String unit) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure(STUDENTS, kz.kosh.indicator.CoreIndicators.STUDENTS_STUDYING.name(), kz.kosh.indicator.CoreIndicators.STUDENTS_ABROAD.name(), "persons"),
            new Measure(GRADUATES, kz.kosh.indicator.CoreIndicators.GRADUATES_LIVING.name(), kz.kosh.indicator.CoreIndicators.GRADUATES_ABROAD.name(), "persons"),
            new Measure("arrivals", kz.kosh.indicator.CoreIndicators.NET_MIGRATION_GRADUATES.name(), kz.kosh.indicator.CoreIndicators.EMIGRATION.name(), "persons/year"));

    /** The CSV text; empty (header only) without places.csv, a report year or differences. */
    static String csv(Path dir, ExperimentData d) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        Path places = dir.resolve(Places.FILE);
        Integer year = d.reportYear();
        if (!Files.isRegularFile(places) || year == null || d.reference == null) {
            return sb.toString();
        }
        List<Map<String, String>> rows = ExperimentData.readCsv(places, List.of("id", "name", "type"));
        for (String s : d.scenarios) {
            if (s.equals(d.reference)) {
                continue;
            }
            for (Measure m : MEASURES) {
                for (Map<String, String> p : rows) {
                    String type = p.get("type").trim();
                    if (type.equals("national")) {
                        continue;
                    }
                    String indicator = type.equals("destination") ? m.destinationIndicator() : m.regionIndicator();
                    String id = p.get("id").trim();
                    ExperimentData.Diff df = d.diff(s, indicator, id, year);
                    sb.append(ReportFiles.csv(s)).append(',').append(ReportFiles.csv(d.reference)).append(',').append(year)
                            .append(',').append(id).append(',').append(ReportFiles.csv(p.get("name"))).append(',').append(type)
                            .append(',').append(m.name()).append(',').append(indicator).append(',').append(m.unit());
                    if (df == null) {
                        sb.append(",n/a,n/a,n/a,,0\n"); // not recorded: missing, not zero
                    } else {
                        sb.append(',').append(Fmt.number(df.mean())).append(',').append(Fmt.number(df.lo())).append(',')
                                .append(Fmt.number(df.hi())).append(',').append(df.excludesZero()).append(',').append(df.n())
                                .append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@value #FILE} into the experiment directory. */
    public static void write(Path dir, ExperimentData d) {
        ReportFiles.write(dir, FILE, csv(dir, d));
    }

    /** A cell as a number; NaN for NA, n/a or anything else that is not one. */
    private static double number(String cell) {
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The rows of one scenario and measure as (place name, difference, low, high), largest change first. */
    static List<Object[]> largest(String csv, String scenario, String measure, int limit) {
        List<Object[]> out = new ArrayList<>();
        String prefix = scenario + ",";
        for (String line : csv.split("\n")) {
            // a cheap necessary condition first: the quote-aware split below is slow, and the report
            // calls this once per scenario (quadratic in the scenarios of a history-match wave)
            if (!line.replace("\"", "").startsWith(prefix)) {
                continue;
            }
            String[] f = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            if (f.length < 14 || !f[0].replace("\"", "").equals(scenario) || !f[6].equals(measure) || f[9].equals("n/a")) {
                continue;
            }
            double diff = number(f[9]);
            if (Double.isNaN(diff)) {
                continue;
            }
            // one replication has no interval: its bounds are NA
            out.add(new Object[]{f[4].replace("\"", ""), diff, number(f[10]), number(f[11])});
        }
        out.sort((a, b) -> Double.compare(Math.abs((double) b[1]), Math.abs((double) a[1])));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
