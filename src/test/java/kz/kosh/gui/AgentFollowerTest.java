package kz.kosh.gui;

import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following one agent through the years although agent indices shift as cohorts age out. */
class AgentFollowerTest {
    @Test
    void followedAgentsKeepTheirIdentityOrLeaveWhenAgedOut() throws Exception {
        Path dir = Files.createTempDirectory("kosh-follow");
        Path f = dir.resolve("follow.yaml");
        Files.writeString(f, "extends: " + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\n"
                + "run:\n  startYear: 2015\n  endYear: 2024\n  spinUpYears: 22\n  scale: 0.01\n");
        KoshSim sim = new KoshSim(ScenarioLoader.load(f).scenario(), 2);
        AgentFollower young = new AgentFollower();
        AgentFollower old = new AgentFollower();
        int[] shifted = new int[1];
        sim.addObserver((k, year, c, st, prev) -> {
            if (year == 2015) {
                List<AgentView> s = AgentView.sample(k, KoshWithUI.SAMPLE_SIZE, year);
                int[] idx = s.stream().mapToInt(AgentView::getIndex).toArray();
                int[] next = AgentFollower.nextIndices(k, idx);
                assertEquals(AgentFollower.nextIndex(k, idx[10]), next[10]);
                young.follow(s.get(s.size() - 1), next[s.size() - 1]);
                old.follow(s.get(0), next[0]);
            } else {
                young.observe(k, year);
                old.observe(k, year);
                List<AgentView> life = young.life();
                AgentView a = life.get(life.size() - 1);
                if (life.size() > 1 && a.getIndex() != life.get(life.size() - 2).getIndex()) {
                    shifted[0]++;
                }
            }
        });
        Files.deleteIfExists(f);
        Files.deleteIfExists(dir);
        sim.runToEnd();
        List<AgentView> life = young.life();
        assertTrue(young.active(), young.state());
        assertEquals(10, life.size());
        for (int i = 1; i < life.size(); i++) {
            assertEquals(2015 + i, life.get(i).getYear());
            assertTrue(AgentFollower.sameAgent(life.get(i - 1), life.get(i)), life.get(i - 1) + " then " + life.get(i));
        }
        assertTrue(shifted[0] > 0, "the index never shifted: the test does not test tracking");
        // the oldest sampled agent ages out: its history ends, with the reason
        assertFalse(old.active());
        assertTrue(old.state().startsWith("left the model after"), old.state());
        assertTrue(old.life().size() < 10);
    }
}
