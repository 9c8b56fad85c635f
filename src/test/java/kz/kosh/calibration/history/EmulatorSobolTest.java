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

    /**
     * Ishigami, f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [-π, π]³ with a = 7, b = 0.1 (Ishigami and
     * Homma 1990; Saltelli et al. 2008, p. 179): D = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
     * V1 = bπ⁴/5 + b²π⁸/50 + 1/2, V2 = a²/8, V13 = b²π⁸ (1/18 − 1/50), so S1 = (0.3139, 0.4424, 0)
     * and ST = (0.5576, 0.4424, 0.2437). The box maps the unit cube onto [-π, π]³: first the
     * function itself (the estimator and the box), then through a GP emulator of 220 noiseless
     * Latin-hypercube runs (the estimator on an emulator, as the policy contrasts use it).
     */
    @Test
    void ishigamiOnTheBoxAndThroughItsEmulator() {
        double a = 7;
        double b = 0.1;
        double pi4 = Math.pow(Math.PI, 4);
        double pi8 = pi4 * pi4;
        double v1 = b * pi4 / 5 + b * b * pi8 / 50 + 0.5;
        double v2 = a * a / 8;
        double v13 = b * b * pi8 * (1.0 / 18 - 1.0 / 50);
        double total = v1 + v2 + v13;
        double[] s1 = {v1 / total, v2 / total, 0};
        double[] st = {(v1 + v13) / total, v2 / total, v13 / total};
        assertEquals(0.3139, s1[0], 1e-4);
        assertEquals(0.5576, st[0], 1e-4);
        assertEquals(0.2437, st[2], 1e-4);
        java.util.function.ToDoubleFunction<double[]> f = x -> Math.sin(x[0]) + a * Math.pow(Math.sin(x[1]), 2)
                + b * Math.pow(x[2], 4) * Math.sin(x[0]);
        double[] lo = {-Math.PI, -Math.PI, -Math.PI};
        double[] hi = {Math.PI, Math.PI, Math.PI};
        SobolIndices.Indices direct = EmulatorSobol.indices(f, lo, hi, 8192, 100, 5);
        for (int i = 0; i < 3; i++) {
            assertEquals(s1[i], direct.first()[i], 0.02, "S1 x" + (i + 1));
            assertEquals(st[i], direct.total()[i], 0.02, "ST x" + (i + 1));
            assertTrue(direct.totalLow()[i] <= st[i] + 0.01 && st[i] - 0.01 <= direct.totalHigh()[i],
                    "the 95% interval of ST x" + (i + 1) + " covers the truth: [" + direct.totalLow()[i] + ", "
                            + direct.totalHigh()[i] + "]");
        }
        // the emulator is trained and analysed in the unit cube; its inputs map onto [-π, π]³
        List<double[]> design = HistoryMatching.firstDesign(3, 220, 11);
        double[][] x = design.toArray(new double[0][]);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.applyAsDouble(new double[]{-Math.PI + 2 * Math.PI * x[i][0], -Math.PI + 2 * Math.PI * x[i][1],
                    -Math.PI + 2 * Math.PI * x[i][2]});
        }
        GaussianProcess gp = GaussianProcess.fit(x, y, new double[x.length], GaussianProcess.Kernel.MATERN52,
                GaussianProcess.Mean.LINEAR, 1, 3);
        SobolIndices.Indices em = EmulatorSobol.indices(gp, new double[]{0, 0, 0}, new double[]{1, 1, 1}, 4096, 50, 5);
        for (int i = 0; i < 3; i++) {
            assertEquals(s1[i], em.first()[i], 0.06, "emulated S1 x" + (i + 1));
            assertEquals(st[i], em.total()[i], 0.06, "emulated ST x" + (i + 1));
        }
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
