package kz.kosh.calibration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parameter / seed split of a validation check's variance (one-way random-effects ANOVA), by hand. */
class ValidationSplitTest {
    @Test
    void splitByHand() {
        // sets 0: {1, 2}, 1: {9, 10}: within = (0.5 + 0.5) / 2 = 0.5; set means 1.5 and 9.5, grand 5.5,
        // MS_between = 2 * (16 + 16) / 1 = 64, n0 = 2: between = (64 - 0.5) / 2 = 31.75
        ValidationRun.Split s = ValidationRun.split(new double[]{1, 9, 2, 10}, new int[]{0, 1, 0, 1});
        assertEquals(0.5, s.within(), 1e-12);
        assertEquals(31.75, s.between(), 1e-12);
        assertEquals(31.75 / 32.25, s.parameterShare(), 1e-12);
        assertEquals(2, s.sets());
        // one replication per set: no seed part, no split
        ValidationRun.Split one = ValidationRun.split(new double[]{1, 9}, new int[]{0, 1});
        assertTrue(Double.isNaN(one.parameterShare()));
    }
}
