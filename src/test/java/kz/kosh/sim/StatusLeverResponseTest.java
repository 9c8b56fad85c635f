package kz.kosh.sim;

import kz.kosh.policy.ReturnSupport;
import kz.kosh.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The levers that give agents a programme status move what they act on, summed over a few seeds
 * at a small scale (0.05, recorded years 2024-2032, a spin-up just long enough for the
 * mechanism): the academic-mobility return obligation lowers state-funded participants' first
 * jobs abroad, a researcher return grant raises returns of PhD holders, the village commitment
 * lowers moves of eligible graduates from villages to the cities. The figures are printed.
 */
class StatusLeverResponseTest {
    private static final double SCALE = 0.05;
    private static final long[] SEEDS = {11, 12, 13};

    @TempDir
    static Path tmp;

    /** What a test counts in a recorded year. */
    interface Count {
        long of(YearCounters c, Stocks s, int regions);
    }

    /** Σ over the recorded years and the seeds of each count, for the baseline with {@code body}. */
    private static long[] totals(String name, String body, int spinUp, Count... counts) {
        long[] sum = new long[counts.length];
        for (long seed : SEEDS) {
            Scenario s = TestRuns.variant(tmp, name + "-" + seed, TestRuns.run(2024, 2032, spinUp) + body, seed, SCALE)
                    .scenario();
            KoshSim sim = new KoshSim(s, 2);
            sim.addObserver((m, year, c, st, prev) -> {
                for (int k = 0; k < counts.length; k++) {
                    sum[k] += counts[k].of(c, st, m.world().regionCount());
                }
            });
            sim.runToEnd();
        }
        return sum;
    }

    /** State-funded mobility participants living abroad (graduates), summed over the places. */
    private static long mobilityAbroad(Stocks st, int regions, int places) {
        long n = 0;
        for (int p = regions; p < places; p++) {
            n += st.exchangeFunded(p);
        }
        return n;
    }

    /** Many state-funded participants in both runs, so that their first jobs can be counted. */
    private static final String MOBILITY = "policy:\n  academicMobility:\n"
            + "    participationRatePerStudentYear: 0.05\n    stateFundedShare: 0.5\n";

    @Test
    void mobilityReturnObligationLowersFirstJobsAbroadOfStateFundedParticipants() {
        String on = MOBILITY + "    returnObligationYears: 3\n";
        Count[] counts = {(c, st, r) -> c.get(kz.kosh.policy.AcademicMobility.STATE_FUNDED_GRADUATES),
                (c, st, r) -> c.get(kz.kosh.policy.AcademicMobility.STATE_FUNDED_FIRST_JOB_ABROAD),
                (c, st, r) -> mobilityAbroad(st, r, st.places()),
                (c, st, r) -> c.breaches(kz.kosh.policy.AcademicMobility.OBLIGATION_RETURN)};
        long[] off = totals("mob-off", MOBILITY, 8, counts);
        long[] with = totals("mob-on", on, 8, counts);
        double shareOff = (double) off[1] / off[0];
        double shareOn = (double) with[1] / with[0];
        System.out.printf("StatusLeverResponseTest: state-funded mobility graduates' first job abroad: %d/%d = %.4f "
                + "without, %d/%d = %.4f with a 3-year return obligation (%d breaches); state-funded participants "
                + "living abroad, summed over 2024-2032: %d without, %d with%n",
                off[1], off[0], shareOff, with[1], with[0], shareOn, with[3], off[2], with[2]);
        assertTrue(off[0] > 1000 && with[0] > 1000, "enough state-funded graduates: " + off[0] + ", " + with[0]);
        assertTrue(shareOn < shareOff, "the return obligation should lower first jobs abroad: " + shareOff + " -> " + shareOn);
        assertTrue(with[2] < off[2], "fewer state-funded participants abroad: " + off[2] + " -> " + with[2]);
    }

    /** More PhD holders in both runs (domestic master's graduates continue to a PhD with probability 0.5). */
    private static final String PHDS = "study: {phdContinuationRate: 0.5}\n";

    @Test
    void researcherReturnGrantRaisesReturnsOfPhdHolders() {
        String on = PHDS + "policy:\n  returnSupport: {enabled: true, researcherReturnGrantKzt: 50000000}\n";
        Count[] counts = {(c, st, r) -> c.get(ReturnSupport.PHD_RETURN_MOVES), (c, st, r) -> c.get(ReturnSupport.RESEARCHER_GRANTS)};
        long off = totals("phd-off", PHDS, 14, counts)[0];
        long[] with = totals("phd-on", on, 14, counts);
        System.out.printf("StatusLeverResponseTest: returns of PhD holders 2024-2032 (3 seeds, scale 0.05): %d without, "
                + "%d with a 50 million KZT researcher return grant (%d grants)%n", off, with[0], with[1]);
        assertTrue(off > 20, "enough PhD returns to compare: " + off);
        assertTrue(with[1] > 0 && with[1] <= with[0], "grants go to returning PhD holders: " + with[1] + " of " + with[0]);
        assertTrue(with[0] > off * 1.1, "the grant should raise PhD returns: " + off + " -> " + with[0]);
    }

    /** Everybody eligible in both runs, so that the recipients dominate the eligible movers. */
    private static final String VILLAGE = "policy:\n  ruralIncentive:\n    eligibleShare: 1.0\n";

    @Test
    void villageCommitmentLowersMovesFromVillagesToCities() {
        // the baseline holds the 3-year commitment ([PR]); the run without it sets 0
        String on = VILLAGE + "    commitmentYears: 3\n";
        String offYaml = VILLAGE + "    commitmentYears: 0\n";
        Count[] counts = {(c, st, r) -> c.get(kz.kosh.policy.RuralIncentive.ELIGIBLE_TO_CITY),
                (c, st, r) -> c.get(kz.kosh.policy.RuralIncentive.PAYMENTS),
                (c, st, r) -> c.get(kz.kosh.policy.RuralIncentive.COMMITMENTS), (c, st, r) -> c.breaches(kz.kosh.policy.RuralIncentive.OBLIGATION_COMMITMENT)};
        long[] off = totals("vil-off", offYaml, 8, counts);
        long[] with = totals("vil-on", on, 8, counts);
        System.out.printf("StatusLeverResponseTest: eligible graduates' moves from a village region to a city: %d without, "
                + "%d with a 3-year commitment (payments %d -> %d, commitments %d, breaches %d)%n",
                off[0], with[0], off[1], with[1], with[2], with[3]);
        assertTrue(with[2] > 0, "recipients take the commitment");
        assertTrue(with[0] < off[0], "the commitment should lower moves from villages to cities: " + off[0] + " -> " + with[0]);
    }
}
