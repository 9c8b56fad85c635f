package kz.kosh.calibration.history;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Session 6's rules of {@link HistoryMatching}, with hand values: the posterior chains' distinct
 * starts, and an output with a missing replication at a design point.
 */
class HistoryMatchingTest {
    /**
     * Starts: the known points the emulators do not rule out (in their order, no repeats), then the
     * pool's distinct points by decreasing log weight, ties in pool order. Pool weights -5, -1, -3, -1
     * (the last a repeat of the second): order p1, p2, p0.
     */
    @Test
    void chainsStartFromKnownPointsThenThePoolByWeight() {
        double[] a = {0.1, 0.1};
        double[] ruledOut = {0.9, 0.9};
        double[] p0 = {0.2, 0.2};
        double[] p1 = {0.3, 0.3};
        double[] p2 = {0.4, 0.4};
        List<double[]> starts = EmulatorPosterior.starts(List.of(a, ruledOut, a.clone()), List.of(p0, p1, p2, p1.clone()),
                new double[]{-5, -1, -3, -1}, x -> x[0] > 0.5 ? Double.NEGATIVE_INFINITY : 0);
        assertEquals(4, starts.size());
        assertArrayEquals(a, starts.get(0));
        assertArrayEquals(p1, starts.get(1));
        assertArrayEquals(p2, starts.get(2));
        assertArrayEquals(p0, starts.get(3));
    }

    /**
     * A later confirmation batch starts from the known points, then from the draws confirmed so far
     * spread by greedy maximin: with a batch of 40 draws (4 chains) and confirmed draws 0.1, 0.12,
     * 0.9, 0.5, 0.11, 0.3 (1-D), the spread takes 0.1, then the farthest 0.9, then 0.5 (0.4 from both),
     * then 0.3 (0.2 from 0.1 and 0.5; 0.12 and 0.11 are within 0.02).
     */
    @Test
    void laterBatchesStartFromConfirmedDrawsSpread() {
        double[] known = {0.7};
        List<double[]> confirmed = List.of(new double[]{0.1}, new double[]{0.12}, new double[]{0.9}, new double[]{0.5},
                new double[]{0.11}, new double[]{0.3});
        List<double[]> s = PosteriorConfirmation.batchStarts(List.of(known), confirmed, 40);
        assertEquals(5, s.size());
        double[] expected = {0.7, 0.1, 0.9, 0.5, 0.3};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s.get(i)[0], 1e-12, "start " + i);
        }
        assertEquals(1 + 6, PosteriorConfirmation.batchStarts(List.of(known), confirmed, 200).size(), "20 chains: all 6");
        assertEquals(1, PosteriorConfirmation.batchStarts(List.of(known), List.of(), 200).size(), "batch 1: none yet");
    }

    /**
     * A replication without a finite value is missing, not a reason to drop the output: 6 points
     * in 1 dimension, 2 replications, the last point's second replication NaN. Var_MC is pooled over
     * the 5 points with 2 finite values: within-point variances 0.02, 0.02, 0.08, 0, 0.02, mean
     * 0.028; the point with one finite value has noise Var_MC / 1 = 0.028, the others 0.014 (the
     * nugget, common to all, cancels in the difference). A point with no finite value (the output is not
     * defined there) is left out of the emulator while at least 3/4 of the points remain (5 of 6), with
     * the same Var_MC; two such points (4 of 6) drop the output.
     */
    @Test
    void missingReplicationsAreLeftOutOfAPointsMean() {
        List<double[]> design = new ArrayList<>();
        double[][] reps = {{1, 1.2}, {2, 2.2}, {3, 3.4}, {4, 4.0}, {5, 5.2}, {6, Double.NaN}};
        double[][][] runs = new double[6][2][1];
        for (int i = 0; i < 6; i++) {
            design.add(new double[]{i / 5.0});
            runs[i][0][0] = reps[i][0];
            runs[i][1][0] = reps[i][1];
        }
        List<HistoryMatching.Output> out = List.of(new HistoryMatching.Output("y", "y", 3, 0.01, 0.01));
        HistoryMatching.Wave w = HistoryMatching.emulate(1, out, design, runs, HistoryMatching.Settings.defaults(), 5);
        HistoryMatching.Emulated e = w.emulators().get(0);
        assertTrue(e.used(), e.note());
        assertEquals(0.028, e.mcVariance(), 1e-12);
        assertEquals(0.014, e.gp().noiseVariance(5) - e.gp().noiseVariance(0), 1e-9);
        assertNull(e.points(), "every point used");
        runs[5][0][0] = Double.NaN;
        HistoryMatching.Emulated kept = HistoryMatching.emulate(1, out, design, runs, HistoryMatching.Settings.defaults(), 5)
                .emulators().get(0);
        assertTrue(kept.used(), "no finite replication at 1 of 6 points: fitted on the other 5: " + kept.note());
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, kept.points());
        assertEquals(5, kept.loo().standardised().length);
        assertEquals(4, kept.point(4));
        assertEquals(0.028, kept.mcVariance(), 1e-12, "still pooled over the 5 points with 2 finite values");
        assertEquals(GaussianProcess.Mean.LINEAR, kept.gp().meanBasis(), "5 points: enough for a linear mean in 1 dimension");
        assertTrue(kept.note().contains("5 of 6"), kept.note());
        runs[4][0][0] = Double.NaN;
        runs[4][1][0] = Double.NaN;
        HistoryMatching.Emulated none = HistoryMatching.emulate(1, out, design, runs, HistoryMatching.Settings.defaults(), 5)
                .emulators().get(0);
        assertFalse(none.used(), "no finite replication at 2 of 6 points (fewer than 3/4 left): dropped");
        assertTrue(none.note().contains("2 of 6"), none.note());
    }

    /**
     * When the points left are fewer than a linear mean needs (3 inputs: 4 coefficients + 2 = 6 points; 6 design
     * points, one undefined), the emulator falls back to a constant mean instead of failing or dropping the output.
     */
    @Test
    void tooFewDefinedPointsForALinearMeanFallBackToAConstantMean() {
        List<double[]> design = HistoryMatching.firstDesign(3, 6, 11);
        double[][][] runs = new double[6][2][1];
        for (int i = 0; i < 6; i++) {
            double[] x = design.get(i);
            runs[i][0][0] = x[0] + 2 * x[1] - x[2] + 0.01 * i;
            runs[i][1][0] = x[0] + 2 * x[1] - x[2] - 0.01 * i;
        }
        runs[2][0][0] = Double.NaN;
        runs[2][1][0] = Double.NaN;
        List<HistoryMatching.Output> out = List.of(new HistoryMatching.Output("y", "y", 1, 0.01, 0.01));
        HistoryMatching.Emulated e = HistoryMatching.emulate(1, out, design, runs, HistoryMatching.Settings.defaults(), 3)
                .emulators().get(0);
        assertArrayEquals(new int[]{0, 1, 3, 4, 5}, e.points());
        assertEquals(GaussianProcess.Mean.CONSTANT, e.gp().meanBasis());
        assertTrue(e.note().contains("constant mean"), e.note());
    }
}
