package kz.kosh.calibration.history;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator against hand-computed posteriors, brute-force leave-one-out and a known function. */
class GaussianProcessTest {

    /**
     * Two points x = 0 and 1, outputs 1 and 3, constant mean, squared exponential with ℓ = 1,
     * σ² = 1, noise 0.1 on each point (standardised output: y is centred at 2 and divided by
     * sd = √2, so noise 0.1 becomes 0.05). Posterior at x* = 0.25 by the 2 × 2 formulas written out.
     */
    @Test
    void twoPointPosteriorMatchesHandComputation() {
        double[][] x = {{0}, {1}};
        double[] y = {1, 3};
        double sd = Math.sqrt(2);
        double g = 0.1 / 2; // noise on the standardised scale
        GaussianProcess gp = GaussianProcess.condition(x, y, new double[]{0.1, 0.1}, GaussianProcess.Kernel.SQUARED_EXPONENTIAL,
                GaussianProcess.Mean.CONSTANT, new GaussianProcess.Hyper(new double[]{1}, 1, 0));
        // standardised outputs: -1/√2, +1/√2
        double y1 = -1 / sd;
        double y2 = 1 / sd;
        double rho = Math.exp(-0.5);
        double a = 1 + g;
        double det = a * a - rho * rho;
        // K⁻¹ = [[a, -ρ], [-ρ, a]] / det ; 1ᵀK⁻¹1 = 2(a − ρ)/det ; β̂ = (y1 + y2)/2 = 0
        double beta = (y1 + y2) / 2;
        double k1 = Math.exp(-0.5 * 0.25 * 0.25);
        double k2 = Math.exp(-0.5 * 0.75 * 0.75);
        double r1 = y1 - beta;
        double r2 = y2 - beta;
        double kinvR1 = (a * r1 - rho * r2) / det;
        double kinvR2 = (-rho * r1 + a * r2) / det;
        double meanStd = beta + k1 * kinvR1 + k2 * kinvR2;
        double kk = (k1 * (a * k1 - rho * k2) + k2 * (-rho * k1 + a * k2)) / det; // kᵀK⁻¹k
        double hk = (k1 * (a - rho) + k2 * (a - rho)) / det; // 1ᵀK⁻¹k
        double u = 1 - hk;
        double aa = 2 * (a - rho) / det;
        double varStd = 1 - kk + u * u / aa;
        double[] p = gp.predict(new double[]{0.25});
        assertEquals(2 + sd * meanStd, p[0], 1e-12, "posterior mean");
        assertEquals(2 * varStd, p[1], 1e-12, "posterior variance (original units: sd² = 2)");
        assertEquals(p[0], gp.mean(new double[]{0.25}), 1e-14);
        assertEquals(p[1], gp.variance(new double[]{0.25}), 1e-14);
    }

