package kz.kosh.cli;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzing of scenario files (a fixed-seed generator of mutation lists, so that a failure
 * reproduces): valid files (the shipped scenarios and a file that
 * sets many fields) mutated by deleting, duplicating and re-indenting lines, swapping values for
 * other types, huge numbers, unicode, anchors, extra documents and truncation, then given to
 * {@code kosh validate}. Never a stack trace or exception name; the exit is 0 or 2; an exit 0
 * only for a scenario that satisfies every rule the validation promises (checked here
 * independently); and nothing is written anywhere (the folder holds only the inputs).
 */
class ScenarioFuzzTest {
    static final int TRIES = 400;
    private static Path dir;
    private static List<String> sources;

    /** A file that names many fields, so that mutations reach every group. */
    static final String RICH = """
            name: rich
            description: many fields set
            run:
              startYear: 2015
              endYear: 2030
              spinUpYears: 10
              seed: 3
              scale: 0.01
            population:
              schoolLeaverCompletionRatio: 0.597
              entryAgeYears: 18
              maxDecisionAgeYears: 40
              femaleShare: 0.55
            study:
              bachelorYears: 4
              homeBonus: 1.5
            decision:
              stayBonus: 2.5
              incomeWeight: [1.5, 1.5, 1.5, 1.5]
            policy:
              bolashak:
                enabled: true
                awardsPerYear: 520
                destinationShares: {GB: 0.452, US: 0.2056, CA: 0.0514, DE: 0.06, EU: 0.05, CZ: 0.01, PL: 0.01, KR: 0.041, CN: 0.041, RU: 0.079}
              relocation:
                fromRegions: [KZ-61, KZ-31]
                toRegions: [KZ-59, KZ-39]
            regions:
              KZ-23: {avgWageKztPerMonth: 700000}
            destinations:
              RU: {studyAccess: 0.5, workAccess: 0.5}
            timeline:
              - fromYear: 2020
                policy: {bolashak: {awardsPerYear: 600}}
              - fromYear: 2025
                decision: {stayBonus: 2.0}
            """;

