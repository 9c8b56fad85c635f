package kz.kosh.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating ensemble files, the replication → set mapping and how a set is applied. */
class ParameterEnsembleTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private List<String> problems(Path f) {
        ParameterEnsemble.InvalidEnsembleException e = assertThrows(ParameterEnsemble.InvalidEnsembleException.class, () -> ParameterEnsemble.load(f, ExperimentTests.BASELINE));
        for (String p : e.problems()) {
            assertTrue(p.startsWith(f.toString() + ": "), p);
        }
        return e.problems();
    }

    @Test
    void readsAValidFileAndItsHash() throws Exception {
        Path f = file("ok.csv", "set,decision.considerationConstant,decision.followThroughAbroad\r\n1,-1.5,0.3\r\n2,1.5,0.8\r\n");
        ParameterEnsemble e = ParameterEnsemble.load(f, ExperimentTests.BASELINE);
        assertEquals(2, e.size());
        assertEquals(List.of("decision.considerationConstant", "decision.followThroughAbroad"), e.paths());
        assertEquals(List.of("1", "2"), e.labels());
        assertEquals(0.8, e.values(1)[1]);
        assertEquals(64, e.sha256().length());
        assertEquals(1.5, e.overlay(1).at("/decision/considerationConstant").asDouble());
    }

    @Test
    void anEmptyFileIsOneClearProblem() throws Exception {
        List<String> p = problems(file("empty.csv", "\n\n"));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("empty file; expected a header line 'set,<parameter path>,...'"), p.get(0));
        assertTrue(problems(file("header-only.csv", "set,decision.stayBonus\n")).get(0).contains("no parameter sets"));
    }

    @Test
    void formProblemsAreAllReportedInOnePassWithRowAndColumn() throws Exception {
        Path f = file("bad.csv", """
                sets,decision.stayBonus,run.seed,decision.stayBonus
                1,abc,1,2
                1,2,3
                x y,NaN,1,2
                """);
        List<String> p = problems(f);
        String all = String.join("\n", p);
        assertTrue(all.contains("row 1 (header), column 1: expected 'set', found 'sets'"), all);
        assertTrue(all.contains("row 1 (header), column 3 'run.seed': run settings"), all);
        assertTrue(all.contains("row 1 (header), column 4 'decision.stayBonus': repeated column"), all);
        assertTrue(all.contains("row 2 (set 1), column decision.stayBonus: 'abc' is not a number; allowed: a finite decimal number"), all);
        assertTrue(all.contains("row 3: 3 cells, expected 4"), all);
        assertTrue(all.contains("row 4, column set: 'x y' is not a set label"), all);
        assertTrue(all.contains("row 4 (set x y), column decision.stayBonus: 'NaN' is not a number"), all);
        assertEquals(7, p.size(), all);
    }

    @Test
    void unknownPathsAndValuesOutOfBoundsNameTheColumnAndWhatIsAllowed() throws Exception {
        List<String> p = problems(file("path.csv", "set,decision.noSuchWeight,decision.stayBonus\n1,1,1\n"));
        assertEquals(1, p.size(), String.join("\n", p));
        assertTrue(p.get(0).contains("row 1 (header), column 2 'decision.noSuchWeight': unknown parameter path of baseline.yaml; "
                + "allowed: a numeric parameter path"), p.get(0));
        List<String> q = problems(file("range.csv", "set,decision.followThroughAbroad,decision.considerationConstant\n"
                + "a,0.5,1\nb,1.5,1\nc,-0.1,99\n"));
        String all = String.join("\n", q);
        assertEquals(3, q.size(), all);
        assertTrue(all.contains("row 3 (set b), column decision.followThroughAbroad: "), all);
        assertTrue(all.contains("value 1.5 is out of range; allowed [0, 1]"), all);
        assertTrue(all.contains("row 4 (set c), column decision.followThroughAbroad: "), all);
        assertTrue(all.contains("row 4 (set c), column decision.considerationConstant: "), all);
    }

    @Test
    void largeEnsemblesAreCappedAndTheirBadRowsStillNamed() throws Exception {
        StringBuilder big = new StringBuilder("set,decision.stayBonus\n");
        for (int i = 1; i <= ParameterEnsemble.MAX_SETS + 1; i++) {
            big.append(i).append(",1\n");
        }
        List<String> p = problems(file("big.csv", big.toString()));
        assertEquals(1, p.size());
        assertTrue(p.get(0).contains("10001 parameter sets; at most 10000"), p.get(0));
        // above the one-by-one limit the extremes are loaded first; a bad row is still named
        StringBuilder many = new StringBuilder("set,decision.followThroughAbroad\n");
        for (int i = 1; i <= ParameterEnsemble.ROWS_CHECKED_ONE_BY_ONE + 100; i++) {
            many.append(i).append(',').append(i == 155 ? "1.5" : "0.5").append('\n');
        }
        List<String> q = problems(file("many.csv", many.toString()));
        assertEquals(1, q.size(), String.join("\n", q));
        assertTrue(q.get(0).contains("row 156 (set 155), column decision.followThroughAbroad: "), q.get(0));
        StringBuilder good = new StringBuilder("set,decision.followThroughAbroad\n");
        for (int i = 1; i <= ParameterEnsemble.ROWS_CHECKED_ONE_BY_ONE + 100; i++) {
            good.append(i).append(',').append(0.2 + i * 1e-4).append('\n');
        }
        assertEquals(ParameterEnsemble.ROWS_CHECKED_ONE_BY_ONE + 100, ParameterEnsemble.load(file("good.csv", good.toString()),
                ExperimentTests.BASELINE).size());
    }

    @Test
    void formPathAndRangeProblemsComeTogether() throws Exception {
        List<String> p = problems(file("mixed.csv", "set,decision.followThroughAbroad,decision.stayBonus\n1,0.5,x\n2,7,1\n"));
        String all = String.join("\n", p);
        assertEquals(2, p.size(), all);
        assertTrue(all.contains("row 2 (set 1), column decision.stayBonus: 'x' is not a number"), all);
        assertTrue(all.contains("row 3 (set 2), column decision.followThroughAbroad: "), all);
        ParameterEnsemble.InvalidEnsembleException e = assertThrows(ParameterEnsemble.InvalidEnsembleException.class,
                () -> ParameterEnsemble.load(tmp.resolve("mixed.csv"), ExperimentTests.BASELINE));
        assertTrue(e.getMessage().startsWith("2 problem(s) in a parameter ensemble:\n  - "), e.getMessage());
    }

    @Test
    void replicationRUsesSetRModKInEveryScenario() throws Exception {
        Path f = file("three.csv", "set,decision.considerationConstant\nlow,-1\nmid,0\nhigh,1.25\n");
        ExperimentSpec spec = ExperimentTests.shortSpec("map", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE),
                ExperimentTests.entry("no-obligation", ExperimentTests.NO_OBLIGATION)), 7, 0.01)
                .withEnsemble(ParameterEnsemble.read(f));
        int[] expected = {0, 1, 2, 0, 1, 2, 0};
        for (int r = 0; r < 7; r++) {
            assertEquals(expected[r], spec.setOf(r), "replication " + r);
        }
        assertEquals(0, ExperimentTests.shortSpec("none", spec.scenarios(), 7, 0.01).setOf(5));
        double[] constants = {-1, 0, 1.25};
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < 7; r++) {
                var loaded = spec.load(spec.scenarios().get(s), spec.setOf(r));
                assertEquals(constants[r % 3], loaded.scenario().decision().considerationConstant(), 0.0);
                assertEquals(2017, loaded.scenario().run().endYear()); // the experiment's run settings stay
            }
        }
        // the differences of the compared scenarios survive the overlay
        assertTrue(!spec.load(spec.scenarios().get(0), 1).toYaml().equals(spec.load(spec.scenarios().get(1), 1).toYaml()));
    }

    /**
     * A compared scenario that sets a free parameter apart from the reference (a policy lever,
     * e.g. no-bolashak-obligation's breach cost 0) keeps its value; the sets vary it in the
     * reference and in the scenarios sharing its value.
     */
    @Test
    void anEnsembleLeavesWhatIsComparedAlone() throws Exception {
        Path other = tmp.resolve("other.yaml");
        Files.writeString(other, "name: other\nextends: " + ExperimentTests.BASELINE.toString().replace('\\', '/')
                + "\ndecision: {stayBonus: 3.25}\n");
        Path f = file("stay.csv", "set,decision.stayBonus,decision.networkWeight\n1,2,0.1\n2,4,0.3\n");
        ExperimentSpec spec = ExperimentTests.shortSpec("lever", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE),
                ExperimentTests.entry("other", other)), 2, 0.01).withEnsemble(ParameterEnsemble.read(f));
        for (int set = 0; set < 2; set++) {
            var base = spec.load(spec.scenarios().get(0), set).scenario().decision();
            var lever = spec.load(spec.scenarios().get(1), set).scenario().decision();
            assertEquals(new double[]{2, 4}[set], base.stayBonus(), 0.0, "the reference takes the set's value");
            assertEquals(3.25, lever.stayBonus(), 0.0, "the scenario's own lever stays");
            assertEquals(new double[]{0.1, 0.3}[set], lever.networkWeight(), 0.0, "a shared parameter takes the set's value");
            assertEquals(lever.networkWeight(), base.networkWeight(), 0.0);
        }
    }

    /** compare, experiment and hindcast: the given file, else the baseline's posterior when it exists, unless switched off. */
    @Test
    void theDefaultPosteriorIsUsedWhenItExistsUnlessSwitchedOff() throws Exception {
        Path posterior = tmp.resolve("baseline-posterior.csv");
        Path given = file("given.csv", "set,decision.considerationConstant\n1,0.5\n");
        assertEquals(null, ParameterEnsemble.choose(null, false, posterior), "no file, no posterior");
        Files.writeString(posterior, "set,decision.considerationConstant\n1,0.25\n2,0.75\n");
        assertEquals(posterior, ParameterEnsemble.choose(null, false, posterior));
        assertEquals(null, ParameterEnsemble.choose(null, true, posterior), "--no-posterior");
        assertEquals(given, ParameterEnsemble.choose(given, false, posterior), "an explicit file wins");
        assertThrows(IllegalArgumentException.class, () -> ParameterEnsemble.choose(given, true, posterior));
        assertEquals(Path.of("calibration", "baseline-posterior.csv"), ParameterEnsemble.DEFAULT_POSTERIOR);
        // the hindcast's experiment carries the ensemble: replication r uses set r mod K
        ExperimentSpec h = kz.kosh.experiment.hindcast.Hindcast.spec(new kz.kosh.experiment.hindcast.Hindcast.Settings(
                ExperimentTests.BASELINE, 4, 1, 0.01, null, null, null, 1, tmp, null, false, false, false, posterior));
        assertEquals(2, h.ensemble().size());
        assertEquals(1, h.setOf(3));
    }

    @Test
    void spreadOrderIsAPermutationWhosePrefixesCoverTheWholeSequence() {
        // by hand: 7-bit reversals of 0..15 are 0, 64, 32, 96, 16, 80, 48, 112, 8, 72, 40, 104, ...; those >= 74 skipped
        assertEquals(List.of(0, 64, 32, 16, 48, 8, 72, 40),
                java.util.Arrays.stream(ParameterEnsemble.spreadOrder(74)).limit(8).boxed().toList());
        for (int k : new int[] {0, 1, 2, 3, 7, 74, 200, 1000}) {
            int[] o = ParameterEnsemble.spreadOrder(k);
            assertEquals(k, java.util.Arrays.stream(o).distinct().filter(i -> i >= 0 && i < k).count(), "permutation of " + k);
            for (int n = 2; n <= k; n *= 2) {
                // the first n rows leave no gap longer than 2K/n along the sequence (its ends included)
                int[] first = java.util.Arrays.copyOf(o, n);
                java.util.Arrays.sort(first);
                int gap = Math.max(first[0], k - 1 - first[n - 1]);
                for (int i = 1; i < n; i++) {
                    gap = Math.max(gap, first[i] - first[i - 1]);
                }
                assertTrue(gap <= 2.0 * k / n, "K " + k + ", first " + n + ": gap " + gap);
            }
        }
        assertEquals(List.of("a", "c", "b"), ParameterEnsemble.inSpreadOrder(List.of("a", "b", "c")));
    }
}
