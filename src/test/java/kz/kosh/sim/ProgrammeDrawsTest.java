package kz.kosh.sim;

import kz.kosh.policy.AcademicMobility;
import kz.kosh.policy.Bolashak;
import kz.kosh.policy.RuralIncentive;
import kz.kosh.policy.StateGrant;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The simulation finds the modules that draw for agents without naming them: on the baseline, the
 * state grant funds domestic entrants, the village programme sets the eligible share, academic
 * mobility runs the exchanges and Bolashak the scholarships, each on its funding route's code.
 */
class ProgrammeDrawsTest {
    @Test
    void theBaselinesDrawingModulesAreFoundByWhatTheyDeclare() {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        World w = new World(s, 2025);
        ProgrammeDraws d = new ProgrammeDraws(w, s);
        var p = s.policy();
        assertEquals(p.get(RuralIncentive.class).eligibleShare(), d.eligibleShareOfEntrants);
        assertEquals(1, d.domesticFunders.length);
        assertSame(p.get(StateGrant.class), d.domesticFunders[0]);
        assertArrayEquals(new int[] {Population.STATE_GRANT}, d.domesticFunding);
        assertSame(p.get(AcademicMobility.class), d.exchange);
        assertEquals(Population.ACADEMIC_MOBILITY, d.exchangeFunding);
        assertEquals(p.get(AcademicMobility.class).considerationBoost(), d.considerationBoostAfterExchange);
        assertSame(p.get(Bolashak.class), d.scholarship);
        assertEquals(Population.BOLASHAK, d.scholarshipFunding);
        // the tabulated destinations end at 1 on the last open place
        assertEquals(1.0, d.scholarshipCumulative[d.scholarshipCumulative.length - 1], 1e-12);
        assertEquals(1.0, d.exchangeCumulative[d.exchangeCumulative.length - 1], 1e-12);
        assertEquals(Population.BOLASHAK, ProgrammeDraws.fundingOf(p.get(Bolashak.class)));
    }
}
