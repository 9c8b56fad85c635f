package kz.kosh.decision;

import kz.kosh.scenario.Scenario;
import kz.kosh.world.Ethnicity;
import kz.kosh.world.Demand;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Study choice. Inputs pinned in src/test/resources/kz/kosh/reference.yaml: homeBonus 1.5, universitiesWeight 1.0, distanceWeight 0.4,
 * qualityWeight 1.0, careerWeight 1.0, russianNetworkBonus 1.5, germanNetworkBonus 1.5; kazakhstan studyQualityIndex 0.45.
 * regions.csv: KZ-10 Abai 50.41,80.23, 3 universities, career 0.35;
 * KZ-27 West Kazakhstan 51.23,51.37, 3 universities, career 0.40; KZ-39 Kostanay 41.28% Russians, KZ-23 Atyrau 5.8%.
 */
class StudyChoiceTest {
    private static Scenario scenario;
    private static World world;
    private static StudyChoice choice;

    /** Built before each test: PIT links no test to code run in a @BeforeAll (see LocationUtilityTest). */
    @BeforeEach
    void build() {
        scenario = TestScenarios.reference();
        world = new World(scenario);
        choice = new StudyChoice(world, scenario);
    }

    @Test
    void probabilitiesSumToOneForEveryHome() {
        for (int h = 0; h < world.regionCount(); h++) {
            double[] p = choice.probabilities(h);
            double sum = 0;
            for (double x : p) {
                assertTrue(x >= 0, "negative probability from " + world.id(h));
                sum += x;
            }
            assertEquals(1.0, sum, 1e-12, world.id(h));
        }
    }

    @Test
    void probabilitiesAreTheLogitWithStudyAccess() {
        // P(j)/P(k) = s_j exp(V_j) / (s_k exp(V_k)); check against the home region k = h, for every ethnicity
        for (int h = 0; h < world.regionCount(); h++) {
            for (int e = 0; e < Ethnicity.COUNT; e++) {
                double[] v = StudyChoice.utilities(world, scenario.study(), h, e);
                double[] p = choice.probabilities(h, e);
                for (int j = 0; j < world.placeCount(); j++) {
                    double expected = world.studyAccess(j) * Math.exp(v[j] - v[h]);
                    assertEquals(expected, p[j] / p[h], 1e-9 * Math.max(1, expected), world.id(h) + "->" + world.id(j));
                }
            }
        }
    }

    @Test
    void destinationWithStudyAccessZeroGetsProbabilityZero() {
        int us = world.indexOf("US");
        assertTrue(choice.probabilities(0)[us] > 0, "reference US study access 0.6 gives a positive probability");
        Scenario closed = TestScenarios.withDestinationAccess(scenario, "US", 0.0, world.workAccess(us));
        World w2 = new World(closed);
        StudyChoice c2 = new StudyChoice(w2, closed);
        for (int h = 0; h < w2.regionCount(); h++) {
            double[] p = c2.probabilities(h);
            assertEquals(0.0, p[us], 0.0, "from " + world.id(h));
            // never drawn either: sweep u
            int n = 20_000;
            for (int e = 0; e < Ethnicity.COUNT; e++) {
                for (int k = 0; k < n; k += 7) {
                    assertTrue(c2.draw(h, e, (k + 0.5) / n) != us);
                }
                // the others keep their relative odds: P(RU)/P(home) unchanged
                int ru = world.russia();
                double before = choice.probabilities(h, e)[ru] / choice.probabilities(h, e)[h];
                double[] pe = c2.probabilities(h, e);
                assertEquals(before, pe[ru] / pe[h], 1e-9 * before);
            }
        }
    }

    @Test
    void homeRegionBeatsASameSizedRegionFarAway() {
        int abai = world.indexOf("KZ-10");
        int west = world.indexOf("KZ-27");
        double d = World.greatCircleKm(50.41, 80.23, 51.23, 51.37); // 2016.35 km
        // from Abai: V_home = ln 3 + 1.5 + 0.45 + 0.35 = 3.39861
        //            V_west = ln 3 + 0.45 + 0.40 - 0.4 ln(1 + 2016.35/100) = 0.72770
        // ratio exp(3.39861 - 0.72770) = 14.45314 (python)
        double[] p = choice.probabilities(abai);
        assertTrue(p[abai] > p[west]);
        assertEquals(Math.exp(1.5 - 0.05 + 0.4 * Math.log1p(d / 100)), p[abai] / p[west], 1e-9);
        assertEquals(14.453135263777504, p[abai] / p[west], 1e-6);
        // and the other way round: from West Kazakhstan, West Kazakhstan beats Abai
        // ratio exp(1.5 + 0.05 + 0.4 ln(1 + d/100))
        double[] q = choice.probabilities(west);
        assertTrue(q[west] > q[abai]);
        assertEquals(Math.exp(1.5 + 0.05 + 0.4 * Math.log1p(d / 100)), q[west] / q[abai], 1e-9);
    }

