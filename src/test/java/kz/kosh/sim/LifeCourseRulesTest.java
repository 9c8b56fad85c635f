package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The life-course rules on a handful of agents with rates set to 0 or 1, so every outcome is
 * exact: obligation service by place, breach and repayment, partner following by sex, brain
 * waste, permits and the second choice, stock counting. No MASON schedule is involved.
 */
class LifeCourseRulesTest {
    @TempDir
    Path dir;

    private Scenario scenario(String body) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, body);
        return ScenarioLoader.load(f).scenario();
    }

    private static final class Small {
        final Scenario s;
        final World w;
        final Rules rules;
        final Population pop = new Population();
        final YearCounters c;

        Small(Scenario s) {
            this.s = s;
            this.w = new World(s);
            this.rules = new Rules(w, s);
            this.c = new YearCounters(w.regionCount(), w.placeCount());
        }

        int place(String id) {
            return w.indexOf(id);
        }

        /** A graduate at {@code at}, home {@code home}, with the given obligation (100% left when not none). */
        int graduate(String home, String at, boolean female, int obligation) {
            int i = pop.addStudent(place(home), place(home), place(at), 25, female, Population.MASTER,
                    obligation == kz.kosh.policy.Bolashak.OBLIGATION_MASTER ? Population.BOLASHAK : Population.SELF_PAID,
                    0, obligation);
            pop.set(i, Population.STUDENT, false);
            pop.setObligationPct(i, obligation == kz.kosh.scenario.Statuses.NONE ? 0 : 100);
            return i;
        }
    }

    @Test
    void bolashakObligationIsServedInFiveYearsInTheCitiesAndThreeElsewhere() throws IOException {
        Small m = new Small(scenario("description: rules\n"));
        int city = m.graduate("KZ-55", "KZ-75", false, kz.kosh.policy.Bolashak.OBLIGATION_MASTER);
        int region = m.graduate("KZ-55", "KZ-55", false, kz.kosh.policy.Bolashak.OBLIGATION_MASTER);
        int[] cityPct = new int[5];
        int[] regionPct = new int[3];
        for (int y = 0; y < 5; y++) {
            m.rules.serveObligationYear(m.pop, city);
            cityPct[y] = m.pop.obligationPct(city);
        }
        for (int y = 0; y < 3; y++) {
            m.rules.serveObligationYear(m.pop, region);
            regionPct[y] = m.pop.obligationPct(region);
        }
        // ⌈100/5⌉ = 20 a year in Almaty; ⌈100/3⌉ = 34 a year in Pavlodar
        assertEquals("[80, 60, 40, 20, 0]", java.util.Arrays.toString(cityPct));
        assertEquals("[66, 32, 0]", java.util.Arrays.toString(regionPct));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.pop.obligationType(city));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.pop.obligationType(region));
    }

    @Test
    void grantWorkOffIsServedAnywhereInKazakhstanButNotAbroad() throws IOException {
        Small m = new Small(scenario("policy: {stateGrant: {workOffYears: 4}}\n"));
        int astana = m.graduate("KZ-55", "KZ-71", false, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF);
        int abroad = m.graduate("KZ-55", "GB", false, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF);
        m.rules.serveObligationYear(m.pop, astana);
        m.rules.serveObligationYear(m.pop, abroad);
        assertEquals(75, m.pop.obligationPct(astana));
        assertEquals(100, m.pop.obligationPct(abroad), "a year abroad serves nothing");
    }

    @Test
    void breachAbroadRepaysCostPlusMarkupWhenEnforced() throws IOException {
        Small m = new Small(scenario("policy: {bolashak: {enforcementProbability: 1.0, costKztMaster: 12500000, "
                + "penaltyMarkup: 0.1}}\nhumanCapital: {brainWasteProbabilityForeignDegree: 0, brainWasteProbabilityLocalDegree: 0}\n"));
        int i = m.graduate("KZ-55", "KZ-75", false, kz.kosh.policy.Bolashak.OBLIGATION_MASTER);
        m.pop.setObligationPct(i, 60);
        m.rules.move(m.pop, i, m.place("US"), FlowKind.EMIGRATION, new SplittableRandom(1), m.c);
        assertEquals(13_750_000L, bolashak(m.c::repaymentsKzt), "12.5 M KZT × 1.1");
        assertEquals(0L, m.c.repaymentsKzt(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
        assertEquals(1, bolashak(m.c::breaches));
        assertEquals(0, m.pop.obligationPct(i));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.pop.obligationType(i));
        assertEquals(m.place("US"), m.pop.location(i));
    }

    @Test
    void unenforcedBreachIsCountedButRecoversNothing() throws IOException {
        Small m = new Small(scenario("policy: {bolashak: {enforcementProbability: 0.0}}\n"));
        int i = m.graduate("KZ-55", "KZ-75", false, kz.kosh.policy.Bolashak.OBLIGATION_MASTER);
        m.rules.move(m.pop, i, m.place("GB"), FlowKind.EMIGRATION, new SplittableRandom(1), m.c);
        assertEquals(0L, bolashak(m.c::repaymentsKzt));
        assertEquals(1, bolashak(m.c::breaches));
    }

    @Test
    void aMoveWithinKazakhstanDoesNotBreachBolashak() throws IOException {
        Small m = new Small(scenario("policy: {bolashak: {enforcementProbability: 1.0}}\n"));
        int i = m.graduate("KZ-55", "KZ-75", false, kz.kosh.policy.Bolashak.OBLIGATION_MASTER);
        m.rules.move(m.pop, i, m.place("KZ-71"), FlowKind.INTERNAL, new SplittableRandom(1), m.c);
        assertEquals(100, m.pop.obligationPct(i));
        assertEquals(0, bolashak(m.c::breaches) + m.c.breaches(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
    }

    @Test
    void grantBreachRepaysCostPerYearTimesBachelorYears() throws IOException {
        Small m = new Small(scenario("policy: {stateGrant: {enforcementProbability: 1.0, costKztPerYear: 900000}}\n"
                + "study: {bachelorYears: 4}\n"));
        int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF);
        m.rules.move(m.pop, i, m.place("RU"), FlowKind.EMIGRATION, new SplittableRandom(1), m.c);
        assertEquals(3_600_000L, m.c.repaymentsKzt(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
        assertEquals(0L, bolashak(m.c::repaymentsKzt));
        assertEquals(1, m.c.breaches(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
        assertEquals(0, bolashak(m.c::breaches));
    }

    @Test
    void partnerFollowsAMaleMoverButNotAFemaleOneWhenRatesAreOneAndZero() throws IOException {
        Small m = new Small(scenario("family: {partnerFollowsMaleMover: 1.0, partnerFollowsFemaleMover: 0.0}\n"));
        int man = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        int woman = m.graduate("KZ-55", "KZ-55", true, kz.kosh.scenario.Statuses.NONE);
        m.pop.setPartner(man, m.place("KZ-55"));
        m.pop.setPartner(woman, m.place("KZ-55"));
        SplittableRandom rnd = new SplittableRandom(3);
        m.rules.move(m.pop, man, m.place("KZ-71"), FlowKind.INTERNAL, rnd, m.c);
        m.rules.move(m.pop, woman, m.place("KZ-71"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(m.place("KZ-71"), m.pop.partner(man));
        assertEquals(m.place("KZ-55"), m.pop.partner(woman));
        assertEquals(1, m.c.partnersFollowing());
    }

    @Test
    void partnersFormAndJoinAtRateOneWithinTheAgeWindowOnly() throws IOException {
        Small m = new Small(scenario("family: {partnershipRatePerYear: 1.0, partnerJoinRatePerYear: 1.0, "
                + "partnershipMinAgeYears: 22, partnershipMaxAgeYears: 35}\n"));
        int young = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        int old = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        int apart = m.graduate("KZ-55", "KZ-71", false, kz.kosh.scenario.Statuses.NONE);
        m.pop.setAge(old, 36);
        m.pop.setPartner(apart, m.place("KZ-55"));
        SplittableRandom rnd = new SplittableRandom(5);
        m.rules.partnerYear(m.pop, young, rnd, m.c);
        m.rules.partnerYear(m.pop, old, rnd, m.c);
        m.rules.partnerYear(m.pop, apart, rnd, m.c);
        assertEquals(m.place("KZ-55"), m.pop.partner(young));
        assertEquals(Population.NONE, m.pop.partner(old));
        assertEquals(m.place("KZ-71"), m.pop.partner(apart), "the partner living elsewhere joins");
        assertEquals(1, m.c.partnersFollowing());
    }

    @Test
    void brainWasteOddsDependOnTheDegreePlaceAndLanguage() throws IOException {
        Small m = new Small(scenario("humanCapital: {brainWasteProbabilityForeignDegree: 0.5, "
                + "brainWasteProbabilityLocalDegree: 0.1}\n"));
        int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        int de = m.place("DE");
        assertEquals(0.5 * (1 - m.w.languageProximity(de)), m.rules.brainWasteProbability(m.pop, i, de), 1e-15);
        m.pop.setDegreePlace(i, de);
        assertEquals(0.1, m.rules.brainWasteProbability(m.pop, i, de), 1e-15);
    }

    @Test
    void arrivalAbroadWithCertainBrainWasteSetsTheFlagAndCountsItAndAReturnClearsIt() throws IOException {
        Small m = new Small(scenario("humanCapital: {brainWasteProbabilityForeignDegree: 1.0}\n"
                + "destinations: {DE: {languageProximity: 0}}\n"));
        int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        SplittableRandom rnd = new SplittableRandom(7);
        m.rules.move(m.pop, i, m.place("DE"), FlowKind.EMIGRATION, rnd, m.c);
        assertTrue(m.pop.has(i, Population.BELOW_QUALIFICATION));
        assertTrue(m.pop.has(i, Population.EVER_ABROAD));
        assertEquals(1, m.c.brainWasteEntries());
        m.rules.move(m.pop, i, m.place("KZ-55"), FlowKind.RETURN, rnd, m.c);
        assertFalse(m.pop.has(i, Population.BELOW_QUALIFICATION));
        assertEquals(1, m.c.flow(FlowKind.EMIGRATION.ordinal(), Population.SELF_PAID, m.place("KZ-55"), m.place("KZ-55"),
                m.place("DE")));
        assertEquals(1, m.c.flow(FlowKind.RETURN.ordinal(), Population.SELF_PAID, m.place("KZ-55"), m.place("DE"),
                m.place("KZ-55")));
    }

    @Test
    void aClosedDestinationRefusesThePermitAndTheSecondChoiceIsTaken() throws IOException {
        Small m = new Small(scenario("destinations: {DE: {workAccess: 0.0}, GB: {workAccess: 1.0}}\n"));
        int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
        LocationTables t = LocationTables.build(m.w, new kz.kosh.decision.LocationUtility(m.w, m.s), m.s.decision(),
                new double[m.w.placeCount()]);
        Bonuses b = new Bonuses();
        m.rules.bonuses(m.pop, i, b);
        t.prepare(m.rules.kind(m.pop, i), m.pop.location(i), b);
        int de = m.place("DE");
        int gb = m.place("GB");
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 50; k++) {
            int j = m.rules.moveChoice(t, b, m.pop.location(i), de, false, m.pop.home(i), m.pop.degreePlace(i), rnd, m.c);
            assertTrue(j != de, "a destination with work access 0 never grants a permit");
        }
        assertEquals(50, m.c.permitRefused(de));
        // an open destination is granted at once
        assertEquals(gb, m.rules.moveChoice(t, b, m.pop.location(i), gb, false, m.pop.home(i), m.pop.degreePlace(i), rnd, m.c));
        // no intention: stay, or go home when staying is not possible
        assertEquals(m.place("KZ-71"), m.rules.moveChoice(t, b, m.place("KZ-71"), -1, false, m.place("KZ-55"), m.pop.degreePlace(i), rnd, m.c));
        assertEquals(m.place("KZ-55"), m.rules.moveChoice(t, b, m.place("KZ-71"), -1, true, m.place("KZ-55"), m.pop.degreePlace(i), rnd, m.c));
    }

    @Test
    void stocksCountEachAgentAtItsPlaceByStatusAndHome() throws IOException {
        Small m = new Small(scenario("description: stocks\n"));
        int student = m.pop.addStudent(m.place("KZ-55"), m.place("KZ-55"), m.place("KZ-75"), 19, false,
                Population.BACHELOR, Population.SELF_PAID, 3, kz.kosh.scenario.Statuses.NONE);
        int returnee = m.graduate("KZ-55", "KZ-71", false, kz.kosh.scenario.Statuses.NONE);
        m.pop.set(returnee, Population.EVER_ABROAD, true);
        int wasted = m.graduate("KZ-10", "DE", false, kz.kosh.scenario.Statuses.NONE);
        m.pop.set(wasted, Population.BELOW_QUALIFICATION, true);
        m.pop.set(wasted, Population.EXCHANGE_FUNDED, true);
        Stocks s = new Stocks(m.w.regionCount(), m.w.placeCount());
        s.countAgents(m.pop, m.w, 0, m.pop.size(), 2020);
        assertEquals(3, s.agents);
        assertEquals(1, s.count(Stocks.STUDENT, m.place("KZ-55"), m.place("KZ-75")));
        assertEquals(0, s.count(Stocks.GRADUATE, m.place("KZ-55"), m.place("KZ-75")));
        assertEquals(1, s.count(Stocks.GRADUATE, m.place("KZ-55"), m.place("KZ-71")));
        assertEquals(1, s.count(Stocks.GRADUATE, m.place("KZ-10"), m.place("DE")));
        assertEquals(0, s.count(Stocks.GRADUATE, m.place("KZ-55"), m.place("KZ-55")));
        assertEquals(1, s.returneesByRegion[m.place("KZ-71")]);
        assertEquals(0, s.returneesByRegion[m.place("KZ-55")]);
        assertEquals(1, s.belowQualification[m.place("DE")]);
        assertEquals(1, s.exchangeFundedByPlace[m.place("DE")]);
        assertEquals(student, 0);
    }

    @Test
    void partnershipsFormFromTheMinimumToTheMaximumAgeInclusive() throws IOException {
        Small m = new Small(scenario("family: {partnershipRatePerYear: 1.0, partnershipMinAgeYears: 22, partnershipMaxAgeYears: 35}\n"));
        int[] ages = {21, 22, 35, 36};
        boolean[] formed = new boolean[ages.length];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int k = 0; k < ages.length; k++) {
            int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.scenario.Statuses.NONE);
            m.pop.setAge(i, ages[k]);
            m.rules.partnerYear(m.pop, i, rnd, m.c);
            formed[k] = m.pop.partner(i) != Population.NONE;
        }
        assertEquals("[false, true, true, false]", java.util.Arrays.toString(formed));
    }

    @Test
    void anObligationOfZeroYearsIsDischargedByOneYearAndALastPercentEndsIt() throws IOException {
        Small m = new Small(scenario("policy: {stateGrant: {workOffYears: 0}}\n"));
        int i = m.graduate("KZ-55", "KZ-55", false, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF);
        m.rules.serveObligationYear(m.pop, i);
        assertEquals(0, m.pop.obligationPct(i));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.pop.obligationType(i));
        Small n = new Small(scenario("policy: {stateGrant: {workOffYears: 3}}\n"));
        int j = n.graduate("KZ-55", "KZ-55", false, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF);
        n.pop.setObligationPct(j, 1);
        n.rules.serveObligationYear(n.pop, j);
        assertEquals(0, n.pop.obligationPct(j));
        assertEquals(kz.kosh.scenario.Statuses.NONE, n.pop.obligationType(j));
    }

    @Test
    void theVillageProgrammePaysAnEligibleMoverIntoARegionAndBindsItAndACityBreachesIt() throws IOException {
        Small m = new Small(scenario("policy: {ruralIncentive: {enabled: true, lumpSumKzt: 400000, housingSubsidyKzt: 2000000, "
                + "commitmentYears: 3, enforcementProbability: 1.0}}\n"));
        int i = m.graduate("KZ-55", "KZ-71", false, kz.kosh.scenario.Statuses.NONE);
        m.pop.set(i, Population.ELIGIBLE, true);
        SplittableRandom rnd = new SplittableRandom(13);
        m.rules.move(m.pop, i, m.place("KZ-10"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(1, m.c.get(kz.kosh.policy.RuralIncentive.PAYMENTS));
        assertEquals(2_400_000L, m.c.get(kz.kosh.policy.RuralIncentive.PAYMENTS_KZT));
        assertEquals(1, m.c.get(kz.kosh.policy.RuralIncentive.COMMITMENTS));
        assertEquals(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, m.pop.obligationType(i));
        assertEquals(100, m.pop.obligationPct(i));
        // a second move into another region pays nothing while committed
        m.rules.move(m.pop, i, m.place("KZ-39"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(1, m.c.get(kz.kosh.policy.RuralIncentive.PAYMENTS));
        // moving to a city breaks the commitment and repays the payment
        m.rules.move(m.pop, i, m.place("KZ-75"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(1, m.c.breaches(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.pop.obligationType(i));
        assertTrue(m.c.repaymentsKzt(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT) > 0);
        // an ineligible mover into a region is not paid
        int k = m.graduate("KZ-55", "KZ-71", false, kz.kosh.scenario.Statuses.NONE);
        m.rules.move(m.pop, k, m.place("KZ-10"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(1, m.c.get(kz.kosh.policy.RuralIncentive.PAYMENTS));
    }

    @Test
    void returnSupportPaysCitizensComingHomeAndResearchersTheirGrant() throws IOException {
        Small m = new Small(scenario("policy: {returnSupport: {enabled: true, citizenReturnSubsidyKzt: 500000, "
                + "researcherReturnGrantKzt: 10000000}}\n"));
        int phd = m.graduate("KZ-55", "DE", false, kz.kosh.scenario.Statuses.NONE);
        m.pop.setDegree(phd, Population.PHD);
        int master = m.graduate("KZ-55", "DE", false, kz.kosh.scenario.Statuses.NONE);
        assertEquals(kz.kosh.policy.ReturnSupport.RESEARCHER, m.rules.status(m.pop, phd));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.rules.status(m.pop, master));
        SplittableRandom rnd = new SplittableRandom(17);
        m.rules.move(m.pop, phd, m.place("KZ-55"), FlowKind.RETURN, rnd, m.c);
        m.rules.move(m.pop, master, m.place("KZ-55"), FlowKind.RETURN, rnd, m.c);
        assertEquals(2, m.c.get(kz.kosh.policy.ReturnSupport.PAYMENTS));
        assertEquals(1, m.c.get(kz.kosh.policy.ReturnSupport.RESEARCHER_GRANTS));
        assertEquals(1, m.c.get(kz.kosh.policy.ReturnSupport.PHD_RETURN_MOVES));
        // at home a PhD holder is not a researcher abroad any more
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.rules.status(m.pop, phd));
        // a move within Kazakhstan is no return
        m.rules.move(m.pop, master, m.place("KZ-71"), FlowKind.INTERNAL, rnd, m.c);
        assertEquals(2, m.c.get(kz.kosh.policy.ReturnSupport.PAYMENTS));
    }

    @Test
    void whenTheSecondChoiceIsRefusedTooAGraduateWhoMustLeaveGoesHome() throws IOException {
        Small m = new Small(scenario("destinations: {DE: {workAccess: 0.0}, GB: {workAccess: 0.0}, US: {workAccess: 0.0}, "
                + "RU: {workAccess: 0.0}, TR: {workAccess: 0.0}, KG: {workAccess: 0.0}, UZ: {workAccess: 0.0}, CA: {workAccess: 0.0}, "
                + "PL: {workAccess: 0.0}, CZ: {workAccess: 0.0}, KR: {workAccess: 0.0}, CN: {workAccess: 0.0}, EU: {workAccess: 0.0}, "
                + "ROW: {workAccess: 0.0}}\n"));
        int i = m.graduate("KZ-55", "KZ-71", false, kz.kosh.scenario.Statuses.NONE);
        LocationTables t = LocationTables.build(m.w, new kz.kosh.decision.LocationUtility(m.w, m.s), m.s.decision(),
                new double[m.w.placeCount()]);
        Bonuses b = new Bonuses();
        m.rules.bonuses(m.pop, i, b);
        t.prepare(m.rules.kind(m.pop, i), m.pop.location(i), b);
        SplittableRandom rnd = new SplittableRandom(19);
        int de = m.place("DE");
        // every foreign place closed: the intention abroad is refused, and so is any foreign second choice
        for (int k = 0; k < 20; k++) {
            int j = m.rules.moveChoice(t, b, m.place("KZ-71"), de, true, m.place("KZ-55"), m.pop.degreePlace(i), rnd, m.c);
            assertTrue(!m.w.isAbroad(j), "no foreign place can be reached: " + m.w.id(j));
        }
    }

    /** The sum over Bolashak's four obligation types of a count by type. */
    private static long bolashak(java.util.function.IntToLongFunction byType) {
        long n = 0;
        for (int t : new int[]{kz.kosh.policy.Bolashak.OBLIGATION_MASTER, kz.kosh.policy.Bolashak.OBLIGATION_PHD,
                kz.kosh.policy.Bolashak.OBLIGATION_MASTER_TUITION_ONLY, kz.kosh.policy.Bolashak.OBLIGATION_PHD_TUITION_ONLY}) {
            n += byType.applyAsLong(t);
        }
        return n;
    }
}