    @Test
    void interpolatesWithoutNoiseAndGrowsUncertainAway() {
        double[][] x = {{0.1, 0.2}, {0.4, 0.9}, {0.8, 0.5}, {0.3, 0.6}, {0.7, 0.1}, {0.5, 0.5}};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(3 * x[i][0]) + x[i][1] * x[i][1];
        }
        GaussianProcess gp = GaussianProcess.condition(x, y, new double[x.length], GaussianProcess.Kernel.MATERN52,
                GaussianProcess.Mean.LINEAR, new GaussianProcess.Hyper(new double[]{0.4, 0.4}, 1, 0));
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], gp.mean(x[i]), 1e-6, "interpolation at training point " + i);
            assertTrue(gp.variance(x[i]) < 1e-6, "no variance at a noiseless training point");
        }
        assertTrue(gp.variance(new double[]{0.95, 0.95}) > gp.variance(new double[]{0.45, 0.55}),
                "more uncertain far from the data");
    }

    /** The closed-form leave-one-out equals refitting without each point (hyperparameters fixed). */
    @Test
    void leaveOneOutClosedFormEqualsBruteForce() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 12;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextDouble();
            x[i][1] = rnd.nextDouble();
            y[i] = 3 * x[i][0] - x[i][1] + Math.cos(4 * x[i][1]) + 0.1 * rnd.nextGaussian();
            noise[i] = 0.01 * (1 + i % 3);
        }
        GaussianProcess.Hyper h = new GaussianProcess.Hyper(new double[]{0.3, 0.5}, 0.8, 1e-3);
        GaussianProcess gp = GaussianProcess.condition(x, y, noise, GaussianProcess.Kernel.MATERN52,
                GaussianProcess.Mean.LINEAR, h);
        GaussianProcess.LeaveOneOut loo = gp.leaveOneOut();
        // the standardisation (y mean and sd) must not change when a point is left out: refit on the
        // standardised scale of the full data by conditioning on y with the same centring
        for (int i = 0; i < n; i++) {
            double[][] xi = new double[n - 1][];
            double[] yi = new double[n - 1];
            double[] ni = new double[n - 1];
            for (int j = 0, k = 0; j < n; j++) {
                if (j != i) {
                    xi[k] = x[j];
                    yi[k] = y[j];
                    ni[k++] = noise[j];
                }
            }
            // the reduced data has another mean and sd; rescale the hyperparameters so that the
            // covariance in original units is the same: σ²_std sd² fixed, nugget likewise
            double sdAll = sd(y);
            double sdI = sd(yi);
            double f = (sdAll * sdAll) / (sdI * sdI);
            GaussianProcess gi = GaussianProcess.condition(xi, yi, ni, GaussianProcess.Kernel.MATERN52, GaussianProcess.Mean.LINEAR,
                    new GaussianProcess.Hyper(h.lengthScales(), h.signalVariance() * f, h.nugget() * f));
            double[] p = gi.predict(x[i]);
            double var = p[1] + noise[i] + h.nugget() * sdAll * sdAll;
            assertEquals(p[0], loo.mean()[i], 1e-8, "LOO mean " + i);
            assertEquals(var, loo.variance()[i], 1e-8, "LOO variance " + i);
            assertEquals((y[i] - p[0]) / Math.sqrt(var), loo.standardised()[i], 1e-6);
        }
    }

    /** Fitted hyperparameters on a smooth function of 3 inputs: accurate, calibrated uncertainty. */
    @Test
    void fittedEmulatorPredictsAndItsLeaveOneOutErrorsAreCalibrated() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 60;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = rnd.nextDouble();
            }
            noise[i] = 0.0025;
            y[i] = f(x[i]) + 0.05 * rnd.nextGaussian();
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, noise, GaussianProcess.Kernel.MATERN52, GaussianProcess.Mean.LINEAR, 3, 1);
        assertTrue(gp.hyper().lengthScales()[2] > gp.hyper().lengthScales()[0], "x3 is inactive: longer length scale "
                + java.util.Arrays.toString(gp.hyper().lengthScales()));
        double sse = 0;
        int inside = 0;
        int m = 200;
        for (int t = 0; t < m; t++) {
            double[] q = {rnd.nextDouble(), rnd.nextDouble(), rnd.nextDouble()};
            double[] p = gp.predict(q);
            double e = f(q) - p[0];
            sse += e * e;
            if (Math.abs(e) <= 2 * Math.sqrt(p[1]) + 1e-9) {
                inside++;
            }
        }
        assertTrue(Math.sqrt(sse / m) < 0.1, "RMSE " + Math.sqrt(sse / m));
        assertTrue(inside >= 0.85 * m, inside + " of " + m + " true values within 2 posterior sd");
        double within = gp.leaveOneOut().shareWithin(2);
        assertTrue(within >= 0.88, "LOO share within ±2: " + within);
    }

    private static double f(double[] x) {
        return Math.sin(2 * Math.PI * x[0]) + 2 * x[1] * x[1];
    }

    private static double sd(double[] y) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (y.length - 1));
    }

    /** An output the inputs do not move (equal up to rounding) is fitted as a constant, not blown up. */
    @Test
    void constantOutputFitsAsAConstant() {
        double[][] x = {{0.1}, {0.3}, {0.5}, {0.7}, {0.9}, {0.2}};
        double v = 0.6666586959987246;
        double[] y = {v, v, v, v, v, v};
        double[] noise = new double[6];
        java.util.Arrays.fill(noise, 1e-5);
        GaussianProcess gp = GaussianProcess.fit(x, y, noise, GaussianProcess.Kernel.MATERN52, GaussianProcess.Mean.LINEAR, 2, 1);
        assertEquals(v, gp.mean(new double[]{0.4}), 1e-9);
        assertTrue(gp.variance(new double[]{0.4}) < 1e-3);
    }
}
