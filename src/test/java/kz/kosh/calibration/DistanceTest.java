package kz.kosh.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistanceTest {
    private static final Target.Quantity NONE = c -> 0;

    @Test
    void weightedSquaredRelativeErrorsOverTolerancesBandsZeroInside() {
        // target a: two points, weight 2, tolerance 0.1; observed 100 and 200
        Target a = new Target("a", "a", Target.CALIBRATION, 2, 0.1, "s", "m", List.of(
                new Target.Point("2015", 100, 100, 100, NONE), new Target.Point("2016", 200, 200, 200, NONE)));
        // target b: a band [10, 20], weight 1, tolerance 0.5
        Target b = new Target("b", "b", Target.CALIBRATION, 1, 0.5, "s", "m", List.of(
                new Target.Point("2015", 15, 10, 20, NONE)));
        // target c: validation, never counts
        Target c = new Target("c", "c", Target.VALIDATION, 5, 0.1, "s", "m", List.of(
                new Target.Point("2015", 1, 1, 1, NONE)));
        List<Target> ts = List.of(a, b, c);
        // model 110 (e = 0.1), 180 (e = -0.1): a = 2 * ((1)^2 + (1)^2) / 2 = 2
        // model 15 inside the band: b = 0; model 99 for c: ignored
        assertEquals(2.0, Distance.of(ts, new double[]{110, 180, 15, 99}), 1e-12);
        // model 5 below the band: e = (5 - 10) / 10 = -0.5, (e / 0.5)^2 = 1 -> b = 1
        // model 100, 230: e = 0, 0.15 -> a = 2 * (0 + 2.25) / 2 = 2.25
        assertEquals(3.25, Distance.of(ts, new double[]{100, 230, 5, 0}), 1e-12);
        // above the band: model 30, e = (30 - 20) / 20 = 0.5 -> 1
        assertEquals(1.0, Distance.of(ts, new double[]{100, 200, 30, 0}), 1e-12);
        // a missing model value counts as relative error 10: (10 / 0.5)^2 = 400
        assertEquals(400.0, Distance.of(ts, new double[]{100, 200, Double.NaN, 0}), 1e-9);
    }

    @Test
    void relativeErrorOfPointsAndBands() {
        Target.Point p = new Target.Point("y", 50, 50, 50, NONE);
        assertEquals(-0.2, p.relativeError(40), 1e-12);
        Target.Point band = new Target.Point("y", 1.5, 1, 2, NONE);
        assertEquals(0.0, band.relativeError(1.7), 0);
        assertEquals(1.0, band.relativeError(4), 1e-12);
        assertEquals(-0.5, band.relativeError(0.5), 1e-12);
    }
}
