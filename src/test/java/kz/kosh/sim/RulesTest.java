package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.BonusProbe;
import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.decision.LocationUtility;
import kz.kosh.decision.PersonalBonuses;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact values of the per-agent bonus factors that Rules derives from the parameters. */
class RulesTest {
    @TempDir
    Path dir;

    private Rules rules(String body) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, body);
        Scenario s = ScenarioLoader.load(f).scenario();
        return new Rules(new World(s), s);
    }

    @Test
    void homeBonusHalvesEveryHalfLifeAbroad() throws IOException {
        Rules r = rules("decision: {homeRegionBonus: 2.0, homeTieHalfLifeYearsAbroad: 10, stayBonus: 2.5, homeRegionBonusSdAcrossAgents: 0}\n");
        // β_home·2^(−y/τ): 2.0 at 0 years, 1.0 at 10, 0.5 at 20, 2·2^(−0.5) at 5
        assertEquals(Math.exp(2.0), r.homeAfterYearsAbroad.get(0).factor(), 1e-12);
        assertEquals(Math.exp(1.0), r.homeAfterYearsAbroad.get(10).factor(), 1e-12);
        assertEquals(Math.exp(0.5), r.homeAfterYearsAbroad.get(20).factor(), 1e-12);
        assertEquals(Math.exp(2.0 * Math.pow(2, -0.5)), r.homeAfterYearsAbroad.get(5).factor(), 1e-12);
        // the end of the study visa takes the settled inertia off the place of study
        assertEquals(Math.exp(-2.5), r.studyVisaEnds.factor(), 1e-12);
    }

    @Test
    void perAgentTablesFollowTheFormulas() throws IOException {
        Rules r = rules("decision: {homeRegionBonus: 2.0, homeTieHalfLifeYearsAbroad: 10, stayBonus: 2.0, "
                + "homeRegionBonusSdAcrossAgents: 1.0, abroadAttachmentHalfLifeYears: 4, homeReturnObstacleShare: 0.25, "
                + "borderCrossingPenalty: 1.0, returnObstacleShare: 0.5, distancePenalty: 0.8}\n");
        int y = Rules.YEARS;
        // level 7 (z = 1.5341205) at 10 years abroad: (2 + 1.5341205)·0.5
        assertEquals(Math.exp((2.0 + 1.5341205443525459) * 0.5), r.homeAfterYearsAbroad.get(7 * y + 10).factor(), 1e-9);
        // level 0 (z = −1.5341205) at 0 years
        assertEquals(Math.exp(2.0 - 1.5341205443525459), r.homeAfterYearsAbroad.get(0).factor(), 1e-9);
        // the inertia not built after 4 years abroad: −2·2^(−1) = −1
        assertEquals(Math.exp(-1.0), r.attachmentDeficit.get(4).factor(), 1e-12);
        assertEquals(Math.exp(-2.0), r.attachmentDeficit.get(0).factor(), 1e-12);
        // a return from Russia to Almaty is spared (1 − 0.25)·(0.5·1.0 + 0.8·ln(1 + d/100))
        World w = r.world;
        int ru = w.indexOf("RU");
        int almaty = w.indexOf("KZ-75");
        double d = w.distanceKm(ru, almaty);
        assertEquals(Math.exp(0.75 * (0.5 + 0.8 * Math.log1p(d / 100))),
                r.homeReturn.get(ru * w.regionCount() + almaty).factor(), 1e-9);
        assertEquals(1.0, r.homeReturn.get(almaty * w.regionCount() + almaty).factor(), 0.0);
    }
    @Test
    void aPlaceLivedInIsSparedItsShareOfTheObstacles() throws IOException {
        Rules r = rules("decision: {exposureBonus: 1.0, exposureObstacleShare: 0.25, borderCrossingPenalty: 1.0, "
                + "distancePenalty: 0.8, languageDistancePenalty: 1.5}\n");
        World w = r.world;
        int n = w.placeCount();
        int de = w.indexOf("DE");
        int almaty = w.indexOf("KZ-75");
        double d = w.distanceKm(almaty, de);
        // β_exp + (1 − 0.25)·(1.0 + 0.8·ln(1 + d/100) + 1.5·(1 − λ_DE)), as a plain factor
        double bonus = 1.0 + 0.75 * (1.0 + 0.8 * Math.log1p(d / 100) + 1.5 * (1 - w.languageProximity(de)));
        assertEquals(Math.exp(bonus), r.exposure.get(almaty * n + de).factor(), 1e-9);
        // living at the familiar place: the bonus only
        assertEquals(Math.exp(1.0), r.exposure.get(de * n + de).factor(), 1e-12);
    }

    /**
     * The bonuses one agent gets, place by place (as exp(b/λ) in the nest of the place): home
     * Almaty (level 7, after 4 years abroad, plus the return relief while abroad), parents in
     * Astana, a partner in Kazakhstan's Turkistan, the attachment deficit at its place abroad
     * (settled only) and the familiar-place bonus at Germany, seen from where it lives.
     */
    @Test
    void aVillageRecipientWhoLeavesThePostWithinTheRegionBreaksTheCommitment() throws IOException {
        // rate 0.5: a draw of 0.3 leaves the post (breach, repayment 2,393,200 KZT enforced at a draw
        // of 0.3 < 0.7), a draw of 0.6 does not; rate 0 draws nothing; an agent without the commitment draws nothing
        String body = "policy: {ruralIncentive: {commitmentYears: 3, enforcementProbability: 0.7, "
                + "lumpSumKzt: 393200, housingSubsidyKzt: 2000000, postExitRatePerYear: %s}}\n";
        Rules r = rules(String.format(body, "0.5"));
        int kostanay = r.world.indexOf("KZ-39");
        Population pop = new Population();
        int i = pop.addStudent(kostanay, kostanay, kostanay, 24, true, Population.BACHELOR, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(i, Population.STUDENT, false);
        pop.setObligationType(i, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT);
        pop.setObligationPct(i, 100);
        int[] draws = {0};
        YearCounters c = new YearCounters(r.world.regionCount(), r.world.placeCount());
        r.obligationBreakYear(pop, i, fixed(0.6, draws), c);
        assertEquals(100, pop.obligationPct(i), "a draw of 0.6 keeps the post");
        assertEquals(0, c.breaches(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT));
        r.obligationBreakYear(pop, i, fixed(0.3, draws), c);
        assertEquals(0, pop.obligationPct(i));
        assertEquals(kz.kosh.scenario.Statuses.NONE, pop.obligationType(i));
        assertEquals(1, c.breaches(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT));
        assertEquals(2_393_200, c.repaymentsKzt(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT));
        int before = draws[0];
        r.obligationBreakYear(pop, i, fixed(0.3, draws), c);
        assertEquals(before, draws[0], "no commitment: no draw");
        Rules zero = rules(String.format(body, "0.0"));
        pop.setObligationType(i, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT);
        pop.setObligationPct(i, 100);
        zero.obligationBreakYear(pop, i, fixed(0.0, draws), c);
        assertEquals(before, draws[0], "rate 0: no draw");
        assertEquals(100, pop.obligationPct(i));
    }

    /** A generator whose nextDouble is always {@code u}, counting its draws. */
    private static java.util.random.RandomGenerator fixed(double u, int[] draws) {
        return new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                draws[0]++;
                return u;
            }
        };
    }

    @Test
    void anAgentsBonusesPlaceByPlace() throws IOException {
        Rules r = rules("decision: {homeRegionBonus: 2.0, homeTieHalfLifeYearsAbroad: 8, stayBonus: 2.0, "
                + "homeRegionBonusSdAcrossAgents: 1.0, abroadAttachmentHalfLifeYears: 4, homeReturnObstacleShare: 0.25, "
                + "borderCrossingPenalty: 1.0, returnObstacleShare: 0.5, distancePenalty: 0.8, exposureBonus: 1.0, "
                + "exposureObstacleShare: 0.5, languageDistancePenalty: 1.5, parentsRegionBonus: 0.7, "
                + "partnerBonusMale: 0.3, partnerBonusFemale: 0.9, domesticNestScale: 0.8, abroadNestScale: 0.5}\n");
        World w = r.world;
        double lD = 0.8;
        double lA = 0.5;
        int almaty = w.indexOf("KZ-75");
        int astana = w.indexOf("KZ-71");
        int turkistan = w.indexOf("KZ-61");
        int de = w.indexOf("DE");
        int gb = w.indexOf("GB");
        Population pop = new Population();
        int i = pop.addStudent(almaty, astana, gb, 30, true, Population.MASTER, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(i, Population.STUDENT, false);
        pop.set(i, Population.EVER_ABROAD, true);
        pop.setYearsAbroad(i, 4);
        pop.setHomeAttachmentLevel(i, 7);
        pop.setPartner(i, turkistan);
        pop.setExposure(i, de);
        Bonuses b = new Bonuses();
        r.bonuses(pop, i, b);
        // home: (2 + 1.5341205·1)·2^(−4/8) plus the relief (1 − 0.25)·(0.5·1.0 + 0.8·ln(1 + d/100)) from GB
        double home = (2.0 + 1.5341205443525459) * Math.pow(2, -0.5);
        double relief = 0.75 * (0.5 + 0.8 * Math.log1p(w.distanceKm(gb, almaty) / 100));
        assertEquals(Math.exp((home + relief) / lD), BonusProbe.domesticFactor(b, almaty), 1e-9);
        assertEquals(Math.exp(0.7 / lD), BonusProbe.domesticFactor(b, astana), 1e-12);
        assertEquals(Math.exp(0.9 / lD), BonusProbe.domesticFactor(b, turkistan), 1e-12, "a woman's partner bonus");
        // at GB, where it lives: the inertia not yet built after 4 years, −2·2^(−1)
        assertEquals(Math.exp(-1.0 / lA), BonusProbe.abroadFactor(b, gb), 1e-12);
        // Germany seen from GB: β_exp + (1 − 0.5)·(1.0 + 0.8·ln(1 + d/100) + 1.5·(1 − λ_DE))
        double exposure = 1.0 + 0.5 * (1.0 + 0.8 * Math.log1p(w.distanceKm(gb, de) / 100)
                + 1.5 * (1 - w.languageProximity(de)));
        assertEquals(Math.exp(exposure / lA), BonusProbe.abroadFactor(b, de), 1e-9);

        // at the first job after a foreign degree (not settled): no attachment deficit at GB
        r.bonuses(pop, i, b, false);
        assertEquals(1.0, BonusProbe.abroadFactor(b, gb), 0.0);
        assertEquals(Math.exp((home + relief) / lD), BonusProbe.domesticFactor(b, almaty), 1e-9);

        // a man back in Almaty who once lived abroad 4 years: home bonus after those years, no relief;
        // the partner bonus of a man; Germany seen from Almaty
        pop.set(i, Population.FEMALE, false);
        pop.setLocation(i, almaty);
        r.bonuses(pop, i, b);
        assertEquals(Math.exp(home / lD), BonusProbe.domesticFactor(b, almaty), 1e-9);
        assertEquals(Math.exp(0.3 / lD), BonusProbe.domesticFactor(b, turkistan), 1e-12);
        double exposureFromAlmaty = 1.0 + 0.5 * (1.0 + 0.8 * Math.log1p(w.distanceKm(almaty, de) / 100)
                + 1.5 * (1 - w.languageProximity(de)));
        assertEquals(Math.exp(exposureFromAlmaty / lA), BonusProbe.abroadFactor(b, de), 1e-9);
        // never abroad: the years abroad are not read (the bonus of 0 years)
        pop.set(i, Population.EVER_ABROAD, false);
        r.bonuses(pop, i, b);
        assertEquals(Math.exp((2.0 + 1.5341205443525459) / lD), BonusProbe.domesticFactor(b, almaty), 1e-9);
    }

    @Test
    void theRelocationSubsidyIsTakenOffAMoveHome() throws IOException {
        Rules r = rules("decision: {oneTimeMoneyWeight: 1.5, domesticNestScale: 0.8}\n"
                + "policy: {relocation: {enabled: true, subsidyKzt: 1000000, fromRegions: [KZ-61], toRegions: [KZ-39]}}\n");
        World w = r.world;
        LocationUtility u = new LocationUtility(w, r.p);
        r.withholdHomeMoney(u);
        int turkistan = w.indexOf("KZ-61");
        int kostanay = w.indexOf("KZ-39");
        int almaty = w.indexOf("KZ-75");
        Population pop = new Population();
        // home Kostanay, living in Turkistan at 24 (band 1): its move home is not a relocation
        int i = pop.addStudent(kostanay, turkistan, turkistan, 24, true, Population.BACHELOR, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(i, Population.STUDENT, false);
        pop.setHomeAttachmentLevel(i, Population.HOME_ATTACHMENT_LEVELS / 2);
        Bonuses b = new Bonuses();
        r.bonuses(pop, i, b);
        double withheld = u.unpaidHomeMoneyUtility(1, turkistan, kostanay);
        assertTrue(withheld > 0.1, "1 M KZT weighs at β_cash 1.5: " + withheld);
        double homeBonus = PersonalBonuses.homeBonus(r.p.decision(), Population.HOME_ATTACHMENT_LEVELS / 2,
                Population.HOME_ATTACHMENT_LEVELS, 0) + PersonalBonuses.homeReturnRelief(w, r.p.decision(), turkistan, kostanay);
        assertEquals(Math.exp((homeBonus - withheld) / 0.8), BonusProbe.domesticFactor(b, kostanay), 1e-9);
        // a graduate of Almaty in Turkistan keeps the subsidy of a move to Kostanay (no bonus there)
        int k = pop.addStudent(almaty, turkistan, turkistan, 24, true, Population.BACHELOR, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(k, Population.STUDENT, false);
        r.bonuses(pop, k, b);
        assertEquals(1.0, BonusProbe.domesticFactor(b, kostanay), 0.0);
    }

    @Test
    void kinStateNetworkBonusesByEthnicity() throws IOException {
        Rules r = rules("decision: {russianNetworkBonus: 1.2, germanNetworkBonus: 0.7, abroadNestScale: 0.5, "
                + "parentsRegionBonus: 0.0, homeRegionBonus: 0.0, homeRegionBonusSdAcrossAgents: 0.0}\n");
        World w = r.world;
        int almaty = w.indexOf("KZ-75");
        int ru = w.russia();
        int de = w.germany();
        Population pop = new Population();
        int i = pop.addStudent(almaty, almaty, almaty, 25, false, Population.BACHELOR, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(i, Population.STUDENT, false);
        pop.setHomeAttachmentLevel(i, 5);
        kz.kosh.decision.Bonuses b = new kz.kosh.decision.Bonuses();
        // a Kazakh (the code 0 of a new agent): no kin-state bonus anywhere
        r.bonuses(pop, i, b);
        assertEquals(1.0, BonusProbe.abroadFactor(b, ru), 0.0);
        assertEquals(1.0, BonusProbe.abroadFactor(b, de), 0.0);
        // a Russian: exp(1.2/λ_A) at Russia, nothing at Germany; the other traits kept
        pop.setEthnicity(i, kz.kosh.world.Ethnicity.RUSSIAN);
        assertEquals(5, pop.homeAttachmentLevel(i));
        r.bonuses(pop, i, b);
        assertEquals(Math.exp(1.2 / 0.5), BonusProbe.abroadFactor(b, ru), 1e-12);
        assertEquals(1.0, BonusProbe.abroadFactor(b, de), 0.0);
        // a German: exp(0.7/λ_A) at Germany; living there, the plain factor exp(0.7) holds
        pop.setEthnicity(i, kz.kosh.world.Ethnicity.GERMAN);
        assertEquals(kz.kosh.world.Ethnicity.GERMAN, pop.ethnicity(i));
        r.bonuses(pop, i, b);
        assertEquals(Math.exp(0.7 / 0.5), BonusProbe.abroadFactor(b, de), 1e-12);
        assertEquals(1.0, BonusProbe.abroadFactor(b, ru), 0.0);
        // other: none
        pop.setEthnicity(i, kz.kosh.world.Ethnicity.OTHER);
        r.bonuses(pop, i, b);
        assertEquals(1.0, BonusProbe.abroadFactor(b, ru), 0.0);
        assertEquals(1.0, BonusProbe.abroadFactor(b, de), 0.0);
        assertEquals(5, pop.homeAttachmentLevel(i));
    }

    /**
     * The family-emigration term, by destination: a graduate living in Kazakhstan gets F_O(t)^ω on the
     * foreign nest whatever the ethnicity, a graduate abroad none; Russia's own index enters V_RU in
     * the tables as ω·ln(F_RU/F_O). 2019: F_O = 5,425 / 4,310.16 = 1.2587 (the emigrants to countries
     * other than Russia over their 2013-2024 mean), F_RU = 39,800 / 25,474.18 = 1.5624; with ω = 0.5
     * the foreign nest gets F_O^0.5 and V_RU 0.5·ln(1.5624 / 1.2587) = 0.10806 more than at ω = 0, for
     * a graduate in Almaty, not for one in Germany; Germany's V is unchanged. The tables' own world
     * (year 0) has F = 1.
     */
    @Test
    void familyEmigrationFactorOfGraduatesLivingInKazakhstan() throws IOException {
        Path f = dir.resolve("fam.yaml");
        Files.writeString(f, "decision: {familyEmigrationElasticity: 0.5}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        World w = new World(s, 2019);
        Rules r = new Rules(w, s);
        int almaty = w.indexOf("KZ-75");
        Population pop = new Population();
        int i = pop.addStudent(almaty, almaty, almaty, 25, false, Population.BACHELOR, Population.SELF_PAID, 0,
                kz.kosh.scenario.Statuses.NONE);
        pop.set(i, Population.STUDENT, false);
        kz.kosh.decision.Bonuses b = new kz.kosh.decision.Bonuses();
        double fRu = kz.kosh.world.FamilyEmigration.builtIn().index(true, 2019);
        double fO = kz.kosh.world.FamilyEmigration.builtIn().index(false, 2019);
        assertEquals(1.5624, fRu, 1e-4);
        assertEquals(1.2587, fO, 1e-4);
        for (int e : new int[] {kz.kosh.world.Ethnicity.RUSSIAN, kz.kosh.world.Ethnicity.KAZAKH,
                kz.kosh.world.Ethnicity.GERMAN, kz.kosh.world.Ethnicity.OTHER}) {
            pop.setEthnicity(i, e);
            r.bonuses(pop, i, b);
            assertEquals(Math.sqrt(fO), kz.kosh.decision.BonusProbe.everyForeignPlaceFactor(b), 1e-12);
        }
        // Russia's own index in the tables: V_RU rises by ω·ln(F_RU/F_O) for a graduate living in Kazakhstan
        Path f0 = dir.resolve("fam0.yaml");
        Files.writeString(f0, "decision: {familyEmigrationElasticity: 0.0}\n");
        Scenario s0 = ScenarioLoader.load(f0).scenario();
        kz.kosh.decision.LocationUtility u = new kz.kosh.decision.LocationUtility(w, s);
        kz.kosh.decision.LocationUtility u0 = new kz.kosh.decision.LocationUtility(new World(s0, 2019), s0);
        int ru = w.russia();
        int de = w.indexOf("DE");
        double[] diaspora = new double[w.placeCount()];
        assertEquals(0.5 * Math.log(1.5624 / 1.2587), u.utility(1, 1.0, almaty, ru, 0, false, diaspora)
                - u0.utility(1, 1.0, almaty, ru, 0, false, diaspora), 1e-4);
        assertEquals(0.0, u.utility(1, 1.0, almaty, de, 0, false, diaspora)
                - u0.utility(1, 1.0, almaty, de, 0, false, diaspora), 1e-12);
        assertEquals(0.0, u.utility(1, 1.0, de, ru, 0, false, diaspora)
                - u0.utility(1, 1.0, de, ru, 0, false, diaspora), 1e-12);
        // abroad: none (the term is about leaving Kazakhstan)
        pop.setLocation(i, w.russia());
        r.bonuses(pop, i, b);
        assertEquals(1.0, kz.kosh.decision.BonusProbe.everyForeignPlaceFactor(b), 0.0);
        // the tables' own world: F = 1, no term whatever ω
        Rules r0 = new Rules(new World(s), s);
        pop.setLocation(i, almaty);
        r0.bonuses(pop, i, b);
        assertEquals(1.0, kz.kosh.decision.BonusProbe.everyForeignPlaceFactor(b), 0.0);
        assertEquals(0.0, kz.kosh.decision.LocationUtility.familyTerm(1.0, 1.0, 1.7), 0.0);
    }

    /** Russia's family term ω·ln(F_RU/F_O): hand values, 0 at ω = 0 or equal indices. */
    @Test
    void russiasFamilyTermIsTheLogRatioOfTheIndicesTimesTheElasticity() {
        assertEquals(Math.log(2.0), kz.kosh.decision.LocationUtility.familyTerm(1.0, 0.5, 1.0), 1e-15);
        assertEquals(-1.5 * Math.log(0.3454 / 0.9123), kz.kosh.decision.LocationUtility.familyTerm(0.9123, 0.3454, 1.5), 1e-12);
        assertEquals(0.0, kz.kosh.decision.LocationUtility.familyTerm(0.35, 0.91, 0.0), 0.0);
        assertEquals(0.0, kz.kosh.decision.LocationUtility.familyTerm(0.91, 0.91, 1.6), 0.0);
    }

    /** F^ω: hand values, 1 at ω = 0 or F = 1, rising in ω when F &gt; 1 and falling when F &lt; 1. */
    @Test
    void familyEmigrationFactorIsTheIndexToThePowerOfTheElasticity() {
        assertEquals(2.0, Rules.familyEmigrationFactor(2.0, 1.0), 0.0);
        assertEquals(Math.sqrt(2.0), Rules.familyEmigrationFactor(2.0, 0.5), 1e-15);
        assertEquals(0.25, Rules.familyEmigrationFactor(0.5, 2.0), 1e-15);
        assertEquals(1.0, Rules.familyEmigrationFactor(0.38, 0.0), 0.0);
        assertEquals(1.0, Rules.familyEmigrationFactor(1.0, 1.7), 0.0);
        double up = 1.0;
        double down = 1.0;
        for (double w = 0.25; w <= 2.0; w += 0.25) {
            double u = Rules.familyEmigrationFactor(1.57, w);
            double d = Rules.familyEmigrationFactor(0.38, w);
            assertTrue(u > up && d < down, "monotone in the elasticity at " + w);
            up = u;
            down = d;
        }
    }

    @Test
    void ethnicityIsDrawnFromTheRegionsComposition() throws IOException {
        World w = rules("regions: {KZ-39: {kazakhSharePct: 40.27, russianSharePct: 41.28, germanSharePct: 3.14}}\n").world;
        int kostanay = w.indexOf("KZ-39");
        // Kostanay: Kazakh 40.27%, Russian 41.28%, German 3.14%, other 15.31%
        assertEquals(kz.kosh.world.Ethnicity.KAZAKH, w.drawEthnicity(kostanay, 0.0));
        assertEquals(kz.kosh.world.Ethnicity.KAZAKH, w.drawEthnicity(kostanay, 0.4026));
        assertEquals(kz.kosh.world.Ethnicity.RUSSIAN, w.drawEthnicity(kostanay, 0.4028));
        assertEquals(kz.kosh.world.Ethnicity.RUSSIAN, w.drawEthnicity(kostanay, 0.8154));
        assertEquals(kz.kosh.world.Ethnicity.GERMAN, w.drawEthnicity(kostanay, 0.8156));
        assertEquals(kz.kosh.world.Ethnicity.OTHER, w.drawEthnicity(kostanay, 0.8470));
        assertEquals(kz.kosh.world.Ethnicity.OTHER, w.drawEthnicity(kostanay, 0.999999));
        assertEquals(0.1531, w.ethnicShare(kostanay, kz.kosh.world.Ethnicity.OTHER), 1e-12);
        assertEquals(w.russia(), w.kinState(kz.kosh.world.Ethnicity.RUSSIAN));
        assertEquals(w.germany(), w.kinState(kz.kosh.world.Ethnicity.GERMAN));
        assertEquals(-1, w.kinState(kz.kosh.world.Ethnicity.KAZAKH));
    }
}
