package kz.kosh.calibration;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.Arrays;

/**
 * Variance-based sensitivity indices, used by kz.kosh.calibration.Sensitivity for experiments
 * with {@code design: saltelli} (the same design, kz.kosh.experiment.Designs#saltelli). Sampling after Saltelli et al. (2010): two matrices A
 * and B of N points in [0, 1]^k (the first k and the last k coordinates of a 2k-dimensional
 * Sobol' sequence, its first point skipped) and, for each parameter i, A_B^(i) = A with column i
 * taken from B; N(k + 2) model runs. Estimators, with V the variance of f over A and B together:
 * <pre>
 * first order  S_i  = (1/N) Σ f(B) (f(A_B^(i)) − f(A)) / V          (Saltelli 2010)
 * total        ST_i = (1/(2N)) Σ (f(A) − f(A_B^(i)))² / V           (Jansen 1999)
 * </pre>
 * 95% confidence intervals by bootstrap over the N rows (percentiles).
 */
public final class SobolIndices {
    private SobolIndices() {
    }

    /** The design in the unit cube: A, B and A_B^(i), i = 0..k-1. */
    public record Design(double[][] a, double[][] b, double[][][] ab) {
        public int n() {
            return a.length;
        }

        public int k() {
            return a[0].length;
        }
    }

    /** Indices with bootstrap 95% intervals, per parameter. */
    public record Indices(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
                          double[] totalHigh) {
    }

    /** Saltelli's design of N base points for k parameters. */
    public static Design design(int n, int k) {
        SobolSequenceGenerator g = new SobolSequenceGenerator(2 * k);
        g.nextVector(); // skip the origin
        double[][] a = new double[n][k];
        double[][] b = new double[n][k];
        for (int j = 0; j < n; j++) {
            double[] v = g.nextVector();
            System.arraycopy(v, 0, a[j], 0, k);
            System.arraycopy(v, k, b[j], 0, k);
        }
        double[][][] ab = new double[k][n][];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < n; j++) {
                ab[i][j] = a[j].clone();
                ab[i][j][i] = b[j][i];
            }
        }
        return new Design(a, b, ab);
    }

    /**
     * The indices from the model outputs at A, B and A_B^(i) ({@code fAB[i][j]}), with
     * {@code bootstrap} resamples (seeded) for the intervals.
     */
    public static Indices analyse(double[] fA, double[] fB, double[][] fAB, int bootstrap, long seed) {
        int n = fA.length;
        int k = fAB.length;
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[][] point = estimate(fA, fB, fAB, all);
        double[][] s1 = new double[k][bootstrap];
        double[][] st = new double[k][bootstrap];
        MersenneTwister rng = new MersenneTwister(seed);
        int[] rows = new int[n];
        for (int r = 0; r < bootstrap; r++) {
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            double[][] e = estimate(fA, fB, fAB, rows);
            for (int i = 0; i < k; i++) {
                s1[i][r] = e[0][i];
                st[i][r] = e[1][i];
            }
        }
        double[] fl = new double[k];
        double[] fh = new double[k];
        double[] tl = new double[k];
        double[] th = new double[k];
        for (int i = 0; i < k; i++) {
            Arrays.sort(s1[i]);
            Arrays.sort(st[i]);
            fl[i] = percentile(s1[i], 0.025);
            fh[i] = percentile(s1[i], 0.975);
            tl[i] = percentile(st[i], 0.025);
            th[i] = percentile(st[i], 0.975);
        }
        return new Indices(point[0], fl, fh, point[1], tl, th);
    }

    /** [first order, total] over the given rows. */
    static double[][] estimate(double[] fA, double[] fB, double[][] fAB, int[] rows) {
        int n = rows.length;
        int k = fAB.length;
        double sum = 0;
        double sq = 0;
        for (int j : rows) {
            sum += fA[j] + fB[j];
            sq += fA[j] * fA[j] + fB[j] * fB[j];
        }
        double mean = sum / (2.0 * n);
        double v = sq / (2.0 * n) - mean * mean;
        double[] s1 = new double[k];
        double[] st = new double[k];
        for (int i = 0; i < k; i++) {
            double a = 0;
            double b = 0;
            for (int j : rows) {
                a += fB[j] * (fAB[i][j] - fA[j]);
                double d = fA[j] - fAB[i][j];
                b += d * d;
            }
            s1[i] = a / n / v;
            st[i] = b / (2.0 * n) / v;
        }
        return new double[][]{s1, st};
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
