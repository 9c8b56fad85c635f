package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.experiment.hindcast.HindcastSeries;
import kz.kosh.experiment.hindcast.Observed;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * are checked against the observed series files, so the file cannot drift from the data. The
 * model quantities themselves are read and computed by {@link ModelQuantities}.
 */
public final class Targets {
    private Targets() {
    }

    /** A calibration input file read by the strict YAML reader (a non-empty mapping), or every problem of it. */
    static JsonNode readMapping(Path file, String kind) {
        return kz.kosh.scenario.StrictYaml.readOrThrow(file, kind);
    }

    /**
     * Loads and checks a targets file; all problems are reported together. {@code scenario}: the
     * scenario the series derivations use (the hindcast's entry rate).
     */
    public static List<Target> load(Path file, kz.kosh.scenario.Scenario scenario) {
        return load(file, scenario, scenario.run().startYear(), scenario.run().endYear());
    }

    /**
     * The hindcast series the calibration is fitted to: per series id (a {@code use: calibration}
     * target whose model is {@code {series: ID}}), the targets and observed years fitted, e.g.
     * {@code "students-abroad" -> "target students-abroad, 2015-2019"}. A hindcast of such a
     * series is an in-sample fit, not a prediction (docs/hindcast.md says so). The file is checked
     * first ({@link #load(Path, kz.kosh.scenario.Scenario)}).
     */
    public static java.util.Map<String, String> fittedSeries(Path file, kz.kosh.scenario.Scenario scenario) {
        load(file, scenario);
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (JsonNode t : readMapping(file, "targets").path("targets")) {
            JsonNode model = t.path("model");
            if (!Target.CALIBRATION.equals(t.path("use").asText()) || !model.path("series").isTextual()
                    || model.has("relativeTo")) {
                continue;
            }
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
            for (JsonNode o : t.path("observed")) {
                if (o.path("year").canConvertToInt()) {
                    years.add(o.path("year").asInt());
                }
                for (JsonNode y : o.path("years")) {
                    years.add(y.asInt());
                }
            }
            String what = "target " + t.path("id").asText() + ", " + yearRanges(years);
            out.merge(model.path("series").asText(), what, (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** Years as ranges of consecutive years: 2015-2019, 2022. */
    static String yearRanges(java.util.SortedSet<Integer> years) {
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int y : years) {
            if (prev != null && y == prev + 1) {
                prev = y;
                continue;
            }
            if (start != null) {
                sb.append(sb.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
            }
            start = y;
            prev = y;
        }
        if (start != null) {
            sb.append(sb.length() > 0 ? ", " : "").append(start.equals(prev) ? "" + start : start + "-" + prev);
        }
        return sb.toString();
    }

    /** Largest number of targets and of observed points per target. */
    static final int MAX_TARGETS = 1_000;
    static final int MAX_POINTS = 1_000;

    /**
     * As {@link #load(Path, kz.kosh.scenario.Scenario)} for a run recording the years
     * [firstYear, lastYear]: every observed year must be one of them (checked here, before any
     * replication runs). Unknown keys, wrong types, negative or zero weights, unknown series,
     * indicators and places, inverted years are refused, all in one pass.
     */
    public static List<Target> load(Path file, kz.kosh.scenario.Scenario scenario, int firstYear, int lastYear) {
        java.util.Map<String, List<Observed.Point>> cache = new java.util.HashMap<>();
        JsonNode root = readMapping(file, "targets");
        Fields.Problems problems = new Fields.Problems(file.getFileName().toString());
        Fields top = new Fields(root, "", problems);
        JsonNode list = top.raw("targets");
        top.done();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("targets", "expected a non-empty list");
            throw new ScenarioException(problems.list());
        }
        if (list.size() > MAX_TARGETS) {
            problems.add("targets", "holds " + list.size() + " targets; at most " + MAX_TARGETS);
            throw new ScenarioException(problems.list());
        }
        Context ctx = new Context(scenario, firstYear, lastYear, cache);
        List<Target> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "targets[" + i + "]";
            Target t = parse(new Fields(list.get(i), where, problems), ctx);
            if (t != null) {
                if (!ids.add(t.id())) {
                    problems.add(where + ".id", "duplicate id " + Fields.cut(t.id()));
                }
                out.add(t);
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return out;
    }

    /** What a targets or patterns file is checked against: the scenario's places, series and the recorded years. */
    record Context(kz.kosh.scenario.Scenario scenario, int firstYear, int lastYear,
                   java.util.Map<String, List<Observed.Point>> seriesCache) {
        Set<String> places() {
            Set<String> p = new java.util.LinkedHashSet<>();
            p.add(kz.kosh.output.Indicators.NATIONAL);
            p.addAll(scenario.regions().keySet());
            p.addAll(scenario.destinations().keySet());
            return p;
        }

        Set<String> seriesIds() {
            Set<String> ids = new java.util.LinkedHashSet<>();
            for (HindcastSeries h : HindcastSeries.all(scenario, Set.of())) {
                ids.add(h.id());
            }
            return ids;
        }

        /** Records a problem when {@code year} is not recorded by the run. */
        boolean checkYear(Fields f, String field, int year) {
            if (year < firstYear || year > lastYear) {
                f.problems().add(at(f, field), "year " + year + " is not among the recorded years " + firstYear + "-"
                        + lastYear + " of the run");
                return false;
            }
            return true;
        }
    }

    static String at(Fields f, String field) {
        return f.path().isEmpty() ? field : f.path() + "." + field;
    }

    /** SHA-256 of the file's bytes (part of the calibration fingerprint). */
    public static String digest(Path file) {
        try {
            return EvaluationCache.sha256(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Largest weight and tolerance of a target. */
    static final double MAX_WEIGHT = 1_000;

    static Target parse(Fields t, Context ctx) {
        Fields.Problems problems = t.problems();
        int before = problems.list().size();
        String id = t.text("id");
        String title = t.text("title");
        String use = t.text("use");
        if (!use.isEmpty() && !use.equals(Target.CALIBRATION) && !use.equals(Target.VALIDATION)) {
            problems.add(at(t, "use"), "expected calibration or validation, found '" + Fields.cut(use) + "'");
        }
        double weight = t.num("weight", 0, MAX_WEIGHT);
        if (weight == 0) {
            problems.add(at(t, "weight"), "must be > 0 (a target with no weight does not count; drop it or use: validation)");
        }
        double tolerance = t.num("tolerance", 0, 10);
        if (tolerance == 0) {
            problems.add(at(t, "tolerance"), "must be > 0 (a relative error)");
        }
        String source = t.text("source");
        JsonNode unc1 = t.raw("observationError");
        JsonNode unc2 = t.raw("discrepancy");
        JsonNode model = t.raw("model");
        JsonNode obs = t.raw("observed");
        t.done();
        if (model == null || !model.isObject()) {
            problems.add(at(t, "model"), "expected a mapping: series, indicator, ratio, pooled or rank");
            return null;
        }
        if (obs == null || !obs.isArray() || obs.isEmpty() || obs.size() > MAX_POINTS) {
            problems.add(at(t, "observed"), "expected a non-empty list of at most " + MAX_POINTS + " points");
            return null;
        }
        List<Target.Point> points = new ArrayList<>();
        for (int k = 0; k < obs.size(); k++) {
            Fields p = new Fields(obs.get(k), at(t, "observed[" + k + "]"), problems);
            int[] years = years(p, ctx);
            double value;
            double low;
            double high;
            if (p.has("value")) {
                value = low = high = p.num("value", -1e15, 1e15);
            } else if (p.has("low") || p.has("high")) {
                low = p.num("low", -1e15, 1e15);
                high = p.num("high", -1e15, 1e15);
                value = (low + high) / 2;
                if (!(high > low)) {
                    problems.add(p.path(), "high must exceed low");
                }
            } else {
                problems.add(p.path(), "needs value, or low and high");
                p.done();
                continue;
            }
            p.done();
            if (value == 0) {
                problems.add(p.path(), "the observed value must not be 0 (relative errors)");
            }
            if (years == null) {
                continue;
            }
            int from = years[0];
            int to = years[1];
            String label = from == to ? Integer.toString(from) : from + "-" + to;
            Target.Quantity q = ModelQuantities.quantity(model, at(t, "model"), from, to, ctx, problems, k == 0);
            if (q != null) {
                points.add(new Target.Point(label, value, low, high, q));
                if (model.has("series") && !model.has("relativeTo") && model.get("series").isTextual()) {
                    checkAgainstSeries(ctx.seriesCache(), ctx.scenario(), model.get("series").asText(), from, value, low, high,
                            problems.file() + ": " + p.path(), problems.list());
                }
            }
        }
        ObjectNode unc = JsonNodeFactory.instance.objectNode();
        if (unc1 != null) {
            unc.set("observationError", unc1);
        }
        if (unc2 != null) {
            unc.set("discrepancy", unc2);
        }
        Target.Uncertainty u = uncertainty(unc, problems.file() + ": " + t.path(), problems.list());
        if (problems.list().size() > before) {
            return null;
        }
        return new Target(id, title, use, weight, tolerance, source, ModelQuantities.describe(model), points, u);
    }

    /** A point's {@code year: Y} or {@code years: [from, to]} (ordered, recorded by the run), or null. */
    static int[] years(Fields p, Context ctx) {
        if (p.has("year") && !p.has("years")) {
            int y = p.integer("year", 1900, 2200);
            return ctx.checkYear(p, "year", y) ? new int[]{y, y} : null;
        }
        if (p.has("years") && !p.has("year")) {
            JsonNode y = p.raw("years");
            if (!y.isArray() || y.size() != 2 || !y.get(0).isIntegralNumber() || !y.get(1).isIntegralNumber()) {
                p.problems().add(at(p, "years"), "expected [from, to] (two years)");
                return null;
            }
            int from = y.get(0).asInt();
            int to = y.get(1).asInt();
            if (to < from) {
                p.problems().add(at(p, "years"), "[" + from + ", " + to + "]: from must not be after to");
                return null;
            }
            return ctx.checkYear(p, "years", from) && ctx.checkYear(p, "years", to) ? new int[]{from, to} : null;
        }
        p.problems().add(p.path(), "needs year: Y or years: [from, to] (one of them)");
        return null;
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

    /**
     * The model quantity of a {@code model} mapping as in a targets file (e.g. a policy contrast
     * of kz.kosh.calibration.history) over [from, to], checked against {@code scenario}; null with
     * the problems added under {@code path}.
     */
    public static Target.Quantity quantity(JsonNode model, String path, int from, int to, kz.kosh.scenario.Scenario scenario,
                                           Fields.Problems problems) {
        return ModelQuantities.quantity(model, path, from, to, new Context(scenario, from, to, new java.util.HashMap<>()),
                problems, true);
    }

    /** The model field in words (compact JSON). */
    public static String describeModel(JsonNode model) {
        return ModelQuantities.describe(model);
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

}
