package kz.kosh.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules of the hardened loader that the malformed corpus cannot show with a single file. */
class ScenarioHardeningTest {
    @TempDir
    Path dir;

    @Test
    void extendsThroughALinkToANonYamlFileIsRefusedWithoutQuotingIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.conf"), "password: hunter2\n");
        Files.createSymbolicLink(dir.resolve("innocent.yaml"), secret);
        Path f = Files.writeString(dir.resolve("s.yaml"), "extends: innocent.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("s.yaml: extends (line 1): 'innocent.yaml' is a link"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void anInheritedHistoryMayLieOutsideAShorterRunButAFilesOwnTimelineMayNot() throws IOException {
        Files.writeString(dir.resolve("history.yaml"), "name: history\ntimeline:\n  - fromYear: 2011\n"
                + "    decision: {stayBonus: 2.0}\n  - fromYear: 2040\n    decision: {stayBonus: 1.0}\n");
        Path shorter = Files.writeString(dir.resolve("shorter.yaml"), "extends: history.yaml\nname: shorter\n"
                + "run: {startYear: 2030, endYear: 2035, spinUpYears: 5}\n");
        assertEquals(2, ScenarioLoader.load(shorter).scenario().timeline().size());
        Path own = Files.writeString(dir.resolve("own.yaml"), "name: own\nrun: {startYear: 2030, endYear: 2035, spinUpYears: 5}\n"
                + "timeline:\n  - fromYear: 2011\n    decision: {stayBonus: 2.0}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(own));
        assertTrue(e.getMessage().contains("timeline[0].fromYear: year 2011 is outside the simulated years; allowed [2025, 2035]"),
                e.getMessage());
    }

    @Test
    void aFileWithoutANameTakesASafeOneFromItsFileName() throws IOException {
        Path f = Files.writeString(dir.resolve("my odd (draft) file.yaml"), "decision: {stayBonus: 2.0}\n");
        String name = ScenarioLoader.load(f).scenario().name();
        assertEquals("my_odd__draft__file", name);
        assertEquals(null, ScenarioLoader.nameProblem(name));
    }

    @Test
    void thousandsOfProblemsArePrintedAsTheFirstFortyAndACount() throws IOException {
        StringBuilder sb = new StringBuilder("name: many\n");
        for (int i = 0; i < 500; i++) {
            sb.append("unknown").append(i).append(": 1\n");
        }
        Path f = Files.writeString(dir.resolve("many.yaml"), sb.toString());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(500, e.problems().size());
        assertTrue(e.getMessage().contains("... and 460 more"), e.getMessage());
        assertTrue(e.getMessage().lines().count() < 50);
    }

    @Test
    void unicodeAndControlCharactersInValuesAreCutAndFlattened() {
        String cut = Fields.cut("line1\nline2\u001b[31m" + "é".repeat(200));
        assertFalse(cut.contains("\n") || cut.contains("\u001b"), cut);
        assertTrue(cut.endsWith("…") && cut.codePointCount(0, cut.length()) == Fields.MAX_QUOTED + 1, cut);
    }
}
