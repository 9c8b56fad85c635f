package kz.kosh.output;

import kz.kosh.population.Population;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.world.World;

/**
 * The yearly indicators of indicators.csv, computed from what happened in the year and the
 * stocks at its end. Counts are persons (agents / scale); rates are shares in [0, 1]. Place
 * "KZ" is the national total; region and destination ids give the indicator for one place.
 * See docs/outputs.md for the definition of each.
 */
public final class Indicators {
    /** Place label of national indicators. */
    public static final String NATIONAL = "KZ";

    /** Receives one indicator value. */
    @FunctionalInterface
    public interface Sink {
        void put(String indicator, String place, double value);
    }

    private Indicators() {
    }

    /** Unit of persons at the end of the year (a stock). */
    public static final String PERSONS = "persons";
    /** Unit of persons moving or counted during the year (a flow). */
    public static final String PERSONS_PER_YEAR = "persons/year";
    /** Unit of a share in [0, 1] (not a percentage). */
    public static final String SHARE = "share";
    /** Unit of a ratio of two counts that may exceed 1. */
    public static final String RATIO = "ratio";
    /** Unit of money: tenge (KZT), nominal. */
    public static final String KZT = "KZT";
    /** Unit of thousands of persons. */
    public static final String THOUSAND_PERSONS = "thousand persons";

    /**
     * The unit of every indicator: the one place where it is defined (the {@code unit} column of
     * indicators.csv, the formats of the reports and docs/outputs.md follow it). Names ending in
     * "_" are prefixes (nonreturn_share_&lt;funding&gt;, ...).
     */
    private static final java.util.Map<String, String> UNITS = units();

    private static java.util.Map<String, String> units() {
        java.util.Map<String, String> u = new java.util.LinkedHashMap<>();
        for (String n : new String[]{"students", "students_abroad", "graduates", "graduates_in_kz", "graduates_abroad",
                "brain_waste", "brain_circulation_returnees", "mobility_state_funded_abroad", "agents",
                "graduates_living", "students_studying", "graduate_net_gain", "returnees"}) {
            u.put(n, PERSONS);
        }
        for (String n : new String[]{"entrants", "entrants_abroad", "new_graduates", "bachelor_degrees_in_kz", "first_job_abroad",
                "first_job_abroad_after_study_in_kz", "first_job_in_kz_after_study_abroad", "emigration",
                "graduate_departures_total", "returns", "internal_moves", "onward_moves", "considering_move",
                "intending_emigration", "intending_internal_move", "permit_refusals", "bolashak_graduates",
                "obligation_breaches_", "mobility_participants", "aged_out", "net_migration_graduates"}) {
            u.put(n, PERSONS_PER_YEAR);
        }
        for (String n : new String[]{"first_job_abroad_share", "first_job_abroad_share_", "nonreturn_share_",
                "nonreturn_share_degree_abroad", "nonreturn_share_degree_in_kz", "emigration_rate",
                "considering_move_share", "willingness_to_emigrate_share", "intending_emigration_share",
                "brain_waste_share", "docquier_rapoport_share", "bolashak_nonreturn_share", "retention_own_graduates",
                "own_graduates_abroad_share", "retention_home_share", "retention_megacity_share",
                "retention_elsewhere_kz_share", "retention_abroad_share"}) {
            u.put(n, SHARE);
        }
        u.put("emigration_per_intention", RATIO);
        // returns this year per graduate abroad at the end of last year: can exceed 1 when students
        // graduating abroad (not yet graduates last year) come home within the year
        u.put("return_rate", RATIO);
        u.put("repayments_kzt_", KZT);
        u.put("fiscal_loss_kzt_", KZT);
        u.put("mobility_fiscal_loss_kzt", KZT);
        u.put("spending_kzt_", KZT);
        u.put("programme_spending_kzt", KZT);
        u.put("bolashak_awards", PERSONS_PER_YEAR);
        u.put("diaspora_thousands", THOUSAND_PERSONS);
        // levers that give agents a programme status (written only when the lever is used, see levers())
        for (String n : new String[]{"obligation_breaches_academic-mobility", "obligation_breaches_rural-incentive",
                "rural_incentive_payments", "rural_incentive_commitments", "relocation_payments",
                "relocation_qualifying_moves", "return_support_payments", "return_support_researcher_grants",
                "phd_returns"}) {
            u.put(n, PERSONS_PER_YEAR);
        }
        for (String n : new String[]{"repayments_kzt_academic-mobility", "repayments_kzt_rural-incentive",
                "rural_incentive_payments_kzt", "relocation_payments_kzt", "return_support_payments_kzt",
                "return_support_researcher_grants_kzt"}) {
            u.put(n, KZT);
        }
        u.put("first_job_abroad_share_mobility_state_funded", SHARE);
        return java.util.Collections.unmodifiableMap(u);
    }

