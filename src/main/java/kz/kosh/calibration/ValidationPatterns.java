package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The validation checks of a patterns file (calibration/patterns.yaml, described at its head):
 * the {@code use: validation} targets of the targets file it names, one check per observed point,
 * and the file's patterns, each a statistic of model quantities in scenario variants with an
 * expectation. Indicator names and places live in the file; the model quantities are those of
 * {@link Targets} plus {@code studyShare} (entrants' study destinations by home region, see
 * {@link ValidationRun.StudyFlows}).
 */
public final class ValidationPatterns {
    /** The validated scenario itself. */
    public static final String BASE = "base";

    private ValidationPatterns() {
    }

    /**
     * A scenario variant: an overlay on the validated scenario.
     *
     * @param set   overlay fields (hold in every year)
     * @param times dotted path → factor applied to the validated scenario's start value
     */
    public record Variant(String id, String description, ObjectNode set, Map<String, Double> times) {
        /** The overlay on {@code base} (the validated scenario's resolved tree for {@code times}). */
        public ObjectNode overlay(JsonNode baseTree) {
            ObjectNode o = set == null ? JsonNodeFactory.instance.objectNode() : set.deepCopy();
            for (Map.Entry<String, Double> e : times.entrySet()) {
                JsonNode v = baseTree.at("/" + e.getKey().replace('.', '/'));
                if (!v.isNumber()) {
                    throw new IllegalArgumentException("variant " + id + ": the scenario has no number at " + e.getKey());
                }
                String[] parts = e.getKey().split("\\.");
                ObjectNode at = o;
                for (int k = 0; k < parts.length - 1; k++) {
                    at = at.withObject("/" + parts[k]);
                }
                at.put(parts[parts.length - 1], v.asDouble() * e.getValue());
            }
            return o;
        }
    }

    /** One side of a statistic: a model quantity over years in a variant. */
    public record Side(String variant, String model, String years, Target.Quantity quantity) {
    }

    /**
     * One check: a statistic (the Monte Carlo mean of {@code of}, or the ratio of the means of
     * {@code of} and {@code over}) and its expectation [low, high] (infinite for an open end)
     * with a relative tolerance.
     *
     * @param use   "validation target" or "pattern"
     * @param shown the expectation in words (e.g. "≥ 5", "[1; 2]", "0.84")
     */
    public record Check(String id, String use, String title, String source, String caveat, String years, Side of,
                        Side over, double low, double high, boolean strict, double tolerance, String shown) {
        public boolean ratio() {
            return over != null;
        }

        /** The accepted range: the expectation widened by the tolerance (relative to each edge). */
        public double acceptLow() {
            return Double.isInfinite(low) ? low : low - tolerance * Math.abs(low);
        }

        public double acceptHigh() {
            return Double.isInfinite(high) ? high : high + tolerance * Math.abs(high);
        }

        /** The statistic in words. */
        public String statistic() {
            if (!ratio()) {
                return "mean of " + of.model() + " in " + of.years() + (of.variant().equals(BASE) ? "" : ", variant " + of.variant());
            }
            if (of.model().equals(over.model())) {
                return "ratio of means of " + of.model() + ": (" + of.years() + ", " + of.variant() + ") / ("
                        + over.years() + ", " + over.variant() + ")";
            }
            return "ratio of means: (" + of.model() + ", " + of.years() + ", " + of.variant() + ") / (" + over.model() + ", "
                    + over.years() + ", " + over.variant() + ")";
        }
    }

    /** The settings and checks of a patterns file. */
    public record Spec(Path file, int startYear, int endYear, Path targets, List<Variant> variants, List<Check> checks) {
        /** Variants some check uses, in file order (base first). */
        public List<String> usedVariants() {
            Set<String> used = new HashSet<>();
            for (Check c : checks) {
                used.add(c.of().variant());
                if (c.over() != null) {
                    used.add(c.over().variant());
                }
            }
            List<String> out = new ArrayList<>(List.of(BASE));
            for (Variant v : variants) {
                if (used.contains(v.id())) {
                    out.add(v.id());
                }
            }
            return out;
        }

