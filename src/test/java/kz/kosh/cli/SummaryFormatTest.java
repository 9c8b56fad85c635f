package kz.kosh.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The run summary's cells and the default output folder. */
class SummaryFormatTest {
    @Test
    void ratesKeepTheirDigitsAndCountsGetSeparators() {
        assertEquals("    0.044%", Summary.cell(0.00044, true), "an emigration rate of 0.044% is not 0.0%");
        assertEquals("       n/a", Summary.cell(Double.NaN, true), "a share of no graduates is not 0.0%");
        assertEquals("    0.128%", Summary.cell(0.00128, true));
        assertEquals("     8.97%", Summary.cell(0.0897, true));
        assertEquals("     33.4%", Summary.cell(0.334, true));
        assertEquals("      0.0%", Summary.cell(0, true));
        assertEquals("   123,456", Summary.cell(123_456, false));
        assertEquals("  -114,200", Summary.cell(-114_200, false));
        assertEquals(10, Summary.cell(1_234_567, false).length());
    }

    /** The summary's regional rows are the run's lowest retentions and largest loss and gain, not a fixed list. */
    @Test
    void regionsAreRankedByTheLastYearsValuesWithoutNaN() {
        kz.kosh.scenario.Scenario s = kz.kosh.scenario.ScenarioLoader.load(Path.of("scenarios", "baseline.yaml")).scenario();
        java.util.Map<String, Double> year = new java.util.HashMap<>();
        year.put("retention_own_graduates@KZ-59", 0.3);
        year.put("retention_own_graduates@KZ-61", 0.5);
        year.put("retention_own_graduates@KZ-75", 0.9);
        year.put("retention_own_graduates@KZ-11", Double.NaN);
        assertEquals(java.util.List.of("KZ-59", "KZ-61"), Summary.ranked(year, "retention_own_graduates", s, true, 2));
        assertEquals(java.util.List.of("KZ-75"), Summary.ranked(year, "retention_own_graduates", s, false, 1));
        assertEquals(java.util.List.of("KZ-59", "KZ-61", "KZ-75"), Summary.ranked(year, "retention_own_graduates", s, true, 5));
    }

    @Test
    void defaultOutputFolderNamesTheScaleWhenNotOne() {
        assertEquals(Path.of("results", "baseline-1"), Main.defaultOut("baseline", 1, 1.0));
        assertEquals(Path.of("results", "baseline-1-s0.25"), Main.defaultOut("baseline", 1, 0.25));
        assertEquals(Path.of("results", "baseline-7-s0.01"), Main.defaultOut("baseline", 7, 0.01));
    }
}
