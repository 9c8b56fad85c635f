package kz.kosh.policy;

import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

/**
 * A programme whose participants owe years of work in Kazakhstan (Bolashak, state grants with
 * work-off, ...). An obligation is held as a type ({@link Obligations}) and a percentage left;
 * the percentage falls by ⌈100 / Y⌉ for each year worked at a place that serves it, with Y the
 * {@link #serviceYears}. Living at a place that {@link #breachedAt breaches} it ends it: the
 * repayment R_o is recovered with the enforcement probability π_o, and the graduate bears the
 * non-money cost c_o. In the choice tables both scale with π_o: P_o = π_o·R_o is taken off the
 * NPV of a breaching place and π_o·c_o off its utility (an obligation never enforced costs
 * nothing).
 */
public interface ObligationProgramme {

    /** Name of the programme in indicators (e.g. {@code bolashak}). */
    String programme();

    /** R_o: what a breach of an obligation of type o costs when enforced, KZT. */
    double repaymentKzt(int obligation, Scenario s);

    /** π_o: probability that a breach is enforced. */
    double enforcementProbability();

    /** c_o: non-money cost of an enforced breach, utility. */
    double breachUtilityCost();

    /** Y: years of work that discharge the obligation at place j (0: discharged at once). */
    int serviceYears(int obligation, World w, int j);

    /** The programme that owns an obligation type in these policies (null for none and for statuses that are not obligations). */
    static ObligationProgramme of(kz.kosh.scenario.PolicyParams policy, int type) {
        return policy.owner(type) instanceof ObligationProgramme o ? o : null;
    }

    /**
     * Whether a holder breaks the obligation during a year without a move (asked once a year of
     * every holder of an obligation in force; default: never, drawing nothing). A programme that
     * says yes with some probability draws its uniforms from {@code rnd}, only when it may.
     */
    default boolean brokenWithoutMove(java.util.random.RandomGenerator rnd) {
        return false;
    }

    /**
     * Whether its breaches and repayments ({@code obligation_breaches_<programme>},
     * {@code repayments_kzt_<programme>}) are written every year among the core indicators, in
     * module order, breaches first (the programmes every scenario runs: Bolashak, state grants);
     * default no: a lever writes them among its own {@link PolicyModule#indicators} when used.
     */
    default boolean reportsBreachesEveryYear() {
        return false;
    }

    /** Whether living at j breaches the obligation (default: any foreign place). */
    default boolean breachedAt(World w, int j) {
        return w.isAbroad(j);
    }

    /**
     * Whether a holder living at c who moves to j (j = c: stays) breaches the obligation; by
     * default living at j does ({@link #breachedAt}). A programme whose obligation binds the holder
     * to the place where it was taken says so here (the village commitment).
     */
    default boolean breachedByMove(World w, int c, int j) {
        return breachedAt(w, j);
    }
}
