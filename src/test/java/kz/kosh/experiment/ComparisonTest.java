package kz.kosh.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static kz.kosh.experiment.ExperimentTests.entry;
import static kz.kosh.experiment.ExperimentTests.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paired differences against the reference: with common random numbers a scenario compared
 * with itself differs by exactly zero, and a lever known to matter shows a difference whose
 * interval excludes zero.
 */
class ComparisonTest {
    @TempDir
    Path tmp;

    @Test
    void scenarioComparedWithItselfDiffersByExactlyZero() {
        ExperimentSpec spec = ExperimentTests.shortSpec("self",
                List.of(entry("a", ExperimentTests.BASELINE), entry("b", ExperimentTests.BASELINE)), 3, 0.01);
        ExperimentRunner.Result r = ExperimentTests.run(spec, tmp.resolve("self"), 2, false, false);
        List<String[]> rows = ExperimentTests.rows(r.directory().resolve("differences.csv"));
        assertFalse(rows.isEmpty(), "no differences written");
        for (String[] row : rows) {
            String line = String.join(",", row);
            assertEquals("b", row[0], line);
            assertEquals("a", row[1], line);
            assertEquals(0.0, num(row[5]), 0.0, "mean_difference: " + line);
            assertTrue(row[6].equals("NA") || num(row[6]) == 0.0, "sd: " + line);
            assertTrue(row[7].equals("NA") || num(row[7]) == 0.0, "ci95_low: " + line);
            assertTrue(row[8].equals("NA") || num(row[8]) == 0.0, "ci95_high: " + line);
            assertEquals("false", row[9], "excludes_zero: " + line);
        }
        // and the two scenarios have identical summaries apart from the name
        List<String[]> summary = ExperimentTests.rows(r.directory().resolve("summary.csv"));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (String[] row : summary) {
            String rest = String.join(",", java.util.Arrays.copyOfRange(row, 1, row.length));
            (row[0].equals("a") ? a : b).add(rest);
        }
        assertFalse(a.isEmpty());
        assertEquals(a, b);
    }

    @Test
    void noObligationRaisesBolashakNonReturnBeyondNoise() {
        ExperimentSpec spec = new ExperimentSpec("bolashak",
                List.of(entry("baseline", ExperimentTests.BASELINE), entry("no-obligation", ExperimentTests.NO_OBLIGATION)),
                0, 5, 1, 0.05, 2015, 2020, 4);
        ExperimentRunner.Result r = ExperimentTests.run(spec, tmp.resolve("bolashak"), 2, false, false);
        List<String[]> rows = ExperimentTests.rows(r.directory().resolve("differences.csv")).stream()
                .filter(row -> row[3].equals("bolashak_first_job_abroad_share") && row[4].equals("KZ")).toList();
        // one row per recorded year with Bolashak graduates of foreign universities in some replication:
        // a year without any has a missing share (NA), never a row of zeros
        assertTrue(rows.size() >= 4 && rows.size() <= 6, rows.size() + " rows");
        assertEquals("2020", rows.get(rows.size() - 1)[2]);
        int excluding = 0;
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            String line = String.join(",", row);
            table.append(line).append('\n');
            assertEquals("no-obligation", row[0]);
            assertTrue(num(row[10]) >= 1 && num(row[10]) <= 5, "paired over the replications with a value: " + line);
            assertTrue(num(row[5]) >= 0, "mean difference should not be negative: " + line);
            if (row[9].equals("true")) {
                excluding++;
                assertTrue(num(row[5]) > 0 && num(row[7]) > 0, "excludes zero from above: " + line);
            }
        }
        // the first recorded years have no graduates of unenforced cohorts yet (difference 0); later the effect is large
        assertTrue(num(rows.get(rows.size() - 1)[5]) > 0, "positive in the last year:\n" + table);
        assertTrue(excluding * 2 >= rows.size(), "interval excludes zero in only " + excluding + " years:\n" + table);
    }
}
