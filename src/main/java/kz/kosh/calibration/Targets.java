package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.hindcast.HindcastSeries;
import kz.kosh.experiment.hindcast.Observed;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a targets file (calibration/targets.yaml). Each target names a model quantity
 * ({@code model}) and lists observed points:
 * <pre>
 * - id: students-abroad
 *   title: Kazakhstani students abroad
 *   use: calibration            # or validation
 *   weight: 1
 *   tolerance: 0.15             # relative error counted as a match
 *   source: UNESCO UIS (students_abroad.csv, U1)
 *   model: {series: students-abroad}
 *   observed:
 *     - {year: 2015, value: 78253}
 * </pre>
 * Model quantities: {@code {series: ID}} a hindcast series (kz.kosh.experiment.hindcast.HindcastSeries,
 * the same derivation as {@code kosh hindcast}), optionally {@code relativeTo: YEAR} for the change
 * year / YEAR; {@code {indicator: name|place}} mean over the point's years;
 * {@code {ratio: [a|p, b|q]}} mean of a / mean of b; {@code {pooled: share|place, weight: w|place}}
 * Σ share·w / Σ w over the years; {@code {rank: indicator, places: [ids], order: descending}} the
 * worst rank (1 = first) of the named regions among all regions, on the indicator's mean over the
 * years. A point is {@code {year: Y}} or {@code {years: [from, to]}} with {@code value} or
 * {@code low} and {@code high} (a band). Points of a {@code series} target (without relativeTo)
 * are checked against the observed series files, so the file cannot drift from the data.
 */
public final class Targets {
    private Targets() {
    }

    /** The YAML tree of a calibration file (null when empty); unreadable YAML is a one-line error naming the file. */
    static JsonNode readYaml(Path file) {
        try {
            return ScenarioLoader.yamlMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ScenarioException(List.of(file + ": not readable YAML: " + e.getMessage().replace('\n', ' ')));
        }
    }

