package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.List;

/**
 * Domestic state educational grants; some grant lines oblige graduates to work off years in
 * Kazakhstan, repaying the grant otherwise.
 *
 * <p>At entry a student at a university in Kazakhstan holds a grant with probability
 * shareOfDomesticEntrants, and a grant carries the work-off obligation with probability
 * workOffShare. Obligation: Y = workOffYears of work anywhere in Kazakhstan; breach: working
 * abroad before; repayment R = costKztPerYear × bachelor years.
 *
 * @param shareOfDomesticEntrants share of domestic entrants studying on a state grant
 * @param workOffShare            share of grant holders with a work-off obligation
 * @param workOffYears            years to work off
 * @param costKztPerYear          grant cost per study year (repaid on breach), KZT
 * @param enforcementProbability  probability that a breach is recovered
 * @param breachUtilityCost       non-money cost (utility) of breaking the work-off obligation
 */
public record StateGrant(double shareOfDomesticEntrants, double workOffShare, int workOffYears,
                         double costKztPerYear, double enforcementProbability, double breachUtilityCost)
        implements PolicyModule, ObligationProgramme {
    /** Status name of the work-off obligation of a state grant ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_WORK_OFF = "state_grant_work_off";
    /** Status index of the work-off obligation of a state grant, handed out by name at start-up. */
    public static final int OBLIGATION_WORK_OFF = kz.kosh.scenario.Statuses.index(STATUS_WORK_OFF);


    public static final String SECTION = "stateGrant";
    public static final Param SHARE = Param.of(SECTION, "shareOfDomesticEntrants", 0, 1, "share of domestic entrants",
            "state-grant share of entrants",
            "approximate: 88,214 state grants 2022/23 ([PR]) / about 160,000 entrants = 0.55; the entrant count is "
                    + "approximate (172,000 school leavers, data/README, plus older entrants) and grants include some postgraduate places. School leavers weigh its change from this built-in value in the "
                    + "study choice (study.scholarshipWeight, adjustWorld)");
    public static final Param WORK_OFF_SHARE = Param.of(SECTION, "workOffShare", 0, 1, "share of grant holders",
            "grants with work-off", "assumption: only some grant lines (teaching, medicine, rural quota) carry a work-off "
                    + "obligation ([PR]); their share was not compiled");
    public static final Param WORK_OFF_YEARS = Param.of(SECTION, "workOffYears", 0, 20, "years", "grant work-off years",
            "[PR]: graduates of some grant lines must work off 3 years in the assigned field / place");
    public static final Param COST = Param.of(SECTION, "costKztPerYear", 0, 1e9, "KZT per study year",
            "grant cost per year (KZT)", "assumption: approximate state grant cost per student-year, the same order as the "
                    + "1,000,000 KZT average cost per student used by [IS26]; not compiled");
    public static final Param ENFORCEMENT = Param.of(SECTION, "enforcementProbability", 0, 1, "probability",
            "grant enforcement probability",
            "assumption: below Bolashak's 0.9 because grants are not secured by a pledge or guarantors");
    public static final Param BREACH_UTILITY_COST = Param.of(SECTION, "breachUtilityCost", 0, 100, "utility",
            "grant breach utility cost", "assumption: a work-off obligation is secured less strongly than Bolashak (no "
                    + "pledge of property named in [PR]), so a quarter of Bolashak's non-money cost");
    public static final List<Param> PARAMS = List.of(SHARE, WORK_OFF_SHARE, WORK_OFF_YEARS, COST, ENFORCEMENT, BREACH_UTILITY_COST);
    /** The plug-in: section, parameters, reader ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f));

    public static StateGrant read(Fields f) {
        return new StateGrant(SHARE.number(f), WORK_OFF_SHARE.number(f), WORK_OFF_YEARS.integer(f), COST.number(f),
                ENFORCEMENT.number(f), BREACH_UTILITY_COST.number(f));
    }

    @Override
    public boolean enabled() {
        return shareOfDomesticEntrants > 0;
    }

    /** Its breaches and repayments are core indicators, written every year. */
    @Override
    public boolean reportsBreachesEveryYear() {
        return true;
    }

    @Override
    public String programme() {
        return "state-grant";
    }

    /** R = the grant's cost ({@link #grantCostKzt}). */
    @Override
    public double repaymentKzt(int obligation, Scenario s) {
        return grantCostKzt(s);
    }

    /** The built-in share (defaults.yaml): the state of 2022 to which the study constants are fitted. */
    static double builtInShare() {
        return BuiltIn.SHARE;
    }

    private static final class BuiltIn {
        static final double SHARE = kz.kosh.scenario.Params.builtInDefault(SHARE_PATH);
    }

    private static final String SHARE_PATH = "policy." + SECTION + ".shareOfDomesticEntrants";

    /**
     * A state grant is a tuition-free place at a university in Kazakhstan, the good that Russia's
     * federal-budget places are abroad ({@code study.stateFundedPlacesPerYear}): school leavers weigh
     * its chance in the study choice with the same weight ({@code study.scholarshipWeight}). Every region's
     * study-scholarship index is
     * <pre>
     *   σ_r,t = g_t − g_ref
     * </pre>
     * with g_t = shareOfDomesticEntrants in force in year t and g_ref its built-in default (0.55, the
     * 2022 state to which the destinations' study constants are fitted, so that the constants hold
     * whatever the weight; a constant level would be absorbed by them). The baseline's rise from 0.425
     * to 0.55 in 2022 (65,000 new grants in 2020, 88,000 in 2022, P2) keeps more school leavers at home
     * from 2022; abolishing the grants (share 0) sends more abroad.
     */
    @Override
    public void adjustWorld(World.Editor e) {
        double change = shareOfDomesticEntrants - BuiltIn.SHARE;
        if (change != 0) {
            for (int r = 0; r < e.world().regionCount(); r++) {
                e.addStudyScholarshipIndex(r, change);
            }
        }
    }

    /** The public cost of one state grant: costKztPerYear × study.bachelorYears, KZT. */
    public double grantCostKzt(Scenario s) {
        return costKztPerYear * s.study().bachelorYears();
    }

    /** New state-grant entrants of the year. */
    public static final Counter ENTRANTS = Counter.of("stateGrant.entrants");
    /** The public cost of one grant in the year ({@link #grantCostKzt}), set at the year's end: the price of a grant in the payment ledger. */
    public static final Counter GRANT_KZT = Counter.of("stateGrant.grantKzt");

    /** Its entrants study on the state-grant funding route. */
    @Override
    public String fundingRoute() {
        return programme();
    }

    /** It may fund every entrant at a university in Kazakhstan. */
    @Override
    public boolean fundsDomesticEntrants() {
        return true;
    }

    /**
     * A grant with probability shareOfDomesticEntrants (one number), and then the work-off
     * obligation with probability workOffShare (a second number).
     */
    @Override
    public int drawDomesticFunding(java.util.random.RandomGenerator rnd) {
        if (rnd.nextDouble() >= shareOfDomesticEntrants) {
            return NOT_FUNDED;
        }
        return obligationOf(rnd.nextDouble() < workOffShare);
    }

    /** Counts its new grant holders and pays them in the ledger. */
    @Override
    public boolean hasEntryHook() {
        return true;
    }

    /** An entrant on a grant: one new grant holder, paid one grant ({@link #GRANT_KZT}). */
    @Override
    public void onEntry(World w, Mover m, Counts counts) {
        if (programme().equals(m.fundingRoute())) {
            counts.add(ENTRANTS, 1);
            m.paidAtYearEnd(GRANT_KZT);
        }
    }

    /** One grant: {@link #grantCostKzt}. */
    @Override
    public double participantCostKzt(boolean phd, Scenario p) {
        return grantCostKzt(p);
    }

    /** The price of the year's grants ({@link #GRANT_KZT}). */
    @Override
    public void closeYear(Counts year, Scenario p, double scale) {
        year.set(GRANT_KZT, grantCostKzt(p));
    }

    @Override
    public String spendingMember() {
        return programme();
    }

    /** New state-grant entrants × {@link #grantCostKzt}. */
    @Override
    public double spendingKzt(Counts year, Scenario p) {
        return year.get(ENTRANTS) * grantCostKzt(p);
    }

    /** Y = workOffYears anywhere in Kazakhstan. */
    @Override
    public int serviceYears(int obligation, World w, int j) {
        return workOffYears;
    }

    /** Obligation type of a new grant holder: the work-off obligation or none. */
    public static int obligationOf(boolean workOff) {
        return workOff ? OBLIGATION_WORK_OFF : kz.kosh.scenario.Statuses.NONE;
    }

    @Override
    public int[] statuses() {
        return new int[] {OBLIGATION_WORK_OFF};
    }
}
