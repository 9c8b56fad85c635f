package kz.kosh.world;

import kz.kosh.policy.VisaRoutes;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact world values after the world-adjusting policy modules (policy.visaRoutes,
 * policy.regionalShocks, policy.regionalDevelopment): each rule against the same world without it.
 */
class WorldPolicyModulesTest {
    private static final int YEAR = 2024;

    @TempDir
    Path dir;

    private Scenario load(String body) throws IOException {
        return WorldScenarios.load(dir, body);
    }

    private static int at(World w, String id) {
        int i = w.indexOf(id);
        assertTrue(i >= 0, id);
        return i;
    }

    @Test
    void defaultsChangeNothing() throws IOException {
        World base = new World(load("description: base\n"), YEAR);
        Scenario s = load("policy: {visaRoutes: {}, regionalShocks: {regions: [], wageFactor: 1.0}}\n");
        World w = new World(s, YEAR, new Demand(new long[base.placeCount()], new double[base.placeCount()],
                new long[base.placeCount()]));
        assertTrue(w.sameYearlyInputs(base));
        for (int j = 0; j < w.placeCount(); j++) {
            assertEquals(base.livingStandardIndex(j), w.livingStandardIndex(j));
            assertEquals(base.careerIndex(j), w.careerIndex(j));
            assertEquals(base.ecologyIndex(j), w.ecologyIndex(j));
            assertFalse(w.graduateCitizenship(j));
        }
    }

    @Test
    void shockMultipliesWagesAndAddsUnemploymentPointsClamped() throws IOException {
        World base = new World(load("description: base\n"), YEAR);
        World w = new World(load("policy: {regionalShocks: {regions: [KZ-23, KZ-47], wageFactor: 0.8, "
                + "unemploymentChangePercentagePoints: 3}}\n"), YEAR);
        for (String id : List.of("KZ-23", "KZ-47")) {
            int r = at(w, id);
            assertEquals(base.wageKztPerMonth(r) * 0.8, w.wageKztPerMonth(r), 1e-9);
            double u = 1 - base.employmentProbability(r);
            assertEquals(u + 0.03, 1 - w.employmentProbability(r), 1e-12);
        }
        int other = at(w, "KZ-75");
        assertEquals(base.wageKztPerMonth(other), w.wageKztPerMonth(other));
        assertEquals(base.employmentProbability(other), w.employmentProbability(other));
        // clamped to [0, 0.95]
        World high = new World(load("policy: {regionalShocks: {regions: [KZ-23], unemploymentChangePercentagePoints: 100}}\n"), YEAR);
        assertEquals(0.05, high.employmentProbability(at(high, "KZ-23")), 1e-12);
        World low = new World(load("policy: {regionalShocks: {regions: [KZ-23], unemploymentChangePercentagePoints: -100}}\n"), YEAR);
        assertEquals(1.0, low.employmentProbability(at(low, "KZ-23")), 1e-12);
    }

    @Test
    void developmentAddsToTheRegionsIndicesClampedToTheUnitInterval() throws IOException {
        World base = new World(load("description: base\n"), YEAR);
        World w = new World(load("policy: {regionalDevelopment: {regions: [KZ-59, KZ-35], livingStandardIndexChange: 0.1, "
                + "careerIndexChange: -0.2, ecologyIndexChange: 0.9}}\n"), YEAR);
        for (String id : List.of("KZ-59", "KZ-35")) {
            int r = at(w, id);
            assertEquals(Math.min(1, base.livingStandardIndex(r) + 0.1), w.livingStandardIndex(r), 1e-12);
            assertEquals(Math.max(0, base.careerIndex(r) - 0.2), w.careerIndex(r), 1e-12);
            assertEquals(Math.min(1, base.ecologyIndex(r) + 0.9), w.ecologyIndex(r), 1e-12);
        }
        // North Kazakhstan ecology 0.75 + 0.9 is clamped to 1; Karaganda 0.35 + 0.9 too
        assertEquals(1.0, w.ecologyIndex(at(w, "KZ-59")));
        int other = at(w, "KZ-75");
        assertEquals(base.careerIndex(other), w.careerIndex(other));
        // foreign places keep the regions' unadjusted mean ecology
        assertEquals(base.ecologyIndex(at(w, "DE")), w.ecologyIndex(at(w, "DE")));
    }

