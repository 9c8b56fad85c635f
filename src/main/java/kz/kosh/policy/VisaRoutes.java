package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.world.Demand;
import kz.kosh.world.World;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routes a foreign destination offers Kazakhstani students and graduates, by destination id
 * ({@code policy.visaRoutes: {US: {work: lottery, workLotteryOdds: 0.25}, GB: {postStudyWorkYears: 0}}}).
 * A destination not listed, and a field not set, keeps its values of the destination table
 * (kz/kosh/data/destinations.csv: studyAccess, workAccess, postStudyWorkYears). The routes act
 * on the world of each year when it is built ({@link #adjustWorld}), once per year:
 * <ul>
 *   <li>{@code study}: {@code open} sets the study access s_j to 1, {@code closed} to 0 (the
 *       destination leaves the study choice and the Bolashak and mobility draws), {@code quota}
 *       admits about {@code studyQuotaPerYear} persons a year: with E last year's degree-study
 *       entrants there (agents) at last year's access s', the demand at full access is D = E / s'
 *       and s_j = min(1, Q·scale / D) (1 when nobody entered). Estimating D rather than using E
 *       alone keeps the entrants near the quota instead of alternating between full and half access.</li>
 *   <li>{@code postStudyWorkYears}: years of work right after graduating there (0 = none: staying
 *       needs a work permit at graduation).</li>
 *   <li>{@code work}: the skilled work route, i.e. the probability w_j that a permit is granted
 *       (at a move there, at graduation without a post-study right, at the end of the post-study
 *       right): {@code open} 1, {@code closed} 0 (the destination leaves the choice set of every
 *       graduate not already there), {@code lottery} w_j = {@code workLotteryOdds} (H-1B style),
 *       {@code cap} at most {@code workCapPerYear} permits a year: w_j = min(1, C·scale / A) with
 *       A last year's permit applications there (agents; 1 when there were none).</li>
 *   <li>{@code graduateCitizenship: true}: a graduate of that country's universities needs no work
 *       permit there (Russia's simplified citizenship for graduates of its universities, [B22]):
 *       staying at graduation is always possible, without the end-of-study-visa penalty, and no
 *       renewal or move back there is refused.</li>
 * </ul>
 * A quota or cap needs its number and a number needs its route; a field may be set to null to
 * unset it (e.g. a timeline entry switching a cap to a lottery).
 *
 * @param routes the routes by destination id, in table order
 */
public record VisaRoutes(Map<String, Route> routes) implements PolicyModule {

    public static final String SECTION = "visaRoutes";
    /** Section of the per-destination fields (a map of ids). */
    static final String ENTRY = SECTION + ".<id>";

    /** Study route: unset (null) keeps the table's studyAccess. */
    public enum Study { OPEN, QUOTA, CLOSED }

    /** Skilled work route: unset (null) keeps the table's workAccess. */
    public enum Work { OPEN, CAP, LOTTERY, CLOSED }

    /**
     * The routes of one destination; null or NaN fields are unset (the table's values).
     *
     * @param study               study route
     * @param studyQuotaPerYear   persons admitted a year under a quota (NaN unless quota)
     * @param postStudyWorkYears  years of post-study work right (NaN = table)
     * @param work                skilled work route
     * @param workCapPerYear      permits a year under a cap (NaN unless cap)
     * @param workLotteryOdds     probability of a permit under a lottery (NaN unless lottery)
     * @param graduateCitizenship graduates of the country's universities need no permit there
     */
    public record Route(Study study, double studyQuotaPerYear, double postStudyWorkYears, Work work,
                        double workCapPerYear, double workLotteryOdds, boolean graduateCitizenship) {
    }

    public static final Param ROUTES = Param.other(SECTION, "",
            "map destination id -> routes (empty: every destination as in destinations.csv)", "visa routes by destination",
            "scenario lever (issue \"Policies as modules\"); the table values it replaces are sourced in data-sources.md "
                    + "sections 2.7-2.8. A destination not listed keeps its studyAccess, workAccess and postStudyWorkYears");
    public static final Param STUDY = Param.other(ENTRY, "study", "open / quota / closed (unset: studyAccess of destinations.csv)",
            "study route",
            "scenario lever: open = study access 1, closed = 0 (option infeasible in the study choice), quota = "
                    + "min(1, quota x scale / last year's demand at full access); e.g. Canada's study-permit caps since 2024 "
                    + "(data-sources.md 2.7, approx., not verified here)");
    public static final Param STUDY_QUOTA = Param.of(ENTRY, "studyQuotaPerYear", 0, 1e7,
            "persons per year (only with study: quota; scaled with the run)", "study quota per year",
            "scenario choice: Kazakhstani students admitted a year; for scale, UNESCO 2022 enrolment by destination "
                    + "(destinations.csv studentsEnrolled2022, e.g. RU 71,368 enrolled, about 18,000 entrants a year at 4 years)");
    public static final Param POST_STUDY_WORK_YEARS = Param.of(ENTRY, "postStudyWorkYears", 0, 20,
            "years (unset: postStudyWorkYears of destinations.csv)", "post-study work years",
            "routes (shared destinations.csv, data-sources.md 2.8): UK Graduate route 2 years (3 for PhD); Germany "
                    + "18-month job-search permit = 1.5; US OPT 1 year (+2 for STEM: 1-3); Canada PGWP 8 months to 3 years; "
                    + "Korea D-10 job-seeker visa 0.5-2 years; 0 = no post-study route");
    public static final Param WORK = Param.other(ENTRY, "work", "open / cap / lottery / closed (unset: workAccess of destinations.csv)",
            "skilled work route",
            "scenario lever: permit probability open = 1, closed = 0 (destination leaves the choice set), lottery = "
                    + "workLotteryOdds, cap = min(1, cap x scale / last year's applications); US H-1B selection odds about "
                    + "26-29% (data-sources.md 2.7)");
    public static final Param WORK_CAP = Param.of(ENTRY, "workCapPerYear", 0, 1e7,
            "permits per year (only with work: cap; scaled with the run)", "work permits per year",
            "scenario choice: an annual cap of work permits for Kazakhstani graduates (e.g. a national quota of the "
                    + "destination's skilled-worker route)");
    public static final Param WORK_LOTTERY_ODDS = Param.of(ENTRY, "workLotteryOdds", 0, 1,
            "probability (only with work: lottery)", "work lottery odds",
            "US H-1B lottery selection odds roughly 26-29% (shared destinations.csv, data-sources.md 2.7); other odds: "
                    + "scenario choice");
    public static final Param GRADUATE_CITIZENSHIP = Param.other(ENTRY, "graduateCitizenship",
            "switch (unset: false)", "graduates need no work permit",
            "[B22]: Russia gives graduates of its universities priority for jobs and citizenship (simplified citizenship, "
                    + "2023 decree, shared destinations.csv)");
    public static final List<Param> PARAMS = List.of(ROUTES, STUDY, STUDY_QUOTA, POST_STUDY_WORK_YEARS, WORK, WORK_CAP,
            WORK_LOTTERY_ODDS, GRADUATE_CITIZENSHIP);
    /** The plug-in: section, parameters, reader ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.ofPolicyGroup(SECTION, PARAMS, (f, c) -> read(f, c.destinationIds()));

    /** Reads {@code policy.visaRoutes} (a map of destination ids) from the policy section. */
    public static VisaRoutes read(Fields policy, List<String> destinationIds) {
        return new VisaRoutes(Collections.unmodifiableMap(policy.byId(SECTION, destinationIds, false, VisaRoutes::readRoute)));
    }

    private static Route readRoute(Fields f) {
        Study study = f.has(STUDY.name()) ? choice(f, STUDY.name(), Study.values()) : null;
        double quota = optional(f, STUDY_QUOTA, study == Study.QUOTA, "study: quota");
        double years = f.has(POST_STUDY_WORK_YEARS.name()) ? POST_STUDY_WORK_YEARS.number(f) : Double.NaN;
        Work work = f.has(WORK.name()) ? choice(f, WORK.name(), Work.values()) : null;
        double cap = optional(f, WORK_CAP, work == Work.CAP, "work: cap");
        double odds = optional(f, WORK_LOTTERY_ODDS, work == Work.LOTTERY, "work: lottery");
        boolean citizenship = f.has(GRADUATE_CITIZENSHIP.name()) && GRADUATE_CITIZENSHIP.bool(f);
        return new Route(study, quota, years, work, cap, odds, citizenship);
    }

    /** A number required with its route and refused without it (it would act on nothing). */
    private static double optional(Fields f, Param p, boolean needed, String route) {
        if (f.has(p.name())) {
            if (!needed) {
                f.problems().add(f.path() + "." + p.name(), "only with " + route + " (set it, or set this field to null)");
                return Double.NaN;
            }
            return p.number(f);
        }
        if (needed) {
            f.problems().add(f.path() + "." + p.name(), "required with " + route);
        }
        return Double.NaN;
    }

    private static <E extends Enum<E>> E choice(Fields f, String key, E[] values) {
        String t = f.text(key);
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).equals(t)) {
                return e;
            }
        }
        List<String> allowed = new java.util.ArrayList<>();
        for (E e : values) {
            allowed.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (!t.isEmpty() || f.raw(key) == null || f.raw(key).isTextual()) {
            f.problems().add(f.path() + "." + key, "expected one of " + allowed + ", found '" + Fields.cut(t) + "'");
        }
        return null;
    }

    @Override
    public boolean enabled() {
        return !routes.isEmpty();
    }

    /**
     * Study access under a quota: min(1, Q / D) with Q the quota in agents and D = E / s' the
     * demand at full access estimated from last year's entrants E at access s'; 1 when E = 0 or
     * unknown (negative), 0 when Q = 0.
     */
    public static double quotaAccess(double quotaAgents, long entrantsLastYear, double accessLastYear) {
        if (quotaAgents <= 0) {
            return 0.0;
        }
        if (entrantsLastYear <= 0 || accessLastYear <= 0) {
            return 1.0;
        }
        double demand = entrantsLastYear / accessLastYear;
        return Math.min(1.0, quotaAgents / demand);
    }

    /** Permit probability under a cap: min(1, C / A) with C the cap in agents and A last year's applications; 1 when A = 0, 0 when C = 0. */
    public static double capAccess(double capAgents, long applicationsLastYear) {
        if (capAgents <= 0) {
            return 0.0;
        }
        return applicationsLastYear <= 0 ? 1.0 : Math.min(1.0, capAgents / applicationsLastYear);
    }

    @Override
    public void adjustWorld(World.Editor e) {
        World w = e.world();
        Demand last = e.lastYear();
        for (Map.Entry<String, Route> entry : routes.entrySet()) {
            int j = w.indexOf(entry.getKey());
            if (j < 0) {
                continue;
            }
            Route r = entry.getValue();
            if (r.study != null) {
                e.setStudyAccess(j, switch (r.study) {
                    case OPEN -> 1.0;
                    case CLOSED -> 0.0;
                    case QUOTA -> last == null ? quotaAccess(r.studyQuotaPerYear * e.scale(), 0, 1.0)
                            : quotaAccess(r.studyQuotaPerYear * e.scale(), last.studyEntrants()[j], last.studyAccess()[j]);
                });
            }
            if (!Double.isNaN(r.postStudyWorkYears)) {
                e.setPostStudyWorkYears(j, r.postStudyWorkYears);
            }
            if (r.work != null) {
                e.setWorkAccess(j, switch (r.work) {
                    case OPEN -> 1.0;
                    case CLOSED -> 0.0;
                    case LOTTERY -> r.workLotteryOdds;
                    case CAP -> capAccess(r.workCapPerYear * e.scale(), last == null ? 0 : last.permitApplications()[j]);
                });
            }
            if (r.graduateCitizenship) {
                e.setGraduateCitizenship(j, true);
            }
        }
    }
}
