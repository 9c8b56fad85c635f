package kz.kosh.gui;

import kz.kosh.scenario.RunSettings;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map's title before the first recorded year says what the run is doing. */
class StatusTest {
    @Test
    void spinUpIsCountedYearByYear() {
        RunSettings run = new RunSettings(2015, 2050, 22, 1, 0.1, 5);
        assertTrue(KoshWithUI.status(run, 1993).startsWith("press play to run"));
        assertEquals("spin-up 1993-2014: year 1 of 22", KoshWithUI.status(run, 1994));
        assertEquals("spin-up 1993-2014: year 22 of 22", KoshWithUI.status(run, 2015));
        assertEquals("running", KoshWithUI.status(run, 2016));
        assertEquals("running", KoshWithUI.status(new RunSettings(2015, 2050, 0, 1, 0.1, 5), 2016));
    }
}
