package kz.kosh.search;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.experiment.report.Headline;
import kz.kosh.output.Indicators;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.PolicyParams;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A policy search ({@code kosh search FILE.yaml}): which policy fields may change from which year
 * (the decision variables), what to minimise or maximise and which limits to respect, over the
 * policy period against the reference scenario. Read strictly: unknown keys are refused and every
 * problem is reported in one pass with the file and field path.
 * <pre>
 * name: cheapest-retention
 * scenario: ../scenarios/baseline.yaml   # the reference; candidates extend it
 * fromYear: 2026                         # the candidates' timeline entry starts here
 * variables:
 *   - {path: policy.bolashak.awardsPerYear, min: 0, max: 2000, whole: true}
 *   - {path: policy.relocation.subsidyKzt, min: 0, max: 3000000}
 * objectives:
 *   - {indicator: programme_spending_kzt, sense: minimise}
 *   - {indicator: abroad_n_years_after_graduation_share_bolashak, sense: minimise}
 *   - {indicator: retention_own_graduates, place: KZ-59, sense: maximise, measure: last_year}
 * constraints:
 *   - {indicator: programme_spending_kzt, difference: true, max: 2.0e10}  # at most 20 bn KZT a year above the reference
 * population: 12            # even, 4..200
 * generations: 5            # 1..200
 * replications: 4           # paired replications per candidate during the search, 1..100
 * finalReplications: 10     # the final front is evaluated again with these, replications..400
 * seed: 1                   # the optimiser's random numbers
 * baseSeed: 1               # replication r runs with seed baseSeed + r in every candidate (common random numbers)
 * scale: 0.05               # also startYear, endYear, spinUpYears (optional)
 * robust: {percentile: 90}  # optional: rank by the worse-tail percentile over parameter sets
 * library: [../scenarios/relocation-tripled.yaml]  # optional: scenarios evaluated with the front and marked
 * </pre>
 */
