package kz.kosh.experiment.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wilson intervals against values computed by hand (and the textbook tables). */
class IntervalsTest {
    private static final double Z = 1.959963984540054;

    @Test
    void wilsonReferenceValues() {
        // 1 of 10: centre (0.1 + z²/20)/(1 + z²/10) = 0.21102, half 0.19314 -> [0.0179, 0.4042]
        assertArrayEquals(new double[]{0.017876, 0.404150}, Intervals.wilson(0.1, 10, Z), 1e-6);
        // 0 of 10: [0, z²/(n + z²)] = [0, 0.2775]
        assertArrayEquals(new double[]{0, 0.277533}, Intervals.wilson(0.0, 10, Z), 1e-6);
        // 50 of 100: [0.4038, 0.5962]
        assertArrayEquals(new double[]{0.403832, 0.596168}, Intervals.wilson(0.5, 100, Z), 1e-6);
        // 10 of 10: symmetric to 0 of 10
        assertArrayEquals(new double[]{1 - 0.277533, 1}, Intervals.wilson(1.0, 10, Z), 1e-6);
    }

    @Test
    void shareOfReplicationsStaysInsideZeroOne() {
        // the example: mean 2.3% of 4 replications whose t interval is [-1.95%; 6.55%]
        // (half-width 4.25 points, t(0.975, 3) = 3.182446): sd = 2 * 0.0425 / 3.182446;
        // n* = p(1-p)/se² = 125.999, Wilson with z = t -> [0.43%, 11.26%]
        double t = 3.182446305284263;
        double sd = 2 * 0.0425 / t;
        double[] t95 = Intervals.t(0.023, sd, 4);
        assertEquals(0.023 - 0.0425, t95[0], 1e-9);
        assertTrue(t95[0] < 0, "the t interval leaves [0, 1]");
        double[] w = Intervals.share(0.023, sd, 4);
        assertArrayEquals(new double[]{0.0043473, 0.1126312}, w, 1e-6);
        // no variation: a point; fewer than two replications: unknown
        assertArrayEquals(new double[]{0.4, 0.4}, Intervals.share(0.4, 0, 10), 0);
        assertArrayEquals(new double[]{0, 0}, Intervals.share(0, 0, 10), 0);
        assertTrue(Double.isNaN(Intervals.share(0.4, 0.1, 1)[0]));
        // far from the bounds, close to the t interval
        double[] tMid = Intervals.t(0.5, 0.05, 20);
        double[] wMid = Intervals.share(0.5, 0.05, 20);
        assertEquals(tMid[0], wMid[0], 0.002);
        assertEquals(tMid[1], wMid[1], 0.002);
    }
}
