package kz.kosh.indicator;

import java.util.EnumSet;
import java.util.List;

import static kz.kosh.indicator.Indicator.KZT;
import static kz.kosh.indicator.Indicator.PERSONS;
import static kz.kosh.indicator.Indicator.PERSONS_PER_YEAR;
import static kz.kosh.indicator.Indicator.RATIO;
import static kz.kosh.indicator.Indicator.SHARE;
import static kz.kosh.indicator.Indicator.THOUSAND_PERSONS;
import static kz.kosh.indicator.Indicator.at;
import static kz.kosh.indicator.Indicator.family;
import static kz.kosh.indicator.Indicator.national;

/**
 * The indicators the model itself computes (kz.kosh.output.Indicators), each defined once.
 * Code names an indicator by its constant ({@code CoreIndicators.EMIGRATION.name()}), never by a
 * string literal. Counts are persons (agents / scale).
 */
public final class CoreIndicators {
    private CoreIndicators() {
    }

    private static final EnumSet<Indicator.Place> KZ_DEST = EnumSet.of(Indicator.Place.NATIONAL, Indicator.Place.DESTINATIONS);
    private static final EnumSet<Indicator.Place> KZ_REGIONS = EnumSet.of(Indicator.Place.NATIONAL, Indicator.Place.REGIONS);
    private static final EnumSet<Indicator.Place> REGIONS = EnumSet.of(Indicator.Place.REGIONS);
    private static final EnumSet<Indicator.Place> DEST = EnumSet.of(Indicator.Place.DESTINATIONS);
    private static final EnumSet<Indicator.Place> EVERYWHERE = EnumSet.allOf(Indicator.Place.class);

