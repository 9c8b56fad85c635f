package kz.kosh.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a headless run writes, its manifest, and how it treats existing and failed output directories. */
class HeadlessRunTest {
    private static final long SEED = 77;
    private static final double SCALE = 0.01;

    @TempDir
    static Path shared;
    static ScenarioLoader.Loaded scenario;
    static HeadlessRun.Result result;

    @TempDir
    Path tmp;

    @BeforeAll
    static void runOnce() {
        scenario = TestRuns.variant(shared, "headless", TestRuns.SHORT_RUN, SEED, SCALE);
        result = HeadlessRun.run(scenario, shared.resolve("runs").resolve("r1"), false, 1);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static void assertNoIncompleteDirs(Path dir) throws IOException {
        for (String e : entries(dir)) {
            assertFalse(e.contains(".incomplete-"), "left behind: " + dir.resolve(e));
        }
    }

    @Test
    void writesTheFourOutputsIntoTheTargetDirectoryOnly() throws IOException {
        Path dir = result.directory();
        assertEquals(shared.resolve("runs").resolve("r1").toAbsolutePath().normalize(), dir);
        assertEquals(List.of("flows.csv", "indicators.csv", "manifest.json", "places.csv", "stocks.csv"), entries(dir));
        assertEquals(List.of("r1"), entries(dir.getParent()), "no temporary sibling is left behind");
    }

    @Test
    void csvFilesHaveTheDocumentedHeadersAndRows() throws IOException {
        Path dir = result.directory();
        Map<String, String> headers = Map.of(
                "flows.csv", "year,origin,destination,kind,funding,home_region,count",
                "stocks.csv", "year,home_region,location,status,count",
                "indicators.csv", "year,indicator,place,value,unit");
        for (var e : headers.entrySet()) {
            List<String> lines = Files.readAllLines(dir.resolve(e.getKey()));
            assertEquals(e.getValue(), lines.get(0), e.getKey() + " header");
            assertTrue(lines.size() > 1, e.getKey() + " has rows");
            int columns = e.getValue().split(",").length;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                assertEquals(columns, f.length, e.getKey() + ": " + line);
                int year = Integer.parseInt(f[0]);
                assertTrue(year >= 2015 && year <= 2020, e.getKey() + ": year outside the recorded years: " + line);
            }
        }
        // counts are persons: multiples of 1/scale
        for (TestRuns.Flow f : TestRuns.flows(dir)) {
            assertTrue(f.count() > 0 && Math.abs(f.count() * SCALE - Math.rint(f.count() * SCALE)) < 1e-6, f.toString());
        }
    }

    @Test
    void indicatorsFileMatchesTheResult() throws IOException {
        List<String> lines = Files.readAllLines(result.directory().resolve("indicators.csv"));
        long national = lines.stream().filter(l -> l.split(",")[2].equals(Indicators.NATIONAL)).count();
        long expected = result.national().values().stream().mapToLong(Map::size).sum();
        assertEquals(expected, national);
        assertEquals(List.of(2015, 2016, 2017, 2018, 2019, 2020), List.copyOf(result.national().keySet()));
        assertEquals(result.agentsAlive() / SCALE, result.national().get(2020).get("agents"), 1e-6);
    }