    static final List<String> VALUES = List.of("abc", "[1, 2]", "{a: 1}", "true", "", "~", "1e308", "-1e308",
            "4294969321", "-4294969321", "99999999999999999999999999", "0", "-1", "0.5", "520.5", ".nan", ".inf",
            "\"сценарий🙂\"", "\"" + "w".repeat(3000) + "\"", "&anchor 1", "*anchor", "!!binary aGVsbG8=",
            "\"../../etc/passwd\"", "/etc/passwd", "2100", "1989", "[KZ-61, KZ-61]", "\"\\u0000\"", "'a\\b'");

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("kosh-fuzz");
        Files.copy(Path.of("scenarios/baseline.yaml"), dir.resolve("baseline.yaml"));
        sources = new ArrayList<>();
        sources.add(RICH);
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(Files.readString(p));
            }
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        kz.kosh.output.RunDirectory.deleteTree(dir);
    }

    /** One mutation: which kind, where, and a value. */
    record Mutation(int kind, int position, int value, int source) {
    }

    /** One to four random mutations. */
    static List<Mutation> mutations(SplittableRandom rnd) {
        int n = 1 + rnd.nextInt(4);
        List<Mutation> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new Mutation(rnd.nextInt(12), rnd.nextInt(10_001), rnd.nextInt(VALUES.size()), rnd.nextInt(101)));
        }
        return out;
    }

    @Test
    void mutatedScenariosAreRefusedCleanlyOrValid() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261130L);
        for (int t = 0; t < TRIES; t++) {
            List<Mutation> ms = mutations(rnd);
            try {
                mutatedScenarioIsRefusedCleanlyOrValid(ms);
            } catch (AssertionError e) {
                throw new AssertionError("try " + t + ", mutations " + ms + ": " + e.getMessage(), e);
            }
        }
    }

    static String mutate(String text, List<Mutation> ms) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (Mutation m : ms) {
            int i = m.position() % Math.max(1, lines.size());
            String line = lines.isEmpty() ? "" : lines.get(i);
            String value = VALUES.get(m.value());
            switch (m.kind()) {
                case 0 -> { // delete a line
                    if (!lines.isEmpty()) {
                        lines.remove(i);
                    }
                }
                case 1 -> lines.add(i, line); // duplicate a line: duplicate keys
                case 2, 3 -> { // swap the value for another type
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        lines.set(i, line.substring(0, colon + 1) + " " + value);
                    }
                }
                case 4 -> lines.set(i, "  " + line); // indent
                case 5 -> lines.set(i, line.stripLeading()); // dedent
                case 6 -> lines.add(i, "unknownKey" + m.value() + ": " + value); // unknown key
                case 7 -> lines.add(i, "---"); // a second document
                case 8 -> { // truncate the file
                    String all = String.join("\n", lines);
                    int cut = m.position() % Math.max(1, all.length());
                    lines = new ArrayList<>(List.of(all.substring(0, cut).split("\n", -1)));
                }
                case 9 -> lines.set(i, line.replaceAll("[0-9]", String.valueOf(m.value() % 10))); // digits
                case 10 -> lines.add(i, "  " + value + ": " + value); // a strange nested key
                default -> lines.set(i, line + " " + value); // trailing garbage
            }
        }
        return String.join("\n", lines);
    }

    private static void mutatedScenarioIsRefusedCleanlyOrValid(List<Mutation> ms) throws IOException {
        String source = sources.get(ms.get(0).source() % sources.size());
        String text = mutate(source, ms);
        Path file = dir.resolve("fuzz.yaml");
        Files.writeString(file, text);
        Set<String> before = listing(dir);
        Set<String> cwdBefore = listing(Path.of("."));

        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute("validate", file.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String e = err.toString(StandardCharsets.UTF_8);
        String context = "\n--- file:\n" + (text.length() > 2000 ? text.substring(0, 2000) + "..." : text) + "\n--- stderr:\n" + e;
        assertFalse(e.contains("Exception") || e.contains("\tat ") || e.contains("Error:"), "stack trace" + context);
        assertTrue(code == 0 || code == 2, "exit " + code + context);
        assertEquals(before, listing(dir), "validate wrote into the scenario folder" + context);
        assertEquals(cwdBefore, listing(Path.of(".")), "validate wrote into the working directory" + context);
        if (code == 0) {
            assertPromisesHold(file, text, context);
        } else {
            assertTrue(e.contains("fuzz.yaml") || e.contains("baseline.yaml"), "message names no file" + context);
            assertTrue(e.lines().allMatch(l -> l.length() < 1500), "overlong message line" + context);
        }
    }

    /** An independent check of what an accepted scenario must satisfy. */
    private static void assertPromisesHold(Path file, String text, String context) {
        Scenario s;
        try {
            s = ScenarioLoader.load(file).scenario();
        } catch (ScenarioException ex) {
            fail("validate said valid, load refused" + context);
            return;
        }
        assertTrue(s.name().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}") && !s.name().contains(".."), "bad name" + context);
        var run = s.run();
        assertTrue(run.startYear() >= 1990 && run.endYear() <= 2150 && run.endYear() >= run.startYear(), "years" + context);
        int last = Integer.MIN_VALUE;
        for (Scenario.TimedChange c : s.timeline()) {
            assertTrue(c.fromYear() > last && c.fromYear() >= run.firstSimulatedYear() && c.fromYear() <= run.endYear(),
                    "timeline year " + c.fromYear() + context);
            last = c.fromYear();
            assertRules(c.scenario(), context);
        }
        assertRules(s, context);
        assertFalse(usesAnchors(text), "anchor accepted" + context);
        assertFalse(text.contains("520.5") && text.contains("awardsPerYear: 520.5"), "fraction accepted" + context);
        assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= ScenarioLoader.MAX_FILE_BYTES, "size" + context);
    }

    /**
     * Whether the YAML defines or uses an anchor or alias (a node event with an anchor), as
     * opposed to the text "&anchor" inside a scalar, e.g. a folded description line.
     */
    private static boolean usesAnchors(String text) {
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml().parse(new java.io.StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.NodeEvent n && n.getAnchor() != null) {
                    return true;
                }
            }
        } catch (RuntimeException ex) {
            return false; // not YAML past some point: then it cannot have been accepted
        }
        return false;
    }

    private static void assertRules(Scenario s, String context) {
        var pop = s.population();
        assertTrue(pop.entryAgeYears() + s.study().bachelorYears() <= pop.maxDecisionAgeYears(), "ages" + context);
        var b = s.policy().get(kz.kosh.policy.Bolashak.class);
        double cohort = Double.POSITIVE_INFINITY;
        for (int y = s.run().firstSimulatedYear(); y <= s.run().endYear(); y++) {
            cohort = Math.min(cohort, kz.kosh.world.YearlyInputs.builtIn().schoolLeavers(y, pop.schoolLeaverCompletionRatio(), 0.0)
                    * pop.higherEducationEntryRate());
        }
        assertTrue(!b.enabled() || b.awardsPerYear() <= cohort, "awards above cohort" + context);
        var rel = s.policy().get(kz.kosh.policy.Relocation.class);
        assertEquals(rel.fromRegions().size(), new HashSet<>(rel.fromRegions()).size(), "repeated id" + context);
        assertEquals(rel.toRegions().size(), new HashSet<>(rel.toRegions()).size(), "repeated id" + context);
        assertTrue(rel.fromRegions().stream().noneMatch(rel.toRegions()::contains), "source and target" + context);
    }

    private static Set<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            Set<String> out = new HashSet<>();
            s.forEach(p -> out.add(p.getFileName().toString()));
            return out;
        }
    }
}
