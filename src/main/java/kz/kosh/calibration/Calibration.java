package kz.kosh.calibration;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code kosh calibrate}: minimises the {@link Distance} between the Monte Carlo means of the
 * model and the calibration targets over the free parameters, normalised to [0, 1], with
 * Commons Math's CMA-ES (fixed seed), starting from the base scenario's values. Every point is
 * evaluated by the {@link Evaluator} with the same replication seeds (common random numbers)
 * and remembered in the evaluation cache, so a rerun after an interruption replays the
 * optimizer's path from the cache and continues where it stopped.
 */
public final class Calibration {
    private Calibration() {
    }

    /** A finished calibration: the start, every evaluation in order, the best one. */
    public record Result(Evaluator.Evaluation start, List<Evaluator.Evaluation> evaluations,
                         Evaluator.Evaluation best, double wallSeconds, int replicationsRun, int cacheHits) {
        /** Evaluations whose replications were all run (not served from the cache). */
        public double evaluationsPerMinute(int replicationsPerEvaluation) {
            double evals = (double) replicationsRun / replicationsPerEvaluation;
            return wallSeconds > 0 ? evals / (wallSeconds / 60) : Double.NaN;
        }
    }

    /** Told after every evaluation: wall seconds so far, evaluations done. */
    @FunctionalInterface
    public interface Listener {
        void evaluated(double wallSeconds, int evaluations);
    }

    /** Runs the optimizer: the start point (base values) plus at most {@code spec.budget()} evaluations. */
    public static Result fit(CalibrationSpec spec, Evaluator evaluator, PrintStream progress) {
        return fit(spec, evaluator, progress, null);
    }

    /** As {@link #fit(CalibrationSpec, Evaluator, PrintStream)}, telling {@code listener} after every evaluation. */
    public static Result fit(CalibrationSpec spec, Evaluator evaluator, PrintStream progress, Listener listener) {
        long t0 = System.nanoTime();
        int dims = spec.parameters().size();
        double[] base = Evaluator.baseValues(spec);
        double[] x0 = new double[dims];
        for (int i = 0; i < dims; i++) {
            x0[i] = spec.parameters().get(i).unit(base[i]);
        }
        Evaluator.Evaluation start = evaluator.evaluate(x0, spec.replications());
        List<Evaluator.Evaluation> all = new ArrayList<>();
        Evaluator.Evaluation[] best = {start};
        int total = spec.budget();
        ObjectiveFunction f = new ObjectiveFunction(x -> {
            Evaluator.Evaluation e = evaluator.evaluate(x.clone(), spec.replications());
            all.add(e);
            if (e.distance() < best[0].distance()) {
                best[0] = e;
            }
            if (progress != null) {
                progress.println(progressLine(all.size(), total, e.distance(), best[0].distance(), t0,
                        evaluator.replicationsRun(), spec.replications()));
                progress.flush();
            }
            if (listener != null) {
                listener.evaluated((System.nanoTime() - t0) / 1e9, all.size());
            }
            return e.distance();
        });
        if (progress != null) {
            progress.println(String.format(Locale.ROOT, "calibrate %s: %d parameters, %d targets, start distance %.4f; "
                            + "budget %d evaluations x %d replications (scale %s)", spec.name(), dims,
                    evaluator.targetCount(), start.distance(), total, spec.replications(), spec.scale()));
        }
        double[] lo = new double[dims];
        double[] hi = new double[dims];
        Arrays.fill(hi, 1.0);
        double[] sigma = new double[dims];
        Arrays.fill(sigma, spec.sigma());
        CMAESOptimizer cma = new CMAESOptimizer(Integer.MAX_VALUE, 0.0, true, 0, 0,
                new MersenneTwister(spec.optimizerSeed()), false, null);
        try {
            cma.optimize(new MaxEval(total), new MaxIter(Integer.MAX_VALUE), f, GoalType.MINIMIZE, new InitialGuess(x0),
                    new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(spec.populationSize()));
        } catch (TooManyEvaluationsException budgetSpent) {
            // the budget is the normal end
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new Result(start, all, best[0], wall, evaluator.replicationsRun(), evaluator.cache().hits());
    }

    static String progressLine(int done, int total, double last, double best, long t0, int repsRun, int repsPerEval) {
        double secs = (System.nanoTime() - t0) / 1e9;
        double computed = (double) repsRun / repsPerEval;
        double perEval = computed > 0 ? secs / computed : 0;
        long eta = Math.round(perEval * Math.max(0, total - done));
        return String.format(Locale.ROOT, "calibrate: %d/%d evaluations, best distance %.4f (last %.4f), %.1f evaluations/min, ETA %dm%02ds",
                done, total, best, last, secs > 0 ? computed / (secs / 60) : 0.0, eta / 60, eta % 60);
    }

    /** Rounds parameter values to 6 significant digits (what the fitted scenario file states). */
    public static double[] rounded(double[] values) {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = values[i] == 0 ? 0 : new java.math.BigDecimal(values[i]).round(new java.math.MathContext(6)).doubleValue();
        }
        return r;
    }
}
