package kz.kosh.scenario;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timeline entries with {@code toYear}: the entry's fields hold from 1 January of fromYear to
 * 31 December of toYear; from toYear + 1 on they take again the value they would have without
 * the entry (the scenario and the other entries in force then). Values are checked year by year.
 */
class TimelineToYearTest {
    /** decision.stayBonus of defaults.yaml (calibrated; the baseline does not set it). */
    static final double DEFAULT_STAY_BONUS = ScenarioLoader.load(java.nio.file.Path.of("scenarios/baseline.yaml")).scenario().decision().stayBonus();

    private static final Path BASELINE = Path.of("scenarios/baseline.yaml").toAbsolutePath();
    /** A run without history: only the entries of the test act (first simulated year 2010). */
    private static final String RUN = "run: {startYear: 2015, endYear: 2040, spinUpYears: 5}\n";

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    /** Asserts {@code field} of the parameters in force in each year from {@code from} on: expected[i] in year from + i. */
    private static void assertYears(Scenario s, int from, ToDoubleFunction<Scenario> field, double... expected) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], field.applyAsDouble(s.inForce(from + i)), 0.0, "year " + (from + i));
        }
    }

    private static double deWork(Scenario s) {
        return s.destinations().get("DE").workAccess();
    }

    private static double deStudy(Scenario s) {
        return s.destinations().get("DE").studyAccess();
    }

    private static double stayBonus(Scenario s) {
        return s.decision().stayBonus();
    }

    private static List<Integer> years(Scenario s) {
        return s.timeline().stream().map(Scenario.TimedChange::fromYear).collect(Collectors.toList());
    }

    @Test
    void aSingleEntryHoldsFromFromYearThroughToYear() throws IOException {
        Path f = write("de-closed.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2026\n"
                + "    toYear: 2028\n"
                + "    destinations: {DE: {workAccess: 0}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        // the baseline's history (the relocation quota's 2025 and 2026 among it), then 2026 and the year after toYear
        assertEquals(List.of(2011, 2017, 2020, 2022, 2023, 2024, 2025, 2026, 2029), years(s));
        // the table's 0.6 (COVID 2020-21 cuts study access only), closed 2026-2028, open again from 2029
        assertYears(s, 2019, TimelineToYearTest::deWork, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.0, 0.0, 0.0, 0.6, 0.6,
                0.6);
        // the history's COVID study access 2020-21 (0.7 x 0.8), the table's 0.7 again from 2022; untouched by the entry
        assertYears(s, 2019, TimelineToYearTest::deStudy, 0.7, 0.56, 0.56, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7);
        assertEquals(0.6, deWork(s.inForce(2045)), 0.0);
        // nothing else changes
        assertEquals(s.inForce(2026).policy(), s.inForce(2027).policy());
        assertEquals(s.inForce(2025).destinations().get("RU"), s.inForce(2027).destinations().get("RU"));
        assertEquals(s.inForce(2025).destinations(), s.inForce(2029).destinations());
        assertEquals(deStudy(s.inForce(2025)), deStudy(s.inForce(2027)), 0.0);
    }

    @Test
    void aToYearEqualToFromYearHoldsForOneYear() throws IOException {
        Path f = write("one-year.yaml", RUN
                + "timeline:\n"
                + "  - {fromYear: 2020, toYear: 2020, decision: {stayBonus: 1.0}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(List.of(2020, 2021), years(s));
        assertYears(s, 2018, TimelineToYearTest::stayBonus, DEFAULT_STAY_BONUS, DEFAULT_STAY_BONUS, 1.0, DEFAULT_STAY_BONUS, DEFAULT_STAY_BONUS);
    }

    @Test
    void overlappingEntries() throws IOException {
        Path f = write("overlap.yaml", RUN
                + "timeline:\n"
                + "  - fromYear: 2020\n"
                + "    toYear: 2030\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "    destinations: {DE: {workAccess: 0.1}}\n"
                + "  - fromYear: 2025\n"
                + "    toYear: 2027\n"
                + "    decision: {stayBonus: 2.0}\n"
                + "  - fromYear: 2028\n"
                + "    destinations: {DE: {workAccess: 0.3}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(List.of(2020, 2025, 2028, 2031), years(s));
        // the later entry wins while in force; after its toYear the first entry's value comes back,
        // after the first entry's toYear the scenario's own (defaults.yaml)
        assertYears(s, 2018, TimelineToYearTest::stayBonus,
                DEFAULT_STAY_BONUS, DEFAULT_STAY_BONUS, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, DEFAULT_STAY_BONUS, DEFAULT_STAY_BONUS);
        // a later entry that started meanwhile (2028, no toYear) still wins after the first entry ends
        assertYears(s, 2018, TimelineToYearTest::deWork,
                0.6, 0.6, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 0.3, 0.3, 0.3, 0.3);
        assertEquals(0.3, deWork(s.inForce(2040)), 0.0);
    }

    @Test
    void anEarlierPermanentEntryComesBackAfterALaterEntryEnds() throws IOException {
        Path f = write("comes-back.yaml", RUN
                + "timeline:\n"
                + "  - fromYear: 2020\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2025\n"
                + "    toYear: 2027\n"
                + "    decision: {stayBonus: 3.0}\n"
                + "    policy: {bolashak: {penaltyMarkup: 0.5}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(List.of(2020, 2025, 2028), years(s));
        assertYears(s, 2019, TimelineToYearTest::stayBonus, DEFAULT_STAY_BONUS, 1.0, 1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 3.0, 1.0, 1.0);
        assertYears(s, 2024, x -> x.policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup(), 0.1, 0.5, 0.5, 0.5, 0.1);
        assertEquals(1.0, stayBonus(s.inForce(2040)), 0.0);
    }

    @Test
    void inheritedEntryWithToYearAndTheExtendingFilesOverrides() throws IOException {
        Path parent = write("parent.yaml", RUN
                + "timeline:\n"
                + "  - fromYear: 2025\n"
                + "    toYear: 2027\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "    destinations: {DE: {workAccess: 0}}\n"
                + "  - fromYear: 2028\n"
                + "    destinations: {DE: {studyAccess: 0.2}}\n");
        // the parent alone
        Scenario p = ScenarioLoader.load(parent).scenario();
        assertYears(p, 2024, TimelineToYearTest::deWork, 0.6, 0.0, 0.0, 0.0, 0.6);
        assertYears(p, 2024, TimelineToYearTest::stayBonus, DEFAULT_STAY_BONUS, 1.0, 1.0, 1.0, DEFAULT_STAY_BONUS);
        // the child: stayBonus at its top level holds in every year (the parent's entry neither
        // changes nor reverts it); its own entries win from their year on: DE's work access from
        // 2026 on (also after the parent's entry ends), DE's study access 2026-2030 (over the
        // parent's permanent 2028 entry, whose value comes back in 2031)
        Path child = write("child.yaml", "extends: parent.yaml\n"
                + "decision: {stayBonus: 2.0}\n"
                + "timeline:\n"
                + "  - fromYear: 2026\n"
                + "    destinations: {DE: {workAccess: 0.3}}\n"
                + "  - fromYear: 2027\n"
                + "    toYear: 2030\n"
                + "    destinations: {DE: {studyAccess: 0.9}}\n");
        Scenario s = ScenarioLoader.load(child).scenario();
        assertEquals(List.of(2025, 2026, 2027, 2028, 2031), years(s));
        assertYears(s, 2024, TimelineToYearTest::stayBonus, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0);
        assertYears(s, 2024, TimelineToYearTest::deWork, 0.6, 0.0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3);
        assertYears(s, 2024, TimelineToYearTest::deStudy, 0.7, 0.7, 0.7, 0.9, 0.9, 0.9, 0.9, 0.2, 0.2);
    }

    @Test
    void anExtendingFilesEntryWithToYearOverAnInheritedSameYearEntry() throws IOException {
        Path parent = write("p2.yaml", RUN
                + "timeline:\n"
                + "  - fromYear: 2025\n"
                + "    destinations: {DE: {workAccess: 0.2, studyAccess: 0.5}}\n");
        Path child = write("c2.yaml", "extends: p2.yaml\n"
                + "timeline:\n"
                + "  - fromYear: 2025\n"
                + "    toYear: 2026\n"
                + "    destinations: {DE: {workAccess: 0}}\n");
        Scenario s = ScenarioLoader.load(child).scenario();
        assertYears(s, 2024, TimelineToYearTest::deWork, 0.6, 0.0, 0.0, 0.2, 0.2);
        assertYears(s, 2024, TimelineToYearTest::deStudy, 0.7, 0.5, 0.5, 0.5, 0.5);
    }

    @Test
    void theResolvedTreeReloadsToTheSameParametersInEveryYear() throws IOException {
        // the manifest's resolvedScenario is Loaded.tree(): saved as YAML and loaded again it
        // gives the same parameters in every simulated year
        Path parent = write("p3.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 1990\n"
                + "    toYear: 1999\n"
                + "    decision: {stayBonus: 1.5}\n"
                + "  - fromYear: 2026\n"
                + "    toYear: 2050\n"
                + "    destinations: {DE: {workAccess: 0.1}}\n");
        Path child = write("c3.yaml", "extends: p3.yaml\n"
                + "timeline:\n"
                + "  - fromYear: 2026\n"
                + "    toYear: 2028\n"
                + "    destinations: {DE: {workAccess: 0}}\n"
                + "    policy: {academicMobility: {participationRatePerStudentYear: 0.01}}\n"
                + "  - fromYear: 2027\n"
                + "    toYear: 2035\n"
                + "    decision: {stayBonus: 2.0}\n");
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(child);
        Path again = dir.resolve("resolved.yaml");
        new YAMLMapper().writeValue(again.toFile(), loaded.tree());
        Scenario a = loaded.scenario();
        Scenario b = ScenarioLoader.load(again).scenario();
        assertEquals(a.run(), b.run());
        for (int y = a.run().firstSimulatedYear(); y <= a.run().endYear(); y++) {
            assertSameParameters(a.inForce(y), b.inForce(y), y);
        }
        assertYears(a, 1998, TimelineToYearTest::stayBonus, 1.5, 1.5, DEFAULT_STAY_BONUS);
        assertYears(a, 2025, TimelineToYearTest::deWork, 0.6, 0.0, 0.0, 0.0, 0.1);
        assertYears(a, 2034, TimelineToYearTest::stayBonus, 2.0, 2.0, DEFAULT_STAY_BONUS);
        // the reloaded file says toYear in no entry: the expanded timeline, one entry per change
        assertTrue(!loaded.toYaml().contains("toYear"), loaded.toYaml());
        assertSameParameters(b.inForce(2045), b.inForce(2036), 2045);
    }

    private static void assertSameParameters(Scenario a, Scenario b, int year) {
        // the records hold arrays (compared by reference): compare them as trees
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Object> pa = List.of(a.population(), a.study(), a.decision(), a.humanCapital(), a.family(), a.policy(),
                a.kazakhstan(), a.economy(), a.regions(), a.destinations());
        List<Object> pb = List.of(b.population(), b.study(), b.decision(), b.humanCapital(), b.family(), b.policy(),
                b.kazakhstan(), b.economy(), b.regions(), b.destinations());
        assertTrue(m.valueToTree(a.decision()).has("stayBonus"));
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(m.valueToTree(pa.get(i)), m.valueToTree(pb.get(i)), "year " + year + ": " + pa.get(i));
        }
    }

    @Test
    void withoutToYearTheResolvedTreeListsTheEntriesThemselves() throws IOException {
        Path f = write("plain.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2022\n"
                + "    destinations: {US: {workAccess: 0.1}}\n");
        String yaml = ScenarioLoader.load(f).toYaml();
        // one entry per year (the baseline's 2022 entry and this file's merged), as before toYear existed
        assertEquals(1, yaml.split("fromYear: 2022", -1).length - 1, yaml);
    }

    @Test
    void toYearProblemsAreReportedInOnePass() throws IOException {
        Path f = write("bad-to-year.yaml", "extends: " + BASELINE + "\n"
                + "toYear: 2030\n"
                + "timeline:\n"
                + "  - fromYear: 2026\n"
                + "    toYear: 2025\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2027\n"
                + "    toYear: 2028.5\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2028\n"
                + "    toYear: soon\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2029\n"
                + "    toYear: 2046\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2030\n"
                + "    toYear: 99999999999\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2031\n"
                + "    policy: {toYear: 2032, bolashak: {penaltyMarkup: 0.5}}\n"
                + "  - fromYear: 2031\n"
                + "    toYear: 2032\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        assertOne(e, f + ": timeline[0].toYear: year 2025 is before fromYear 2026; allowed: a whole-number year from "
                + "fromYear (2026) to run.endYear (2045)");
        assertOne(e, f + ": timeline[1].toYear: expected a whole-number year, found number 2028.5; allowed");
        assertOne(e, f + ": timeline[2].toYear: expected a whole-number year, found text 'soon'; allowed");
        assertOne(e, f + ": timeline[3].toYear: year 2046 is outside the simulated years; allowed [1993, 2045]");
        assertOne(e, f + ": timeline[4].toYear: year 99999999999 is outside the simulated years; allowed [1993, 2045]");
        assertOne(e, f + ": timeline[5].policy.toYear: unknown field");
        assertOne(e, f + ": timeline[6].fromYear: timeline entries must be in strictly increasing fromYear order; "
                + "2031 follows 2031");
        assertOne(e, f + ": toYear: unknown field");
        assertEquals(8, e.problems().size(), all);
    }

    private static void assertOne(ScenarioException e, String prefix) {
        long n = e.problems().stream().filter(l -> l.startsWith(prefix)).count();
        assertEquals(1, n, "expected one line starting with\n  " + prefix + "\nin\n  " + String.join("\n  ", e.problems()));
    }

    @Test
    void anInheritedEntrysToYearMayLieOutsideTheRunButMustNotPrecedeItsFromYear() throws IOException {
        Path parent = write("p4.yaml", RUN
                + "timeline:\n"
                + "  - {fromYear: 2030, toYear: 2035, decision: {stayBonus: 1.0}}\n");
        // a child with a shorter run: the inherited toYear beyond its end is not an error
        Path child = write("c4.yaml", "extends: p4.yaml\nrun: {endYear: 2032}\n");
        Scenario s = ScenarioLoader.load(child).scenario();
        assertYears(s, 2029, TimelineToYearTest::stayBonus, DEFAULT_STAY_BONUS, 1.0, 1.0, 1.0);
        Path bad = write("p5.yaml", RUN
                + "timeline:\n"
                + "  - {fromYear: 2030, toYear: 2029, decision: {stayBonus: 1.0}}\n");
        Path badChild = write("c5.yaml", "extends: p5.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(badChild));
        assertOne(e, bad + ": timeline[0].toYear: year 2029 is before fromYear 2030; allowed: a whole-number year "
                + "from fromYear (2030) on");
    }
}