    @Test
    void closedOpenAndLotteryRoutesSetAccess() throws IOException {
        World base = new World(load("description: base\n"), YEAR);
        World w = new World(load("policy: {visaRoutes: {RU: {study: closed, work: closed}, DE: {study: open, work: open, "
                + "postStudyWorkYears: 1.5}, US: {work: lottery, workLotteryOdds: 0.25}, GB: {postStudyWorkYears: 0}, "
                + "KG: {graduateCitizenship: true}}}\n"), YEAR);
        int ru = at(w, "RU");
        int de = at(w, "DE");
        int us = at(w, "US");
        int gb = at(w, "GB");
        assertEquals(0.0, w.studyAccess(ru));
        assertEquals(0.0, w.workAccess(ru));
        assertEquals(1.0, w.studyAccess(de));
        assertEquals(1.0, w.workAccess(de));
        assertEquals(1.5, w.postStudyWorkYears(de));
        assertEquals(0.25, w.workAccess(us));
        assertEquals(base.studyAccess(us), w.studyAccess(us));       // unset field: table value
        assertEquals(base.postStudyWorkYears(us), w.postStudyWorkYears(us));
        assertEquals(0.0, w.postStudyWorkYears(gb));
        assertEquals(base.workAccess(gb), w.workAccess(gb));
        assertTrue(w.graduateCitizenship(at(w, "KG")));
        assertFalse(w.graduateCitizenship(ru));
        int tr = at(w, "TR");                                          // not listed: table values
        assertEquals(base.studyAccess(tr), w.studyAccess(tr));
        assertEquals(base.workAccess(tr), w.workAccess(tr));
        assertEquals(base.postStudyWorkYears(tr), w.postStudyWorkYears(tr));
    }

    @Test
    void quotaAndCapFollowLastYearsDemand() throws IOException {
        // exact rules: quota access = min(1, Q / (E / s')), cap probability = min(1, C / A)
        assertEquals(0.25, VisaRoutes.quotaAccess(100, 400, 1.0), 1e-12);
        assertEquals(0.125, VisaRoutes.quotaAccess(100, 400, 0.5), 1e-12);   // demand at full access 800
        assertEquals(1.0, VisaRoutes.quotaAccess(100, 50, 1.0));
        assertEquals(1.0, VisaRoutes.quotaAccess(100, 0, 1.0));              // nobody came: not binding
        assertEquals(0.0, VisaRoutes.quotaAccess(0, 400, 1.0));
        assertEquals(0.2, VisaRoutes.capAccess(50, 250), 1e-12);
        assertEquals(1.0, VisaRoutes.capAccess(50, 10));
        assertEquals(1.0, VisaRoutes.capAccess(50, 0));
        assertEquals(0.0, VisaRoutes.capAccess(0, 10));

        // in a world: quota 2000 persons and cap 1000 persons at scale 0.1 = 200 and 100 agents
        Scenario s = load("run: {scale: 0.1}\npolicy: {visaRoutes: {RU: {study: quota, studyQuotaPerYear: 2000}, "
                + "US: {work: cap, workCapPerYear: 1000}}}\n");
        World w0 = new World(s, YEAR);
        int n = w0.placeCount();
        int ru = at(w0, "RU");
        int us = at(w0, "US");
        assertEquals(1.0, w0.studyAccess(ru));                  // demand unknown: not binding
        assertEquals(1.0, w0.workAccess(us));
        long[] entrants = new long[n];
        double[] access = new double[n];
        long[] applications = new long[n];
        entrants[ru] = 500;
        access[ru] = 0.8;
        applications[us] = 400;
        World w = new World(s, YEAR, new Demand(entrants, access, applications));
        assertEquals(200 / (500 / 0.8), w.studyAccess(ru), 1e-12);
        assertEquals(100.0 / 400, w.workAccess(us), 1e-12);
        assertFalse(w.sameYearlyInputs(w0));
    }

    @Test
    void routesAreValidated() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(
                "policy: {visaRoutes: {XX: {study: open}, US: {study: quota, work: lottery, workCapPerYear: 5}, GB: {study: maybe}},\n"
                        + "  regionalShocks: {wageFactor: 0.8}}\n"));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("policy.visaRoutes.XX: unknown id", "policy.visaRoutes.US.studyQuotaPerYear: required",
                "policy.visaRoutes.US.workCapPerYear: only with work: cap", "policy.visaRoutes.US.workLotteryOdds: required",
                "policy.visaRoutes.GB.study: expected one of [open, quota, closed]",
                "policy.regionalShocks.wageFactor: acts only on listed regions")) {
            assertTrue(all.contains(expected), expected + " not in:\n" + all);
        }
    }
}
