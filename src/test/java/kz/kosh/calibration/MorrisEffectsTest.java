package kz.kosh.calibration;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MorrisEffectsTest {
    @Test
    void linearAndInteractingEffectsAsComputedByHand() {
        // f = 2 x0 - 3 x1 + x0 * x2 on ranges [0, 1], [0, 10], [0, 2]; steps of half the range
        List<double[]> ranges = List.of(new double[]{0, 1}, new double[]{0, 10}, new double[]{0, 2});
        SplittableRandom rnd = new SplittableRandom(3);
        List<double[]> pts = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            double[] u = {rnd.nextInt(2) / 3.0, rnd.nextInt(2) / 3.0, rnd.nextInt(2) / 3.0};
            int[] order = t % 2 == 0 ? new int[]{0, 1, 2} : new int[]{2, 1, 0};
            pts.add(scaled(u, ranges));
            for (int i : order) {
                u[i] += 2.0 / 3.0;
                pts.add(scaled(u, ranges));
            }
        }
        double[] y = new double[pts.size()];
        for (int j = 0; j < y.length; j++) {
            double[] x = pts.get(j);
            y[j] = 2 * x[0] - 3 * x[1] + x[0] * x[2];
        }
        MorrisEffects.Effects e = MorrisEffects.analyse(pts, y, ranges);
        // x1: EE = -3 * range 10 = -30 always
        assertEquals(-30, e.mu()[1], 1e-9);
        assertEquals(30, e.muStar()[1], 1e-9);
        assertEquals(0, e.sigma()[1], 1e-9);
        assertEquals(20, e.n()[1]);
        // x0: EE = (2 + x2) * range 1, x2 in {0, 2/3*2, ...}: positive, varies with x2 -> sigma > 0
        assertEquals(e.mu()[0], e.muStar()[0], 1e-12);
        assertEquals(true, e.sigma()[0] > 0);
        assertEquals(true, e.mu()[0] >= 2 && e.mu()[0] <= 4, "EE of x0 = 2 + x2 with x2 in [0, 2]: " + e.mu()[0]);
        // x2: EE = x0 * range 2 >= 0
        assertEquals(e.mu()[2], e.muStar()[2], 1e-12);
    }

    private static double[] scaled(double[] u, List<double[]> ranges) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = ranges.get(i)[0] + u[i] * (ranges.get(i)[1] - ranges.get(i)[0]);
        }
        return x;
    }
}
