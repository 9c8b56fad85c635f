package kz.kosh.sim;

import kz.kosh.scenario.Scenario;
import kz.kosh.world.YearlyInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The world (and with it the choice tables) is rebuilt once a year, when the year's inputs change. */
class YearlyWorldTest {
    @TempDir
    Path tmp;

    @Test
    void eachYearHasItsOwnWorld() {
        // without state-funded places abroad: no input depends on the year's cohort of school leavers; without the study
        // choice's internationalisation trend (it moves every year until 2019)
        Scenario s = TestRuns.variant(tmp, "years", TestRuns.run(2008, 2016, 0)
                + "study:\n  stateFundedPlacesPerYear: {RU: 0}\n  abroadTrendPerYear: 0\n", 3, 0.001).scenario();
        KoshSim sim = new KoshSim(s, 1);
        sim.start();
        YearlyInputs in = YearlyInputs.builtIn();
        int almaty = sim.world().indexOf("KZ-75");
        double table = s.regions().get("KZ-75").avgWageKztPerMonth();
        kz.kosh.world.World before2012 = sim.world();
        for (int year = 2008; year <= 2016; year++) {
            assertEquals(year, sim.year());
            assertEquals(table * in.kazakhstanRealWageFactor(year, 0.02), sim.world().wageKztPerMonth(almaty), 1e-6);
            if (year == 2011) {
                // flat inputs before 2012, no timeline change in 2009-2010: the same world;
                // 2011 brings the academic-mobility entry of the baseline's history
                assertNotSame(before2012, sim.world());
            } else if (year > 2008 && year < 2011) {
                assertSame(before2012, sim.world());
            }
            if (year >= 2013) {
                // wages move every year from 2013 (2012 equals the level held before it)
                assertEquals(year, sim.world().year());
            }
            sim.schedule.step(sim);
            assertEquals(year + 1, sim.year());
        }
        sim.finish();
    }

    /**
     * With state-funded places (Russia's quota), the chance of a place is F / last year's entrants,
     * a demand-dependent input: the world follows the entrants and is rebuilt in years whose other
     * inputs are flat (2009, 2010).
     */
    @Test
    void fundedPlacesFollowLastYearsEntrants() {
        Scenario s = TestRuns.variant(tmp, "funded", TestRuns.run(2008, 2011, 0), 3, 0.001).scenario();
        assertEquals(6700.0, s.study().stateFundedPlaces("RU"), 0.0, "the baseline's default places");
        KoshSim sim = new KoshSim(s, 1);
        sim.start();
        sim.schedule.step(sim);
        kz.kosh.world.World w2009 = sim.world();
        sim.schedule.step(sim);
        assertEquals(2010, sim.year());
        assertNotSame(w2009, sim.world(), "2010's entrants differ from 2009's, so does the chance of a funded place");
        sim.finish();
    }
}
