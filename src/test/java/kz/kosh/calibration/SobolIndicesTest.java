package kz.kosh.calibration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sobol' indices of the Ishigami function (a = 7, b = 0.1) against their analytic values. */
class SobolIndicesTest {
    static final double TOLERANCE = 0.02;

    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void ishigamiIndicesWithinTolerance() {
        SobolIndices.Design d = SobolIndices.design(1 << 14, 3);
        int n = d.n();
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[3][n];
        for (int j = 0; j < n; j++) {
            fA[j] = ishigami(d.a()[j]);
            fB[j] = ishigami(d.b()[j]);
            for (int i = 0; i < 3; i++) {
                fAB[i][j] = ishigami(d.ab()[i][j]);
            }
        }
        SobolIndices.Indices x = SobolIndices.analyse(fA, fB, fAB, 200, 1);
        double[] s1 = {0.314, 0.442, 0.0};
        double[] st = {0.558, 0.442, 0.244};
        for (int i = 0; i < 3; i++) {
            assertEquals(s1[i], x.first()[i], TOLERANCE, "S1 of x" + (i + 1));
            assertEquals(st[i], x.total()[i], TOLERANCE, "ST of x" + (i + 1));
            assertTrue(x.firstLow()[i] <= x.first()[i] && x.first()[i] <= x.firstHigh()[i]);
            assertTrue(x.totalLow()[i] <= x.total()[i] && x.total()[i] <= x.totalHigh()[i]);
            assertTrue(x.totalHigh()[i] - x.totalLow()[i] < 0.1, "bootstrap interval of ST x" + (i + 1));
        }
    }
}
