package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import kz.kosh.output.HeadlessRun;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A timed closure in a run: Germany (DE) refuses work permits ({@code workAccess: 0}) from 2026
 * to 2028. The in-force world says so exactly in those years; no graduate moves to work in
 * Germany from elsewhere then (first jobs, emigration, onward moves), some do before and after;
 * the same closure without toYear gives the same outputs through 2028 and different ones after;
 * the manifest's resolved scenario reproduces the run.
 */
class ToYearSimulationTest {
    private static final long SEED = 5;
    private static final double SCALE = 0.02;
    private static final String RUN = TestRuns.run(2024, 2031, 8);
    private static final String CLOSED = "timeline:\n"
            + "  - fromYear: 2026\n"
            + "    toYear: 2028\n"
            + "    destinations: {DE: {workAccess: 0}}\n";
    private static final String CLOSED_FOR_GOOD = "timeline:\n"
            + "  - fromYear: 2026\n"
            + "    destinations: {DE: {workAccess: 0}}\n";
    /** Moves that need a work permit in the destination when it is not where the graduate is. */
    private static final Set<String> WORK_MOVES = Set.of("first-job", "emigration", "onward");

    @TempDir
    static Path shared;
    static ScenarioLoader.Loaded closed;
    static HeadlessRun.Result result;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runOnce() {
        closed = TestRuns.variant(shared, "de-closed", RUN + CLOSED, SEED, SCALE);
        result = HeadlessRun.run(closed, shared.resolve("closed"), false, 1);
    }

    /** Persons moving to work in DE from elsewhere, by year. */
    private static TreeMap<Integer, Double> workMovesToGermany(Path runDir) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int y = 2024; y <= 2031; y++) {
            out.put(y, 0.0);
        }
        for (TestRuns.Flow f : TestRuns.flows(runDir)) {
            if (f.destination().equals("DE") && !f.origin().equals("DE") && WORK_MOVES.contains(f.kind())) {
                out.merge(f.year(), f.count(), Double::sum);
            }
        }
        return out;
    }

    @Test
    void theInForceWorldClosesGermanyExactlyFrom2026To2028() {
        // the world of each year by its year (when a year is recorded, the next year's world is
        // already built: 2025 to 2032 are seen)
        TreeMap<Integer, Double> access = new TreeMap<>();
        KoshSim sim = new KoshSim(closed.scenario(), 1);
        sim.addObserver((KoshSim m, int year, kz.kosh.sim.YearCounters c, kz.kosh.sim.Stocks st, kz.kosh.sim.Stocks prev) ->
                access.put(m.world().year(), m.world().workAccess(m.world().indexOf("DE"))));
        sim.runToEnd();
        TreeMap<Integer, Double> expected = new TreeMap<>();
        double[] values = {0.6, 0.0, 0.0, 0.0, 0.6, 0.6, 0.6, 0.6};
        for (int i = 0; i < values.length; i++) {
            expected.put(2025 + i, values[i]);
        }
        assertEquals(expected, access);
        for (int y = 2022; y <= 2031; y++) { // the history's COVID years 2020-21 before
            assertEquals(y >= 2026 && y <= 2028 ? 0.0 : 0.6,
                    closed.scenario().inForce(y).destinations().get("DE").workAccess(), 0.0, "year " + y);
        }
    }

    @Test
    void noGraduateMovesToWorkInGermanyWhileItIsClosed() {
        TreeMap<Integer, Double> moves = workMovesToGermany(result.directory());
        for (int y = 2026; y <= 2028; y++) {
            assertEquals(0.0, moves.get(y), 0.0, "year " + y + ": " + moves);
        }
        // the years on either side of the closure: permits again
        assertTrue(moves.get(2025) > 0, moves.toString());
        assertTrue(moves.get(2029) > 0, moves.toString());
        assertTrue(moves.get(2024) + moves.get(2030) + moves.get(2031) > 0, moves.toString());
    }

    @Test
    void toYearChangesTheOutputsAfterItAndNothingBefore() throws IOException {
        ScenarioLoader.Loaded forGood = TestRuns.variant(tmp, "de-closed-for-good", RUN + CLOSED_FOR_GOOD, SEED, SCALE);
        HeadlessRun.Result r = HeadlessRun.run(forGood, tmp.resolve("for-good"), false, 1);
        TreeMap<Integer, Double> moves = workMovesToGermany(r.directory());
        for (int y = 2026; y <= 2031; y++) {
            assertEquals(0.0, moves.get(y), 0.0, "year " + y + ": " + moves);
        }
        List<String> a = Files.readAllLines(result.directory().resolve("flows.csv"));
        List<String> b = Files.readAllLines(r.directory().resolve("flows.csv"));
        assertEquals(a.stream().filter(l -> year(l) <= 2028).toList(), b.stream().filter(l -> year(l) <= 2028).toList(),
                "the same parameters through 2028 give the same flows");
        assertNotEquals(a.stream().filter(l -> year(l) >= 2029).toList(), b.stream().filter(l -> year(l) >= 2029).toList(),
                "toYear 2028 changes the flows from 2029 on");
    }

    private static int year(String csvLine) {
        return csvLine.startsWith("year") ? 0 : Integer.parseInt(csvLine.substring(0, 4));
    }

    @Test
    void theManifestsResolvedScenarioReproducesTheRun() throws IOException {
        JsonNode resolved = new ObjectMapper().readTree(result.directory().resolve("manifest.json").toFile())
                .get("resolvedScenario");
        Path file = tmp.resolve("resolved.yaml");
        new YAMLMapper().writeValue(file.toFile(), resolved);
        ScenarioLoader.Loaded again = ScenarioLoader.load(file);
        HeadlessRun.Result r = HeadlessRun.run(again, tmp.resolve("again"), false, 2);
        for (String f : List.of("flows.csv", "stocks.csv", "indicators.csv")) {
            assertEquals(-1, Files.mismatch(result.directory().resolve(f), r.directory().resolve(f)), f);
        }
    }
}
