package kz.kosh.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sweep} of an experiment file: its parameters (numbers of the reference scenario, not
 * run settings), their levels or ranges, the design ({@link Designs}) and its points, each point
 * a scenario overlay checked by loading it; every problem in one pass, naming the field.
 */
final class Sweep {
    private Sweep() {
    }

    /** Largest design of a sweep (points) and number of swept parameters; checked before any point is built. */
    public static final int MAX_DESIGN_POINTS = 10_000;

    public static final int MAX_DIMENSIONS = 50;

    /**
     * Why {@code path} cannot be swept, or null: it must name a number of the reference scenario
     * (not {@code name}, a list or a mapping), once, and not a run setting: {@code run.*} is set
     * by the experiment for every scenario (startYear, endYear, scale, seeds), so a swept value
     * would either change nothing or mislabel the years of the summary.
     */
    static String sweepPathProblem(String path, JsonNode baseTree, List<String> earlier) {
        if (path.isEmpty()) {
            return null; // reported as missing
        }
        if (path.equals("run") || path.startsWith("run.")) {
            return "run settings are not sweepable (the experiment's startYear, endYear, scale and baseSeed set them for "
                    + "every scenario and design point)";
        }
        if (earlier.contains(path)) {
            return "'" + Fields.cut(path) + "' is swept twice; name each parameter once";
        }
        JsonNode v = baseTree.at("/" + path.replace('.', '/'));
        if (!v.isNumber()) {
            return "'" + Fields.cut(path) + "' is not a number of the reference scenario"
                    + (v.isMissingNode() ? "" : " (it is " + (v.isTextual() ? "text" : v.isObject() ? "a mapping" : v.isArray() ? "a list" : "not a number") + ")")
                    + "; a sweep varies numeric fields (e.g. decision.stayBonus)";
        }
        return null;
    }

    /**
     * Each level (grid) or end of the range (min, max) must lie within the bounds of the swept
     * parameter's definition ({@link kz.kosh.scenario.Params#find}): one problem per value out of
     * them, before any design point is built (each point would repeat it).
     */
    private static void checkBounds(String path, double[] values, boolean grid, String where, Fields.Problems problems) {
        kz.kosh.scenario.Param def = kz.kosh.scenario.Params.find(path).filter(kz.kosh.scenario.Param::numeric).orElse(null);
        if (def == null) {
            return;
        }
        for (int k = 0; k < values.length; k++) {
            if (!Double.isNaN(values[k]) && !def.allows(values[k])) {
                problems.add(where + (grid ? ".values[" + k + "]" : k == 0 ? ".min" : ".max"), "value " + Fields.fmt(values[k])
                        + " is outside the bounds of " + def.path() + "; allowed [" + Fields.fmt(def.min()) + ", "
                        + Fields.fmt(def.max()) + "] (" + def.unit() + ")");
            }
        }
    }

