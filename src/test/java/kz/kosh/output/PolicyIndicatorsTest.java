package kz.kosh.output;

import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.CounterFixtures;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.TestRuns;
import kz.kosh.sim.YearCounters;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy indicators (non-return N years after graduation, fiscal loss, obligation breaches and
 * repayments by programme, retention by destination category, the Docquier-Rapoport band) from
 * hand-filled counters, with the values computed by hand; and the non-return cohort in a run.
 */
class PolicyIndicatorsTest {
    private static final double SCALE = 0.5;  // every agent stands for 2 persons
    /** The parameters in force, with the costs: Bolashak 10,000 (master's) and 30,000 (PhD), a grant 1,000 × 4 years, mobility 1,000. */
    static Scenario costs;
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path tmp;

    static World world;
    static int atyrau;
    static int mangystau;
    static int astana;
    static int almaty;
    static int russia;

    @BeforeAll
    static void world() {
        Scenario s = ScenarioLoader.load(TestRuns.BASELINE).scenario();
        world = new World(s, 2025);
        costs = TestRuns.variant(tmp, "costs", "policy: {bolashak: {costKztMaster: 10000, costKztPhd: 30000}, "
                + "stateGrant: {costKztPerYear: 1000}, academicMobility: {costKztPerParticipant: 1000}}\n"
                + "study: {bachelorYears: 4}\n", 1, SCALE).scenario();
        // each route's participant cost is asked of the module that funds it: Bolashak master's / PhD,
        // a grant 1,000 x 4 years, a state-funded exchange; self-paid study costs the state nothing
        kz.kosh.policy.Costs c = kz.kosh.policy.Costs.of(costs);
        assertEquals(10_000, c.participantKzt("bolashak", false));
        assertEquals(30_000, c.participantKzt("bolashak", true));
        assertEquals(4_000, c.participantKzt("state-grant", false));
        assertEquals(4_000, c.participantKzt("state-grant", true));
        assertEquals(1_000, c.participantKzt("academic-mobility", false));
        assertEquals(0, c.participantKzt("self-paid", false));
        atyrau = world.indexOf("KZ-23");
        mangystau = world.indexOf("KZ-47");
        astana = world.indexOf("KZ-71");
        almaty = world.indexOf("KZ-75");
        russia = world.indexOf("RU");
    }

    private static Map<String, Double> compute(YearCounters c, Stocks s) {
        Map<String, Double> out = new HashMap<>();
        Stocks prev = new Stocks(world.regionCount(), world.placeCount());
        Indicators.compute(world, c, s, prev, SCALE, costs, new double[world.placeCount()],
                (ind, place, value) -> out.put(ind + "|" + place, value));
        return out;
    }

    private static YearCounters counters() {
        return new YearCounters(world.regionCount(), world.placeCount());
    }

    private static Stocks stocks() {
        return new Stocks(world.regionCount(), world.placeCount());
    }

    @Test
    void programmeSpendingByProgrammeNetOfRepayments() {
        YearCounters c = counters();
        // 2 Bolashak awards costing 10,000 + 30,000; 3 state-funded mobility participants (1,000 each);
        // village payments 5,000; relocations 7,000; return subsidies 2,000 + researcher grants 3,000
        CounterFixtures.payments(c, 2, 40_000, 3, 5_000, 7_000, 2_000, 3_000);
        // 4 state-grant entrants (4,000 each for the whole bachelor), 5 self-paid entrants (no spending)
        CounterFixtures.entrants(c, Population.STATE_GRANT, atyrau, astana, 4);
        CounterFixtures.entrants(c, Population.SELF_PAID, atyrau, astana, 5);
        // repayments recovered: 6,000 (Bolashak) + 1,500 (grant)
        CounterFixtures.repayment(c, false, 6_000);
        CounterFixtures.repayment(c, true, 1_500);
        Map<String, Double> v = compute(c, stocks());
        // every agent stands for 2 persons (scale 0.5)
        assertEquals(2 * 40_000.0, v.get("spending_kzt_bolashak|KZ"));
        assertEquals(2 * 4 * 4_000.0, v.get("spending_kzt_state-grant|KZ"));
        assertEquals(2 * 3 * 1_000.0, v.get("spending_kzt_academic-mobility|KZ"));
        assertEquals(2 * 5_000.0, v.get("spending_kzt_rural-incentive|KZ"));
        assertEquals(2 * 7_000.0, v.get("spending_kzt_relocation|KZ"));
        assertEquals(2 * 5_000.0, v.get("spending_kzt_return-support|KZ"));
        assertEquals(2 * 7_500.0, v.get("repayments_kzt_total|KZ"));
        // (40,000 + 16,000 + 3,000 + 5,000 + 7,000 + 5,000 − 7,500) × 2 = 137,000
        assertEquals(137_000.0, v.get("programme_spending_kzt|KZ"));
        assertEquals(4.0, v.get("bolashak_awards|KZ"));
        assertEquals("KZT", Indicators.unit("spending_kzt_relocation"));
        assertEquals("KZT", Indicators.unit("programme_spending_kzt"));
    }

