package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A calibration: the scenario to fit, the free parameters with bounds, the targets, the Monte
 * Carlo settings and the optimizer's budget. Read from YAML (paths relative to the file):
 * <pre>
 * name: baseline
 * scenario: ../scenarios/baseline.yaml
 * targets: targets.yaml
 * replications: 2            # per evaluation; replication r uses seed baseSeed + r in every evaluation
 * reportReplications: 4      # for the report of the starting point and the fit
 * baseSeed: 1
 * scale: 0.05
 * startYear: 2015            # optional, also endYear and spinUpYears
 * endYear: 2025
 * budget: 80                 # evaluations of the optimizer
 * optimizer: {seed: 42, sigma: 0.3, populationSize: 8}
 * parameters:
 *   - {path: decision.followThroughAbroad, min: 0.05, max: 1.0}
 * output: {scenario: baseline-calibrated.yaml, doc: ../docs/calibration.md}
 * scaleCheck: {scale: 1.0, replications: 2}   # optional: the fit re-run at another scale
 * </pre>
 */
public record CalibrationSpec(String name, Path scenario, Path targets, List<Parameter> parameters, int replications,
                              int reportReplications, long baseSeed, double scale, Integer startYear, Integer endYear,
                              Integer spinUpYears, int budget, long optimizerSeed, double sigma, int populationSize,
                              Path outputScenario, Path outputDoc, Path file, double checkScale, int checkReplications) {

    /** A free parameter: a dotted scenario path and its bounds; the optimizer sees (value − min) / (max − min). */
    public record Parameter(String path, double min, double max) {
        public double value(double unit) {
            return min + unit * (max - min);
        }

        public double unit(double value) {
            return Math.max(0, Math.min(1, (value - min) / (max - min)));
        }
    }

    /** Largest numbers of a calibration file, checked before any work (memory and time are bounded by them). */
    public static final int MAX_REPLICATIONS = 1_000;
    public static final int MAX_BUDGET = 100_000;
    public static final int MAX_POPULATION = 1_000;
    public static final int MAX_PARAMETERS = 100;

    /**
     * Reads and checks a calibration file with the strict reader ({@link kz.kosh.scenario.StrictYaml},
     * {@link Fields}): unknown keys (e.g. {@code optimiser}, {@code scalecheck}), wrong types and
     * values out of range are refused, the scenario and targets must exist, parameter paths must
     * name numbers of the scenario and their bounds must be valid values of it (min &lt; max),
     * years ordered; every problem in one pass, each with the file and the field path.
     */
    public static CalibrationSpec load(Path file) {
        ObjectNode root = kz.kosh.scenario.StrictYaml.readOrThrow(file, "calibration");
        Fields.Problems problems = new Fields.Problems(file.toString());
        Fields f = new Fields(root, "", problems);
        Path dir = file.toAbsolutePath().getParent();
        String name = f.name(file);
        Path scenario = inputFile(f, "scenario", dir);
        Path targets = inputFile(f, "targets", dir);
        int reps = f.integer("replications", 1, MAX_REPLICATIONS);
        int reportReps = f.has("reportReplications") ? f.integer("reportReplications", 1, MAX_REPLICATIONS) : reps;
        long seed = f.has("baseSeed") ? f.longValue("baseSeed", 1, (1L << 62) - 1) : 1;
        double scale = f.has("scale") ? f.num("scale", kz.kosh.scenario.RunSettings.MIN_SCALE, 1.0) : 0.05;
        Integer start = f.has("startYear") ? f.integer("startYear", 1900, 2200) : null;
        Integer end = f.has("endYear") ? f.integer("endYear", 1900, 2200) : null;
        Integer spin = f.has("spinUpYears") ? f.integer("spinUpYears", 0, 60) : null;
        if (start != null && end != null && end < start) {
            problems.add("endYear", "must not be before startYear " + start);
        }
        int budget = f.integer("budget", 1, MAX_BUDGET);
        long optSeed = 42;
        double sigma = 0.3;
        Integer lambdaGiven = null;
        if (f.has("optimizer")) {
            Fields o = f.group("optimizer");
            optSeed = o.has("seed") ? o.longValue("seed", 1, (1L << 62) - 1) : optSeed;
            if (o.has("sigma")) {
                sigma = o.num("sigma", 1e-6, 1.0);
            }
            lambdaGiven = o.has("populationSize") ? o.integer("populationSize", 2, MAX_POPULATION) : null;
            o.done();
        }
        List<Parameter> params = new ArrayList<>();
        JsonNode list = f.raw("parameters");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("parameters", "expected a non-empty list of {path, min, max}");
        } else if (list.size() > MAX_PARAMETERS) {
            problems.add("parameters", "holds " + list.size() + " parameters; at most " + MAX_PARAMETERS);
        } else {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Fields p = new Fields(list.get(i), "parameters[" + i + "]", problems);
                String path = p.text("path");
                double lo = p.num("min", -1e12, 1e12);
                double hi = p.num("max", -1e12, 1e12);
                p.done();
                if (!path.isEmpty() && !seen.add(path)) {
                    problems.add("parameters[" + i + "].path", "repeated parameter " + Fields.cut(path) + "; each path may appear once");
                }
                if (lo < hi || Double.isNaN(lo) || Double.isNaN(hi)) {
                    params.add(new Parameter(path, lo, hi));
                } else {
                    problems.add("parameters[" + i + "]", "max must exceed min");
                }
            }
        }
        int lambda = lambdaGiven != null ? lambdaGiven : 4 + (int) Math.floor(3 * Math.log(Math.max(1, params.size())));
        Path outScenario = dir.resolve(name + "-calibrated.yaml");
        Path outDoc = null;
        if (f.has("output")) {
            Fields o = f.group("output");
            if (o.has("scenario")) {
                outScenario = dir.resolve(o.text("scenario")).normalize();
            }
            if (o.has("doc")) {
                outDoc = dir.resolve(o.text("doc")).normalize();
            }
            o.done();
        }
        double checkScale = 0;
        int checkReps = 0;
        if (f.has("scaleCheck")) {
            Fields c = f.group("scaleCheck");
            checkScale = c.has("scale") ? c.num("scale", kz.kosh.scenario.RunSettings.MIN_SCALE, 1.0) : 1.0;
            checkReps = c.has("replications") ? c.integer("replications", 1, MAX_REPLICATIONS) : 2;
            c.done();
        }
        f.done();
        if (scenario != null && java.nio.file.Files.isRegularFile(scenario)) {
            // also beside the file's other problems: every problem in one pass
            checkParameters(scenario, params, problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new CalibrationSpec(name, scenario, targets, List.copyOf(params), reps, Math.max(reps, reportReps), seed,
                scale, start, end, spin, budget, optSeed, sigma, lambda, outScenario, outDoc, file, checkScale, checkReps);
    }

    /**
     * Every parameter path must name a numeric parameter (its definition, {@link kz.kosh.scenario.Params#find})
     * with the bounds inside the definition's, and the scenario must accept both bounds (loaded with all
     * parameters at their minimum, then at their maximum: the rules joining fields).
     */
    private static void checkParameters(Path scenario, List<Parameter> params, Fields.Problems problems) {
        // the parameters without a problem of their own (bounds read and ordered, a numeric parameter of a
        // scenario, within its definition's bounds) go on to the scenario's own checks, beside the others' problems
        List<Parameter> good = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (!(p.min() < p.max()) || p.path().isEmpty()) {
                continue;  // reported where read
            }
            String problem = kz.kosh.scenario.Params.freeParameterProblem(p.path(), p.min(), p.max());
            if (problem != null) {
                problems.add("parameters[" + i + "]" + (problem.startsWith("[") ? "" : ".path"), problem);
            } else {
                good.add(p);
            }
        }
        try {
            timelineProblems(ScenarioLoader.load(scenario).tree(), params, problems);
        } catch (ScenarioException e) {
            e.problems().forEach(p -> problems.add("scenario", p));
            return;
        }
        if (good.isEmpty()) {
            return;
        }
        // a problem of the scenario at the min bounds, at the max bounds or at both: reported once
        java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
        for (boolean upper : new boolean[]{false, true}) {
            double[] v = new double[good.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = upper ? good.get(i).max() : good.get(i).min();
            }
            try {
                ScenarioLoader.load(scenario, Evaluator.overlay(good, v), null);
            } catch (ScenarioException e) {
                e.problems().forEach(p -> refused.merge(p, upper ? "max" : "min", (a, b) -> "min and max"));
            }
        }
        refused.forEach((p, which) -> {
            int i = parameterNamedIn(p, params);
            problems.add(i < 0 ? "parameters" : "parameters[" + i + "]", "the scenario refuses the " + which + " bounds: " + p);
        });
    }

    /**
     * The index of the one parameter whose path a problem of the scenario names (as "PATH:" or
     * "PATH "; a path that is the start of another named one, study.destinationConstants before
     * study.destinationConstants.RU, does not count), or -1 when none or several (a rule joining fields).
     */
    static int parameterNamedIn(String problem, List<Parameter> params) {
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String path = params.get(i).path();
            for (int at = problem.indexOf(path); at >= 0; at = problem.indexOf(path, at + 1)) {
                int end = at + path.length();
                if ((at == 0 || " :(".indexOf(problem.charAt(at - 1)) >= 0)
                        && (end == problem.length() || ": ".indexOf(problem.charAt(end)) >= 0)) {
                    named.add(i);
                    break;
                }
            }
        }
        named.removeIf(i -> named.stream().anyMatch(j -> !j.equals(i)
                && params.get(j).path().startsWith(params.get(i).path() + ".")));
        return named.size() == 1 ? named.get(0) : -1;
    }

    /**
     * A free parameter is applied as a top-level value of the scenario (an overlay), and a
     * top-level value holds in every year: it removes the scenario's timeline entries that set the
     * same field. A free parameter that the scenario's timeline changes (e.g. Russia's safety index,
     * lowered in 2022) would silently erase that change in every run, so it is refused.
     */
    static void timelineProblems(com.fasterxml.jackson.databind.JsonNode tree, List<Parameter> params, Fields.Problems problems) {
        com.fasterxml.jackson.databind.JsonNode tl = tree.get("timeline");
        if (tl == null || !tl.isArray()) {
            return;
        }
        for (int i = 0; i < params.size(); i++) {
            String ptr = "/" + params.get(i).path().replace('.', '/');
            List<String> years = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode e : tl) {
                if (!e.at(ptr).isMissingNode()) {
                    years.add(e.path("fromYear").asText("?"));
                }
            }
            if (!years.isEmpty()) {
                problems.add("parameters[" + i + "].path", params.get(i).path() + " is changed by the scenario's timeline (from "
                        + String.join(", ", years) + "); a free parameter is applied as a top-level value, which holds in every "
                        + "year and would erase that change: leave it fixed, or free a parameter the timeline does not set");
            }
        }
    }

    private static Path inputFile(Fields f, String field, Path dir) {
        String v = f.text(field);
        if (v.isEmpty()) {
            return null;
        }
        Path p = dir.resolve(v).normalize();
        if (!java.nio.file.Files.isRegularFile(p)) {
            f.problems().add(field, "no such file " + Fields.cut(p.toString()) + " (relative to the calibration file)");
        }
        return p;
    }

    /**
     * The targets of this calibration, checked against the scenario and the years the
     * calibration records (its startYear and endYear, else the scenario's).
     */
    public List<Target> loadTargets() {
        kz.kosh.scenario.Scenario s = ScenarioLoader.load(scenario).scenario();
        return Targets.load(targets, s, startYear != null ? startYear : s.run().startYear(),
                endYear != null ? endYear : s.run().endYear());
    }

    /** The same calibration at another scale (for the scale check). */
    public CalibrationSpec withScale(double s) {
        return new CalibrationSpec(name, scenario, targets, parameters, replications, reportReplications, baseSeed, s, startYear,
                endYear, spinUpYears, budget, optimizerSeed, sigma, populationSize, outputScenario, outputDoc, file, checkScale,
                checkReplications);
    }

    /** The same calibration with another budget. */
    public CalibrationSpec withBudget(int b) {
        return new CalibrationSpec(name, scenario, targets, parameters, replications, reportReplications, baseSeed, scale,
                startYear, endYear, spinUpYears, b, optimizerSeed, sigma, populationSize, outputScenario, outputDoc, file,
                checkScale, checkReplications);
    }

    /** Parameter values of a point of the unit cube. */
    public double[] values(double[] unit) {
        double[] v = new double[parameters.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters.get(i).value(unit[i]);
        }
        return v;
    }
}
