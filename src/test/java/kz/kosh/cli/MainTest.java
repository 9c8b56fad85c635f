package kz.kosh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes and effects of the command line (Main.execute, which does not call System.exit). */
class MainTest {
    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();
    private final ByteArrayOutputStream out = io.out;
    private final ByteArrayOutputStream err = io.err;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void validateAcceptsTheBaseline() {
        assertEquals(0, Main.execute("validate", "scenarios/baseline.yaml"), err());
        assertTrue(out().contains("valid"), out());
    }

    @Test
    void validateAcceptsEveryShippedScenario() throws IOException {
        List<String> args;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            args = s.map(Path::toString).filter(p -> p.endsWith(".yaml")).sorted().collect(Collectors.toList());
        }
        args.add(0, "validate");
        assertEquals(0, Main.execute(args.toArray(String[]::new)), err());
    }

    @Test
    void validateRejectsMalformedYaml() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nrun: [startYear: 2015\n  endYear: {\n");
        assertEquals(2, Main.execute("validate", bad.toString()));
        assertTrue(err().contains("bad.yaml"), err());
    }

    @Test
    void validateRejectsInvalidValuesAndReportsEachProblem() throws IOException {
        Path bad = TestRuns.writeVariant(tmp, "invalid", TestRuns.BASELINE,
                "run: {scale: 5}\npopulation: {femaleShare: 2}\nnoSuchField: 1\n");
        assertEquals(2, Main.execute("validate", bad.toString()));
        String e = err();
        assertTrue(e.contains("run.scale"), e);
        assertTrue(e.contains("population.femaleShare"), e);
        assertTrue(e.contains("noSuchField"), e);
    }

    @Test
    void validateFailsWhenOneOfSeveralFilesIsBad() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "- just\n- a list\n");
        assertEquals(2, Main.execute("validate", "scenarios/baseline.yaml", bad.toString()));
        assertTrue(out().contains("baseline.yaml"), out());
    }

    @Test
    void validateRejectsAMissingFile() {
        assertEquals(2, Main.execute("validate", tmp.resolve("missing.yaml").toString()));
    }

    @Test
    void describePrintsTheResolvedScenario() {
        assertEquals(0, Main.execute("describe", "scenarios/baseline.yaml"), err());
        String yaml = out();
        assertTrue(yaml.contains("name: \"baseline\"") || yaml.contains("name: baseline"), yaml);
        // defaults are filled in
        assertTrue(yaml.contains("maxDecisionAgeYears"), yaml);
        assertTrue(yaml.contains("KZ-61"), yaml);
    }

    @Test
    void describeOfAnInvalidFileFails() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "run: {startYear: x}\n");
        assertEquals(2, Main.execute("describe", bad.toString()));
    }

    @Test
    void runRefusesSeedZero() throws IOException {
        Path dir = tmp.resolve("x");
        int code = Main.execute("run", "scenarios/baseline.yaml", "--scale", "0.01", "--out", dir.toString(),
                "--seed", "0");
        assertNotEquals(0, code);
        assertTrue(err().contains("seed"), err());
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), entries(tmp), "nothing is written");
    }

    @Test
    void runRefusesScalesOutsideZeroToOne() throws IOException {
        for (String scale : List.of("0", "-0.5", "1.5", "NaN")) {
            Path dir = tmp.resolve("x");
            assertNotEquals(0, Main.execute("run", "scenarios/baseline.yaml", "--scale", scale, "--out", dir.toString()),
                    "scale " + scale);
            assertFalse(Files.exists(dir), "scale " + scale);
        }
        assertEquals(List.of(), entries(tmp));
    }

    @Test
    void runOfAnInvalidScenarioExitsWith2() {
        assertEquals(2, Main.execute("run", tmp.resolve("missing.yaml").toString(), "--out", tmp.resolve("x").toString()));
    }

    @Test
    void runIntoAnExistingDirectoryWithoutOverwriteExitsWith3() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("x"));
        assertEquals(3, Main.execute("run", "scenarios/baseline.yaml", "--scale", "0.01", "--out", dir.toString()));
        assertTrue(err().contains("--overwrite"), err());
        assertEquals(List.of(), entries(dir));
        assertEquals(List.of("x"), entries(tmp));
    }

    @Test
    void runWritesOutputsWithTheRequestedSeedAndScale() throws IOException {
        Path scenario = TestRuns.writeVariant(tmp, "cli-short", TestRuns.BASELINE, TestRuns.run(2015, 2017, 3));
        Path dir = tmp.resolve("out").resolve("x");
        int code = Main.execute("run", scenario.toString(), "--scale", "0.01", "--seed", "9", "--threads", "1",
                "--out", dir.toString());
        assertEquals(0, code, err());
        assertEquals(List.of("flows.csv", "indicators.csv", "manifest.json", "places.csv", "stocks.csv"), entries(dir));
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(9, m.get("seed").asLong());
        assertEquals(0.01, m.get("scale").asDouble());
        assertEquals(9, m.get("resolvedScenario").get("run").get("seed").asLong());
        assertEquals("cli-short", m.get("scenario").asText());
        assertFalse(out().isBlank(), "a summary is printed");
        // the same run again is refused, and accepted with --overwrite
        assertEquals(3, Main.execute("run", scenario.toString(), "--scale", "0.01", "--seed", "9", "--out", dir.toString()));
        assertEquals(0, Main.execute("run", scenario.toString(), "--scale", "0.01", "--seed", "9", "--threads", "2",
                "--out", dir.toString(), "--overwrite"), err());
        assertEquals(List.of("x"), entries(dir.getParent()));
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertNotEquals(0, Main.execute("frobnicate"));
        assertNotEquals(0, Main.execute("run", "scenarios/baseline.yaml", "--no-such-option"));
        assertNotEquals(0, Main.execute("validate"));
    }

    @Test
    void versionAndHelpSucceed() {
        assertEquals(0, Main.execute("--version"));
        assertTrue(out().contains("kosh"), out());
        assertEquals(0, Main.execute("--help"));
    }
}