    public static final Indicator ENTRANTS = national("entrants", PERSONS_PER_YEAR,
            "school leavers entering higher education this year (academic-mobility semesters and Bolashak awards after a bachelor's excluded)");
    public static final Indicator ENTRANTS_ABROAD = national("entrants_abroad", PERSONS_PER_YEAR,
            "of `entrants`, those entering a foreign university");
    public static final Indicator STUDENTS = national("students", PERSONS, "students on 31 Dec, in Kazakhstan and abroad");
    public static final Indicator STUDENTS_ABROAD = at("students_abroad", PERSONS, KZ_DEST,
            "students abroad on 31 Dec (by destination: studying there)");
    public static final Indicator GRADUATES = national("graduates", PERSONS,
            "graduates in the model (ages up to the decision age) on 31 Dec");
    public static final Indicator GRADUATES_IN_KZ = national("graduates_in_kz", PERSONS, "graduates living in Kazakhstan on 31 Dec");
    public static final Indicator GRADUATES_ABROAD = at("graduates_abroad", PERSONS, KZ_DEST,
            "graduates living abroad on 31 Dec (by destination: living there)");
    public static final Indicator NEW_GRADUATES = national("new_graduates", PERSONS_PER_YEAR, "graduates taking a first job this year");
    public static final Indicator BACHELOR_DEGREES_IN_KZ = national("bachelor_degrees_in_kz", PERSONS_PER_YEAR,
            "bachelor programmes completed at Kazakhstani universities this year, including by graduates who go on to a "
                    + "master's (what the statistics count as graduates of higher education)");
    public static final Indicator FIRST_JOB_ABROAD = national("first_job_abroad", PERSONS_PER_YEAR,
            "new graduates whose first job is abroad");
    public static final Indicator FIRST_JOB_ABROAD_SHARE = national("first_job_abroad_share", SHARE,
            "`first_job_abroad` / `new_graduates`");
    public static final Indicator FIRST_JOB_ABROAD_AFTER_STUDY_IN_KZ = national("first_job_abroad_after_study_in_kz", PERSONS_PER_YEAR,
            "of `first_job_abroad`, graduates of Kazakhstani universities");
    public static final Indicator FIRST_JOB_IN_KZ_AFTER_STUDY_ABROAD = national("first_job_in_kz_after_study_abroad", PERSONS_PER_YEAR,
            "graduates of foreign universities coming home for their first job");
    public static final Indicator FIRST_JOB_ABROAD_SHARE_BY_FUNDING = family("first_job_abroad_share_", "funding", SHARE,
            "graduates of foreign universities of a funding route (`self-paid`, `state-grant`, `bolashak`) whose first job "
                    + "is abroad, as a share of that route's graduates of foreign universities this year (at graduation; "
                    + "compare `abroad_n_years_after_graduation_share_<funding>`)");
    public static final Indicator ABROAD_N_YEARS_AFTER_GRADUATION_SHARE = family("abroad_n_years_after_graduation_share_", "funding", SHARE,
            "**non-return**: of the graduates of a funding route (`self-paid`, `state-grant`, `bolashak`, "
                    + "`academic-mobility`) who graduated N years earlier, the share not living in Kazakhstan on 31 Dec "
                    + "(N = `run.nonReturnYearsAfterGraduation`, default 5, bounds 1-20). The route is that of the last "
                    + "degree; `academic-mobility` counts former mobility participants of any route (state funded or "
                    + "not), so they are also counted under their own route. Graduates who passed the decision age "
                    + "less than N years after graduating have left the model and are in neither numerator nor "
                    + "denominator (with the defaults, only PhDs graduating after 35)");
    public static final Indicator ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_ABROAD = national(
            "abroad_n_years_after_graduation_share_degree_abroad", SHARE,
            "as `abroad_n_years_after_graduation_share_<funding>`, for all graduates of N years ago whose last degree is "
                    + "from a foreign university");
    public static final Indicator ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_IN_KZ = national(
            "abroad_n_years_after_graduation_share_degree_in_kz", SHARE,
            "as `abroad_n_years_after_graduation_share_<funding>`, for all graduates of N years ago whose last degree is "
                    + "from a Kazakhstani university");
    public static final Indicator ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_MOBILITY_STATE_FUNDED = national(
            "abroad_n_years_after_graduation_share_mobility_state_funded", SHARE,
            "as `abroad_n_years_after_graduation_share_<funding>`, for the former state-funded academic-mobility "
                    + "participants among the graduates of N years ago (those whom the programme's return obligation binds)");
    public static final Indicator FISCAL_LOSS_KZT = family("fiscal_loss_kzt_", "funding", KZT,
            "[IS26]'s loss (cost x participants x non-return share) for the cohort: programme cost per graduate x persons "
                    + "of this year's N-years-after-graduation cohort not living in Kazakhstan. Costs (parameters in "
                    + "force): `bolashak` `policy.bolashak.costKztMaster` or `costKztPhd` by degree; `state-grant` "
                    + "`policy.stateGrant.costKztPerYear` x `study.bachelorYears` (whatever the degree); "
                    + "`academic-mobility` `policy.academicMobility.costKztPerParticipant` for former **state-funded** "
                    + "participants only. Self-paid graduates cost the state nothing (no indicator). KZT a year, not discounted");
    public static final Indicator EMIGRATION = at("emigration", PERSONS_PER_YEAR, EVERYWHERE,
            "yearly moves of graduates from Kazakhstan abroad (by region: moves abroad from it; by destination: "
                    + "arrivals by emigration and onward moves)");
    public static final Indicator EMIGRATION_FROM_KZ = at("emigration_from_kz", PERSONS_PER_YEAR, DEST,
            "yearly arrivals at a destination of graduates moving there from Kazakhstan, without onward moves from another "
                    + "foreign place (of `emigration` at the destination); over `emigration` (KZ) it is the destination's share "
                    + "of emigrants, as BNS reports it");
    public static final Indicator GRADUATE_DEPARTURES_TOTAL = national("graduate_departures_total", PERSONS_PER_YEAR,
            "`emigration` + `first_job_abroad_after_study_in_kz`: all graduates leaving Kazakhstan in the year");
    public static final Indicator GRADUATE_DEPARTURES_BY_ETHNICITY = family("graduate_departures_ethnicity_", "ethnicity", PERSONS_PER_YEAR,
            "of `graduate_departures_total`, graduates of an ethnicity (`kazakh`, `russian`, `german`, `other`; drawn at entry "
                    + "from the home region's composition, regions.csv kazakhSharePct, russianSharePct, germanSharePct)");
    public static final Indicator GRADUATE_DEPARTURES_SHARE_BY_ETHNICITY = family("graduate_departures_share_ethnicity_", "ethnicity", SHARE,
            "`graduate_departures_ethnicity_<ethnicity>` / `graduate_departures_total`: the ethnic composition of graduates "
                    + "leaving Kazakhstan (compare emigration_composition.csv: all ages, Russians 72.6% of emigrants in 2019)");
    public static final Indicator ENTRANTS_SHARE_BY_ETHNICITY = family("entrants_share_ethnicity_", "ethnicity", SHARE,
            "entrants (school leavers and college entrants) of an ethnicity / all entrants this year: the composition the "
                    + "graduates start from; `graduate_departures_share_ethnicity_<e>` over it is the group's over-representation "
                    + "among graduates leaving (the data's like: 72.6% of emigrants against 15.5% of residents for Russians, 2019-2021)");
    public static final Indicator EMIGRATION_RATE = national("emigration_rate", SHARE,
            "`emigration` / graduates in Kazakhstan at the end of the previous year");
    public static final Indicator RETURNS = at("returns", PERSONS_PER_YEAR, KZ_DEST,
            "moves of graduates from abroad to Kazakhstan (by destination: departures from it back to Kazakhstan)");
    public static final Indicator RETURN_RATE = national("return_rate", RATIO,
            "`returns` per graduate abroad at the end of the previous year (a ratio: it can exceed 1 when students "
                    + "graduating abroad come home within the year)");
    public static final Indicator INTERNAL_MOVES = national("internal_moves", PERSONS_PER_YEAR,
            "moves of graduates between regions of Kazakhstan");
    public static final Indicator ONWARD_MOVES = national("onward_moves", PERSONS_PER_YEAR,
            "moves of graduates between foreign places");
    public static final Indicator CONSIDERING_MOVE = national("considering_move", PERSONS_PER_YEAR,
            "graduates who considered moving this year (the first step of the decision)");
    public static final Indicator CONSIDERING_MOVE_SHARE = national("considering_move_share", SHARE,
            "`considering_move` / graduates at the end of the previous year");
    public static final Indicator WILLINGNESS_TO_EMIGRATE_SHARE = national("willingness_to_emigrate_share", SHARE,
            "mean over graduates living in Kazakhstan of the probability that the foreign places (the nest of the "
                    + "nested logit) beat staying when obstacles (border, distance, inertia) are left out: the stated "
                    + "side of the intention-behaviour gap, comparable to the survey's 46%; estimated on a systematic "
                    + "1-in-8 sample of agents");
    public static final Indicator INTENDING_EMIGRATION = at("intending_emigration", PERSONS_PER_YEAR, KZ_REGIONS,
            "graduates in Kazakhstan who considered a move and intended a foreign place this year, before permits");
    public static final Indicator INTENDING_EMIGRATION_SHARE = national("intending_emigration_share", SHARE,
            "`intending_emigration` / graduates in Kazakhstan at the end of the previous year");
    public static final Indicator INTENDING_INTERNAL_MOVE = national("intending_internal_move", PERSONS_PER_YEAR,
            "considering graduates intending another region");
    public static final Indicator EMIGRATION_PER_INTENTION = national("emigration_per_intention", RATIO,
            "`emigration` / `intending_emigration` (the realised part of intentions)");
    public static final Indicator PERMIT_REFUSALS = at("permit_refusals", PERSONS_PER_YEAR, KZ_DEST,
            "foreign moves refused a work permit (first and second choices), graduates of a foreign university refused "
                    + "a permit to stay after the study visa ends (no post-study route), and post-study permits not converted");
    public static final Indicator BRAIN_WASTE = at("brain_waste", PERSONS, KZ_DEST,
            "graduates abroad working below their qualification on 31 Dec");
    public static final Indicator BRAIN_WASTE_SHARE = national("brain_waste_share", SHARE,
            "`brain_waste` / graduates abroad");
    public static final Indicator BRAIN_CIRCULATION_RETURNEES = national("brain_circulation_returnees", PERSONS,
            "graduates living in Kazakhstan on 31 Dec who have studied or worked abroad (a mobility semester does not count)");
    public static final Indicator DOCQUIER_RAPOPORT_SHARE = national("docquier_rapoport_share", SHARE,
            "graduates abroad / all graduates: the skilled emigration rate of Docquier and Rapoport [N24]. Its band "
                    + "(`Indicators.docquierRapoportBand`, in the run summary and report.html, not a CSV column): "
                    + "`< 15%` below the rate around which skilled emigration may be optimal, `15-20%` around the "
                    + "optimum and not yet harmful, `20-35%` harmful unless remittances, return and diaspora gains "
                    + "make up for it, `> 35%` harmful even when they are counted. Bounds: [0, 15%), [15%, 20%), [20%, 35%], above 35%");
    public static final Indicator BOLASHAK_GRADUATES = national("bolashak_graduates", PERSONS_PER_YEAR,
            "Bolashak scholars graduating this year");
    public static final Indicator BOLASHAK_FIRST_JOB_ABROAD_SHARE = national("bolashak_first_job_abroad_share", SHARE,
            "share of `bolashak_graduates` whose first job is abroad, counted at the decision (the same value as "
                    + "`first_job_abroad_share_bolashak`, counted from the flows, as all Bolashak scholars study abroad; "
                    + "the calibration target `bolashak-nonreturn` uses it)");
    public static final Indicator OBLIGATION_BREACHES = family("obligation_breaches_", "programme", PERSONS_PER_YEAR,
            "return or work-off obligations of a programme (`bolashak`, `state-grant`; `academic-mobility` whenever "
                    + "the programme runs, 0 without its obligation; `rural-incentive` when the scenario uses its obligation) broken this year by leaving "
                    + "Kazakhstan (or the village)");
    public static final Indicator REPAYMENTS_KZT = family("repayments_kzt_", "programme", KZT,
            "repayments recovered this year from `obligation_breaches_<programme>` (an enforced breach repays "
                    + "`LocationUtility.repaymentKzt`)");
    public static final Indicator SPENDING_KZT = family("spending_kzt_", "programme", KZT,
            "**public programme spending** this year, KZT, always written (0 without payments), on a commitment "
                    + "basis (an award or grant counts in full in the year it is made, not discounted), with the costs in "
                    + "force (`Indicators.spending`): `bolashak` = Σ over the year's awards of "
                    + "`policy.bolashak.costKztMaster` or `costKztPhd` (× `tuitionOnlyCostShare` for a tuition-only "
                    + "award); `state-grant` = new state-grant entrants × `policy.stateGrant.costKztPerYear` × "
                    + "`study.bachelorYears`; `academic-mobility` = state-funded participants leaving this year × "
                    + "`policy.academicMobility.costKztPerParticipant`; `rural-incentive` = village payments × "
                    + "(`lumpSumKzt` + `housingSubsidyKzt`, the housing loan's subsidy value); `relocation` = subsidised "
                    + "relocations × `policy.relocation.subsidyKzt`; `return-support` = citizen return subsidies + "
                    + "researcher return grants paid");
    public static final Indicator REPAYMENTS_KZT_TOTAL = national("repayments_kzt_total", KZT,
            "repayments recovered this year from breaches of every obligation (Bolashak, state grant, mobility, "
                    + "village), KZT");
    public static final Indicator PROGRAMME_SPENDING_KZT = national("programme_spending_kzt", KZT,
            "net programme spending = Σ `spending_kzt_<programme>` − `repayments_kzt_total`, KZT/year; the "
                    + "spending objective of `kosh search` (docs/policy-search.md)");
    public static final Indicator BOLASHAK_AWARDS = national("bolashak_awards", PERSONS_PER_YEAR,
            "Bolashak awards made this year");
    public static final Indicator MOBILITY_PARTICIPANTS = national("mobility_participants", PERSONS_PER_YEAR,
            "academic-mobility semesters this year");
    public static final Indicator MOBILITY_STATE_FUNDED_ABROAD = national("mobility_state_funded_abroad", PERSONS,
            "former state-funded mobility participants living abroad on 31 Dec");
    public static final Indicator MOBILITY_FISCAL_LOSS_KZT = Indicator.stock("mobility_fiscal_loss_kzt", KZT,
            "[IS26]'s loss as a stock = cost per participant x **all** former state-funded participants living abroad "
                    + "on 31 Dec (the model's measured non-return replaces the article's assumed 30%); "
                    + "`fiscal_loss_kzt_academic-mobility` is the yearly cohort version");
    public static final Indicator AGED_OUT = national("aged_out", PERSONS_PER_YEAR,
            "agents passing the decision age this year (conservation: entrants = alive + aged out)");
    public static final Indicator AGENTS = national("agents", PERSONS, "persons represented by agents in the model on 31 Dec");
    public static final Indicator RETENTION_HOME_SHARE = at("retention_home_share", SHARE, KZ_REGIONS,
            "graduates (by home region, where they left school) living in their home region on 31 Dec, as a share of "
                    + "all of them; by region it equals `retention_own_graduates`. With the next three it sums to 1 "
                    + "(0 each when there are no graduates)");
    public static final Indicator RETENTION_MEGACITY_SHARE = at("retention_megacity_share", SHARE, KZ_REGIONS,
            "graduates living in a megacity (Astana, Almaty, Shymkent) other than their home region");
    public static final Indicator RETENTION_ELSEWHERE_KZ_SHARE = at("retention_elsewhere_kz_share", SHARE, KZ_REGIONS,
            "graduates living in another region of Kazakhstan (not a megacity)");
    public static final Indicator RETENTION_ABROAD_SHARE = at("retention_abroad_share", SHARE, KZ_REGIONS,
            "graduates living abroad; by region it equals `own_graduates_abroad_share`");
    public static final Indicator GRADUATES_LIVING = at("graduates_living", PERSONS, REGIONS, "graduates living in the region on 31 Dec");
    public static final Indicator STUDENTS_STUDYING = at("students_studying", PERSONS, REGIONS, "students studying in the region on 31 Dec");
    public static final Indicator NET_MIGRATION_GRADUATES = at("net_migration_graduates", PERSONS_PER_YEAR, REGIONS,
            "arrivals minus departures of graduates this year, first jobs included, study moves excluded");
    public static final Indicator GRADUATE_NET_GAIN = at("graduate_net_gain", PERSONS, REGIONS,
            "graduates living there minus graduates whose home region it is: the stock result of all past moves");
    public static final Indicator RETENTION_OWN_GRADUATES = at("retention_own_graduates", SHARE, REGIONS,
            "share of the region's own graduates (home region) living there");
    public static final Indicator OWN_GRADUATES_ABROAD_SHARE = at("own_graduates_abroad_share", SHARE, REGIONS,
            "share of the region's own graduates living abroad");
    public static final Indicator RETURNEES = at("returnees", PERSONS, REGIONS,
            "graduates living in the region who have studied or worked abroad");
    public static final Indicator DIASPORA_THOUSANDS = at("diaspora_thousands", THOUSAND_PERSONS, DEST,
            "the diaspora (network) stock, updated by the net moves of agents");

