package kz.kosh.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading experiment files: the shipped examples, sweep designs and one-pass validation. */
class ExperimentSpecTest {
    @TempDir
    Path tmp;

    private static String baseline() {
        return ExperimentTests.BASELINE.toString();
    }

    private Path write(String name, String yaml) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    private static List<String> names(ExperimentSpec s) {
        return s.scenarios().stream().map(ExperimentSpec.Entry::name).toList();
    }

    private static String problems(ScenarioException e) {
        return String.join("\n", e.problems());
    }

    private static void assertProblem(ScenarioException e, String... fragments) {
        for (String p : e.problems()) {
            boolean all = true;
            for (String f : fragments) {
                all &= p.contains(f);
            }
            if (all) {
                return;
            }
        }
        throw new AssertionError("no problem mentions " + List.of(fragments) + " in:\n" + problems(e));
    }

    @Test
    void bolashakObligationExample() {
        ExperimentSpec s = ExperimentSpec.load(Path.of("experiments/bolashak-obligation.yaml"));
        assertEquals("bolashak-obligation", s.name());
        assertEquals(List.of("baseline", "no-bolashak-obligation", "bolashak-doubled"), names(s));
        assertEquals(0, s.referenceIndex());
        assertEquals(20, s.replications());
        assertEquals(1, s.baseSeed());
        assertEquals(0.1, s.scale(), 0);
        assertNull(s.startYear());
        assertNull(s.endYear());
        assertNull(s.spinUpYears());
        assertEquals(ExperimentTests.BASELINE, s.scenarios().get(0).file(), "relative to the experiment file");
        assertEquals(ExperimentTests.NO_OBLIGATION, s.scenarios().get(1).file());
        for (ExperimentSpec.Entry e : s.scenarios()) {
            assertNull(e.overlay());
        }
        assertEquals(1, s.seed(0));
        assertEquals(20, s.seed(19));
    }

    @Test
    void loadAppliesTheExperimentsScaleAndYears() {
        ExperimentSpec s = new ExperimentSpec("x", List.of(ExperimentTests.entry("b", ExperimentTests.BASELINE)),
                0, 2, 7, 0.02, 2016, 2018, 3);
        var l = s.load(s.scenarios().get(0));
        assertEquals("b", l.scenario().name());
        assertEquals(0.02, l.scenario().run().scale(), 0);
        assertEquals(2016, l.scenario().run().startYear());
        assertEquals(2018, l.scenario().run().endYear());
        assertEquals(3, l.tree().at("/run/spinUpYears").asInt());
        assertEquals(7, s.seed(0));
    }

    @Test
    void followThroughSweepIsATwoByTwoGridAroundTheReference() {
        ExperimentSpec s = ExperimentSpec.load(Path.of("experiments/follow-through-sweep.yaml"));
        assertEquals("follow-through-sweep", s.name());
        assertEquals(List.of("baseline", "baseline@p1", "baseline@p2", "baseline@p3", "baseline@p4"), names(s));
        assertEquals(0, s.referenceIndex());
        assertEquals(5, s.replications());
        assertEquals(0.05, s.scale(), 0);
        assertNull(s.scenarios().get(0).overlay());
        double[][] expected = {{0.3, -0.5}, {0.3, 0.5}, {0.7, -0.5}, {0.7, 0.5}};
        Set<String> seen = new TreeSet<>();
        for (int k = 0; k < 4; k++) {
            ExperimentSpec.Entry e = s.scenarios().get(k + 1);
            assertEquals(ExperimentTests.BASELINE, e.file());
            ObjectNode o = e.overlay();
            assertEquals(expected[k][0], o.at("/decision/followThroughAbroad").asDouble(), 0, e.name());
            assertEquals(expected[k][1], o.at("/decision/considerationConstant").asDouble(), 0, e.name());
            var tree = s.load(e).tree();
            assertEquals(expected[k][0], tree.at("/decision/followThroughAbroad").asDouble(), 0, "resolved " + e.name());
            assertEquals(expected[k][1], tree.at("/decision/considerationConstant").asDouble(), 0, "resolved " + e.name());
            assertEquals(e.name(), tree.get("name").asText());
            seen.add(o.toString());
        }
        assertEquals(4, seen.size(), "four distinct design points");
    }

    private Path lhs(long seed) throws IOException {
        return write("lhs-" + seed + ".yaml", """
                name: lhs
                scenarios: ['%s']
                replications: 2
                baseSeed: 1
                scale: 0.01
                sweep:
                  design: latin-hypercube
                  points: 6
                  seed: %d
                  parameters:
                    - {path: policy.bolashak.awardsPerYear, min: 260, max: 1040}
                    - {path: decision.followThroughAbroad, min: 0.2, max: 0.8}
                """.formatted(baseline(), seed));
    }

