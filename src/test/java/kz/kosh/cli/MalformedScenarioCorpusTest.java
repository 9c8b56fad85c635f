package kz.kosh.cli;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The malformed-scenario corpus (src/test/resources/kz/kosh/malformed, listed with the expected
 * field and message fragments in index.tsv) through {@code validate} and {@code run}: every file
 * is refused with a non-zero exit, the message names the file and the field (or the line) and
 * says what is wrong, no stack trace is printed and no output is left anywhere.
 */
class MalformedScenarioCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/kz/kosh/malformed");

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();
    private final ByteArrayOutputStream out = io.out;
    private final ByteArrayOutputStream err = io.err;

    record Case(String file, String field, List<String> fragments) {
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("index.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            cases.add(new Case(f[0], f[1], List.of(f[2].split("\\|"))));
        }
        return cases;
    }

    @Test
    void corpusIsLargeAndIndexed() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 60, "corpus has only " + cases.size() + " files");
        try (Stream<Path> s = Files.list(CORPUS)) {
            List<String> files = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("index.tsv") && !n.equals("_base.yaml")).sorted().toList();
            List<String> indexed = cases.stream().map(Case::file).sorted().toList();
            assertEquals(files, indexed, "every corpus file has exactly one row in index.tsv");
        }
    }

    @Test
    void everyMalformedFileIsRefusedByValidateAndRun() throws IOException {
        List<String> failures = new ArrayList<>();
        List<String> resultsBefore = listing(Path.of("results"));
        int n = 0;
        for (Case c : cases()) {
            Path file = CORPUS.resolve(c.file());
            for (String command : List.of("validate", "run")) {
                out.reset();
                err.reset();
                Path target = tmp.resolve("out-" + n++);
                int code = command.equals("run")
                        ? Main.execute("run", file.toString(), "--out", target.toString(), "--threads", "1")
                        : Main.execute("validate", file.toString());
                String e = err.toString(StandardCharsets.UTF_8);
                String o = out.toString(StandardCharsets.UTF_8);
                String what = command + " " + c.file() + ": ";
                if (code == 0) {
                    failures.add(what + "exit 0");
                }
                if (!e.contains(c.file())) {
                    failures.add(what + "message does not name the file: " + e);
                }
                if (!c.field().equals("-") && !e.contains(c.field())) {
                    failures.add(what + "message does not name the field " + c.field() + ": " + e);
                }
                for (String fragment : c.fragments()) {
                    if (!e.contains(fragment)) {
                        failures.add(what + "message lacks '" + fragment + "': " + e);
                    }
                }
                if (e.contains("Exception") || e.contains("\tat ") || o.contains("Exception")) {
                    failures.add(what + "stack trace or exception name: " + e);
                }
                if (e.lines().anyMatch(l -> l.length() > 1200)) {
                    failures.add(what + "a message line longer than 1200 characters");
                }
                if (e.contains("x".repeat(200)) || e.contains("k".repeat(200)) || e.contains("root:")) {
                    failures.add(what + "message echoes a long value or another file's text");
                }
                if (Files.exists(target)) {
                    failures.add(what + "output left at " + target);
                }
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            List<String> left = s.map(p -> p.getFileName().toString()).toList();
            if (!left.isEmpty()) {
                failures.add("files left in the output folder: " + left);
            }
        }
        assertEquals(resultsBefore, listing(Path.of("results")), "nothing was written to results/");
        if (!failures.isEmpty()) {
            fail(failures.size() + " failure(s):\n" + String.join("\n", failures));
        }
    }

    @Test
    void fileLargerThanOneMegabyteIsRefusedBeforeParsing() throws IOException {
        Path big = tmp.resolve("huge.yaml");
        Files.writeString(big, "description: \"" + "y".repeat(5_000_000) + "\"\n");
        int code = Main.execute("validate", big.toString());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertTrue(e.contains("huge.yaml") && e.contains("at most 1000000 bytes"), e);
        assertFalse(e.contains("yyyy"), e);
        // refused before parsing: the reader's message names the size limit, not a YAML position
        assertFalse(e.contains("line ") || e.contains("column"), e);
    }

    @Test
    void bigValueUnderTheLimitIsCutInTheMessage() throws IOException {
        Path f = tmp.resolve("wide.yaml");
        Files.writeString(f, "decision:\n  stayBonus: \"" + "z".repeat(200_000) + "\"\n");
        assertEquals(2, Main.execute("validate", f.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("z".repeat(80) + "…"), e.substring(0, Math.min(400, e.length())));
        assertTrue(e.length() < 2000, "message of " + e.length() + " characters");
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
