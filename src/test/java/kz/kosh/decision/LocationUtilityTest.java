package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks LocationUtility against hand computations of the formula in its Javadoc. Inputs are
 * hard-coded from the reference scenario src/test/resources/kz/kosh/reference.yaml, which pins
 * them explicitly (the rows of data/*.csv and the pre-calibration defaults), so that a
 * recalibration of defaults.yaml does not change the expected values here.
 */
class LocationUtilityTest {
    // reference.yaml (regions.csv): KZ-75 Almaty 43.24,76.89 wage 354860 unemployment 5.0% col 1.900 ecology 0.35 career 1.00
    //              KZ-71 Astana 51.17,71.45 wage 406920 unemployment 4.6% col 2.400 ecology 0.55 career 1.00
    // reference.yaml (destinations.csv): RU Moscow 55.76,37.62 wage 413258 employment 0.85 language 0.9 diaspora 2560
    //              livingStandard 0.82 safety 0.45 corruption 0.74 career 0.7
    // reference.yaml: r 0.05, theta 0.3, retirement 63, m_fixed 200000, m_km 100, m_intl 1000000,
    //              floor 1e6, incomeWeight[1] 2.0, livingStandardWeight[1] 2.0, careerWeight[1] 1.0,
    //              safety 0.5, corruption 1.0, ecology 0.5, network 0.15, stay 2.5, border 2.0,
    //              language 1.5, distancePenalty 0.5, policy.bolashak.breachUtilityCost 3.0; kazakhstan livingStandard 0.80 safety 0.65 corruption 0.61
    private static Scenario scenario;
    private static World world;
    private static LocationUtility u;
    private static int almaty;
    private static int astana;
    private static int russia;

    /**
     * Built before each test, not once: PIT links a mutant only to the tests that ran its code, and
     * code run in a @BeforeAll is linked to none of them (the hand-computed values below would not
     * count against a broken formula).
     */
    @BeforeEach
    void load() {
        scenario = TestScenarios.reference();
        world = new World(scenario);
        u = new LocationUtility(world, scenario);
        almaty = world.indexOf("KZ-75");
        astana = world.indexOf("KZ-71");
        russia = world.indexOf("RU");
    }

    @Test
    void theMoneyTermsOfAStatusNotInForceAreTheSameWhenFilledAtFirstUse() {
        // the constructor fills the money terms of the statuses in force only; any other status is
        // filled when first asked for, and must give exactly what filling every status at once gives
        Scenario s = TestScenarios.referenceWith("decision: {oneTimeMoneyWeight: 1.5}\n"
                + "policy: {relocation: {subsidyKzt: 2000000}}\n");
        World w = new World(s);
        int types = kz.kosh.scenario.Statuses.count();
        boolean[] all = new boolean[types];
        java.util.Arrays.fill(all, true);
        boolean[] noneOnly = new boolean[types];
        noneOnly[kz.kosh.scenario.Statuses.NONE] = true;
        LocationUtility eager = new LocationUtility(w, s, null, all);
        LocationUtility lazy = new LocationUtility(w, s, null, noneOnly);
        int differing = 0;
        for (int o = types - 1; o >= 0; o--) {
            for (int c = 0; c < w.placeCount(); c++) {
                for (int j = 0; j < w.placeCount(); j++) {
                    for (boolean e : new boolean[] {false, true}) {
                        String what = "status " + o + " " + w.id(c) + "->" + w.id(j) + " eligible " + e;
                        assertEquals(eager.npvKzt(1, 1.0, c, j, o, e), lazy.npvKzt(1, 1.0, c, j, o, e), 0.0, what);
                        assertEquals(eager.utility(2, 1.3, c, j, o, e, 0.4), lazy.utility(2, 1.3, c, j, o, e, 0.4), 0.0, what);
                        if (eager.npvKzt(1, 1.0, c, j, o, e) != eager.npvKzt(1, 1.0, c, j, kz.kosh.scenario.Statuses.NONE, e)) {
                            differing++;
                        }
                    }
                }
            }
        }
        // the statuses' own terms (penalties of breaches, programme money) are there, not zeros
        assertTrue(differing > 1000, "cells whose money differs from status none's: " + differing);
    }

    @Test
    void onlyModulesWithAMoneyTermAreSummed() {
        // the money terms are summed at every rebuild; a module that keeps the default (0 KZT) is left out
        assertTrue(LocationUtility.hasMoneyTerm(scenario.policy().get(kz.kosh.policy.Relocation.class)));
        assertTrue(LocationUtility.hasMoneyTerm(scenario.policy().get(kz.kosh.policy.RuralIncentive.class)));
        assertTrue(LocationUtility.hasMoneyTerm(scenario.policy().get(kz.kosh.policy.ReturnSupport.class)));
        assertEquals(false, LocationUtility.hasMoneyTerm(scenario.policy().get(kz.kosh.policy.Bolashak.class)));
        assertEquals(false, LocationUtility.hasMoneyTerm(scenario.policy().get(kz.kosh.policy.VisaRoutes.class)));
        // a module that overrides it anonymously counts too
        assertTrue(LocationUtility.hasMoneyTerm(new kz.kosh.policy.PolicyModule() {
            @Override
            public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
                return 1.0;
            }

            @Override
            public boolean enabled() {
                return true;
            }
        }));
    }

    @Test
    void placesAreWhereExpected() {
        assertEquals(18, almaty);  // 19th row of regions.csv
        assertEquals(17, astana);  // 18th row
        assertEquals(20, russia);  // first destination after the 20 regions
        assertEquals(34, world.placeCount()); // 20 regions + 14 destinations
    }

    @Test
    void annuityFactorReferences() {
        // 1 + 1/1.05 + 1/1.05^2 = 2.8594104308390023
        assertEquals(1 + 1 / 1.05 + 1 / (1.05 * 1.05), LocationUtility.annuityFactor(0.05, 3), 1e-12);
        assertEquals(2.8594104308390023, LocationUtility.annuityFactor(0.05, 3), 1e-12);
        // r = 0: the sum of T ones
        assertEquals(7.0, LocationUtility.annuityFactor(0.0, 7), 0.0);
        // T = 0 (and negative): nothing left
        assertEquals(0.0, LocationUtility.annuityFactor(0.05, 0), 0.0);
        assertEquals(0.0, LocationUtility.annuityFactor(0.05, -3), 0.0);
        // T = 1: only the current year, 1
        assertEquals(1.0, LocationUtility.annuityFactor(0.05, 1), 1e-15);
        // T = 38 (band 1: 63 - 25): sum_{t=0}^{37} 1.05^-t = 17.71128734054281 (python)
        assertEquals(17.71128734054281, LocationUtility.annuityFactor(0.05, 38), 1e-9);
    }

    @Test
    void realMonthlyIncome() {
        // Almaty: 354860 * (1 - 0.05) / (1 + 0.3 * (1.9 - 1)) = 337117 / 1.27 = 265446.4566929134
        assertEquals(354860 * 0.95 / 1.27, u.realMonthlyIncomeKzt(almaty), 1e-6);
        assertEquals(265446.4566929134, u.realMonthlyIncomeKzt(almaty), 1e-6);
        // Astana: 406920 * 0.954 / (1 + 0.3 * 1.4) = 388201.68 / 1.42 = 273381.4647887324
        assertEquals(273381.4647887324, u.realMonthlyIncomeKzt(astana), 1e-6);
        // Russia: 413258 * 0.85 / (1 + 0.3 * (1.0 - 1)) = 351269.3 (destinations have col 1)
        assertEquals(351269.3, u.realMonthlyIncomeKzt(russia), 1e-6);
    }

    @Test
    void greatCircleDistances() {
        // Almaty (43.24, 76.89) to Astana (51.17, 71.45): about 970 km by road atlases; haversine 972.178 km
        double d = World.greatCircleKm(43.24, 76.89, 51.17, 71.45);
        assertEquals(970.0, d, 30.0);
        assertEquals(972.1780212323133, d, 1e-6); // python haversine, R = 6371
        assertEquals(d, world.distanceKm(almaty, astana), 1e-9);
        assertEquals(d, world.distanceKm(astana, almaty), 1e-9);
        assertEquals(0.0, world.distanceKm(almaty, almaty), 0.0);
        // a quarter of the equator: pi/2 * 6371 = 10007.543398010286 km
        assertEquals(Math.PI / 2 * 6371.0, World.greatCircleKm(0, 0, 0, 90), 1e-9);
        // antipodes: pi * 6371 (the asin argument is clamped to 1)
        assertEquals(Math.PI * 6371.0, World.greatCircleKm(0, 0, 0, 180), 1e-6);
    }

    @Test
    void movingCost() {
        double dAA = World.greatCircleKm(43.24, 76.89, 51.17, 71.45); // 972.178 km
        double dAR = World.greatCircleKm(43.24, 76.89, 55.76, 37.62); // Almaty-Moscow 3103.845 km
        // internal: 200000 + 100 * 972.178 = 297217.80
        assertEquals(200000 + 100 * dAA, u.movingCostKzt(almaty, astana), 1e-6);
        assertEquals(297217.80212323135, u.movingCostKzt(almaty, astana), 1e-6);
        // international: 200000 + 100 * 3103.845 + 1000000 = 1510384.46
        assertEquals(200000 + 100 * dAR + 1_000_000, u.movingCostKzt(almaty, russia), 1e-6);
        assertEquals(1510384.4633380268, u.movingCostKzt(almaty, russia), 1e-6);
        // and back home from Russia: same distance, also crosses the border
        assertEquals(200000 + 100 * dAR + 1_000_000, u.movingCostKzt(russia, almaty), 1e-6);
        // staying costs nothing
        assertEquals(0.0, u.movingCostKzt(almaty, almaty), 0.0);
        assertEquals(0.0, u.movingCostKzt(russia, russia), 0.0);
        // between two foreign places: international too
        int de = world.indexOf("DE");
        assertTrue(u.crossesBorder(russia, de));
        assertEquals(200000 + 100 * world.distanceKm(russia, de) + 1_000_000, u.movingCostKzt(russia, de), 1e-6);
        assertTrue(!u.crossesBorder(almaty, astana));
    }

    @Test
    void moneyScalesMultiplyTheIncomeWeightAndTheMovingCosts() {
        Scenario s = TestScenarios.referenceWith("{decision: {incomeWeightScale: 1.5, movingCostScale: 2.0}}");
        LocationUtility v = new LocationUtility(new World(s), s);
        // M = 2 x (200000 + 100 d): 2 x 297217.80212323135
        assertEquals(594435.6042464627, v.movingCostKzt(almaty, astana), 1e-6);
        assertEquals(2 * (200000 + 100 * world.distanceKm(almaty, russia) + 1_000_000), v.movingCostKzt(almaty, russia), 1e-6);
        // Almaty -> Astana, band 1, h = 1: only the income term changes, 1.5 x 2.0 x ln(NPV with the doubled cost)
        double a38 = LocationUtility.annuityFactor(0.05, 63 - 25);
        double yAst = 406920 * (1 - 0.046) / (1 + 0.3 * (2.4 - 1));
        double npv1 = 12 * yAst * a38 - 297217.80212323135;
        double npv2 = 12 * yAst * a38 - 594435.6042464627;
        double change = 3.0 * Math.log(npv2) - 2.0 * Math.log(npv1);
        assertEquals(u.utility(1, 1.0, almaty, astana, 0, false, 0.0) + change,
                v.utility(1, 1.0, almaty, astana, 0, false, 0.0), 1e-9);
        // staying costs nothing to move: only the weight scales
        assertEquals(0.0, v.movingCostKzt(almaty, almaty), 0.0);
    }

    @Test
    void aMoveToAPlaceLivedInIsSparedTheShareOfItsObstacles() {
        Scenario s = TestScenarios.referenceWith("{decision: {exposureObstacleShare: 0.25}}");
        World w = new World(s);
        DecisionParams d = s.decision();
        double dAR = World.greatCircleKm(43.24, 76.89, 55.76, 37.62);
        // (1 − 0.25)·(border 2.0 + 0.5·ln(1 + d/100) + language 1.5·(1 − 0.9))
        double expected = 0.75 * (2.0 + 0.5 * Math.log1p(dAR / 100.0) + 1.5 * 0.1);
        assertEquals(expected, PersonalBonuses.exposureRelief(w, d, almaty, russia), 1e-12);
        assertEquals(2.912601236088773, PersonalBonuses.exposureRelief(w, d, almaty, russia), 1e-9);
        // living there already, or a region: nothing
        assertEquals(0.0, PersonalBonuses.exposureRelief(w, d, russia, russia), 0.0);
        assertEquals(0.0, PersonalBonuses.exposureRelief(w, d, almaty, astana), 0.0);
        // share 1 (the reference): none
        assertEquals(0.0, PersonalBonuses.exposureRelief(world, scenario.decision(), almaty, russia), 0.0);
    }

    @Test
    void penalties() {
        assertEquals(0.0, u.penaltyKzt(kz.kosh.scenario.Statuses.NONE), 0.0);
        // Bolashak master: 12500000 * (1 + 0.1) * 0.9 = 12375000
        assertEquals(12_375_000.0, u.penaltyKzt(kz.kosh.policy.Bolashak.OBLIGATION_MASTER), 1e-6);
        // Bolashak PhD: 22500000 * 1.1 * 0.9 = 22275000
        assertEquals(22_275_000.0, u.penaltyKzt(kz.kosh.policy.Bolashak.OBLIGATION_PHD), 1e-6);
        // state grant: 1000000 per year * 4 bachelor years * 0.7 = 2800000
        assertEquals(2_800_000.0, u.penaltyKzt(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF), 1e-6);
    }

    @Test
    void aReturnHomeIsSparedTheShareOfItsObstacles() {
        // reference.yaml: homeReturnObstacleShare 0.5, border 2.0, returnObstacleShare 0.25, distancePenalty 0.5
        // Moscow -> Almaty (3103.845 km): (1 - 0.5)·(0.25·2.0 + 0.5·ln(1 + 31.03845)) = 0.5·(0.5 + 1.733468) = 1.116734 (python)
        double dAR = World.greatCircleKm(43.24, 76.89, 55.76, 37.62);
        assertEquals(0.5 * (0.5 + 0.5 * Math.log1p(dAR / 100)), PersonalBonuses.homeReturnRelief(world, scenario.decision(), russia, almaty), 1e-12);
        assertEquals(1.1167342, PersonalBonuses.homeReturnRelief(world, scenario.decision(), russia, almaty), 1e-6);
        // Astana -> Almaty: a move home within Kazakhstan keeps its distance term (internalHomeReturnObstacleShare 1)
        assertEquals(0.0, PersonalBonuses.homeReturnRelief(world, scenario.decision(), astana, almaty), 0.0);
        // at home: nothing to spare
        assertEquals(0.0, PersonalBonuses.homeReturnRelief(world, scenario.decision(), almaty, almaty), 0.0);
        // the relief is exactly the share of the obstacles the tables charge: o_cj·(1 − s_home)
        assertEquals(0.5 * u.obstacles(russia, almaty), PersonalBonuses.homeReturnRelief(world, scenario.decision(), russia, almaty), 1e-12);
    }

    @Test
    void aReturnHomeFromAnotherRegionIsSparedItsShareOfTheDistanceTerm() {
        // internalHomeReturnObstacleShare 0.25, distancePenalty 0.5, Astana -> Almaty haversine 972.178 km:
        // (1 - 0.25)·0.5·ln(1 + 9.72178) = 0.375·2.372277 = 0.889604 (python: 0.375*math.log1p(9.72178))
        Scenario s = TestScenarios.referenceWith("{decision: {internalHomeReturnObstacleShare: 0.25}}");
        double dAA = World.greatCircleKm(43.24, 76.89, 51.17, 71.45);
        assertEquals(0.375 * Math.log1p(dAA / 100), PersonalBonuses.homeReturnRelief(world, s.decision(), astana, almaty), 1e-12);
        assertEquals(0.889604, PersonalBonuses.homeReturnRelief(world, s.decision(), astana, almaty), 1e-5);
        // no border term within Kazakhstan; at home nothing to spare; from abroad the other share (0.5) holds
        assertEquals(0.0, PersonalBonuses.homeReturnRelief(world, s.decision(), almaty, almaty), 0.0);
        assertEquals(1.1167342, PersonalBonuses.homeReturnRelief(world, s.decision(), russia, almaty), 1e-6);
        // share 0: the whole distance term is spared, the relief grows as the share falls
        Scenario none = TestScenarios.referenceWith("{decision: {internalHomeReturnObstacleShare: 0.0}}");
        assertEquals(0.5 * Math.log1p(dAA / 100), PersonalBonuses.homeReturnRelief(world, none.decision(), astana, almaty), 1e-12);
        assertTrue(PersonalBonuses.homeReturnRelief(world, none.decision(), astana, almaty)
                > PersonalBonuses.homeReturnRelief(world, s.decision(), astana, almaty));
    }

    @Test
    void attachmentToARegionGrowsWithYearsLivedThere() {
        // half-life 0 (reference.yaml): the whole inertia from the first year, no deficit
        assertEquals(0.0, PersonalBonuses.placeAttachmentDeficit(scenario.decision(), 1), 0.0);
        // stayBonus 2.5, placeAttachmentHalfLifeYears 2: a(y) = −2.5·2^(−y/2)
        Scenario s = TestScenarios.referenceWith("{decision: {placeAttachmentHalfLifeYears: 2}}");
        assertEquals(-1.25, PersonalBonuses.placeAttachmentDeficit(s.decision(), 2), 1e-12);
        assertEquals(-2.5 / Math.sqrt(2), PersonalBonuses.placeAttachmentDeficit(s.decision(), 1), 1e-12);
        assertEquals(-0.15625, PersonalBonuses.placeAttachmentDeficit(s.decision(), 8), 1e-12);
        double prev = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < 40; y++) {
            double a = PersonalBonuses.placeAttachmentDeficit(s.decision(), y);
            assertTrue(a > prev && a < 0, "the deficit shrinks towards 0 with the years at the region");
            prev = a;
        }
    }

    @Test
    void attachmentAbroadGrowsWithYearsLivedThere() {
        // reference.yaml: stayBonus 2.5, abroadAttachmentHalfLifeYears 2: a(y) = −2.5·2^(−y/2)
        assertEquals(-2.5, PersonalBonuses.abroadAttachmentDeficit(scenario.decision(), 0), 1e-12);
        assertEquals(-1.25, PersonalBonuses.abroadAttachmentDeficit(scenario.decision(), 2), 1e-12);
        assertEquals(-2.5 / Math.sqrt(2), PersonalBonuses.abroadAttachmentDeficit(scenario.decision(), 1), 1e-12);
        assertEquals(-0.15625, PersonalBonuses.abroadAttachmentDeficit(scenario.decision(), 8), 1e-12);
        double prev = Double.NEGATIVE_INFINITY;
        for (int y = 0; y < 40; y++) {
            double a = PersonalBonuses.abroadAttachmentDeficit(scenario.decision(), y);
            assertTrue(a > prev && a < 0, "the inertia not yet built shrinks every year abroad, y = " + y);
            prev = a;
        }
    }

    @Test
    void homeBonusSpreadsOverAttachmentLevels() {
        // reference.yaml: homeRegionBonus 1.0, homeRegionBonusSdAcrossAgents 1.0, homeTieHalfLifeYearsAbroad 10
        // z_0 = Φ^−1(1/16) = −1.5341205, z_3 = Φ^−1(7/16) = −0.1573107 (R: qnorm)
        assertEquals(-1.5341205443525459, PersonalBonuses.normalQuantileMidpoint(0, 8), 1e-9);
        assertEquals(-0.15731068461017067, PersonalBonuses.normalQuantileMidpoint(3, 8), 1e-9);
        assertEquals(1.5341205443525459, PersonalBonuses.normalQuantileMidpoint(7, 8), 1e-9);
        // b(k, y) = (1 + z_k)·2^(−y/10): level 7 at 10 years abroad = 2.5341205·0.5
        assertEquals(1.2670602721762730, PersonalBonuses.homeBonus(scenario.decision(), 7, 8, 10), 1e-9);
        assertEquals(1.0 - 1.5341205443525459, PersonalBonuses.homeBonus(scenario.decision(), 0, 8, 0), 1e-9);
        // the levels average to the mean bonus
        double sum = 0;
        for (int k = 0; k < 8; k++) {
            sum += PersonalBonuses.homeBonus(scenario.decision(), k, 8, 0);
        }
        assertEquals(1.0, sum / 8, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> PersonalBonuses.normalQuantileMidpoint(8, 8));
    }

    @Test
    void borderObstacleOfAReturnIsTheReturnShare() {
        // reference.yaml: borderCrossingPenalty 2.0, returnObstacleShare 0.25
        assertEquals(2.0, u.borderTerm(almaty, russia), 0.0);           // emigration: full
        assertEquals(0.25 * 2.0, u.borderTerm(russia, almaty), 0.0);    // return home: the share
        assertEquals(2.0, u.borderTerm(russia, world.indexOf("DE")), 0.0); // onward: full
        assertEquals(0.0, u.borderTerm(almaty, astana), 0.0);
        // o_cj = border + β_dist ln(1 + d/100): the return faces 0.5 + 0.5 ln(1 + d/100)
        assertEquals(0.5 + 0.5 * Math.log1p(world.distanceKm(russia, almaty) / 100), u.obstacles(russia, almaty), 1e-12);
    }

    @Test
    void breachCostsScaleWithEnforcement() {
        // penalty and non-money cost are both proportional to the enforcement probability π:
        // V(abroad | obligation) − V(abroad | none) = β_inc·(ln(NPV − π·R) − ln NPV) − π·c
        for (double pi : new double[]{0.0, 0.25, 0.5, 1.0}) {
            Scenario s = TestScenarios.withBolashakEnforcement(scenario, pi);
            LocationUtility lu = new LocationUtility(world, s);
            double npv = lu.npvKzt(1, 1.0, almaty, russia, kz.kosh.scenario.Statuses.NONE, false);
            double expected = 2.0 * (Math.log(npv - pi * 12_500_000 * 1.1) - Math.log(npv)) - pi * 3.0;
            double[] d = new double[world.placeCount()];
            double diff = lu.utility(1, 1.0, almaty, russia, kz.kosh.policy.Bolashak.OBLIGATION_MASTER, false, d)
                    - lu.utility(1, 1.0, almaty, russia, kz.kosh.scenario.Statuses.NONE, false, d);
            assertEquals(expected, diff, 1e-9, "enforcement " + pi);
        }
        // repayment if enforced: cost × (1 + markup); grant: cost per year × bachelor years
        assertEquals(12_500_000 * 1.1, LocationUtility.repaymentKzt(scenario, kz.kosh.policy.Bolashak.OBLIGATION_MASTER), 1e-6);
        assertEquals(4_000_000, LocationUtility.repaymentKzt(scenario, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF), 1e-6);
    }

    @Test
    void subsidies() {
        int turkistan = world.indexOf("KZ-61"); // a relocation "from" region
        int northKz = world.indexOf("KZ-59");   // a relocation "to" region, not a city
        // relocation 1000000 + rural incentive 393200 + 2000000 = 3393200
        assertEquals(3_393_200.0, u.subsidyKzt(turkistan, northKz, true), 1e-6);
        // not eligible for the rural incentive: relocation only
        assertEquals(1_000_000.0, u.subsidyKzt(turkistan, northKz, false), 1e-6);
        // Astana is a city and not a relocation target
        assertEquals(0.0, u.subsidyKzt(turkistan, astana, true), 0.0);
        // nothing for moving abroad or staying
        assertEquals(0.0, u.subsidyKzt(turkistan, russia, true), 0.0);
        assertEquals(0.0, u.subsidyKzt(northKz, northKz, true), 0.0);
    }

    @Test
    void utilityOfOneCaseTermByTerm() {
        double[] diaspora = new double[world.placeCount()];
        for (int j = 0; j < diaspora.length; j++) {
            diaspora[j] = world.initialDiasporaThousands(j);
        }
        double a38 = LocationUtility.annuityFactor(0.05, 63 - 25); // band 1: 17.711287
        double dAA = World.greatCircleKm(43.24, 76.89, 51.17, 71.45);
        double dAR = World.greatCircleKm(43.24, 76.89, 55.76, 37.62);

        // Almaty -> Astana, band 1, h = 1, no obligation, not eligible, no relocation subsidy (KZ-75 not a source)
        double yAst = 406920 * (1 - 0.046) / (1 + 0.3 * (2.4 - 1));
        double npvAst = 1.0 * 12 * yAst * a38 - (200000 + 100 * dAA);     // 57806034.3
        double vAst = 2.0 * Math.log(npvAst)  // income
                + 2.0 * 0.80                  // living standard (Kazakhstan index)
                + 1.0 * 1.00                  // career, Astana
                + 0.5 * 0.65                  // safety (Kazakhstan)
                - 1.0 * 0.61                  // corruption (Kazakhstan)
                + 0.5 * 0.55                  // ecology, Astana
                - 0.5 * Math.log1p(dAA / 100); // distance: beta_dist ln(1 + 972.178/100)
        assertEquals(57806034.315297484, npvAst, 1e-3);
        assertEquals(npvAst, u.npvKzt(1, 1.0, almaty, astana, kz.kosh.scenario.Statuses.NONE, false), 1e-3);
        assertEquals(37.14906885300499, vAst, 1e-9); // python
        assertEquals(vAst, u.utility(1, 1.0, almaty, astana, kz.kosh.scenario.Statuses.NONE, false, diaspora), 1e-9);

        // Almaty -> Russia
        double ecologyMean = 0.57; // mean of the 20 regions' ecology indices (11.40 / 20)
        double npvRu = 12 * 413258 * 0.85 * a38 - (200000 + 100 * dAR + 1_000_000); // 73146793.6
        double vRu = 2.0 * Math.log(npvRu)
                + 2.0 * 0.82                      // living standard
                + 1.0 * 0.7                       // career
                + 0.5 * 0.45                      // safety
                - 1.0 * 0.74                      // corruption
                + 0.5 * ecologyMean               // destinations get the regions' mean ecology
                + 0.15 * Math.log(1 + 2560)       // network: ln(1 + diaspora thousands)
                - 1.5 * (1 - 0.9)                 // language distance
                - 2.0                             // border crossing
                - 0.5 * Math.log1p(dAR / 100);    // distance: beta_dist ln(1 + 3103.845/100)
        assertEquals(73146793.61119798, npvRu, 1e-3);
        assertEquals(npvRu, u.npvKzt(1, 1.0, almaty, russia, kz.kosh.scenario.Statuses.NONE, false), 1e-3);
        assertEquals(35.619712350951666, vRu, 1e-9); // python
        assertEquals(vRu, u.utility(1, 1.0, almaty, russia, kz.kosh.scenario.Statuses.NONE, false, diaspora), 1e-9);

        // staying in Almaty: no moving cost, no distance term, + stay bonus 2.5
        double vAlm = 2.0 * Math.log(12 * (354860 * 0.95 / 1.27) * a38) + 2.0 * 0.80 + 1.0 * 1.00 + 0.5 * 0.65
                - 1.0 * 0.61 + 0.5 * 0.35 + 2.5;
        assertEquals(40.686554437193536, vAlm, 1e-9); // python
        assertEquals(vAlm, u.utility(1, 1.0, almaty, almaty, kz.kosh.scenario.Statuses.NONE, false, diaspora), 1e-9);

        // with a Bolashak master's obligation, Russia loses the expected penalty 12375000 inside the log
        // and the non-money breach cost c = 3.0 (reference.yaml policy.bolashak.breachUtilityCost)
        // times the enforcement probability 0.9: the non-money cost is borne only when enforced
        double vRuOblig = vRu - 2.0 * Math.log(npvRu) + 2.0 * Math.log(npvRu - 12_375_000) - 0.9 * 3.0;
        assertEquals(vRuOblig,
                u.utility(1, 1.0, almaty, russia, kz.kosh.policy.Bolashak.OBLIGATION_MASTER, false, diaspora), 1e-9);
        // but Astana does not
        assertEquals(vAst,
                u.utility(1, 1.0, almaty, astana, kz.kosh.policy.Bolashak.OBLIGATION_MASTER, false, diaspora), 1e-9);
    }

    @Test
    void incomeBelowFloorUsesFloor() {
        // h tiny: NPV far below the 1e6 floor -> income term is 2.0 * ln(1e6) for every band and place
        double[] diaspora = new double[world.placeCount()];
        double h = 1e-6;
        double expected = 2.0 * Math.log(1e6) + 2.0 * 0.80 + 1.0 * 1.00 + 0.5 * 0.65 - 1.0 * 0.61 + 0.5 * 0.55
                - 0.5 * Math.log1p(World.greatCircleKm(43.24, 76.89, 51.17, 71.45) / 100); // = 29.034882512709626
        assertEquals(29.034882512709626, expected, 1e-9); // python
        assertEquals(expected, u.utility(1, h, almaty, astana, kz.kosh.scenario.Statuses.NONE, false, diaspora), 1e-9);
    }

    @Test
    void raisingARegionWageRaisesItsUtilityFromEveryOtherOrigin() {
        double[] diaspora = new double[world.placeCount()];
        for (int j = 0; j < diaspora.length; j++) {
            diaspora[j] = world.initialDiasporaThousands(j);
        }
        for (String id : new String[] {"KZ-23", "KZ-59", "KZ-71"}) {
            int r = world.indexOf(id);
            double wage = scenario.regions().get(id).avgWageKztPerMonth();
            Scenario richer = TestScenarios.withRegionWage(scenario, id, wage * 1.10);
            World w2 = new World(richer);
            LocationUtility u2 = new LocationUtility(w2, richer);
            for (int band = 0; band < DecisionParams.AGE_BANDS; band++) {
                for (int hb : new int[] {0, AgentKind.H_ZERO, AgentKind.H_BINS - 1}) {
                    double h = AgentKind.humanCapitalOfBin(hb);
                    for (int c = 0; c < world.placeCount(); c++) {
                        for (int o = 0; o < kz.kosh.scenario.Statuses.count(); o++) {
                            for (boolean e : new boolean[] {false, true}) {
                                for (int j = 0; j < world.placeCount(); j++) {
                                    double before = u.utility(band, h, c, j, o, e, diaspora);
                                    double after = u2.utility(band, h, c, j, o, e, diaspora);
                                    if (j == r) {
                                        assertTrue(after > before, id + " from " + world.id(c) + " band " + band
                                                + " h bin " + hb + ": " + before + " -> " + after);
                                    } else {
                                        assertEquals(before, after, 1e-12, "other place " + world.id(j));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void raisingTheObligationPenaltyLowersOnlyAbroadUtilities() {
        double[] diaspora = new double[world.placeCount()];
        for (int j = 0; j < diaspora.length; j++) {
            diaspora[j] = world.initialDiasporaThousands(j);
        }
        // master's cost 12.5M -> 25M: penalty 12375000 -> 24750000
        Scenario stricter = TestScenarios.withBolashakMasterCost(scenario, 25_000_000);
        LocationUtility u2 = new LocationUtility(new World(stricter), stricter);
        assertEquals(24_750_000.0, u2.penaltyKzt(kz.kosh.policy.Bolashak.OBLIGATION_MASTER), 1e-6);
        int strictlyLower = 0;
        for (int band = 0; band < DecisionParams.AGE_BANDS; band++) {
            for (int hb : new int[] {0, AgentKind.H_ZERO, AgentKind.H_BINS - 1}) {
                double h = AgentKind.humanCapitalOfBin(hb);
                for (int c = 0; c < world.placeCount(); c++) {
                    for (int o = 0; o < kz.kosh.scenario.Statuses.count(); o++) {
                        for (int j = 0; j < world.placeCount(); j++) {
                            double before = u.utility(band, h, c, j, o, false, diaspora);
                            double after = u2.utility(band, h, c, j, o, false, diaspora);
                            String what = world.id(c) + "->" + world.id(j) + " band " + band + " bin " + hb + " o " + o;
                            // a tuition-only master's award repays a share of the same cost
                            if ((o == kz.kosh.policy.Bolashak.OBLIGATION_MASTER
                                    || o == kz.kosh.policy.Bolashak.OBLIGATION_MASTER_TUITION_ONLY) && world.isAbroad(j)) {
                                // lower unless the NPV already sits at the floor
                                if (u2.npvKzt(band, h, c, j, o, false) > 1e6) {
                                    assertTrue(after < before, what + ": " + before + " -> " + after);
                                    strictlyLower++;
                                } else {
                                    assertTrue(after <= before, what);
                                }
                            } else {
                                assertEquals(before, after, 1e-12, what);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(strictlyLower > 1000, "strictly lower in " + strictlyLower + " cases");
    }


    @Test
    void aRelocationSubsidyCountsAtTheChanceOfAPlace() {
        // relocation 1,000,000 KZT times the chance 0.4; the rural incentive (393,200 + 2,000,000) whole
        int turkistan = world.indexOf("KZ-61");
        int northKz = world.indexOf("KZ-59");
        LocationUtility capped = new LocationUtility(world, scenario, kz.kosh.policy.StatusLeversTest.relocationChance(scenario, 0.4));
        assertEquals(0.4, capped.paymentChance(scenario.policy().get(kz.kosh.policy.Relocation.class)), 0.0);
        assertEquals(400_000.0, capped.subsidyKzt(turkistan, northKz, false), 1e-6);
        assertEquals(400_000.0 + 2_393_200.0, capped.subsidyKzt(turkistan, northKz, true), 1e-6);
    }

    @Test
    void npvOfAnEligibleMoverCarriesTheRuralIncentive() {
        int turkistan = world.indexOf("KZ-61");
        int northKz = world.indexOf("KZ-59");
        double eligible = u.npvKzt(1, 1.0, turkistan, northKz, kz.kosh.scenario.Statuses.NONE, true);
        double not = u.npvKzt(1, 1.0, turkistan, northKz, kz.kosh.scenario.Statuses.NONE, false);
        assertEquals(2_393_200.0, eligible - not, 1e-6);
    }

    @Test
    void aVillageCommitmentIsBrokenByAnyMoveAwayFromItsRegion() {
        // a holder at North Kazakhstan: moving to Turkistan (a non-city region) costs the expected
        // repayment π·R in the NPV and π·c in utility, like a move to Astana; staying costs nothing
        int turkistan = world.indexOf("KZ-61");
        int northKz = world.indexOf("KZ-59");
        kz.kosh.policy.RuralIncentive r = scenario.policy().get(kz.kosh.policy.RuralIncentive.class);
        double expectedRepayment = r.enforcementProbability() * r.repaymentKzt(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, scenario);
        assertTrue(expectedRepayment > 0, "the reference's commitment costs something to break");
        for (int j : new int[] {turkistan, astana}) {
            double held = u.npvKzt(1, 1.0, northKz, j, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, false);
            double free = u.npvKzt(1, 1.0, northKz, j, kz.kosh.scenario.Statuses.NONE, false);
            assertEquals(-expectedRepayment, held - free, 1e-6);
            double heldU = u.utility(1, 1.0, northKz, j, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, false, 0.0);
            double freeU = u.utility(1, 1.0, northKz, j, kz.kosh.scenario.Statuses.NONE, false, 0.0);
            assertTrue(heldU < freeU - r.enforcementProbability() * r.breachUtilityCost() + 1e-9);
        }
        assertEquals(u.npvKzt(1, 1.0, northKz, northKz, kz.kosh.scenario.Statuses.NONE, false),
                u.npvKzt(1, 1.0, northKz, northKz, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, false), 1e-6);
        assertEquals(u.utility(1, 1.0, northKz, northKz, kz.kosh.scenario.Statuses.NONE, false, 0.0),
                u.utility(1, 1.0, northKz, northKz, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, false, 0.0), 1e-12);
    }

    @Test
    void obstaclesByHand() {
        // staying: −β_stay = −2.5; Almaty → Russia: β_border 2.0 + β_dist 0.5·ln(1 + d/100)
        double dAR = World.greatCircleKm(43.24, 76.89, 55.76, 37.62);
        assertEquals(-2.5, u.obstacles(almaty, almaty), 1e-12);
        assertEquals(2.0 + 0.5 * Math.log1p(dAR / 100), u.obstacles(almaty, russia), 1e-9);
        assertEquals(0.5 * Math.log1p(World.greatCircleKm(43.24, 76.89, 51.17, 71.45) / 100),
                u.obstacles(almaty, astana), 1e-9);
    }

    @Test
    void statusesInForceAreThoseOfTheScenario() {
        boolean[] in = LocationUtility.statusesOf(scenario);
        for (int o = 0; o < in.length; o++) {
            assertEquals(in[o], u.statusInForce(o));
        }
        assertTrue(u.statusInForce(kz.kosh.policy.Bolashak.OBLIGATION_MASTER), "the reference runs Bolashak");
    }

    @Test
    void midpointQuantilesByHandAndTheirRange() {
        // Φ^−1((3 + 0.5)/8) = Φ^−1(0.4375) and Φ^−1(0.5625) = −(the same): symmetric
        assertEquals(-0.15731068461017067, PersonalBonuses.normalQuantileMidpoint(3, 8), 1e-12);
        assertEquals(0.15731068461017067, PersonalBonuses.normalQuantileMidpoint(4, 8), 1e-12);
        assertEquals(0.0, PersonalBonuses.normalQuantileMidpoint(0, 1), 1e-12);
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> PersonalBonuses.normalQuantileMidpoint(8, 8));
        assertEquals("level 8 outside 0-7", high.getMessage());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
                () -> PersonalBonuses.normalQuantileMidpoint(-1, 8));
        assertEquals("level -1 outside 0-7", low.getMessage());
    }

    @Test
    void oneTimeMoneyWeighsInYearsOfTheCurrentPlacesIncome() {
        // β_cash·m / max(12·y_c, floor): 1 M KZT at 200,000 KZT a month is 1/2.4 of a year's income
        assertEquals(2.0 / 2.4, LocationUtility.oneTimeMoneyUtility(2.0, 1_000_000, 200_000, 1e6), 1e-12);
        // below the floor (12 × 50,000 = 600,000 < 1 M KZT) the floor divides
        assertEquals(2.0, LocationUtility.oneTimeMoneyUtility(2.0, 1_000_000, 50_000, 1e6), 1e-12);
        assertEquals(-0.5, LocationUtility.oneTimeMoneyUtility(1.0, -1_200_000, 200_000, 1e6), 1e-12);
        // in V_j: Almaty -> Astana pays the moving cost 200,000 + 100 KZT/km (no subsidy, no obligation);
        // y_Almaty = 354,860 × 0.95 / (1 + 0.3 × 0.9); staying adds nothing
        Scenario s = TestScenarios.referenceWith("decision: {oneTimeMoneyWeight: 1.5}\n");
        LocationUtility cash = new LocationUtility(new World(s), s);
        double yAlmaty = 354_860 * 0.95 / (1 + 0.3 * 0.9);
        double move = 200_000 + 100 * world.distanceKm(almaty, astana);
        assertEquals(-1.5 * move / (12 * yAlmaty),
                cash.utility(1, 1.0, almaty, astana, 0, false, 0.0) - u.utility(1, 1.0, almaty, astana, 0, false, 0.0), 1e-9);
        assertEquals(0.0, cash.utility(1, 1.0, almaty, almaty, 0, false, 0.0) - u.utility(1, 1.0, almaty, almaty, 0, false, 0.0), 1e-12);
    }

    @Test
    void theRelocationSubsidyOfAMoveHomeIsWhatTheTablesGiveIt() {
        // the tables give a move Turkistan -> Kostanay the subsidy; for an agent whose home is Kostanay it
        // is not paid (Relocation.paysMoveHome), and the utility to take off is the tables' difference
        String body = "decision: {oneTimeMoneyWeight: 1.5}\npolicy: {relocation: {enabled: true, subsidyKzt: %s, "
                + "fromRegions: [KZ-61], toRegions: [KZ-39]}}\n";
        Scenario paid = TestScenarios.referenceWith(String.format(body, "1000000"));
        Scenario none = TestScenarios.referenceWith(String.format(body, "0"));
        World w = new World(paid);
        LocationUtility with = new LocationUtility(w, paid);
        LocationUtility without = new LocationUtility(w, none);
        int turkistan = w.indexOf("KZ-61");
        int kostanay = w.indexOf("KZ-39");
        assertTrue(with.withholdsHomeMoney());
        for (int band = 0; band < LocationUtility.bandCount(); band++) {
            double tables = with.utility(band, 1.0, turkistan, kostanay, 0, false, 0.0)
                    - without.utility(band, 1.0, turkistan, kostanay, 0, false, 0.0);
            assertTrue(tables > 0.1, "1 M KZT at β_cash 1.5 weighs: " + tables);
            assertEquals(tables, with.unpaidHomeMoneyUtility(band, turkistan, kostanay), 1e-9);
        }
        // no subsidy the other way, at home, or when the subsidy is 0
        assertEquals(0.0, with.unpaidHomeMoneyUtility(1, kostanay, turkistan), 0.0);
        assertEquals(0.0, with.unpaidHomeMoneyUtility(1, kostanay, kostanay), 0.0);
        assertEquals(0.0, without.unpaidHomeMoneyUtility(1, turkistan, kostanay), 0.0);
        // a programme that does not run withholds nothing
        assertEquals(0.0, new LocationUtility(w, TestScenarios.referenceWith("policy: {relocation: {enabled: false}}\n"))
                .unpaidHomeMoneyUtility(1, turkistan, kostanay), 0.0);
    }
}
