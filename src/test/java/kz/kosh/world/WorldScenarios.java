package kz.kosh.world;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenarios of the world tests: a YAML body (over the defaults) written into a test folder and loaded. */
final class WorldScenarios {
    private WorldScenarios() {
    }

    static Scenario load(Path dir, String body) throws IOException {
        Path f = dir.resolve("s" + Math.abs(body.hashCode()) + ".yaml");
        Files.writeString(f, body);
        return ScenarioLoader.load(f).scenario();
    }
}