public record SearchSpec(Path file, String name, Path scenario, int fromYear, List<Variable> variables,
                         List<Target> objectives, List<Target> constraints, int population, int generations,
                         int replications, int finalReplications, long seed, long baseSeed, double scale,
                         Integer startYear, Integer endYear, Integer spinUpYears, Integer robustPercentile,
                         List<Path> library) {

    /** Largest population, generations, replications: a search is at most 200 × 200 × 100 model runs + the front's. */
    public static final int MAX_POPULATION = 200;
    public static final int MAX_GENERATIONS = 200;
    public static final int MAX_REPLICATIONS = 100;
    public static final int MAX_FINAL_REPLICATIONS = 400;
    /** Largest number of decision variables, objectives and constraints. */
    public static final int MAX_VARIABLES = 20;
    public static final int MAX_OBJECTIVES = 5;
    /** Largest number of library scenarios marked on the front. */
    public static final int MAX_LIBRARY = 30;

    /** A decision variable: a numeric policy field, its bounds, whole or real, with the unit of its definition. */
    public record Variable(String path, double min, double max, boolean whole, String unit, String label) {
        /** The value of a search coordinate: rounded to a whole number when whole, clamped to the bounds. */
        public double decode(double x) {
            double v = Math.max(min, Math.min(max, x));
            // reals to the 6 decimals a candidate file holds, so that what is evaluated is what is written
            return whole ? Math.max(Math.ceil(min), Math.min(Math.floor(max), Math.rint(v)))
                    : Double.parseDouble(kz.kosh.output.Fmt.number(v));
        }
    }

    /** Whether an objective is minimised or maximised. */
    public enum Sense {
        MINIMISE, MAXIMISE
    }

    /**
     * An objective or a constraint: an indicator at a place, over the policy period (the mean of
     * the yearly values, their total, or the last year's value), minimised or maximised
     * (objectives), or bounded by {@code max} / {@code min} (constraints: on the mean over
     * replications, or with {@code difference} on the mean paired difference to the reference,
     * e.g. "at most 20 bn KZT a year more than the reference").
     */
    public record Target(String indicator, String place, Headline.Measure measure, Sense sense, double min, double max,
                         String unit, boolean difference) {
        Target(String indicator, String place, Headline.Measure measure, Sense sense, double min, double max, String unit) {
            this(indicator, place, measure, sense, min, max, unit, false);
        }

        /** indicator, or indicator@place for a regional one, with the measure when not the period mean. */
        public String code() {
            String c = place.equals(Indicators.NATIONAL) ? indicator : indicator + "@" + place;
            return measure == Headline.Measure.PERIOD_MEAN ? c : c + ":" + measureCode(measure);
        }

        /** The key of the indicator in an {@link kz.kosh.experiment.IndicatorTable}. */
        public String tableKey() {
            return indicator + "|" + place;
        }
    }

    static String measureCode(Headline.Measure m) {
        return m.name().toLowerCase(Locale.ROOT);
    }

    /** The variables' values of a search point (decoded). */
    public double[] decode(double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = variables.get(i).decode(x[i]);
        }
        return v;
    }

    /** Reads and validates a search file; every problem is reported in one pass. */
    public static SearchSpec load(Path file) {
        // the same guarded reading as scenario files: size limit, duplicate keys, anchors, empty files
        JsonNode root = kz.kosh.scenario.StrictYaml.readOrThrow(file, "search");
        Fields.Problems problems = new Fields.Problems(file.toString());
        Fields f = new Fields(root, "", problems);
        String name = f.name(file);
        String scenarioText = f.text("scenario");
        Path scenario = scenarioText.isEmpty() ? null : file.toAbsolutePath().getParent().resolve(scenarioText).normalize();
        ScenarioLoader.Loaded base = null;
        if (scenario != null) {
            try {
                base = ScenarioLoader.load(scenario);
            } catch (ScenarioException e) {
                e.problems().forEach(p -> problems.add("scenario", p));
            }
        }
        Integer start = f.has("startYear") ? f.integer("startYear", 1990, 2100) : null;
        Integer end = f.has("endYear") ? f.integer("endYear", 1990, 2150) : null;
        Integer spin = f.has("spinUpYears") ? f.integer("spinUpYears", 0, 60) : null;
        int firstYear = start != null ? start : base != null ? base.scenario().run().startYear() : 1990;
        int lastYear = end != null ? end : base != null ? base.scenario().run().endYear() : 2150;
        int fromYear = f.integer("fromYear", 1990, 2150);
        if (f.has("fromYear") && (fromYear <= firstYear || fromYear > lastYear)) {
            problems.add("fromYear", "must be after the first run year " + firstYear + " and at most the last " + lastYear
                    + " (the policy period runs from fromYear to the last year)");
        }
        List<Variable> variables = variables(f, problems);
        Set<String> places = places(base);
        List<Target> objectives = targets(f, "objectives", true, places, problems);
        List<Target> constraints = f.has("constraints") ? targets(f, "constraints", false, places, problems) : List.of();
        int population = f.integer("population", 4, MAX_POPULATION);
        if (population % 2 != 0) {
            problems.add("population", "value " + population + " is odd; NSGA-II mates in pairs: give an even number in [4, "
                    + MAX_POPULATION + "]");
        }
        int generations = f.integer("generations", 1, MAX_GENERATIONS);
        int replications = f.integer("replications", 1, MAX_REPLICATIONS);
        int finalReplications = f.has("finalReplications") ? f.integer("finalReplications", 1, MAX_FINAL_REPLICATIONS)
                : Math.min(MAX_FINAL_REPLICATIONS, 2 * replications);
        if (finalReplications < replications) {
            problems.add("finalReplications", "value " + finalReplications + " is below replications " + replications
                    + "; the final front is evaluated with at least as many");
        }
        long seed = f.has("seed") ? f.longValue("seed", 1, Long.MAX_VALUE / 2) : 1;
        long baseSeed = f.has("baseSeed") ? f.longValue("baseSeed", 1, Long.MAX_VALUE / 2) : 1;
        double scale = f.num("scale", 1e-4, 1.0);
        Integer robust = null;
        if (f.has("robust")) {
            Fields r = f.group("robust");
            robust = r.integer("percentile", 50, 99);
            r.done();
        }
        List<Path> library = new ArrayList<>();
        if (f.has("library")) {
            JsonNode l = f.raw("library");
            if (!l.isArray() || l.size() > MAX_LIBRARY) {
                problems.add("library", "expected a list of up to " + MAX_LIBRARY + " scenario files (relative to this file)");
            } else {
                for (int k = 0; k < l.size(); k++) {
                    final int i = k;
                    if (!l.get(i).isTextual()) {
                        problems.add("library[" + i + "]", "expected a scenario file name");
                        continue;
                    }
                    Path p = file.toAbsolutePath().getParent().resolve(l.get(i).textValue()).normalize();
                    try {
                        ScenarioLoader.load(p);
                        library.add(p);
                    } catch (ScenarioException e) {
                        e.problems().forEach(x -> problems.add("library[" + i + "]", x));
                    }
                }
            }
        }
        f.done();
        if (base != null && !variables.isEmpty() && problems.isEmpty()) {
            SearchSpec probe = new SearchSpec(file, name, scenario, fromYear, variables, objectives, constraints, population,
                    generations, replications, finalReplications, seed, baseSeed, scale, start, end, spin, robust, library);
            checkCandidates(probe, problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new SearchSpec(file.toAbsolutePath().normalize(), name, scenario, fromYear, List.copyOf(variables),
                List.copyOf(objectives), List.copyOf(constraints), population, generations, replications,
                finalReplications, seed, baseSeed, scale, start, end, spin, robust, List.copyOf(library));
    }

    /** The numeric policy parameters a search may vary, by path. */
    static java.util.Map<String, Param> searchable() {
        java.util.Map<String, Param> out = new java.util.LinkedHashMap<>();
        for (Param p : PolicyParams.definitions()) {
            if (p.numeric() && !p.path().contains("<")) {
                out.put(p.path(), p);
            }
        }
        return out;
    }

    private static List<Variable> variables(Fields f, Fields.Problems problems) {
        List<Variable> out = new ArrayList<>();
        JsonNode list = f.raw("variables");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_VARIABLES) {
            problems.add("variables", "expected a list of 1 to " + MAX_VARIABLES + " {path, min, max, whole}");
            return out;
        }
        java.util.Map<String, Param> allowed = searchable();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Fields v = new Fields(list.get(i), "variables[" + i + "]", problems);
            String path = v.text("path");
            Param p = allowed.get(path);
            if (!path.isEmpty() && p == null) {
                problems.add(v.path() + ".path", "'" + Fields.cut(path) + "' is not a numeric policy parameter; allowed: "
                        + String.join(", ", allowed.keySet()));
            }
            if (!seen.add(path)) {
                problems.add(v.path() + ".path", "'" + Fields.cut(path) + "' is already a variable");
            }
            double lo = p != null ? v.num("min", p.min(), p.max()) : v.num("min", -1e15, 1e15);
            double hi = p != null ? v.num("max", p.min(), p.max()) : v.num("max", -1e15, 1e15);
            if (lo >= hi) {
                problems.add(v.path() + ".max", "must be above min " + lo);
            }
            boolean whole = v.has("whole") && v.bool("whole");
            if (whole && Math.floor(hi) < Math.ceil(lo)) {
                problems.add(v.path() + ".max", "no whole number lies in [" + lo + ", " + hi + "]");
            }
            v.done();
            out.add(new Variable(path, lo, hi, whole, p == null ? "" : p.unit(), p == null ? path : p.label()));
        }
        return out;
    }

    private static Set<String> places(ScenarioLoader.Loaded base) {
        Set<String> out = new LinkedHashSet<>();
        out.add(Indicators.NATIONAL);
        if (base != null) {
            JsonNode t = base.tree();
            for (String section : List.of("regions", "destinations")) {
                JsonNode n = t.get(section);
                if (n != null && n.isObject()) {
                    n.fieldNames().forEachRemaining(out::add);
                } else if (n != null && n.isArray()) {
                    for (JsonNode e : n) {
                        if (e.has("id")) {
                            out.add(e.get("id").asText());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Target> targets(Fields f, String key, boolean objective, Set<String> places,
                                        Fields.Problems problems) {
        List<Target> out = new ArrayList<>();
        JsonNode list = f.raw(key);
        int most = objective ? MAX_OBJECTIVES : MAX_VARIABLES;
        if (list == null || !list.isArray() || (objective && list.size() < 2) || list.size() > most) {
            problems.add(key, objective ? "expected a list of 2 to " + MAX_OBJECTIVES + " {indicator, sense, place, measure}"
                    : "expected a list of up to " + most + " {indicator, max or min, place, measure}");
            return out;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Fields t = new Fields(list.get(i), key + "[" + i + "]", problems);
            String indicator = t.text("indicator");
            String unit = Indicators.unit(indicator);
            if (!indicator.isEmpty() && unit == null) {
                problems.add(t.path() + ".indicator", "unknown indicator '" + Fields.cut(indicator)
                        + "'; see docs/outputs.md for the indicators and their units");
            }
            String place = t.text("place", Indicators.NATIONAL);
            if (!places.contains(place)) {
                problems.add(t.path() + ".place", "unknown place '" + Fields.cut(place) + "'; allowed: " + places);
            }
            Headline.Measure measure = Headline.Measure.PERIOD_MEAN;
            if (t.has("measure")) {
                String m = t.text("measure");
                measure = null;
                for (Headline.Measure x : Headline.Measure.values()) {
                    if (measureCode(x).equals(m)) {
                        measure = x;
                    }
                }
                if (measure == null) {
                    problems.add(t.path() + ".measure", "unknown measure '" + Fields.cut(m)
                            + "'; allowed: period_mean, period_total, last_year, steady_state, steady_drift");
                    measure = Headline.Measure.PERIOD_MEAN;
                }
            }
            Sense sense = null;
            boolean difference = false;
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            if (objective) {
                String s = t.text("sense");
                sense = s.equals("minimise") || s.equals("minimize") ? Sense.MINIMISE
                        : s.equals("maximise") || s.equals("maximize") ? Sense.MAXIMISE : null;
                if (sense == null && !s.isEmpty()) {
                    problems.add(t.path() + ".sense", "unknown sense '" + Fields.cut(s) + "'; allowed: minimise, maximise");
                }
            } else {
                if (!t.has("max") && !t.has("min")) {
                    problems.add(t.path(), "give max, min or both");
                }
                difference = t.has("difference") && t.bool("difference");
                lo = t.has("min") ? t.num("min", -1e18, 1e18) : lo;
                hi = t.has("max") ? t.num("max", -1e18, 1e18) : hi;
                if (lo > hi) {
                    problems.add(t.path() + ".max", "must not be below min " + lo);
                }
            }
            t.done();
            Target target = new Target(indicator, place, measure, sense, lo, hi, unit == null ? "" : unit, difference);
            if (objective && !codes.add(target.code())) {
                problems.add(t.path(), target.code() + " is already an objective");
            }
            out.add(target);
        }
        return out;
    }

    /** Loads the candidates at the corners of the box (all minima, all maxima), reporting what the loader refuses. */
    private static void checkCandidates(SearchSpec s, Fields.Problems problems) {
        for (boolean high : new boolean[]{false, true}) {
            double[] v = new double[s.variables().size()];
            for (int i = 0; i < v.length; i++) {
                Variable x = s.variables().get(i);
                v[i] = x.decode(high ? x.max() : x.min());
            }
            try {
                Candidates.load(s, v);
            } catch (ScenarioException e) {
                e.problems().forEach(p -> problems.add("variables", "the candidate with every variable at its "
                        + (high ? "max" : "min") + " does not load: " + p));
            } catch (java.io.UncheckedIOException e) {
                problems.add("variables", "cannot write a probe candidate: " + e.getMessage());
            }
        }
    }

    /**
     * The accounting targets every search records besides its objectives and constraints: net
     * programme spending summed over the policy period and graduates living in Kazakhstan in the
     * last year; their paired differences give the cost per additional graduate retained.
     */
    public static final List<Target> ACCOUNTING = List.of(
            new Target(kz.kosh.indicator.CoreIndicators.PROGRAMME_SPENDING_KZT.name(), Indicators.NATIONAL, Headline.Measure.PERIOD_TOTAL, null,
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, kz.kosh.indicator.CoreIndicators.PROGRAMME_SPENDING_KZT.unit()),
            new Target(kz.kosh.indicator.CoreIndicators.GRADUATES_IN_KZ.name(), Indicators.NATIONAL, Headline.Measure.LAST_YEAR, null,
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, kz.kosh.indicator.CoreIndicators.GRADUATES_IN_KZ.unit()));

    /** Every target: the objectives, the constraints, then the {@link #ACCOUNTING} targets. */
    public List<Target> targets() {
        List<Target> all = new ArrayList<>(objectives);
        all.addAll(constraints);
        all.addAll(ACCOUNTING);
        return all;
    }

    /** Index of the first {@link #ACCOUNTING} target in {@link #targets()}. */
    public int accountingIndex() {
        return objectives.size() + constraints.size();
    }

    /** A short description for logs. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: %d variables, %d objectives, %d constraints; NSGA-II %d x %d generations, "
                        + "%d paired replications (front: %d), scale %s", name, variables.size(), objectives.size(),
                constraints.size(), population, generations, replications, finalReplications,
                kz.kosh.output.Fmt.number(scale));
    }

}
