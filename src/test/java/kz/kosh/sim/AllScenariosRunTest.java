package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scenario shipped in scenarios/ loads and runs (briefly, at a small scale). */
class AllScenariosRunTest {
    @TempDir
    Path tmp;

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertFalse(files.isEmpty(), "no scenarios found");
            assertTrue(files.contains(Path.of("scenarios/baseline.yaml")), files.toString());
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void loadsAndRuns(Path file) throws IOException {
        ScenarioLoader.Loaded full = ScenarioLoader.load(file);
        String name = full.scenario().name();
        assertFalse(name.isBlank());
        // the scenario as shipped, its run shortened to three recorded years; a scenario with timed
        // changes is run across its last change (a scenario's own change comes after the baseline's history)
        List<kz.kosh.scenario.Scenario.TimedChange> timeline = full.scenario().timeline();
        int start = timeline.isEmpty() ? full.scenario().run().startYear()
                : timeline.get(timeline.size() - 1).fromYear() - 1;
        Path shortFile = TestRuns.writeVariant(tmp, "short-" + name, file, TestRuns.run(start, start + 2, 3));
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(shortFile).withRun(3, 0.01);
        assertEquals(full.scenario().timeline().size(), loaded.scenario().timeline().size());
        HeadlessRun.Result r = HeadlessRun.run(loaded, tmp.resolve("out-" + name), false, 1);
        List<String> flows = Files.readAllLines(r.directory().resolve("flows.csv"));
        assertTrue(flows.size() > 1, "flows.csv of " + file + " has no rows");
        assertEquals(List.of(start, start + 1, start + 2), List.copyOf(r.national().keySet()));
        assertTrue(r.agentsAlive() > 0);
        assertEquals(r.entrants(), r.agentsAlive() + r.agedOut());
    }
}
