package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.CellStats;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.LocalReplication;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Evaluates parameter points: the scenario with the parameter values overlaid, run as an
 * experiment of one scenario (kz.kosh.experiment.ExperimentSpec: the calibration's scale and
 * years; replication r uses seed baseSeed + r at every point, common random numbers), each
 * replication a {@link LocalReplication} on a thread pool; the model value of every target
 * point is computed per replication, and replications found in the {@link EvaluationCache}
 * are not rerun.
 */
public final class Evaluator implements AutoCloseable {
    private final CalibrationSpec spec;
    private final List<Target> targets;
    private final EvaluationCache cache;
    private final ExecutorService pool;
    private final String fingerprint;
    private final int points;
    private int replicationsRun;

    /** One evaluated point: parameter values, per replication the flat target-point values, statistics. */
    public record Evaluation(double[] unit, double[] values, double[][] replications, double[] mean, double[] ciLow,
                             double[] ciHigh, double distance) {
    }

    public Evaluator(CalibrationSpec spec, List<Target> targets, EvaluationCache cache, int threads) {
        this.spec = spec;
        this.targets = targets;
        this.cache = cache;
        this.points = Distance.points(targets);
        this.pool = kz.kosh.experiment.Threads.daemonPool(threads, "kosh-calibration");
        this.fingerprint = fingerprint(spec, targets);
    }

    /**
     * The settings an evaluation depends on: the resolved base scenario, the target definitions,
     * the parameter paths, base seed, scale, years and the model version. Not the bounds (the
     * cache keys hold parameter values) nor the number of replications (cached per replication).
     */
    static String fingerprint(CalibrationSpec spec, List<Target> targets) {
        StringBuilder sb = new StringBuilder();
        sb.append(ScenarioLoader.load(spec.scenario()).toYaml()).append('\n');
        for (Target t : targets) {
            sb.append(t.id()).append(':').append(t.model()).append(':');
            for (Target.Point p : t.points()) {
                sb.append(p.label()).append(';');
            }
            sb.append('\n');
        }
        for (CalibrationSpec.Parameter p : spec.parameters()) {
            sb.append(p.path()).append(',');
        }
        sb.append('\n').append(spec.baseSeed()).append(',').append(spec.scale()).append(',').append(spec.startYear())
                .append(',').append(spec.endYear()).append(',').append(spec.spinUpYears()).append(',')
                .append(kz.kosh.output.BuildInfo.version());
        return EvaluationCache.sha256(sb.toString());
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The overlay that sets the parameters (dotted paths) to the values. */
    public static ObjectNode overlay(List<CalibrationSpec.Parameter> params, double[] values) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < params.size(); i++) {
            String[] parts = params.get(i).path().split("\\.");
            ObjectNode o = root;
            for (int k = 0; k < parts.length - 1; k++) {
                o = o.withObject("/" + parts[k]);
            }
            o.put(parts[parts.length - 1], values[i]);
        }
        return root;
    }

    /** The experiment of one point (the runner's settings: scale, years, seeds). */
    ExperimentSpec experiment(double[] values, int reps) {
        return new ExperimentSpec("calibration-" + spec.name(),
                List.of(new ExperimentSpec.Entry(spec.name(), spec.scenario(), overlay(spec.parameters(), values))), 0,
                reps, spec.baseSeed(), spec.scale(), spec.startYear(), spec.endYear(), spec.spinUpYears());
    }

    /** The values of a parameter at the base scenario, as given (null where the scenario lacks it). */
    public static double[] baseValues(CalibrationSpec spec) {
        JsonNode tree = ScenarioLoader.load(spec.scenario()).tree();
        double[] v = new double[spec.parameters().size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = tree.at("/" + spec.parameters().get(i).path().replace('.', '/'));
            if (n.isMissingNode() || !n.isNumber()) {
                throw new IllegalArgumentException("the scenario has no number at " + spec.parameters().get(i).path());
            }
            v[i] = n.asDouble();
        }
        return v;
    }

    /** Evaluates a point of the unit cube with the first {@code reps} replications. */
    public Evaluation evaluate(double[] unit, int reps) {
        return evaluateValues(unit, spec.values(unit), reps);
    }

    /** Evaluates parameter values (unit: their normalised form, kept for the record). */
    public Evaluation evaluateValues(double[] unit, double[] values, int reps) {
        double[][] out = new double[reps][];
        List<Integer> todo = new ArrayList<>();
        String[] keys = new String[reps];
        for (int r = 0; r < reps; r++) {
            keys[r] = EvaluationCache.key(fingerprint, values, r);
            out[r] = cache.get(keys[r]);
            if (out[r] != null && out[r].length != Distance.points(targets)) {
                out[r] = null; // a line of another shape (edited, or another targets file): recompute
            }
            if (out[r] == null) {
                todo.add(r);
            }
        }
        if (!todo.isEmpty()) {
            ExperimentSpec exp = experiment(values, reps);
            ScenarioLoader.Loaded loaded = exp.load(exp.scenarios().get(0));
            List<Future<double[]>> futures = new ArrayList<>();
            for (int r : todo) {
                LocalReplication task = new LocalReplication(0, r, loaded, exp.seed(r));
                futures.add(pool.submit(() -> measure(task.run(), loaded.scenario())));
            }
            try {
                for (int i = 0; i < todo.size(); i++) {
                    int r = todo.get(i);
                    out[r] = futures.get(i).get();
                    cache.put(keys[r], values, r, out[r]);
                    replicationsRun++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calibration interrupted; finished evaluations are in the cache", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
            }
        }
        double[] mean = new double[points];
        double[] lo = new double[points];
        double[] hi = new double[points];
        for (int k = 0; k < points; k++) {
            CellStats c = new CellStats();
            for (double[] rep : out) {
                c.add(rep[k]);
            }
            mean[k] = c.mean();
            double h = c.ci95HalfWidth();
            lo[k] = Double.isNaN(h) ? Double.NaN : mean[k] - h;
            hi[k] = Double.isNaN(h) ? Double.NaN : mean[k] + h;
        }
        return new Evaluation(unit, values, out, mean, lo, hi, Distance.of(targets, mean));
    }

    /** The flat target-point values of one replication. */
    double[] measure(IndicatorTable table, Scenario scenario) {
        Target.Context ctx = new Target.TableContext(table, scenario);
        return measure(targets, ctx);
    }

    /** The flat target-point values in a context. */
    public static double[] measure(List<Target> targets, Target.Context ctx) {
        double[] v = new double[Distance.points(targets)];
        int k = 0;
        for (Target t : targets) {
            for (Target.Point p : t.points()) {
                v[k++] = p.quantity().value(ctx);
            }
        }
        return v;
    }

    /** Replications actually run (not served by the cache). */
    public synchronized int replicationsRun() {
        return replicationsRun;
    }

    public int targetCount() {
        return targets.size();
    }

    public List<Target> targets() {
        return targets;
    }

    public EvaluationCache cache() {
        return cache;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
