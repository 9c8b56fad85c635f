package kz.kosh.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioLoaderTest {
    /** decision.stayBonus of defaults.yaml (calibrated; the baseline does not set it). */
    static final double DEFAULT_STAY_BONUS = ScenarioLoader.load(java.nio.file.Path.of("scenarios/baseline.yaml")).scenario().decision().stayBonus();

    private static final Path BASELINE = Path.of("scenarios/baseline.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    /** The problems' lines that mention {@code fragment}. */
    private static List<String> linesWith(ScenarioException e, String fragment) {
        return e.problems().stream().filter(l -> l.contains(fragment)).collect(Collectors.toList());
    }

    @Test
    void baselineLoads() {
        Scenario s = ScenarioLoader.load(BASELINE).scenario();
        assertEquals("baseline", s.name());
        assertEquals(20, s.regions().size());
        assertEquals(14, s.destinations().size());
        assertEquals(2015, s.run().startYear());
        assertEquals(2045, s.run().endYear());
        assertEquals(31, s.run().recordedYears()); // 2045 - 2015 + 1
        // the history (scenarios/baseline.yaml): mobility 2011, relocation 2017, COVID 2020, 2022, Russia's mobility 2023 and 2024,
        // the relocation quota 2025 and 2026
        assertEquals(List.of(2011, 2017, 2020, 2022, 2023, 2024, 2025, 2026),
                s.timeline().stream().map(Scenario.TimedChange::fromYear).collect(Collectors.toList()));
        assertEquals(0.0, s.policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear(), 0.0);
        // the programmes' quotas of places: the village 2019 plan (T43) in every year, relocation 2025 (T55) and 2026 on (T56)
        assertEquals(7176, s.policy().get(kz.kosh.policy.RuralIncentive.class).placesPerYear(), 0.0);
        assertEquals(0, s.inForce(2024).policy().get(kz.kosh.policy.Relocation.class).placesPerYear(), 0.0);
        assertEquals(9653, s.inForce(2025).policy().get(kz.kosh.policy.Relocation.class).placesPerYear(), 0.0);
        assertEquals(8278, s.inForce(2045).policy().get(kz.kosh.policy.Relocation.class).placesPerYear(), 0.0);
        assertEquals(0.0021, s.inForce(2021).policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear(), 0.0);
        assertEquals(0.0077, s.inForce(2024).policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear(), 0.0);
        // COVID: study access x 0.8 (0.6 -> 0.48); no work-access cut (the fall of emigration comes with the family-emigration index)
        assertEquals(0.48, s.inForce(2020).destinations().get("US").studyAccess(), 0.0);
        assertEquals(0.27, s.inForce(2020).destinations().get("US").workAccess(), 0.0);
        assertEquals(0.45, s.inForce(2022).destinations().get("RU").safetyIndex(), 0.0);
        // a few defaults came through: defaults.yaml and the CSV tables
        assertEquals(DEFAULT_STAY_BONUS, s.decision().stayBonus(), 0.0);
        assertEquals(523210.0, s.regions().get("KZ-23").avgWageKztPerMonth(), 0.0);
        assertEquals(0.27, s.destinations().get("US").workAccess(), 0.0);
        // tables in file order
        assertEquals("KZ-10", s.regions().keySet().iterator().next());
        assertEquals("RU", s.destinations().keySet().iterator().next());
    }

    @Test
    void extendsOverridesOnlyTheNamedFields() throws IOException {
        Path f = write("richer-atyrau.yaml", "extends: " + BASELINE + "\n"
                + "regions:\n  KZ-23: {avgWageKztPerMonth: 700000}\n"
                + "policy:\n  bolashak: {penaltyMarkup: 0.2}\n");
        ScenarioLoader.Loaded base = ScenarioLoader.load(BASELINE);
        ScenarioLoader.Loaded over = ScenarioLoader.load(f);
        Scenario b = base.scenario();
        Scenario s = over.scenario();

        assertEquals("richer-atyrau", s.name()); // the file stem; baseline's name is not inherited
        assertEquals(700000.0, s.regions().get("KZ-23").avgWageKztPerMonth(), 0.0);
        assertEquals(0.2, s.policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup(), 0.0);

        // the resolved trees differ in exactly these three fields
        ObjectNode expected = base.tree();
        expected.put("name", "richer-atyrau");
        ((ObjectNode) expected.get("regions").get("KZ-23")).put("avgWageKztPerMonth", 700000);
        ((ObjectNode) expected.get("policy").get("bolashak")).put("penaltyMarkup", 0.2);
        assertEquals(expected, over.tree());

        // and in the bound objects: everything else equal
        assertEquals(b.run(), s.run());
        assertEquals(b.population(), s.population());
        assertEquals(b.humanCapital(), s.humanCapital());
        assertEquals(b.family(), s.family());
        assertEquals(b.kazakhstan(), s.kazakhstan());
        assertEquals(b.destinations(), s.destinations());
        assertEquals(b.study(), s.study());
        assertEquals(b.decision().stayBonus(), s.decision().stayBonus(), 0.0);
        assertArrayEquals(b.decision().incomeWeight(), s.decision().incomeWeight(), 0.0);
        for (String id : b.regions().keySet()) {
            if (!id.equals("KZ-23")) {
                assertEquals(b.regions().get(id), s.regions().get(id), id);
            }
        }
        RegionData r0 = b.regions().get("KZ-23");
        RegionData r1 = s.regions().get("KZ-23");
        assertEquals(new RegionData(r0.id(), r0.name(), r0.city(), r0.centreLat(), r0.centreLon(), r0.population(),
                700000, r0.unemploymentRatePct(), r0.costOfLivingIndex(), r0.universities(), r0.kazakhSharePct(), r0.russianSharePct(), r0.germanSharePct(),
                r0.careerIndex(), r0.ecologyIndex()), r1);
        assertEquals(b.policy().get(kz.kosh.policy.StateGrant.class), s.policy().get(kz.kosh.policy.StateGrant.class));
        assertEquals(b.policy().get(kz.kosh.policy.AcademicMobility.class), s.policy().get(kz.kosh.policy.AcademicMobility.class));
        assertEquals(b.policy().get(kz.kosh.policy.RuralIncentive.class), s.policy().get(kz.kosh.policy.RuralIncentive.class));
        assertEquals(b.policy().get(kz.kosh.policy.Relocation.class), s.policy().get(kz.kosh.policy.Relocation.class));
        kz.kosh.policy.Bolashak b0 = b.policy().get(kz.kosh.policy.Bolashak.class);
        assertEquals(new kz.kosh.policy.Bolashak(b0.enabled(), b0.awardsPerYear(), b0.phdShare(), b0.costKztMaster(),
                b0.costKztPhd(), 0.2, b0.enforcementProbability(), b0.obligationYearsCities(),
                b0.obligationYearsRegions(), b0.destinationShares(), b0.breachUtilityCost(), b0.tuitionOnlyShare(),
                b0.obligationYearsTuitionOnlyCities(), b0.obligationYearsTuitionOnlyRegions(), b0.tuitionOnlyCostShare()),
                s.policy().get(kz.kosh.policy.Bolashak.class));
    }

    @Test
    void relativeExtendsAndExplicitName() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        write("parent.yaml", "name: parent\ndecision: {stayBonus: 3.0}\n");
        Path child = sub.resolve("child.yaml");
        Files.writeString(child, "extends: ../parent.yaml\nname: my-child\npopulation: {femaleShare: 0.5}\n");
        Scenario s = ScenarioLoader.load(child).scenario();
        assertEquals("my-child", s.name());
        assertEquals(3.0, s.decision().stayBonus(), 0.0);   // from the parent
        assertEquals(0.5, s.population().femaleShare(), 0.0); // from the child
        assertEquals(0.1, s.population().parentsElsewhereShare(), 0.0); // default kept
    }

    /**
     * Session 6's new fields, each bad in one file: every problem is reported at once with the
     * field path and the allowed range; a whole number given as a fraction is refused, not truncated.
     */
    @Test
    void sessionSixFieldsReportTheirRanges() throws IOException {
        Path f = write("bad6.yaml", "extends: " + BASELINE + "\n"
                + "decision: {internalHomeReturnObstacleShare: 1.5, placeAttachmentHalfLifeYears: -2}\n"
                + "policy: {academicMobility: {partnerAtHostProbability: 1.7}}\n"
                + "study: {destinationConstants: {RU: x}}\n"
                + "economy: {destinationRealWageGrowthPerYear: -0.5, destinationRealWageGrowthPerYearAfterLastObserved: 9,\n"
                + "  familyEmigrationMeanOfLastObservedYears: 2.5, familyEmigrationReturnToMeanPerYear: 2}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        String file = f.toString();
        for (String expected : List.of(
                "decision.internalHomeReturnObstacleShare: value 1.5 is out of range; allowed [0, 1]",
                "decision.placeAttachmentHalfLifeYears: value -2 is out of range; allowed [0, 100]",
                "policy.academicMobility.partnerAtHostProbability: value 1.7 is out of range; allowed [0, 1]",
                "study.destinationConstants.RU: expected a number in [-30, 30]",
                "economy.destinationRealWageGrowthPerYear: value -0.5 is out of range; allowed [-0.2, 0.2]",
                "economy.destinationRealWageGrowthPerYearAfterLastObserved: value 9 is out of range; allowed [-0.2, 0.2]",
                "economy.familyEmigrationMeanOfLastObservedYears: expected a whole number in [1, 13], found",
                "economy.familyEmigrationReturnToMeanPerYear: value 2 is out of range; allowed [0, 1]")) {
            assertEquals(1, linesWith(e, expected).size(), expected + " in\n" + all);
            assertTrue(linesWith(e, expected).get(0).startsWith(file + ": "), all);
        }
        assertEquals(8, e.problems().size(), all);
    }

    @Test
    void malformedFileReportsEveryProblemAtOnce() throws IOException {
        Path f = write("bad.yaml", "extends: " + BASELINE + "\n"
                + "colour: blue\n"                                  // unknown top-level key
                + "decision:\n"
                + "  foo: 1\n"                                      // unknown nested key
                + "  stayBonus: high\n"                             // wrong type
                + "population:\n"
                + "  femaleShare: 1.5\n"                            // out of range
                + "regions:\n"
                + "  KZ-99: {population: 1}\n"                      // unknown region id
                + "policy:\n"
                + "  bolashak:\n"
                + "    destinationShares: {XX: 0.1, GB: 0.5}\n");  // unknown destination; sum 1.048
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String file = f.toString();
        String all = String.join("\n", e.problems());

        List<String> colour = linesWith(e, ": colour: ");
        assertEquals(1, colour.size(), all);
        assertTrue(colour.get(0).startsWith(file + ": colour: unknown field"), colour.get(0));
        assertTrue(colour.get(0).contains("decision") && colour.get(0).contains("policy"), "lists allowed keys");

        List<String> foo = linesWith(e, "decision.foo");
        assertEquals(1, foo.size(), all);
        assertTrue(foo.get(0).startsWith(file + ": decision.foo: unknown field"), foo.get(0));
        assertTrue(foo.get(0).contains("stayBonus"), "lists allowed fields: " + foo.get(0));

        List<String> stay = linesWith(e, "decision.stayBonus");
        assertEquals(1, stay.size(), all);
        assertTrue(stay.get(0).startsWith(file + ": decision.stayBonus: expected a number in [-50, 50]"), stay.get(0));
        assertTrue(stay.get(0).contains("'high'"), stay.get(0));

        List<String> female = linesWith(e, "population.femaleShare");
        assertEquals(1, female.size(), all);
        assertTrue(female.get(0).startsWith(file + ": population.femaleShare: value 1.5 is out of range; allowed [0, 1]"),
                female.get(0));

        List<String> region = linesWith(e, "KZ-99");
        assertEquals(1, region.size(), all);
        assertTrue(region.get(0).startsWith(file + ": regions.KZ-99: unknown id; allowed: ["), region.get(0));
        assertTrue(region.get(0).contains("KZ-75"), region.get(0));

        List<String> dest = linesWith(e, "destinationShares.XX");
        assertEquals(1, dest.size(), all);
        assertTrue(dest.get(0).startsWith(file + ": policy.bolashak.destinationShares.XX: unknown id; allowed: ["),
                dest.get(0));
        assertTrue(dest.get(0).contains("GB"), dest.get(0));

        // GB 0.452 -> 0.5: 1 + 0.048 = 1.048. The file that partly overrode the shares is named, not
        // "defaults (built in)": merge() records the file that touched a merged mapping (see
        // sharesNotSummingToOneNameTheFileThatChangedThem).
        List<String> sum = linesWith(e, "must sum to 1");
        assertEquals(1, sum.size(), all);
        assertTrue(sum.get(0).startsWith(file
                        + ": policy.bolashak.destinationShares: shares must sum to 1, they sum to 1.04"),
                sum.get(0));

        assertEquals(7, e.problems().size(), all);
        // the message carries them all
        for (String line : e.problems()) {
            assertTrue(e.getMessage().contains(line));
        }
    }

    /**
     * A cross-field problem on a mapping that a scenario file only partly overrides names that file,
     * not "defaults (built in)": ScenarioLoader.merge() records the file that touched a merged mapping,
     * so OriginProblems.fileOf("policy.bolashak.destinationShares") finds it. (Formerly a known bug.)
     */
    @Test
    void headlineNamesUpToFourIndicatorsAndEveryBadEntryIsReportedInOnePass() throws IOException {
        Path ok = write("led.yaml", "extends: " + BASELINE + "\n"
                + "headline: [graduates_abroad, fiscal_loss_kzt_bolashak, students_abroad@RU, retention_own_graduates@KZ-59]\n");
        assertEquals(List.of("graduates_abroad", "fiscal_loss_kzt_bolashak", "students_abroad@RU",
                "retention_own_graduates@KZ-59"), ScenarioLoader.load(ok).scenario().headline());
        assertEquals(List.of(), ScenarioLoader.load(BASELINE).scenario().headline());
        // inherited through extends, and kept in the resolved tree that a manifest reloads
        Path child = write("led-child.yaml", "extends: led.yaml\nname: led-child\n");
        assertEquals(4, ScenarioLoader.load(child).scenario().headline().size());
        assertTrue(ScenarioLoader.load(ok).toYaml().contains("headline:"));
        Path bad = write("badlead.yaml", "extends: " + BASELINE + "\n"
                + "headline: [graduate_abroad, retention_own_graduates, students_abroad@XX, 5, fiscal_loss_kzt_nobody]\n"
                + "population: {femaleShare: 2}\n"
                + "timeline:\n  - fromYear: 2030\n    headline: [returns]\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(bad));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains(bad + ": headline: 5 entries; allowed: at most 4"), all);
        assertTrue(all.contains("headline[0]: unknown indicator 'graduate_abroad' (did you mean graduates_abroad?); allowed: ["),
                all);
        assertTrue(all.contains("headline[1]: indicator 'retention_own_graduates' is not written for Kazakhstan as a whole; "
                + "name a place as retention_own_graduates@<place>; allowed places: [KZ-10,"), all);
        assertTrue(all.contains("headline[2]: indicator 'students_abroad' has no place 'XX'; allowed places: [KZ, RU,"), all);
        assertTrue(all.contains("headline[3]: expected an indicator name (name or name@place), found number 5"), all);
        assertTrue(all.contains("headline[4]: unknown indicator 'fiscal_loss_kzt_nobody'"), all);
        assertTrue(all.contains("population.femaleShare"), "the other fields' problems in the same pass: " + all);
        assertTrue(all.contains("timeline[0].headline: cannot change in a timeline entry"), all);
        for (String p : e.problems()) {
            assertFalse(p.contains("\n"), "one line each: " + p);
        }
    }

    @Test
    void sharesNotSummingToOneNameTheFileThatChangedThem() throws IOException {
        Path f = write("shares.yaml", "extends: " + BASELINE + "\n"
                + "policy:\n  bolashak:\n    destinationShares: {GB: 0.5}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        assertTrue(e.problems().get(0).startsWith(f + ": policy.bolashak.destinationShares: shares must sum to 1"),
                e.problems().get(0));
    }

    @Test
    void extendsCycleIsReported() throws IOException {
        Path a = write("a.yaml", "extends: b.yaml\n");
        Path b = write("b.yaml", "extends: a.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        String line = e.problems().get(0);
        assertTrue(line.contains("cycle"), line);
        assertTrue(line.contains(a.toString()) && line.contains(b.toString()), line);
    }

    @Test
    void selfExtendIsACycle() throws IOException {
        Path a = write("self.yaml", "extends: self.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertTrue(e.problems().get(0).contains("cycle"), e.problems().get(0));
    }

    @Test
    void missingExtendedFileIsReported() throws IOException {
        Path a = write("orphan.yaml", "extends: nowhere.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        String line = e.problems().get(0);
        // the scenario file and its extends: line come first, then what is wrong with the target
        assertTrue(line.startsWith(a + ": extends (line 1): 'nowhere.yaml' does not exist"), line);
        assertTrue(line.contains(dir.resolve("nowhere.yaml").toString()), line);
    }

    @Test
    void missingScenarioFileIsReported() {
        Path a = dir.resolve("absent.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertTrue(e.problems().get(0).startsWith(a + ": file not found"), e.problems().get(0));
    }

    @Test
    void invalidYamlNamesTheFile() throws IOException {
        Path f = write("broken.yaml", "decision:\n  stayBonus: [1, 2\n  foo: {\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertEquals(1, e.problems().size(), String.join("\n", e.problems()));
        assertTrue(e.problems().get(0).startsWith(f + ": not valid YAML"), e.problems().get(0));
    }

    @Test
    void invalidYamlInAnExtendedFileNamesThatFile() throws IOException {
        Path parent = write("broken-parent.yaml", "run: {startYear: 2015\n");
        Path child = write("child-of-broken.yaml", "extends: broken-parent.yaml\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child));
        assertTrue(e.problems().get(0).startsWith(parent + ": not valid YAML"), e.problems().get(0));
    }

    @Test
    void timelineChangesApplyFromTheirYear() throws IOException {
        Path f = write("us-closes.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    destinations: {US: {workAccess: 0}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        // the baseline's eight history entries, then this file's
        assertEquals(9, s.timeline().size());
        assertEquals(2030, s.timeline().get(8).fromYear());
        assertEquals(0.27, s.destinations().get("US").workAccess(), 0.0); // destinations.csv
        assertEquals(0.27, s.inForce(2015).destinations().get("US").workAccess(), 0.0);
        assertEquals(0.27, s.inForce(2029).destinations().get("US").workAccess(), 0.0);
        assertEquals(0.0, s.inForce(2030).destinations().get("US").workAccess(), 0.0);
        assertEquals(0.0, s.inForce(2045).destinations().get("US").workAccess(), 0.0);
        // nothing else changes
        Scenario before = s.inForce(2029);
        assertEquals(before.destinations().get("CA"), s.inForce(2030).destinations().get("CA"));
        assertEquals(before.regions(), s.inForce(2030).regions());
        assertEquals(before.policy(), s.inForce(2030).policy());
        assertEquals(s.run(), s.inForce(2030).run());
    }

    @Test
    void timelineEntriesAccumulate() throws IOException {
        Path f = write("two-steps.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2025\n"
                + "    policy: {bolashak: {penaltyMarkup: 0.5}}\n"
                + "  - fromYear: 2030\n"
                + "    decision: {stayBonus: 1.0}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(0.1, s.inForce(2024).policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup(), 0.0);
        assertEquals(0.5, s.inForce(2025).policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup(), 0.0);
        assertEquals(DEFAULT_STAY_BONUS, s.inForce(2029).decision().stayBonus(), 0.0);
        // the second entry builds on the first
        assertEquals(0.5, s.inForce(2030).policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup(), 0.0);
        assertEquals(1.0, s.inForce(2030).decision().stayBonus(), 0.0);
    }

    @Test
    void timelineMayNotChangeRun() throws IOException {
        Path f = write("bad-timeline.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    run: {endYear: 2050}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        List<String> lines = linesWith(e, "timeline[0].run");
        assertEquals(1, lines.size(), String.join("\n", e.problems()));
        assertTrue(lines.get(0).startsWith(f + ": timeline[0].run: cannot change"), lines.get(0));
    }

    @Test
    void timelineErrorsNameTheEntry() throws IOException {
        Path f = write("bad-timeline-2.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    decision: {stayBonus: 99}\n"
                + "  - fromYear: 2020\n"
                + "    decision: {stayBonus: 1}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        assertEquals(1, linesWith(e, "timeline[0].decision.stayBonus: value 99 is out of range").size(), all);
        assertEquals(1, linesWith(e, "timeline[1].fromYear").size(), all);
    }

    @Test
    void timelinesOfExtendedFilesCombineByYear() throws IOException {
        Path f = write("covid-longer.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 2022\n"
                + "    destinations: {US: {workAccess: 0.1}}\n"
                + "  - fromYear: 2030\n"
                + "    decision: {stayBonus: 1.0}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        assertEquals(List.of(2011, 2017, 2020, 2022, 2023, 2024, 2025, 2026, 2030),
                s.timeline().stream().map(Scenario.TimedChange::fromYear).collect(Collectors.toList()));
        // same year: the extending file's field wins, the baseline's other fields of that year stay
        assertEquals(0.1, s.inForce(2022).destinations().get("US").workAccess(), 0.0);
        assertEquals(0.45, s.inForce(2022).destinations().get("RU").safetyIndex(), 0.0);
        assertEquals(0.48, s.inForce(2021).destinations().get("US").studyAccess(), 0.0);
        assertEquals(1.0, s.inForce(2030).decision().stayBonus(), 0.0);
    }

    @Test
    void aFieldSetAtTheTopLevelHoldsAgainstTheExtendedHistory() throws IOException {
        Path f = write("us-closed.yaml", "extends: " + BASELINE + "\n"
                + "destinations: {US: {workAccess: 0}}\n"
                + "policy: {academicMobility: {participationRatePerStudentYear: 0.01}}\n"
                + "timeline:\n"
                + "  - fromYear: 2030\n"
                + "    policy: {academicMobility: {participationRatePerStudentYear: 0.02}}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        for (int y : new int[]{2015, 2020, 2022, 2029}) {
            assertEquals(0.0, s.inForce(y).destinations().get("US").workAccess(), 0.0, "year " + y);
            assertEquals(0.01, s.inForce(y).policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear(), 0.0);
        }
        // the baseline's history still changes the other fields, the file's own timeline its own
        assertEquals(0.48, s.inForce(2020).destinations().get("US").studyAccess(), 0.0);
        assertEquals(0.02, s.inForce(2030).policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear(), 0.0);
    }

    @Test
    void timelineYearsMustBeSimulatedAndEconomyIsFixed() throws IOException {
        Path f = write("bad-timeline-3.yaml", "extends: " + BASELINE + "\n"
                + "timeline:\n"
                + "  - fromYear: 1990\n"
                + "    decision: {stayBonus: 1.0}\n"
                + "  - fromYear: 2030\n"
                + "    economy: {destinationRealWageGrowthPerYear: 0.0}\n"
                + "  - fromYear: 2046\n"
                + "    decision: {stayBonus: 2.0}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        String all = String.join("\n", e.problems());
        assertEquals(1, linesWith(e, f + ": timeline[0].fromYear: year 1990 is outside the simulated years; allowed [1993").size(), all);
        assertEquals(1, linesWith(e, f + ": timeline[2].fromYear: year 2046 is outside").size(), all);
        assertEquals(1, linesWith(e, f + ": timeline[1].economy: cannot change").size(), all);
        assertEquals(3, e.problems().size(), all);
    }

    @Test
    void everyScenarioFileLoads() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("scenarios"), "*.yaml")) {
            ds.forEach(files::add);
        }
        assertTrue(!files.isEmpty(), "no scenarios found");
        for (Path p : files) {
            Scenario s = ScenarioLoader.load(p).scenario();
            assertEquals(20, s.regions().size(), p.toString());
            assertEquals(14, s.destinations().size(), p.toString());
        }
    }
}
