package kz.kosh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: a hostile corpus per input kind besides scenarios (src/test/resources/malformed-inputs/
 * calibration, targets, patterns, experiment, search), each file saying on its first line the message it must
 * get ("# expect: ..."). Every file is refused through the command a user would run, before any
 * simulation and before anything is created: exit 2, the file's name and the expected field path
 * in the message, and no Java exception text ({@link #JAVA}) anywhere in the output.
 */
class MalformedInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/malformed-inputs");
    /** What must never reach a user: exception class names, stack frames, Jackson node types, index errors. */
    static final Pattern JAVA = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]|\\$|JsonNode|LongNode|IntNode|TextNode"
            + "|out of bounds|NullPointer|java\\.|com\\.fasterxml|org\\.yaml|\\[Source:");

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();

    static List<Path> files(String kind) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(kind))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static String expected(Path f) throws IOException {
        String first = Files.readAllLines(f, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return first.startsWith("# expect: ") ? first.substring("# expect: ".length()).trim() : null;
    }

    /** Runs the command; returns a failure description, or null when the file was refused as it should be. */
    private String refused(Path file, String named, String... args) throws IOException {
        io.err.reset();
        io.out.reset();
        long t0 = System.nanoTime();
        int rc = Main.execute(args);
        double s = (System.nanoTime() - t0) / 1e9;
        String err = io.err.toString(StandardCharsets.UTF_8);
        String all = err + io.out.toString(StandardCharsets.UTF_8);
        String exp = expected(file);
        String why = rc != 2 ? "exit " + rc
                : exp == null && !file.getFileName().toString().equals("empty.yaml") ? "no '# expect:' line"
                : exp != null && !err.contains(exp) ? "message lacks '" + exp + "'"
                : !err.contains(named) ? "message does not name " + named
                : JAVA.matcher(all).find() ? "Java text: " + JAVA.matcher(all).results().findFirst().get().group()
                : Files.exists(tmp.resolve("o")) ? "created the output folder"
                : s > 20 ? "took " + s + " s (work before the check?)" : null;
        return why == null ? null : file.getFileName() + ": " + why + "\n    " + err.replace("\n", "\n    ");
    }

    /** Runs every file of a corpus folder through the command {@code args} builds for it; all must be refused cleanly. */
    private void corpus(String kind, int atLeast, CommandFor args) throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> fs = files(kind);
        assertTrue(fs.size() >= atLeast, "corpus size " + fs.size());
        for (Path f : fs) {
            String r = refused(f, f.getFileName().toString(), args.of(f));
            if (r != null) {
                failures.add(r);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + fs.size() + " not refused cleanly:\n" + String.join("\n", failures));
    }

    @FunctionalInterface
    interface CommandFor {
        String[] of(Path file) throws IOException;
    }

    @Test
    void searchFiles() throws IOException {
        corpus("search", 20, f -> new String[]{"search", f.toString(), "--out", tmp.resolve("o").toString(), "--no-posterior"});
    }

    @Test
    void calibrationFiles() throws IOException {
        corpus("calibration", 20, f -> new String[]{"calibrate", f.toString(), "--out", tmp.resolve("o").toString()});
    }

    @Test
    void targetsFiles() throws IOException {
        corpus("targets", 20, f -> {
            Path c = tmp.resolve("calibrate.yaml");
            Files.writeString(c, "name: c\nscenario: " + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\ntargets: "
                    + f.toAbsolutePath() + "\nreplications: 1\nbudget: 2\nscale: 0.01\n"
                    + "parameters:\n  - {path: decision.stayBonus, min: 0.0, max: 5.0}\n");
            return new String[]{"calibrate", c.toString(), "--out", tmp.resolve("o").toString()};
        });
    }

    @Test
    void experimentFiles() throws IOException {
        corpus("experiment", 18, f -> new String[]{"experiment", f.toString(), "--out", tmp.resolve("o").toString(),
                "--no-posterior"});
    }

    @Test
    void patternsFiles() throws IOException {
        corpus("patterns", 12, f -> new String[]{"validation", "scenarios/baseline.yaml", "--patterns", f.toString(),
                "--scale", "0.01", "--reps", "1", "--out", tmp.resolve("o").toString(), "--no-posterior"});
    }
}
