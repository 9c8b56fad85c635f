package kz.kosh.search;

import org.uma.jmetal.algorithm.multiobjective.nsgaii.NSGAII;
import org.uma.jmetal.algorithm.multiobjective.nsgaii.NSGAIIBuilder;
import org.uma.jmetal.operator.crossover.impl.SBXCrossover;
import org.uma.jmetal.operator.mutation.impl.PolynomialMutation;
import org.uma.jmetal.problem.Problem;
import org.uma.jmetal.problem.doubleproblem.impl.AbstractDoubleProblem;
import org.uma.jmetal.solution.doublesolution.DoubleSolution;
import org.uma.jmetal.util.comparator.dominanceComparator.impl.DominanceWithConstraintsComparator;
import org.uma.jmetal.util.evaluator.SolutionListEvaluator;
import org.uma.jmetal.util.pseudorandom.JMetalRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * The optimiser of {@code kosh search}: jMetal's NSGA-II (Deb et al. 2002) with simulated binary
 * crossover (probability 0.9, distribution index 20), polynomial mutation (probability 1/n,
 * index 20), binary tournaments on rank and crowding distance, and Deb's constrained dominance:
 * a feasible point beats an infeasible one, two infeasible points compare by their total
 * violation, two feasible ones by Pareto dominance.
 *
 * <p>Every generation is handed to a {@link BatchEvaluator} as one batch (for Kosh one
 * experiment: candidates × paired replications). The run is deterministic for a seed and the
 * values the evaluator returns, so a search killed part-way replays to the same point when the
 * evaluator answers the generations it already did from its cache. jMetal draws its random
 * numbers from one JVM-wide generator; runs are serialised on it.
 *
 * <p>Objectives are minimised; constraints are feasible when ≥ 0 (jMetal's convention).
 */
public final class Nsga2 {
    private Nsga2() {
    }

    /** Evaluates one generation: for each decision vector, objectives (minimised) then constraints (≥ 0 feasible). */
    @FunctionalInterface
    public interface BatchEvaluator {
        double[][] evaluate(int generation, List<double[]> points);
    }

    /** A point of the final population: decision vector, objectives, constraints, and whether it is non-dominated. */
    public record Point(double[] x, double[] objectives, double[] constraints) {
        public boolean feasible() {
            for (double c : constraints) {
                if (c < 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Runs NSGA-II for {@code generations} generations of {@code population} points (the first
     * is the random initial population) and returns the non-dominated points of the last one.
     *
     * @param lower       lower bounds of the variables
     * @param upper       upper bounds
     * @param objectives  number of objectives
     * @param constraints number of constraints
     * @param population  even number ≥ 4
     */
    public static List<Point> run(double[] lower, double[] upper, int objectives, int constraints, int population,
                                  int generations, long seed, BatchEvaluator evaluator) {
        if (population < 4 || population % 2 != 0) {
            throw new IllegalArgumentException("population must be an even number >= 4, got " + population);
        }
        if (generations < 1) {
            throw new IllegalArgumentException("generations must be >= 1, got " + generations);
        }
        BoxProblem problem = new BoxProblem(lower, upper, objectives, constraints);
        synchronized (JMetalRandom.class) {
            JMetalRandom.getInstance().setSeed(seed);
            Batch batch = new Batch(evaluator, objectives, constraints);
            NSGAII<DoubleSolution> algorithm = new NSGAIIBuilder<DoubleSolution>(problem,
                    new SBXCrossover(0.9, 20.0), new PolynomialMutation(1.0 / lower.length, 20.0), population)
                    .setMaxEvaluations(population * generations)
                    .setDominanceComparator(new DominanceWithConstraintsComparator<>())
                    .setSolutionListEvaluator(batch)
                    .build();
            algorithm.run();
            List<Point> out = new ArrayList<>();
            for (DoubleSolution s : algorithm.result()) {
                out.add(new Point(values(s), s.objectives().clone(), s.constraints().clone()));
            }
            return out;
        }
    }

    private static double[] values(DoubleSolution s) {
        double[] x = new double[s.variables().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.variables().get(i);
        }
        return x;
    }

    /** The box of the variables; solutions are evaluated in batches only. */
    private static final class BoxProblem extends AbstractDoubleProblem {
        BoxProblem(double[] lower, double[] upper, int objectives, int constraints) {
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            for (int i = 0; i < lower.length; i++) {
                lo.add(lower[i]);
                hi.add(upper[i]);
            }
            variableBounds(lo, hi);
            numberOfObjectives(objectives);
            numberOfConstraints(constraints);
            name("kosh-search");
        }

        @Override
        public DoubleSolution evaluate(DoubleSolution solution) {
            throw new UnsupportedOperationException("kosh search evaluates whole generations");
        }
    }

    /** jMetal's list evaluator, handing each generation to the batch evaluator. */
    private static final class Batch implements SolutionListEvaluator<DoubleSolution> {
        private final transient BatchEvaluator evaluator;
        private final int objectives;
        private final int constraints;
        private int generation;

        Batch(BatchEvaluator evaluator, int objectives, int constraints) {
            this.evaluator = evaluator;
            this.objectives = objectives;
            this.constraints = constraints;
        }

        @Override
        public List<DoubleSolution> evaluate(List<DoubleSolution> list, Problem<DoubleSolution> problem) {
            List<double[]> xs = new ArrayList<>();
            for (DoubleSolution s : list) {
                xs.add(values(s));
            }
            double[][] f = evaluator.evaluate(generation++, xs);
            if (f.length != list.size()) {
                throw new IllegalStateException("evaluator returned " + f.length + " results for " + list.size() + " points");
            }
            for (int i = 0; i < f.length; i++) {
                if (f[i].length != objectives + constraints) {
                    throw new IllegalStateException("evaluator returned " + f[i].length + " values, expected "
                            + (objectives + constraints));
                }
                DoubleSolution s = list.get(i);
                for (int k = 0; k < objectives; k++) {
                    s.objectives()[k] = f[i][k];
                }
                for (int k = 0; k < constraints; k++) {
                    s.constraints()[k] = f[i][objectives + k];
                }
            }
            return list;
        }

        @Override
        public void shutdown() {
        }
    }

    /**
     * The hypervolume of a two-objective set of minimised points against a reference point: the
     * area dominated by the points and bounded by the reference (points beyond it add nothing).
     */
    public static double hypervolume2d(List<double[]> points, double r0, double r1) {
        List<double[]> p = new ArrayList<>();
        for (double[] q : points) {
            if (q[0] < r0 && q[1] < r1) {
                p.add(q);
            }
        }
        p.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double area = 0;
        double bestY = r1;
        for (double[] q : p) {
            if (q[1] < bestY) {
                area += (r0 - q[0]) * (bestY - q[1]);
                bestY = q[1];
            }
        }
        return area;
    }
}