    /** The per-programme families ("name_&lt;funding&gt;"), longest first so that a longer prefix wins. */
    private static final String[] PREFIXES = {"first_job_abroad_share_", "obligation_breaches_", "nonreturn_share_",
            "repayments_kzt_", "fiscal_loss_kzt_", "spending_kzt_"};

    /**
     * The public costs per graduate used by the fiscal-loss indicators (KZT, nominal).
     *
     * @param bolashakMasterKzt       programme cost of a Bolashak master's award (policy.bolashak.costKztMaster)
     * @param bolashakPhdKzt          programme cost of a Bolashak PhD award (policy.bolashak.costKztPhd)
     * @param stateGrantKzt           a state grant: policy.stateGrant.costKztPerYear x study.bachelorYears
     * @param mobilityParticipantKzt  a state-funded academic-mobility participant
     *                                (policy.academicMobility.costKztPerParticipant)
     */
    public record Costs(double bolashakMasterKzt, double bolashakPhdKzt, double stateGrantKzt,
                        double mobilityParticipantKzt) {
        /** The costs of the parameters in force. */
        public static Costs of(kz.kosh.scenario.Scenario p) {
            var pol = p.policy();
            return new Costs(pol.bolashak().costKztMaster(), pol.bolashak().costKztPhd(),
                    pol.stateGrant().costKztPerYear() * p.study().bachelorYears(),
                    pol.academicMobility().costKztPerParticipant());
        }
    }

    /**
     * The Docquier-Rapoport band of a skilled emigration rate (graduates abroad / all graduates,
     * [N24]): "&lt; 15%" (below the rate around which skilled emigration may be optimal), "15-20%"
     * (around the optimum, not yet harmful), "20-35%" (harmful for the skilled workforce unless
     * remittances, return and diaspora gains make up for it), "&gt; 35%" (harmful even with those
     * gains). Bounds: [0, 0.15), [0.15, 0.20), [0.20, 0.35], above 0.35.
     */
    public static String docquierRapoportBand(double share) {
        if (share < 0.15) {
            return "< 15%";
        }
        if (share < 0.20) {
            return "15-20%";
        }
        return share <= 0.35 ? "20-35%" : "> 35%";
    }

    /** What a {@link #docquierRapoportBand} means, in a few words. */
    public static String docquierRapoportMeaning(String band) {
        switch (band) {
            case "< 15%": return "below the level around which skilled emigration may be optimal";
            case "15-20%": return "around the optimum (~15%), not yet harmful";
            case "20-35%": return "harmful, unless remittances, return and diaspora gains make up for it";
            default: return "harmful even when remittances, return and diaspora gains are counted";
        }
    }

    /** The unit of an indicator (see the constants above); null for a name Kosh does not compute. */
    public static String unit(String indicator) {
        String u = UNITS.get(indicator);
        if (u == null) {
            for (String prefix : PREFIXES) {
                if (indicator.startsWith(prefix)) {
                    return UNITS.get(prefix);
                }
            }
        }
        return u;
    }

    /** True for an indicator whose values are shares in [0, 1]. */
    public static boolean isShare(String indicator) {
        return SHARE.equals(unit(indicator));
    }

