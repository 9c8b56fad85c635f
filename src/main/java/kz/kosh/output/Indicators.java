package kz.kosh.output;

import kz.kosh.indicator.Indicator;
import kz.kosh.indicator.IndicatorRegistry;
import kz.kosh.policy.Costs;
import kz.kosh.population.Population;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.world.Ethnicity;
import kz.kosh.world.World;

import static kz.kosh.indicator.CoreIndicators.*;

/**
 * The yearly indicators of indicators.csv, computed from what happened in the year and the
 * stocks at its end. Counts are persons (agents / scale); rates are shares in [0, 1]. Place
 * "KZ" is the national total; region and destination ids give the indicator for one place.
 * See docs/outputs.md for the definition of each.
 *
 * <p>Why this core file names funding routes (docs/architecture.md, "Programmes are plug-ins"): the
 * four funding routes (self-paid, state grant, Bolashak, academic mobility;
 * {@link kz.kosh.indicator.CoreIndicators#FUNDING_ROUTES}) are a dimension of the outputs (the funding
 * column of flows.csv, the indicators by route, the cohorts of {@link Stocks}), so the rows by route are
 * written here in one fixed order: entrants without the scholarship and exchange routes, the fiscal
 * loss by route, the scholarship route's graduates and first jobs abroad, the exchange participants.
 * The money in them is asked of the module that funds the route ({@link Costs}, never a programme
 * class); the programmes' own rows come from the programmes ({@link kz.kosh.policy.PolicyModule#indicators},
 * {@code spendingIndicators}, {@code ObligationProgramme.reportsBreachesEveryYear}).
 */
public final class Indicators {
    /** Place label of national indicators. */
    public static final String NATIONAL = "KZ";

    /** Receives one indicator value. */
    @FunctionalInterface
    public interface Sink {
        void put(String indicator, String place, double value);

        /** Puts the value of an indicator of the registry. */
        default void put(Indicator indicator, String place, double value) {
            put(indicator.name(), place, value);
        }
    }

    private Indicators() {
    }

    /** Unit of persons at the end of the year (a stock). */
    public static final String PERSONS = Indicator.PERSONS;
    /** Unit of persons moving or counted during the year (a flow). */
    public static final String PERSONS_PER_YEAR = Indicator.PERSONS_PER_YEAR;
    /** Unit of a share in [0, 1] (not a percentage). */
    public static final String SHARE = Indicator.SHARE;
    /** Unit of a ratio of two counts that may exceed 1. */
    public static final String RATIO = Indicator.RATIO;
    /** Unit of money: tenge (KZT), nominal. */
    public static final String KZT = Indicator.KZT;
    /** Unit of thousands of persons. */
    public static final String THOUSAND_PERSONS = Indicator.THOUSAND_PERSONS;

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

    /** The unit of an indicator (defined in {@link IndicatorRegistry}); null for a name Kosh does not compute. */
    public static String unit(String indicator) {
        return IndicatorRegistry.unit(indicator);
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
        compute(w, c, s, prev, sim.scenario().run().scale(), sim.yearParams(), diaspora, out);
        levers(sim.scenario(), c, sim.scenario().run().scale(), out);
    }

