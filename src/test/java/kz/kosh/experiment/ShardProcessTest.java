package kz.kosh.experiment;

import kz.kosh.indicator.Indicator;
import kz.kosh.indicator.IndicatorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shard contract without Slurm: shards run as separate JVM processes (as array tasks
 * would), merged in fixed order, give the same summary.csv and differences.csv bytes as the
 * experiment run locally; an incomplete set is refused and named.
 */
class ShardProcessTest {
    @TempDir
    Path tmp;

    private Path experimentFile() throws IOException {
        Path exp = tmp.resolve("exp.yaml");
        Files.writeString(exp, String.join("\n",
                "name: shard-test",
                "scenarios:",
                "  - " + Path.of("scenarios/baseline.yaml").toAbsolutePath(),
                "  - " + Path.of("scenarios/no-bolashak-obligation.yaml").toAbsolutePath(),
                "replications: 3",
                "baseSeed: 5",
                "scale: 0.01",
                "startYear: 2015",
                "endYear: 2016",
                "spinUpYears: 3",
                ""));
        return exp;
    }

    private static void runProcess(String... args) throws Exception {
        // a shard of this tiny experiment runs for a second or two: the quick compiler only and the serial
        // collector (no C2 or G1 threads competing with the tests for the cores); results do not depend on them
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "kz.kosh.cli.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "shard process timed out");
        assertEquals(0, p.exitValue(), "shard process failed: " + out);
    }

    @Test
    void shardsInSeparateProcessesMergeToTheLocalBytes() throws Exception {
        Path exp = experimentFile();
        ExperimentSpec spec = ExperimentSpec.load(exp);
        Path local = tmp.resolve("local");
        new ExperimentRunner(spec, local, 2, false, false, false).run();
        Path cluster = tmp.resolve("cluster");
        for (int k = 0; k < 4; k++) {
            runProcess("experiment", exp.toString(), "--shard", k + "/4", "--out", cluster.toString(), "--threads", "1",
                    "--no-posterior");
        }
        Shards.merge(List.of(cluster), cluster, false, false);
        assertEquals(-1, Files.mismatch(local.resolve("summary.csv"), cluster.resolve("summary.csv")));
        assertEquals(-1, Files.mismatch(local.resolve("differences.csv"), cluster.resolve("differences.csv")));
        assertTrue(Shards.status(List.of(cluster)).contains("total: 6 of 6 pairs done"));
    }

    @Test
    void mergeNamesMissingPairsAndRefusesAnIncompleteSet() throws Exception {
        Path exp = experimentFile();
        ExperimentSpec spec = ExperimentSpec.load(exp);
        Path cluster = tmp.resolve("partial");
        for (int k = 0; k < 3; k++) {
            if (k != 1) {
                new ExperimentRunner(spec, cluster, 1, true, false, false).runShard(k, 3);
            }
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Shards.merge(List.of(cluster), cluster, false, false));
        assertTrue(e.getMessage().contains("missing 2"), e.getMessage());
        assertTrue(e.getMessage().contains("replication 1"), e.getMessage());
        ExperimentRunner.Result r = Shards.merge(List.of(cluster), cluster, true, false);
        assertEquals(4, r.replicationsResumed(), "two complete replications x two scenarios merged");
        // every value is over both merged replications, except a share or ratio that is undefined (0/0) in one of
        // them: e.g. a programme's share among its graduates in a year when a tiny run has none
        for (String l : Files.readString(cluster.resolve("summary.csv")).lines().skip(1).toList()) {
            String[] c = l.split(",");
            String unit = IndicatorRegistry.unit(c[2]);
            boolean mayBeUndefined = Indicator.SHARE.equals(unit) || Indicator.RATIO.equals(unit);
            assertTrue(l.endsWith(",2") || mayBeUndefined && (l.endsWith(",1") || l.endsWith(",0")), l);
        }
    }

    @Test
    void retriedShardKeepsItsFinishedPairsAndSeedsDoNotDependOnTheShardCount() throws Exception {
        Path exp = experimentFile();
        ExperimentSpec spec = ExperimentSpec.load(exp);
        Path two = tmp.resolve("two");
        Path three = tmp.resolve("three");
        for (int k = 0; k < 2; k++) {
            new ExperimentRunner(spec, two, 1, true, false, false).runShard(k, 2);
        }
        ExperimentRunner.Result retry = new ExperimentRunner(spec, two, 1, true, false, false).runShard(1, 2);
        assertEquals(0, retry.replicationsRun());
        assertEquals(3, retry.replicationsResumed());
        for (int k = 0; k < 3; k++) {
            new ExperimentRunner(spec, three, 1, true, false, false).runShard(k, 3);
        }
        Shards.merge(List.of(two), two, false, false);
        Shards.merge(List.of(three), three, false, false);
        assertEquals(-1, Files.mismatch(two.resolve("summary.csv"), three.resolve("summary.csv")));
    }
}