    @Test
    void spendingIsWrittenAsZeroWithoutPayments() {
        Map<String, Double> v = compute(counters(), stocks());
        for (String p : Indicators.SPENDING_PROGRAMMES) {
            assertEquals(0.0, v.get("spending_kzt_" + p + "|KZ"), p);
        }
        assertEquals(0.0, v.get("programme_spending_kzt|KZ"));
    }

    @Test
    void nonReturnAndFiscalLossOfTheCohortByProgramme() {
        Stocks s = stocks();
        // Bolashak: 2 masters and 1 PhD abroad, 1 master back home -> 3/4
        CounterFixtures.cohort(s, 2, Population.BOLASHAK, false, false, false, true, true);
        CounterFixtures.cohort(s, 1, Population.BOLASHAK, false, false, true, true, true);
        CounterFixtures.cohort(s, 1, Population.BOLASHAK, false, false, false, true, false);
        // state grant (Kazakhstani universities): 1 abroad of 4 -> 1/4
        CounterFixtures.cohort(s, 1, Population.STATE_GRANT, false, false, false, false, true);
        CounterFixtures.cohort(s, 3, Population.STATE_GRANT, false, false, false, false, false);
        // self-paid: a former state-funded mobility participant abroad, a self-funded one at home, one more abroad
        CounterFixtures.cohort(s, 1, Population.SELF_PAID, true, true, false, false, true);
        CounterFixtures.cohort(s, 1, Population.SELF_PAID, true, false, false, false, false);
        CounterFixtures.cohort(s, 1, Population.SELF_PAID, false, false, false, false, true);
        Map<String, Double> v = compute(counters(), s);
        assertEquals(3.0 / 4, v.get("abroad_n_years_after_graduation_share_bolashak|KZ"), 1e-12);
        assertEquals(1.0 / 4, v.get("abroad_n_years_after_graduation_share_state-grant|KZ"), 1e-12);
        assertEquals(2.0 / 3, v.get("abroad_n_years_after_graduation_share_self-paid|KZ"), 1e-12);
        assertEquals(1.0 / 2, v.get("abroad_n_years_after_graduation_share_academic-mobility|KZ"), 1e-12);
        // degree abroad: the 4 Bolashak graduates, 3 abroad; in Kazakhstan: 7, of whom 3 abroad
        assertEquals(3.0 / 4, v.get("abroad_n_years_after_graduation_share_degree_abroad|KZ"), 1e-12);
        assertEquals(3.0 / 7, v.get("abroad_n_years_after_graduation_share_degree_in_kz|KZ"), 1e-12);
        // persons = agents x 2: (2 x 10,000 + 1 x 30,000) x 2; 1 x 4,000 x 2; 1 x 1,000 x 2
        assertEquals(100_000.0, v.get("fiscal_loss_kzt_bolashak|KZ"), 1e-6);
        assertEquals(8_000.0, v.get("fiscal_loss_kzt_state-grant|KZ"), 1e-6);
        assertEquals(2_000.0, v.get("fiscal_loss_kzt_academic-mobility|KZ"), 1e-6);
        for (String f : Population.FUNDING_NAMES) {
            assertEquals(Indicators.SHARE, Indicators.unit("abroad_n_years_after_graduation_share_" + f));
        }
        assertEquals(Indicators.SHARE, Indicators.unit("abroad_n_years_after_graduation_share_degree_abroad"));
        assertEquals(Indicators.KZT, Indicators.unit("fiscal_loss_kzt_bolashak"));
        assertEquals(Indicators.SHARE, Indicators.unit("first_job_abroad_share_bolashak"));
    }

    @Test
    void anEmptyCohortGivesNoShareAndNoLoss() {
        Map<String, Double> v = compute(counters(), stocks());
        assertTrue(v.get("abroad_n_years_after_graduation_share_bolashak|KZ").isNaN(), "a share of no graduates is missing");
        assertEquals(0.0, v.get("fiscal_loss_kzt_bolashak|KZ"));
    }