    /**
     * Computes all indicators of the year a simulation just recorded (call from a
     * {@link kz.kosh.sim.YearObserver}): the world, scale, mobility cost and diaspora stocks in
     * force are taken from {@code sim}.
     */
    public static void compute(kz.kosh.sim.KoshSim sim, YearCounters c, Stocks s, Stocks prev, Sink out) {
        World w = sim.world();
        double[] diaspora = new double[w.placeCount()];
        for (int p = 0; p < diaspora.length; p++) {
            diaspora[p] = sim.diasporaThousands(p);
        }
        compute(w, c, s, prev, sim.scenario().run().scale(), Costs.of(sim.params()), diaspora, out);
        levers(sim.scenario(), c, sim.scenario().run().scale(), out);
    }

    /**
     * Indicators of the levers that give agents a programme status, written only when the
     * scenario uses the lever in some year (so that a scenario without them, the baseline
     * included, has the indicators it had): the academic-mobility return obligation, the village
     * commitment or a timed change of the village programme, capped relocation places or a timed
     * change of the relocation programme, return support.
     */
    static void levers(kz.kosh.scenario.Scenario scenario, YearCounters c, double scale, Sink out) {
        double k = 1.0 / scale;
        String national = NATIONAL;
        if (used(scenario, p -> p.academicMobility().returnObligationOn(), p -> 0)) {
            int o = kz.kosh.decision.AgentKind.OBLIGATION_MOBILITY;
            out.put("obligation_breaches_academic-mobility", national, c.breaches(o) * k);
            out.put("repayments_kzt_academic-mobility", national, c.repaymentsKzt(o) * k);
            out.put("first_job_abroad_share_mobility_state_funded", national,
                    ratio(c.mobilityStateFundedFirstJobAbroad(), c.mobilityStateFundedGraduates()));
        }
        if (used(scenario, p -> p.ruralIncentive().commitmentOn(), kz.kosh.scenario.PolicyParams::ruralIncentive)) {
            int o = kz.kosh.decision.AgentKind.OBLIGATION_RURAL;
            out.put("rural_incentive_payments", national, c.ruralPayments() * k);
            out.put("rural_incentive_payments_kzt", national, c.ruralPaymentsKzt() * k);
            out.put("rural_incentive_commitments", national, c.ruralCommitments() * k);
            out.put("obligation_breaches_rural-incentive", national, c.breaches(o) * k);
            out.put("repayments_kzt_rural-incentive", national, c.repaymentsKzt(o) * k);
        }
        if (used(scenario, p -> p.relocation().capped(), kz.kosh.scenario.PolicyParams::relocation)) {
            out.put("relocation_qualifying_moves", national, c.relocationQualifying() * k);
            out.put("relocation_payments", national, c.relocationSubsidised() * k);
            out.put("relocation_payments_kzt", national, c.relocationSubsidisedKzt() * k);
        }
        if (used(scenario, p -> p.returnSupport().enabled(), p -> 0)) {
            out.put("return_support_payments", national, c.returnSubsidies() * k);
            out.put("return_support_payments_kzt", national, c.returnSubsidiesKzt() * k);
            out.put("return_support_researcher_grants", national, c.researcherGrants() * k);
            out.put("return_support_researcher_grants_kzt", national, c.researcherGrantsKzt() * k);
            out.put("phd_returns", national, c.phdReturns() * k);
        }
    }

