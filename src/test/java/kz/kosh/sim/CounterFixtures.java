package kz.kosh.sim;

/**
 * Hand-filling of {@link YearCounters} and {@link Stocks} for tests of the indicators (their
 * counting methods are package private, used by the phases).
 */
public final class CounterFixtures {
    private CounterFixtures() {
    }

    /** Adds {@code n} agents of a status ({@link Stocks#GRADUATE}, {@link Stocks#STUDENT}) from a home region at a place. */
    public static void agents(Stocks s, int status, int home, int place, int n) {
        for (int i = 0; i < n; i++) {
            s.countAgent(status, home, place);
        }
    }

    /** Adds {@code n} graduates of the N-years-after-graduation cohort (see {@link Stocks#countCohort}). */
    public static void cohort(Stocks s, int n, int funding, boolean mobility, boolean mobilityStateFunded, boolean phd,
                              boolean degreeAbroad, boolean abroad) {
        for (int i = 0; i < n; i++) {
            s.countCohort(funding, mobility, mobilityStateFunded, phd, degreeAbroad, abroad);
        }
    }

    /** Obligation breaches of the year: Bolashak and state grant. */
    public static void breaches(YearCounters c, int bolashak, int grant) {
        c.breaches[kz.kosh.policy.Bolashak.OBLIGATION_MASTER] += bolashak;
        c.breaches[kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF] += grant;
    }

    /** A repayment recovered from a breach. */
    public static void repayment(YearCounters c, boolean grant, long kzt) {
        c.repaymentsKzt[grant ? kz.kosh.policy.StateGrant.OBLIGATION_WORK_OFF
                : kz.kosh.policy.Bolashak.OBLIGATION_MASTER] += kzt;
    }

    /**
     * Programme payments of the year: Bolashak awards (count, KZT), state-funded mobility
     * participants, village payments (KZT), subsidised relocations (KZT), return subsidies and
     * researcher grants (KZT).
     */
    public static void payments(YearCounters c, int awards, long awardsKzt, int mobilityStateFunded, long ruralKzt,
                                double relocationKzt, long returnKzt, long researcherKzt) {
        c.add(kz.kosh.policy.Bolashak.AWARDS, awards);
        c.add(kz.kosh.policy.Bolashak.AWARDS_KZT, awardsKzt);
        c.add(kz.kosh.policy.AcademicMobility.STATE_FUNDED_PARTICIPANTS, mobilityStateFunded);
        c.add(kz.kosh.policy.RuralIncentive.PAYMENTS_KZT, ruralKzt);
        c.set(kz.kosh.policy.Relocation.SUBSIDISED_KZT, c.value(kz.kosh.policy.Relocation.SUBSIDISED_KZT) + relocationKzt);
        c.add(kz.kosh.policy.ReturnSupport.PAYMENTS_KZT, returnKzt);
        c.add(kz.kosh.policy.ReturnSupport.RESEARCHER_GRANTS_KZT, researcherKzt);
    }

    /** {@code n} entrants of a funding (Population.STATE_GRANT, ...) from a home region to a place. */
    public static void entrants(YearCounters c, int funding, int home, int place, int n) {
        for (int i = 0; i < n; i++) {
            c.flow(FlowKind.STUDY, funding, home, home, place);
        }
        if (funding == kz.kosh.population.Population.STATE_GRANT) {
            c.add(kz.kosh.policy.StateGrant.ENTRANTS, n);
        }
    }
}