        public Variant variant(String id) {
            for (Variant v : variants) {
                if (v.id().equals(id)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Reads a patterns file; {@code scenario} is the validated scenario (hindcast series checks). */
    public static Spec load(Path file, Scenario scenario) {
        JsonNode root = Targets.readMapping(file);
        List<String> problems = new ArrayList<>();
        String f = file.getFileName().toString();
        JsonNode run = root.path("run");
        int start = run.path("startYear").asInt(2015);
        int end = run.path("endYear").asInt(2025);
        if (end < start) {
            problems.add(f + ": run: endYear before startYear");
        }
        List<Check> checks = new ArrayList<>();
        Path targetsFile = null;
        if (root.hasNonNull("targets")) {
            targetsFile = file.toAbsolutePath().getParent().resolve(root.get("targets").asText()).normalize();
            try {
                for (Target t : Targets.load(targetsFile, scenario)) {
                    if (t.calibration()) {
                        continue;
                    }
                    int k = 0;
                    for (Target.Point p : t.points()) {
                        String id = t.points().size() == 1 ? t.id() : t.id() + "-" + p.label();
                        double lo = p.isBand() ? p.low() : p.value();
                        double hi = p.isBand() ? p.high() : p.value();
                        String shown = p.isBand() ? "[" + num(p.low()) + "; " + num(p.high()) + "]" : num(p.value());
                        checks.add(new Check(id, "validation target", t.title(), t.source(), null, p.label(),
                                new Side(BASE, t.model(), p.label(), p.quantity()), null, lo, hi, false, t.tolerance(), shown));
                        k++;
                    }
                }
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> variantIds = new HashSet<>(List.of(BASE));
        JsonNode vs = root.path("variants");
        for (int i = 0; i < vs.size(); i++) {
            JsonNode v = vs.get(i);
            String where = f + ": variants[" + i + "]";
            String id = v.path("id").asText("");
            if (id.isBlank()) {
                problems.add(where + ".id: required");
                continue;
            }
            if (ScenarioLoader.nameProblem(id) != null || !variantIds.add(id)) {
                problems.add(where + ".id: " + id + " is reserved, repeated or not a valid name");
                continue;
            }
            ObjectNode set = v.has("set") && v.get("set").isObject() ? (ObjectNode) v.get("set") : null;
            Map<String, Double> times = new LinkedHashMap<>();
            v.path("times").fields().forEachRemaining(e -> times.put(e.getKey(), e.getValue().asDouble()));
            if (set == null && times.isEmpty()) {
                problems.add(where + ": needs set (an overlay) or times (path: factor)");
            }
            variants.add(new Variant(id, v.path("description").asText(""), set, times));
        }
        JsonNode ps = root.path("patterns");
        Set<String> ids = new HashSet<>();
        for (Check c : checks) {
            ids.add(c.id());
        }
        for (int i = 0; i < ps.size(); i++) {
            String where = f + ": patterns[" + i + "]";
            Check c = pattern(ps.get(i), where, variantIds, problems);
            if (c != null) {
                if (!ids.add(c.id())) {
                    problems.add(where + ": duplicate id " + c.id());
                }
                checks.add(c);
            }
        }
        if (checks.isEmpty()) {
            problems.add(f + ": no validation targets and no patterns");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Spec(file, start, end, targetsFile, variants, checks);
    }

    private static Check pattern(JsonNode n, String where, Set<String> variantIds, List<String> problems) {
        List<String> p = new ArrayList<>();
        String id = n.path("id").asText("");
        String title = n.path("title").asText("");
        String source = n.path("source").asText("");
        if (id.isBlank() || title.isBlank() || source.isBlank()) {
            p.add(where + ": id, title and source are required");
        }
        JsonNode model = n.get("model");
        int[] years = years(n.get("years"), where + ".years", p);
        Side of = side(n.path("of"), model, years, where + ".of", variantIds, p);
        Side over = n.has("over") ? side(n.get("over"), model, years, where + ".over", variantIds, p) : null;
        JsonNode e = n.path("expect");
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        String shown;
        boolean strict = false;
        if (e.has("value")) {
            lo = hi = e.get("value").asDouble();
            shown = num(lo);
        } else if (e.has("low") && e.has("high")) {
            lo = e.get("low").asDouble();
            hi = e.get("high").asDouble();
            shown = "[" + num(lo) + "; " + num(hi) + "]";
        } else if (e.has("above") || e.has("below")) {
            // a direction: strictly beyond the threshold (a ratio of exactly 1 is no effect)
            strict = true;
            if (e.has("above")) {
                lo = e.get("above").asDouble();
            }
            if (e.has("below")) {
                hi = e.get("below").asDouble();
            }
            shown = e.has("above") && e.has("below") ? "(" + num(lo) + "; " + num(hi) + ")"
                    : e.has("above") ? "> " + num(lo) : "< " + num(hi);
        } else if (e.has("min") || e.has("max")) {
            if (e.has("min")) {
                lo = e.get("min").asDouble();
            }
            if (e.has("max")) {
                hi = e.get("max").asDouble();
            }
            shown = e.has("min") && e.has("max") ? "[" + num(lo) + "; " + num(hi) + "]"
                    : e.has("min") ? "≥ " + num(lo) : "≤ " + num(hi);
        } else {
            p.add(where + ".expect: expected {min}, {max}, {above}, {below}, {low, high} or {value}");
            shown = "";
        }
        if (lo > hi) {
            p.add(where + ".expect: low above high");
        }
        double tol = n.path("tolerance").asDouble(Double.NaN);
        if (!(tol >= 0)) {
            p.add(where + ".tolerance: required, >= 0");
        }
        problems.addAll(p);
        if (!p.isEmpty()) {
            return null;
        }
        String yearsShown = over == null || of.years().equals(over.years()) ? of.years() : of.years() + " / " + over.years();
        return new Check(id, "pattern", title, source, n.hasNonNull("caveat") ? n.get("caveat").asText() : null, yearsShown,
                of, over, lo, hi, strict, tol, shown);
    }

    private static int[] years(JsonNode y, String where, List<String> problems) {
        if (y == null) {
            return null;
        }
        if (!y.isArray() || y.size() != 2 || !y.get(0).isInt() || !y.get(1).isInt() || y.get(1).asInt() < y.get(0).asInt()) {
            problems.add(where + ": expected [from, to]");
            return null;
        }
        return new int[]{y.get(0).asInt(), y.get(1).asInt()};
    }

    private static Side side(JsonNode s, JsonNode defaultModel, int[] defaultYears, String where, Set<String> variantIds,
                             List<String> problems) {
        String variant = s.path("variant").asText(BASE);
        if (!variantIds.contains(variant)) {
            problems.add(where + ".variant: no variant " + variant);
        }
        JsonNode model = s.has("model") ? s.get("model") : defaultModel;
        int[] years = s.has("years") ? years(s.get("years"), where + ".years", problems) : defaultYears;
        if (model == null || !model.isObject()) {
            problems.add(where + ": no model quantity (model: {...})");
            return null;
        }
        if (years == null) {
            problems.add(where + ": no years ([from, to])");
            return null;
        }
        String label = years[0] == years[1] ? Integer.toString(years[0]) : years[0] + "-" + years[1];
        Target.Quantity q = model.has("studyShare") ? flowShare(model.get("studyShare"), false, years[0], years[1], where, problems)
                : model.has("arrivalShare") ? flowShare(model.get("arrivalShare"), true, years[0], years[1], where, problems)
                : Targets.quantity(model, years[0], years[1], where, problems);
        return q == null ? null : new Side(variant, Targets.describe(model), label, q);
    }

    private static Target.Quantity flowShare(JsonNode m, boolean arrivals, int from, int to, String where,
                                             List<String> problems) {
        List<String> dest = new ArrayList<>();
        m.path("to").forEach(x -> dest.add(x.asText()));
        List<String> homes = new ArrayList<>();
        m.path("homes").forEach(x -> homes.add(x.asText()));
        String among = m.path("among").asText("abroad");
        if (dest.isEmpty() || !(among.equals("abroad") || among.equals("all"))) {
            problems.add(where + ": studyShare and arrivalShare need to: [destinations] and among: abroad or all");
            return null;
        }
        return c -> {
            if (!(c instanceof ValidationRun.Context vc)) {
                throw new IllegalStateException("studyShare and arrivalShare need the validation run's flows");
            }
            return vc.flows().share(arrivals, dest, among.equals("all"), homes, from, to);
        };
    }

    /** A number for the expectation column: integers without decimals, else 4 significant digits. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
