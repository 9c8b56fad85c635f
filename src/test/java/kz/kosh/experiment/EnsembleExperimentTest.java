package kz.kosh.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny comparison over a parameter ensemble (scale 0.01, 2 sets x 2 replications, 2015-2017):
 * the manifest names each replication's set, the sets are applied (a replication's outputs change
 * with its set's value and not otherwise), the split is written, a resumed run with another
 * ensemble is refused, and shards merge to the same outputs.
 */
class EnsembleExperimentTest {
    @TempDir
    static Path tmp;
    static ParameterEnsemble spread;
    static ParameterEnsemble same;
    static Path spreadDir;
    static Path sameDir;

    static ExperimentSpec spec() {
        return ExperimentTests.shortSpec("ens", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE),
                ExperimentTests.entry("no-obligation", ExperimentTests.NO_OBLIGATION)), 4, 0.01);
    }

    @BeforeAll
    static void runTwoEnsembles() throws IOException {
        // set 2 differs between the two files, set 1 does not
        Path a = tmp.resolve("spread.csv");
        Files.writeString(a, "set,decision.considerationConstant\nlow,-2\nhigh,2\n");
        Path b = tmp.resolve("same.csv");
        Files.writeString(b, "set,decision.considerationConstant\nlow,-2\nhigh,-2\n");
        spread = ParameterEnsemble.read(a);
        same = ParameterEnsemble.read(b);
        spreadDir = ExperimentTests.run(spec().withEnsemble(spread), tmp.resolve("spread"), 2, true, false).directory();
        sameDir = ExperimentTests.run(spec().withEnsemble(same), tmp.resolve("same"), 2, true, false).directory();
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rep(Path dir, int scenario, int replication) {
        return bytes(ExperimentDirectory.replicationFile(spec(), dir, scenario, replication));
    }

    @Test
    void theManifestRecordsTheFileItsHashAndEachReplicationsSet() throws IOException {
        JsonNode m = new ObjectMapper().readTree(spreadDir.resolve("manifest.json").toFile());
        JsonNode pe = m.get("parameterEnsemble");
        assertEquals(spread.sha256(), pe.get("sha256").asText());
        assertEquals(spread.file().toString(), pe.get("file").asText());
        assertEquals(2, pe.get("sets").asInt());
        assertEquals("[\"low\",\"high\",\"low\",\"high\"]", pe.get("replicationSets").toString());
        assertEquals(2.0, pe.get("values").get(1).get("decision.considerationConstant").asDouble());
    }

    @Test
    void eachReplicationRunsWithItsSet() {
        for (int s = 0; s < 2; s++) {
            // replications 0 and 2 use set "low" (-2) in both files: same seed, same parameters, same bytes
            assertEquals(new String(rep(spreadDir, s, 0)), new String(rep(sameDir, s, 0)));
            assertEquals(new String(rep(spreadDir, s, 2)), new String(rep(sameDir, s, 2)));
            // replications 1 and 3 use set "high": +2 in one file, -2 in the other
            assertNotEquals(new String(rep(spreadDir, s, 1)), new String(rep(sameDir, s, 1)));
            assertNotEquals(new String(rep(spreadDir, s, 3)), new String(rep(sameDir, s, 3)));
        }
    }

    @Test
    void theSplitIsWrittenAndTheHeadlineKeepsItsForm() throws IOException {
        List<String> lines = Files.readAllLines(spreadDir.resolve(VarianceSplit()));
        assertTrue(lines.get(0).startsWith("scenario,reference,indicator,place,unit,measure,from_year,to_year,difference,"),
                lines.get(0));
        assertTrue(lines.size() > 10, String.valueOf(lines.size()));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("no-obligation,baseline,emigration,KZ,") && l.contains(",period_mean,")));
        assertTrue(Files.readString(spreadDir.resolve("report.html")).contains("<h2>Parameter spread and seed noise</h2>"));
        // the headline has the same columns as without an ensemble
        assertEquals("scenario,reference,indicator,place,unit,measure,from_year,to_year,reference_mean,reference_ci95_low,"
                + "reference_ci95_high,mean,ci95_low,ci95_high,difference,difference_ci95_low,difference_ci95_high,"
                + "excludes_zero,n,p_value,q_value_bh,fdr_discovery,lead", ExperimentTests.header(spreadDir.resolve("headline.csv")));
    }

    private static String VarianceSplit() {
        return kz.kosh.experiment.report.VarianceSplit.FILE;
    }

    @Test
    void aResumedRunWithAnotherEnsembleIsRefusedAndTheSameOneResumes() throws IOException {
        Path dir = tmp.resolve("resume"); // the finished run, as if interrupted before its outputs
        try (var files = Files.walk(spreadDir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                Path q = dir.resolve(spreadDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        Files.writeString(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ExperimentTests.run(spec().withEnsemble(same), dir, 2, true, false));
        assertTrue(e.getCause().getMessage().contains("parameter ensemble"), e.getCause().getMessage());
        assertThrows(UncheckedIOException.class, () -> ExperimentTests.run(spec(), dir, 2, true, false));
        ExperimentRunner.Result r = ExperimentTests.run(spec().withEnsemble(spread), dir, 2, true, false);
        assertEquals(0, r.replicationsRun());
        assertEquals(8, r.replicationsResumed());
        assertEquals(new String(bytes(spreadDir.resolve(VarianceSplit()))), new String(bytes(dir.resolve(VarianceSplit()))));
    }

    @Test
    void shardsMergeToTheSameOutputsAsALocalRun() {
        Path dir = tmp.resolve("sharded");
        ExperimentSpec s = spec().withEnsemble(spread);
        new ExperimentRunner(s, dir, 1, true, false, false).runShard(0, 2);
        new ExperimentRunner(s, dir, 1, true, false, false).runShard(1, 2);
        Shards.merge(List.of(dir), dir, false, false);
        for (String f : List.of("summary.csv", "differences.csv", "headline.csv", VarianceSplit())) {
            assertEquals(new String(bytes(spreadDir.resolve(f))), new String(bytes(dir.resolve(f))), f);
        }
        assertFalse(Files.exists(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER)));
    }
}
