package kz.kosh.experiment.hindcast;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One comparison of the hindcast: an observed yearly series and the model quantity that speaks
 * to it, computed per replication from the replication's indicators (so that derived quantities
 * such as students − students abroad get a proper interval over replications).
 *
 * @param id         file-name-safe identifier (CSV {@code series} column, chart file name)
 * @param title      what is compared, for headings
 * @param quantity   the model quantity in a few words (summary table)
 * @param observed   the observed points (all years; those outside the run window are skipped)
 * @param observedDefinition what the observed figure counts, with its source
 * @param modelDefinition    which model indicators, combined how
 * @param caveat     definitional differences that matter when reading the comparison
 * @param measure    the model value of a replication in a recorded year
 */
public record HindcastSeries(String id, String title, String quantity, List<Observed.Point> observed, String observedDefinition,
                             String modelDefinition, String caveat, Measure measure) {

    /** The model value of one replication in the recorded year with index {@code y}. */
    @FunctionalInterface
    public interface Measure {
        double value(IndicatorTable t, int y);
    }

    /** A model quantity that is missing from a replication's indicators (the model has changed). */
    static double key(IndicatorTable t, int y, String indicator, String place) {
        return t.value(y, indicator + "|" + place);
    }

    private static double kz(IndicatorTable t, int y, String indicator) {
        return key(t, y, indicator, "KZ");
    }

    /** Whether the replication's indicators have a national indicator of this name. */
    private static boolean has(Set<String> keys, String indicator) {
        return keys.contains(indicator + "|KZ");
    }

    /**
     * Every series the model can speak to, given the indicator keys of a replication ("indicator|place")
     * and the resolved scenario (for the entry rate).
     */
    public static List<HindcastSeries> all(Scenario scenario, Set<String> keys) {
        List<HindcastSeries> out = new ArrayList<>();
        out.add(new HindcastSeries("students-abroad", "Kazakhstani students abroad", "`students_abroad` (KZ)", Observed.studentsAbroad(),
                "outbound internationally mobile tertiary students, derived as UNESCO UIS inbound minus the UIS net flow "
                        + "(students_abroad.csv, destination ALL, source U1), each at the model's year: UIS labels a year by the "
                        + "academic year ending in it (UIS reader's guide, September 2021), so UIS year Y is shown at Y − 1",
                "`students_abroad` (place KZ): students studying abroad on 31 December",
                "UIS counts degree-mobile students at foreign tertiary institutions; the model counts its students abroad "
                        + "(bachelor, master's, PhD and Bolashak students abroad; academic-mobility semesters are back by the "
                        + "end of the year). The 2020 value is suspect: UIS inbound jumps that year, so the derived outbound may "
                        + "be distorted. UIS years before 2015 and the net flows flagged UIS_EST are estimates.",
                (t, y) -> kz(t, y, CoreIndicators.STUDENTS_ABROAD.name())));
        out.add(new HindcastSeries("students-in-russia", "Kazakhstani students in Russia", "`students_abroad` (RU)", Observed.studentsInRussia(),
                "officials' round figures for Kazakhstani students in Russia (students_abroad.csv, destination Russia: "
                        + "2018 P10, 2020 P6, 2024 P11; each at the start year of the academic year it describes: P11 was "
                        + "said in July 2025, about 2024/25)",
                "`students_abroad` at place RU: students studying in Russia on 31 December",
                "The 2018 figure (65,700) counts Russian universities *and colleges*, the model only higher education; "
                        + "2020 and 2024 are \"about 60 thousand\" round figures, not counts.",
                (t, y) -> key(t, y, CoreIndicators.STUDENTS_ABROAD.name(), "RU")));
        out.add(new HindcastSeries("students-in-kazakhstan", "Students in Kazakhstani universities", "`students` − `students_abroad` (KZ)",
                Observed.studentsInKazakhstan(),
                "students of higher-education institutions at the start of the academic year (BNS form 3-NK; "
                        + "higher_education.csv `students`, source E1)",
                "`students` − `students_abroad` (place KZ): students studying in Kazakhstan on 31 December",
                "BNS counts at the start of the academic year (October), the model on 31 December of the same calendar year; "
                        + "BNS includes foreign students in Kazakhstan and all degree levels.",
                (t, y) -> kz(t, y, CoreIndicators.STUDENTS.name()) - kz(t, y, CoreIndicators.STUDENTS_ABROAD.name())));
        out.add(new HindcastSeries("entrants-in-kazakhstan", "Entrants to Kazakhstani universities", "`entrants` − `entrants_abroad` (KZ)",
                Observed.entrantsInKazakhstan(),
                "admitted to higher-education institutions (higher_education.csv `entrants`: 2020 from P1 citing BNS, "
                        + "2022 rounded from E1)",
                "`entrants` − `entrants_abroad` (place KZ): school leavers and college entrants "
                        + "(`population.collegeEntrantsPerSchoolLeaver`) entering a Kazakhstani university this year",
                "Admissions in the statistics may also include master's admissions; the model's entrants are bachelors.",
                (t, y) -> kz(t, y, CoreIndicators.ENTRANTS.name()) - kz(t, y, CoreIndicators.ENTRANTS_ABROAD.name())));
        boolean degrees = has(keys, CoreIndicators.BACHELOR_DEGREES_IN_KZ.name());
        out.add(new HindcastSeries("graduates-of-kazakhstani-universities", "Graduates of Kazakhstani universities",
                degrees ? "`bachelor_degrees_in_kz` (KZ)" : "`new_graduates` of Kazakhstani universities (KZ, derived)",
                Observed.graduatesInKazakhstan(),
                "persons who completed higher education in the previous academic year, i.e. about those graduating in "
                        + "calendar `year` (higher_education.csv `graduates`: 2020 from P1 citing BNS, 2022 rounded from E1)",
                degrees ? "`bachelor_degrees_in_kz` (place KZ): bachelor programmes completed at Kazakhstani universities "
                        + "this year, including by graduates who go on to a master's"
                        : "`new_graduates` − (first jobs of graduates of foreign universities) = `new_graduates` − "
                        + "`first_job_in_kz_after_study_abroad` − `first_job_abroad` + `first_job_abroad_after_study_in_kz` "
                        + "(place KZ): graduates of Kazakhstani universities taking a first job this year (older result "
                        + "files without `bachelor_degrees_in_kz`)",
                "BNS graduates of higher education are of bachelor-level programmes (entrants, graduates and 4 x graduates "
                        + "match the student total); master's and doctoral graduates are counted apart and not compared here.",
                degrees ? (t, y) -> kz(t, y, CoreIndicators.BACHELOR_DEGREES_IN_KZ.name())
                        : (t, y) -> kz(t, y, CoreIndicators.NEW_GRADUATES.name()) - kz(t, y, CoreIndicators.FIRST_JOB_IN_KZ_AFTER_STUDY_ABROAD.name())
                        - kz(t, y, CoreIndicators.FIRST_JOB_ABROAD.name()) + kz(t, y, CoreIndicators.FIRST_JOB_ABROAD_AFTER_STUDY_IN_KZ.name())));
        boolean leavers = has(keys, "school_leavers");
        double entryRate = scenario.population().higherEducationEntryRate()
                + scenario.population().collegeEntrantsPerSchoolLeaver();
        out.add(new HindcastSeries("school-leavers", "School leavers (grade 11)",
                leavers ? "`school_leavers` (KZ)" : "`entrants` / entry rate (KZ, derived)", Observed.schoolLeavers(),
                "grade-11 school leavers (school_leavers.csv): actual leavers 2015 (P3), 2017 (P4, a lower bound), "
                        + "2018 (P5); 2020 derived as 6,000 / 4.8% (P6, approximate); 2023 and 2024 grade-11 enrolment at the "
                        + "start of the year (P7, P8); 2025 a ministry round figure (P9)",
                leavers ? "`school_leavers` (place KZ)"
                        : "`entrants` (place KZ) / (`population.higherEducationEntryRate` + "
                        + "`population.collegeEntrantsPerSchoolLeaver`) (" + kz.kosh.output.Fmt.exact(entryRate) + "): derived, the model has no "
                        + "school-leaver indicator; the model draws entrants as leavers x (entry rate + college entrants per leaver)",
                "The observed figures mix three definitions (see the source list). The model's cohort is births 17 years "
                        + "earlier x `population.schoolLeaverCompletionRatio` (fitted to these observed rows, 2020 left out) x "
                        + "the year's factor k(t), which makes it equal the counts in the observed years (linear between them), "
                        + "so this row checks the yearly input, not model behaviour.",
                leavers ? (t, y) -> kz(t, y, "school_leavers") : (t, y) -> kz(t, y, CoreIndicators.ENTRANTS.name()) / entryRate));
        String band = "all emigrants (BNS external migration, departures of all ages and education levels, migration.csv "
                + "`emigrants`, source B2) x the share older than 15 [73.4%, 76.7%] (BNS 2019, 2020, 2022; T91-T93) x the share "
                + "of those with higher education [35.5%, 38%] (BNS 2022, T93, [PR]; [N24]) x the share of those at most the "
                + "model's decision age 40 [45%, 65%] (an assumption from the age figures, T91, T94; "
                + "kz.kosh.experiment.hindcast.Observed): a band [11.7%, 19.0%] of all emigrants, whose midpoint is the "
                + "observed value (the measurement model of graduate emigration)";
        String emigrationCaveat = "BNS registers permanent departures only (leaving without deregistering is not "
                + "counted, so the observed figure is a lower bound); the age share is an assumption; the model's "
                + "graduates of foreign universities who stay abroad never leave Kazakhstan as residents, so they are "
                + "not in either model figure. Official emigration is mostly ethnic (Russians 72.6% in 2019); each of the "
                + "model's graduates has an ethnic group drawn from the home region's composition, and those who leave are "
                + "more often Kazakh than the registered emigrants: the validation target graduate-emigration-russians "
                + "compares the Russians among them with the same band applied to Russian emigrants (docs/validation.md).";
        out.add(new HindcastSeries("graduate-emigration", "Emigration of graduates (departures incl. first jobs abroad)",
                "`graduate_departures_total` (KZ)",
                Observed.emigrantsWithHigherEducation(), band,
                "`graduate_departures_total` (place KZ) = `emigration` (graduates living in Kazakhstan moving abroad) + "
                        + "`first_job_abroad_after_study_in_kz` (graduates of Kazakhstani universities whose first job is "
                        + "abroad). This is the primary comparison: both are residents with higher education leaving "
                        + "Kazakhstan, which is what the departure statistics register",
                emigrationCaveat,
                (t, y) -> kz(t, y, CoreIndicators.GRADUATE_DEPARTURES_TOTAL.name())));
        out.add(new HindcastSeries("graduate-emigration-moves", "Emigration of graduates (moves of graduates living in Kazakhstan only)",
                "`emigration` (KZ)",
                Observed.emigrantsWithHigherEducation(), band,
                "`emigration` (place KZ): yearly moves abroad of graduates living in Kazakhstan, without first jobs "
                        + "abroad; shown as a lower model figure next to the primary comparison",
                emigrationCaveat,
                (t, y) -> kz(t, y, CoreIndicators.EMIGRATION.name())));
        out.add(new HindcastSeries("graduates-hired", "Graduates of the year hired in Kazakhstan",
                "`new_graduates` − `first_job_abroad` (KZ)", Observed.graduatesHired(),
                "specialists with higher education hired who graduated that year (BNS, graduates_hired.csv, source B5; "
                        + "2025 is a part year and left out)",
                "`new_graduates` − `first_job_abroad` (place KZ): new graduates whose first job is in Kazakhstan",
                "A loose comparison: BNS counts hires reported by employers (a subset of first jobs; the series more than "
                        + "doubles in 2020, which suggests a change of coverage), the model every first job in Kazakhstan "
                        + "(it has no unemployment and no informal work).",
                (t, y) -> kz(t, y, CoreIndicators.NEW_GRADUATES.name()) - kz(t, y, CoreIndicators.FIRST_JOB_ABROAD.name())));
        return out;
    }

    /** Observed series the model cannot speak to, each with the reason (file: columns -> reason). */
    public static List<String[]> notComparable() {
        return List.of(
                new String[]{"births.csv: births", "the model has no births: births 17 years earlier are an input "
                        + "(school leavers = births x `population.schoolLeaverCompletionRatio` x the year's factor from the counts), not born in the model"},
                new String[]{"higher_education.csv: state_grants, state_grant_share_pct, new_grants_allocated",
                        "the model assigns state grants to entrants (`policy.stateGrant`), but no indicator counts students "
                                + "by funding (flows.csv has entrants by funding, not the stock)"},
                new String[]{"students_abroad.csv: Bolashak rows (2023, by country)",
                        "no indicator counts students abroad by funding route"},
                new String[]{"students_abroad_oecd_share.csv", "shares of each host's international students; the model has "
                        + "no other nationalities in the hosts"},
                new String[]{"bolashak.csv", "cumulative awards since 1993 from sources with differing definitions; the model "
                        + "reports yearly Bolashak graduates, not awards"},
                new String[]{"migration.csv: immigrants, net",
                        "immigration of all nationalities and education levels; the model only has returns of its own "
                                + "graduates, and no share with higher education of immigrants was found"},
                new String[]{"migration.csv: emigrants_higher_ed_share, share_to_russia, share_to_germany",
                        "blank in the data (not found)"},
                new String[]{"wages.csv, cpi.csv, exchange_rates.csv",
                        "inputs of the model (wages are scenario parameters), not outputs"},
                new String[]{"regions-unemployment.csv", "the model has no unemployment"},
                new String[]{"school_leavers.csv: grade9_graduates", "blank in the data, and the model starts at entry to "
                        + "higher education"});
    }
}
