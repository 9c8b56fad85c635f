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

    /**
     * One row of {@value #FILE}: a place's paired difference for one measure of one scenario;
     * {@code diff} null when the indicator was not recorded there (written n/a: missing, not zero).
     */
    record Place(String scenario, String reference, int year, String id, String name, String type, String measure,
                 String indicator, String unit, ExperimentData.Diff diff) {
        /** A difference was computed (recorded, and a number). */
        boolean measured() {
            return diff != null && !Double.isNaN(diff.mean());
        }
    }

    /** The rows, scenario by scenario, measure by measure, place by place; empty without places.csv, a report year or differences. */
    static List<Place> rows(Path dir, ExperimentData d) {
        List<Place> out = new ArrayList<>();
        Path places = dir.resolve(Places.FILE);
        Integer year = d.reportYear();
        if (!Files.isRegularFile(places) || year == null || d.reference == null) {
            return out;
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
                    out.add(new Place(s, d.reference, year, id, p.get("name"), type, m.name(), indicator, m.unit(),
                            d.diff(s, indicator, id, year)));
                }
            }
        }
        return out;
    }

    /** The CSV text of the rows (header only without rows). */
    static String csv(List<Place> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Place r : rows) {
            sb.append(ReportFiles.csv(r.scenario())).append(',').append(ReportFiles.csv(r.reference())).append(',')
                    .append(r.year()).append(',').append(r.id()).append(',').append(ReportFiles.csv(r.name())).append(',')
                    .append(r.type()).append(',').append(r.measure()).append(',').append(r.indicator()).append(',')
                    .append(r.unit());
            ExperimentData.Diff df = r.diff();
            if (df == null) {
                sb.append(",n/a,n/a,n/a,,0\n"); // not recorded: missing, not zero
            } else {
                sb.append(',').append(Fmt.number(df.mean())).append(',').append(Fmt.number(df.lo())).append(',')
                        .append(Fmt.number(df.hi())).append(',').append(df.excludesZero()).append(',').append(df.n())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the rows to {@value #FILE} in the experiment directory. */
    static void write(Path dir, List<Place> rows) {
        ReportFiles.write(dir, FILE, csv(rows));
    }

    /** The measured rows of one scenario and measure, largest change first, at most {@code limit}. */
    static List<Place> largest(List<Place> rows, String scenario, String measure, int limit) {
        List<Place> out = new ArrayList<>();
        for (Place r : rows) {
            if (r.scenario().equals(scenario) && r.measure().equals(measure) && r.measured()) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Double.compare(Math.abs(b.diff().mean()), Math.abs(a.diff().mean())));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
