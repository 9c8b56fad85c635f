package kz.kosh.output;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A share of no graduates is missing (NaN, written NA), never 0. */
class RatioTest {
    @Test
    void aRatioWithoutDenominatorIsMissingAndWrittenNa() {
        assertEquals(0.25, Indicators.ratio(1, 4), 0);
        assertEquals(0.0, Indicators.ratio(0, 4), 0);
        assertTrue(Double.isNaN(Indicators.ratio(0, 0)));
        assertTrue(Double.isNaN(Indicators.ratio(3, 0)));
        assertEquals("NA", Fmt.number(Indicators.ratio(0, 0)));
    }
}