    /**
     * Indicators of the levers that give agents a programme status, written only when the
     * scenario uses the lever in some year (so that a scenario without them, the baseline
     * included, has the indicators it had): the academic-mobility return obligation, then each
     * module's own ({@link kz.kosh.policy.PolicyModule#reportsIndicators}).
     */
    static void levers(kz.kosh.scenario.Scenario scenario, YearCounters c, double scale, Sink out) {
        double k = 1.0 / scale;
        // the programmes' own indicators (PolicyModule#indicators), in module order, when the module
        // calls for them in some year (or, when it says so, its section changes in the timeline)
        for (String key : scenario.policy().byKey().keySet()) {
            if (scenario.policy().section(key) instanceof kz.kosh.policy.PolicyModule m
                    && used(scenario, p -> ((kz.kosh.policy.PolicyModule) p.section(key)).reportsIndicators(),
                    m.reportsTimedChanges() ? p -> p.section(key) : p -> 0)) {
                m.indicators(c, k, out::put);
            }
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
     * @param yearParams        the parameters in force in the year: the programmes' costs (fiscal losses,
     *                          {@link Costs}) and spending ({@link kz.kosh.policy.PolicyModule#spendingKzt})
     * @param diasporaThousands diaspora stock by place at the end of the year
     */
    public static void compute(World w, YearCounters c, Stocks s, Stocks prev, double scale,
                               kz.kosh.scenario.Scenario yearParams, double[] diasporaThousands, Sink out) {
        Costs costs = Costs.of(yearParams);
        int regions = w.regionCount();
        int places = w.placeCount();
        double k = 1.0 / scale;
        FlowTotals flows = new FlowTotals(w);
        c.forEachFlow(flows);
        long[] kindTotal = flows.kindTotal;
        long[] fromPlace = flows.fromPlace;
        long[] toPlace = flows.toPlace;
        long entrants = flows.entrants;
        long entrantsAbroad = flows.entrantsAbroad;
        long mobility = flows.mobility;
        long firstJobAbroad = flows.firstJobAbroad;
        long firstJobAbroadAfterHomeStudy = flows.firstJobAbroadAfterHomeStudy;
        long firstJobHomeAfterAbroadStudy = flows.firstJobHomeAfterAbroadStudy;
        long[] net = flows.net;
        long[] foreignGraduates = flows.foreignGraduates;
        long[] foreignGraduatesStaying = flows.foreignGraduatesStaying;
        int G = Stocks.GRADUATE;
        int S = Stocks.STUDENT;
        long gradKz = s.total(G, false);
        long gradAbroad = s.total(G, true);
        long prevGradKz = prev.total(G, false);
        long prevGradAbroad = prev.total(G, true);
        long emigration = kindTotal[FlowKind.EMIGRATION.ordinal()];
        long returns = kindTotal[FlowKind.RETURN.ordinal()];
        String kz = NATIONAL;
        out.put(ENTRANTS, kz, entrants * k);
        out.put(ENTRANTS_ABROAD, kz, entrantsAbroad * k);
        out.put(STUDENTS, kz, (s.total(S, false) + s.total(S, true)) * k);
        out.put(STUDENTS_ABROAD, kz, s.total(S, true) * k);
        out.put(GRADUATES, kz, (gradKz + gradAbroad) * k);
        out.put(GRADUATES_IN_KZ, kz, gradKz * k);
        out.put(GRADUATES_ABROAD, kz, gradAbroad * k);
        long newGraduates = kindTotal[FlowKind.FIRST_JOB.ordinal()];
        out.put(NEW_GRADUATES, kz, newGraduates * k);
        out.put(BACHELOR_DEGREES_IN_KZ, kz, c.bachelorDegreesInKz() * k);
        out.put(FIRST_JOB_ABROAD, kz, firstJobAbroad * k);
        out.put(FIRST_JOB_ABROAD_SHARE, kz, ratio(firstJobAbroad, newGraduates));
        out.put(FIRST_JOB_ABROAD_AFTER_STUDY_IN_KZ, kz, firstJobAbroadAfterHomeStudy * k);
        out.put(FIRST_JOB_IN_KZ_AFTER_STUDY_ABROAD, kz, firstJobHomeAfterAbroadStudy * k);
        for (int f = 0; f < YearCounters.FUNDINGS; f++) {
            if (f != Population.ACADEMIC_MOBILITY) {
                out.put(FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of(Population.FUNDING_NAMES[f]), kz,
                        ratio(foreignGraduatesStaying[f], foreignGraduates[f]));
            }
        }
        for (int f = 0; f < YearCounters.FUNDINGS; f++) {
            out.put(ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of(Population.FUNDING_NAMES[f]), kz, ratio(s.cohortAbroad(f), s.cohort(f)));
        }
        out.put(ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_ABROAD, kz, ratio(s.cohortAbroadByDegreePlace(true), s.cohortByDegreePlace(true)));
        out.put(ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_IN_KZ, kz, ratio(s.cohortAbroadByDegreePlace(false), s.cohortByDegreePlace(false)));
        out.put(ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_MOBILITY_STATE_FUNDED, kz,
                ratio(s.cohortAbroadExchangeFunded(), s.cohortExchangeFunded()));
        // the fiscal loss by funding route: its cohort abroad at its participants' cost (Costs: asked of the module
        // that funds the route); the scholarship route tells PhDs from masters, the exchange route counts funded participants
        String scholarshipRoute = Population.FUNDING_NAMES[Population.BOLASHAK];
        long scholarshipPhdAbroad = s.cohortAbroadPhd(Population.BOLASHAK);
        long scholarshipMasterAbroad = s.cohortAbroad(Population.BOLASHAK) - scholarshipPhdAbroad;
        out.put(FISCAL_LOSS_KZT.of(scholarshipRoute), kz, k * (scholarshipMasterAbroad * costs.participantKzt(scholarshipRoute, false)
                + scholarshipPhdAbroad * costs.participantKzt(scholarshipRoute, true)));
        String grantRoute = Population.FUNDING_NAMES[Population.STATE_GRANT];
        out.put(FISCAL_LOSS_KZT.of(grantRoute), kz, k * s.cohortAbroad(Population.STATE_GRANT) * costs.participantKzt(grantRoute, false));
        String exchangeRoute = Population.FUNDING_NAMES[Population.ACADEMIC_MOBILITY];
        out.put(FISCAL_LOSS_KZT.of(exchangeRoute), kz,
                k * s.cohortAbroadExchangeFunded() * costs.participantKzt(exchangeRoute, false));
        out.put(EMIGRATION, kz, emigration * k);
        out.put(GRADUATE_DEPARTURES_TOTAL, kz, (emigration + firstJobAbroadAfterHomeStudy) * k);
        long departuresAll = 0;
        long entrantsAll = 0;
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            departuresAll += c.departuresByEthnicity(e);
            entrantsAll += c.entrantsByEthnicity(e);
        }
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            String name = Ethnicity.NAMES.get(e);
            out.put(GRADUATE_DEPARTURES_BY_ETHNICITY.of(name), kz, c.departuresByEthnicity(e) * k);
            out.put(GRADUATE_DEPARTURES_SHARE_BY_ETHNICITY.of(name), kz, ratio(c.departuresByEthnicity(e), departuresAll));
            out.put(ENTRANTS_SHARE_BY_ETHNICITY.of(name), kz, ratio(c.entrantsByEthnicity(e), entrantsAll));
        }
        out.put(EMIGRATION_RATE, kz, ratio(emigration, prevGradKz));
        out.put(RETURNS, kz, returns * k);
        out.put(RETURN_RATE, kz, ratio(returns, prevGradAbroad));
        out.put(INTERNAL_MOVES, kz, kindTotal[FlowKind.INTERNAL.ordinal()] * k);
        out.put(ONWARD_MOVES, kz, kindTotal[FlowKind.ONWARD.ordinal()] * k);
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
        out.put(CONSIDERING_MOVE, kz, considered * k);
        out.put(CONSIDERING_MOVE_SHARE, kz, ratio(considered, prevGradKz + prevGradAbroad));
        out.put(WILLINGNESS_TO_EMIGRATE_SHARE, kz, c.meanWillingness());
        out.put(INTENDING_EMIGRATION, kz, intendAbroadFromKz * k);
        out.put(INTENDING_EMIGRATION_SHARE, kz, ratio(intendAbroadFromKz, prevGradKz));
        out.put(INTENDING_INTERNAL_MOVE, kz, intendInternal * k);
        out.put(EMIGRATION_PER_INTENTION, kz, ratio(emigration, intendAbroadFromKz));
        out.put(PERMIT_REFUSALS, kz, refused * k);
        long waste = 0;
        long returnees = 0;
        long mobilityAbroad = 0;
        for (int p = 0; p < places; p++) {
            waste += s.belowQualification(p);
            if (w.isAbroad(p)) {
                mobilityAbroad += s.exchangeFunded(p);
            }
        }
        for (int r = 0; r < regions; r++) {
            returnees += s.returnees(r);
        }
        out.put(BRAIN_WASTE, kz, waste * k);
        out.put(BRAIN_WASTE_SHARE, kz, ratio(waste, gradAbroad));
        out.put(BRAIN_CIRCULATION_RETURNEES, kz, returnees * k);
        out.put(DOCQUIER_RAPOPORT_SHARE, kz, ratio(gradAbroad, gradKz + gradAbroad));
        out.put(BOLASHAK_GRADUATES, kz, c.graduates(Population.BOLASHAK) * k);
        out.put(BOLASHAK_FIRST_JOB_ABROAD_SHARE, kz, ratio(c.graduatesFirstJobAbroad(Population.BOLASHAK), c.graduates(Population.BOLASHAK)));
        // the obligation programmes every scenario runs (Bolashak, state grants), in module order
        java.util.List<kz.kosh.policy.ObligationProgramme> everyYear = new java.util.ArrayList<>();
        for (kz.kosh.scenario.PolicySection m : yearParams.policy().sections()) {
            if (m instanceof kz.kosh.policy.ObligationProgramme o && o.reportsBreachesEveryYear()) {
                everyYear.add(o);
            }
        }
        for (kz.kosh.policy.ObligationProgramme o : everyYear) {
            long n = 0;
            for (int t : ((kz.kosh.scenario.PolicySection) o).statuses()) {
                n += c.breaches(t);
            }
            out.put(OBLIGATION_BREACHES.of(o.programme()), kz, n * k);
        }
        for (kz.kosh.policy.ObligationProgramme o : everyYear) {
            long kzt = 0;
            for (int t : ((kz.kosh.scenario.PolicySection) o).statuses()) {
                kzt += c.repaymentsKzt(t);
            }
            out.put(REPAYMENTS_KZT.of(o.programme()), kz, kzt * k);
        }
        spending(c, yearParams, k, out);
        out.put(MOBILITY_PARTICIPANTS, kz, mobility * k);
        out.put(MOBILITY_STATE_FUNDED_ABROAD, kz, mobilityAbroad * k);
        out.put(MOBILITY_FISCAL_LOSS_KZT, kz, mobilityAbroad * k * costs.participantKzt(exchangeRoute, false));
        long agedOut = 0;
        for (int h = 0; h < regions; h++) {
            for (int p = 0; p < places; p++) {
                agedOut += c.agedOut(h, p);
            }
        }
        out.put(AGED_OUT, kz, agedOut * k);
        out.put(AGENTS, kz, s.agents() * k);
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
            out.put(GRADUATES_LIVING, id, s.atPlace(G, r) * k);
            out.put(STUDENTS_STUDYING, id, s.atPlace(S, r) * k);
            out.put(NET_MIGRATION_GRADUATES, id, net[r] * k);
            out.put(GRADUATE_NET_GAIN, id, (s.atPlace(G, r) - own) * k);
            out.put(RETENTION_OWN_GRADUATES, id, ratio(s.count(G, r, r), own));
            out.put(OWN_GRADUATES_ABROAD_SHARE, id, ratio(ownAbroad(s, r, regions, places), own));
            out.put(EMIGRATION, id, (fromPlace[FlowKind.EMIGRATION.ordinal() * places + r]) * k);
            out.put(INTENDING_EMIGRATION, id, c.intendAbroad(r) * k);
            out.put(RETURNEES, id, s.returnees(r) * k);
        }
        for (int d = regions; d < places; d++) {
            String id = w.id(d);
            out.put(STUDENTS_ABROAD, id, s.atPlace(S, d) * k);
            out.put(GRADUATES_ABROAD, id, s.atPlace(G, d) * k);
            out.put(EMIGRATION, id, (toPlace[FlowKind.EMIGRATION.ordinal() * places + d]
                    + toPlace[FlowKind.ONWARD.ordinal() * places + d]) * k);
            out.put(EMIGRATION_FROM_KZ, id, toPlace[FlowKind.EMIGRATION.ordinal() * places + d] * k);
            out.put(RETURNS, id, fromPlace[FlowKind.RETURN.ordinal() * places + d] * k);
            out.put(PERMIT_REFUSALS, id, c.permitRefused(d) * k);
            out.put(BRAIN_WASTE, id, s.belowQualification(d) * k);
            out.put(DIASPORA_THOUSANDS, id, diasporaThousands[d]);
        }
    }

