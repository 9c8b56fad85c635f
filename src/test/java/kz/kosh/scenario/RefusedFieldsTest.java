package kz.kosh.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fields that could not act where they are written are refused with the file, the field path and
 * what is allowed (see NoDeadSwitchTest), and the fields added so that a switch acts validate.
 */
class RefusedFieldsTest {
    private static final Path BASELINE = Path.of("scenarios/baseline.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "extends: " + BASELINE + "\n" + yaml);
        return f;
    }

    private static List<String> linesWith(ScenarioException e, String fragment) {
        return e.problems().stream().filter(l -> l.contains(fragment)).collect(Collectors.toList());
    }

    @Test
    void calibrationTargetCannotBeTimed() throws IOException {
        Path f = write("timed-enrolment.yaml", "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    destinations: {RU: {studentsEnrolled2022: 10000, workAccess: 0.5}}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        List<String> lines = linesWith(e, "timeline[0].destinations.RU.studentsEnrolled2022");
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        assertEquals(1, lines.size(), String.join("\n", e.problems()));
        assertTrue(lines.get(0).startsWith(f + ": timeline[0].destinations.RU.studentsEnrolled2022: cannot change in a timeline entry"),
                lines.get(0));
        assertTrue(lines.get(0).contains("calibrate-study"), lines.get(0));
    }

    @Test
    void calibrationTargetOutsideTheTimelineIsAccepted() throws IOException {
        Path f = write("enrolment.yaml", "destinations: {RU: {studentsEnrolled2022: 10000}}\n");
        assertEquals(10000.0, ScenarioLoader.load(f).scenario().destinations().get("RU").studentsEnrolled2022(), 0.0);
    }

    @Test
    void timelineAndExtendsCannotNestInATimelineEntry() throws IOException {
        Path f = write("nested.yaml", "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    extends: other.yaml\n"
                + "    timeline: [{fromYear: 2035, decision: {stayBonus: 1}}]\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        assertEquals(2, e.problems().size(), all);
        assertTrue(linesWith(e, "timeline[0].timeline: not allowed inside a timeline entry").get(0).startsWith(f + ": "), all);
        assertEquals(1, linesWith(e, "timeline[0].extends: not allowed inside a timeline entry").size(), all);
    }

    @Test
    void timedDiasporaIsAccepted() throws IOException {
        Path f = write("timed-diaspora.yaml", "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    destinations: {DE: {diasporaThousands: 900}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(900.0, s.inForce(2030).destinations().get("DE").diasporaThousands(), 0.0);
    }

    @Test
    void destinationGroupMustBeKnown() throws IOException {
        Path f = write("bad-group.yaml", "destinations: {TR: {group: Eurasia}}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        String line = e.problems().get(0);
        assertTrue(line.startsWith(f + ": destinations.TR.group: unknown group 'Eurasia'; allowed: [CIS, Europe, NorthAmerica, Asia, Other]"),
                line);
    }

    @Test
    void stateFundedGroupSharesAreChecked() throws IOException {
        Path f = write("bad-groups.yaml", "policy:\n  academicMobility:\n"
                + "    stateFundedGroupShares: {Europe: 0.5, Mars: 0.5}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        assertEquals(1, linesWith(e, "policy.academicMobility.stateFundedGroupShares.Mars: unknown id; allowed: [CIS, Europe, NorthAmerica, Asia, Other]").size(), all);
        assertEquals(1, linesWith(e, "policy.academicMobility.stateFundedGroupShares: shares must sum to 1").size(), all);
        Path ok = write("cis-grants.yaml", "policy:\n  academicMobility:\n"
                + "    stateFundedGroupShares: {CIS: 1.0, Europe: 0, Asia: 0, NorthAmerica: 0}\n");
        assertEquals(1.0, ScenarioLoader.load(ok).scenario().policy().get(kz.kosh.policy.AcademicMobility.class).stateFundedGroupShares().get("CIS"), 0.0);
    }
}
