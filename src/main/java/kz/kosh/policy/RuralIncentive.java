package kz.kosh.policy;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.indicator.Indicator;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.List;

/**
 * "With diploma to the village": eligible young specialists (a share of each cohort, drawn at
 * entry) who move to a region that is not one of the three cities get a lump sum and a
 * subsidised housing loan. In the tables: I_e,cj = [e]·[j ≠ c]·[j a region, not a city]·
 * (lump sum + housing subsidy) is added to the NPV of the move.
 *
 * <p>Commitment ([PR]: recipients "must work there &gt;= 3 years"; 0 in the built-in
 * defaults, 3 in the baseline scenario, whose breaches are a calibration target): with commitmentYears Y &gt; 0 an eligible graduate
 * without another obligation who moves into a non-city region of Kazakhstan and receives the
 * payment owes Y years of work in the region where it took the commitment (obligation type
 * {@link #OBLIGATION_COMMITMENT}); moving away before (to Astana, Almaty, Shymkent, abroad or
 * another region: {@link #breachedByMove}) breaches it, and the support received (lump sum + housing subsidy value) is repaid with the
 * enforcement probability. A committed recipient is not paid again for a further move to a
 * village (the support is paid once per commitment). Payments are counted whenever the
 * programme pays ({@link #paidOnMove}).
 *
 * <p>Places (T43: the programme pays within a yearly quota; 7,176 lump sums and 3,908 housing
 * loans planned in 2019): with F = placesPerYear (0 = unlimited) and A the eligible movers who
 * qualify (applicants, {@link #APPLICANTS}), each applicant gets a place with probability
 * <pre>
 *   φ = min(1, F·scale / A)                 ({@link kz.kosh.world.DemandResponse#fundedShare})
 * </pre>
 * by its own keyed draw ({@link Mover#placeDraw}), and the tables weigh the programme's money
 * by φ (I_e,cj·φ: agents anticipate the rationing). A is the previous year's applicants (the
 * merged yearly counters, so independent of the thread count; the first simulated year and a year
 * after none take φ = 1): the location choice's demand cannot be solved within the year as the
 * study choice solves Russia's funded places (it is a sum over agents, not over home regions),
 * so φ lags one year. The lag is stable: applicants respond to φ only through the money term,
 * far less than one for one (the cobweb's condition). Payments a year are then about
 * F·A_t / A_{t−1} (binomial noise around it), at most F when the applicants do not grow.
 * Only a paid applicant takes the commitment; one refused a place may apply again at a later move.
 *
 * @param enabled                whether the programme runs
 * @param eligibleShare          share of graduates in eligible fields (health, education, culture, agro, ...)
 * @param lumpSumKzt             one-time payment, KZT
 * @param housingSubsidyKzt      money value of the subsidised housing loan, KZT
 * @param commitmentYears        years a recipient owes outside the cities (0: no commitment modelled)
 * @param enforcementProbability probability that a breach of the commitment is recovered
 * @param breachUtilityCost      non-money cost (utility) of breaking the commitment
 * @param postExitRatePerYear    yearly probability that a committed recipient leaves the rural post
 *                               within the region (for the regional town or another job), which breaks
 *                               the commitment where the region grain cannot see a move
 * @param placesPerYear          lump sums the programme pays a year, persons (0: unlimited)
 */
