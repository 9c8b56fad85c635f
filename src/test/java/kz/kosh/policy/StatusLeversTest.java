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
        for (int o : new int[]{AgentKind.OBLIGATION_MOBILITY, AgentKind.OBLIGATION_RURAL, AgentKind.STATUS_RESEARCHER,
                AgentKind.OBLIGATION_BOLASHAK_MASTER_TUITION_ONLY, AgentKind.OBLIGATION_BOLASHAK_PHD_TUITION_ONLY}) {
            assertFalse(p.statusInForce(o), "status " + o);
        }
        assertTrue(p.statusInForce(AgentKind.OBLIGATION_NONE));
        assertTrue(p.statusInForce(AgentKind.OBLIGATION_GRANT));
        // a state-funded participant keeps no obligation while the return obligation is off
        assertEquals(AgentKind.OBLIGATION_NONE, p.get(AcademicMobility.class).obligationAtGraduation(true, AgentKind.OBLIGATION_NONE));
    }

    @Test
    void mobilityReturnObligation() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        AcademicMobility m = s.policy().get(kz.kosh.policy.AcademicMobility.class);
        assertSame(m, ObligationProgramme.of(s.policy(), AgentKind.OBLIGATION_MOBILITY));
        assertEquals("academic-mobility", m.programme());
        // only state-funded participants without another obligation take it
        assertEquals(AgentKind.OBLIGATION_MOBILITY, m.obligationAtGraduation(true, AgentKind.OBLIGATION_NONE));
        assertEquals(AgentKind.OBLIGATION_NONE, m.obligationAtGraduation(false, AgentKind.OBLIGATION_NONE));
        assertEquals(AgentKind.OBLIGATION_GRANT, m.obligationAtGraduation(true, AgentKind.OBLIGATION_GRANT));
        assertEquals(AgentKind.OBLIGATION_BOLASHAK_MASTER, m.obligationAtGraduation(true, AgentKind.OBLIGATION_BOLASHAK_MASTER));
        assertEquals(1_500_000, m.repaymentKzt(AgentKind.OBLIGATION_MOBILITY, s));
        assertEquals(0.6, m.enforcementProbability());
        assertEquals(2.5, m.breachUtilityCost());
        int astana = w.indexOf("KZ-71");
        int akmola = w.indexOf("KZ-11");
        int de = w.indexOf("DE");
        assertEquals(3, m.serviceYears(AgentKind.OBLIGATION_MOBILITY, w, astana));
        assertEquals(3, m.serviceYears(AgentKind.OBLIGATION_MOBILITY, w, akmola));
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
        assertSame(r, ObligationProgramme.of(s.policy(), AgentKind.OBLIGATION_RURAL));
        int astana = w.indexOf("KZ-71");
        int almaty = w.indexOf("KZ-75");
        int akmola = w.indexOf("KZ-11");
        int kostanay = w.indexOf("KZ-39");
        int de = w.indexOf("DE");
        // repayment = lump sum + housing subsidy value
        assertEquals(2_400_000, r.repaymentKzt(AgentKind.OBLIGATION_RURAL, s));
        assertEquals(3, r.serviceYears(AgentKind.OBLIGATION_RURAL, w, akmola));
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
        assertTrue(r.paidOnMove(w, astana, akmola, AgentKind.OBLIGATION_NONE, true));
        assertTrue(r.paidOnMove(w, astana, akmola, AgentKind.OBLIGATION_GRANT, true));
        assertFalse(r.paidOnMove(w, astana, akmola, AgentKind.OBLIGATION_NONE, false));
        assertFalse(r.paidOnMove(w, akmola, akmola, AgentKind.OBLIGATION_NONE, true));
        assertFalse(r.paidOnMove(w, akmola, almaty, AgentKind.OBLIGATION_NONE, true));
        assertFalse(r.paidOnMove(w, akmola, kostanay, AgentKind.OBLIGATION_RURAL, true));
        assertEquals(2_400_000, r.moneyKzt(w, de, akmola, AgentKind.OBLIGATION_NONE, true));
        assertEquals(0.0, r.moneyKzt(w, akmola, kostanay, AgentKind.OBLIGATION_RURAL, true));
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
        double base = full.subsidyKzt(turkistan, north, AgentKind.OBLIGATION_NONE, false) - 1_000_000;
        assertEquals(base + 250_000, quarter.subsidyKzt(turkistan, north, AgentKind.OBLIGATION_NONE, false), 1e-6);
        assertEquals(full.subsidyKzt(turkistan, astana, AgentKind.OBLIGATION_NONE, false),
                quarter.subsidyKzt(turkistan, astana, AgentKind.OBLIGATION_NONE, false), 0.0);
    }

    @Test
    void returnSupportMoneyAndResearcherStatus() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        ReturnSupport rs = s.policy().get(kz.kosh.policy.ReturnSupport.class);
        assertNull(ObligationProgramme.of(s.policy(), AgentKind.STATUS_RESEARCHER));
        int de = w.indexOf("DE");
        int us = w.indexOf("US");
        int akmola = w.indexOf("KZ-11");
        int astana = w.indexOf("KZ-71");
        // status: a PhD holder abroad without obligation
        assertEquals(AgentKind.STATUS_RESEARCHER, rs.status(AgentKind.OBLIGATION_NONE, true, true));
        assertEquals(AgentKind.OBLIGATION_NONE, rs.status(AgentKind.OBLIGATION_NONE, false, true));
        assertEquals(AgentKind.OBLIGATION_NONE, rs.status(AgentKind.OBLIGATION_NONE, true, false));
        assertEquals(AgentKind.OBLIGATION_BOLASHAK_PHD, rs.status(AgentKind.OBLIGATION_BOLASHAK_PHD, true, true));
        // money: c abroad, j in Kazakhstan
        assertEquals(10_500_000, rs.moneyKzt(w, de, akmola, AgentKind.STATUS_RESEARCHER, false));
        assertEquals(500_000, rs.moneyKzt(w, de, astana, AgentKind.OBLIGATION_NONE, true));
        assertEquals(0.0, rs.moneyKzt(w, de, us, AgentKind.STATUS_RESEARCHER, false));
        assertEquals(0.0, rs.moneyKzt(w, akmola, astana, AgentKind.STATUS_RESEARCHER, false));
        assertEquals(0.0, rs.moneyKzt(w, de, de, AgentKind.STATUS_RESEARCHER, false));
        ReturnSupport off = new ReturnSupport(false, 10_000_000, 500_000);
        assertEquals(0.0, off.moneyKzt(w, de, akmola, AgentKind.STATUS_RESEARCHER, false));
        assertEquals(AgentKind.OBLIGATION_NONE, off.status(AgentKind.OBLIGATION_NONE, true, true));
        // the tables' money term of a researcher returning from Germany to Akmola holds both payments
        LocationUtility u = new LocationUtility(w, s);
        assertEquals(10_000_000, u.subsidyKzt(de, akmola, AgentKind.STATUS_RESEARCHER, false)
                - u.subsidyKzt(de, akmola, AgentKind.OBLIGATION_NONE, false), 1e-6);
    }

    @Test
    void bolashakTuitionOnlyAwards() throws IOException {
        Scenario s = scenario(LEVERS);
        World w = new World(s);
        Bolashak b = s.policy().get(kz.kosh.policy.Bolashak.class);
        int tm = Bolashak.obligationOf(false, true);
        int tp = Bolashak.obligationOf(true, true);
        assertEquals(AgentKind.OBLIGATION_BOLASHAK_MASTER_TUITION_ONLY, tm);
        assertEquals(AgentKind.OBLIGATION_BOLASHAK_PHD_TUITION_ONLY, tp);
        assertSame(b, ObligationProgramme.of(s.policy(), tm));
        assertSame(b, ObligationProgramme.of(s.policy(), tp));
        int astana = w.indexOf("KZ-71");
        int akmola = w.indexOf("KZ-11");
        // 4 / 2 years when only tuition was covered (policies.md), 5 / 3 for full awards
        assertEquals(4, b.serviceYears(tm, w, astana));
        assertEquals(2, b.serviceYears(tm, w, akmola));
        assertEquals(5, b.serviceYears(AgentKind.OBLIGATION_BOLASHAK_MASTER, w, astana));
        assertEquals(3, b.serviceYears(AgentKind.OBLIGATION_BOLASHAK_PHD, w, akmola));
        // R = cost × cost share × (1 + markup)
        assertEquals(12_000_000 * 0.5 * 1.1, b.repaymentKzt(tm, s), 1e-6);
        assertEquals(20_000_000 * 0.5 * 1.1, b.repaymentKzt(tp, s), 1e-6);
        assertEquals(20_000_000 * 1.1, b.repaymentKzt(AgentKind.OBLIGATION_BOLASHAK_PHD, s), 1e-6);
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
