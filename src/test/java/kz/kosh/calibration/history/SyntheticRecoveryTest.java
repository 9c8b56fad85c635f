package kz.kosh.calibration.history;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole method on a cheap analytic model with known true parameters (not the ABM): three
 * parameters, five outputs with Gaussian run-to-run noise (sd 0.05), observations drawn once
 * around the truth with their observation error (sd 0.03); discrepancy sd 0.02. Three waves of
 * 30 points x 3 replications, fixed seeds. The truth must stay non-implausible in every wave, the
 * waves must shrink the space, and the posterior's 90% intervals must cover the truth.
 */
class SyntheticRecoveryTest {
    static final double[] TRUTH = {0.3, 0.65, 0.45};
    static final double NOISE_SD = 0.05;
    static final double OBS_SD = 0.03;
    static final double DISC_SD = 0.02;

    static double[] model(double[] x) {
        return new double[]{
                x[0] + x[1],
                x[0] - 0.5 * x[2] + x[1] * x[1],
                Math.sin(3 * x[1]) + 0.5 * x[2],
                Math.exp(x[0]) * (1 + x[2]),
                x[0] * x[1] + x[2]};
    }

    static List<HistoryMatching.Output> outputs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] f = model(TRUTH);
        List<HistoryMatching.Output> out = new ArrayList<>();
        for (int j = 0; j < f.length; j++) {
            out.add(new HistoryMatching.Output("y" + (j + 1), "y" + (j + 1), f[j] + OBS_SD * rnd.nextGaussian(),
                    OBS_SD * OBS_SD, DISC_SD * DISC_SD));
        }
        return out;
    }

    static HistoryMatching.Simulator simulator() {
        return (design, reps) -> {
            double[][][] runs = new double[design.size()][reps][];
            for (int i = 0; i < design.size(); i++) {
                for (int r = 0; r < reps; r++) {
                    // seed r shared by every point (common random numbers, as the ABM's replications)
                    SplittableRandom rnd = new SplittableRandom(1000 + r * 7919L + i);
                    double[] f = model(design.get(i));
                    for (int j = 0; j < f.length; j++) {
                        f[j] += NOISE_SD * rnd.nextGaussian();
                    }
                    runs[i][r] = f;
                }
            }
            return runs;
        };
    }

    @Test
    void truthSurvivesEveryWaveAndPosteriorCoversIt() {
        HistoryMatching.Settings s = new HistoryMatching.Settings(3, HistoryMatching.Rule.SECOND_MAX, 0.9, 2, 2_000_000);
        HistoryMatching.Result r = HistoryMatching.run(simulator(), outputs(3), 3, 3, 30, 3, s, 42, 200);
        assertEquals(3, r.waves().size(), "three waves ran");
        double previous = 1;
        for (int w = 0; w < r.waves().size(); w++) {
            HistoryMatching.Wave wave = r.waves().get(w);
            assertFalse(wave.rulesOut(TRUTH, s), "wave " + (w + 1) + " rules the truth out (implausibility "
                    + wave.implausibility(TRUTH, s) + ")");
            assertTrue(wave.used().size() >= 4, "wave " + (w + 1) + " keeps its emulators");
            double share = r.samples().get(w).share();
            assertTrue(share <= previous + 3 * r.samples().get(w).shareError() + 1e-9, "the space does not grow");
            previous = share;
        }
        assertTrue(previous < 0.1, "the waves rule out most of the space; left " + previous);
        assertNotNull(r.posterior());
        assertEquals(200, r.posterior().draws().size());
        // one chain per 10 draws from distinct starts of the 2,000-point pool (session 6's rule): 20 chains
        assertEquals(200 / EmulatorPosterior.DRAWS_PER_CHAIN, r.posterior().chains());
        assertTrue(r.posterior().distinct() >= 100, "the chains give distinct parameter sets, not repeats of a few pool "
                + "points: " + r.posterior().distinct());
        assertTrue(r.posterior().acceptance() > 0.05 && r.posterior().acceptance() < 0.95, "acceptance "
                + r.posterior().acceptance());
        for (int k = 0; k < 3; k++) {
            double[] v = new double[200];
            for (int i = 0; i < 200; i++) {
                v[i] = r.posterior().draws().get(i)[k];
            }
            Arrays.sort(v);
            double lo = v[10];
            double hi = v[189];
            assertTrue(lo <= TRUTH[k] && TRUTH[k] <= hi, "90% interval of x" + (k + 1) + " [" + lo + ", " + hi
                    + "] covers " + TRUTH[k]);
            assertTrue(hi - lo < 0.8, "the posterior of x" + (k + 1) + " is narrower than the prior");
        }
        for (double[] d : r.posterior().draws()) {
            assertTrue(HistoryMatching.nonImplausible(r.waves(), d, s), "every draw is non-implausible");
        }
    }

    @Test
    void nearlyEmptySpaceIsReportedNotLooped() {
        HistoryMatching.Settings s = new HistoryMatching.Settings(3, HistoryMatching.Rule.MAX, 0.9, 2, 5_000);
        List<HistoryMatching.Output> impossible = new ArrayList<>();
        for (HistoryMatching.Output o : outputs(3)) {
            impossible.add(new HistoryMatching.Output(o.id(), o.target(), o.observed() + 50, 1e-4, 1e-4));
        }
        List<double[]> design = HistoryMatching.firstDesign(3, 25, 1);
        HistoryMatching.Wave w = HistoryMatching.emulate(1, impossible, design, simulator().run(design, 2), s, 5);
        HistoryMatching.Sample sample = HistoryMatching.sample(List.of(w), 3, 100, s, 9);
        assertTrue(sample.capped());
        assertEquals(5_000, sample.tried());
        assertTrue(sample.describe(100).contains("nearly empty"), sample.describe(100));
    }

    @Test
    void ruleCountsTheKthHighestImplausibility() {
        HistoryMatching.Settings max = new HistoryMatching.Settings(3, HistoryMatching.Rule.MAX, 0.9, 2, 1000);
        HistoryMatching.Settings second = new HistoryMatching.Settings(3, HistoryMatching.Rule.SECOND_MAX, 0.9, 2, 1000);
        List<HistoryMatching.Output> outs = new ArrayList<>(outputs(3));
        // one output far off: max rules the truth out, second-max does not
        HistoryMatching.Output o = outs.get(0);
        outs.set(0, new HistoryMatching.Output(o.id(), o.target(), o.observed() + 2, o.observationVariance(),
                o.discrepancyVariance()));
        List<double[]> design = HistoryMatching.firstDesign(3, 30, 2);
        HistoryMatching.Wave w = HistoryMatching.emulate(1, outs, design, simulator().run(design, 2), max, 5);
        assertTrue(w.rulesOut(TRUTH, max));
        assertFalse(w.rulesOut(TRUTH, second));
        assertTrue(w.implausibility(TRUTH, max) > 3);
        assertTrue(w.implausibility(TRUTH, second) <= 3);
    }

    /**
     * The premise of the "one surviving point" rule of a focused last wave (2c94be5;
     * HistoryMatchRun.pointsForNextDesign): from a pool of ONE non-implausible point (whose spread,
     * zero, seeds the proposal at its floor) the Metropolis chains still give n distinct design
     * points, all non-implausible in every wave, that move away from the start (the burn-in widens
     * the step) instead of n copies of it or a cluster around it.
     */
    @Test
    void focusedDesignFromOneSurvivingPoint() {
        HistoryMatching.Settings s = new HistoryMatching.Settings(3, HistoryMatching.Rule.SECOND_MAX, 0.9, 2, 2_000_000);
        List<HistoryMatching.Output> outs = outputs(3);
        List<double[]> design = HistoryMatching.firstDesign(3, 30, 11);
        HistoryMatching.Wave w = HistoryMatching.emulate(1, outs, design, simulator().run(design, 3), s, 5);
        HistoryMatching.Sample sample = HistoryMatching.sample(List.of(w), 3, 50, s, 13);
        assertFalse(sample.points().isEmpty());
        double[] only = sample.points().get(0);
        List<double[]> focused = HistoryMatching.focused(List.of(w), List.of(only), 12, s, 17);
        assertEquals(12, focused.size());
        assertEquals(12, focused.stream().map(Arrays::toString).distinct().count(), "12 distinct design points");
        double farthest = 0;
        for (double[] x : focused) {
            assertTrue(HistoryMatching.nonImplausible(List.of(w), x, s), "every focused point is non-implausible");
            double d = 0;
            for (int k = 0; k < 3; k++) {
                d += (x[k] - only[k]) * (x[k] - only[k]);
            }
            farthest = Math.max(farthest, Math.sqrt(d));
        }
        assertTrue(farthest > 0.05, "the chains leave the one start point (farthest " + farthest + ")");
    }
}