    @Test
    void breachesAndRepaymentsByProgramme() {
        YearCounters c = counters();
        CounterFixtures.breaches(c, 3, 2);
        CounterFixtures.repayment(c, false, 1_000_000);
        CounterFixtures.repayment(c, false, 500_000);
        CounterFixtures.repayment(c, true, 200_000);
        Map<String, Double> v = compute(c, stocks());
        assertEquals(6.0, v.get("obligation_breaches_bolashak|KZ"), 1e-12);
        assertEquals(4.0, v.get("obligation_breaches_state-grant|KZ"), 1e-12);
        assertEquals(3_000_000.0, v.get("repayments_kzt_bolashak|KZ"), 1e-6);
        assertEquals(400_000.0, v.get("repayments_kzt_state-grant|KZ"), 1e-6);
        assertEquals(Indicators.PERSONS_PER_YEAR, Indicators.unit("obligation_breaches_state-grant"));
        assertEquals(Indicators.KZT, Indicators.unit("repayments_kzt_bolashak"));
    }

    @Test
    void retentionByDestinationCategory() {
        Stocks s = stocks();
        int g = Stocks.GRADUATE;
        // Atyrau's graduates: 6 at home, 2 in Astana (a megacity), 1 in Mangystau, 1 in Russia
        CounterFixtures.agents(s, g, atyrau, atyrau, 6);
        CounterFixtures.agents(s, g, atyrau, astana, 2);
        CounterFixtures.agents(s, g, atyrau, mangystau, 1);
        CounterFixtures.agents(s, g, atyrau, russia, 1);
        // students are not graduates
        CounterFixtures.agents(s, Stocks.STUDENT, atyrau, russia, 5);
        // Astana's graduates: 3 at home (a megacity, but home), 1 in Almaty (another megacity)
        CounterFixtures.agents(s, g, astana, astana, 3);
        CounterFixtures.agents(s, g, astana, almaty, 1);
        Map<String, Double> v = compute(counters(), s);
        String a = world.id(atyrau);
        assertEquals(0.6, v.get("retention_home_share|" + a), 1e-12);
        assertEquals(0.2, v.get("retention_megacity_share|" + a), 1e-12);
        assertEquals(0.1, v.get("retention_elsewhere_kz_share|" + a), 1e-12);
        assertEquals(0.1, v.get("retention_abroad_share|" + a), 1e-12);
        String t = world.id(astana);
        assertEquals(0.75, v.get("retention_home_share|" + t), 1e-12);
        assertEquals(0.25, v.get("retention_megacity_share|" + t), 1e-12);
        assertEquals(0.0, v.get("retention_elsewhere_kz_share|" + t), 1e-12);
        // national: 9 home, 3 megacity, 1 elsewhere, 1 abroad of 14
        assertEquals(9.0 / 14, v.get("retention_home_share|KZ"), 1e-12);
        assertEquals(3.0 / 14, v.get("retention_megacity_share|KZ"), 1e-12);
        assertEquals(1.0 / 14, v.get("retention_elsewhere_kz_share|KZ"), 1e-12);
        assertEquals(1.0 / 14, v.get("retention_abroad_share|KZ"), 1e-12);
        // the home share is retention_own_graduates, the abroad share own_graduates_abroad_share
        assertEquals(v.get("retention_own_graduates|" + a), v.get("retention_home_share|" + a));
        assertEquals(v.get("own_graduates_abroad_share|" + a), v.get("retention_abroad_share|" + a));
        assertEquals(Indicators.SHARE, Indicators.unit("retention_megacity_share"));
    }

