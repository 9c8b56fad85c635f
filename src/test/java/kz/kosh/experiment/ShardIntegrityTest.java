package kz.kosh.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: shard files are checked like replication files. status counts only replication
 * files that match their checksum and refuses shards of two experiments; a broken shard.json is
 * one line naming the file (no parser text); merge --allow-incomplete writes the replication
 * count it really summarised.
 */
class ShardIntegrityTest {
    @TempDir
    Path tmp;

    @Test
    void statusMergeAndBrokenShardFilesTellTheTruth() throws Exception {
        ExperimentSpec spec = ExperimentTests.shortSpec("si", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE)), 3, 0.005);
        Path exp = tmp.resolve("exp");
        new ExperimentRunner(spec, exp, 1, true, false, false).runShard(0, 2);
        String status = Shards.status(List.of(exp));
        assertTrue(status.contains("total: 1 of 3 pairs done"), status);

        // a truncated replication file is not done
        Path rep = ExperimentDirectory.runFile(spec, exp.resolve("shards/0-of-2/runs"), 0, 0);
        byte[] b = Files.readAllBytes(rep);
        Files.write(rep, java.util.Arrays.copyOf(b, b.length / 2));
        status = Shards.status(List.of(exp));
        assertTrue(status.contains("total: 0 of 3 pairs done") && status.contains("damaged"), status);
        Files.write(rep, b);

        // merge --allow-incomplete: one of three replications, and the manifest says 1
        Path out = tmp.resolve("merged");
        Shards.merge(List.of(exp), out, true, false);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"replications\" : 1,"), manifest);
        assertTrue(manifest.contains("\"replicationsPlanned\" : 3"), manifest);

        // shards of another experiment beside them
        ExperimentSpec other = ExperimentTests.shortSpec("si", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE)), 3, 0.006);
        Path exp2 = tmp.resolve("exp2");
        new ExperimentRunner(other, exp2, 1, true, false, false).runShard(1, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Shards.status(List.of(exp, exp2)));
        assertTrue(e.getMessage().contains("shards of different experiments"), e.getMessage());

        // a broken shard.json: one line, the file named, no parser text
        Path info = exp.resolve("shards/0-of-2/shard.json");
        String good = Files.readString(info);
        for (String broken : new String[]{"{\"fingerprint\": ", good.replace("\"shard\" : 0", "\"shard\" : \"zero\""),
                good.replace("\"replications\" : 3", "\"replications\" : 2000000000"), "[]", "",
                good.replace("\"complete\" : true", "\"complete\" : 1")}) {
            Files.writeString(info, broken);
            IllegalStateException x = assertThrows(IllegalStateException.class, () -> Shards.status(List.of(exp)));
            assertTrue(x.getMessage().startsWith(info.toString()), x.getMessage());
            assertFalse(x.getMessage().matches("(?s).*(Exception|JsonNode|\\[Source:|line: \\d+, column).*"), x.getMessage());
            assertFalse(x.getMessage().contains("\n"), x.getMessage());
        }
    }
}
