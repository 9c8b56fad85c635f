package kz.kosh.cli;

import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kosh compare ... --doc FILE}: the scenario library document with each file's question. */
class CompareDocTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();

    @TempDir
    Path dir;

    @Test
    void documentStatesEachScenariosQuestionAndItsAnswersWithIntervals() throws Exception {
        Path base = TestRuns.writeVariant(dir, "short-base", TestRuns.BASELINE, "run: {startYear: 2015, endYear: 2017, spinUpYears: 3}\n");
        Path more = dir.resolve("more-bolashak.yaml");
        Files.writeString(more, "# Question: what if Bolashak sends\n# four times as many scholars?\n\n# (not part of the question)\n"
                + "extends: short-base.yaml\nname: more-bolashak\npolicy: {bolashak: {awardsPerYear: 2080}}\n");
        Path doc = dir.resolve("docs/library.md");
        assertEquals(0, Main.execute("compare", base.toString(), more.toString(), "--reps", "2", "--scale", "0.01",
                "--out", dir.resolve("out").toString(), "--threads", "2", "--doc", doc.toString(),
                "--no-posterior"), io.err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String md = Files.readString(doc);
        assertTrue(md.startsWith("# The scenario library"), md);
        assertTrue(md.contains("what if Bolashak sends four times as many scholars?"), md);
        assertTrue(!md.contains("not part of the question"), md);
        assertTrue(md.contains("| [more-bolashak](#more-bolashak) |"), md);
        assertTrue(md.contains("## more-bolashak"), md);
        assertTrue(md.contains("2 paired replications per scenario"), md);
        assertTrue(md.contains("--reps 2 --scale 0.01 --doc"), md);
        assertTrue(md.matches("(?s).*\\| [^|]+ \\| [^|]+ \\| [^|]+ \\| [+\u2212\\-0-9.,]+.*\\[.*\\].*"), md);
        // a hand-written tail below the marker survives the next generation; the generated part is not doubled
        String tail = ExperimentCommands.Compare.COMPARE_HAND_WRITTEN + "\n## Before and after\n\n| a | b |\n";
        Files.writeString(doc, md + "\n" + tail);
        assertEquals(0, Main.execute("compare", base.toString(), more.toString(), "--reps", "2", "--scale", "0.01",
                "--out", dir.resolve("out2").toString(), "--threads", "2", "--doc", doc.toString(),
                "--no-posterior"), io.err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String again = Files.readString(doc);
        assertTrue(again.endsWith(tail), again);
        assertEquals(again.indexOf("## more-bolashak"), again.lastIndexOf("## more-bolashak"), again);
        // --changes: the answers before (the document replaced) and after, read from both documents
        String emigration = kz.kosh.experiment.report.LibraryChanges.parse(again, ExperimentCommands.Compare.COMPARE_HAND_WRITTEN)
                .get("more-bolashak").get(kz.kosh.experiment.report.KeyIndicator.EMIGRATION.label()).difference();
        assertEquals(0, Main.execute("compare", base.toString(), more.toString(), "--reps", "2", "--scale", "0.01", "--seed", "3",
                "--out", dir.resolve("out3").toString(), "--threads", "2", "--doc", doc.toString(), "--changes",
                "--no-posterior"), io.err.toString(java.nio.charset.StandardCharsets.UTF_8));
        String third = Files.readString(doc);
        assertTrue(third.contains("## How the library's answers changed"), third);
        assertTrue(third.contains("| more-bolashak | " + kz.kosh.experiment.report.KeyIndicator.EMIGRATION.label() + " | "
                + emigration), third);
        assertTrue(third.indexOf("## How the library's answers changed") < third.indexOf(ExperimentCommands.Compare.COMPARE_HAND_WRITTEN), third);
        assertTrue(third.endsWith(tail), third);
        assertTrue(third.contains("--doc " ) && third.contains(" --changes`"), third);
    }
}