    /** As {@link #readYaml}, refusing a file that is not a mapping. */
    static JsonNode readMapping(Path file) {
        JsonNode root = readYaml(file);
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of(file + ": expected a mapping"));
        }
        return root;
    }

    /**
     * Loads and checks a targets file; all problems are reported together. {@code scenario}: the
     * scenario the series derivations use (the hindcast's entry rate).
     */
    public static List<Target> load(Path file, kz.kosh.scenario.Scenario scenario) {
        java.util.Map<String, List<Observed.Point>> cache = new java.util.HashMap<>();
        JsonNode root = readYaml(file);
        List<String> problems = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("targets");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new ScenarioException(List.of(file + ": targets: expected a non-empty list"));
        }
        List<Target> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = file.getFileName() + ": targets[" + i + "]";
            try {
                Target t = parse(list.get(i), where, problems, scenario, cache);
                if (t != null) {
                    if (!ids.add(t.id())) {
                        problems.add(where + ": duplicate id " + t.id());
                    }
                    out.add(t);
                }
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return out;
    }

    /** SHA-256 of the file's bytes (part of the calibration fingerprint). */
    public static String digest(Path file) {
        try {
            return EvaluationCache.sha256(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(JsonNode n, String field, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(where + "." + field + ": required");
            return "";
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field, String where, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            problems.add(where + "." + field + ": expected a number");
            return Double.NaN;
        }
        return v.asDouble();
    }

    static Target parse(JsonNode n, String where, List<String> problems, kz.kosh.scenario.Scenario scenario,
                        java.util.Map<String, List<Observed.Point>> cache) {
        String id = text(n, "id", where, problems);
        String title = text(n, "title", where, problems);
        String use = text(n, "use", where, problems);
        if (!use.isEmpty() && !use.equals(Target.CALIBRATION) && !use.equals(Target.VALIDATION)) {
            problems.add(where + ".use: expected calibration or validation, found " + use);
        }
        double weight = number(n, "weight", where, problems);
        double tolerance = number(n, "tolerance", where, problems);
        if (tolerance <= 0) {
            problems.add(where + ".tolerance: must be > 0");
        }
        String source = text(n, "source", where, problems);
        JsonNode model = n.get("model");
        JsonNode obs = n.get("observed");
        if (model == null || !model.isObject()) {
            problems.add(where + ".model: expected a mapping");
            return null;
        }
        if (obs == null || !obs.isArray() || obs.isEmpty()) {
            problems.add(where + ".observed: expected a non-empty list");
            return null;
        }
        List<Target.Point> points = new ArrayList<>();
        for (int k = 0; k < obs.size(); k++) {
            JsonNode p = obs.get(k);
            String pw = where + ".observed[" + k + "]";
            int from;
            int to;
            if (p.has("year")) {
                from = to = p.get("year").asInt();
            } else if (p.has("years") && p.get("years").isArray() && p.get("years").size() == 2) {
                from = p.get("years").get(0).asInt();
                to = p.get("years").get(1).asInt();
            } else {
                problems.add(pw + ": needs year: Y or years: [from, to]");
                continue;
            }
            double value;
            double low;
            double high;
            if (p.has("value")) {
                value = low = high = p.get("value").asDouble();
            } else if (p.has("low") && p.has("high")) {
                low = p.get("low").asDouble();
                high = p.get("high").asDouble();
                value = (low + high) / 2;
                if (!(high > low)) {
                    problems.add(pw + ": high must exceed low");
                }
            } else {
                problems.add(pw + ": needs value, or low and high");
                continue;
            }
            if (value == 0) {
                problems.add(pw + ": the observed value must not be 0 (relative errors)");
            }
            String label = from == to ? Integer.toString(from) : from + "-" + to;
            Target.Quantity q = quantity(model, from, to, pw, problems);
            if (q != null) {
                points.add(new Target.Point(label, value, low, high, q));
                if (model.has("series") && !model.has("relativeTo")) {
                    checkAgainstSeries(cache, scenario, model.get("series").asText(), from, value, low, high, pw, problems);
                }
            }
        }
        return new Target(id, title, use, weight, tolerance, source, describe(model), points,
                uncertainty(n, where, problems));
    }

    /**
     * The optional {@code observationError: {relative: R, reason: TEXT}} and
     * {@code discrepancy: {relative: R, reason: TEXT}} of a target (standard deviations relative
     * to the observed value, R in [0, 1], a reason required); both or neither.
     */
    static Target.Uncertainty uncertainty(JsonNode n, String where, List<String> problems) {
        boolean obs = n.has("observationError");
        boolean disc = n.has("discrepancy");
        if (!obs && !disc) {
            return null;
        }
        if (obs != disc) {
            problems.add(where + (obs ? ".discrepancy" : ".observationError")
                    + ": required with " + (obs ? "observationError" : "discrepancy") + " ({relative: R, reason: TEXT})");
            return null;
        }
        double[] rel = new double[2];
        String[] reason = new String[2];
        String[] fields = {"observationError", "discrepancy"};
        for (int i = 0; i < 2; i++) {
            JsonNode m = n.get(fields[i]);
            String w = where + "." + fields[i];
            if (m == null || !m.isObject()) {
                problems.add(w + ": expected a mapping {relative: R, reason: TEXT}");
                continue;
            }
            m.fieldNames().forEachRemaining(k -> {
                if (!k.equals("relative") && !k.equals("reason")) {
                    problems.add(w + "." + k + ": unknown field; allowed: relative, reason");
                }
            });
            JsonNode r = m.get("relative");
            if (r == null || !r.isNumber() || !(r.asDouble() >= 0 && r.asDouble() <= 1)) {
                problems.add(w + ".relative: expected a number in [0, 1] (a standard deviation relative to the observed value)");
            } else {
                rel[i] = r.asDouble();
            }
            JsonNode t = m.get("reason");
            if (t == null || !t.isTextual() || t.asText().isBlank()) {
                problems.add(w + ".reason: required (why this size)");
            } else {
                reason[i] = t.asText();
            }
        }
        return new Target.Uncertainty(rel[0], reason[0], rel[1], reason[1]);
    }

    /** The model field in words (compact JSON). */
    static String describe(JsonNode model) {
        return model.toString().replace("\"", "").replace(",", ", ").replace(":", ": ");
    }

    /** The observed points of the hindcast series {@code id}. */
    static List<Observed.Point> observedSeries(String id, kz.kosh.scenario.Scenario scenario) {
        for (HindcastSeries h : HindcastSeries.all(scenario, Set.of())) {
            if (h.id().equals(id)) {
                return h.observed();
            }
        }
        throw new IllegalArgumentException("no hindcast series " + id);
    }

    private static void checkAgainstSeries(java.util.Map<String, List<Observed.Point>> seriesCache,
                                           kz.kosh.scenario.Scenario scenario, String id, int year, double value,
                                           double low, double high, String where, List<String> problems) {
        List<Observed.Point> pts;
        try {
            pts = seriesCache.computeIfAbsent(id, x -> observedSeries(x, scenario));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        for (Observed.Point p : pts) {
            if (p.year() == year) {
                if (Math.abs(p.value() - value) > 0.5 + 1e-6 * Math.abs(value)
                        || Math.abs(p.low() - low) > 0.5 + 1e-6 * Math.abs(low)
                        || Math.abs(p.high() - high) > 0.5 + 1e-6 * Math.abs(high)) {
                    problems.add(String.format(Locale.ROOT, "%s: value %s [%s, %s] differs from the series %s in %d: %s [%s, %s]",
                            where, value, low, high, id, year, p.value(), p.low(), p.high()));
                }
                return;
            }
        }
        problems.add(where + ": the series " + id + " has no observation in " + year);
    }

    private static int yearIndex(IndicatorTable t, int year) {
        int y = t.years().indexOf(year);
        if (y < 0) {
            throw new IllegalStateException("year " + year + " is not among the recorded years " + t.years().get(0)
                    + "-" + t.years().get(t.years().size() - 1));
        }
        return y;
    }

    private static double mean(IndicatorTable t, String key, int from, int to) {
        double s = 0;
        for (int y = from; y <= to; y++) {
            s += t.value(yearIndex(t, y), key);
        }
        return s / (to - from + 1);
    }

    static Target.Quantity quantity(JsonNode m, int from, int to, String where, List<String> problems) {
        if (m.has("series")) {
            String id = m.get("series").asText();
            if (m.has("relativeTo")) {
                int base = m.get("relativeTo").asInt();
                return c -> {
                    HindcastSeries h = c.series(id);
                    return h.measure().value(c.table(), yearIndex(c.table(), to))
                            / h.measure().value(c.table(), yearIndex(c.table(), base));
                };
            }
            if (from != to) {
                problems.add(where + ": a series target takes one year per point");
                return null;
            }
            return c -> c.series(id).measure().value(c.table(), yearIndex(c.table(), from));
        }
        if (m.has("indicator")) {
            String key = m.get("indicator").asText();
            return c -> mean(c.table(), key, from, to);
        }
        if (m.has("ratio")) {
            JsonNode r = m.get("ratio");
            if (!r.isArray() || r.size() != 2) {
                problems.add(where + ": ratio: expected [numerator, denominator]");
                return null;
            }
            String a = r.get(0).asText();
            String b = r.get(1).asText();
            return c -> mean(c.table(), a, from, to) / mean(c.table(), b, from, to);
        }
        if (m.has("pooled")) {
            String share = m.get("pooled").asText();
            String w = m.has("weight") ? m.get("weight").asText() : null;
            if (w == null) {
                problems.add(where + ": pooled needs weight");
                return null;
            }
            return c -> {
                double num = 0;
                double den = 0;
                for (int y = from; y <= to; y++) {
                    int i = yearIndex(c.table(), y);
                    double wy = c.table().value(i, w);
                    num += c.table().value(i, share) * wy;
                    den += wy;
                }
                return den == 0 ? 0 : num / den;
            };
        }
        if (m.has("rank")) {
            String indicator = m.get("rank").asText();
            List<String> places = new ArrayList<>();
            if (m.has("places")) {
                m.get("places").forEach(p -> places.add(p.asText()));
            }
            if (places.isEmpty()) {
                problems.add(where + ": rank needs places");
                return null;
            }
            boolean ascending = m.has("order") && "ascending".equals(m.get("order").asText());
            return c -> rank(c.table(), indicator, places, ascending, from, to);
        }
        problems.add(where + ": model: expected series, indicator, ratio, pooled or rank");
        return null;
    }

    /** Worst rank (1 = first in the order) of the named places among the regions (places "KZ-..."). */
    static double rank(IndicatorTable t, String indicator, List<String> places, boolean ascending, int from, int to) {
        List<String[]> regions = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String prefix = indicator + "|";
        for (String k : t.keys()) {
            if (k.startsWith(prefix) && k.substring(prefix.length()).startsWith("KZ-")) {
                regions.add(new String[]{k.substring(prefix.length())});
                values.add(mean(t, k, from, to));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> cmp = Comparator.comparingDouble(values::get);
        order.sort(ascending ? cmp : cmp.reversed());
        int worst = 0;
        for (String p : places) {
            int r = -1;
            for (int i = 0; i < order.size(); i++) {
                if (regions.get(order.get(i))[0].equals(p)) {
                    r = i + 1;
                }
            }
            if (r < 0) {
                throw new IllegalStateException("no region " + p + " with indicator " + indicator);
            }
            worst = Math.max(worst, r);
        }
        return worst;
    }
}
