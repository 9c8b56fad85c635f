package kz.kosh.world;

import kz.kosh.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Labour-market capacity for graduates ({@link DemandResponse#graduateJobChanceFactor}): hand-computed
 * factors, the employment probabilities of a world built from last year's graduate stocks, and
 * the response's direction.
 */
class GraduateCrowdingTest {
    private static final int YEAR = 2024;

    @TempDir
    Path dir;

    private Scenario load(String body) throws IOException {
        return WorldScenarios.load(dir, body);
    }

    private static Demand graduates(World w, long[] living) {
        int n = w.placeCount();
        return new Demand(new long[n], new double[n], new long[n], living);
    }

    @Test
    void factorByHand() {
        // min(1, κ/ρ)^η
        assertEquals(0.25, DemandResponse.graduateJobChanceFactor(8.0, 2.0, 1.0), 1e-15);
        assertEquals(0.5, DemandResponse.graduateJobChanceFactor(8.0, 2.0, 0.5), 1e-15);
        assertEquals(0.0625, DemandResponse.graduateJobChanceFactor(8.0, 2.0, 2.0), 1e-15);
        assertEquals(1.0, DemandResponse.graduateJobChanceFactor(1.9, 2.0, 1.0));
        assertEquals(1.0, DemandResponse.graduateJobChanceFactor(2.0, 2.0, 1.0));
        assertEquals(1.0, DemandResponse.graduateJobChanceFactor(0.0, 2.0, 1.0));
        assertEquals(1.0, DemandResponse.graduateJobChanceFactor(50.0, 2.0, 0.0));
    }

    @Test
    void allGraduatesInOneRegionCutItsJobChanceByCapacityOverDensity() throws IOException {
        Scenario s = load("economy: {graduateJobCapacityRatio: 2.0, graduateCrowdingElasticity: 1.0}\n");
        World base = new World(s, YEAR);
        int atyrau = base.indexOf("KZ-23");
        long[] living = new long[base.regionCount()];
        living[atyrau] = 1000;
        World w = new World(s, YEAR, graduates(base, living));
        double people = 0;
        for (int i = 0; i < base.regionCount(); i++) {
            people += base.population(i);
        }
        double density = people / base.population(atyrau); // all graduates there: share 1 / population share
        assertEquals(base.employmentProbability(atyrau) * 2.0 / density, w.employmentProbability(atyrau), 1e-12);
        for (int i = 0; i < base.placeCount(); i++) {
            if (i != atyrau) {
                assertEquals(base.employmentProbability(i), w.employmentProbability(i), 0.0, w.id(i));
            }
        }
        assertTrue(!w.sameYearlyInputs(base), "a crowded region is a change of the world (tables rebuilt)");
    }

    @Test
    void graduatesSpreadLikeThePopulationChangeNothing() throws IOException {
        Scenario s = load("description: base\n");
        World base = new World(s, YEAR);
        long[] living = new long[base.regionCount()];
        for (int i = 0; i < living.length; i++) {
            living[i] = Math.round(base.population(i));
        }
        World w = new World(s, YEAR, graduates(base, living));
        assertTrue(w.sameYearlyInputs(base));
        assertTrue(new World(s, YEAR, graduates(base, new long[base.regionCount()])).sameYearlyInputs(base),
                "no graduates yet: no change");
        assertTrue(new World(s, YEAR, new Demand(new long[base.placeCount()], new double[base.placeCount()],
                new long[base.placeCount()])).sameYearlyInputs(base), "unknown stocks: no change");
    }

    @Test
    void moreGraduatesInARegionNeverRaiseItsJobChanceAndALargerCapacityNeverLowersIt() throws IOException {
        World base = new World(load("description: base\n"), YEAR);
        int atyrau = base.indexOf("KZ-23");
        double previous = Double.POSITIVE_INFINITY;
        for (long extra : new long[]{0, 50, 100, 200, 400, 800, 1600}) {
            long[] living = new long[base.regionCount()];
            java.util.Arrays.fill(living, 100);
            living[atyrau] += extra;
            double e = new World(load("description: base\n"), YEAR, graduates(base, living)).employmentProbability(atyrau);
            assertTrue(e <= previous, "job chance rose with " + extra + " more graduates");
            previous = e;
        }
        assertTrue(previous < base.employmentProbability(atyrau), "1,700 of 3,600 graduates in Atyrau must crowd it");
        long[] living = new long[base.regionCount()];
        java.util.Arrays.fill(living, 100);
        living[atyrau] = 1700;
        double last = 0;
        for (double capacity : new double[]{1.5, 2, 3, 4, 8, 20}) {
            double e = new World(load("economy: {graduateJobCapacityRatio: " + capacity + "}\n"), YEAR,
                    graduates(base, living)).employmentProbability(atyrau);
            assertTrue(e >= last, "capacity " + capacity);
            last = e;
        }
        assertEquals(base.employmentProbability(atyrau), last, 0.0, "capacity 20 is not reached");
    }
}