    /** The number of points a design will have, computed without building it (saturating at Long.MAX_VALUE). */
    private static long designSize(Fields sw, String design, List<double[]> levels) {
        int k = levels.size();
        JsonNode n = sw.raw(design.equals("morris") ? "trajectories" : "points");
        long given = n != null && n.canConvertToLong() ? Math.max(0, n.asLong()) : 0;
        try {
            return switch (design) {
                case "grid" -> {
                    long c = 1;
                    for (double[] lv : levels) {
                        c = Math.multiplyExact(c, Math.max(1, lv.length));
                    }
                    yield c;
                }
                case "saltelli" -> Math.multiplyExact(given, k + 2L);
                case "morris" -> Math.multiplyExact(given, k + 1L);
                default -> given;
            };
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    static List<ExperimentSpec.Entry> designPointsOf(Fields sw, ExperimentSpec.Entry base, String design, Fields.Problems problems) {
        List<ExperimentSpec.Entry> out = new ArrayList<>();
        JsonNode list = sw.raw("parameters");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(sw.path() + ".parameters", "expected a non-empty list of {path, values} or {path, min, max}");
            return out;
        }
        if (!List.of("grid", "latin-hypercube", "sobol", "saltelli", "morris").contains(design)) {
            problems.add(sw.path() + ".design", "unknown design '" + Fields.cut(design)
                    + "'; allowed: grid, latin-hypercube, sobol, saltelli, morris");
            sw.raw("points");
            sw.raw("seed");
            sw.raw("trajectories");
            sw.raw("levels");
            return out;
        }
        if (list.size() > MAX_DIMENSIONS) {
            problems.add(sw.path() + ".parameters", "sweeps " + list.size() + " parameters; at most " + MAX_DIMENSIONS);
            return out;
        }
        JsonNode baseTree;
        try {
            baseTree = ScenarioLoader.load(base.file()).tree();
        } catch (ScenarioException e) {
            return out; // reported with the scenario
        }
        List<String> paths = new ArrayList<>();
        List<double[]> levels = new ArrayList<>();
        int before = problems.list().size();
        for (int i = 0; i < list.size(); i++) {
            Fields p = new Fields(list.get(i), sw.path() + ".parameters[" + i + "]", problems);
            String path = p.text("path");
            String pathProblem = sweepPathProblem(path, baseTree, paths);
            if (pathProblem != null) {
                problems.add(p.path() + ".path", pathProblem);
            }
            paths.add(path);
            if (design.equals("grid")) {
                JsonNode v = list.get(i).get("values");
                p.has("values");
                if (v == null || !v.isArray() || v.isEmpty()) {
                    problems.add(p.path() + ".values", "expected a non-empty list of numbers for a grid design");
                    levels.add(new double[0]);
                } else {
                    double[] d = new double[v.size()];
                    for (int k = 0; k < d.length; k++) {
                        if (!v.get(k).isNumber()) {
                            problems.add(p.path() + ".values[" + k + "]", "expected a number, found " + v.get(k));
                        }
                        d[k] = v.get(k).isNumber() ? v.get(k).asDouble() : Double.NaN;
                    }
                    levels.add(d);
                }
            } else {
                double lo = p.num("min", -1e12, 1e12);
                double hi = p.num("max", -1e12, 1e12);
                if (lo > hi) {
                    problems.add(p.path() + ".max", "must not be below min " + lo);
                }
                levels.add(new double[]{lo, hi});
            }
            if (pathProblem == null) {
                checkBounds(path, levels.get(levels.size() - 1), design.equals("grid"), p.path(), problems);
            }
            p.done();
        }
        long count = designSize(sw, design, levels);
        if (count > MAX_DESIGN_POINTS) {
            problems.add(sw.path(), "the " + design + " design has " + (count == Long.MAX_VALUE ? "more than 10^18" : count)
                    + " points; at most " + MAX_DESIGN_POINTS + " (split the study, or use fewer levels, points or trajectories)");
            return out;
        }
        if (problems.list().size() > before) {
            return out; // the design's own problems first: its points would repeat them
        }
        List<double[]> points = new ArrayList<>();
        if (design.equals("grid")) {
            points.add(new double[0]);
            for (double[] lv : levels) {
                List<double[]> next = new ArrayList<>();
                for (double[] pt : points) {
                    for (double x : lv) {
                        double[] q = java.util.Arrays.copyOf(pt, pt.length + 1);
                        q[pt.length] = x;
                        next.add(q);
                    }
                }
                points = next;
            }
        } else if (design.equals("latin-hypercube")) {
            int n = sw.integer("points", 2, 100_000);
            long seed = sw.longValue("seed", 1, Long.MAX_VALUE);
            points = Designs.latinHypercube(levels, n, seed);
        } else if (design.equals("sobol")) {
            points = Designs.sobol(levels, sw.integer("points", 2, 100_000));
        } else if (design.equals("saltelli")) {
            points = Designs.saltelli(levels, sw.integer("points", 2, 100_000));
        } else if (design.equals("morris")) {
            int trajectories = sw.integer("trajectories", 1, 10_000);
            int gridLevels = sw.has("levels") ? sw.integer("levels", 2, 100) : 4;
            points = Designs.morris(levels, trajectories, gridLevels, sw.longValue("seed", 1, Long.MAX_VALUE));
        } else {
            problems.add(sw.path() + ".design", "unknown design '" + design + "'; allowed: grid, latin-hypercube, sobol, saltelli, morris");
            return out;
        }
        for (int k = 0; k < points.size(); k++) {
            ObjectNode overlay = JsonNodeFactory.instance.objectNode();
            StringBuilder label = new StringBuilder(base.name()).append("@p").append(k + 1);
            for (int i = 0; i < paths.size(); i++) {
                set(overlay, paths.get(i), points.get(k)[i]);
            }
            ExperimentSpec.Entry e = new ExperimentSpec.Entry(label.toString(), base.file(), overlay);
            try {
                ScenarioLoader.load(e.file(), e.overlay(), e.name());
            } catch (ScenarioException ex) {
                for (String s : ex.problems()) {
                    problems.add(sw.path() + " design point " + (k + 1), s);
                }
                continue;
            }
            out.add(e);
        }
        return out;
    }

    /** Sets a dotted path (e.g. policy.bolashak.awardsPerYear) in an overlay. */
    static void set(ObjectNode root, String dottedPath, double value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode o = root;
        for (int i = 0; i < parts.length - 1; i++) {
            o = o.withObject("/" + parts[i]);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            o.put(parts[parts.length - 1], (long) value);
        } else {
            o.put(parts[parts.length - 1], value);
        }
    }
}
