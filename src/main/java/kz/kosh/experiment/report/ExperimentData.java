package kz.kosh.experiment.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The contents of a finished experiment directory, as the report needs them: summary.csv
 * (required), differences.csv and manifest.json (both optional; what is missing is derived from
 * summary.csv where possible and otherwise left out of the report).
 */
final class ExperimentData {
    static final String NATIONAL = "KZ";

    /** Statistics of one summary cell (over replications). Bounds are NaN when unknown. */
    record Cell(double mean, double lo, double hi, long n) {
    }

    /** A paired difference (scenario minus reference) of one cell. */
    record Diff(double mean, double lo, double hi, boolean excludesZero, long n) {
    }

    record Key(String scenario, String indicator, String place) {
    }

    private static final List<String> SUMMARY_COLUMNS = List.of("scenario", "year", "indicator", "place", "mean",
            "ci95_low", "ci95_high", "n");
    private static final List<String> DIFFERENCE_COLUMNS = List.of("scenario", "reference", "year", "indicator",
            "place", "mean_difference", "ci95_low", "ci95_high", "excludes_zero", "n");

    final String name;
    final String reference;
    /** Scenario names in experiment order. */
    final List<String> scenarios;
    final Long replications;
    final Long baseSeed;
    final Double scale;
    /** Years present in summary.csv, ascending. */
    final List<Integer> years;
    final Integer firstYear;
    final Integer lastYear;
    private final Map<Key, TreeMap<Integer, Cell>> summary;
    private final Map<Key, TreeMap<Integer, Diff>> differences;
    private final Map<String, Set<String>> placesByIndicator;
    final boolean hasDifferences;
    final boolean hasManifest;
    /** Problems met while reading (shown in the report's notes). */
    final List<String> notes;
    /** Sweep design points: scenario → "parameter=value, ..." from design.csv (empty without a sweep). */
    private final Map<String, String> design = new LinkedHashMap<>();

    private ExperimentData(String name, String reference, List<String> scenarios, Long replications, Long baseSeed,
                           Double scale, List<Integer> years, Integer firstYear, Integer lastYear,
                           Map<Key, TreeMap<Integer, Cell>> summary, Map<Key, TreeMap<Integer, Diff>> differences,
                           Map<String, Set<String>> placesByIndicator, boolean hasDifferences, boolean hasManifest,
                           List<String> notes) {
        this.name = name;
        this.reference = reference;
        this.scenarios = scenarios;
        this.replications = replications;
        this.baseSeed = baseSeed;
        this.scale = scale;
        this.years = years;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.summary = summary;
        this.differences = differences;
        this.placesByIndicator = placesByIndicator;
        this.hasDifferences = hasDifferences;
        this.hasManifest = hasManifest;
        this.notes = notes;
    }

