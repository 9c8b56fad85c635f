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
        Scenario s = TestRuns.variant(tmp, "years", TestRuns.run(2008, 2016, 0), 3, 0.001).scenario();
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
}
