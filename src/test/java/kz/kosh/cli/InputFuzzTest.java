package kz.kosh.cli;

import kz.kosh.calibration.CalibrationSpec;
import kz.kosh.calibration.Targets;
import kz.kosh.calibration.ValidationPatterns;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: seeded fuzzing of the calibration readers (calibrate.yaml, targets.yaml,
 * patterns.yaml), as ScenarioFuzzTest does for scenarios: the shipped files mutated (lines
 * deleted, duplicated or cut, keys misspelt, values swapped for other types, huge, negative or
 * empty values, anchors, tabs, truncation) and read. A reader either accepts the file or throws
 * a ScenarioException whose every line names the file and holds no Java text; never another
 * exception. Fixed seeds, so a failure reproduces.
 */
class InputFuzzTest {
    static final String[] JUNK = {"abc", "-1", "0", "1e300", "-1e300", "\"\"", "[]", "{}", "2147483648", ".nan", ".inf",
            "99999999999999999999", "1.5", "null", "~", "true", "[1, 2, 3]", "{a: 1}", "'Ω'", "2015", "-2015", "\"a|b\"",
            "KZ-00", "0.0000001"};

    @TempDir
    Path tmp;

    static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && !lines.isEmpty(); k++) {
            int i = r.nextInt(lines.size());
            String l = lines.get(i);
            switch (r.nextInt(9)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, l);
                case 2 -> lines.set(i, l.substring(0, r.nextInt(l.length() + 1)));
                case 3 -> { // a value swapped for junk
                    int c = l.lastIndexOf(": ");
                    if (c > 0) {
                        lines.set(i, l.substring(0, c + 2) + JUNK[r.nextInt(JUNK.length)]);
                    }
                }
                case 4 -> { // a key misspelt
                    int c = l.indexOf(':');
                    if (c > 1) {
                        int at = r.nextInt(c);
                        lines.set(i, l.substring(0, at) + (char) ('a' + r.nextInt(26)) + l.substring(at + 1));
                    }
                }
                case 5 -> lines.set(i, "\t" + l);
                case 6 -> lines.set(i, l.replaceFirst("\\{", "&a {"));
                case 7 -> lines.set(i, l.replaceAll("[0-9]", String.valueOf(r.nextInt(10))));
                default -> { // cut short: within the mutated text, whose length depends on the edits so far
                    String joined = String.join("\n", lines);
                    return joined.substring(0, r.nextInt(joined.length() + 1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private void fuzz(String name, String text, int tries, long seed, Consumer<Path> read) throws IOException {
        Random r = new Random(seed);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int t = 0; t < tries; t++) {
            String m = mutate(text, r);
            Path f = tmp.resolve(name);
            Files.writeString(f, m, StandardCharsets.UTF_8);
            try {
                read.accept(f);
            } catch (ScenarioException e) {
                refused++;
                for (String p : e.problems()) {
                    // every line names a file: this one, or one it refers to (the targets of a patterns file)
                    if (!p.matches("[^ ]+\\.ya?ml: .*") || MalformedInputCorpusTest.JAVA.matcher(p).find()) {
                        failures.add("try " + t + ": " + p);
                    }
                }
            } catch (RuntimeException e) {
                failures.add("try " + t + ": " + e + "\n--- file:\n" + m);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + tries + " mutations of " + name + " failed:\n"
                + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
        assertTrue(refused > tries / 4, "mutations should mostly be refused: " + refused + " of " + tries);
    }

    private static String absolute(String text) {
        return text.replace("../scenarios/baseline.yaml", Path.of("scenarios/baseline.yaml").toAbsolutePath().toString())
                .replace("targets: targets.yaml", "targets: " + Path.of("calibration/targets.yaml").toAbsolutePath());
    }

    @Test
    void calibrationFiles() throws IOException {
        fuzz("calibrate.yaml", absolute(Files.readString(Path.of("calibration/calibrate.yaml"))), 40, 19,
                f -> CalibrationSpec.load(f));
    }

    @Test
    void targetsFiles() throws IOException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        fuzz("targets.yaml", Files.readString(Path.of("calibration/targets.yaml")), 80, 1919, f -> Targets.load(f, s));
    }

    @Test
    void patternsFiles() throws IOException {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        fuzz("patterns.yaml", absolute(Files.readString(Path.of("calibration/patterns.yaml"))), 60, 191919,
                f -> ValidationPatterns.load(f, s));
    }
}
