package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aggregate outputs move in the direction the model's mechanisms imply when one lever is pulled.
 * Every comparison is between two runs with the same seed and scale; effects are chosen large
 * enough that sampling noise cannot reverse them.
 */
class MonotoneResponseTest {
    private static final long SEED = 4242;
    private static final double SCALE = 0.05;
    private static final String RUN = TestRuns.run(2015, 2020, 8);
    private static final Set<String> MOVES_TO = Set.of("first-job", "emigration", "onward");

    @TempDir
    static Path tmp;
    static HeadlessRun.Result baseline;
    static List<TestRuns.Flow> baselineFlows;

    @BeforeAll
    static void runBaseline() {
        baseline = run("baseline", "");
        baselineFlows = TestRuns.flows(baseline.directory());
    }

    private static HeadlessRun.Result run(String name, String body) {
        ScenarioLoader.Loaded l = TestRuns.variant(tmp, name, RUN + body, SEED, SCALE);
        return HeadlessRun.run(l, tmp.resolve("out-" + name), false, 2);
    }

    /** Mean over the recorded years of an indicator in {@code byPlace} ("indicator@place"). */
    private static double meanByPlace(HeadlessRun.Result r, String key) {
        double s = 0;
        for (Map<String, Double> y : r.byPlace().values()) {
            Double v = y.get(key);
            assertTrue(v != null, "no indicator " + key);
            s += v;
        }
        return s / r.byPlace().size();
    }

    /** Σ over the recorded years of a national indicator. */
    private static double sumNational(HeadlessRun.Result r, String key) {
        double s = 0;
        for (Map<String, Double> y : r.national().values()) {
            Double v = y.get(key);
            assertTrue(v != null, "no indicator " + key);
            s += v;
        }
        return s;
    }

    private static boolean abroad(String place) {
        return !place.startsWith("KZ-");
    }

    @Test
    void higherWageInTurkistanRetainsMoreOfItsGraduates() {
        // Turkistan (KZ-61) average wage 237,189 KZT/month in the region table; tripled
        HeadlessRun.Result rich = run("turkistan-wage", "regions: {KZ-61: {avgWageKztPerMonth: 711567}}\n");
        double before = meanByPlace(baseline, "retention_own_graduates@KZ-61");
        double after = meanByPlace(rich, "retention_own_graduates@KZ-61");
        assertTrue(after > before + 0.02, "retention of Turkistan's graduates should rise: " + before + " -> " + after);
        double abroadBefore = meanByPlace(baseline, "own_graduates_abroad_share@KZ-61");
        double abroadAfter = meanByPlace(rich, "own_graduates_abroad_share@KZ-61");
        assertTrue(abroadAfter <= abroadBefore,
                "share of Turkistan's graduates abroad should not rise: " + abroadBefore + " -> " + abroadAfter);
        // the region gains graduates from elsewhere too
        assertTrue(meanByPlace(rich, "graduate_net_gain@KZ-61") > meanByPlace(baseline, "graduate_net_gain@KZ-61"));
    }

    /** Flows of the kinds that bring an agent to {@code place}. */
    private static List<TestRuns.Flow> into(List<TestRuns.Flow> flows, String place) {
        return flows.stream().filter(f -> f.destination().equals(place)
                && (MOVES_TO.contains(f.kind()) || f.kind().equals("study"))).toList();
    }

    /** Arrivals abroad, {@code closed} left out, by emigration and first jobs (staying at the place of study included). */
    private static double arrivalsElsewhere(List<TestRuns.Flow> flows, String closed) {
        return TestRuns.sum(flows, f -> abroad(f.destination()) && !f.destination().equals(closed)
                && (f.kind().equals("emigration") || f.kind().equals("first-job")));
    }

    @Test
    void closedDestinationReceivesNobody() {
        HeadlessRun.Result closed = run("us-closed", "destinations: {US: {workAccess: 0, studyAccess: 0}}\n");
        assertTrue(!into(baselineFlows, "US").isEmpty(), "the baseline has flows to the US");
        assertEquals(List.of(), into(TestRuns.flows(closed.directory()), "US"), "no flows into a closed destination");
        assertEquals(0.0, meanByPlace(closed, "students_abroad@US"));
        assertEquals(0.0, meanByPlace(closed, "graduates_abroad@US"));
    }

