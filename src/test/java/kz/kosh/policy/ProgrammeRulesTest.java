package kz.kosh.policy;

import kz.kosh.scenario.Statuses;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The move rules of return support and the village programme by hand: who is paid what, who is
 * counted, who takes a commitment, where it is breached, what is repaid, which indicators are
 * written with which values.
 */
class ProgrammeRulesTest {
    private static World w;
    private static int astana;
    private static int village;
    private static int otherVillage;
    private static int de;

    @BeforeAll
    static void places() {
        ProgrammeHooksTest.load();
        w = ProgrammeHooksTest.world;
        astana = w.indexOf("KZ-71");
        village = ProgrammeHooksTest.nonCity();
        for (int r = village + 1; r < w.regionCount(); r++) {
            if (!w.isCity(r)) {
                otherVillage = r;
                break;
            }
        }
        de = w.indexOf("DE");
    }

    private static Map<String, Double> written(PolicyModule m, Counts c, double perAgent) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.indicators(c, perAgent, (name, place, value) -> out.put(name + "|" + place, value));
        return out;
    }

    @Test
    void returnSupportPaysReturnsAndCountsPhdReturnsAlways() {
        ReturnSupport on = new ReturnSupport(true, 10_000_000.4, 500_000.6);
        ReturnSupport off = new ReturnSupport(false, 10_000_000, 500_000);
        assertTrue(on.isReturn(w, de, astana));
        assertFalse(on.isReturn(w, astana, de));
        assertFalse(on.isReturn(w, astana, village));
        assertFalse(off.isReturn(w, de, astana));
        // money in the tables: G_C, plus G_R for the researcher status
        assertEquals(500_000.6, on.moneyKzt(w, de, astana, Statuses.NONE, false));
        assertEquals(10_500_001.0, on.moneyKzt(w, de, astana, ReturnSupport.RESEARCHER, false), 1e-6);
        assertEquals(0.0, on.moneyKzt(w, astana, de, ReturnSupport.RESEARCHER, false));
        assertEquals(0.0, off.moneyKzt(w, de, astana, ReturnSupport.RESEARCHER, false));

        ProgrammeHooksTest.Tally t = new ProgrammeHooksTest.Tally();
        ProgrammeHooksTest.Agent researcher = new ProgrammeHooksTest.Agent(de, astana);
        researcher.phd = true;
        researcher.status = ReturnSupport.RESEARCHER;
        on.onMove(w, researcher, t);
        // rounded: 500,001 and 10,000,000
        assertEquals(List.of(500_001.0, 10_000_000.0), researcher.paid);
        ProgrammeHooksTest.Agent citizen = new ProgrammeHooksTest.Agent(de, village);
        on.onMove(w, citizen, t);
        assertEquals(List.of(500_001.0), citizen.paid);
        // a move out, or within Kazakhstan, pays and counts nothing
        ProgrammeHooksTest.Agent leaving = new ProgrammeHooksTest.Agent(astana, de);
        leaving.phd = true;
        on.onMove(w, leaving, t);
        on.onMove(w, new ProgrammeHooksTest.Agent(astana, village), t);
        assertTrue(leaving.paid.isEmpty());
        assertEquals(2, t.get(ReturnSupport.PAYMENTS));
        assertEquals(1_000_002, t.get(ReturnSupport.PAYMENTS_KZT));
        assertEquals(1, t.get(ReturnSupport.RESEARCHER_GRANTS));
        assertEquals(10_000_000, t.get(ReturnSupport.RESEARCHER_GRANTS_KZT));
        assertEquals(1, t.get(ReturnSupport.PHD_RETURN_MOVES));
        assertEquals(11_000_002.0, on.spendingKzt(t, ProgrammeHooksTest.baseline));
        // switched off: PhD returns are still counted, nothing is paid
        ProgrammeHooksTest.Tally t2 = new ProgrammeHooksTest.Tally();
        off.onMove(w, researcher, t2);
        assertEquals(1, t2.get(ReturnSupport.PHD_RETURN_MOVES));
        assertEquals(0, t2.get(ReturnSupport.PAYMENTS));
        // a zero subsidy pays no citizen
        ProgrammeHooksTest.Tally t3 = new ProgrammeHooksTest.Tally();
        ProgrammeHooksTest.Agent one = new ProgrammeHooksTest.Agent(de, astana);
        new ReturnSupport(true, 0, 0).onMove(w, one, t3);
        assertTrue(one.paid.isEmpty());
        assertEquals(0, t3.get(ReturnSupport.PAYMENTS));

        Map<String, Double> out = written(on, t, 20);
        assertEquals(2 * 20.0, out.get("return_support_payments|KZ"));
        assertEquals(1_000_002 * 20.0, out.get("return_support_payments_kzt|KZ"));
        assertEquals(20.0, out.get("return_support_researcher_grants|KZ"));
        assertEquals(10_000_000 * 20.0, out.get("return_support_researcher_grants_kzt|KZ"));
        assertEquals(20.0, out.get("phd_returns|KZ"));
        assertEquals("return-support", on.spendingMember());
    }

    @Test
    void theResearcherStatusIsReadOffDegreeAndPlace() {
        ReturnSupport on = new ReturnSupport(true, 1, 1);
        assertTrue(on.derivesStatus());
        assertEquals(ReturnSupport.RESEARCHER, on.derivedStatus(Statuses.NONE, true, true));
        assertEquals(Statuses.NONE, on.derivedStatus(Statuses.NONE, false, true));
        assertEquals(Statuses.NONE, on.derivedStatus(Statuses.NONE, true, false));
        assertEquals(Bolashak.OBLIGATION_PHD, on.derivedStatus(Bolashak.OBLIGATION_PHD, true, true));
        assertEquals(Statuses.NONE, new ReturnSupport(false, 1, 1).derivedStatus(Statuses.NONE, true, true));
        assertTrue(on.statusInForce(ReturnSupport.RESEARCHER));
        assertFalse(new ReturnSupport(false, 1, 1).statusInForce(ReturnSupport.RESEARCHER));
    }

    private static RuralIncentive village(boolean enabled, int commitmentYears, double postExit) {
        return new RuralIncentive(enabled, 0.3, 400_000, 2_000_000, commitmentYears, 0.5, 1.5, postExit, 0);
    }

    @Test
    void theVillageProgrammePaysCommitsAndCounts() {
        RuralIncentive r = village(true, 3, 0.0);
        assertTrue(r.commitmentOn());
        assertFalse(village(true, 0, 0).commitmentOn());
        assertFalse(village(false, 3, 0).commitmentOn());
        ProgrammeHooksTest.Tally t = new ProgrammeHooksTest.Tally();
        ProgrammeHooksTest.Agent eligible = new ProgrammeHooksTest.Agent(astana, village);
        eligible.eligible = true;
        r.onMove(w, eligible, t);
        assertEquals(List.of(2_400_000.0), eligible.paid);
        assertEquals(List.of(RuralIncentive.OBLIGATION_COMMITMENT), eligible.taken);
        // a holder of another obligation is paid but takes no commitment
        ProgrammeHooksTest.Agent obliged = new ProgrammeHooksTest.Agent(astana, village);
        obliged.eligible = true;
        obliged.obligationPct = 40;
        r.onMove(w, obliged, t);
        assertEquals(List.of(2_400_000.0), obliged.paid);
        assertTrue(obliged.taken.isEmpty());
        // a committed recipient is not paid again; a move to a city or abroad pays nothing
        ProgrammeHooksTest.Agent committed = new ProgrammeHooksTest.Agent(village, otherVillage);
        committed.eligible = true;
        committed.status = RuralIncentive.OBLIGATION_COMMITMENT;
        r.onMove(w, committed, t);
        assertTrue(committed.paid.isEmpty());
        ProgrammeHooksTest.Agent toCity = new ProgrammeHooksTest.Agent(village, astana);
        toCity.eligible = true;
        r.onMove(w, toCity, t);
        assertTrue(toCity.paid.isEmpty());
        ProgrammeHooksTest.Agent notEligible = new ProgrammeHooksTest.Agent(village, astana);
        r.onMove(w, notEligible, t);
        assertEquals(2, t.get(RuralIncentive.PAYMENTS));
        assertEquals(4_800_000, t.get(RuralIncentive.PAYMENTS_KZT));
        assertEquals(1, t.get(RuralIncentive.COMMITMENTS));
        // eligible movers from a village region to a city are counted (the not eligible one is not)
        assertEquals(1, t.get(RuralIncentive.ELIGIBLE_TO_CITY));
        assertEquals(4_800_000.0, r.spendingKzt(t, ProgrammeHooksTest.baseline));

        // without a commitment: paid, not committed; switched off: counted to the city only
        ProgrammeHooksTest.Tally t2 = new ProgrammeHooksTest.Tally();
        ProgrammeHooksTest.Agent free = new ProgrammeHooksTest.Agent(astana, village);
        free.eligible = true;
        village(true, 0, 0).onMove(w, free, t2);
        assertEquals(1, t2.get(RuralIncentive.PAYMENTS));
        assertTrue(free.taken.isEmpty());
        ProgrammeHooksTest.Tally t3 = new ProgrammeHooksTest.Tally();
        village(false, 3, 0).onMove(w, toCity, t3);
        village(false, 3, 0).onMove(w, free, t3);
        assertEquals(0, t3.get(RuralIncentive.PAYMENTS));
        assertEquals(1, t3.get(RuralIncentive.ELIGIBLE_TO_CITY));
        assertEquals(0.0, village(false, 3, 0).moneyKzt(w, astana, village, Statuses.NONE, true));
        assertEquals(2_400_000.0, r.moneyKzt(w, astana, village, Statuses.NONE, true));
        assertEquals(0.0, r.moneyKzt(w, astana, village, Statuses.NONE, false));
        assertEquals(0.0, r.moneyKzt(w, village, village, Statuses.NONE, true));
        assertEquals(0.0, r.moneyKzt(w, astana, de, Statuses.NONE, true));

        Map<String, Double> out = written(r, t, 10);
        assertEquals(20.0, out.get("rural_incentive_payments|KZ"));
        assertEquals(48_000_000.0, out.get("rural_incentive_payments_kzt|KZ"));
        assertEquals(10.0, out.get("rural_incentive_commitments|KZ"));
        // applicants: the two paid movers and the committed recipient's move is none (not paid again)
        assertEquals(20.0, out.get("rural_incentive_applicants|KZ"));
        assertEquals(6, out.size());
    }

    /**
     * Places (T43's yearly quota): φ = min(1, F·scale / A) by hand, monotone in the places, and the
     * expected payments φ·A never above the places; the applicant gets a place when its keyed draw
     * is below φ, is paid and committed only then, and counts as an applicant either way.
     */
    @Test
    void theVillagePlacesAreSharedAmongTheApplicants() {
        RuralIncentive capped = new RuralIncentive(true, 0.3, 400_000, 2_000_000, 3, 0.5, 1.5, 0.0, 7000);
        assertTrue(capped.capped());
        assertFalse(village(true, 3, 0).capped());
        // 7,000 places at scale 0.05 = 350 agents; 1,400 applicants: a quarter each
        assertEquals(0.25, capped.placeChance(0.05, 1400), 1e-15);
        assertEquals(350.0 / 1000, capped.placeChance(0.05, 1000), 1e-15);
        assertEquals(1.0, capped.placeChance(0.05, 350));
        assertEquals(1.0, capped.placeChance(0.05, 300));
        assertEquals(1.0, capped.placeChance(0.05, 0), "no applicants last year: no rationing");
        assertEquals(1.0, village(true, 3, 0).placeChance(0.05, 1_000_000), "0 places = unlimited");
        double last = 0;
        for (double places : new double[] {1000, 2000, 7000, 14_000, 30_000}) {
            RuralIncentive r = new RuralIncentive(true, 0.3, 400_000, 2_000_000, 3, 0.5, 1.5, 0.0, places);
            for (long applicants : new long[] {1, 10, 100, 350, 1400, 100_000}) {
                double phi = r.placeChance(0.05, applicants);
                assertTrue(phi * applicants <= places * 0.05 + 1e-9, "payments above the places: " + places + ", " + applicants);
                assertTrue(phi > 0 && phi <= 1);
            }
            double phi = r.placeChance(0.05, 1400);
            assertTrue(phi >= last, "more places, a higher chance: " + places);
            last = phi;
        }
        // the rationed hook: a draw of 0.5 gets a place at φ = 0.6, not at φ = 0.4
        ProgrammeHooksTest.Tally t = new ProgrammeHooksTest.Tally();
        ProgrammeHooksTest.Agent lucky = new ProgrammeHooksTest.Agent(astana, village);
        lucky.eligible = true;
        capped.moveHook(w, 0.6).onMove(lucky, t);
        assertEquals(List.of(2_400_000.0), lucky.paid);
        assertEquals(List.of(RuralIncentive.OBLIGATION_COMMITMENT), lucky.taken);
        ProgrammeHooksTest.Agent refused = new ProgrammeHooksTest.Agent(astana, village);
        refused.eligible = true;
        capped.moveHook(w, 0.4).onMove(refused, t);
        assertTrue(refused.paid.isEmpty());
        assertTrue(refused.taken.isEmpty(), "no place, no commitment");
        assertEquals(2, t.get(RuralIncentive.APPLICANTS));
        assertEquals(1, t.get(RuralIncentive.PAYMENTS));
        assertEquals(1, t.get(RuralIncentive.COMMITMENTS));
        // the tables weigh the money by φ of last year's applicants
        ProgrammeHooksTest.Tally lastYear = new ProgrammeHooksTest.Tally();
        lastYear.add(RuralIncentive.APPLICANTS, 1400);
        assertEquals(0.25, capped.paymentChance(lastYear, 0.05), 1e-15);
        assertEquals(1.0, village(true, 3, 0).paymentChance(lastYear, 0.05));
    }

    @Test
    void theCommitmentIsBreachedByAnyMoveAwayAndRepaidInFull() {
        RuralIncentive r = village(true, 3, 0.25);
        assertTrue(r.breachedByMove(w, village, otherVillage));
        assertTrue(r.breachedByMove(w, village, astana));
        assertTrue(r.breachedByMove(w, village, de));
        assertFalse(r.breachedByMove(w, village, village));
        assertTrue(r.breachedAt(w, astana));
        assertTrue(r.breachedAt(w, de));
        assertFalse(r.breachedAt(w, village));
        assertEquals(2_400_000.0, r.repaymentKzt(RuralIncentive.OBLIGATION_COMMITMENT, ProgrammeHooksTest.baseline));
        assertEquals(3, r.serviceYears(RuralIncentive.OBLIGATION_COMMITMENT, w, village));
        // the post is left with the yearly rate: one number, only when the rate is positive
        ProgrammeHooksTest.Script s = new ProgrammeHooksTest.Script(0.2, 0.25);
        assertTrue(r.brokenWithoutMove(s));
        assertFalse(r.brokenWithoutMove(s));
        assertEquals(2, s.taken);
        ProgrammeHooksTest.Script none = new ProgrammeHooksTest.Script();
        assertFalse(village(true, 3, 0.0).brokenWithoutMove(none));
        assertEquals(0, none.taken);
        assertTrue(r.statusInForce(RuralIncentive.OBLIGATION_COMMITMENT));
        assertFalse(village(true, 0, 0).statusInForce(RuralIncentive.OBLIGATION_COMMITMENT));
        assertTrue(r.reportsIndicators());
        assertTrue(r.reportsTimedChanges());
        assertEquals("rural-incentive", r.programme());
    }
}
