package kz.kosh.cli;

import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference model of `kosh bench --reference` makes one decision per graduate and year. */
class ReferenceBenchTest {
    @Test
    void oneDecisionPerGraduateAndYear() {
        var s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        ReferenceBench.Model m = new ReferenceBench.Model(s, 1000);
        m.start();
        for (int y = 0; y < 3; y++) {
            m.schedule.step(m);
        }
        m.finish();
        assertEquals(3000, m.decisions);
        assertTrue(ReferenceBench.decisionsPerSecond(s, 2000, 2) > 0);
    }
}
