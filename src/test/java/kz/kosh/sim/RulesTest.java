package kz.kosh.sim;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Exact values of the per-agent bonus factors that Rules derives from the parameters. */
class RulesTest {
    @TempDir
    Path dir;

    private Rules rules(String body) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, body);
        Scenario s = ScenarioLoader.load(f).scenario();
        return new Rules(new World(s), s);
    }

    @Test
    void homeBonusHalvesEveryHalfLifeAbroad() throws IOException {
        Rules r = rules("decision: {homeRegionBonus: 2.0, homeTieHalfLifeYearsAbroad: 10, stayBonus: 2.5}\n");
        // β_home·2^(−y/τ): 2.0 at 0 years, 1.0 at 10, 0.5 at 20, 2·2^(−0.5) at 5
        assertEquals(Math.exp(2.0), r.homeAfterYearsAbroad[0].factor(), 1e-12);
        assertEquals(Math.exp(1.0), r.homeAfterYearsAbroad[10].factor(), 1e-12);
        assertEquals(Math.exp(0.5), r.homeAfterYearsAbroad[20].factor(), 1e-12);
        assertEquals(Math.exp(2.0 * Math.pow(2, -0.5)), r.homeAfterYearsAbroad[5].factor(), 1e-12);
        // the end of the study visa takes the settled inertia off the place of study
        assertEquals(Math.exp(-2.5), r.studyVisaEnds.factor(), 1e-12);
    }
}
