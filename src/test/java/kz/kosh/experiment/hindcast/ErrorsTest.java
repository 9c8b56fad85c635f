package kz.kosh.experiment.hindcast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relative error and MAPE against values computed by hand. */
class ErrorsTest {
    @Test
    void relativeErrorIsModelMinusObservedOverObserved() {
        assertEquals(0.1, Errors.relative(110, 100), 1e-12);
        assertEquals(-0.1, Errors.relative(90, 100), 1e-12);
        assertEquals(-0.5, Errors.relative(40_000, 80_000), 1e-12);
        assertEquals(2.0, Errors.relative(30, 10), 1e-12);
        assertTrue(Double.isNaN(Errors.relative(1, 0)), "observed 0");
        assertTrue(Double.isNaN(Errors.relative(Double.NaN, 5)));
    }

    @Test
    void mapeIsMeanAbsoluteRelativeErrorInPercent() {
        // |110-100|/100 = 10%, |90-100|/100 = 10%, |150-100|/100 = 50% -> (10 + 10 + 50) / 3 = 23.333...%
        assertEquals(70.0 / 3, Errors.mape(new double[]{110, 90, 150}, new double[]{100, 100, 100}), 1e-9);
        // 12,000 vs 16,000: 25%; 2,000 vs 1,000: 100% -> 62.5%
        assertEquals(62.5, Errors.mape(new double[]{12_000, 2_000}, new double[]{16_000, 1_000}), 1e-9);
        // unknown values and observed zeros are left out of the mean (and of n)
        double[] model = {110, Double.NaN, 5, 80};
        double[] observed = {100, 100, 0, 100};
        assertEquals(15.0, Errors.mape(model, observed), 1e-9);
        assertEquals(2, Errors.count(model, observed));
        assertTrue(Double.isNaN(Errors.mape(new double[0], new double[0])));
        assertThrows(IllegalArgumentException.class, () -> Errors.mape(new double[1], new double[2]));
    }

    @Test
    void skippedYearsPrintAsRanges() {
        List<Observed.Point> ps = List.of(p(2000), p(2001), p(2003), p(2004), p(2005), p(2014));
        assertEquals("2000-2001, 2003-2005, 2014", HindcastDoc.ranges(ps));
    }

    private static Observed.Point p(int year) {
        return new Observed.Point(year, 1, 1, 1, "", "");
    }
}
