package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entrants follow births 17 years earlier: the cohort of 2035 (born 2018: 397,799) is far
 * larger than that of 2015 (born 1998: 222,380; an observed year, whose count 124,346 the model's
 * leavers equal at the fitted ratio).
 */
class CohortWaveTest {
    @TempDir
    Path tmp;

    private double entrants(int year) {
        HeadlessRun.Result r = HeadlessRun.run(TestRuns.variant(tmp, "wave-" + year, TestRuns.run(year, year, 0), 7, 0.01),
                tmp.resolve("out-" + year), false, 2);
        return r.national().get(year).get("entrants");
    }

    @Test
    void entrantsOf2035AreWellAbove2015() {
        double e2015 = entrants(2015);
        double e2035 = entrants(2035);
        // persons (agents / scale): births(t − 17) × 0.597 × k(t) × (0.85 + college entrants per leaver), with
        // k(2015) = 124,346 / (222,380 × c_fit) (the count of 2015) and k(2035) = 1 (after the counts); at
        // scale 0.01 each of the 20 regions rounds its two groups of agents up or down, so the total is
        // within 40 agents = 4,000 persons
        double perLeaver = 0.85 + ScenarioLoader.load(TestRuns.BASELINE).scenario().population().collegeEntrantsPerSchoolLeaver();
        double x2015 = 124346 * 0.597 / kz.kosh.world.YearlyInputs.builtIn().fittedCompletionRatio() * perLeaver;
        double x2035 = 397799 * 0.597 * perLeaver;
        assertEquals(x2015, e2015, 4000.0);
        assertEquals(x2035, e2035, 4000.0);
        assertTrue(e2035 > 1.7 * e2015, e2015 + " -> " + e2035);
    }
}
