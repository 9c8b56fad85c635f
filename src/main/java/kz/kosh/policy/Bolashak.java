package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Bolashak presidential scholarship: fully funded master's or PhD abroad with an obligation to
 * work in Kazakhstan afterwards; breach means repaying the cost plus a markup.
 *
 * <p>Award: with A awards a year (× scale) and C continuing bachelors expected (graduating
 * bachelors × master's continuation rate), each continuing bachelor receives an award with
 * probability {@link #awardProbability} = min(1, A·scale / C); the degree is a PhD with the PhD
 * share, the destination is drawn from the award shares × study access. Obligation: Y = 5 years
 * of work in Astana, Almaty or Shymkent, 3 elsewhere in Kazakhstan; breach: working abroad
 * before the years are served; repayment R = cost × (1 + markup).
 *
 * <p>Tuition-only awards ([PR]: the obligation is "4 / 2 years when only tuition was
 * covered"): a share tuitionOnlyShare of awards covers tuition only (0 in the defaults: the share
 * was not compiled); their holders owe obligationYearsTuitionOnlyCities in the three cities and
 * obligationYearsTuitionOnlyRegions elsewhere, and repay cost × tuitionOnlyCostShare × (1 + markup)
 * (obligation types {@link #OBLIGATION_MASTER_TUITION_ONLY} and
 * {@link #OBLIGATION_PHD_TUITION_ONLY}).
 *
 * @param enabled                 whether awards are made
 * @param awardsPerYear           awards per year, persons (scaled with the run)
 * @param phdShare                share of awards for PhD study (the rest master's)
 * @param costKztMaster           programme cost of a master's award, KZT
 * @param costKztPhd              programme cost of a PhD award, KZT
 * @param penaltyMarkup           markup on the cost repaid on breach (0.10 = +10%)
 * @param enforcementProbability  probability that a breach is actually recovered (pledge, guarantors)
 * @param obligationYearsCities   years to work off when working in Astana, Almaty or Shymkent
 * @param obligationYearsRegions  years to work off when working in another region
 * @param destinationShares       share of awards by destination (sums to 1)
 * @param breachUtilityCost       non-money cost (utility) of breaking the obligation: the pledged
 *                                property or guarantors that secure it, on top of the expected repayment
 * @param tuitionOnlyShare                  share of awards covering tuition only
 * @param obligationYearsTuitionOnlyCities  years to work off after a tuition-only award, in the three cities
 * @param obligationYearsTuitionOnlyRegions years to work off after a tuition-only award, in another region
 * @param tuitionOnlyCostShare              cost of a tuition-only award as a share of a full award's
 */
public record Bolashak(boolean enabled, double awardsPerYear, double phdShare, double costKztMaster,
                       double costKztPhd, double penaltyMarkup, double enforcementProbability,
                       int obligationYearsCities, int obligationYearsRegions,
                       Map<String, Double> destinationShares, double breachUtilityCost,
                       double tuitionOnlyShare, int obligationYearsTuitionOnlyCities,
                       int obligationYearsTuitionOnlyRegions, double tuitionOnlyCostShare)
        implements PolicyModule, ObligationProgramme {
    /** Status name of the obligation of a full Bolashak master's award ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_MASTER = "bolashak_master";
    /** Status index of the obligation of a full Bolashak master's award, handed out by name at start-up. */
    public static final int OBLIGATION_MASTER = kz.kosh.scenario.Statuses.index(STATUS_MASTER);
    /** Status name of the obligation of a full Bolashak PhD award ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_PHD = "bolashak_phd";
    /** Status index of the obligation of a full Bolashak PhD award, handed out by name at start-up. */
    public static final int OBLIGATION_PHD = kz.kosh.scenario.Statuses.index(STATUS_PHD);
    /** Status name of the obligation of a Bolashak master's award that covered tuition only ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_MASTER_TUITION_ONLY = "bolashak_master_tuition_only";
    /** Status index of the obligation of a Bolashak master's award that covered tuition only, handed out by name at start-up. */
    public static final int OBLIGATION_MASTER_TUITION_ONLY = kz.kosh.scenario.Statuses.index(STATUS_MASTER_TUITION_ONLY);
    /** Status name of the obligation of a Bolashak PhD award that covered tuition only ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_PHD_TUITION_ONLY = "bolashak_phd_tuition_only";
    /** Status index of the obligation of a Bolashak PhD award that covered tuition only, handed out by name at start-up. */
    public static final int OBLIGATION_PHD_TUITION_ONLY = kz.kosh.scenario.Statuses.index(STATUS_PHD_TUITION_ONLY);


    public static final String SECTION = "bolashak";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "Bolashak on",
            "[PR]: Bolashak presidential scholarship running since 1993 [N24, B22]");
    public static final Param AWARDS_PER_YEAR = Param.ofCount(SECTION, "awardsPerYear", 0, 100_000, "awards per year",
            "Bolashak awards per year", "520 = 14,033 awards / 27 years [B22]");
    public static final Param PHD_SHARE = Param.of(SECTION, "phdShare", 0, 1, "share of awards", "Bolashak PhD share",
            "assumption: Bolashak funds mostly master's study; the PhD share was not compiled");
    public static final Param COST_KZT_MASTER = Param.of(SECTION, "costKztMaster", 0, 1e10, "KZT per award",
            "Bolashak master's cost (KZT)",
            "[PR]: master's award about 10-15 million KZT (approx.); midpoint 12.5 million");
    public static final Param COST_KZT_PHD = Param.of(SECTION, "costKztPhd", 0, 1e10, "KZT per award",
            "Bolashak PhD cost (KZT)", "[PR]: PhD award about 20-25 million KZT (approx.); midpoint 22.5 million");
    public static final Param PENALTY_MARKUP = Param.of(SECTION, "penaltyMarkup", 0, 10, "share of cost",
            "Bolashak penalty markup", "[PR]: breach means repaying the full cost plus a 10% penalty (programme rules)");
    public static final Param ENFORCEMENT = Param.of(SECTION, "enforcementProbability", 0, 1, "probability",
            "Bolashak enforcement probability",
            "assumption: the obligation is secured by a real-estate pledge or guarantors ([PR], programme rules); "
                    + "the recovery rate is not published. Cross-check: 235 of 12,731 graduates (1.9%) lost the status ([PR])");
    public static final Param YEARS_CITIES = Param.of(SECTION, "obligationYearsCities", 0, 20, "years",
            "Bolashak obligation years (cities)",
            "[PR]: Bolashak obligation 5 years in Astana/Almaty/Shymkent (programme rules)");
    public static final Param YEARS_REGIONS = Param.of(SECTION, "obligationYearsRegions", 0, 20, "years",
            "Bolashak obligation years (regions)", "[PR]: Bolashak obligation 3 years in other regions (programme rules)");
    public static final Param DESTINATION_SHARES = Param.other(SECTION, "destinationShares",
            "share of awards, per destination id (sum 1)", "Bolashak destination shares",
            "[B22] shares of 14,033 awards: UK and Ireland 45.2% = GB 0.452; Russia 7.9% = RU 0.079; USA and Canada "
                    + "25.7% = US 0.2056 + CA 0.0514 (80/20 split: assumption); Europe 13% = DE 0.06 + EU 0.05 + CZ 0.01 "
                    + "+ PL 0.01 (split: assumption); Asia 8.2% = KR 0.041 + CN 0.041 (equal split: assumption)");
    public static final Param BREACH_UTILITY_COST = Param.of(SECTION, "breachUtilityCost", 0, 100, "utility",
            "Bolashak breach utility cost",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other free weights "
                    + "to the calibration targets, among them Bolashak non-return about 1-1.9% (235 of 12,731 graduates lost the "
                    + "scholarship status, [PR]; [N24]: about 1%); stands for the pledge of real estate or guarantors "
                    + "securing the obligation ([PR])");
    public static final Param TUITION_ONLY_SHARE = Param.of(SECTION, "tuitionOnlyShare", 0, 1, "share of awards",
            "Bolashak tuition-only share", "assumption: [PR] (programme rules) names awards covering tuition only "
                    + "(4 / 2 obligation years) but not their share; 0 in the defaults (all awards full)");
    public static final Param YEARS_TUITION_ONLY_CITIES = Param.of(SECTION, "obligationYearsTuitionOnlyCities", 0, 20,
            "years", "Bolashak tuition-only obligation years (cities)",
            "[PR]: 4 years in Astana/Almaty/Shymkent when only tuition was covered (programme rules)");
    public static final Param YEARS_TUITION_ONLY_REGIONS = Param.of(SECTION, "obligationYearsTuitionOnlyRegions", 0, 20,
            "years", "Bolashak tuition-only obligation years (regions)",
            "[PR]: 2 years in other regions when only tuition was covered (programme rules)");
    public static final Param TUITION_ONLY_COST_SHARE = Param.of(SECTION, "tuitionOnlyCostShare", 0, 1,
            "share of a full award's cost", "Bolashak tuition-only cost share",
            "assumption: tuition is about half of a full award (the rest stipend, travel, living); not compiled");
    public static final List<Param> PARAMS = List.of(ENABLED, AWARDS_PER_YEAR, PHD_SHARE, COST_KZT_MASTER, COST_KZT_PHD,
            PENALTY_MARKUP, ENFORCEMENT, YEARS_CITIES, YEARS_REGIONS, DESTINATION_SHARES, BREACH_UTILITY_COST,
            TUITION_ONLY_SHARE, YEARS_TUITION_ONLY_CITIES, YEARS_TUITION_ONLY_REGIONS, TUITION_ONLY_COST_SHARE);
    /** The plug-in: section, parameters, reader, checks ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.destinationIds()))
            .withCheck(Bolashak.class, Bolashak::checkAwardsPerYear);

    /** Reads the section; shares must name destinations and sum to 1. */
    public static Bolashak read(Fields f, List<String> destinationIds) {
        Bolashak b = new Bolashak(
                ENABLED.bool(f),
                AWARDS_PER_YEAR.number(f),
                PHD_SHARE.number(f),
                COST_KZT_MASTER.number(f),
                COST_KZT_PHD.number(f),
                PENALTY_MARKUP.number(f),
                ENFORCEMENT.number(f),
                YEARS_CITIES.integer(f),
                YEARS_REGIONS.integer(f),
                Collections.unmodifiableMap(f.numbersById(DESTINATION_SHARES.name(), destinationIds, 0, 1)),
                BREACH_UTILITY_COST.number(f),
                TUITION_ONLY_SHARE.number(f),
                YEARS_TUITION_ONLY_CITIES.integer(f),
                YEARS_TUITION_ONLY_REGIONS.integer(f),
                TUITION_ONLY_COST_SHARE.number(f));
        Shares.checkSum(f, DESTINATION_SHARES.name(), b.destinationShares);
        return b;
    }

    /** Its breaches and repayments are core indicators, written every year. */
    @Override
    public boolean reportsBreachesEveryYear() {
        return true;
    }

    /** The awards of the year ({@code bolashak_awards}), persons. */
    @Override
    public void spendingIndicators(Counts counts, double perAgent, IndicatorSink out) {
        out.national(kz.kosh.indicator.CoreIndicators.BOLASHAK_AWARDS, counts.get(AWARDS) * perAgent);
    }

    @Override
    public String programme() {
        return "bolashak";
    }

    /** Awards made in the year and their programme cost ({@link #costKzt}, KZT). */
    public static final Counter AWARDS = Counter.of("bolashak.awards");
    public static final Counter AWARDS_KZT = Counter.of("bolashak.awardsKzt");

    @Override
    public String spendingMember() {
        return programme();
    }

    /** Σ over the year's awards of the award's programme cost ({@link #costKzt}). */
    @Override
    public double spendingKzt(Counts year, Scenario p) {
        return year.get(AWARDS_KZT);
    }

    /**
     * Probability that a continuing bachelor receives an award: min(1, A·scale / C) with C the
     * continuing bachelors expected this year; 0 when the programme is off, no destination is
     * open to study, or nobody continues.
     */
    public double awardProbability(double continuingBachelors, double scale, boolean destinationOpen) {
        return enabled && destinationOpen && continuingBachelors > 0
                ? Math.min(1.0, awardsPerYear * scale / continuingBachelors) : 0.0;
    }

    /** Its scholarship holders study on the bolashak funding route. */
    @Override
    public String fundingRoute() {
        return programme();
    }

    /** w_j = destinationShares_j × study access (0 for regions). */
    @Override
    public double[] scholarshipWeights(World world) {
        double[] bw = new double[world.placeCount()];
        for (int j = world.regionCount(); j < bw.length; j++) {
            bw[j] = destinationShares.getOrDefault(world.id(j), 0.0) * world.studyAccess(j);
        }
        return bw;
    }

    /** {@link #awardProbability}. */
    @Override
    public double scholarshipProbability(double continuingBachelors, double scale, boolean destinationOpen) {
        return awardProbability(continuingBachelors, scale, destinationOpen);
    }

    /** A PhD with probability phdShare. */
    @Override
    public boolean drawScholarshipPhd(java.util.random.RandomGenerator rnd) {
        return rnd.nextDouble() < phdShare;
    }

    /**
     * The award's obligation ({@link #obligationOf}): tuition-only with probability tuitionOnlyShare,
     * a number drawn only when tuition-only awards are made (the random streams of other runs unchanged).
     */
    @Override
    public int drawScholarshipObligation(boolean phd, java.util.random.RandomGenerator rnd) {
        boolean tuitionOnly = tuitionOnlyAwards() && rnd.nextDouble() < tuitionOnlyShare;
        return obligationOf(phd, tuitionOnly);
    }

    /** An award: counted with its programme cost ({@link #costKzt}, rounded to KZT), which the ledger pays the holder. */
    @Override
    public void onScholarship(Mover m, int obligation, Counts counts) {
        long kzt = Math.round(costKzt(obligation));
        counts.add(AWARDS, 1);
        counts.add(AWARDS_KZT, kzt);
        m.paid(kzt);
    }

    /** A full award's programme cost: costKztPhd or costKztMaster. */
    @Override
    public double participantCostKzt(boolean phd, Scenario p) {
        return phd ? costKztPhd : costKztMaster;
    }

    /** Obligation type of an award: PhD or master's. */
    public static int obligationOf(boolean phd) {
        return obligationOf(phd, false);
    }

    /** Obligation type of an award: PhD or master's, full or tuition only. */
    public static int obligationOf(boolean phd, boolean tuitionOnly) {
        if (tuitionOnly) {
            return phd ? OBLIGATION_PHD_TUITION_ONLY : OBLIGATION_MASTER_TUITION_ONLY;
        }
        return phd ? OBLIGATION_PHD : OBLIGATION_MASTER;
    }

    /** Whether an obligation type is a tuition-only award's. */
    public static boolean tuitionOnly(int obligation) {
        return obligation == OBLIGATION_MASTER_TUITION_ONLY
                || obligation == OBLIGATION_PHD_TUITION_ONLY;
    }

    /** Whether tuition-only awards are made. */
    public boolean tuitionOnlyAwards() {
        return enabled && tuitionOnlyShare > 0;
    }

    /** Programme cost of one award, KZT (a tuition-only award: × tuitionOnlyCostShare). */
    public double costKzt(int obligation) {
        boolean phd = obligation == OBLIGATION_PHD
                || obligation == OBLIGATION_PHD_TUITION_ONLY;
        double cost = phd ? costKztPhd : costKztMaster;
        return tuitionOnly(obligation) ? cost * tuitionOnlyCostShare : cost;
    }

    /** R = cost × (1 + markup) (programme rules: full cost plus a 10% penalty). */
    @Override
    public double repaymentKzt(int obligation, Scenario s) {
        return costKzt(obligation) * (1 + penaltyMarkup);
    }

    /**
     * Y = obligationYearsCities in Astana, Almaty or Shymkent, obligationYearsRegions elsewhere
     * (the tuition-only years after a tuition-only award).
     */
    @Override
    public int serviceYears(int obligation, World w, int j) {
        if (tuitionOnly(obligation)) {
            return w.isCity(j) ? obligationYearsTuitionOnlyCities : obligationYearsTuitionOnlyRegions;
        }
        return w.isCity(j) ? obligationYearsCities : obligationYearsRegions;
    }

    @Override
    public int[] statuses() {
        return new int[] {OBLIGATION_MASTER, OBLIGATION_PHD,
                OBLIGATION_MASTER_TUITION_ONLY, OBLIGATION_PHD_TUITION_ONLY};
    }

    /** The full awards' obligations always (they are held for years); the tuition-only ones while such awards are made. */
    @Override
    public boolean statusInForce(int status) {
        return !tuitionOnly(status) || tuitionOnlyAwards();
    }

    /**
     * Cross-field rule: the awards per year may not exceed the smallest yearly cohort of entrants
     * of the run (school leavers of the built-in series × the entry rate).
     */
    static void checkAwardsPerYear(Bolashak b, kz.kosh.scenario.SectionReader.Parts parts,
                                   kz.kosh.scenario.Fields.Problems problems) {
        kz.kosh.scenario.PopulationParams pop = parts.population();
        if (parts.run() == null || !b.enabled()) {
            return;
        }
        // the smallest yearly cohort of entrants over the simulated years (births 17 years earlier)
        double cohort = Double.POSITIVE_INFINITY;
        for (int y = parts.run().firstSimulatedYear(); y <= parts.run().endYear(); y++) {
            cohort = Math.min(cohort, kz.kosh.world.YearlyInputs.builtIn().schoolLeavers(y,
                    pop.schoolLeaverCompletionRatio(), 0.0) * pop.higherEducationEntryRate());
        }
        if (b.awardsPerYear() > cohort) {
            problems.add(AWARDS_PER_YEAR.path(), "value " + Fields.fmt(b.awardsPerYear())
                    + " is larger than the smallest yearly cohort of entrants of the run (school leavers x "
                    + "population.higherEducationEntryRate = " + Fields.fmt(Math.floor(cohort)) + "); allowed [0, "
                    + Fields.fmt(Math.floor(cohort)) + "]");
        }
    }
}
