package kz.kosh.calibration.history;

import kz.kosh.calibration.SobolIndices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sobol' indices on an emulator against the analytic indices of the function it emulates. */
class EmulatorSobolTest {
    /**
     * f = 4 x1 + 2 x2 + 0 x3 on [0,1]^3: V_i = a_i² / 12, so S1 = ST = (16, 4, 0) / 20 =
     * (0.8, 0.2, 0). The emulator of a noisy 40-point design recovers them.
     */
    @Test
    void linearFunctionThroughItsEmulator() {
        SplittableRandom rnd = new SplittableRandom(4);
        List<double[]> design = HistoryMatching.firstDesign(3, 40, 9);
        double[][] x = design.toArray(new double[0][]);
        double[] y = new double[x.length];
        double[] noise = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 4 * x[i][0] + 2 * x[i][1] + 0.02 * rnd.nextGaussian();
            noise[i] = 0.0004;
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, noise, GaussianProcess.Kernel.MATERN52, GaussianProcess.Mean.LINEAR, 2, 3);
        SobolIndices.Indices s = EmulatorSobol.indices(gp, new double[]{0, 0, 0}, new double[]{1, 1, 1}, 2048, 100, 1);
        double[] expected = {0.8, 0.2, 0};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], s.first()[i], 0.05, "S1 x" + (i + 1));
            assertEquals(expected[i], s.total()[i], 0.05, "ST x" + (i + 1));
            assertTrue(s.totalLow()[i] <= s.total()[i] && s.total()[i] <= s.totalHigh()[i]);
        }
        // on a box where x1 hardly varies, x2 drives the output
        SobolIndices.Indices box = EmulatorSobol.indices(gp, new double[]{0.5, 0, 0}, new double[]{0.55, 1, 1}, 1024, 50, 1);
        assertTrue(box.total()[1] > 0.9, "ST x2 on the narrow box: " + box.total()[1]);
    }

    @Test
    void spanIsThePercentileBoxOfASample() {
        List<double[]> sample = new java.util.ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            sample.add(new double[]{i / 100.0, 0.3});
        }
        double[][] b = EmulatorSobol.span(sample, 2);
        assertEquals(0.01, b[0][0], 1e-12);
        assertEquals(0.99, b[1][0], 1e-12);
        assertTrue(b[1][1] > b[0][1], "a constant column still gives a non-empty box");
    }
}