    private static List<Double> values(ExperimentSpec s, String pointer) {
        List<Double> out = new ArrayList<>();
        for (ExperimentSpec.Entry e : s.scenarios().subList(1, s.scenarios().size())) {
            out.add(e.overlay().at(pointer).asDouble());
        }
        return out;
    }

    private static void assertOnePerStratum(List<Double> xs, double lo, double hi) {
        int n = xs.size();
        boolean[] hit = new boolean[n];
        for (double x : xs) {
            assertTrue(x >= lo && x <= hi, x + " outside [" + lo + ", " + hi + "]");
            int k = Math.min(n - 1, (int) Math.floor((x - lo) / (hi - lo) * n));
            assertTrue(!hit[k], "stratum " + k + " used twice: " + xs);
            hit[k] = true;
        }
    }

    @Test
    void latinHypercubeHasOnePointPerStratumOfEachParameter() throws IOException {
        ExperimentSpec s = ExperimentSpec.load(lhs(3));
        assertEquals(List.of("baseline", "baseline@p1", "baseline@p2", "baseline@p3", "baseline@p4", "baseline@p5",
                "baseline@p6"), names(s));
        List<Double> awards = values(s, "/policy/bolashak/awardsPerYear");
        List<Double> follow = values(s, "/decision/followThroughAbroad");
        assertOnePerStratum(awards, 260, 1040);
        assertOnePerStratum(follow, 0.2, 0.8);
        // the same points as the design function itself
        List<double[]> points = Designs.latinHypercube(List.of(new double[]{260, 1040}, new double[]{0.2, 0.8}), 6, 3);
        for (int k = 0; k < 6; k++) {
            assertEquals(points.get(k)[0], awards.get(k), 0);
            assertEquals(points.get(k)[1], follow.get(k), 0);
        }
        for (ExperimentSpec.Entry e : s.scenarios().subList(1, 7)) {
            assertEquals(e.overlay().at("/decision/followThroughAbroad").asDouble(),
                    s.load(e).tree().at("/decision/followThroughAbroad").asDouble(), 0);
        }
    }

    @Test
    void latinHypercubeIsDeterministicForASeed() throws IOException {
        ExperimentSpec a = ExperimentSpec.load(lhs(3));
        ExperimentSpec b = ExperimentSpec.load(lhs(3));
        ExperimentSpec c = ExperimentSpec.load(lhs(4));
        assertEquals(values(a, "/decision/followThroughAbroad"), values(b, "/decision/followThroughAbroad"));
        assertNotEquals(values(a, "/decision/followThroughAbroad"), values(c, "/decision/followThroughAbroad"));
    }

    @Test
    void latinHypercubeStrataHoldForManyPointsAndParameters() {
        List<double[]> ranges = List.of(new double[]{0, 1}, new double[]{-5, 5}, new double[]{100, 200});
        List<double[]> pts = Designs.latinHypercube(ranges, 50, 99);
        assertEquals(50, pts.size());
        for (int i = 0; i < ranges.size(); i++) {
            List<Double> col = new ArrayList<>();
            for (double[] p : pts) {
                col.add(p[i]);
            }
            assertOnePerStratum(col, ranges.get(i)[0], ranges.get(i)[1]);
        }
    }

