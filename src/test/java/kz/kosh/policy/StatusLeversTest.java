package kz.kosh.policy;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.LocationUtility;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact rules of the levers that give agents a programme status (without MASON): obligation
 * types' repayment, service years and where they are breached; the money terms for given c, j
 * and status; the expected relocation subsidy for given places and demand.
 */
public class StatusLeversTest {
    @TempDir
    Path dir;

    private Scenario scenario(String body) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, body);
        return ScenarioLoader.load(f).scenario();
    }

    private static final String LEVERS = """
            policy:
              academicMobility: {returnObligationYears: 3, returnObligationPenaltyKzt: 1500000,
                                 enforcementProbability: 0.6, breachUtilityCost: 2.5}
              ruralIncentive: {lumpSumKzt: 400000, housingSubsidyKzt: 2000000, commitmentYears: 3,
                               enforcementProbability: 0.5, breachUtilityCost: 1.5}
              relocation: {subsidyKzt: 1000000, placesPerYear: 600}
              returnSupport: {enabled: true, researcherReturnGrantKzt: 10000000, citizenReturnSubsidyKzt: 500000}
              bolashak: {tuitionOnlyShare: 0.3, obligationYearsTuitionOnlyCities: 4, obligationYearsTuitionOnlyRegions: 2,
                         tuitionOnlyCostShare: 0.5, costKztMaster: 12000000, costKztPhd: 20000000, penaltyMarkup: 0.1}
            """;

    @Test
    void neutralDefaultsGiveNoNewStatus() throws IOException {
        Scenario s = scenario("description: defaults\n");
        var p = s.policy();
        assertFalse(p.get(AcademicMobility.class).returnObligationOn());
        assertFalse(p.get(RuralIncentive.class).commitmentOn());
        assertFalse(p.get(Relocation.class).capped());
        assertFalse(p.get(ReturnSupport.class).enabled());
        assertFalse(p.get(Bolashak.class).tuitionOnlyAwards());
        for (int o : new int[]{kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, kz.kosh.policy.ReturnSupport.RESEARCHER,
                kz.kosh.policy.Bolashak.OBLIGATION_MASTER_TUITION_ONLY, kz.kosh.policy.Bolashak.OBLIGATION_PHD_TUITION_ONLY}) {
            assertFalse(p.statusInForce(o), "status " + o);
        }
        assertTrue(p.statusInForce(kz.kosh.scenario.Statuses.NONE));
        assertTrue(p.statusInForce(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
        // a state-funded participant keeps no obligation while the return obligation is off
        assertEquals(kz.kosh.scenario.Statuses.NONE, p.get(AcademicMobility.class).obligationAtGraduation(true, kz.kosh.scenario.Statuses.NONE));
    }

    @Test
    void mobilityReturnObligation() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        AcademicMobility m = s.policy().get(kz.kosh.policy.AcademicMobility.class);
        assertSame(m, ObligationProgramme.of(s.policy(), kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN));
        assertEquals("academic-mobility", m.programme());
        // only state-funded participants without another obligation take it
        assertEquals(kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN, m.obligationAtGraduation(true, kz.kosh.scenario.Statuses.NONE));
        assertEquals(kz.kosh.scenario.Statuses.NONE, m.obligationAtGraduation(false, kz.kosh.scenario.Statuses.NONE));
        assertEquals(kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF, m.obligationAtGraduation(true, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF));
        assertEquals(kz.kosh.policy.Bolashak.OBLIGATION_MASTER, m.obligationAtGraduation(true, kz.kosh.policy.Bolashak.OBLIGATION_MASTER));
        assertEquals(1_500_000, m.repaymentKzt(kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN, s));
        assertEquals(0.6, m.enforcementProbability());
        assertEquals(2.5, m.breachUtilityCost());
        int astana = w.indexOf("KZ-71");
        int akmola = w.indexOf("KZ-11");
        int de = w.indexOf("DE");
        assertEquals(3, m.serviceYears(kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN, w, astana));
        assertEquals(3, m.serviceYears(kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN, w, akmola));
        assertTrue(m.breachedAt(w, de));
        assertFalse(m.breachedAt(w, astana));
        assertFalse(m.breachedAt(w, akmola));
        // by default a move breaches where living at its end does
        assertFalse(m.breachedByMove(w, astana, akmola));
        assertTrue(m.breachedByMove(w, astana, de));
    }

    @Test
    void villageCommitment() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        RuralIncentive r = s.policy().get(kz.kosh.policy.RuralIncentive.class);
        assertSame(r, ObligationProgramme.of(s.policy(), kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT));
        int astana = w.indexOf("KZ-71");
        int almaty = w.indexOf("KZ-75");
        int akmola = w.indexOf("KZ-11");
        int kostanay = w.indexOf("KZ-39");
        int de = w.indexOf("DE");
        // repayment = lump sum + housing subsidy value
        assertEquals(2_400_000, r.repaymentKzt(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, s));
        assertEquals(3, r.serviceYears(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, w, akmola));
        // a city or abroad breaches; another region does not
        assertTrue(r.breachedAt(w, astana));
        assertTrue(r.breachedAt(w, almaty));
        assertTrue(r.breachedAt(w, de));
        assertFalse(r.breachedAt(w, kostanay));
        // the commitment binds to the region where it was taken: any move away breaches it, staying does not
        assertTrue(r.breachedByMove(w, akmola, kostanay));
        assertTrue(r.breachedByMove(w, akmola, astana));
        assertTrue(r.breachedByMove(w, akmola, de));
        assertFalse(r.breachedByMove(w, akmola, akmola));
        // paid: eligible movers into a non-city region, not already committed
        assertTrue(r.paidOnMove(w, astana, akmola, kz.kosh.scenario.Statuses.NONE, true));
        assertTrue(r.paidOnMove(w, astana, akmola, kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF, true));
        assertFalse(r.paidOnMove(w, astana, akmola, kz.kosh.scenario.Statuses.NONE, false));
        assertFalse(r.paidOnMove(w, akmola, akmola, kz.kosh.scenario.Statuses.NONE, true));
        assertFalse(r.paidOnMove(w, akmola, almaty, kz.kosh.scenario.Statuses.NONE, true));
        assertFalse(r.paidOnMove(w, akmola, kostanay, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, true));
        assertEquals(2_400_000, r.moneyKzt(w, de, akmola, kz.kosh.scenario.Statuses.NONE, true));
        assertEquals(0.0, r.moneyKzt(w, akmola, kostanay, kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT, true));
    }

    @Test
    void expectedRelocationSubsidy() throws IOException {
        Scenario s = scenario(LEVERS);
        Relocation r = s.policy().get(kz.kosh.policy.Relocation.class);
        assertTrue(r.capped());
        // 600 places at scale 0.1 = 60 agents; last year 240 qualifying moves: chance 1/4
        assertEquals(0.25, r.placeChance(0.1, 240), 1e-15);
        assertEquals(1.0, r.placeChance(0.1, 60), 1e-15);
        assertEquals(1.0, r.placeChance(0.1, 30), 1e-15);
        assertEquals(1.0, r.placeChance(0.1, 0), 1e-15);
        assertEquals(60.0, r.subsidised(0.1, 240), 1e-12);
        assertEquals(30.0, r.subsidised(0.1, 30), 1e-12);
        Relocation unlimited = new Relocation(true, 1_000_000, r.fromRegions(), r.toRegions(), 0);
        assertEquals(1.0, unlimited.placeChance(0.1, 1_000_000));
        assertEquals(240.0, unlimited.subsidised(0.1, 240));
        // in the tables: subsidy × chance for a qualifying move (Turkistan -> North Kazakhstan), nothing otherwise
        World w = new World(s);
        int turkistan = w.indexOf("KZ-61");
        int north = w.indexOf("KZ-59");
        int astana = w.indexOf("KZ-71");
        assertTrue(r.qualifies(w, turkistan, north));
        assertFalse(r.qualifies(w, turkistan, astana));
        LocationUtility full = new LocationUtility(w, s, relocationChance(s, 1.0));
        LocationUtility quarter = new LocationUtility(w, s, relocationChance(s, 0.25));
        double base = full.subsidyKzt(turkistan, north, kz.kosh.scenario.Statuses.NONE, false) - 1_000_000;
        assertEquals(base + 250_000, quarter.subsidyKzt(turkistan, north, kz.kosh.scenario.Statuses.NONE, false), 1e-6);
        assertEquals(full.subsidyKzt(turkistan, astana, kz.kosh.scenario.Statuses.NONE, false),
                quarter.subsidyKzt(turkistan, astana, kz.kosh.scenario.Statuses.NONE, false), 0.0);
    }

    @Test
    void returnSupportMoneyAndResearcherStatus() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        ReturnSupport rs = s.policy().get(kz.kosh.policy.ReturnSupport.class);
        assertNull(ObligationProgramme.of(s.policy(), kz.kosh.policy.ReturnSupport.RESEARCHER));
        int de = w.indexOf("DE");
        int us = w.indexOf("US");
        int akmola = w.indexOf("KZ-11");
        int astana = w.indexOf("KZ-71");
        // status: a PhD holder abroad without obligation
        assertEquals(kz.kosh.policy.ReturnSupport.RESEARCHER, rs.derivedStatus(kz.kosh.scenario.Statuses.NONE, true, true));
        assertEquals(kz.kosh.scenario.Statuses.NONE, rs.derivedStatus(kz.kosh.scenario.Statuses.NONE, false, true));
        assertEquals(kz.kosh.scenario.Statuses.NONE, rs.derivedStatus(kz.kosh.scenario.Statuses.NONE, true, false));
        assertEquals(kz.kosh.policy.Bolashak.OBLIGATION_PHD, rs.derivedStatus(kz.kosh.policy.Bolashak.OBLIGATION_PHD, true, true));
        // money: c abroad, j in Kazakhstan
        assertEquals(10_500_000, rs.moneyKzt(w, de, akmola, kz.kosh.policy.ReturnSupport.RESEARCHER, false));
        assertEquals(500_000, rs.moneyKzt(w, de, astana, kz.kosh.scenario.Statuses.NONE, true));
        assertEquals(0.0, rs.moneyKzt(w, de, us, kz.kosh.policy.ReturnSupport.RESEARCHER, false));
        assertEquals(0.0, rs.moneyKzt(w, akmola, astana, kz.kosh.policy.ReturnSupport.RESEARCHER, false));
        assertEquals(0.0, rs.moneyKzt(w, de, de, kz.kosh.policy.ReturnSupport.RESEARCHER, false));
        ReturnSupport off = new ReturnSupport(false, 10_000_000, 500_000);
        assertEquals(0.0, off.moneyKzt(w, de, akmola, kz.kosh.policy.ReturnSupport.RESEARCHER, false));
        assertEquals(kz.kosh.scenario.Statuses.NONE, off.derivedStatus(kz.kosh.scenario.Statuses.NONE, true, true));
        // the tables' money term of a researcher returning from Germany to Akmola holds both payments
        LocationUtility u = new LocationUtility(w, s);
        assertEquals(10_000_000, u.subsidyKzt(de, akmola, kz.kosh.policy.ReturnSupport.RESEARCHER, false)
                - u.subsidyKzt(de, akmola, kz.kosh.scenario.Statuses.NONE, false), 1e-6);
    }

    @Test
    void bolashakTuitionOnlyAwards() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        Bolashak b = s.policy().get(kz.kosh.policy.Bolashak.class);
        int tm = Bolashak.obligationOf(false, true);
        int tp = Bolashak.obligationOf(true, true);
        assertEquals(kz.kosh.policy.Bolashak.OBLIGATION_MASTER_TUITION_ONLY, tm);
        assertEquals(kz.kosh.policy.Bolashak.OBLIGATION_PHD_TUITION_ONLY, tp);
        assertSame(b, ObligationProgramme.of(s.policy(), tm));
        assertSame(b, ObligationProgramme.of(s.policy(), tp));
        int astana = w.indexOf("KZ-71");
        int akmola = w.indexOf("KZ-11");
        // 4 / 2 years when only tuition was covered (policies.md), 5 / 3 for full awards
        assertEquals(4, b.serviceYears(tm, w, astana));
        assertEquals(2, b.serviceYears(tm, w, akmola));
        assertEquals(5, b.serviceYears(kz.kosh.policy.Bolashak.OBLIGATION_MASTER, w, astana));
        assertEquals(3, b.serviceYears(kz.kosh.policy.Bolashak.OBLIGATION_PHD, w, akmola));
        // R = cost × cost share × (1 + markup)
        assertEquals(12_000_000 * 0.5 * 1.1, b.repaymentKzt(tm, s), 1e-6);
        assertEquals(20_000_000 * 0.5 * 1.1, b.repaymentKzt(tp, s), 1e-6);
        assertEquals(20_000_000 * 1.1, b.repaymentKzt(kz.kosh.policy.Bolashak.OBLIGATION_PHD, s), 1e-6);
        assertTrue(s.policy().statusInForce(tm));
    }

    /** Payment chances with {@code p} for relocation and 1 for every other module. */
    public static double[] relocationChance(kz.kosh.scenario.Scenario s, double p) {
        java.util.List<kz.kosh.policy.PolicyModule> modules = kz.kosh.decision.LocationUtility.modulesOf(s);
        double[] chances = new double[modules.size()];
        for (int k = 0; k < chances.length; k++) {
            chances[k] = modules.get(k) instanceof kz.kosh.policy.Relocation ? p : 1.0;
        }
        return chances;
    }
}