    @Test
    void closingTheLargestDestinationMakesTheOthersGain() {
        // Russia, the main destination of study and work. (For the US, with a few dozen agents a year at
        // this scale, the others' expected gain is smaller than the sampling noise of two runs.)
        HeadlessRun.Result closed = run("ru-closed", "destinations: {RU: {workAccess: 0, studyAccess: 0}}\n");
        List<TestRuns.Flow> flows = TestRuns.flows(closed.directory());
        assertEquals(List.of(), into(flows, "RU"), "no flows into a closed destination");
        double before = arrivalsElsewhere(baselineFlows, "RU");
        double after = arrivalsElsewhere(flows, "RU");
        double emigrationBefore = TestRuns.sum(baselineFlows, f -> f.kind().equals("emigration") && !f.destination().equals("RU"));
        double emigrationAfter = TestRuns.sum(flows, f -> f.kind().equals("emigration"));
        assertTrue(after > before, "the other destinations should gain arrivals: " + before + " -> " + after);
        assertTrue(emigrationAfter > emigrationBefore,
                "the other destinations should gain emigrants: " + emigrationBefore + " -> " + emigrationAfter);
    }

    @Test
    void lowerFollowThroughAbroadMeansLessEmigration() {
        // the calibrated baseline pursues most intentions abroad (docs/parameters.md); 0.3 pursues far fewer
        assertTrue(ScenarioLoader.load(TestRuns.BASELINE).scenario().decision().followThroughAbroad() > 0.6);
        HeadlessRun.Result r = run("follow-through", "decision: {followThroughAbroad: 0.3}\n");
        double before = sumNational(baseline, "emigration");
        double after = sumNational(r, "emigration");
        assertTrue(after < before * 0.8, "emigration should fall: " + before + " -> " + after);
        // graduates of Kazakhstani universities who intend a first job abroad now pursue it less often
        assertTrue(sumNational(r, "first_job_abroad_after_study_in_kz") < sumNational(baseline, "first_job_abroad_after_study_in_kz"));
    }

    /**
     * Graduates follow the family emigration to each destination (decision.familyEmigrationElasticity ω):
     * the index F rises from 1.04 (Russia) and 0.84 (the other destinations) in 2015 to 1.56 and 1.26 in
     * 2019 (Russia's share of emigrants held at 2019's before 2019), so at ω = 2
     * the odds of emigrating in 2019 are about twice those at ω = 0, and graduate departures rise more
     * steeply from 2015 to 2019.
     */
    @Test
    void graduatesFollowTheFamilyEmigrationToTheirDestinations() {
        HeadlessRun.Result none = run("family-0", "decision: {familyEmigrationElasticity: 0.0}\n");
        HeadlessRun.Result two = run("family-2", "decision: {familyEmigrationElasticity: 2.0}\n");
        String k = "graduate_departures_total";
        double none2019 = none.national().get(2019).get(k);
        double two2019 = two.national().get(2019).get(k);
        assertTrue(two2019 > 1.4 * none2019, "2019 departures at omega 2 vs 0: " + two2019 + " vs " + none2019);
        double riseNone = none2019 / none.national().get(2015).get(k);
        double riseTwo = two2019 / two.national().get(2015).get(k);
        assertTrue(riseTwo > 1.3 * riseNone, "rise 2015 -> 2019 at omega 2 vs 0: " + riseTwo + " vs " + riseNone);
    }

    @Test
    void lowerConsiderationConstantMeansFewerConsideringAndLessEmigration() {
        // p(consider) = 1 / (1 + exp(-(κ0 + κ1·G))): a smaller κ0 means fewer graduates consider moving
        double k0 = ScenarioLoader.load(TestRuns.BASELINE).scenario().decision().considerationConstant();
        HeadlessRun.Result r = run("consideration", "decision: {considerationConstant: " + (k0 - 1.5) + "}\n");
        double consBefore = sumNational(baseline, "considering_move");
        double consAfter = sumNational(r, "considering_move");
        double before = sumNational(baseline, "emigration");
        double after = sumNational(r, "emigration");
        assertTrue(consAfter < consBefore * 0.8, "considering should fall: " + consBefore + " -> " + consAfter);
        assertTrue(after < before * 0.9, "emigration should fall: " + before + " -> " + after);
    }