    @Test
    void kinStateBonusesRaiseRussiaForRussiansAndGermanyForGermansOnly() {
        int kostanay = world.indexOf("KZ-39");
        int ru = world.russia();
        int de = world.germany();
        Scenario noBonus = TestScenarios.withStudyNetworkBonuses(scenario, 0.0, 0.0);
        StudyChoice c0 = new StudyChoice(new World(noBonus), noBonus);
        for (int h = 0; h < world.regionCount(); h++) {
            // Russians: the odds of Russia against any other place rise by exp(1.5) = 4.4816891
            double[] with = choice.probabilities(h, Ethnicity.RUSSIAN);
            double[] without = c0.probabilities(h, Ethnicity.RUSSIAN);
            assertEquals(Math.exp(1.5), (with[ru] / with[h]) / (without[ru] / without[h]), 1e-9, world.id(h));
            assertEquals(without[de] / without[h], with[de] / with[h], 1e-9, world.id(h));
            // Germans: the same at Germany
            double[] gw = choice.probabilities(h, Ethnicity.GERMAN);
            double[] go = c0.probabilities(h, Ethnicity.GERMAN);
            assertEquals(Math.exp(1.5), (gw[de] / gw[h]) / (go[de] / go[h]), 1e-9, world.id(h));
            // Kazakhs and the others are unaffected
            for (int e : new int[] {Ethnicity.KAZAKH, Ethnicity.OTHER}) {
                double[] a = choice.probabilities(h, e);
                double[] b = c0.probabilities(h, e);
                for (int j = 0; j < world.placeCount(); j++) {
                    assertEquals(b[j], a[j], 1e-12, world.id(h) + " " + e + " " + world.id(j));
                }
            }
        }
        // a region's orientation towards Russia follows its Russian share, not a border: Kostanay
        // (41.28% Russians) gains more than Atyrau (5.8%), though both border Russia
        int atyrau = world.indexOf("KZ-23");
        double gainKostanay = choice.probabilities(kostanay)[ru] - c0.probabilities(kostanay)[ru];
        double gainAtyrau = choice.probabilities(atyrau)[ru] - c0.probabilities(atyrau)[ru];
        assertTrue(gainKostanay > 3 * gainAtyrau, gainKostanay + " vs " + gainAtyrau);
        assertTrue(gainAtyrau > 0);
    }

