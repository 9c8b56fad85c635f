package kz.kosh.calibration.history;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The importance correction of a confirmed posterior (ModelWeighting), against hand-computed weights,
 * effective sample sizes, resampled indices and the model's tempered log likelihood.
 */
class ModelWeightingTest {
    private static final double EPS = 1e-9;

    /**
     * One group: log ratios 0, −1, 0.5 give weights ∝ 1, e^−1, e^0.5 (sum 3.016601): 0.331499, 0.121952,
     * 0.546549; ESS = 1 / Σw² = 1 / 0.423480 = 2.361387. A point near the observation outweighs one the
     * emulators placed as well but the model puts far off.
     */
    @Test
    void weightsAreTheRatioOfTheModelToTheProposalLikelihood() {
        double[] w = ModelWeighting.weights(new double[]{-1, -2, -0.5}, new double[]{-1, -1, -1}, new int[]{0, 0, 0},
                new double[]{1, 0});
        double s = 1 + Math.exp(-1) + Math.exp(0.5);
        assertArrayEquals(new double[]{1 / s, Math.exp(-1) / s, Math.exp(0.5) / s}, w, EPS);
        assertEquals(0.331499, w[0], 1e-6);
        assertEquals(0.546549, w[2], 1e-6);
        assertEquals(2.361387, ModelWeighting.effectiveSampleSize(w), 1e-6);
        // equal weights: ESS is the count
        assertEquals(4, ModelWeighting.effectiveSampleSize(new double[]{0.25, 0.25, 0.25, 0.25}), EPS);
    }

    /**
     * Two groups drawn alike within each, mixed in proportion to the points they proposed (3 and 1): group 0's
     * two equal points 0.75 / 2 = 0.375 each, group 1's one point 0.25; a group's common offset cancels.
     * A point whose model likelihood is −∞ or NaN weighs 0; a group with no positive weight leaves its share to
     * the others.
     */
    @Test
    void groupsAreNormalisedApartAndMixedByTheirProposals() {
        double[] w = ModelWeighting.weights(new double[]{-3, -3, -40}, new double[]{-1, -1, -2}, new int[]{0, 0, 1},
                new double[]{3, 1});
        assertArrayEquals(new double[]{0.375, 0.375, 0.25}, w, EPS);
        double[] z = ModelWeighting.weights(new double[]{0, Double.NEGATIVE_INFINITY, Double.NaN}, new double[]{0, 0, 0},
                new int[]{0, 0, 1}, new double[]{3, 1});
        assertArrayEquals(new double[]{1, 0, 0}, z, EPS);
        assertThrows(IllegalArgumentException.class, () -> ModelWeighting.weights(new double[]{Double.NEGATIVE_INFINITY},
                new double[]{0}, new int[]{0}, new double[]{1}));
    }

    /**
     * Truncation (Ionides 2008) at √n times the mean weight: raw weights 100, 1, 1, 1 (n = 4) have mean 25.75, so the
     * first is cut to 2 · 25.75 = 51.5; normalised 51.5 / 54.5 = 0.944954 and 1 / 54.5 = 0.018349 (untruncated
     * 0.970874). Among 100 points, one of 1,000 against 99 of 1 is cut to 10 · 10.99 = 109.9: 0.526 of the weight
     * instead of 0.910. Weights below the cap are untouched (the three-point case above: cap 0.577 > 0.547).
     */
    @Test
    void aFewLuckyPointsCannotTakeTheWholePosterior() {
        double[] w = ModelWeighting.weights(new double[]{Math.log(100), 0, 0, 0}, new double[]{0, 0, 0, 0},
                new int[]{0, 0, 0, 0}, new double[]{1});
        assertArrayEquals(new double[]{51.5 / 54.5, 1 / 54.5, 1 / 54.5, 1 / 54.5}, w, EPS);
        double[] lm = new double[100];
        lm[0] = Math.log(1000);
        double[] many = ModelWeighting.weights(lm, new double[100], new int[100], new double[]{1});
        assertEquals(109.9 / 208.9, many[0], EPS);
        assertEquals(1 / 208.9, many[99], EPS);
    }

    /**
     * Adaptive tempering: 8 points, log ratios 0 and seven of −L. With L = 0.5 the full correction keeps an ESS of at
     * least 2 (a quarter of 8): α = 1, the weights of weights(). With L = 20 one point would take nearly all (ESS about
     * 1.6 after truncation), so α is the largest that keeps the ESS at 2: strictly between 0 and 1, ESS 2 within the
     * bisection's precision, and the weights those of the log ratios times α.
     */
    @Test
    void theCorrectionIsTemperedWhenTooFewPointsWouldCarryIt() {
        int[] g = new int[8];
        double[] lq = new double[8];
        double[] mild = {0, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5};
        ModelWeighting.Tempered full = ModelWeighting.tempered(mild, lq, g, new double[]{1});
        assertEquals(1, full.alpha());
        assertArrayEquals(ModelWeighting.weights(mild, lq, g, new double[]{1}), full.weights(), EPS);
        double[] steep = {0, -20, -20, -20, -20, -20, -20, -20};
        assertEquals(true, ModelWeighting.effectiveSampleSize(ModelWeighting.weights(steep, lq, g, new double[]{1})) < 2);
        ModelWeighting.Tempered t = ModelWeighting.tempered(steep, lq, g, new double[]{1});
        assertEquals(true, t.alpha() > 0 && t.alpha() < 1, "alpha " + t.alpha());
        assertEquals(2, ModelWeighting.effectiveSampleSize(t.weights()), 1e-4);
        double[] scaled = new double[8];
        for (int i = 0; i < 8; i++) {
            scaled[i] = t.alpha() * steep[i];
        }
        assertArrayEquals(ModelWeighting.weights(scaled, lq, g, new double[]{1}), t.weights(), EPS);
    }