    @Test
    void retentionSharesSumToOneAndSpendingAddsUpInEveryYearOfARun(@TempDir Path dir) {
        Scenario s = TestRuns.variant(dir, "retention", TestRuns.run(2015, 2018, 8), 3, 0.02).scenario();
        KoshSim sim = new KoshSim(s, 2);
        int[] checked = {0};
        sim.addObserver((KoshSim m, int year, YearCounters c, Stocks st, Stocks prev) -> {
            Map<String, double[]> sums = new TreeMap<>();
            Map<String, Double> national = new HashMap<>();
            Indicators.compute(m, c, st, prev, (ind, place, value) -> {
                if (ind.startsWith("retention_") && ind.endsWith("_share")) {
                    sums.computeIfAbsent(place, p -> new double[1])[0] += value;
                }
                if (place.equals(Indicators.NATIONAL)) {
                    national.put(ind, value);
                }
            });
            // spending: each Bolashak award costs between a master's and a PhD award; the net total
            // is the programmes' sum less the repayments
            var bol = m.params().policy().get(kz.kosh.policy.Bolashak.class);
            double awards = national.get("bolashak_awards");
            if (awards > 0) {
                double perAward = national.get("spending_kzt_bolashak") / awards;
                assertTrue(perAward >= bol.costKztMaster() * bol.tuitionOnlyCostShare() - 1
                        && perAward <= bol.costKztPhd() + 1, year + ": " + perAward + " KZT per award");
            }
            double sum = -national.get("repayments_kzt_total");
            for (String p : Indicators.SPENDING_PROGRAMMES) {
                sum += national.get("spending_kzt_" + p);
            }
            assertEquals(sum, national.get("programme_spending_kzt"), 1e-6 * Math.abs(sum) + 1e-6);
            assertEquals(m.world().regionCount() + 1, sums.size(), "retention shares by home region and KZ");
            for (Map.Entry<String, double[]> e : sums.entrySet()) {
                assertEquals(1.0, e.getValue()[0], 1e-9, year + " " + e.getKey());
            }
            checked[0]++;
        });
        HeadlessRun.runYears(sim);
        assertTrue(checked[0] > 0);
    }

    @Test
    void docquierRapoportBands() {
        assertEquals("< 15%", Indicators.docquierRapoportBand(0.0));
        assertEquals("< 15%", Indicators.docquierRapoportBand(0.149));
        assertEquals("15-20%", Indicators.docquierRapoportBand(0.15));
        assertEquals("15-20%", Indicators.docquierRapoportBand(0.199));
        assertEquals("20-35%", Indicators.docquierRapoportBand(0.20));
        assertEquals("20-35%", Indicators.docquierRapoportBand(0.35));
        assertEquals("> 35%", Indicators.docquierRapoportBand(0.351));
        assertTrue(Indicators.docquierRapoportMeaning("20-35%").contains("harmful"));
    }

    /**
     * In a run, the non-return indicators follow run.nonReturnYearsAfterGraduation: with N = 1 the
     * cohort of year Y + 1 is the new graduates of year Y (none can age out in a year, none die),
     * and N = 1 and N = 5 give different shares but the same flows.
     */
    @Test
    void theCohortFollowsNonReturnYearsAfterGraduation(@TempDir Path dir) {
        Map<Integer, Map<String, Double>> one = run(dir, 1);
        Map<Integer, Map<String, Double>> five = run(dir, 5);
        boolean differs = false;
        for (int y : one.keySet()) {
            assertEquals(one.get(y).get("emigration"), five.get(y).get("emigration"), "the dynamics do not depend on N");
            differs |= !one.get(y).get("abroad_n_years_after_graduation_share_self-paid").equals(five.get(y).get("abroad_n_years_after_graduation_share_self-paid"));
            Map<String, Double> before = one.get(y - 1);
            if (before != null) {
                assertEquals(before.get("new_graduates"), one.get(y).get("cohort"), 1e-9,
                        "cohort of " + y + " with N = 1 = new graduates of " + (y - 1));
            }
        }
        assertTrue(differs, "N changes abroad_n_years_after_graduation_share_self-paid");
        assertNotEquals(one.get(2020).get("cohort"), five.get(2020).get("cohort"));
    }

    /** National indicators by year, plus "cohort": the persons of the N-years-after-graduation cohort. */
    private static Map<Integer, Map<String, Double>> run(Path dir, int n) {
        Scenario s = TestRuns.variant(dir, "n" + n, "run: {startYear: 2015, endYear: 2020, spinUpYears: 6, "
                + "nonReturnYearsAfterGraduation: " + n + "}\n", 11, 0.02).scenario();
        assertEquals(n, s.run().nonReturnYearsAfterGraduation());
        KoshSim sim = new KoshSim(s, 2);
        Map<Integer, Map<String, Double>> out = new TreeMap<>();
        sim.addObserver((KoshSim m, int year, YearCounters c, Stocks st, Stocks prev) -> {
            Map<String, Double> y = new HashMap<>();
            Indicators.compute(m, c, st, prev, (ind, place, value) -> {
                if (place.equals(Indicators.NATIONAL)) {
                    y.put(ind, value);
                }
            });
            long cohort = 0;
            for (int f = 0; f < Population.ACADEMIC_MOBILITY; f++) {
                cohort += st.cohort(f);
            }
            y.put("cohort", cohort / m.scenario().run().scale());
            out.put(year, y);
        });
        HeadlessRun.runYears(sim);
        return out;
    }
}
