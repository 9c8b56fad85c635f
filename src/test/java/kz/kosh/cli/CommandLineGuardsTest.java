package kz.kosh.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad command lines: every option is checked before any work, with exit 2, one line, no stack
 * trace and nothing created; --help works on every subcommand; failures read as what to do,
 * never as a Java exception name.
 */
class CommandLineGuardsTest {
    static final String B = "scenarios/baseline.yaml";

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();
    private final ByteArrayOutputStream out = io.out;
    private final ByteArrayOutputStream err = io.err;

    @Test
    void badOptionsAreRefusedBeforeAnyWork() throws IOException {
        String o = tmp.resolve("o").toString();
        String exp = tmp.resolve("e.yaml").toString();
        Files.writeString(Path.of(exp), "name: e\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nreplications: 1\n");
        List<String[]> bad = new ArrayList<>();
        for (String threads : List.of("0", "-1", "100000", "abc")) {
            bad.add(new String[]{"run", B, "--out", o, "--threads", threads});
            bad.add(new String[]{"compare", B, B, "--reps", "1", "--out", o, "--threads", threads, "--no-posterior"});
            bad.add(new String[]{"experiment", exp, "--out", o, "--threads", threads, "--no-posterior"});
            bad.add(new String[]{"hindcast", B, "--out", o, "--threads", threads, "--no-posterior"});
            bad.add(new String[]{"bench", B, "--threads", threads});
            bad.add(new String[]{"map", B, "--year", "2020", "--out", o + ".png", "--threads", threads});
        }
        for (String seed : List.of("0", "-5", "x", "99999999999999999999")) {
            bad.add(new String[]{"run", B, "--out", o, "--seed", seed});
            bad.add(new String[]{"compare", B, B, "--reps", "1", "--out", o, "--seed", seed, "--no-posterior"});
            bad.add(new String[]{"hindcast", B, "--out", o, "--seed", seed, "--no-posterior"});
            bad.add(new String[]{"bench", B, "--seed", seed});
            bad.add(new String[]{"map", B, "--year", "2020", "--out", o + ".png", "--seed", seed});
            bad.add(new String[]{"gui", B, "--seed", seed});
        }
        for (String scale : List.of("0", "-0.1", "1.5", "NaN", "Infinity", "big", "1e-9", "0.00009")) {
            bad.add(new String[]{"run", B, "--out", o, "--scale", scale});
            bad.add(new String[]{"compare", B, B, "--reps", "1", "--out", o, "--scale", scale, "--no-posterior"});
            bad.add(new String[]{"hindcast", B, "--out", o, "--scale", scale, "--no-posterior"});
            bad.add(new String[]{"bench", B, "--scale", scale});
            bad.add(new String[]{"gui", B, "--scale", scale});
        }
        for (String shard : List.of("a/b", "1", "2/2", "-1/2", "1/0", "1/2/3", "99999999999/3")) {
            bad.add(new String[]{"experiment", exp, "--out", o, "--shard", shard, "--no-posterior"});
        }
        bad.add(new String[]{"compare", B, B, "--reps", "0", "--out", o, "--no-posterior"});
        bad.add(new String[]{"compare", B, B, "--reps", "1", "--out", o, "--name", "../escape", "--no-posterior"});
        bad.add(new String[]{"experiment", exp, "--out", o, "--shard-count", "0", "--no-posterior"});
        bad.add(new String[]{"map", B, "--year", "2020", "--out", o + ".png", "--width", "1000000"});
        bad.add(new String[]{"hindcast", B, "--out", o, "--start-year", "4294969321", "--no-posterior"});
        bad.add(new String[]{"run", B, "--out", o, "--no-such-option"});
        bad.add(new String[]{"run"});
        List<String> failures = new ArrayList<>();
        List<String> cwd = listing(Path.of("."));
        List<String> results = listing(Path.of("results"));
        for (String[] args : bad) {
            out.reset();
            err.reset();
            int code = Main.execute(args);
            String e = err.toString(StandardCharsets.UTF_8);
            String what = String.join(" ", args) + ": ";
            if (code != 2) {
                failures.add(what + "exit " + code + " " + e);
            }
            if (e.lines().filter(l -> !l.startsWith("kosh: warning")).count() != 1) {
                failures.add(what + "not one line: " + e);
            }
            if (e.contains("Exception") || e.contains("\tat ")) {
                failures.add(what + "exception: " + e);
            }
            if (Files.exists(Path.of(o)) || Files.exists(Path.of(o + ".png"))) {
                failures.add(what + "created output");
            }
        }
        assertEquals(cwd, listing(Path.of(".")), "nothing created in the working directory");
        assertEquals(results, listing(Path.of("results")), "nothing created in results/");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + bad.size() + " bad command lines mishandled:\n" + String.join("\n", failures));
        }
    }

    @Test
    void threadsAboveTheCoresAreCappedWithAWarning() {
        int cores = Runtime.getRuntime().availableProcessors();
        Path o = tmp.resolve("capped");
        Path f = tmp.resolve("tiny.yaml");
        try {
            Files.writeString(f, "extends: " + Path.of(B).toAbsolutePath() + "\nname: tiny\n"
                    + "run: {startYear: 2015, endYear: 2015, spinUpYears: 1, scale: 0.002}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(0, Main.execute("run", f.toString(), "--out", o.toString(), "--threads", String.valueOf(cores + 1)),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("warning: --threads " + (cores + 1)),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpWorksForEverySubcommand() {
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"run", "--help"}, new String[]{"validate", "--help"},
                new String[]{"describe", "--help"}, new String[]{"bench", "--help"}, new String[]{"params", "--help"},
                new String[]{"calibrate-study", "--help"}, new String[]{"experiment", "--help"},
                new String[]{"experiment", "merge", "--help"}, new String[]{"experiment", "status", "--help"},
                new String[]{"experiment", "slurm-script", "--help"}, new String[]{"compare", "--help", "--no-posterior"},
                new String[]{"map", "--help"}, new String[]{"gui", "--help"}, new String[]{"hindcast", "--help", "--no-posterior"},
                new String[]{"run", "-h"})) {
            out.reset();
            err.reset();
            assertEquals(0, Main.execute(args), String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage:"), String.join(" ", args));
            assertFalse(err.toString(StandardCharsets.UTF_8).contains("picocli WARN"),
                    String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }

    /** compare with one file says what it needs in the user's words, not picocli's "positional parameter at index". */
    @Test
    void compareWithOneFileSaysWhatItNeeds() {
        err.reset();
        assertEquals(2, Main.execute(new String[]{"compare", B, "--reps", "2", "--no-posterior"}));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("error: compare needs at least two scenario files, the reference first"), e);
        assertFalse(e.contains("positional") || e.contains("index"), e);
        assertEquals(1, e.strip().lines().count(), e);
    }

    @Test
    void anExistingOutputDirectorySaysWhatToDo() throws IOException {
        Path taken = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(taken.resolve("notes.txt"), "mine");
        assertEquals(3, Main.execute("run", B, "--out", taken.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains(taken.toString()) && e.contains("exists") && e.contains("--overwrite") && e.contains("--out"), e);
        assertFalse(e.contains("Exception"), e);
        assertEquals(1, e.lines().count(), e);

        err.reset();
        Files.writeString(taken.resolve("manifest.json"), "{\"name\": \"not kosh\"}");
        assertEquals(3, Main.execute("run", B, "--out", taken.toString(), "--overwrite"));
        e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("not a Kosh run directory"), e);
        assertEquals("mine", Files.readString(taken.resolve("notes.txt")));
    }

    @Test
    void aFinishedOrForeignExperimentDirectoryIsOneLineAndUntouched() throws IOException {
        Path a = tmp.resolve("a.yaml");
        Path b = tmp.resolve("b.yaml");
        for (Path f : List.of(a, b)) {
            Files.writeString(f, "extends: " + Path.of(B).toAbsolutePath() + "\nname: " + f.getFileName().toString().replace(".yaml", "")
                    + "\nrun: {startYear: 2015, endYear: 2015, spinUpYears: 1}\n");
        }
        Path d = tmp.resolve("cmp");
        assertEquals(0, Main.execute("compare", a.toString(), b.toString(), "--reps", "1", "--scale", "0.002", "--out", d.toString(),
                "--no-posterior"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(3, Main.execute("compare", a.toString(), b.toString(), "--reps", "1", "--scale", "0.002", "--out", d.toString(),
                "--no-posterior"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("holds a finished experiment") && e.contains("--overwrite"), e);

        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("manifest.json"), "{}");
        Files.writeString(site.resolve("index.html"), "precious");
        err.reset();
        assertEquals(3, Main.execute("compare", a.toString(), b.toString(), "--reps", "1", "--scale", "0.002", "--out",
                site.toString(), "--overwrite", "--no-posterior"));
        e = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("not a Kosh experiment directory"), e);
        assertEquals(List.of("index.html", "manifest.json"), listing(site));
    }

    @Test
    void diskFullAndOtherFailuresReadAsOneLine() {
        Throwable full = new IllegalStateException("a replication failed (completed ones are kept in runs): "
                + "java.io.UncheckedIOException: cannot write rep-000001.csv.gz",
                new UncheckedIOException("cannot write rep-000001.csv.gz",
                        new FileSystemException("/x/runs/rep-000001.csv.gz", null, "No space left on device")));
        String m = Checks.message(full);
        assertTrue(m.contains("disk is full") && m.contains("run the same command again") && m.contains("rep-000001.csv.gz"), m);
        assertEquals(1, m.lines().count(), m);
        assertEquals(3, Checks.exitCode(full));

        String wrapped = Checks.message(new IllegalStateException("a replication failed: java.lang.ArithmeticException: / by zero"));
        assertFalse(wrapped.contains("java.lang"), wrapped);
        String jackson = Checks.message(new IllegalStateException(
                "cannot read x: com.fasterxml.jackson.core.JsonParseException: Unexpected character"));
        assertFalse(jackson.contains("JsonParseException"), jackson);
        assertTrue(Checks.message(new NullPointerException()).contains("KOSH_DEBUG"));
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