    @Test
    void noBolashakObligationMeansMoreNonReturn() {
        HeadlessRun.Result r = run("no-obligation",
                "policy: {bolashak: {enforcementProbability: 0, breachUtilityCost: 0}}\n");
        double before = pooledNonReturn(baseline);
        double after = pooledNonReturn(r);
        assertTrue(sumNational(baseline, "bolashak_graduates") > 0, "Bolashak scholars graduate in the recorded years");
        assertTrue(after > before + 0.05, "Bolashak non-return should rise: " + before + " -> " + after);
    }

    @Test
    void aPartnerMetAtTheHostKeepsParticipantsAbroadAndTheReturnObligationActsOnThem() {
        // every participant state-funded, so that the indicator counts all of them (about 200 graduates a year here)
        HeadlessRun.Result none = run("no-partner-at-host",
                "policy: {academicMobility: {stateFundedShare: 1, partnerAtHostProbability: 0}}\n");
        HeadlessRun.Result all = run("partner-at-host",
                "policy: {academicMobility: {stateFundedShare: 1, partnerAtHostProbability: 1}}\n");
        HeadlessRun.Result obliged = run("partner-at-host-obliged",
                "policy: {academicMobility: {stateFundedShare: 1, partnerAtHostProbability: 1, returnObligationYears: 3}}\n");
        String share = "first_job_abroad_share_mobility_state_funded";
        double withoutPartner = meanNational(none, share);
        double withPartner = meanNational(all, share);
        double withObligation = meanNational(obliged, share);
        assertTrue(withPartner > withoutPartner, "a partner at the host should raise first jobs abroad of participants: "
                + withoutPartner + " -> " + withPartner);
        assertTrue(withObligation < withPartner, "the return obligation should lower them: " + withPartner + " -> "
                + withObligation);
    }

    /** Mean over the recorded years of a national share (years without a value, NaN, left out). */
    private static double meanNational(HeadlessRun.Result r, String key) {
        double s = 0;
        int n = 0;
        for (Map<String, Double> y : r.national().values()) {
            Double v = y.get(key);
            assertTrue(v != null, "no indicator " + key);
            if (!v.isNaN()) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Σ (share × graduates) / Σ graduates over the recorded years. */
    private static double pooledNonReturn(HeadlessRun.Result r) {
        double abroad = 0;
        double all = 0;
        for (Map<String, Double> y : r.national().values()) {
            abroad += y.get("bolashak_first_job_abroad_share") * y.get("bolashak_graduates");
            all += y.get("bolashak_graduates");
        }
        return all == 0 ? 0 : abroad / all;
    }

    @Test
    void timedClosureOfRussiaStopsMovesThereFromItsYear() {
        HeadlessRun.Result r = run("ru-closed-2018", "timeline: [{fromYear: 2018, destinations: {RU: {workAccess: 0}}}]\n");
        List<TestRuns.Flow> flows = TestRuns.flows(r.directory());
        // graduates of Russian universities keep their post-study permit (origin = destination = RU), so only
        // arrivals from elsewhere count
        java.util.function.Predicate<TestRuns.Flow> arrivalInRussia = f -> f.destination().equals("RU")
                && !f.origin().equals("RU") && MOVES_TO.contains(f.kind());
        double before = TestRuns.sum(flows, f -> f.year() < 2018 && arrivalInRussia.test(f));
        List<TestRuns.Flow> after = flows.stream().filter(f -> f.year() >= 2018 && arrivalInRussia.test(f)).toList();
        assertTrue(before > 0, "graduates moved to Russia before 2018");
        assertEquals(List.of(), after, "no moves to Russia from 2018 on");
        // before the change the run is the baseline
        assertEquals(baseline.national().get(2015), r.national().get(2015));
        assertEquals(baseline.national().get(2017), r.national().get(2017));
    }
}