    /**
     * Whether a scenario uses a lever: it is on in the base or a timeline entry, or the
     * programme's section (given by {@code section}) differs between them (a timed change).
     */
    private static boolean used(kz.kosh.scenario.Scenario s, java.util.function.Predicate<kz.kosh.scenario.PolicyParams> on,
                                java.util.function.Function<kz.kosh.scenario.PolicyParams, Object> section) {
        if (on.test(s.policy())) {
            return true;
        }
        Object first = section.apply(s.policy());
        for (kz.kosh.scenario.Scenario.TimedChange t : s.timeline()) {
            if (on.test(t.scenario().policy()) || !first.equals(section.apply(t.scenario().policy()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Computes all indicators of a year.
     *
     * @param costs             public costs per graduate of the programmes (fiscal losses)
     * @param diasporaThousands diaspora stock by place at the end of the year
     */
    public static void compute(World w, YearCounters c, Stocks s, Stocks prev, double scale,
                               Costs costs, double[] diasporaThousands, Sink out) {
        int regions = w.regionCount();
        int places = w.placeCount();
        double k = 1.0 / scale;
        long[] kindTotal = new long[FlowKind.values().length];
        long[] fromPlace = new long[FlowKind.values().length * places];
        long[] toPlace = new long[FlowKind.values().length * places];
        long entrants = 0;
        long grantEntrants = 0;
        long entrantsAbroad = 0;
        long mobility = 0;
        long firstJobAbroad = 0;
        long firstJobAbroadAfterHomeStudy = 0;
        long firstJobHomeAfterAbroadStudy = 0;
        long[] net = new long[places];
        long[] foreignGraduates = new long[YearCounters.FUNDINGS];
        long[] foreignGraduatesStaying = new long[YearCounters.FUNDINGS];
        for (int kind = 0; kind < FlowKind.values().length; kind++) {
            for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                for (int h = 0; h < regions; h++) {
                    for (int o = 0; o < places; o++) {
                        for (int d = 0; d < places; d++) {
                            int n = c.flow(kind, f, h, o, d);
                            if (n == 0) {
                                continue;
                            }
                            if (kind == FlowKind.STUDY.ordinal()) {
                                if (f == Population.ACADEMIC_MOBILITY) {
                                    mobility += n;
                                } else if (f != Population.BOLASHAK) {
                                    entrants += n;
                                    if (f == Population.STATE_GRANT) {
                                        grantEntrants += n;
                                    }
                                    if (w.isAbroad(d)) {
                                        entrantsAbroad += n;
                                    }
                                }
                                continue;
                            }
                            kindTotal[kind] += n;
                            fromPlace[kind * places + o] += n;
                            toPlace[kind * places + d] += n;
                            if (o != d) {
                                net[o] -= n;
                                net[d] += n;
                            }
                            if (kind == FlowKind.FIRST_JOB.ordinal()) {
                                if (w.isAbroad(o)) {
                                    foreignGraduates[f] += n;
                                    if (w.isAbroad(d)) {
                                        foreignGraduatesStaying[f] += n;
                                    }
                                }
                                if (w.isAbroad(d)) {
                                    firstJobAbroad += n;
                                    if (!w.isAbroad(o)) {
                                        firstJobAbroadAfterHomeStudy += n;
                                    }
                                } else if (w.isAbroad(o)) {
                                    firstJobHomeAfterAbroadStudy += n;
                                }
                            }
                        }
                    }
                }
            }
        }
        int G = Stocks.GRADUATE;
        int S = Stocks.STUDENT;
        long gradKz = s.total(G, false);
        long gradAbroad = s.total(G, true);
        long prevGradKz = prev.total(G, false);
        long prevGradAbroad = prev.total(G, true);
        long emigration = kindTotal[FlowKind.EMIGRATION.ordinal()];
        long returns = kindTotal[FlowKind.RETURN.ordinal()];
        String kz = NATIONAL;
        out.put("entrants", kz, entrants * k);
        out.put("entrants_abroad", kz, entrantsAbroad * k);
        out.put("students", kz, (s.total(S, false) + s.total(S, true)) * k);
        out.put("students_abroad", kz, s.total(S, true) * k);
        out.put("graduates", kz, (gradKz + gradAbroad) * k);
        out.put("graduates_in_kz", kz, gradKz * k);
        out.put("graduates_abroad", kz, gradAbroad * k);
        long newGraduates = kindTotal[FlowKind.FIRST_JOB.ordinal()];
        out.put("new_graduates", kz, newGraduates * k);
        out.put("bachelor_degrees_in_kz", kz, c.bachelorDegreesInKz() * k);
        out.put("first_job_abroad", kz, firstJobAbroad * k);
        out.put("first_job_abroad_share", kz, ratio(firstJobAbroad, newGraduates));
        out.put("first_job_abroad_after_study_in_kz", kz, firstJobAbroadAfterHomeStudy * k);
        out.put("first_job_in_kz_after_study_abroad", kz, firstJobHomeAfterAbroadStudy * k);
        for (int f = 0; f < YearCounters.FUNDINGS; f++) {
            if (f != Population.ACADEMIC_MOBILITY) {
                out.put("first_job_abroad_share_" + Population.FUNDING_NAMES[f], kz,
                        ratio(foreignGraduatesStaying[f], foreignGraduates[f]));
            }
        }
        for (int f = 0; f < YearCounters.FUNDINGS; f++) {
            out.put("nonreturn_share_" + Population.FUNDING_NAMES[f], kz, ratio(s.cohortAbroad(f), s.cohort(f)));
        }
        out.put("nonreturn_share_degree_abroad", kz, ratio(s.cohortAbroadByDegreePlace(true), s.cohortByDegreePlace(true)));
        out.put("nonreturn_share_degree_in_kz", kz, ratio(s.cohortAbroadByDegreePlace(false), s.cohortByDegreePlace(false)));
        long bolashakPhdAbroad = s.cohortAbroadBolashakPhd();
        long bolashakMasterAbroad = s.cohortAbroad(Population.BOLASHAK) - bolashakPhdAbroad;
        out.put("fiscal_loss_kzt_bolashak", kz, k * (bolashakMasterAbroad * costs.bolashakMasterKzt()
                + bolashakPhdAbroad * costs.bolashakPhdKzt()));
        out.put("fiscal_loss_kzt_state-grant", kz, k * s.cohortAbroad(Population.STATE_GRANT) * costs.stateGrantKzt());
        out.put("fiscal_loss_kzt_academic-mobility", kz,
                k * s.cohortAbroadMobilityStateFunded() * costs.mobilityParticipantKzt());
        out.put("emigration", kz, emigration * k);
        out.put("graduate_departures_total", kz, (emigration + firstJobAbroadAfterHomeStudy) * k);
        out.put("emigration_rate", kz, ratio(emigration, prevGradKz));
        out.put("returns", kz, returns * k);
        out.put("return_rate", kz, ratio(returns, prevGradAbroad));
        out.put("internal_moves", kz, kindTotal[FlowKind.INTERNAL.ordinal()] * k);
        out.put("onward_moves", kz, kindTotal[FlowKind.ONWARD.ordinal()] * k);
        long considered = 0;
        long intendAbroadFromKz = 0;
        long intendInternal = 0;
        long refused = 0;
        for (int p = 0; p < places; p++) {
            considered += c.considered(p);
            intendInternal += c.intendInternal(p);
            refused += c.permitRefused(p);
            if (!w.isAbroad(p)) {
                intendAbroadFromKz += c.intendAbroad(p);
            }
        }
        out.put("considering_move", kz, considered * k);
        out.put("considering_move_share", kz, ratio(considered, prevGradKz + prevGradAbroad));
        out.put("willingness_to_emigrate_share", kz, c.meanWillingness());
        out.put("intending_emigration", kz, intendAbroadFromKz * k);
        out.put("intending_emigration_share", kz, ratio(intendAbroadFromKz, prevGradKz));
        out.put("intending_internal_move", kz, intendInternal * k);
        out.put("emigration_per_intention", kz, ratio(emigration, intendAbroadFromKz));
        out.put("permit_refusals", kz, refused * k);
        long waste = 0;
        long returnees = 0;
        long mobilityAbroad = 0;
        for (int p = 0; p < places; p++) {
            waste += s.belowQualification(p);
            if (w.isAbroad(p)) {
                mobilityAbroad += s.mobilityStateFunded(p);
            }
        }
        for (int r = 0; r < regions; r++) {
            returnees += s.returnees(r);
        }
        out.put("brain_waste", kz, waste * k);
        out.put("brain_waste_share", kz, ratio(waste, gradAbroad));
        out.put("brain_circulation_returnees", kz, returnees * k);
        out.put("docquier_rapoport_share", kz, ratio(gradAbroad, gradKz + gradAbroad));
        out.put("bolashak_graduates", kz, c.bolashakGraduates() * k);
        out.put("bolashak_nonreturn_share", kz, ratio(c.bolashakGraduatesAbroad(), c.bolashakGraduates()));
        out.put("obligation_breaches_bolashak", kz, c.bolashakBreaches() * k);
        out.put("obligation_breaches_state-grant", kz, c.grantBreaches() * k);
        out.put("repayments_kzt_bolashak", kz, c.bolashakRepaymentKzt() * k);
        out.put("repayments_kzt_state-grant", kz, c.grantRepaymentKzt() * k);
        spending(c, costs, grantEntrants, k, out);
        out.put("mobility_participants", kz, mobility * k);
        out.put("mobility_state_funded_abroad", kz, mobilityAbroad * k);
        out.put("mobility_fiscal_loss_kzt", kz, mobilityAbroad * k * costs.mobilityParticipantKzt());
        long agedOut = 0;
        for (int h = 0; h < regions; h++) {
            for (int p = 0; p < places; p++) {
                agedOut += c.agedOut(h, p);
            }
        }
        out.put("aged_out", kz, agedOut * k);
        out.put("agents", kz, s.agents() * k);
        long[] national = new long[RETENTION_CATEGORIES];
        long[] byCategory = new long[RETENTION_CATEGORIES];
        for (int r = 0; r < regions; r++) {
            retention(w, s, r, byCategory);
            putRetention(w.id(r), byCategory, out);
            for (int i = 0; i < RETENTION_CATEGORIES; i++) {
                national[i] += byCategory[i];
            }
        }
        putRetention(kz, national, out);
        for (int r = 0; r < regions; r++) {
            String id = w.id(r);
            long own = s.fromHome(G, r);
            out.put("graduates_living", id, s.atPlace(G, r) * k);
            out.put("students_studying", id, s.atPlace(S, r) * k);
            out.put("net_migration_graduates", id, net[r] * k);
            out.put("graduate_net_gain", id, (s.atPlace(G, r) - own) * k);
            out.put("retention_own_graduates", id, ratio(s.count(G, r, r), own));
            out.put("own_graduates_abroad_share", id, ratio(ownAbroad(s, r, regions, places), own));
            out.put("emigration", id, (fromPlace[FlowKind.EMIGRATION.ordinal() * places + r]) * k);
            out.put("intending_emigration", id, c.intendAbroad(r) * k);
            out.put("returnees", id, s.returnees(r) * k);
        }
        for (int d = regions; d < places; d++) {
            String id = w.id(d);
            out.put("students_abroad", id, s.atPlace(S, d) * k);
            out.put("graduates_abroad", id, s.atPlace(G, d) * k);
            out.put("emigration", id, (toPlace[FlowKind.EMIGRATION.ordinal() * places + d]
                    + toPlace[FlowKind.ONWARD.ordinal() * places + d]) * k);
            out.put("returns", id, fromPlace[FlowKind.RETURN.ordinal() * places + d] * k);
            out.put("permit_refusals", id, c.permitRefused(d) * k);
            out.put("brain_waste", id, s.belowQualification(d) * k);
            out.put("diaspora_thousands", id, diasporaThousands[d]);
        }
    }

    /** The programmes of the spending indicators (spending_kzt_&lt;programme&gt;), in the order written. */
    public static final java.util.List<String> SPENDING_PROGRAMMES = java.util.List.of("bolashak", "state-grant",
            "academic-mobility", "rural-incentive", "relocation", "return-support");

    /**
     * Public programme spending of the year (KZT, commitment basis: an award or grant counts in
     * full in the year it is made), always written so that a scenario without a lever still shows
     * its spending (0 or the baseline's):
     * <ul>
     * <li>{@code spending_kzt_bolashak} = Σ over the year's awards of the award's programme cost
     *     ({@code costKztMaster} or {@code costKztPhd}, × {@code tuitionOnlyCostShare} for a
     *     tuition-only award);</li>
     * <li>{@code spending_kzt_state-grant} = new state-grant entrants × {@code costKztPerYear} ×
     *     {@code study.bachelorYears};</li>
     * <li>{@code spending_kzt_academic-mobility} = state-funded participants leaving in the year ×
     *     {@code costKztPerParticipant};</li>
     * <li>{@code spending_kzt_rural-incentive} = village payments × (lump sum + the housing loan's
     *     subsidy value, {@code housingSubsidyKzt});</li>
     * <li>{@code spending_kzt_relocation} = subsidised relocations × {@code subsidyKzt};</li>
     * <li>{@code spending_kzt_return-support} = citizen return subsidies + researcher return grants paid;</li>
     * <li>{@code repayments_kzt_total} = repayments recovered from breaches of every obligation;</li>
     * <li>{@code programme_spending_kzt} = Σ spending_kzt_&lt;programme&gt; − repayments_kzt_total (net).</li>
     * </ul>
     * Counts are scaled to persons by k = 1 / scale.
     */
    static void spending(YearCounters c, Costs costs, long grantEntrants, double k, Sink out) {
        double[] byProgramme = {
                c.bolashakAwardsKzt(),
                grantEntrants * costs.stateGrantKzt(),
                c.mobilityStateFundedParticipants() * costs.mobilityParticipantKzt(),
                c.ruralPaymentsKzt(),
                c.relocationSubsidisedKzt(),
                c.returnSubsidiesKzt() + c.researcherGrantsKzt()};
        double total = 0;
        for (int i = 0; i < byProgramme.length; i++) {
            out.put("spending_kzt_" + SPENDING_PROGRAMMES.get(i), NATIONAL, byProgramme[i] * k);
            total += byProgramme[i];
        }
        long repaid = 0;
        for (int o = 0; o < kz.kosh.decision.AgentKind.OBLIGATION_TYPES; o++) {
            repaid += c.repaymentsKzt(o);
        }
        out.put("repayments_kzt_total", NATIONAL, repaid * k);
        out.put("programme_spending_kzt", NATIONAL, (total - repaid) * k);
        out.put("bolashak_awards", NATIONAL, c.bolashakAwards() * k);
    }

    /** Destination categories of the retention shares: home region, another megacity, elsewhere in Kazakhstan, abroad. */
    static final int RETENTION_CATEGORIES = 4;

    /**
     * Graduates whose home region is {@code home}, by where they live: [0] the home region, [1] a
     * megacity (Astana, Almaty, Shymkent) other than home, [2] another region of Kazakhstan, [3] abroad.
     */
    static void retention(World w, Stocks s, int home, long[] out) {
        java.util.Arrays.fill(out, 0);
        int regions = w.regionCount();
        for (int p = 0; p < w.placeCount(); p++) {
            long n = s.count(Stocks.GRADUATE, home, p);
            out[p == home ? 0 : p >= regions ? 3 : w.isCity(p) ? 1 : 2] += n;
        }
    }

    private static void putRetention(String place, long[] n, Sink out) {
        long all = n[0] + n[1] + n[2] + n[3];
        out.put("retention_home_share", place, ratio(n[0], all));
        out.put("retention_megacity_share", place, ratio(n[1], all));
        out.put("retention_elsewhere_kz_share", place, ratio(n[2], all));
        out.put("retention_abroad_share", place, ratio(n[3], all));
    }

    private static long ownAbroad(Stocks s, int r, int regions, int places) {
        long n = 0;
        for (int p = regions; p < places; p++) {
            n += s.count(Stocks.GRADUATE, r, p);
        }
        return n;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0.0 : (double) a / b;
    }
}