    /** Every core indicator, in the order indicators.csv first writes them. */
    public static final List<Indicator> ALL = List.of(ENTRANTS, ENTRANTS_ABROAD, STUDENTS, STUDENTS_ABROAD, GRADUATES,
            GRADUATES_IN_KZ, GRADUATES_ABROAD, NEW_GRADUATES, BACHELOR_DEGREES_IN_KZ, FIRST_JOB_ABROAD, FIRST_JOB_ABROAD_SHARE,
            FIRST_JOB_ABROAD_AFTER_STUDY_IN_KZ, FIRST_JOB_IN_KZ_AFTER_STUDY_ABROAD, FIRST_JOB_ABROAD_SHARE_BY_FUNDING,
            ABROAD_N_YEARS_AFTER_GRADUATION_SHARE, ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_ABROAD,
            ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_IN_KZ, ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_MOBILITY_STATE_FUNDED,
            FISCAL_LOSS_KZT, EMIGRATION, EMIGRATION_FROM_KZ, GRADUATE_DEPARTURES_TOTAL,
            GRADUATE_DEPARTURES_BY_ETHNICITY, GRADUATE_DEPARTURES_SHARE_BY_ETHNICITY, ENTRANTS_SHARE_BY_ETHNICITY,
            EMIGRATION_RATE, RETURNS, RETURN_RATE, INTERNAL_MOVES, ONWARD_MOVES, CONSIDERING_MOVE, CONSIDERING_MOVE_SHARE,
            WILLINGNESS_TO_EMIGRATE_SHARE, INTENDING_EMIGRATION, INTENDING_EMIGRATION_SHARE, INTENDING_INTERNAL_MOVE,
            EMIGRATION_PER_INTENTION, PERMIT_REFUSALS, BRAIN_WASTE, BRAIN_WASTE_SHARE, BRAIN_CIRCULATION_RETURNEES,
            DOCQUIER_RAPOPORT_SHARE, BOLASHAK_GRADUATES, BOLASHAK_FIRST_JOB_ABROAD_SHARE, OBLIGATION_BREACHES, REPAYMENTS_KZT,
            SPENDING_KZT, REPAYMENTS_KZT_TOTAL, PROGRAMME_SPENDING_KZT, BOLASHAK_AWARDS,
            MOBILITY_PARTICIPANTS, MOBILITY_STATE_FUNDED_ABROAD, MOBILITY_FISCAL_LOSS_KZT, AGED_OUT, AGENTS,
            RETENTION_HOME_SHARE, RETENTION_MEGACITY_SHARE, RETENTION_ELSEWHERE_KZ_SHARE, RETENTION_ABROAD_SHARE,
            GRADUATES_LIVING, STUDENTS_STUDYING, NET_MIGRATION_GRADUATES, GRADUATE_NET_GAIN, RETENTION_OWN_GRADUATES,
            OWN_GRADUATES_ABROAD_SHARE, RETURNEES, DIASPORA_THOUSANDS);

