package kz.kosh.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static kz.kosh.experiment.ExperimentTests.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An experiment's statistics depend on the experiment only, not on the number of threads:
 * replications are aggregated in replication order whatever order they finish in.
 */
class ExperimentDeterminismTest {
    static final int REPS = 4;

    @TempDir
    static Path tmp;
    static ExperimentSpec spec;
    static ExperimentRunner.Result one;
    static ExperimentRunner.Result two;

    @BeforeAll
    static void runWithOneAndTwoThreads() {
        spec = ExperimentTests.shortSpec("determinism",
                List.of(entry("baseline", ExperimentTests.BASELINE), entry("no-obligation", ExperimentTests.NO_OBLIGATION)),
                REPS, 0.01);
        one = ExperimentTests.run(spec, tmp.resolve("t1"), 1, false, false);
        two = ExperimentTests.run(spec, tmp.resolve("t2"), 2, false, false);
    }

    private static void assertSameBytes(String file) throws IOException {
        long at = Files.mismatch(one.directory().resolve(file), two.directory().resolve(file));
        if (at != -1) {
            fail(file + " differs between 1 and 2 threads from byte " + at);
        }
    }

    @Test
    void summaryIsByteIdenticalWithOneAndTwoThreads() throws IOException {
        assertSameBytes("summary.csv");
    }

    @Test
    void differencesAreByteIdenticalWithOneAndTwoThreads() throws IOException {
        assertSameBytes("differences.csv");
    }

    @Test
    void everyPairWasRunAndNoneResumed() {
        for (ExperimentRunner.Result r : List.of(one, two)) {
            assertEquals(REPS * 2, r.replicationsRun());
            assertEquals(0, r.replicationsResumed());
        }
    }

    @Test
    void outputsAreCompleteAndTheMarkerAndRunsAreGone() {
        for (ExperimentRunner.Result r : List.of(one, two)) {
            Path d = r.directory();
            for (String f : List.of("summary.csv", "differences.csv", "manifest.json")) {
                assertTrue(Files.isRegularFile(d.resolve(f)), f + " missing in " + d);
            }
            assertFalse(Files.exists(d.resolve(ExperimentRunner.INCOMPLETE_MARKER)), "marker left behind");
            assertFalse(Files.exists(d.resolve("runs")), "runs/ kept although keepRuns is false");
        }
    }

    @Test
    void summaryCoversBothScenariosAndTheRecordedYearsWithAllReplications() {
        Path s = one.directory().resolve("summary.csv");
        assertEquals("scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n", ExperimentTests.header(s));
        List<String[]> rows = ExperimentTests.rows(s);
        assertFalse(rows.isEmpty());
        java.util.Set<String> scenarios = new java.util.TreeSet<>();
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        for (String[] r : rows) {
            assertEquals(12, r.length, String.join(",", r));
            scenarios.add(r[0]);
            years.add(Integer.parseInt(r[1]));
            int n = Integer.parseInt(r[11]);
            assertTrue(n >= 1 && n <= REPS, "n " + n);
            double mean = ExperimentTests.num(r[4]);
            double lo = ExperimentTests.num(r[6]);
            double hi = ExperimentTests.num(r[7]);
            if (!Double.isNaN(lo)) {
                assertTrue(lo <= mean + 1e-6 && mean <= hi + 1e-6, "CI must contain the mean: " + String.join(",", r));
            }
        }
        assertEquals(java.util.Set.of("baseline", "no-obligation"), scenarios);
        assertEquals(java.util.Set.of(2015, 2016, 2017), years);
        assertTrue(rows.stream().anyMatch(r -> r[11].equals(String.valueOf(REPS))), "no cell has all replications");
    }

    @Test
    void differencesNameTheReferenceAndOnlyTheOtherScenario() {
        Path d = one.directory().resolve("differences.csv");
        assertEquals("scenario,reference,year,indicator,place,mean_difference,sd,ci95_low,ci95_high,excludes_zero,n",
                ExperimentTests.header(d));
        List<String[]> rows = ExperimentTests.rows(d);
        assertFalse(rows.isEmpty());
        for (String[] r : rows) {
            assertEquals(11, r.length, String.join(",", r));
            assertEquals("no-obligation", r[0]);
            assertEquals("baseline", r[1]);
            assertTrue(r[9].equals("true") || r[9].equals("false"), r[9]);
        }
    }
}