    static ExperimentData read(Path dir) {
        List<String> notes = new ArrayList<>();
        Path summaryFile = dir.resolve("summary.csv");
        if (!Files.isRegularFile(summaryFile)) {
            throw new UncheckedIOException(new IOException("no summary.csv in " + dir + "; cannot write the report"));
        }
        Map<Key, TreeMap<Integer, Cell>> summary = new LinkedHashMap<>();
        Map<String, Set<String>> places = new TreeMap<>();
        Set<String> seenScenarios = new LinkedHashSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        int badRows = 0;
        for (Map<String, String> row : readCsv(summaryFile, SUMMARY_COLUMNS)) {
            String scenario = row.get("scenario");
            String indicator = row.get("indicator");
            String place = row.get("place");
            Integer year = year(row.get("year"));
            if (year == null) {
                badRows++;
                continue;
            }
            seenScenarios.add(scenario);
            years.add(year);
            places.computeIfAbsent(indicator, k -> new TreeSet<>()).add(place);
            summary.computeIfAbsent(new Key(scenario, indicator, place), k -> new TreeMap<>())
                    .put(year, new Cell(num(row.get("mean")), num(row.get("ci95_low")), num(row.get("ci95_high")),
                            count(row.get("n"))));
        }

        Map<Key, TreeMap<Integer, Diff>> differences = new LinkedHashMap<>();
        String diffReference = null;
        Path diffFile = dir.resolve("differences.csv");
        boolean hasDifferences = Files.isRegularFile(diffFile);
        if (hasDifferences) {
            for (Map<String, String> row : readCsv(diffFile, DIFFERENCE_COLUMNS)) {
                Integer year = year(row.get("year"));
                if (year == null) {
                    badRows++;
                    continue;
                }
                if (diffReference == null) {
                    diffReference = row.get("reference");
                }
                differences.computeIfAbsent(new Key(row.get("scenario"), row.get("indicator"), row.get("place")),
                                k -> new TreeMap<>())
                        .put(year,
                                new Diff(num(row.get("mean_difference")), num(row.get("ci95_low")),
                                        num(row.get("ci95_high")),
                                        "true".equalsIgnoreCase(row.get("excludes_zero").trim()),
                                        count(row.get("n"))));
            }
        } else {
            notes.add("differences.csv is missing: differences to the reference are not shown.");
        }

        JsonNode manifest = null;
        Path manifestFile = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifestFile)) {
            try {
                manifest = new ObjectMapper().readTree(manifestFile.toFile());
            } catch (IOException e) {
                notes.add("manifest.json could not be read (" + e.getMessage().lines().findFirst().orElse("")
                        + "); experiment settings are not shown.");
            }
        } else {
            notes.add("manifest.json is missing: experiment settings are not shown.");
        }

        String name = text(manifest, "experiment");
        if (name == null) {
            name = dir.toAbsolutePath().normalize().getFileName() == null ? "experiment"
                    : dir.toAbsolutePath().normalize().getFileName().toString();
        }
        List<String> scenarios = new ArrayList<>();
        if (manifest != null && manifest.path("scenarios").isArray()) {
            for (JsonNode s : manifest.path("scenarios")) {
                if (s.isTextual() && !scenarios.contains(s.asText())) {
                    scenarios.add(s.asText());
                }
            }
        }
        for (String s : seenScenarios) {
            if (!scenarios.contains(s)) {
                scenarios.add(s);
            }
        }
        String reference = text(manifest, "reference");
        if (reference == null) {
            reference = diffReference;
        }
        if (reference == null && !scenarios.isEmpty()) {
            reference = scenarios.get(0);
        }
        Integer first = years.isEmpty() ? null : years.first();
        Integer last = years.isEmpty() ? null : years.last();
        if (manifest != null && manifest.path("years").isArray() && manifest.path("years").size() == 2
                && manifest.path("years").get(0).canConvertToInt() && manifest.path("years").get(1).canConvertToInt()) {
            first = manifest.path("years").get(0).asInt();
            last = manifest.path("years").get(1).asInt();
        }
        Long replications = manifest != null && manifest.path("replications").canConvertToLong()
                ? manifest.path("replications").asLong() : null;
        Long baseSeed = manifest != null && manifest.path("baseSeed").canConvertToLong()
                ? manifest.path("baseSeed").asLong() : null;
        Double scale = manifest != null && manifest.path("scale").isNumber() ? manifest.path("scale").asDouble() : null;
        if (badRows > 0) {
            notes.add(badRows + " row(s) of summary.csv/differences.csv without a valid year were skipped.");
        }
        if (summary.isEmpty()) {
            notes.add("summary.csv has no rows.");
        }
        ExperimentData d = new ExperimentData(name, reference, List.copyOf(scenarios), replications, baseSeed, scale,
                List.copyOf(years), first, last, summary, differences, places, hasDifferences,
                Files.isRegularFile(manifestFile), notes);
        try {
            d.design.putAll(designLabels(dir));
        } catch (RuntimeException e) {
            notes.add("design.csv could not be read (" + e.getMessage() + "); design points are shown by name.");
        }
        return d;
    }

    /** Sweep design points of an experiment directory: scenario → "parameter=value, ..." (empty without design.csv). */
    static Map<String, String> designLabels(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        Path designFile = dir.resolve("design.csv");
        if (Files.isRegularFile(designFile)) {
            for (Map<String, String> row : readCsv(designFile, List.of("scenario", "parameter", "value"))) {
                String p = row.get("parameter");
                String shortName = p.substring(p.lastIndexOf('.') + 1);
                out.merge(row.get("scenario"), shortName + "=" + row.get("value"), (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    /**
     * How a scenario is named in the report: a sweep's design point with its parameter values
     * ("baseline@p1 (enforcement=0.5)"), otherwise the scenario name.
     */
    String label(String scenario) {
        String v = design.get(scenario);
        return v == null ? scenario : scenario + " (" + v + ")";
    }

    /** Year → paired difference for one series, ascending; empty when absent. */
    Map<Integer, Diff> diffSeries(String scenario, String indicator, String place) {
        TreeMap<Integer, Diff> m = differences.get(new Key(scenario, indicator, place));
        return m == null ? Collections.emptyMap() : m;
    }

    /** The year the report's table and bar charts describe: the last year with data. */
    Integer reportYear() {
        return years.isEmpty() ? null : years.get(years.size() - 1);
    }

    boolean hasIndicator(String indicator) {
        return placesByIndicator.containsKey(indicator);
    }

    boolean hasIndicator(String indicator, String place) {
        Set<String> p = placesByIndicator.get(indicator);
        return p != null && p.contains(place);
    }

    /** Places of an indicator, sorted; empty when the indicator is absent. */
    Set<String> places(String indicator) {
        return placesByIndicator.getOrDefault(indicator, Collections.emptySet());
    }

    Set<String> indicators() {
        return placesByIndicator.keySet();
    }

    Cell cell(String scenario, String indicator, String place, int year) {
        TreeMap<Integer, Cell> m = summary.get(new Key(scenario, indicator, place));
        return m == null ? null : m.get(year);
    }

    /** Year → cell for one series, ascending; empty when absent. */
    Map<Integer, Cell> series(String scenario, String indicator, String place) {
        TreeMap<Integer, Cell> m = summary.get(new Key(scenario, indicator, place));
        return m == null ? Collections.emptyMap() : m;
    }

    Diff diff(String scenario, String indicator, String place, int year) {
        TreeMap<Integer, Diff> m = differences.get(new Key(scenario, indicator, place));
        return m == null ? null : m.get(year);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    static double num(String s) {
        if (s == null) {
            return Double.NaN;
        }
        String t = s.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Integer year(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long count(String s) {
        double d = num(s);
        return Double.isNaN(d) ? 0 : (long) d;
    }

    /** Reads a CSV file with a header row into maps; fails naming the file if a column is missing. */
    static List<Map<String, String>> readCsv(Path file, List<String> required) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(r, file.getFileName().toString(), required);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads a classpath CSV resource; empty when it does not exist or cannot be read. */
    static List<Map<String, String>> readResourceCsv(String resource, List<String> required) {
        try (InputStream in = ExperimentData.class.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            return readCsv(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), resource, required);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<Map<String, String>> readCsv(Reader r, String what, List<String> required) throws IOException {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(r)) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                for (String c : required) {
                    if (!row.containsKey(c)) {
                        throw new IllegalArgumentException(what + ": column '" + c + "' is missing; expected "
                                + required);
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
