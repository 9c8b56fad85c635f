package kz.kosh.calibration.history;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predictive intervals, coverage, and the out-of-sample mode on an analytic series with a known truth. */
class CoverageTest {
    @Test
    void quantilesOfModelValuesPlusNormalError() {
        double[] zeros = new double[2000];
        Coverage.Point p = Coverage.of("t", "2020", false, 0.7, zeros, 1.0, 1);
        assertEquals(-1.645, p.q05(), 0.05);
        assertEquals(-0.674, p.q25(), 0.05);
        assertEquals(0, p.q50(), 0.05);
        assertEquals(1.645, p.q95(), 0.05);
        assertFalse(p.in50(), "0.7 is outside the central 50% (±0.674)");
        assertTrue(p.in90());
        Coverage.Point exact = Coverage.of("t", "2021", false, 10, new double[]{10, 10, Double.NaN}, 0, 1);
        assertEquals(2, exact.runs(), "NaN model values are left out");
        assertTrue(exact.in50() && exact.in90());
        List<Coverage.Summary> s = Coverage.summarise(List.of(p, exact, Coverage.of("u", "2015", true, 5, new double[]{1}, 0, 1)));
        assertEquals(2, s.size());
        assertEquals(0.5, s.get(0).share50(), 1e-12);
        assertEquals(1.0, s.get(0).share90(), 1e-12);
        assertTrue(s.get(1).fitted());
        assertEquals(0, s.get(1).share90(), 1e-12);
    }

    /**
     * A series y_t = x1 + x2 t / 10 (t = 1..10) with run noise, matched on t <= 5 only; the
     * posterior draws re-run predict t = 6..10. With the truth inside the prior and the
     * variances stated honestly, the held-out 90% intervals cover at least 4 of the 5 points.
     */
    @Test
    void outOfSampleSeriesIsCoveredByThePredictiveIntervals() {
        double[] truth = {0.4, 0.7};
        double noise = 0.03;
        double obsSd = 0.02;
        double discSd = 0.02;
        SplittableRandom obs = new SplittableRandom(8);
        double[] observed = new double[10];
        for (int t = 0; t < 10; t++) {
            observed[t] = truth[0] + truth[1] * (t + 1) / 10.0 + obsSd * obs.nextGaussian();
        }
        List<HistoryMatching.Output> fit = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            fit.add(new HistoryMatching.Output("y@" + (t + 1), "y", observed[t], obsSd * obsSd, discSd * discSd));
        }
        HistoryMatching.Simulator sim = (design, reps) -> {
            double[][][] out = new double[design.size()][reps][10];
            for (int i = 0; i < design.size(); i++) {
                for (int r = 0; r < reps; r++) {
                    SplittableRandom rnd = new SplittableRandom(100L * r + i);
                    for (int t = 0; t < 10; t++) {
                        out[i][r][t] = design.get(i)[0] + design.get(i)[1] * (t + 1) / 10.0 + noise * rnd.nextGaussian();
                    }
                }
            }
            return out;
        };
        HistoryMatching.Simulator fitted = (design, reps) -> {
            double[][][] all = sim.run(design, reps);
            double[][][] out = new double[all.length][reps][5];
            for (int i = 0; i < all.length; i++) {
                for (int r = 0; r < reps; r++) {
                    System.arraycopy(all[i][r], 0, out[i][r], 0, 5);
                }
            }
            return out;
        };
        HistoryMatching.Settings s = new HistoryMatching.Settings(3, HistoryMatching.Rule.SECOND_MAX, 0.9, 2, 500_000);
        HistoryMatching.Result r = HistoryMatching.run(fitted, fit, 2, 2, 25, 2, s, 5, 200);
        double[][][] rerun = sim.run(r.posterior().draws(), 1);
        int inside = 0;
        for (int t = 5; t < 10; t++) {
            double[] values = new double[rerun.length];
            for (int i = 0; i < rerun.length; i++) {
                values[i] = rerun[i][0][t];
            }
            Coverage.Point p = Coverage.of("y", Integer.toString(t + 1), false, observed[t], values,
                    Math.hypot(obsSd, discSd), t);
            inside += p.in90() ? 1 : 0;
        }
        assertTrue(inside >= 4, inside + " of 5 held-out points inside the 90% predictive intervals");
    }
}
