package kz.kosh.sim;

import kz.kosh.population.Population;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stocks the observers get are counted by the update pass, block by block, not by a pass of
 * the record phase of their own: they must be exactly what counting the population at the record
 * gives ({@link Stocks#countAgents}), every count field (found by reflection), on several blocks and
 * two threads, in years in which agents age out (they are left out) and with the cohort of the
 * non-return indicators present; and the previous year's stocks are last year's.
 */
class RecordedStocksTest {
    @TempDir
    Path dir;

    private static List<Field> countFields() {
        List<Field> out = new ArrayList<>();
        for (Field f : Stocks.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && (f.getType() == long.class || f.getType() == long[].class)) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    private static void assertSameCounts(Stocks expected, Stocks actual, String what) throws IllegalAccessException {
        for (Field f : countFields()) {
            if (f.getType() == long.class) {
                assertEquals(f.getLong(expected), f.getLong(actual), what + ": " + f.getName());
            } else {
                assertArrayEquals((long[]) f.get(expected), (long[]) f.get(actual), what + ": " + f.getName());
            }
        }
    }

    @Test
    void theStocksCountedByTheUpdatePassAreTheCountOfThePopulationAtTheRecord() throws Exception {
        // decisions end at 28, so that the first cohorts age out in the recorded years; 0.08: several blocks
        var loaded = TestRuns.variant(dir, "stocks", TestRuns.run(2012, 2015, 10)
                + "population: {maxDecisionAgeYears: 28}\n", 3, 0.08);
        KoshSim sim = new KoshSim(loaded.scenario(), 2);
        List<Stocks> recounted = new ArrayList<>();
        long[] agedOut = {0};
        long[] cohort = {0};
        sim.addObserver((s, year, c, stocks, previous) -> {
            Population pop = s.population();
            Stocks fresh = new Stocks(s.world().regionCount(), s.world().placeCount());
            fresh.countAgents(pop, s.world(), 0, pop.size(), year - s.scenario().run().nonReturnYearsAfterGraduation());
            try {
                assertSameCounts(fresh, stocks, "stocks of " + year);
                if (!recounted.isEmpty()) {
                    assertSameCounts(recounted.get(recounted.size() - 1), previous, "previous stocks at " + year);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            recounted.add(fresh);
            agedOut[0] += c.agedOutTotal();
            for (long n : fresh.cohortByFunding) {
                cohort[0] += n;
            }
        });
        sim.runToEnd();
        assertEquals(4, recounted.size());
        assertTrue(agedOut[0] > 0, "agents aged out in the recorded years");
        assertTrue(cohort[0] > 0, "the non-return cohort was counted");
        assertTrue(recounted.get(0).agents() > 2 * BlockRunner.BLOCK, "several blocks: " + recounted.get(0).agents());
    }
}
