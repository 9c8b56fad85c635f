package kz.kosh.policy;

import kz.kosh.scenario.AgentFields;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.scenario.Statuses;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in programmes' plug-in hooks by hand (without MASON): which random numbers each draw
 * takes and in which order (the simulation relies on it to keep every agent's numbers in place),
 * what the entry, exchange, scholarship and graduation hooks count and pay, and the costs and
 * weights the core asks of them.
 */
class ProgrammeHooksTest {
    static World world;
    static Scenario baseline;

    @BeforeAll
    static void load() {
        baseline = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        world = new World(baseline, 2025);
    }

    /** Returns the given uniforms in order and fails on any other draw; counts what was taken. */
    static final class Script implements RandomGenerator {
        final ArrayDeque<Double> left = new ArrayDeque<>();
        int taken;

        Script(double... u) {
            for (double x : u) {
                left.add(x);
            }
        }

        @Override
        public double nextDouble() {
            taken++;
            return left.remove();
        }

        @Override
        public long nextLong() {
            throw new AssertionError("a programme draws uniforms only");
        }
    }

    /** Counts as a map, and the payments a mover got. */
    static final class Tally implements Counts {
        final Map<Counter, Long> n = new HashMap<>();
        final Map<Counter, Double> v = new HashMap<>();

        @Override
        public void add(Counter counter, long k) {
            n.merge(counter, k, Long::sum);
        }

        @Override
        public long get(Counter counter) {
            return n.getOrDefault(counter, 0L);
        }

        @Override
        public void set(Counter counter, double value) {
            v.put(counter, value);
        }

        @Override
        public double value(Counter counter) {
            return v.getOrDefault(counter, 0.0);
        }

        @Override
        public long breaches(int status) {
            return 0;
        }

        @Override
        public long repaymentsKzt(int status) {
            return 0;
        }
    }

    static final class Agent implements Mover {
        int from;
        int to;
        String route = "self-paid";
        boolean fundedExchange;
        boolean eligible;
        int status = Statuses.NONE;
        boolean phd;
        int obligationPct;
        final List<Integer> taken = new ArrayList<>();
        final List<Double> paid = new ArrayList<>();
        final List<Counter> paidAtYearEnd = new ArrayList<>();

        Agent(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override public int id() { return 1; }
        int home;
        final Map<AgentFields.Field, Integer> fields = new HashMap<>();

        @Override public int home() { return home; }
        @Override public int get(AgentFields.Field field) { return fields.getOrDefault(field, 0); }
        @Override public void set(AgentFields.Field field, int value) { fields.put(field, value); }
        @Override public int from() { return from; }
        @Override public int to() { return to; }
        @Override public int statusBefore() { return status; }
        @Override public boolean phd() { return phd; }
        @Override public boolean eligible() { return eligible; }
        @Override public String fundingRoute() { return route; }
        @Override public boolean fundedExchange() { return fundedExchange; }
        @Override public int obligationPct() { return obligationPct; }
        @Override public void takeObligation(int type) { taken.add(type); obligationPct = 100; }
        @Override public void paid(double kzt) { paid.add(kzt); }
        @Override public void paidAtYearEnd(Counter priceKzt) { paidAtYearEnd.add(priceKzt); }
        double placeDraw = 0.5;
        @Override public double placeDraw() { return placeDraw; }
    }

    @Test
    void aRelocationIsAMoveToANewPlaceNotHome() {
        Relocation r = new Relocation(true, 1_000_000, List.of("KZ-61"), List.of("KZ-39"), 0);
        PolicyModule.MoveHook hook = r.moveHook(world);
        int turkistan = world.indexOf("KZ-61");
        int kostanay = world.indexOf("KZ-39");
        assertFalse(r.paysMoveHome());
        // a graduate of Turkistan relocating to Kostanay: counted, paid at the year's end, recorded
        Tally t = new Tally();
        Agent a = new Agent(turkistan, kostanay);
        a.home = turkistan;
        hook.onMove(a, t);
        assertEquals(1, t.get(Relocation.QUALIFYING));
        assertEquals(List.of(Relocation.KZT_PER_QUALIFYING_MOVE), a.paidAtYearEnd);
        assertEquals(turkistan + 1, a.get(Relocation.ORIGIN));
        // and going back: counted once
        a.from = kostanay;
        a.to = turkistan;
        hook.onMove(a, t);
        assertEquals(1, t.get(Relocation.WENT_BACK));
        // a graduate of Kostanay going home from Turkistan (a first job after study there): no relocation
        Tally home = new Tally();
        Agent b = new Agent(turkistan, kostanay);
        b.home = kostanay;
        hook.onMove(b, home);
        assertEquals(0, home.get(Relocation.QUALIFYING));
        assertTrue(b.paidAtYearEnd.isEmpty());
        assertEquals(0, b.get(Relocation.ORIGIN));
        // nor a move back south afterwards
        b.from = kostanay;
        b.to = turkistan;
        hook.onMove(b, home);
        assertEquals(0, home.get(Relocation.WENT_BACK));
    }

    /** The first region that is not one of the three cities. */
    static int nonCity() {
        for (int r = 0; r < world.regionCount(); r++) {
            if (!world.isCity(r)) {
                return r;
            }
        }
        throw new AssertionError("no region outside the cities");
    }

    private static StateGrant grant(double share, double workOff) {
        return new StateGrant(share, workOff, 3, 1_000_000, 0.7, 2.0);
    }

    @Test
    void aStateGrantTakesOneNumberOrTwo() {
        StateGrant g = grant(0.55, 0.2);
        Script s = new Script(0.6);
        assertEquals(PolicyModule.NOT_FUNDED, g.drawDomesticFunding(s));
        assertEquals(1, s.taken);
        // the share is a strict bound: u = 0.55 is not funded
        assertEquals(PolicyModule.NOT_FUNDED, g.drawDomesticFunding(new Script(0.55)));
        s = new Script(0.5, 0.1);
        assertEquals(StateGrant.OBLIGATION_WORK_OFF, g.drawDomesticFunding(s));
        assertEquals(2, s.taken);
        assertEquals(Statuses.NONE, g.drawDomesticFunding(new Script(0.549, 0.2)));
        // a disabled grant still takes its number (the entrants' numbers keep their places)
        s = new Script(0.0);
        assertEquals(PolicyModule.NOT_FUNDED, grant(0, 0.2).drawDomesticFunding(s));
        assertEquals(1, s.taken);
        assertFalse(grant(0, 0.2).enabled());
        assertTrue(g.enabled());
        assertTrue(g.fundsDomesticEntrants());
        assertEquals("state-grant", g.fundingRoute());
        assertEquals(kz.kosh.indicator.CoreIndicators.FUNDING_ROUTES.get(1), g.fundingRoute());
    }

    @Test
    void aStateGrantCountsAndPaysItsEntrantsAtTheYearsGrantCost() {
        StateGrant g = grant(0.55, 0.2);
        assertTrue(g.hasEntryHook());
        Tally t = new Tally();
        Agent a = new Agent(0, 0);
        g.onEntry(world, a, t);
        assertEquals(0, t.get(StateGrant.ENTRANTS));
        assertTrue(a.paidAtYearEnd.isEmpty());
        a.route = "state-grant";
        g.onEntry(world, a, t);
        g.onEntry(world, a, t);
        assertEquals(2, t.get(StateGrant.ENTRANTS));
        assertEquals(List.of(StateGrant.GRANT_KZT, StateGrant.GRANT_KZT), a.paidAtYearEnd);
        // 1,000,000 KZT a year x the baseline's bachelor years
        int years = baseline.study().bachelorYears();
        g.closeYear(t, baseline, 0.01);
        assertEquals(1_000_000.0 * years, t.value(StateGrant.GRANT_KZT));
        assertEquals(1_000_000.0 * years, g.participantCostKzt(false, baseline));
        assertEquals(1_000_000.0 * years, g.participantCostKzt(true, baseline));
        assertEquals(2 * 1_000_000.0 * years, g.spendingKzt(t, baseline));
        assertEquals(1_000_000.0 * years, g.repaymentKzt(StateGrant.OBLIGATION_WORK_OFF, baseline));
        assertEquals(3, g.serviceYears(StateGrant.OBLIGATION_WORK_OFF, world, 0));
        assertTrue(g.reportsBreachesEveryYear());
        assertArrayEquals(new int[] {StateGrant.OBLIGATION_WORK_OFF}, g.statuses());
        assertEquals(StateGrant.OBLIGATION_WORK_OFF, StateGrant.obligationOf(true));
        assertEquals(Statuses.NONE, StateGrant.obligationOf(false));
    }

    @Test
    void theVillageProgrammeDeclaresTheEligibleShare() {
        RuralIncentive r = new RuralIncentive(true, 0.3, 400_000, 2_000_000, 3, 0.5, 1.5, 0.0, 0);
        assertEquals(0.3, r.eligibleShareOfEntrants());
        assertEquals(0.0, grant(0.5, 0.5).eligibleShareOfEntrants());
        // the village payment needs the eligibility drawn at entry
        int astana = world.indexOf("KZ-71");
        Agent a = new Agent(astana, nonCity());
        Tally t = new Tally();
        r.onMove(world, a, t);
        assertTrue(a.paid.isEmpty());
        a.eligible = true;
        r.onMove(world, a, t);
        assertEquals(List.of(2_400_000.0), a.paid);
        assertEquals(1, t.get(RuralIncentive.PAYMENTS));
    }

    private static AcademicMobility mobility(int returnYears) {
        return new AcademicMobility(0.0077, 0.122, 1_000_000, 1.5,
                Map.of("Europe", 0.8772, "Asia", 0.0877, "NorthAmerica", 0.0351), returnYears, 1_500_000, 0.6, 2.5, 0.2);
    }

    @Test
    void exchangesGoWhereTheirWeightsSayAndFundedOnesAreCountedAndPaid() {
        AcademicMobility m = mobility(0);
        double[] self = m.exchangeWeights(world, baseline.destinations(), false);
        double[] funded = m.exchangeWeights(world, baseline.destinations(), true);
        assertEquals(world.placeCount(), self.length);
        for (int j = 0; j < world.regionCount(); j++) {
            assertEquals(0.0, self[j]);
            assertEquals(0.0, funded[j]);
        }
        for (int j = world.regionCount(); j < world.placeCount(); j++) {
            assertEquals(world.mobility2024(j) * world.studyAccess(j), self[j], 1e-15);
        }
        assertArrayEquals(AcademicMobility.selfFundedWeights(world), self);
        // the funded weights split each group's share by the self-financed weights: within a group funded / self
        // is one constant, share_g / Σ_group self; summed, the shares of the groups that have a destination
        Map<String, Double> groupSelf = new HashMap<>();
        int j0 = world.regionCount();
        List<String> group = new ArrayList<>();
        for (var d : baseline.destinations().values()) {
            group.add(d.group());
            groupSelf.merge(d.group(), self[j0 + group.size() - 1], Double::sum);
        }
        double sum = 0;
        double expected = 0;
        for (int k = 0; k < group.size(); k++) {
            String g = group.get(k);
            double share = Map.of("Europe", 0.8772, "Asia", 0.0877, "NorthAmerica", 0.0351).getOrDefault(g, 0.0);
            assertEquals(groupSelf.get(g) > 0 ? share * self[j0 + k] / groupSelf.get(g) : 0.0, funded[j0 + k], 1e-15,
                    world.id(j0 + k));
            sum += funded[j0 + k];
        }
        for (var e : groupSelf.entrySet()) {
            if (e.getValue() > 0) {
                expected += Map.of("Europe", 0.8772, "Asia", 0.0877, "NorthAmerica", 0.0351).getOrDefault(e.getKey(), 0.0);
            }
        }
        assertTrue(expected > 0.9, "the three funded groups have destinations");
        assertEquals(expected, sum, 1e-9);
        assertEquals(0.0077, m.exchangeRatePerStudentYear());
        assertEquals(0.122, m.exchangeFundedShare());
        assertEquals(1.5, m.considerationBoostAfterExchange());
        assertEquals(1_000_000.0, m.participantCostKzt(false, baseline));
        assertEquals("academic-mobility", m.fundingRoute());
        assertEquals(kz.kosh.indicator.CoreIndicators.FUNDING_ROUTES.get(3), m.fundingRoute());

        Tally t = new Tally();
        Agent a = new Agent(0, world.indexOf("DE"));
        m.onFundedExchange(a, t);
        assertEquals(1, t.get(AcademicMobility.STATE_FUNDED_PARTICIPANTS));
        assertEquals(List.of(1_000_000.0), a.paid);
        assertEquals(1_000_000.0, m.spendingKzt(t, baseline));
    }

    @Test
    void fundedParticipantsGraduatingAreCountedWithTheirFirstJobsAbroad() {
        AcademicMobility m = mobility(0);
        assertTrue(m.hasGraduationHook());
        Tally t = new Tally();
        int de = world.indexOf("DE");
        m.onGraduation(world, new Agent(0, de), t);
        assertEquals(0, t.get(AcademicMobility.STATE_FUNDED_GRADUATES));
        Agent home = new Agent(0, 1);
        home.fundedExchange = true;
        m.onGraduation(world, home, t);
        Agent abroad = new Agent(0, de);
        abroad.fundedExchange = true;
        m.onGraduation(world, abroad, t);
        assertEquals(2, t.get(AcademicMobility.STATE_FUNDED_GRADUATES));
        assertEquals(1, t.get(AcademicMobility.STATE_FUNDED_FIRST_JOB_ABROAD));
    }

    @Test
    void theReturnObligationGoesOnlyToFundedParticipantsWithoutAnother() {
        AcademicMobility off = mobility(0);
        AcademicMobility on = mobility(3);
        int other = Bolashak.OBLIGATION_MASTER;
        assertEquals(Statuses.NONE, off.obligationAtGraduation(true, Statuses.NONE));
        assertEquals(AcademicMobility.OBLIGATION_RETURN, on.obligationAtGraduation(true, Statuses.NONE));
        assertEquals(Statuses.NONE, on.obligationAtGraduation(false, Statuses.NONE));
        assertEquals(other, on.obligationAtGraduation(true, other));
        assertEquals(other, off.obligationAtGraduation(true, other));
        // the default of a module that gives none: the type so far
        assertEquals(other, grant(0.5, 0.5).obligationAtGraduation(true, other));
        assertEquals(3, on.serviceYears(AcademicMobility.OBLIGATION_RETURN, world, 0));
        assertEquals(1_500_000.0, on.repaymentKzt(AcademicMobility.OBLIGATION_RETURN, baseline));
        assertTrue(on.statusInForce(AcademicMobility.OBLIGATION_RETURN));
        assertFalse(off.statusInForce(AcademicMobility.OBLIGATION_RETURN));
        assertTrue(on.reportsIndicators());
        // written whenever the programme runs, so that a run without the obligation pairs with one that has it
        assertTrue(off.reportsIndicators());
        assertFalse(new AcademicMobility(0.0, 0.122, 1_000_000, 1.5, Map.of("Europe", 1.0), 0, 1_500_000, 0.6, 2.5, 0.2)
                .reportsIndicators());
        assertEquals(0.2, off.partnerAtHostProbability());
    }

    private static Bolashak bolashak(boolean enabled, double tuitionOnlyShare) {
        return new Bolashak(enabled, 520, 0.25, 12_000_000, 20_000_000, 0.1, 0.9, 5, 3,
                Map.of("GB", 0.5, "US", 0.3, "RU", 0.2), 4.0, tuitionOnlyShare, 4, 2, 0.5);
    }

    @Test
    void scholarshipsTakeTheirNumbersInOrder() {
        Bolashak b = bolashak(true, 0.0);
        Script s = new Script(0.2);
        assertTrue(b.drawScholarshipPhd(s));
        assertEquals(1, s.taken);
        assertFalse(b.drawScholarshipPhd(new Script(0.25)));
        // without tuition-only awards the obligation takes no number
        s = new Script();
        assertEquals(Bolashak.OBLIGATION_PHD, b.drawScholarshipObligation(true, s));
        assertEquals(Bolashak.OBLIGATION_MASTER, b.drawScholarshipObligation(false, s));
        assertEquals(0, s.taken);
        Bolashak t = bolashak(true, 0.3);
        s = new Script(0.29, 0.3);
        assertEquals(Bolashak.OBLIGATION_PHD_TUITION_ONLY, t.drawScholarshipObligation(true, s));
        assertEquals(Bolashak.OBLIGATION_MASTER, t.drawScholarshipObligation(false, s));
        assertEquals(2, s.taken);
        // a disabled programme makes no tuition-only awards either
        assertFalse(bolashak(false, 0.3).tuitionOnlyAwards());
    }

    @Test
    void scholarshipProbabilityAndWeights() {
        Bolashak b = bolashak(true, 0.0);
        // min(1, A x scale / C): 520 x 0.1 / 104 = 0.5
        assertEquals(0.5, b.scholarshipProbability(104, 0.1, true), 1e-15);
        assertEquals(1.0, b.scholarshipProbability(10, 0.1, true));
        assertEquals(0.0, b.scholarshipProbability(104, 0.1, false));
        assertEquals(0.0, b.scholarshipProbability(0, 0.1, true));
        assertEquals(0.0, bolashak(false, 0).scholarshipProbability(104, 0.1, true));
        double[] w = b.scholarshipWeights(world);
        assertEquals(world.placeCount(), w.length);
        for (int j = 0; j < world.placeCount(); j++) {
            double share = switch (world.id(j)) {
                case "GB" -> 0.5;
                case "US" -> 0.3;
                case "RU" -> 0.2;
                default -> 0.0;
            };
            assertEquals(j < world.regionCount() ? 0.0 : share * world.studyAccess(j), w[j], "place " + world.id(j));
        }
        assertEquals("bolashak", b.fundingRoute());
        assertEquals(kz.kosh.indicator.CoreIndicators.FUNDING_ROUTES.get(2), b.fundingRoute());
        // a module that awards none
        assertNull(grant(0.5, 0.5).scholarshipWeights(world));
        assertEquals(0.0, grant(0.5, 0.5).scholarshipProbability(104, 0.1, true));
    }

    @Test
    void anAwardIsCountedAndPaidAtItsProgrammeCost() {
        Bolashak b = bolashak(true, 0.3);
        Tally t = new Tally();
        Agent a = new Agent(0, world.indexOf("GB"));
        b.onScholarship(a, Bolashak.OBLIGATION_PHD, t);
        b.onScholarship(a, Bolashak.OBLIGATION_MASTER_TUITION_ONLY, t);
        assertEquals(2, t.get(Bolashak.AWARDS));
        // 20,000,000 + 12,000,000 x 0.5
        assertEquals(26_000_000, t.get(Bolashak.AWARDS_KZT));
        assertEquals(List.of(20_000_000.0, 6_000_000.0), a.paid);
        assertEquals(26_000_000.0, b.spendingKzt(t, baseline));
        assertEquals(12_000_000.0, b.participantCostKzt(false, baseline));
        assertEquals(20_000_000.0, b.participantCostKzt(true, baseline));
        // R = cost x (1 + markup); Y: 5 / 3 years, tuition-only 4 / 2
        assertEquals(22_000_000.0, b.repaymentKzt(Bolashak.OBLIGATION_PHD, baseline), 1e-6);
        assertEquals(6_600_000.0, b.repaymentKzt(Bolashak.OBLIGATION_MASTER_TUITION_ONLY, baseline), 1e-6);
        int astana = world.indexOf("KZ-71");
        int turkistan = nonCity();
        assertTrue(world.isCity(astana));
        assertEquals(5, b.serviceYears(Bolashak.OBLIGATION_MASTER, world, astana));
        assertEquals(3, b.serviceYears(Bolashak.OBLIGATION_PHD, world, turkistan));
        assertEquals(4, b.serviceYears(Bolashak.OBLIGATION_MASTER_TUITION_ONLY, world, astana));
        assertEquals(2, b.serviceYears(Bolashak.OBLIGATION_PHD_TUITION_ONLY, world, turkistan));
        assertTrue(b.statusInForce(Bolashak.OBLIGATION_MASTER_TUITION_ONLY));
        assertFalse(bolashak(true, 0.0).statusInForce(Bolashak.OBLIGATION_PHD_TUITION_ONLY));
        assertTrue(bolashak(true, 0.0).statusInForce(Bolashak.OBLIGATION_PHD));
    }

    @Test
    void costsAskTheModuleThatFundsTheRoute() {
        Costs c = Costs.of(baseline);
        var p = baseline.policy();
        assertEquals(p.get(Bolashak.class).costKztMaster(), c.participantKzt("bolashak", false));
        assertEquals(p.get(Bolashak.class).costKztPhd(), c.participantKzt("bolashak", true));
        assertEquals(p.get(StateGrant.class).grantCostKzt(baseline), c.participantKzt("state-grant", false));
        assertEquals(p.get(AcademicMobility.class).costKztPerParticipant(), c.participantKzt("academic-mobility", false));
        assertEquals(0.0, c.participantKzt("self-paid", false));
        assertEquals(0.0, c.participantKzt("no-such-route", true));
    }
}
