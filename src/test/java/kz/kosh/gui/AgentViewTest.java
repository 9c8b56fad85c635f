package kz.kosh.gui;

import kz.kosh.population.Population;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sim.util.SimpleProperties;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless tests of the agent view and the sampling of agents. */
class AgentViewTest {
    static SmallRun run;

    @BeforeAll
    static void small() {
        run = SmallRun.run();
    }

    @Test
    void valuesMatchThePopulation() {
        Population pop = run.sim.population();
        World w = run.sim.world();
        assertTrue(pop.size() > 100, "agents " + pop.size());
        int[] idx = {0, 1, pop.size() / 3, pop.size() / 2, pop.size() - 1};
        boolean sawGraduate = false;
        for (int i : idx) {
            AgentView a = new AgentView(pop, w, i, 2016);
            assertEquals(i, a.getIndex());
            assertEquals(pop.age(i), a.getAge());
            assertEquals(pop.has(i, Population.FEMALE) ? "female" : "male", a.getSex());
            assertEquals(w.name(pop.home(i)), a.getHomeRegion());
            assertEquals(w.name(pop.parents(i)), a.getParentsRegion());
            assertEquals(w.name(pop.location(i)), a.getLocation());
            assertEquals(pop.has(i, Population.STUDENT), a.isStudent());
            assertEquals(pop.has(i, Population.STUDENT) ? "student" : "graduate", a.getStatus());
            assertEquals(Population.DEGREE_NAMES[pop.degree(i)], a.getDegree());
            assertEquals(w.name(pop.degreePlace(i)), a.getDegreePlace());
            assertEquals(Population.FUNDING_NAMES[pop.funding(i)], a.getFunding());
            assertEquals(pop.obligationPct(i), a.getObligationLeftPct());
            assertEquals(pop.yearsAbroad(i), a.getYearsAbroad());
            assertEquals(pop.partner(i) == Population.NONE ? "none" : w.name(pop.partner(i)), a.getPartnerLocation());
            assertEquals(pop.humanCapital(i), a.getHumanCapital(), 0.0);
            assertEquals(pop.has(i, Population.BELOW_QUALIFICATION), a.isBelowQualification());
            assertEquals(AgentView.COLUMNS.length, a.row().length);
            sawGraduate |= !a.isStudent();
        }
        assertTrue(sawGraduate, "the oldest agents are graduates");
        assertThrows(IndexOutOfBoundsException.class, () -> new AgentView(pop, w, pop.size(), 2016));
    }

    @Test
    void masonSeesTheGetters() {
        AgentView a = AgentView.of(run.sim, 0, 2016);
        assertEquals(2016, a.getYear());
        SimpleProperties p = new SimpleProperties(a);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int k = 0; k < p.numProperties(); k++) {
            names.add(p.getName(k));
            assertTrue(p.isReadWrite(k) == false, "read-only: " + p.getName(k));
        }
        for (String n : List.of("Age", "Sex", "HomeRegion", "ParentsRegion", "Location", "Status", "Degree", "DegreePlace",
                "Funding", "ObligationLeftPct", "YearsAbroad", "PartnerLocation", "HumanCapital", "BelowQualification")) {
            assertTrue(names.contains(n), n + " in " + names);
        }
    }

    @Test
    void samplingIsAFixedStrideAndChangesNothing() {
        assertArrayEquals(new int[]{5, 15, 25, 35, 45, 55, 65, 75, 85, 95}, AgentView.sampleIndices(100, 10));
        assertArrayEquals(new int[]{0, 1, 2}, AgentView.sampleIndices(3, 20));
        assertEquals(0, AgentView.sampleIndices(0, 20).length);
        Population pop = run.sim.population();
        int size = pop.size();
        List<AgentView> a = AgentView.sample(run.sim, 20, 2016);
        List<AgentView> b = AgentView.sample(run.sim, 20, 2016);
        assertEquals(20, a.size());
        assertEquals(size, pop.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).row(), b.get(k).row());
            int i = a.get(k).getIndex();
            assertTrue(i >= 0 && i < size);
            assertTrue(k == 0 || i > a.get(k - 1).getIndex());
        }
    }
}
