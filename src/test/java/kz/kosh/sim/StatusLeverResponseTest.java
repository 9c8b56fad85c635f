package kz.kosh.sim;

import kz.kosh.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.ToLongFunction;

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

    /** Σ over the recorded years and the seeds of a counter, for the baseline with {@code body}. */
    private static long total(String name, String body, int spinUp, ToLongFunction<YearCounters> counter) {
        long sum = 0;
        for (long seed : SEEDS) {
            Scenario s = TestRuns.variant(tmp, name + "-" + seed, TestRuns.run(2024, 2032, spinUp) + body, seed, SCALE)
                    .scenario();
            long[] acc = {0};
            KoshSim sim = new KoshSim(s, 2);
            sim.addObserver((m, year, c, st, prev) -> acc[0] += counter.applyAsLong(c));
            sim.runToEnd();
            sum += acc[0];
        }
        return sum;
    }

    /** Many state-funded participants in both runs, so that their first jobs can be counted. */
    private static final String MOBILITY = "policy:\n  academicMobility:\n"
            + "    participationRatePerStudentYear: 0.05\n    stateFundedShare: 0.5\n";

    @Test
    void mobilityReturnObligationLowersFirstJobsAbroadOfStateFundedParticipants() {
        String on = MOBILITY + "    returnObligationYears: 3\n";
        long gradsOff = total("mob-off", MOBILITY, 8, YearCounters::mobilityStateFundedGraduates);
        long abroadOff = total("mob-off", MOBILITY, 8, YearCounters::mobilityStateFundedFirstJobAbroad);
        long gradsOn = total("mob-on", on, 8, YearCounters::mobilityStateFundedGraduates);
        long abroadOn = total("mob-on", on, 8, YearCounters::mobilityStateFundedFirstJobAbroad);
        long breaches = total("mob-on", on, 8, c -> c.breaches(kz.kosh.decision.AgentKind.OBLIGATION_MOBILITY));
        double shareOff = (double) abroadOff / gradsOff;
        double shareOn = (double) abroadOn / gradsOn;
        System.out.printf("StatusLeverResponseTest: state-funded mobility graduates' first job abroad: %d/%d = %.4f "
                + "without, %d/%d = %.4f with a 3-year return obligation (%d breaches)%n",
                abroadOff, gradsOff, shareOff, abroadOn, gradsOn, shareOn, breaches);
        assertTrue(gradsOff > 1000 && gradsOn > 1000, "enough state-funded graduates: " + gradsOff + ", " + gradsOn);
        assertTrue(shareOn < shareOff * 0.9, "the return obligation should lower first jobs abroad: " + shareOff + " -> " + shareOn);
    }

    /** More PhD holders in both runs (domestic master's graduates continue to a PhD with probability 0.5). */
    private static final String PHDS = "study: {phdContinuationRate: 0.5}\n";

    @Test
    void researcherReturnGrantRaisesReturnsOfPhdHolders() {
        String on = PHDS + "policy:\n  returnSupport: {enabled: true, researcherReturnGrantKzt: 50000000}\n";
        long off = total("phd-off", PHDS, 14, YearCounters::phdReturns);
        long with = total("phd-on", on, 14, YearCounters::phdReturns);
        long grants = total("phd-on", on, 14, YearCounters::researcherGrants);
        System.out.printf("StatusLeverResponseTest: returns of PhD holders 2024-2032 (3 seeds, scale 0.05): %d without, "
                + "%d with a 50 million KZT researcher return grant (%d grants)%n", off, with, grants);
        assertTrue(off > 20, "enough PhD returns to compare: " + off);
        assertTrue(grants > 0 && grants <= with, "grants go to returning PhD holders: " + grants + " of " + with);
        assertTrue(with > off * 1.1, "the grant should raise PhD returns: " + off + " -> " + with);
    }

    /** Everybody eligible in both runs, so that the recipients dominate the eligible movers. */
    private static final String VILLAGE = "policy:\n  ruralIncentive:\n    eligibleShare: 1.0\n";

    @Test
    void villageCommitmentLowersMovesFromVillagesToCities() {
        String on = VILLAGE + "    commitmentYears: 3\n";
        long off = total("vil-off", VILLAGE, 8, YearCounters::ruralEligibleToCity);
        long with = total("vil-on", on, 8, YearCounters::ruralEligibleToCity);
        long paymentsOff = total("vil-off", VILLAGE, 8, YearCounters::ruralPayments);
        long paymentsOn = total("vil-on", on, 8, YearCounters::ruralPayments);
        long commitments = total("vil-on", on, 8, YearCounters::ruralCommitments);
        long breaches = total("vil-on", on, 8, c -> c.breaches(kz.kosh.decision.AgentKind.OBLIGATION_RURAL));
        System.out.printf("StatusLeverResponseTest: eligible graduates' moves from a village region to a city: %d without, "
                + "%d with a 3-year commitment (payments %d -> %d, commitments %d, breaches %d)%n",
                off, with, paymentsOff, paymentsOn, commitments, breaches);
        assertTrue(commitments > 0, "recipients take the commitment");
        assertTrue(with < off, "the commitment should lower moves from villages to cities: " + off + " -> " + with);
    }
}
