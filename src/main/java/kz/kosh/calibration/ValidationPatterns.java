package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.Fields;
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

    /**
     * A check taken out of the validation and kept on record (the file's {@code withdrawn} list):
     * it is not run, and docs/validation.md lists it with its last result and the reason, so that
     * the count of checks does not change silently.
     */
    public record Withdrawn(String id, String title, String when, String lastResult, String reason) {
    }

    /** The settings and checks of a patterns file, and the checks withdrawn from it. */
    public record Spec(Path file, int startYear, int endYear, Path targets, List<Variant> variants, List<Check> checks,
                       List<Withdrawn> withdrawn) {
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

    /** Largest numbers of variants and patterns in a patterns file. */
    static final int MAX_ENTRIES = 1_000;

    /**
     * Reads a patterns file with the strict reader; {@code scenario} is the validated scenario
     * (its places, the hindcast series checks). Unknown keys, wrong types, unknown variants,
     * indicators and places, years outside the run, inverted years or bounds are refused, all
     * in one pass with the file and the field path.
     */
    public static Spec load(Path file, Scenario scenario) {
        JsonNode root = Targets.readMapping(file, "patterns");
        Fields.Problems problems = new Fields.Problems(file.getFileName().toString());
        Fields top = new Fields(root, "", problems);
        int start = 2015;
        int end = 2025;
        int before = problems.list().size();
        if (top.has("run")) {
            Fields run = top.group("run");
            start = run.has("startYear") ? run.integer("startYear", 1900, 2200) : start;
            end = run.has("endYear") ? run.integer("endYear", 1900, 2200) : end;
            run.done();
            if (end < start) {
                problems.add("run.endYear", "must not be before startYear " + start);
            }
        }
        boolean yearsValid = problems.list().size() == before;
        // with invalid run years, years are not checked against them (one problem, not one per point)
        Targets.Context ctx = yearsValid ? new Targets.Context(scenario, start, end, new java.util.HashMap<>())
                : new Targets.Context(scenario, 1900, 2200, new java.util.HashMap<>());
        List<Check> checks = new ArrayList<>();
        Path targetsFile = null;
        if (top.has("targets")) {
            String t = top.text("targets");
            targetsFile = file.toAbsolutePath().getParent().resolve(t).normalize();
            if (!java.nio.file.Files.isRegularFile(targetsFile)) {
                problems.add("targets", "no such file " + Fields.cut(t) + " (relative to the patterns file)");
            } else if (yearsValid) {
                try {
                    for (Target tg : Targets.load(targetsFile, scenario, start, end)) {
                        if (tg.calibration()) {
                            continue;
                        }
                        for (Target.Point p : tg.points()) {
                            String id = tg.points().size() == 1 ? tg.id() : tg.id() + "-" + p.label();
                            double lo = p.isBand() ? p.low() : p.value();
                            double hi = p.isBand() ? p.high() : p.value();
                            String shown = p.isBand() ? "[" + num(p.low()) + "; " + num(p.high()) + "]" : num(p.value());
                            checks.add(new Check(id, "validation target", tg.title(), tg.source(), null, p.label(),
                                    new Side(BASE, tg.model(), p.label(), p.quantity()), null, lo, hi, false, tg.tolerance(), shown));
                        }
                    }
                } catch (ScenarioException e) {
                    problems.list().addAll(e.problems());
                }
            }
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> variantIds = new HashSet<>(List.of(BASE));
        JsonNode vs = top.raw("variants");
        JsonNode ps = top.raw("patterns");
        JsonNode ws = top.raw("withdrawn");
        top.done();
        if (vs != null && (!vs.isArray() || vs.size() > MAX_ENTRIES)) {
            problems.add("variants", "expected a list of at most " + MAX_ENTRIES + " variants");
            vs = null;
        }
        if (ps != null && (!ps.isArray() || ps.size() > MAX_ENTRIES)) {
            problems.add("patterns", "expected a list of at most " + MAX_ENTRIES + " patterns");
            ps = null;
        }
        for (int i = 0; vs != null && i < vs.size(); i++) {
            Fields v = new Fields(vs.get(i), "variants[" + i + "]", problems);
            String id = v.text("id");
            String description = v.has("description") ? v.text("description") : "";
            JsonNode set = v.raw("set");
            Map<String, Double> times = new LinkedHashMap<>();
            if (v.has("times")) {
                JsonNode tm = v.raw("times");
                if (!tm.isObject()) {
                    problems.add(v.path() + ".times", "expected a mapping path: factor");
                } else {
                    Fields tf = new Fields(tm, v.path() + ".times", problems);
                    tm.fieldNames().forEachRemaining(k -> times.put(k, tf.num(k, 0, 1e6)));
                }
            }
            v.done();
            if (id.isEmpty()) {
                continue;
            }
            if (ScenarioLoader.nameProblem(id) != null || !variantIds.add(id)) {
                problems.add(v.path() + ".id", "'" + Fields.cut(id) + "' is reserved, repeated or not a valid name");
                continue;
            }
            if (set != null && !set.isObject()) {
                problems.add(v.path() + ".set", "expected a mapping (an overlay of scenario fields)");
                set = null;
            }
            if (set == null && times.isEmpty()) {
                problems.add(v.path(), "needs set (an overlay) or times (path: factor)");
            }
            variants.add(new Variant(id, description, (ObjectNode) set, times));
        }
        Set<String> ids = new HashSet<>();
        for (Check c : checks) {
            ids.add(c.id());
        }
        for (int i = 0; ps != null && i < ps.size(); i++) {
            Check c = pattern(new Fields(ps.get(i), "patterns[" + i + "]", problems), variantIds, ctx);
            if (c != null) {
                if (!ids.add(c.id())) {
                    problems.add("patterns[" + i + "].id", "duplicate id " + Fields.cut(c.id()));
                }
                checks.add(c);
            }
        }
        List<Withdrawn> withdrawn = withdrawn(ws, ids, problems);
        if (checks.isEmpty() && problems.isEmpty()) {
            problems.add("", "no validation targets and no patterns");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new Spec(file, start, end, targetsFile, variants, checks, List.copyOf(withdrawn));
    }

    /** The {@code withdrawn} list: id, title, when, lastResult, reason, all text; an id that is still a check is refused. */
    private static List<Withdrawn> withdrawn(JsonNode ws, Set<String> checkIds, Fields.Problems problems) {
        List<Withdrawn> out = new ArrayList<>();
        if (ws == null) {
            return out;
        }
        if (!ws.isArray() || ws.size() > MAX_ENTRIES) {
            problems.add("withdrawn", "expected a list of at most " + MAX_ENTRIES + " withdrawn checks");
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ws.size(); i++) {
            Fields w = new Fields(ws.get(i), "withdrawn[" + i + "]", problems);
            String id = w.text("id");
            Withdrawn entry = new Withdrawn(id, w.text("title"), w.text("when"), w.text("lastResult"), w.text("reason"));
            w.done();
            if (id.isEmpty()) {
                continue;
            }
            if (ScenarioLoader.nameProblem(id) != null || !seen.add(id)) {
                problems.add(w.path() + ".id", "'" + Fields.cut(id) + "' is repeated or not a valid name");
            } else if (checkIds.contains(id)) {
                problems.add(w.path() + ".id", "'" + Fields.cut(id) + "' is still a check (a validation target or a pattern): "
                        + "remove it there or from withdrawn");
            } else {
                out.add(entry);
            }
        }
        return out;
    }

    private static Check pattern(Fields n, Set<String> variantIds, Targets.Context ctx) {
        Fields.Problems problems = n.problems();
        int before = problems.list().size();
        String id = n.text("id");
        String title = n.text("title");
        String source = n.text("source");
        String caveat = n.has("caveat") ? n.text("caveat") : null;
        JsonNode model = n.raw("model");
        int[] years = n.has("years") ? years(n, "years", ctx) : null;
        // without of: the pattern's model and years in the validated scenario itself
        Side of = side(n.has("of") ? n.group("of")
                : new Fields(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), n.path() + ".of", problems),
                model, years, variantIds, ctx);
        Side over = n.has("over") ? side(n.group("over"), model, years, variantIds, ctx) : null;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        String shown = "";
        boolean strict = false;
        Fields e = n.group("expect");
        if (e.has("value")) {
            lo = hi = e.num("value", -1e15, 1e15);
            shown = num(lo);
        } else if (e.has("low") || e.has("high")) {
            lo = e.num("low", -1e15, 1e15);
            hi = e.num("high", -1e15, 1e15);
            shown = "[" + num(lo) + "; " + num(hi) + "]";
        } else if (e.has("above") || e.has("below")) {
            // a direction: strictly beyond the threshold (a ratio of exactly 1 is no effect)
            strict = true;
            if (e.has("above")) {
                lo = e.num("above", -1e15, 1e15);
            }
            if (e.has("below")) {
                hi = e.num("below", -1e15, 1e15);
            }
            shown = e.has("above") && e.has("below") ? "(" + num(lo) + "; " + num(hi) + ")"
                    : e.has("above") ? "> " + num(lo) : "< " + num(hi);
        } else if (e.has("min") || e.has("max")) {
            if (e.has("min")) {
                lo = e.num("min", -1e15, 1e15);
            }
            if (e.has("max")) {
                hi = e.num("max", -1e15, 1e15);
            }
            shown = e.has("min") && e.has("max") ? "[" + num(lo) + "; " + num(hi) + "]"
                    : e.has("min") ? "≥ " + num(lo) : "≤ " + num(hi);
        } else {
            problems.add(n.path() + ".expect", "expected {min}, {max}, {above}, {below}, {low, high} or {value}");
        }
        e.done();
        if (lo > hi) {
            problems.add(n.path() + ".expect", "the lower bound is above the upper bound");
        }
        double tol = n.num("tolerance", 0, 10);
        n.done();
        if (problems.list().size() > before || of == null) {
            return null;
        }
        String yearsShown = over == null || of.years().equals(over.years()) ? of.years() : of.years() + " / " + over.years();
        return new Check(id, "pattern", title, source, caveat, yearsShown, of, over, lo, hi, strict, tol, shown);
    }

    private static int[] years(Fields n, String field, Targets.Context ctx) {
        JsonNode y = n.raw(field);
        String path = n.path() + "." + field;
        if (!y.isArray() || y.size() != 2 || !y.get(0).isInt() || !y.get(1).isInt()) {
            n.problems().add(path, "expected [from, to] (two years)");
            return null;
        }
        int from = y.get(0).asInt();
        int to = y.get(1).asInt();
        if (to < from) {
            n.problems().add(path, "[" + from + ", " + to + "]: from must not be after to");
            return null;
        }
        return ctx.checkYear(n, field, from) && ctx.checkYear(n, field, to) ? new int[]{from, to} : null;
    }

    private static Side side(Fields s, JsonNode defaultModel, int[] defaultYears, Set<String> variantIds, Targets.Context ctx) {
        String variant = s.has("variant") ? s.text("variant") : BASE;
        if (!variantIds.contains(variant)) {
            s.problems().add(s.path() + ".variant", "no variant '" + Fields.cut(variant) + "'; the file defines " + variantIds);
        }
        JsonNode model = s.has("model") ? s.raw("model") : defaultModel;
        int[] years = s.has("years") ? years(s, "years", ctx) : defaultYears;
        s.done();
        if (model == null || !model.isObject()) {
            s.problems().add(s.path(), "no model quantity (model: {...} here or on the pattern)");
            return null;
        }
        if (years == null) {
            s.problems().add(s.path(), "no years ([from, to] here or on the pattern)");
            return null;
        }
        String label = years[0] == years[1] ? Integer.toString(years[0]) : years[0] + "-" + years[1];
        String where = s.path() + ".model";
        Target.Quantity q = model.has("studyShare") || model.has("arrivalShare")
                ? flowShare(model, years[0], years[1], where, ctx, s.problems())
                : ModelQuantities.quantity(model, where, years[0], years[1], ctx, s.problems(), true);
        return q == null ? null : new Side(variant, ModelQuantities.describe(model), label, q);
    }

    private static Target.Quantity flowShare(JsonNode model, int from, int to, String where, Targets.Context ctx,
                                             Fields.Problems problems) {
        int before = problems.list().size();
        Fields top = new Fields(model, where, problems);
        boolean arrivals = top.has("arrivalShare");
        if (arrivals == top.has("studyShare")) {
            problems.add(where, "expected one of studyShare and arrivalShare");
        }
        Fields m = top.group(arrivals ? "arrivalShare" : "studyShare");
        top.done();
        Set<String> destinations = ctx.scenario().destinations().keySet();
        List<String> dest = m.ids("to", destinations);
        List<String> homes = m.has("homes") ? m.ids("homes", ctx.scenario().regions().keySet()) : List.of();
        String among = m.has("among") ? m.text("among") : "abroad";
        if (!(among.equals("abroad") || among.equals("all"))) {
            problems.add(m.path() + ".among", "expected abroad or all, found '" + Fields.cut(among) + "'");
        }
        if (dest.isEmpty()) {
            problems.add(m.path() + ".to", "needs at least one destination");
        }
        m.done();
        if (problems.list().size() > before) {
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
