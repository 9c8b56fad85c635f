package kz.kosh.policy;

import kz.kosh.indicator.Indicator;
import kz.kosh.scenario.DestinationData;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Academic mobility: a semester abroad during domestic study, which makes the host country
 * familiar (the exposure bonus) and raises the wish to leave (the consideration boost).
 *
 * <p>Each year a student at a university in Kazakhstan goes with probability
 * participationRatePerStudentYear; a participant is state-funded with probability
 * stateFundedShare. Self-funded participants go where the 2024 participants went
 * (w_j = m_j × study access); state-funded participants go where the state grants go
 * ({@link #stateFundedWeights}).
 *
 * <p>Return obligation (a lever, off by default): with returnObligationYears Y &gt; 0 a
 * state-funded participant who graduates without another obligation owes Y years of work
 * anywhere in Kazakhstan (obligation type {@link #OBLIGATION_RETURN}); working abroad
 * before breaches it, and the repayment R = returnObligationPenaltyKzt is recovered with the
 * enforcement probability. [IS26]: funding contracts that oblige return hold some participants
 * back; the fiscal loss of non-returning participants is what the repayment recovers.
 *
 * <p>A partner at the host: a participant without a partner comes back from the semester with a
 * partner living at the host with probability partnerAtHostProbability (the partner bonus then
 * pulls the graduate there, and the partner may join the graduate in Kazakhstan at the family's
 * join rate). Studying abroad raises the probability of working abroad later by about 15
 * percentage points, partly because participants met their partner there and return to the host
 * to work (Parey and Waldinger 2011, Economic Journal 121(551), German graduates, Erasmus as the
 * instrument); 33% of Erasmus alumni have a partner of another nationality against 13% of
 * non-mobile graduates, 27% met their partner during the stay (European Commission, Erasmus Impact
 * Study 2014). This is what the return obligation of state-funded participants acts on: without it a
 * semester abroad hardly changes where a graduate works.
 *
 * @param participationRatePerStudentYear yearly probability that a domestic student goes on a mobility semester
 * @param stateFundedShare                share of participants funded by the state
 * @param costKztPerParticipant           state cost per funded participant, KZT
 * @param considerationBoost              added to the consideration logit of former participants
 * @param stateFundedGroupShares          share of state-funded participants by destination group (sums to 1)
 * @param returnObligationYears           years of work in Kazakhstan owed by state-funded participants (0: none)
 * @param returnObligationPenaltyKzt      repayment on breach of the return obligation, KZT
 * @param enforcementProbability          probability that a breach of the return obligation is recovered
 * @param breachUtilityCost               non-money cost (utility) of breaking the return obligation
 * @param partnerAtHostProbability        probability that a participant without a partner comes back with one living at the host
 */
public record AcademicMobility(double participationRatePerStudentYear, double stateFundedShare,
                               double costKztPerParticipant, double considerationBoost,
                               Map<String, Double> stateFundedGroupShares, int returnObligationYears,
                               double returnObligationPenaltyKzt, double enforcementProbability,
                               double breachUtilityCost, double partnerAtHostProbability) implements PolicyModule, ObligationProgramme {
    /** Status name of the return obligation of state-funded academic mobility ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_RETURN = "mobility_return";
    /** Status index of the return obligation of state-funded academic mobility, handed out by name at start-up. */
    public static final int OBLIGATION_RETURN = kz.kosh.scenario.Statuses.index(STATUS_RETURN);


    public static final String SECTION = "academicMobility";
    public static final Param RATE = Param.of(SECTION, "participationRatePerStudentYear", 0, 1,
            "probability per student-year", "Academic mobility rate (per student-year)",
            "0.0077 = 4,416 participants 2024 [IS26] / 576,557 students (data/README)");
    public static final Param STATE_FUNDED_SHARE = Param.of(SECTION, "stateFundedShare", 0, 1, "share of participants",
            "mobility state-funded share", "0.122 = 539 state-funded / 4,416 participants 2024 [IS26]");
    public static final Param COST = Param.of(SECTION, "costKztPerParticipant", 0, 1e9, "KZT per participant",
            "mobility cost per participant (KZT)", "[IS26]: average cost per student 1,000,000 KZT in the fiscal-loss "
                    + "formula (1,000,000 KZT x 4,416 x 0.3 = 1.3248 bn KZT)");
    public static final Param BOOST = Param.of(SECTION, "considerationBoost", -20, 20, "logit units",
            "mobility consideration boost", "assumption: a semester abroad strengthens the wish to leave [IS26]");
    public static final Param GROUP_SHARES = Param.other(SECTION, "stateFundedGroupShares",
            "share of state-funded participants, per destination group (sum 1)", "state-funded mobility by group",
            "[IS26] ([PR]): 570 state mobility grants 2024, 500 for Europe incl. Turkey = Europe 0.8772 (TR is in "
                    + "the Europe group), 50 for South-East Asia and China = Asia 0.0877, 20 for North America = "
                    + "NorthAmerica 0.0351; none for the CIS. Within a group the destination follows the 2024 participants "
                    + "(mobility2024 x studyAccess): assumption");
    public static final Param RETURN_YEARS = Param.of(SECTION, "returnObligationYears", 0, 20, "years",
            "mobility return obligation years", "lever (0 = none, the status quo): [IS26] names funding contracts that "
                    + "oblige return; their length was not compiled (a scenario choice, e.g. 3 like the grants' work-off)");
    public static final Param RETURN_PENALTY = Param.of(SECTION, "returnObligationPenaltyKzt", 0, 1e10, "KZT",
            "mobility return repayment (KZT)", "assumption: the participant cost is repaid on breach, 1,000,000 KZT "
                    + "per participant as in the fiscal-loss formula of [IS26]");
    public static final Param ENFORCEMENT = Param.of(SECTION, "enforcementProbability", 0, 1, "probability",
            "mobility obligation enforcement probability",
            "assumption: as the state grants' work-off (0.7): a contract without pledge or guarantors");
    public static final Param BREACH_UTILITY_COST = Param.of(SECTION, "breachUtilityCost", 0, 100, "utility",
            "mobility obligation breach utility cost",
            "assumption: as the state grants' work-off (2.0): a contract secured less strongly than Bolashak");
    public static final Param PARTNER_AT_HOST = Param.of(SECTION, "partnerAtHostProbability", 0, 1,
            "probability per participant without a partner", "mobility partner at host probability",
            "0.2 = the excess of partners of another nationality among Erasmus alumni, 33% against 13% of non-mobile "
                    + "graduates (27% met their partner during the stay; European Commission, Erasmus Impact Study 2014); "
                    + "studying abroad raises the probability of working abroad later by about 15 percentage points, "
                    + "partly through partners met there (Parey and Waldinger 2011, Economic Journal 121(551)). Its "
                    + "transfer from Erasmus students to Kazakhstani participants, and that the partner lives at the "
                    + "host, is an assumption (no Kazakhstani figure was found)");
    public static final List<Param> PARAMS = List.of(RATE, STATE_FUNDED_SHARE, COST, BOOST, GROUP_SHARES,
            RETURN_YEARS, RETURN_PENALTY, ENFORCEMENT, BREACH_UTILITY_COST, PARTNER_AT_HOST);
    public static final Indicator FIRST_JOB_ABROAD_SHARE_STATE_FUNDED = Indicator.national("first_job_abroad_share_mobility_state_funded",
            Indicator.SHARE, "when the academic mobility programme runs: the share of state-funded participants graduating "
                    + "this year whose first job is abroad");
    /** Graduates who were state-funded participants, and those of them whose first job is abroad. */
    public static final Counter STATE_FUNDED_GRADUATES = Counter.of("academicMobility.stateFundedGraduates");
    public static final Counter STATE_FUNDED_FIRST_JOB_ABROAD = Counter.of("academicMobility.stateFundedFirstJobAbroad");

    /** The plug-in: section, parameters, reader, indicators ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.destinationGroups()))
            .withIndicators(FIRST_JOB_ABROAD_SHARE_STATE_FUNDED);

    public static AcademicMobility read(Fields f, List<String> destinationGroups) {
        AcademicMobility m = new AcademicMobility(RATE.number(f), STATE_FUNDED_SHARE.number(f), COST.number(f),
                BOOST.number(f),
                Collections.unmodifiableMap(f.numbersById(GROUP_SHARES.name(), destinationGroups, 0, 1)),
                RETURN_YEARS.integer(f), RETURN_PENALTY.number(f), ENFORCEMENT.number(f), BREACH_UTILITY_COST.number(f),
                PARTNER_AT_HOST.number(f));
        Shares.checkSum(f, GROUP_SHARES.name(), m.stateFundedGroupShares);
        return m;
    }

    @Override
    public boolean enabled() {
        return participationRatePerStudentYear > 0;
    }

    @Override
    public String programme() {
        return "academic-mobility";
    }

    /**
     * The indicators are written whenever the programme runs (or its return obligation is on in the
     * base or a timeline entry), so that a run without the obligation pairs with one that has it.
     */
    @Override
    public boolean reportsIndicators() {
        return enabled() || returnObligationOn();
    }

    /** The return obligation's breaches and repayments, and the state-funded graduates' first jobs abroad (NaN without graduates). */
    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        String national = Indicator.Place.NATIONAL.label();
        out.put(kz.kosh.indicator.CoreIndicators.OBLIGATION_BREACHES.of(programme()), national,
                c.breaches(OBLIGATION_RETURN) * perAgent);
        out.put(kz.kosh.indicator.CoreIndicators.REPAYMENTS_KZT.of(programme()), national,
                c.repaymentsKzt(OBLIGATION_RETURN) * perAgent);
        long graduates = c.get(STATE_FUNDED_GRADUATES);
        out.national(FIRST_JOB_ABROAD_SHARE_STATE_FUNDED,
                graduates == 0 ? Double.NaN : (double) c.get(STATE_FUNDED_FIRST_JOB_ABROAD) / graduates);
    }

    /** State-funded participants who left for their semester abroad in the year. */
    public static final Counter STATE_FUNDED_PARTICIPANTS = Counter.of("academicMobility.stateFundedParticipants");

    @Override
    public String spendingMember() {
        return programme();
    }

    /** State-funded participants leaving in the year × costKztPerParticipant. */
    @Override
    public double spendingKzt(Counts year, Scenario p) {
        return year.get(STATE_FUNDED_PARTICIPANTS) * costKztPerParticipant;
    }

    /** Its participants' flows are the academic-mobility route. */
    @Override
    public String fundingRoute() {
        return programme();
    }

    /** Self-financed: {@link #selfFundedWeights}; state-funded: {@link #stateFundedWeights}. */
    @Override
    public double[] exchangeWeights(World w, Map<String, DestinationData> destinations, boolean funded) {
        double[] mw = selfFundedWeights(w);
        return funded ? stateFundedWeights(w, destinations, mw) : mw;
    }

    @Override
    public double exchangeRatePerStudentYear() {
        return participationRatePerStudentYear;
    }

    @Override
    public double exchangeFundedShare() {
        return stateFundedShare;
    }

    /** A state-funded participant: counted, and paid costKztPerParticipant in the ledger. */
    @Override
    public void onFundedExchange(Mover m, Counts counts) {
        counts.add(STATE_FUNDED_PARTICIPANTS, 1);
        m.paid(costKztPerParticipant);
    }

    /** A state-funded participant: costKztPerParticipant. */
    @Override
    public double participantCostKzt(boolean phd, Scenario p) {
        return costKztPerParticipant;
    }

    @Override
    public double considerationBoostAfterExchange() {
        return considerationBoost;
    }

    /** partnerAtHostProbability. */
    @Override
    public double partnerAtHostProbability() {
        return partnerAtHostProbability;
    }

    /** Counts the state-funded participants graduating and those of them whose first job is abroad. */
    @Override
    public boolean hasGraduationHook() {
        return true;
    }

    @Override
    public void onGraduation(World w, Mover m, Counts counts) {
        if (m.fundedExchange()) {
            counts.add(STATE_FUNDED_GRADUATES, 1);
            if (w.isAbroad(m.to())) {
                counts.add(STATE_FUNDED_FIRST_JOB_ABROAD, 1);
            }
        }
    }

    /** Whether state-funded participants now graduate with a return obligation. */
    public boolean returnObligationOn() {
        return returnObligationYears > 0;
    }

    /**
     * The obligation type of a graduate whose type so far is {@code current}: a state-funded
     * participant without another obligation takes the return obligation when it is on; any
     * other graduate keeps {@code current} (an obligation already held is kept, not doubled).
     */
    @Override
    public int obligationAtGraduation(boolean stateFunded, int current) {
        return returnObligationOn() && stateFunded && current == kz.kosh.scenario.Statuses.NONE
                ? OBLIGATION_RETURN : current;
    }

    /** R = returnObligationPenaltyKzt. */
    @Override
    public double repaymentKzt(int obligation, Scenario s) {
        return returnObligationPenaltyKzt;
    }

    /** Y = returnObligationYears anywhere in Kazakhstan. */
    @Override
    public int serviceYears(int obligation, World w, int j) {
        return returnObligationYears;
    }

    /** Weights of self-funded participants' destinations: w_j = m_j × study access (0 for regions). */
    public static double[] selfFundedWeights(World world) {
        double[] mw = new double[world.placeCount()];
        for (int j = world.regionCount(); j < mw.length; j++) {
            mw[j] = world.mobility2024(j) * world.studyAccess(j);
        }
        return mw;
    }

    /**
     * Weights of the destinations of state-funded participants: the state grants' share of the
     * destination's group, split within the group by the 2024 participants (× study access):
     * w_j = share[group_j] · m_j / Σ_{k in group_j} m_k, with {@code mw} the
     * {@linkplain #selfFundedWeights self-funded weights} and {@code destinations} in table order.
     */
    public double[] stateFundedWeights(World world, Map<String, DestinationData> destinations, double[] mw) {
        int n = world.placeCount();
        String[] group = new String[n];
        Map<String, Double> groupTotal = new HashMap<>();
        int j = world.regionCount();
        for (DestinationData x : destinations.values()) {
            group[j] = x.group();
            groupTotal.merge(x.group(), mw[j], Double::sum);
            j++;
        }
        double[] w = new double[n];
        for (int k = world.regionCount(); k < n; k++) {
            double total = groupTotal.get(group[k]);
            w[k] = total > 0 ? stateFundedGroupShares.getOrDefault(group[k], 0.0) * mw[k] / total : 0.0;
        }
        return w;
    }

    @Override
    public int[] statuses() {
        return new int[] {OBLIGATION_RETURN};
    }

    /** The return obligation's rows are needed while it is on (obligations taken are kept in later years by the run). */
    @Override
    public boolean statusInForce(int status) {
        return returnObligationOn();
    }
}
