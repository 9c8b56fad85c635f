package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** Reads and checks a calibration file; every problem is reported in one pass. */
    public static CalibrationSpec load(Path file) {
        JsonNode root = Targets.readMapping(file);
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = root.has("name") ? root.get("name").asText()
                : file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String nameProblem = ScenarioLoader.nameProblem(name);
        if (nameProblem != null) {
            problems.add("name: " + nameProblem);
        }
        Path scenario = path(root, "scenario", dir, problems);
        Path targets = path(root, "targets", dir, problems);
        int reps = integer(root, "replications", 1, problems);
        int reportReps = root.has("reportReplications") ? integer(root, "reportReplications", 1, problems) : reps;
        long seed = root.has("baseSeed") ? root.get("baseSeed").asLong() : 1;
        if (seed < 1) {
            problems.add("baseSeed: must be at least 1");
        }
        double scale = root.has("scale") ? root.get("scale").asDouble() : 0.05;
        if (!(scale > 0 && scale <= 1)) {
            problems.add("scale: must be in (0, 1]");
        }
        Integer start = root.has("startYear") ? root.get("startYear").asInt() : null;
        Integer end = root.has("endYear") ? root.get("endYear").asInt() : null;
        Integer spin = root.has("spinUpYears") ? root.get("spinUpYears").asInt() : null;
        int budget = integer(root, "budget", 1, problems);
        JsonNode opt = root.has("optimizer") ? root.get("optimizer") : ScenarioLoader.yamlMapper().createObjectNode();
        long optSeed = opt.has("seed") ? opt.get("seed").asLong() : 42;
        double sigma = opt.has("sigma") ? opt.get("sigma").asDouble() : 0.3;
        if (!(sigma > 0 && sigma <= 1)) {
            problems.add("optimizer.sigma: must be in (0, 1] (parameters are normalised to [0, 1])");
        }
        List<Parameter> params = new ArrayList<>();
        JsonNode list = root.get("parameters");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("parameters: expected a non-empty list of {path, min, max}");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode p = list.get(i);
                if (!p.has("path") || !p.has("min") || !p.has("max")) {
                    problems.add("parameters[" + i + "]: needs path, min and max");
                    continue;
                }
                double lo = p.get("min").asDouble();
                double hi = p.get("max").asDouble();
                if (!(hi > lo)) {
                    problems.add("parameters[" + i + "]: max must exceed min");
                }
                params.add(new Parameter(p.get("path").asText(), lo, hi));
            }
        }
        int lambda = opt.has("populationSize") ? opt.get("populationSize").asInt()
                : 4 + (int) Math.floor(3 * Math.log(Math.max(1, params.size())));
        JsonNode out = root.has("output") ? root.get("output") : ScenarioLoader.yamlMapper().createObjectNode();
        Path outScenario = out.has("scenario") ? dir.resolve(out.get("scenario").asText()).normalize()
                : dir.resolve(name + "-calibrated.yaml");
        Path outDoc = out.has("doc") ? dir.resolve(out.get("doc").asText()).normalize() : null;
        double checkScale = 0;
        int checkReps = 0;
        if (root.has("scaleCheck")) {
            JsonNode c = root.get("scaleCheck");
            checkScale = c.has("scale") ? c.get("scale").asDouble() : 1.0;
            checkReps = c.has("replications") ? c.get("replications").asInt() : 2;
            if (!(checkScale > 0 && checkScale <= 1) || checkReps < 1) {
                problems.add("scaleCheck: scale in (0, 1] and replications >= 1");
            }
        }
        if (!problems.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String s : problems) {
                named.add(file + ": " + s);
            }
            throw new ScenarioException(named);
        }
        return new CalibrationSpec(name, scenario, targets, List.copyOf(params), reps, Math.max(reps, reportReps), seed,
                scale, start, end, spin, budget, optSeed, sigma, lambda, outScenario, outDoc, file, checkScale, checkReps);
    }

    private static Path path(JsonNode root, String field, Path dir, List<String> problems) {
        if (!root.has(field)) {
            problems.add(field + ": required (a file relative to the calibration file)");
            return null;
        }
        return dir.resolve(root.get(field).asText()).normalize();
    }

    private static int integer(JsonNode root, String field, int min, List<String> problems) {
        if (!root.has(field) || !root.get(field).canConvertToInt()) {
            problems.add(field + ": required integer");
            return min;
        }
        int v = root.get(field).asInt();
        if (v < min) {
            problems.add(field + ": must be at least " + min);
        }
        return v;
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