public record RuralIncentive(boolean enabled, double eligibleShare, double lumpSumKzt, double housingSubsidyKzt,
                             int commitmentYears, double enforcementProbability, double breachUtilityCost,
                             double postExitRatePerYear, double placesPerYear)
        implements PolicyModule, ObligationProgramme {
    /** Status name of the village commitment ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_COMMITMENT = "village_commitment";
    /** Status index of the village commitment, handed out by name at start-up. */
    public static final int OBLIGATION_COMMITMENT = kz.kosh.scenario.Statuses.index(STATUS_COMMITMENT);


    public static final String SECTION = "ruralIncentive";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "diploma to the village on",
            "[PR]: 'With diploma to the village' running (2025 terms)");
    public static final Param ELIGIBLE_SHARE = Param.of(SECTION, "eligibleShare", 0, 1, "share of graduates",
            "village programme eligible share", "assumption: share of graduates in the eligible fields (health, education, "
                    + "social security, culture, sport, agro-industry; [PR]); not compiled");
    public static final Param LUMP_SUM = Param.of(SECTION, "lumpSumKzt", 0, 1e9, "KZT", "village lump sum (KZT)",
            "[PR]: lump sum of 100 MCI = 393,200 KZT in 2025 ('With diploma to the village' rules)");
    public static final Param HOUSING = Param.of(SECTION, "housingSubsidyKzt", 0, 1e9, "KZT",
            "village housing subsidy (KZT)", "assumption: approximate money value of the housing loan of up to 9,830,000 "
                    + "KZT at 1% for 15 years ([PR]) relative to a market mortgage");
    public static final Param COMMITMENT_YEARS = Param.of(SECTION, "commitmentYears", 0, 20, "years",
            "village commitment years", "[PR]: recipients must work there >= 3 years ('With diploma to the "
                    + "village' rules); 0 in the built-in defaults (not modelled); the baseline scenario sets 3, and its "
                    + "breaches (3,659 among more than 30,000 participants 2009-2014, T41) are a calibration target");
    public static final Param ENFORCEMENT = Param.of(SECTION, "enforcementProbability", 0, 1, "probability",
            "village commitment enforcement probability", "assumption: the lump sum is paid by the local akimat, "
                    + "which can reclaim it; the housing loan is a contract with a bank (0.7 as the state grants' work-off)");
    public static final Param BREACH_UTILITY_COST = Param.of(SECTION, "breachUtilityCost", 0, 100, "utility",
            "village commitment breach utility cost",
            "assumption: as the state grants' work-off (2.0): no pledge or guarantors named in [PR]");
    public static final Param POST_EXIT_RATE = Param.of(SECTION, "postExitRatePerYear", 0, 1, "probability per year",
            "village post exit rate within the region", "assumption: the contract binds the recipient to a post in a rural "
                    + "settlement (T41: those who leave repay the loans), so leaving it for the regional town or another job "
                    + "within the region breaks it too, a move the model's 20 regions cannot see; no series of such exits "
                    + "was found: 0 in the built-in defaults (not modelled), a free parameter of the calibration, identified "
                    + "by the breach share (3,659 among more than 30,000 participants 2009-2014, T41) beside the moves "
                    + "away from the region that the model does see. Agents do not anticipate it");
    public static final Param PLACES = Param.of(SECTION, "placesPerYear", 0, 1e7, "persons per year",
            "village places (lump sums) per year", "[PR] via T43 (programme_outcomes.csv): 7,176 lump sums "
                    + "(and 3,908 housing loans) planned in 2019, the one yearly plan found; the baseline holds it for "
                    + "every year (2015-2045, assumption: no other year's quota was found; 95,000 lump sums in "
                    + "2009-2022, T45, are 6,786 a year, within 6% of it). 0 = unlimited (the built-in defaults); "
                    + "a lever: more money cannot raise payments while the places bind");
    public static final List<Param> PARAMS = List.of(ENABLED, ELIGIBLE_SHARE, LUMP_SUM, HOUSING,
            COMMITMENT_YEARS, ENFORCEMENT, BREACH_UTILITY_COST, POST_EXIT_RATE, PLACES);
    public static final Indicator PAYMENTS_MADE = Indicator.national("rural_incentive_payments", Indicator.PERSONS_PER_YEAR,
            "when the scenario uses the village commitment or changes the village programme in its timeline: payments made");
    public static final Indicator PAYMENTS_MADE_KZT = Indicator.national("rural_incentive_payments_kzt", Indicator.KZT,
            "the KZT of `rural_incentive_payments`");
    public static final Indicator COMMITMENTS_TAKEN = Indicator.national("rural_incentive_commitments",
            Indicator.PERSONS_PER_YEAR, "with `rural_incentive_payments`: village commitments taken");
    public static final Indicator APPLICANTS_MADE = Indicator.national("rural_incentive_applicants",
            Indicator.PERSONS_PER_YEAR, "with `rural_incentive_payments`: eligible movers who qualify for a place "
                    + "(paid or not: payments / applicants is the year's chance of a place)");

    /** Payments made, their KZT, commitments taken. */
    public static final Counter PAYMENTS = Counter.of("ruralIncentive.payments");
    public static final Counter PAYMENTS_KZT = Counter.of("ruralIncentive.paymentsKzt");
    public static final Counter COMMITMENTS = Counter.of("ruralIncentive.commitments");
    /** Eligible movers who qualify for a place, paid or not (A of the class comment). */
    public static final Counter APPLICANTS = Counter.of("ruralIncentive.applicants");
    /**
     * Moves of eligible graduates from a non-city region to Astana, Almaty or Shymkent (counted
     * whether or not the programme runs).
     */
    public static final Counter ELIGIBLE_TO_CITY = Counter.of("ruralIncentive.eligibleToCity");

    /** The plug-in: section, parameters, reader, indicators ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f))
            .withIndicators(PAYMENTS_MADE, PAYMENTS_MADE_KZT, COMMITMENTS_TAKEN, APPLICANTS_MADE);

    public static RuralIncentive read(Fields f) {
        return new RuralIncentive(ENABLED.bool(f), ELIGIBLE_SHARE.number(f), LUMP_SUM.number(f), HOUSING.number(f),
                COMMITMENT_YEARS.integer(f), ENFORCEMENT.number(f), BREACH_UTILITY_COST.number(f),
                POST_EXIT_RATE.number(f), PLACES.number(f));
    }

    @Override
    public String programme() {
        return "rural-incentive";
    }

    @Override
    public String spendingMember() {
        return programme();
    }

    /** Village payments of the year × (lump sum + the housing loan's subsidy value), as paid. */
    @Override
    public double spendingKzt(Counts year, Scenario p) {
        return year.get(PAYMENTS_KZT);
    }

    /**
     * Whether a holder of the commitment leaves the rural post within the region this year (which
     * breaks the commitment), given a uniform draw {@code u}: u &lt; postExitRatePerYear.
     */
    public boolean leavesPost(double u) {
        return u < postExitRatePerYear;
    }

    /** A holder leaves the rural post within the region with the yearly rate (one uniform drawn only when it is positive). */
    @Override
    public boolean brokenWithoutMove(java.util.random.RandomGenerator rnd) {
        return postExitRatePerYear > 0 && leavesPost(rnd.nextDouble());
    }

    /** Whether recipients now take a commitment. */
    public boolean commitmentOn() {
        return enabled && commitmentYears > 0;
    }

    /**
     * R = lump sum + housing subsidy value: the support conditional on the commitment is repaid
     * in full (assumption: [PR] states the commitment, not its sanction).
     */
    @Override
    public double repaymentKzt(int obligation, Scenario s) {
        return lumpSumKzt + housingSubsidyKzt;
    }

    /** Y = commitmentYears at any place that does not breach it. */
    @Override
    public int serviceYears(int obligation, World w, int j) {
        return commitmentYears;
    }

    /** Living in Astana, Almaty or Shymkent, or abroad, breaches the commitment (no commitment is taken there). */
    @Override
    public boolean breachedAt(World w, int j) {
        return w.isAbroad(j) || w.isCity(j);
    }

    /**
     * Any move away from the region where the commitment was taken breaches it, not only a move to
     * a city or abroad: the recipient signs with the local executive body of the district that pays
     * ("specialists arrived in the regions through the programme" who leave "did not fulfil the
     * terms of contracts" and repay the loans: 3,659 in 2009-2014, T41), so a move to another
     * region's village is a breach too. A holder lives in the region of the commitment (a move
     * away ends it), so c is that region.
     */
    @Override
    public boolean breachedByMove(World w, int c, int j) {
        return c != j || breachedAt(w, j);
    }

    /**
     * Whether a graduate with obligation type {@code obligation} and eligibility {@code eligible}
     * is paid for a move from c to j: an eligible mover into a non-city region, not already
     * committed to the programme.
     */
    public boolean paidOnMove(World w, int c, int j, int obligation, boolean eligible) {
        return enabled && eligible && c != j && !w.isAbroad(j) && !w.isCity(j) && obligation != OBLIGATION_COMMITMENT;
    }

    /** Its eligible share: the eligible of the tables are its eligible graduates. */
    @Override
    public double eligibleShareOfEntrants() {
        return eligibleShare;
    }

    /** Whether the places are capped. */
    public boolean capped() {
        return enabled && placesPerYear > 0;
    }

    /**
     * φ of the class comment: the chance of a place for an applicant, min(1, F·scale / A) with A the
     * applicants (in agents) the allocation is based on; 1 when unlimited or when A = 0.
     *
     * @param scale agents per person of the run
     */
    public double placeChance(double scale, long applicants) {
        return capped() ? kz.kosh.world.DemandResponse.fundedShare(placesPerYear * scale, applicants) : 1.0;
    }

    /** Capped places: the money in the tables is weighed by {@link #placeChance} of last year's applicants. */
    @Override
    public double paymentChance(Counts lastYear, double scale) {
        return placeChance(scale, lastYear.get(APPLICANTS));
    }

    /** Money value of the programme to an eligible mover, KZT. */
    public double valueKzt() {
        return enabled ? lumpSumKzt + housingSubsidyKzt : 0.0;
    }

    /** I_e,cj of the class comment (0 for a recipient already committed). */
    @Override
    public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        return paidOnMove(w, c, j, obligation, eligible) ? valueKzt() : 0.0;
    }

    @Override
    public int[] statuses() {
        return new int[] {OBLIGATION_COMMITMENT};
    }

    /** The commitment's rows are needed while it is on (commitments taken are kept in later years by the run). */
    @Override
    public boolean statusInForce(int status) {
        return commitmentOn();
    }

    /** Counts eligible movers into the cities in every run; pays and commits while the programme runs. */
    @Override
    public boolean hasMoveHook() {
        return true;
    }

    /** The move hook with this year's chance of a place φ ({@link #onMove(World, Mover, Counts, double)}). */
    @Override
    public MoveHook moveHook(World w, double paymentChance) {
        return (m, counts) -> onMove(w, m, counts, paymentChance);
    }

    /** A move with every applicant placed (φ = 1: {@link #onMove(World, Mover, Counts, double)}). */
    @Override
    public void onMove(World w, Mover m, Counts counts) {
        onMove(w, m, counts, 1.0);
    }

    /**
     * A move from c to j: an eligible mover into a non-city region applies ({@link #paidOnMove},
     * counted in {@link #APPLICANTS}), gets a place when its keyed draw is below φ (every applicant
     * when φ = 1, no draw made), is paid and, when the commitment is on, a recipient without another
     * obligation takes the commitment; an eligible mover from a non-city region of Kazakhstan into
     * a city is counted.
     *
     * @param placeChance φ of the class comment, this year's
     */
    public void onMove(World w, Mover m, Counts counts, double placeChance) {
        int c = m.from();
        int j = m.to();
        boolean eligible = m.eligible();
        boolean applies = paidOnMove(w, c, j, m.statusBefore(), eligible);
        if (applies) {
            counts.add(APPLICANTS, 1);
        }
        if (applies && (placeChance >= 1.0 || m.placeDraw() < placeChance)) {
            long kzt = Math.round(valueKzt());
            counts.add(PAYMENTS, 1);
            counts.add(PAYMENTS_KZT, kzt);
            m.paid(kzt);
            if (commitmentOn() && m.obligationPct() == 0) {
                m.takeObligation(OBLIGATION_COMMITMENT);
                counts.add(COMMITMENTS, 1);
            }
        }
        if (eligible && !w.isAbroad(c) && !w.isCity(c) && w.isCity(j)) {
            counts.add(ELIGIBLE_TO_CITY, 1);
        }
    }

    /** The indicators are written when the commitment is on in some year or the section changes in the timeline. */
    @Override
    public boolean reportsIndicators() {
        return commitmentOn();
    }

    @Override
    public boolean reportsTimedChanges() {
        return true;
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        out.national(PAYMENTS_MADE, c.get(PAYMENTS) * perAgent);
        out.national(PAYMENTS_MADE_KZT, c.get(PAYMENTS_KZT) * perAgent);
        out.national(COMMITMENTS_TAKEN, c.get(COMMITMENTS) * perAgent);
        out.national(APPLICANTS_MADE, c.get(APPLICANTS) * perAgent);
        String national = Indicator.Place.NATIONAL.label();
        out.put(CoreIndicators.OBLIGATION_BREACHES.of(programme()), national, c.breaches(OBLIGATION_COMMITMENT) * perAgent);
        out.put(CoreIndicators.REPAYMENTS_KZT.of(programme()), national, c.repaymentsKzt(OBLIGATION_COMMITMENT) * perAgent);
    }
}