    /** The programmes of the built-in spending indicators (spending_kzt_&lt;programme&gt;), in the order written. */
    public static final java.util.List<String> SPENDING_PROGRAMMES = kz.kosh.indicator.CoreIndicators.PROGRAMMES;

    /**
     * Public programme spending of the year (KZT, commitment basis: an award or grant counts in
     * full in the year it is made), always written so that a scenario without a lever still shows
     * its spending (0 or the baseline's):
     * <ul>
     * <li>{@code spending_kzt_<programme>}: each module's that spends, in module order
     *     ({@link kz.kosh.policy.PolicyModule#spendingMember}, {@link kz.kosh.policy.PolicyModule#spendingKzt}
     *     of the modules in force in the year: e.g. Bolashak's awards at their programme cost, new
     *     state-grant entrants × the grant's cost, the village payments, the subsidised relocations);</li>
     * <li>{@code repayments_kzt_total} = repayments recovered from breaches of every obligation;</li>
     * <li>{@code programme_spending_kzt} = Σ spending_kzt_&lt;programme&gt; − repayments_kzt_total (net).</li>
     * </ul>
     * Counts are scaled to persons by k = 1 / scale.
     */
    static void spending(YearCounters c, kz.kosh.scenario.Scenario yearParams, double k, Sink out) {
        double total = 0;
        for (kz.kosh.scenario.PolicySection m : yearParams.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm && pm.spendingMember() != null) {
                double kzt = pm.spendingKzt(c, yearParams);
                out.put(SPENDING_KZT.of(pm.spendingMember()), NATIONAL, kzt * k);
                total += kzt;
            }
        }
        long repaid = 0;
        for (int o = 0; o < kz.kosh.scenario.Statuses.count(); o++) {
            repaid += c.repaymentsKzt(o);
        }
        out.put(REPAYMENTS_KZT_TOTAL, NATIONAL, repaid * k);
        out.put(PROGRAMME_SPENDING_KZT, NATIONAL, (total - repaid) * k);
        for (kz.kosh.scenario.PolicySection m : yearParams.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm) {
                pm.spendingIndicators(c, k, out::put);
            }
        }
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
        out.put(RETENTION_HOME_SHARE, place, ratio(n[0], all));
        out.put(RETENTION_MEGACITY_SHARE, place, ratio(n[1], all));
        out.put(RETENTION_ELSEWHERE_KZ_SHARE, place, ratio(n[2], all));
        out.put(RETENTION_ABROAD_SHARE, place, ratio(n[3], all));
    }

    private static long ownAbroad(Stocks s, int r, int regions, int places) {
        long n = 0;
        for (int p = regions; p < places; p++) {
            n += s.count(Stocks.GRADUATE, r, p);
        }
        return n;
    }

    /**
     * a / b; NaN when b is 0 (no graduates of this kind: the share is not defined, never 0).
     * indicators.csv writes it as NA, the reports as "n/a", and statistics over years and
     * replications skip it (docs/outputs.md, "Missing values").
     */
    static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