    @Test
    void manifestDescribesTheRun() throws IOException {
        JsonNode m = new ObjectMapper().readTree(result.directory().resolve("manifest.json").toFile());
        for (String field : List.of("seed", "scale", "version", "gitCommit", "startTime", "endTime", "wallSeconds",
                "agentsAlive", "resolvedScenario")) {
            assertTrue(m.hasNonNull(field), "manifest lacks " + field + ": " + m);
        }
        assertEquals(SEED, m.get("seed").asLong());
        assertEquals(SCALE, m.get("scale").asDouble());
        assertEquals("headless", m.get("scenario").asText());
        assertEquals(1, m.get("threads").asInt());
        assertFalse(m.get("version").asText().isBlank());
        assertFalse(m.get("gitCommit").asText().isBlank());
        Instant start = Instant.parse(m.get("startTime").asText());
        Instant end = Instant.parse(m.get("endTime").asText());
        assertFalse(end.isBefore(start));
        assertTrue(m.get("wallSeconds").asDouble() >= 0);
        assertEquals(result.agentsAlive(), m.get("agentsAlive").asLong());
        assertEquals(result.entrants(), m.get("agentsEntered").asLong());
        assertEquals(result.agedOut(), m.get("agentsAgedOut").asLong());
        assertEquals(m.get("agentsEntered").asLong(), m.get("agentsAlive").asLong() + m.get("agentsAgedOut").asLong());
        JsonNode run = m.get("resolvedScenario").get("run");
        assertEquals(SEED, run.get("seed").asLong(), "the resolved scenario carries the seed used");
        assertEquals(SCALE, run.get("scale").asDouble(), "the resolved scenario carries the scale used");
        assertEquals(2015, run.get("startYear").asInt());
        assertEquals(5, run.get("spinUpYears").asInt());
        // the resolved scenario is complete: defaults are filled in
        assertEquals(40, m.get("resolvedScenario").get("population").get("maxDecisionAgeYears").asInt());
        assertTrue(m.get("resolvedScenario").get("regions").has("KZ-61"));
    }

    @Test
    void resolvedScenarioInTheManifestReproducesTheRun() throws IOException {
        // the manifest's resolved scenario, saved as YAML, is a complete scenario giving the same outputs
        JsonNode resolved = new ObjectMapper().readTree(result.directory().resolve("manifest.json").toFile())
                .get("resolvedScenario");
        Path file = tmp.resolve("resolved.yaml");
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValue(file.toFile(), resolved);
        ScenarioLoader.Loaded again = ScenarioLoader.load(file);
        assertEquals(SEED, again.scenario().run().seed());
        assertEquals(SCALE, again.scenario().run().scale());
        HeadlessRun.Result r = HeadlessRun.run(again, tmp.resolve("again"), false, 2);
        for (String f : List.of("flows.csv", "stocks.csv", "indicators.csv")) {
            assertEquals(-1, Files.mismatch(result.directory().resolve(f), r.directory().resolve(f)), f);
        }
    }

    @Test
    void existingOutputDirectoryIsRefusedWithoutOverwrite() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(target.resolve("old.txt"), "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> HeadlessRun.run(scenario, target, false, 1));
        assertInstanceOf(FileAlreadyExistsException.class, e.getCause());
        assertEquals(List.of("old.txt"), entries(target), "the existing directory is untouched");
        assertEquals("old", Files.readString(target.resolve("old.txt")));
        assertEquals(List.of("taken"), entries(tmp));
    }

    @Test
    void overwriteReplacesAnExistingOutputDirectory() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(target.resolve("manifest.json"), RunDirectoryTest.KOSH_MANIFEST);  // an earlier Kosh run
        Files.writeString(target.resolve("stocks.csv"), "old");
        HeadlessRun.Result r = HeadlessRun.run(scenario, target, true, 1);
        assertEquals(List.of("flows.csv", "indicators.csv", "manifest.json", "places.csv", "stocks.csv"), entries(r.directory()));
        assertEquals(List.of("taken"), entries(tmp));
        assertEquals(-1, Files.mismatch(result.directory().resolve("flows.csv"), target.resolve("flows.csv")));
    }

    @Test
    void seedZeroIsRefusedBeforeAnyDirectoryIsMade() {
        assertThrows(IllegalArgumentException.class, () -> scenario.withRun(0, SCALE));
        assertThrows(IllegalArgumentException.class, () -> scenario.withRun(1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> scenario.withRun(1, 1.5));
    }

    @Test
    void runFailingMidwayLeavesNoTargetAndNoTemporaryDirectory() throws IOException {
        Path target = tmp.resolve("failing");
        kz.kosh.sim.YearObserver failing = (sim, year, counters, stocks, previous) -> {
            if (year > sim.scenario().run().startYear()) {
                throw new IllegalStateException("simulated failure in year " + year);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HeadlessRun.run(scenario, target, false, 1, failing));
        assertTrue(e.getMessage().contains("simulated failure"));
        assertFalse(Files.exists(target), "a failed run leaves no target directory");
        assertNoIncompleteDirs(tmp);
        assertEquals(List.of(), entries(tmp));
    }
}