    @Test
    void malformedExperimentReportsEveryProblemInOnePass() throws IOException {
        Path f = write("broken.yaml", """
                name: broken
                scenarios:
                  - '%s'
                  - missing-scenario.yaml
                reference: nope
                replications: 0
                baseSeed: 1
                scale: 0.01
                colour: red
                sweep:
                  design: grid
                  parameters:
                    - {path: decision.nope, values: [1, 2]}
                """.formatted(baseline()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        String all = problems(e);
        for (String p : e.problems()) {
            assertTrue(p.contains(f.toString()), "every problem names the experiment file: " + p);
        }
        assertProblem(e, "colour", "unknown field");
        assertProblem(e, "replications", "out of range");
        assertProblem(e, "reference", "nope");
        assertProblem(e, "scenarios[1]", "missing-scenario.yaml", "not found");
        // an unknown path is named once, at the path, not once per design point (issue 19)
        assertProblem(e, "sweep.parameters[0].path", "decision.nope", "not a number of the reference scenario");
        assertTrue(e.problems().size() >= 5, all);
    }

    @Test
    void unknownDesignIsReportedWithOtherProblems() throws IOException {
        Path f = write("spiral.yaml", """
                scenarios: ['%s']
                replications: 3
                baseSeed: 1
                scale: 5
                sweep:
                  design: spiral
                  parameters:
                    - {path: decision.followThroughAbroad, min: 0.2, max: 0.8}
                """.formatted(baseline()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        assertProblem(e, f.toString(), "sweep.design", "spiral", "grid, latin-hypercube");
        assertProblem(e, f.toString(), "scale", "out of range");
    }

    @Test
    void gridWithoutValuesAndLatinHypercubeWithoutPointsAreReported() throws IOException {
        Path grid = write("grid.yaml", """
                scenarios: ['%s']
                replications: 3
                baseSeed: 1
                scale: 0.01
                sweep:
                  design: grid
                  parameters:
                    - {path: decision.followThroughAbroad}
                """.formatted(baseline()));
        assertProblem(assertThrows(ScenarioException.class, () -> ExperimentSpec.load(grid)), "values");
        Path lhs = write("lhs.yaml", """
                scenarios: ['%s']
                replications: 3
                baseSeed: 1
                scale: 0.01
                sweep:
                  design: latin-hypercube
                  seed: 1
                  parameters:
                    - {path: decision.followThroughAbroad, min: 0.2, max: 0.8}
                """.formatted(baseline()));
        assertProblem(assertThrows(ScenarioException.class, () -> ExperimentSpec.load(lhs)), "points", "missing");
    }

    @Test
    void designPointOutOfTheParametersRangeIsReported() throws IOException {
        Path f = write("range.yaml", """
                scenarios: ['%s']
                replications: 3
                baseSeed: 1
                scale: 0.01
                sweep:
                  design: grid
                  parameters:
                    - {path: decision.followThroughAbroad, values: [0.5, 7]}
                """.formatted(baseline()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        // the level beyond the parameter's definition is named once, before any design point is built
        assertProblem(e, "values[1]", "outside the bounds of decision.followThroughAbroad", "allowed [0, 1]");
        assertEquals(1, e.problems().size(), problems(e));
    }

    @Test
    void missingRequiredFieldsAreReported() throws IOException {
        Path f = write("empty.yaml", "name: empty\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        assertProblem(e, "scenarios");
        assertProblem(e, "replications", "missing");
        assertProblem(e, "baseSeed", "missing");
        assertProblem(e, "scale", "missing");
    }

    @Test
    void experimentNameDefaultsToTheFileName() throws IOException {
        Path f = write("my-study.yaml", """
                scenarios: ['%s']
                replications: 1
                baseSeed: 1
                scale: 0.01
                """.formatted(baseline()));
        assertEquals("my-study", ExperimentSpec.load(f).name());
    }

    @Test
    void referenceSelectsTheScenario() throws IOException {
        Path f = write("ref.yaml", """
                scenarios: ['%s', '%s']
                reference: no-bolashak-obligation
                replications: 1
                baseSeed: 1
                scale: 0.01
                """.formatted(baseline(), ExperimentTests.NO_OBLIGATION));
        assertEquals(1, ExperimentSpec.load(f).referenceIndex());
    }

    @Test
    void compareNamesScenariosByTheirFilesAndRefusesDuplicates() {
        ExperimentSpec s = ExperimentSpec.compare("c", List.of(ExperimentTests.BASELINE, ExperimentTests.NO_OBLIGATION),
                3, 5, 0.02);
        assertEquals(List.of("baseline", "no-bolashak-obligation"), names(s));
        assertEquals(0, s.referenceIndex());
        assertEquals(5, s.seed(0));
        assertTrue(s.describe().contains("2 scenarios x 3 replications"), s.describe());
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ExperimentSpec.compare("c", List.of(ExperimentTests.BASELINE, ExperimentTests.BASELINE), 3, 1, 0.02));
        assertProblem(e, "two scenarios are named 'baseline'");
    }

    @Test
    void duplicateScenarioNamesAreReportedWithTheOtherProblems() throws IOException {
        Path f = write("dup.yaml", """
                scenarios: ['%s', '%s']
                replications: 0
                baseSeed: 1
                scale: 0.01
                """.formatted(baseline(), baseline()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        assertProblem(e, "two scenarios are named 'baseline'");
        assertProblem(e, "replications", "out of range");
    }

    @Test
    void nonNumericGridValuesAreReported() throws IOException {
        Path f = write("words.yaml", """
                scenarios: ['%s']
                replications: 1
                baseSeed: 1
                scale: 0.01
                sweep:
                  design: grid
                  parameters:
                    - {path: decision.followThroughAbroad, values: [0.3, high]}
                """.formatted(baseline()));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ExperimentSpec.load(f));
        assertProblem(e, "values", "high");
    }

    /** compare's default folder is one per set of scenarios: a second comparison against the baseline gets its own. */
    @Test
    void defaultCompareNameIsOnePerSetOfScenarios() {
        assertEquals("compare-baseline-vs-bolashak-doubled", ExperimentSpec.defaultCompareName(List.of("baseline", "bolashak-doubled")));
        String three = ExperimentSpec.defaultCompareName(List.of("baseline", "no-bolashak-obligation", "russia-restricted-2025"));
        // SHA-256 of "baseline\nno-bolashak-obligation\nrussia-restricted-2025" starts 97008f9d (python3 hashlib)
        assertEquals("compare-baseline-vs-no-bolashak-obligation-and-1-more-97008f9d", three);
        assertNotEquals(three, ExperimentSpec.defaultCompareName(List.of("baseline", "no-bolashak-obligation", "bolashak-doubled")));
    }
}
