package kz.kosh.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults a careless or hostile user meets: replication files edited, cut short (still valid
 * gzip or not), missing their checksum, at resume and at merge; two processes in one
 * experiment directory; --overwrite on a folder Kosh did not write.
 */
class ExperimentFaultTest {
    static final int REPS = 3;

    @TempDir
    static Path tmp;
    static ExperimentSpec spec;
    static Path reference;

    @BeforeAll
    static void runTheReference() {
        spec = ExperimentTests.shortSpec("faults", List.of(ExperimentTests.entry("baseline", ExperimentTests.BASELINE)),
                REPS, 0.01);
        reference = ExperimentTests.run(spec, tmp.resolve("reference"), 2, true, false).directory();
    }

    private static Path copy(Path from, String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    static List<Path> repFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("rep-\\d+\\.csv\\.gz")).sorted().toList();
        }
    }

    /** Rewrites a replication file as valid gzip with {@code edit} applied to its lines (checksum left as it was). */
    static void rewrite(Path gz, java.util.function.UnaryOperator<List<String>> edit) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            r.lines().forEach(lines::add);
        }
        List<String> out = edit.apply(lines);
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(gz)), StandardCharsets.UTF_8)) {
            for (String l : out) {
                w.write(l + "\n");
            }
        }
    }

    static List<String> editOneValue(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        String[] f = out.get(5).split(",", -1);
        f[3] = "126912";
        out.set(5, String.join(",", f));
        return out;
    }

    static void truncateBytes(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    }

    @Test
    void resumeRecomputesEveryKindOfDamagedReplication() throws IOException {
        Path d = copy(reference, "damaged");
        Files.writeString(d.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        List<Path> files = repFiles(d.resolve("runs"));
        assertEquals(REPS, files.size());
        rewrite(files.get(0), ExperimentFaultTest::editOneValue);                     // one value edited, valid gzip
        rewrite(files.get(1), l -> l.subList(0, l.size() / 2));                        // cut short, still valid gzip
        truncateBytes(files.get(2));                                                   // truncated gzip
        ExperimentRunner.Result r = ExperimentTests.run(spec, d, 2, true, false);
        assertEquals(REPS, r.replicationsRun(), "all three damaged replications are recomputed");
        assertEquals(0, r.replicationsResumed());
        assertEquals(-1, Files.mismatch(reference.resolve("summary.csv"), d.resolve("summary.csv")),
                "the statistics are those of the undamaged experiment");
        for (Path f : repFiles(d.resolve("runs"))) {
            IndicatorTable.readVerified(f); // recomputed files carry a valid checksum again
        }
    }

    @Test
    void aReplicationWithoutItsChecksumIsRecomputed() throws IOException {
        Path d = copy(reference, "unsummed");
        Files.writeString(d.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        Path f = repFiles(d.resolve("runs")).get(1);
        Files.delete(IndicatorTable.sumFile(f)); // killed between the data file and its checksum
        ExperimentRunner.Result r = ExperimentTests.run(spec, d, 1, true, false);
        assertEquals(1, r.replicationsRun());
        assertEquals(REPS - 1, r.replicationsResumed());
        assertEquals(-1, Files.mismatch(reference.resolve("summary.csv"), d.resolve("summary.csv")));
    }

    @Test
    void damagedFilesAreNamedAtReadAndMergeRefusesThem() throws IOException {
        Path exp = tmp.resolve("sharded");
        ExperimentRunner runner = new ExperimentRunner(spec, exp, 1, true, false, false);
        runner.runShard(0, 2);
        runner.runShard(1, 2);
        List<Path> files = repFiles(exp.resolve("shards"));
        rewrite(files.get(0), ExperimentFaultTest::editOneValue);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Shards.merge(List.of(exp), exp, false, false));
        assertTrue(e.getMessage().contains(files.get(0).toString()) && e.getMessage().contains("damaged")
                && e.getMessage().contains("refusing to merge"), e.getMessage());
        assertFalse(Files.exists(exp.resolve("summary.csv")));

        truncateBytes(files.get(1));
        e = assertThrows(IllegalStateException.class, () -> Shards.merge(List.of(exp), exp, false, false));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());

        // re-running the shards recomputes the damaged replications; then the merge gives the local result
        runner.runShard(0, 2);
        runner.runShard(1, 2);
        Shards.merge(List.of(exp), exp, false, false);
        assertEquals(-1, Files.mismatch(reference.resolve("summary.csv"), exp.resolve("summary.csv")));
    }

    @Test
    void secondProcessInTheSameDirectoryIsRefusedAndAStaleLockTakenOver() throws IOException {
        Path d = tmp.resolve("busy");
        try (DirectoryLock held = DirectoryLock.acquire(d)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ExperimentTests.run(spec, d, 1, false, false));
            assertTrue(e.getMessage().contains(d + " is in use by pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(Files.exists(d.resolve(ExperimentRunner.INCOMPLETE_MARKER)), "the refused run wrote nothing");
        }
        // a lock file left by a killed process (no lock held) does not block
        Files.writeString(d.resolve(DirectoryLock.FILE), "pid 999999 on some-host\n");
        ExperimentRunner.Result r = ExperimentTests.run(spec, d, 1, false, false);
        assertEquals(REPS, r.replicationsRun());
    }

    @Test
    void shardDirectoriesAreLockedToo() {
        Path exp = tmp.resolve("sharded-busy");
        try (DirectoryLock held = DirectoryLock.acquire(exp.resolve("shards").resolve("0-of-2"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new ExperimentRunner(spec, exp, 1, true, false, false).runShard(0, 2));
            assertTrue(e.getMessage().contains("is in use by pid"), e.getMessage());
        }
    }

    @Test
    void overwriteRefusesAFolderKoshDidNotWrite() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("website"));
        Files.writeString(site.resolve("manifest.json"), "{\"name\": \"my web app\", \"version\": 3}");
        Files.writeString(site.resolve("index.html"), "<h1>precious</h1>");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ExperimentTests.run(spec, site, 1, false, true));
        assertTrue(e.getCause().getMessage().contains("not a Kosh experiment directory"), e.getCause().getMessage());
        assertEquals("<h1>precious</h1>", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("index.html", "manifest.json"), list(site));

        // a Kosh experiment with a file Kosh never writes beside it is refused as well
        Path mixed = copy(reference, "mixed");
        Files.writeString(mixed.resolve("thesis.tex"), "mine");
        e = assertThrows(UncheckedIOException.class, () -> ExperimentTests.run(spec, mixed, 1, false, true));
        assertTrue(e.getCause().getMessage().contains("thesis.tex"), e.getCause().getMessage());
        assertEquals("mine", Files.readString(mixed.resolve("thesis.tex")));
    }

    @Test
    void fingerprintHoldsTheReplicationCount() throws IOException {
        Path d = copy(reference, "more-reps");
        Files.writeString(d.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        ExperimentSpec more = ExperimentTests.shortSpec("faults", spec.scenarios(), REPS + 1, 0.01);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ExperimentTests.run(more, d, 1, true, false));
        assertTrue(e.getCause().getMessage().contains("different experiment"), e.getCause().getMessage());
    }

    /** Holds the lock of a directory in a separate process until its standard input closes. */
    public static final class LockHolder {
        public static void main(String[] args) throws IOException {
            try (DirectoryLock l = DirectoryLock.acquire(Path.of(args[0]))) {
                System.out.println("locked");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void anotherProcessHoldingTheDirectoryIsNamedAndItsLockTakenOverOnceItIsKilled() throws Exception {
        Path d = tmp.resolve("two-processes");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), d.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ExperimentTests.run(spec, d, 1, false, false));
            assertTrue(e.getMessage().contains("is in use by pid " + holder.pid()), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(); // like kill -9: the lock file stays, the lock goes with the process
        }
        assertTrue(Files.exists(d.resolve(DirectoryLock.FILE)));
        assertEquals(REPS, ExperimentTests.run(spec, d, 1, false, false).replicationsRun());
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
