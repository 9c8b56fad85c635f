package kz.kosh.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sampling designs of a sweep over the box of parameter ranges ({min, max} per parameter):
 * Latin hypercube, Sobol' sequence, Saltelli's scheme for Sobol' indices and Morris trajectories
 * for elementary effects. Pure functions, deterministic for a seed.
 */
public final class Designs {
    private Designs() {
    }

    /**
     * Latin hypercube: each parameter's range is cut into n equal strata; stratum k of each
     * parameter is used once, in an order shuffled per parameter; within a stratum the point is
     * uniform. Deterministic for a seed.
     */
    public static List<double[]> latinHypercube(List<double[]> ranges, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] cols = new double[ranges.size()][n];
        for (int i = 0; i < ranges.size(); i++) {
            int[] perm = new int[n];
            for (int k = 0; k < n; k++) {
                perm[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int j = rnd.nextInt(k + 1);
                int t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
            }
            double lo = ranges.get(i)[0];
            double hi = ranges.get(i)[1];
            for (int k = 0; k < n; k++) {
                cols[i][k] = lo + (hi - lo) * (perm[k] + rnd.nextDouble()) / n;
            }
        }
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] p = new double[ranges.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = cols[i][k];
            }
            points.add(p);
        }
        return points;
    }

    /**
     * Sobol quasi-random design: the first n points of the Sobol sequence in [0,1)^k (Commons
     * Math {@code SobolSequenceGenerator}, Joe–Kuo direction numbers), scaled to the ranges.
     */
    static List<double[]> sobol(List<double[]> ranges, int n) {
        org.apache.commons.math3.random.SobolSequenceGenerator g =
                new org.apache.commons.math3.random.SobolSequenceGenerator(ranges.size());
        g.nextVector(); // the first point is the origin
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] u = g.nextVector();
            double[] p = new double[u.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = ranges.get(i)[0] + (ranges.get(i)[1] - ranges.get(i)[0]) * u[i];
            }
            points.add(p);
        }
        return points;
    }

    /**
     * Saltelli (2010) design for Sobol indices (kz.kosh.calibration.SobolIndices): N base points
     * of a 2k-dimensional Sobol sequence (origin skipped) give A (first k coordinates) and B (last
     * k); the N(k + 2) points are A, then B, then for each parameter i A with column i from B.
     */
    public static List<double[]> saltelli(List<double[]> ranges, int n) {
        int k = ranges.size();
        org.apache.commons.math3.random.SobolSequenceGenerator g =
                new org.apache.commons.math3.random.SobolSequenceGenerator(2 * k);
        g.nextVector();
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] v = g.nextVector();
            a[j] = java.util.Arrays.copyOfRange(v, 0, k);
            b[j] = java.util.Arrays.copyOfRange(v, k, 2 * k);
        }
        List<double[]> points = new ArrayList<>();
        for (double[] x : a) {
            points.add(scaled(x, ranges));
        }
        for (double[] x : b) {
            points.add(scaled(x, ranges));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                double[] x = a[j].clone();
                x[i] = b[j][i];
                points.add(scaled(x, ranges));
            }
        }
        return points;
    }

    /**
     * Morris elementary-effects design (Morris 1991): r trajectories of k + 1 points on a grid of
     * p levels per parameter; each trajectory starts at a random grid point and changes one
     * parameter at a time, in random order, by Δ = p / (2(p − 1)) of its range. Deterministic
     * for a seed.
     */
    public static List<double[]> morris(List<double[]> ranges, int trajectories, int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = ranges.size();
        double delta = p / (2.0 * (p - 1));
        List<double[]> points = new ArrayList<>();
        for (int t = 0; t < trajectories; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                // base levels from the lower half so that +Δ stays inside [0, 1]
                x[i] = rnd.nextInt(p / 2) / (double) (p - 1);
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            points.add(scaled(x, ranges));
            for (int i : order) {
                x[i] = x[i] + delta;
                points.add(scaled(x, ranges));
            }
        }
        return points;
    }

    private static double[] scaled(double[] unit, List<double[]> ranges) {
        double[] p = new double[unit.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = ranges.get(i)[0] + (ranges.get(i)[1] - ranges.get(i)[0]) * unit[i];
        }
        return p;
    }
}