    /** Indicator names of earlier versions and their names now (docs/outputs.md, "Renamed indicators"). */
    public static final List<String[]> RENAMED = List.of(
            new String[]{"bolashak_nonreturn_share", BOLASHAK_FIRST_JOB_ABROAD_SHARE.name()},
            new String[]{"nonreturn_share_<funding>", ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.name() + "<funding>"},
            new String[]{"nonreturn_share_degree_abroad", ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_ABROAD.name()},
            new String[]{"nonreturn_share_degree_in_kz", ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_IN_KZ.name()},
            new String[]{"bolashak_breaches, grant_breaches", OBLIGATION_BREACHES.name() + "<programme>"},
            new String[]{"penalties_recovered_kzt", REPAYMENTS_KZT.name() + "<programme>"});

    /** The funding routes, the members of the families whose member hint is "funding" (Population's order). */
    public static final java.util.List<String> FUNDING_ROUTES = java.util.List.of("self-paid", "state-grant", "bolashak",
            "academic-mobility");
    /** The programmes, the members of the families whose member hint is "programme", in the order written. */
    public static final java.util.List<String> PROGRAMMES = java.util.List.of("bolashak", "state-grant",
            "academic-mobility", "rural-incentive", "relocation", "return-support");

    /** The ethnic groups, the members of the families whose member hint is "ethnicity" (kz.kosh.world.Ethnicity's order). */
    public static final java.util.List<String> ETHNICITIES = java.util.List.of("kazakh", "russian", "german", "other");

    static void registerAll() {
        IndicatorRegistry.registerMembers("funding", FUNDING_ROUTES);
        IndicatorRegistry.registerMembers("ethnicity", ETHNICITIES);
        IndicatorRegistry.registerMembers("programme", PROGRAMMES);
        for (Indicator i : ALL) {
            IndicatorRegistry.register(i);
        }
    }
}
