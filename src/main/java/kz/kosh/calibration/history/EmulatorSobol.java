package kz.kosh.calibration.history;

import kz.kosh.calibration.SobolIndices;

/**
 * Sobol' indices of an emulated output (kz.kosh.calibration.SobolIndices: Saltelli 2010 first
 * order, Jansen 1999 total, bootstrap 95% intervals over the design rows) computed on the
 * emulator's posterior mean instead of the model, so that N(k + 2) evaluations cost nothing. The
 * inputs vary uniformly and independently over a box inside the unit cube ({@code lower},
 * {@code upper}, e.g. the span of the non-implausible space: the emulator is trained there and
 * should not extrapolate). The intervals cover the Monte Carlo error of the Saltelli design, not
 * the emulator's own uncertainty (its LOO diagnostics are reported beside).
 */
public final class EmulatorSobol {
    private EmulatorSobol() {
    }

    /** Indices of f over the box [lower, upper] (unit-cube coordinates), N base rows, seeded bootstrap. */
    public static SobolIndices.Indices indices(java.util.function.ToDoubleFunction<double[]> f, double[] lower,
                                               double[] upper, int n, int bootstrap, long seed) {
        int k = lower.length;
        SobolIndices.Design d = SobolIndices.design(n, k);
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        for (int j = 0; j < n; j++) {
            fA[j] = f.applyAsDouble(box(d.a()[j], lower, upper));
            fB[j] = f.applyAsDouble(box(d.b()[j], lower, upper));
            for (int i = 0; i < k; i++) {
                fAB[i][j] = f.applyAsDouble(box(d.ab()[i][j], lower, upper));
            }
        }
        return SobolIndices.analyse(fA, fB, fAB, bootstrap, seed);
    }

    /** Indices of a GP's posterior mean. */
    public static SobolIndices.Indices indices(GaussianProcess gp, double[] lower, double[] upper, int n, int bootstrap,
                                               long seed) {
        return indices(gp::mean, lower, upper, n, bootstrap, seed);
    }

    private static double[] box(double[] u, double[] lower, double[] upper) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = lower[i] + u[i] * (upper[i] - lower[i]);
        }
        return x;
    }

    /** The per-parameter span [1st, 99th percentile] of a sample of the unit cube: {lower, upper}. */
    public static double[][] span(java.util.List<double[]> sample, int d) {
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int i = 0; i < d; i++) {
            double[] v = new double[sample.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = sample.get(j)[i];
            }
            java.util.Arrays.sort(v);
            lo[i] = Coverage.q(v, 0.01);
            hi[i] = Math.max(lo[i] + 1e-9, Coverage.q(v, 0.99));
        }
        return new double[][]{lo, hi};
    }
}