    /**
     * Systematic resampling takes each point floor or ceil of K·w_i times: weights 0.5, 0.25, 0.25 with K = 4
     * give exactly 0, 0, 1, 2 whatever the seed's uniform; a point of weight 0 is never taken.
     */
    @Test
    void systematicResamplingTakesEachPointByItsWeight() {
        for (long seed = 1; seed <= 20; seed++) {
            assertArrayEquals(new int[]{0, 0, 1, 2}, ModelWeighting.resample(new double[]{0.5, 0.25, 0.25}, 4, seed));
            assertArrayEquals(new int[]{1, 1, 1}, ModelWeighting.resample(new double[]{0, 1, 0}, 3, seed));
            assertArrayEquals(new int[]{1, 2}, ModelWeighting.resample(new double[]{0, 0.5, 0.5}, 2, seed));
        }
        assertArrayEquals(ModelWeighting.resample(new double[]{0.1, 0.2, 0.3, 0.4}, 7, 5),
                ModelWeighting.resample(new double[]{0.1, 0.2, 0.3, 0.4}, 7, 5), "deterministic for the seed");
        ModelWeighting.Result r = ModelWeighting.Result.of(new double[]{0.5, 0.25, 0.25}, 4, 9);
        assertEquals(3, r.distinct());
        assertEquals(1 / (0.25 + 0.0625 + 0.0625), r.effectiveSampleSize(), EPS);
    }

    /**
     * log L_m over a wave of two used outputs of one target (each tempered by 1/2) and one dropped: output 0,
     * z = 10, Var_obs 1, Var_disc 2, Var_MC 0.5, replications 8 and 10 (mean 9, Var 1 + 2 + 0.5·1.5 = 3.75);
     * output 1, z = 4, the same variances, replications NaN and 5 (one finite: mean 5, Var 1 + 2 + 0.5·2 = 4).
     * log N(10; 9, 3.75) = −0.5 (ln(2π·3.75) + 1/3.75) = −1.7131; log N(4; 5, 4) = −0.5 (ln(8π) + 1/4) = −1.7371;
     * the sum over 2 = −1.7251. The dropped output (value 1,000 away) counts nothing.
     */
    @Test
    void modelLikelihoodIsTemperedPerTargetOverTheUsedOutputs() {
        HistoryMatching.Wave wave = new HistoryMatching.Wave(2, List.of(
                emulated("a@2015", "a", 10, HistoryMatching.Status.OK),
                emulated("a@2016", "a", 4, HistoryMatching.Status.REFITTED),
                emulated("b@2015", "b", 4, HistoryMatching.Status.DROPPED)));
        double[][] runs = {{8, Double.NaN, 1004}, {10, 5, 1004}};
        double expected = (-0.5 * (Math.log(2 * Math.PI * 3.75) + 1 / 3.75) - 0.5 * (Math.log(2 * Math.PI * 4) + 0.25)) / 2;
        assertEquals(-1.7251, expected, 1e-4);
        assertEquals(expected, ModelWeighting.logModel(wave, new int[]{0, 1, 2}, runs, new double[]{0.5}), EPS);
        // the matched indices map the wave's outputs to the run's target points
        double[][] shuffled = {{1004, 8, Double.NaN}, {1004, 10, 5}};
        assertEquals(expected, ModelWeighting.logModel(wave, new int[]{1, 2, 0}, shuffled, new double[]{0.5}), EPS);
    }

    /** Per target, the mean ratio of the re-runs to the observed value, confirmed points alike and weighted. */
    @Test
    void shiftByTargetComparesAlikeAndWeighted() {
        List<HistoryMatching.Output> outputs = List.of(new HistoryMatching.Output("a@2015", "a", 10, 1, 2));
        List<double[][]> runs = List.of(new double[][]{{5}}, new double[][]{{10}});
        List<String[]> rows = ModelWeighting.shiftByTarget(outputs, new int[]{0}, runs, new double[]{0.2, 0.8});
        assertEquals(1, rows.size());
        assertArrayEquals(new String[]{"a", "0.750", "0.900"}, rows.get(0));
    }

    private static HistoryMatching.Emulated emulated(String id, String target, double z, HistoryMatching.Status status) {
        return new HistoryMatching.Emulated(new HistoryMatching.Output(id, target, z, 1, 2), null, 0.5, null, status, "");
    }
}