    @Test
    void regionProbabilitiesAreTheCompositionMixture() {
        int h = world.indexOf("KZ-59");
        double[] p = choice.probabilities(h);
        double[] mix = new double[p.length];
        double shares = 0;
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double s = world.ethnicShare(h, e);
            shares += s;
            double[] pe = choice.probabilities(h, e);
            for (int j = 0; j < p.length; j++) {
                mix[j] += s * pe[j];
            }
        }
        assertEquals(1.0, shares, 1e-12);
        // North Kazakhstan: Kazakh 33.89%, Russian 48.25%, German 1.1%, other the rest (16.76%)
        assertEquals(0.4825, world.ethnicShare(h, Ethnicity.RUSSIAN), 1e-12);
        assertEquals(0.1676, world.ethnicShare(h, Ethnicity.OTHER), 1e-12);
        for (int j = 0; j < p.length; j++) {
            assertEquals(mix[j], p[j], 1e-12);
        }
    }

    @Test
    void drawFollowsTheProbabilities() {
        int h = world.indexOf("KZ-75");
        double[] p = choice.probabilities(h);
        int n = 200_000;
        double[] freq = new double[world.placeCount()];
        for (int k = 0; k < n; k++) {
            freq[choice.draw(h, Ethnicity.RUSSIAN, (k + 0.5) / n)] += 1.0 / n;
        }
        p = choice.probabilities(h, Ethnicity.RUSSIAN);
        for (int j = 0; j < p.length; j++) {
            assertEquals(p[j], freq[j], 1e-4, world.id(j));
        }
    }

    @Test
    void nestedProbabilitiesByHand() {
        // weights 1 at one region, RU, KG (both CIS) and US; λ_S = 0.5:
        // S_K = 1, S_CIS = 1 + 1 = 2 -> N = √2, S_rest = 1 -> N = 1; total 2 + √2
        double[] w = new double[world.placeCount()];
        int region = 0;
        int ru = world.indexOf("RU");
        int kg = world.indexOf("KG");
        int us = world.indexOf("US");
        w[region] = w[ru] = w[kg] = w[us] = 1.0;
        double[] p = StudyChoice.nestedProbabilities(world, w, 0.5);
        assertEquals(0.29289321881345254, p[region], 1e-12);   // 1 / (2 + √2)
        assertEquals(0.20710678118654757, p[ru], 1e-12);       // (√2 / 2) / (2 + √2)
        assertEquals(0.20710678118654757, p[kg], 1e-12);
        assertEquals(0.29289321881345254, p[us], 1e-12);
        // λ = 1 is the multinomial logit: 1/4 each
        double[] mnl = StudyChoice.nestedProbabilities(world, w, 1.0);
        assertEquals(0.25, mnl[ru], 1e-15);
        // closing Kyrgyzstan: with the nest, RU takes 1/3 − 0.2071 = 0.1262 of KG's 0.2071 (61%) and
        // Kazakhstan 1/3 − 0.2929 = 0.0404; without it, each of the three takes a third (0.0833)
        w[kg] = 0;
        double[] closed = StudyChoice.nestedProbabilities(world, w, 0.5);
        assertEquals(1.0 / 3, closed[ru], 1e-12);
        assertEquals(1.0 / 3, closed[region], 1e-12);
        double toRussia = (closed[ru] - p[ru]) / p[kg];
        assertEquals((1.0 / 3 - 0.20710678118654757) / 0.20710678118654757, toRussia, 1e-12);
        assertTrue(toRussia > 0.6, "within-nest substitution " + toRussia);
    }

    @Test
    void studyCostIndexFollowsTheExchangeRateOverWages() {
        kz.kosh.world.YearlyInputs in = kz.kosh.world.YearlyInputs.builtIn();
        // C_USD(t) = (e(t)/N(t)) / (e(2022)/N(2022)); exchange_rates.csv X1, wages.csv B3
        // 2016: (342.2 / 142898.486) / (460.2 / 309697) = 1.6115462 (python)
        assertEquals(1.6115462007366235, in.studyCostIndex("USD", 2016), 1e-9);
        assertEquals(1.1838971278917103, in.studyCostIndex("USD", 2015), 1e-9);
        assertEquals(1.0, in.studyCostIndex("USD", 2022), 1e-12);
        // RUB cross-rate 2016: (5.105 / 142898.486) / (6.713 / 309697) = 1.6481186
        assertEquals(1.6481186315571847, in.studyCostIndex("RUB", 2016), 1e-9);
        // held before 2012 (first wage year) and after the last year with both series (RUB 2023, USD 2024)
        assertEquals(in.studyCostIndex("USD", 2012), in.studyCostIndex("USD", 1995), 0.0);
        assertEquals(0.6776447713153735, in.studyCostIndex("RUB", 2040), 1e-9);
        assertEquals(0.7785066782038045, in.studyCostIndex("USD", 2040), 1e-9);
        // a currency without a series costs as in 2022; rates are linear between observed years
        assertEquals(1.0, in.studyCostIndex("EUR", 2016), 0.0);
        assertEquals(142.1 + 0.4 * (132.9 - 142.1), in.exchangeRateKzt("USD", 2002), 1e-12);
        assertEquals("RUB", kz.kosh.world.YearlyInputs.currencyOf("RU"));
        assertEquals("USD", kz.kosh.world.YearlyInputs.currencyOf("DE"));
    }

    @Test
    void aWeakerTengeSendsFewerStudentsAbroad() {
        // only the cost index differs between the worlds of 2014 and 2016 in the study utilities;
        // the tenge lost 48% against the dollar (179.2 -> 342.2) but the rouble fell too (RUB cost
        // index 2014 1.78, 2016 1.65), so the dollar destinations (all but Russia) lose students
        Scenario s = TestScenarios.reference();
        World y2014 = new World(s, 2014);
        World y2016 = new World(s, 2016);
        assertTrue(y2016.studyCostIndex(y2016.indexOf("US")) > y2014.studyCostIndex(y2014.indexOf("US")));
        StudyChoice before = new StudyChoice(y2014, s);
        StudyChoice after = new StudyChoice(y2016, s);
        for (int h = 0; h < y2014.regionCount(); h++) {
            double a = abroadShare(y2014, before.probabilities(h));
            double b = abroadShare(y2016, after.probabilities(h));
            assertTrue(b < a, y2014.id(h) + ": abroad except Russia " + a + " -> " + b);
        }
    }

    @Test
    void saferDestinationsDrawMoreStudents() {
        Scenario s = TestScenarios.withStudySafety(TestScenarios.reference(), 2.0);
        World w = new World(s);
        int ru = w.indexOf("RU");
        double before = new StudyChoice(w, s).probabilities(0)[ru];
        Scenario lessSafe = TestScenarios.withDestinationSafety(s, "RU", 0.3);
        double after = new StudyChoice(new World(lessSafe), lessSafe).probabilities(0)[ru];
        assertTrue(after < before, "Russia less safe: " + before + " -> " + after);
    }

    @Test
    void fundedShareByHand() {
        // φ = min(1, F / E)
        assertEquals(0.5, kz.kosh.world.DemandResponse.fundedShare(5000, 10000), 0.0);
        assertEquals(1.0, kz.kosh.world.DemandResponse.fundedShare(5000, 2000), 0.0);
        assertEquals(1.0, kz.kosh.world.DemandResponse.fundedShare(5000, 0), 0.0);
    }

    @Test
    void stateFundedPlacesBindWithinTheYear() {
        Scenario s = TestScenarios.referenceWith("{study: {stateFundedPlacesPerYear: {RU: 200}}}");
        World tables = new World(s);
        int ru = tables.indexOf("RU");
        StudyChoice c = new StudyChoice(tables, s);
        double phi = c.fundedShare(ru);
        // E = A · Σ_h π_h P(RU | h) at φ, recomputed from the choice's own probabilities
        double population = 0;
        for (int h = 0; h < tables.regionCount(); h++) {
            population += tables.population(h);
        }
        double share = 0;
        for (int h = 0; h < tables.regionCount(); h++) {
            share += tables.population(h) / population * c.probabilities(h)[ru];
        }
        double demand = tables.schoolLeaverEntrants() * share;
        assertTrue(demand > 200, "demand " + demand + " exceeds the places, so they bind");
        assertTrue(phi > 0 && phi < 1, "φ " + phi);
        // the funded entrants are the places: φ·E = F
        assertEquals(200.0, phi * demand, 1e-6 * 200);
        // the table world's entrants are 2022's school leavers times the entry rate
        double a = kz.kosh.world.YearlyInputs.builtIn().schoolLeavers(2022, s.population().schoolLeaverCompletionRatio(),
                s.economy().birthsGrowthPerYearAfterLastObserved()) * s.population().higherEducationEntryRate();
        assertEquals(a, tables.schoolLeaverEntrants(), 1e-9 * a);
        // the world keeps the table's index; a destination without places has no φ
        assertEquals(world.studyScholarshipIndex(world.indexOf("TR")), tables.studyScholarshipIndex(tables.indexOf("TR")), 0.0);
        assertTrue(Double.isNaN(c.fundedShare(tables.indexOf("TR"))));
        assertTrue(Double.isNaN(c.fundedShare(0)));
        // the reference scenario offers no places: its choice weighs the table's 0.8
        assertEquals(0.8, world.studyScholarshipIndex(ru), 0.0);
        assertTrue(Double.isNaN(choice.fundedShare(ru)));
    }

    @Test
    void theHostsDemandInClosedFormEqualsTheNestedLogit() {
        // HostDemand's closed form against the full nested logit, at a nest scale below 1
        Scenario s = TestScenarios.referenceWith("{study: {stateFundedPlacesPerYear: {RU: 200}, foreignNestScale: 0.6}}");
        World w = new World(s);
        int ru = w.indexOf("RU");
        double population = 0;
        for (int h = 0; h < w.regionCount(); h++) {
            population += w.population(h);
        }
        StudyChoice.HostDemand d = new StudyChoice.HostDemand(w, s.study(), scholarship(w), ru);
        for (double phi : new double[]{0, 0.2, 0.5, 1}) {
            double[] sigma = scholarship(w);
            sigma[ru] = phi;
            double direct = 0;
            for (int h = 0; h < w.regionCount(); h++) {
                for (int e = 0; e < kz.kosh.world.Ethnicity.COUNT; e++) {
                    double[] p = StudyChoice.nestedProbabilities(w,
                            StudyChoice.weights(w, StudyChoice.utilities(w, s.study(), h, e, sigma)), 0.6);
                    direct += w.population(h) / population * w.ethnicShare(h, e) * p[ru];
                }
            }
            assertEquals(direct, d.share(phi), 1e-12 * direct, "φ " + phi);
        }
    }

    private static double[] scholarship(World w) {
        double[] sigma = new double[w.placeCount()];
        for (int j = 0; j < sigma.length; j++) {
            sigma[j] = w.studyScholarshipIndex(j);
        }
        return sigma;
    }

    @Test
    void theFundedChanceFollowsThisYearsCohortNotLastYearsEntrants() {
        Scenario s = TestScenarios.referenceWith("{study: {stateFundedPlacesPerYear: {RU: 200}}}");
        int ru = world.indexOf("RU");
        // no cobweb: last year's entrants (few or many) do not change this year's chance
        long[] few = new long[world.placeCount()];
        long[] many = new long[world.placeCount()];
        few[ru] = 1000;
        many[ru] = 40000;
        double[] access = new double[world.placeCount()];
        long[] permits = new long[world.placeCount()];
        double a = new StudyChoice(new World(s, 2023, new Demand(few, access, permits)), s).fundedShare(ru);
        double b = new StudyChoice(new World(s, 2023, new Demand(many, access, permits)), s).fundedShare(ru);
        assertEquals(a, b, 0.0);
        // a larger cohort of school leavers (births 2008 > 1998) shares the same places: a smaller chance
        World small = new World(s, 2015);
        World large = new World(s, 2025);
        assertTrue(large.schoolLeaverEntrants() > small.schoolLeaverEntrants());
        double p15 = new StudyChoice(small, s).fundedShare(ru);
        double p25 = new StudyChoice(large, s).fundedShare(ru);
        assertTrue(p25 < p15, "φ 2015 " + p15 + " -> 2025 " + p25);
        // places beyond any demand: φ = 1
        Scenario plenty = TestScenarios.referenceWith("{study: {stateFundedPlacesPerYear: {RU: 9000000}}}");
        assertEquals(1.0, new StudyChoice(new World(plenty), plenty).fundedShare(ru), 1e-12);
    }

    @Test
    void moreStateFundedPlacesDrawMoreStudentsToRussia() {
        double previous = -1;
        // the reference scenario sends about 600 school leavers a year to Russia: places below that bind
        for (int places : new int[]{20, 100, 300, 500}) {
            Scenario s = TestScenarios.referenceWith("{study: {stateFundedPlacesPerYear: {RU: " + places + "}}}");
            World w = new World(s);
            double p = new StudyChoice(w, s).probabilities(0)[w.indexOf("RU")];
            assertTrue(p > previous, places + " places: " + p + " after " + previous);
            previous = p;
        }
    }

    private static double abroadShare(World w, double[] p) {
        double a = 0;
        for (int j = w.regionCount(); j < w.placeCount(); j++) {
            a += j == w.russia() ? 0.0 : p[j];
        }
        return a;
    }

    @Test
    void aDomesticDrawFollowsTheChoiceRestrictedToKazakhstan() {
        // P(j | h, j a region) = P(j | h) / Σ_regions P(k | h): draws at evenly spaced u give those shares
        int h = world.indexOf("KZ-75");
        double[] p = choice.probabilities(h);
        double domestic = 0;
        for (int j = 0; j < world.regionCount(); j++) {
            domestic += p[j];
        }
        int n = 20000;
        double[] freq = new double[world.placeCount()];
        for (int k = 0; k < n; k++) {
            int j = choice.drawDomestic(h, (k + 0.5) / n);
            assertTrue(j >= 0 && j < world.regionCount(), "a region of Kazakhstan: " + j);
            freq[j] += 1.0 / n;
        }
        for (int j = 0; j < world.regionCount(); j++) {
            assertEquals(p[j] / domestic, freq[j], 1e-3, world.id(j));
        }
    }

    @Test
    void nestedProbabilitiesByHandAtForeignNestScaleOneHalf() {
        // w: Almaty 1, Russia 1, Kyrgyzstan 1 (CIS nest), Germany 4 (other nest), the rest 0; λ_S = 0.5:
        // S_K = 1, S_CIS = 1^2 + 1^2 = 2, S_other = 4^2 = 16; N = 1, √2, √16 = 4; total 5 + √2
        double[] w = new double[world.placeCount()];
        int almaty = world.indexOf("KZ-75");
        int ru = world.indexOf("RU");
        int kg = world.indexOf("KG");
        int de = world.indexOf("DE");
        w[almaty] = 1;
        w[ru] = 1;
        w[kg] = 1;
        w[de] = 4;
        double[] p = StudyChoice.nestedProbabilities(world, w, 0.5);
        double total = 5 + Math.sqrt(2);
        assertEquals(1 / total, p[almaty], 1e-12);
        assertEquals(Math.sqrt(2) / total / 2, p[ru], 1e-12);
        assertEquals(Math.sqrt(2) / total / 2, p[kg], 1e-12);
        assertEquals(4 / total, p[de], 1e-12);
        assertEquals(0.0, p[world.indexOf("US")], 0.0);
        // λ_S = 1: the multinomial logit, w_j / Σ w
        double[] mnl = StudyChoice.nestedProbabilities(world, w, 1.0);
        assertEquals(4 / 7.0, mnl[de], 1e-12);
        assertEquals(1 / 7.0, mnl[ru], 1e-12);
    }

    @Test
    void internationalisationTrendByHand() {
        // V_j(t) − V_j(T) = γ·min(0, t − T) for destinations outside the CIS, 0 for the CIS; cost weight 0
        // so that the cost index of the year drops out: γ = 0.1, T = 2019, t = 2015: −0.4
        Scenario s = TestScenarios.referenceWith("study: {costWeight: 0.0, abroadTrendPerYear: 0.1, abroadTrendEndYear: 2019}");
        World y2015 = new World(s, 2015);
        World y2019 = new World(s, 2019);
        World y2025 = new World(s, 2025);
        assertEquals(-4.0, y2015.studyTrendYears(), 0.0);
        assertEquals(0.0, y2019.studyTrendYears(), 0.0);
        assertEquals(0.0, y2025.studyTrendYears(), 0.0);
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double[] v15 = StudyChoice.utilities(y2015, s.study(), 0, e);
            double[] v19 = StudyChoice.utilities(y2019, s.study(), 0, e);
            for (int j = 0; j < y2015.placeCount(); j++) {
                double expected = StudyChoice.nestOf(y2015, j) == 2 ? -0.4 : 0.0;
                if (v19[j] != Double.NEGATIVE_INFINITY) {
                    assertEquals(expected, v15[j] - v19[j], 1e-12, y2015.id(j));
                }
            }
        }
    }

    @Test
    void aStrongerTrendMeansFewerStudentsOutsideTheCisBeforeItsEndAndNoChangeAfter() {
        double previous = Double.POSITIVE_INFINITY;
        double[] at2022 = null;
        for (double gamma : new double[] {0.0, 0.1, 0.2, 0.4}) {
            Scenario s = TestScenarios.referenceWith("study: {abroadTrendPerYear: " + gamma + "}");
            World y2015 = new World(s, 2015);
            double share = 0;
            double[] p = new StudyChoice(y2015, s).probabilities(0);
            for (int j = 0; j < p.length; j++) {
                share += StudyChoice.nestOf(y2015, j) == 2 ? p[j] : 0.0;
            }
            assertTrue(share < previous, "gamma " + gamma + ": " + share + " against " + previous);
            previous = share;
            double[] q = new StudyChoice(new World(s, 2022), s).probabilities(0);
            if (at2022 != null) {
                for (int j = 0; j < q.length; j++) {
                    assertEquals(at2022[j], q[j], 0.0, "2022 is after the trend's end: no change");
                }
            }
            at2022 = q;
        }
    }

    @Test
    void theSafetyWeightWeighsTheChangeFromTheBuiltInTable() {
        // Russia's table index is 0.45 (destinations.csv); at 0.55 its utility is β·0.1 higher: β = 2 gives 0.2
        Scenario s = TestScenarios.referenceWith("study: {safetyWeight: 2.0}");
        Scenario before2022 = TestScenarios.withDestinationSafety(s, "RU", 0.55);
        Scenario table = TestScenarios.withDestinationSafety(s, "RU", 0.45);
        World wb = new World(before2022);
        World wt = new World(table);
        int ru = wb.indexOf("RU");
        assertEquals(0.1, wb.safetyChangeFromTable(ru), 1e-12);
        assertEquals(0.0, wt.safetyChangeFromTable(ru), 0.0);
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double[] vb = StudyChoice.utilities(wb, before2022.study(), 0, e);
            double[] vt = StudyChoice.utilities(wt, table.study(), 0, e);
            for (int j = 0; j < vb.length; j++) {
                if (vt[j] != Double.NEGATIVE_INFINITY) {
                    assertEquals(j == ru ? 0.2 : 0.0, vb[j] - vt[j], 1e-12, wb.id(j));
                }
            }
        }
        // at the table's indices the weight changes nothing (why it can be free while the constants stay fitted)
        Scenario other = TestScenarios.withStudySafety(table, 7.0);
        for (int h = 0; h < wt.regionCount(); h++) {
            double[] p = new StudyChoice(wt, table).probabilities(h);
            double[] q = new StudyChoice(new World(other), other).probabilities(h);
            for (int j = 0; j < p.length; j++) {
                assertEquals(p[j], q[j], 1e-15, wt.id(h) + " -> " + wt.id(j));
            }
        }
    }

    @Test
    void theStateGrantShareByHand() {
        // σ_r = g − g_ref for every region, weighed by β_schol: g = 0.65 against the built-in 0.55, β_schol = 2:
        // every region's utility +0.2, no destination's
        Scenario table = TestScenarios.referenceWith("{study: {scholarshipWeight: 2.0}, policy: {stateGrant: {shareOfDomesticEntrants: 0.55}}}");
        Scenario more = TestScenarios.referenceWith("{study: {scholarshipWeight: 2.0}, policy: {stateGrant: {shareOfDomesticEntrants: 0.65}}}");
        World wt = new World(table);
        World wm = new World(more);
        for (int r = 0; r < wt.regionCount(); r++) {
            assertEquals(0.0, wt.studyScholarshipIndex(r), 0.0);
            assertEquals(0.1, wm.studyScholarshipIndex(r), 1e-12);
        }
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double[] vt = StudyChoice.utilities(wt, table.study(), 3, e);
            double[] vm = StudyChoice.utilities(wm, more.study(), 3, e);
            for (int j = 0; j < vt.length; j++) {
                if (vt[j] != Double.NEGATIVE_INFINITY) {
                    assertEquals(wt.isAbroad(j) ? 0.0 : 0.2, vm[j] - vt[j], 1e-12, wt.id(j));
                }
            }
        }
        // at the built-in share the weight changes nothing at home (the constants fitted at it hold)
        Scenario otherWeight = TestScenarios.referenceWith("{study: {scholarshipWeight: 0.5}, policy: {stateGrant: {shareOfDomesticEntrants: 0.55}}}");
        double[] a = StudyChoice.utilities(wt, table.study(), 3, 0);
        double[] b = StudyChoice.utilities(new World(otherWeight), otherWeight.study(), 3, 0);
        for (int r = 0; r < wt.regionCount(); r++) {
            assertEquals(a[r], b[r], 0.0, wt.id(r));
        }
    }

    @Test
    void moreStateGrantsKeepMoreSchoolLeaversAtHome() {
        double previous = Double.POSITIVE_INFINITY;
        for (double g : new double[] {0.0, 0.425, 0.55, 0.8}) {
            Scenario s = TestScenarios.referenceWith("{policy: {stateGrant: {shareOfDomesticEntrants: " + g + "}}}");
            World w = new World(s);
            StudyChoice c = new StudyChoice(w, s);
            double abroad = 0;
            for (int h = 0; h < w.regionCount(); h++) {
                double[] p = c.probabilities(h);
                for (int j = w.regionCount(); j < p.length; j++) {
                    abroad += p[j];
                }
            }
            assertTrue(abroad < previous, "grant share " + g + ": " + abroad + " against " + previous);
            previous = abroad;
        }
    }
}
