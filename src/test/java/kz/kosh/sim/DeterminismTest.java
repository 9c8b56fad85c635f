package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A run depends on the scenario and seed only: the same seed gives byte-identical outputs with
 * one or two worker threads and on repetition; another seed gives other outputs. The scale is
 * large enough for several {@link BlockRunner} blocks, so that threads really split the work.
 */
class DeterminismTest {
    private static final String[] OUTPUTS = {"flows.csv", "stocks.csv", "indicators.csv"};

    @TempDir
    static Path tmp;
    static ScenarioLoader.Loaded scenario;
    static HeadlessRun.Result oneThread;
    static HeadlessRun.Result twoThreads;

    @BeforeAll
    static void runOnceWithOneAndOnceWithTwoThreads() {
        scenario = TestRuns.variant(tmp, "determinism", TestRuns.run(2015, 2017, 8), 20240917L, 0.05);
        oneThread = HeadlessRun.run(scenario, tmp.resolve("t1"), false, 1);
        twoThreads = HeadlessRun.run(scenario, tmp.resolve("t2a"), false, 2);
    }

    private static void assertSameBytes(Path a, Path b) throws IOException {
        for (String f : OUTPUTS) {
            long at = Files.mismatch(a.resolve(f), b.resolve(f));
            if (at != -1) {
                fail(f + " of " + a.getFileName() + " and " + b.getFileName() + " differ from byte " + at);
            }
        }
    }

    @Test
    void populationSpansSeveralBlocks() {
        assertTrue(oneThread.agentsAlive() > 2L * BlockRunner.BLOCK,
                "population " + oneThread.agentsAlive() + " should exceed two blocks of " + BlockRunner.BLOCK);
    }

    @Test
    void oneAndTwoThreadsGiveIdenticalOutputs() throws IOException {
        assertSameBytes(oneThread.directory(), twoThreads.directory());
        assertEquals(oneThread.agentsAlive(), twoThreads.agentsAlive());
        assertEquals(oneThread.entrants(), twoThreads.entrants());
        assertEquals(oneThread.agedOut(), twoThreads.agedOut());
        assertEquals(oneThread.decisions(), twoThreads.decisions());
        assertEquals(oneThread.national(), twoThreads.national());
        assertEquals(oneThread.byPlace(), twoThreads.byPlace());
    }

    @Test
    void twoThreadsTwiceGiveIdenticalOutputs() throws IOException {
        HeadlessRun.Result again = HeadlessRun.run(scenario, tmp.resolve("t2b"), false, 2);
        assertSameBytes(twoThreads.directory(), again.directory());
        assertEquals(twoThreads.national(), again.national());
    }

    @Test
    void anotherSeedGivesOtherFlows() throws IOException {
        ScenarioLoader.Loaded other = scenario.withRun(scenario.scenario().run().seed() + 1, 0.05);
        HeadlessRun.Result r = HeadlessRun.run(other, tmp.resolve("seed2"), false, 2);
        assertFalse(Files.mismatch(oneThread.directory().resolve("flows.csv"), r.directory().resolve("flows.csv")) == -1,
                "a different seed should give different flows");
        // the header and the set of recorded years are the same
        assertEquals(Files.readAllLines(oneThread.directory().resolve("flows.csv")).get(0),
                Files.readAllLines(r.directory().resolve("flows.csv")).get(0));
        assertEquals(oneThread.national().keySet(), r.national().keySet());
    }
}
