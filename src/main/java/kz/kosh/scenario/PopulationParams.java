package kz.kosh.scenario;

import java.util.List;

/**
 * Who enters the model each year and until when agents decide.
 *
 * @param schoolLeaverCompletionRatio school leavers (grade 11) of year t per live birth of year t − 17:
 *                                  L(t) = births(t − 17) × ratio ({@code kz.kosh.world.YearlyInputs})
 * @param higherEducationEntryRate  share of school leavers entering higher education (here or abroad)
 * @param collegeEntrantsPerSchoolLeaver entrants to Kazakhstani universities who come from a technical and
 *                                  vocational (TVET) college or enter later, per school leaver of the year
 * @param collegeEntryAgeYears      age of those entrants
 * @param collegeBachelorYears      length of their (shortened) bachelor programme, years
 * @param entryAgeYears             age at entry to higher education
 * @param femaleShare               share of women among entrants
 * @param parentsElsewhereShare     share of entrants whose parents live outside their home region
 * @param maxDecisionAgeYears       graduates reconsider their location each year up to this age;
 *                                  older agents leave the decision model (counted as aged out)
 * @param retirementAgeYears        end of working life for the discounted-income horizon
 */
public record PopulationParams(double schoolLeaverCompletionRatio, double higherEducationEntryRate,
                               double collegeEntrantsPerSchoolLeaver, int collegeEntryAgeYears,
                               int collegeBachelorYears, int entryAgeYears,
                               double femaleShare, double parentsElsewhereShare, int maxDecisionAgeYears,
                               int retirementAgeYears) {

    /** The group's YAML path. */
    static final String G = "population";
    public static final Param SCHOOL_LEAVER_COMPLETION_RATIO = Param.num(G, "schoolLeaverCompletionRatio", 0, 1.5, "school leavers of year t per live birth of year t - 17",
            "calibrated: least squares through the origin of school leavers (school_leavers.csv: 2015, 2017 (a "
                    + "lower bound), 2018, 2023, 2024, 2025; the DERIVED 2020 row left out) on births 17 years earlier "
                    + "(births.csv), 0.59704 (mean ratio 0.59967); YearlyInputsTest checks the fit");
    public static final Param HIGHER_EDUCATION_ENTRY_RATE = Param.num(G, "higherEducationEntryRate", 0, 1, "share of school leavers",
            "assumption: cross-checked against 153,627 higher-education graduates 2020 / 172,000 school leavers ="
                    + " 0.89 (data/README); rounded down because some graduates entered via colleges rather than straight "
                    + "from school");
    public static final Param COLLEGE_ENTRANTS_PER_SCHOOL_LEAVER = Param.num(G, "collegeEntrantsPerSchoolLeaver", 0, 2, "entrants per school leaver of the year",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: BNS "
                    + "admitted 152,789 (2020) and 163,500 (2022) to higher education (higher_education.csv, P1, E1), while"
                    + " school leavers x 0.85 give 125,800 and 141,600 (births 2003 and 2005 x 0.597), less those going "
                    + "abroad: about 37,000 and 31,000 entrants, 0.25 and 0.19 of the leavers, are not straight from school"
                    + " - graduates of technical and vocational colleges on shortened programmes and later entrants; 0.2 "
                    + "(rounded down, as 2022 is rounded in E1)");
    public static final Param COLLEGE_ENTRY_AGE_YEARS = Param.whole(G, "collegeEntryAgeYears", 15, 40, "years of age",
            "assumption: 9th-grade leavers (15-16) spend 3-4 years in a technical and vocational college, "
                    + "entering university at about 19-20");
    public static final Param COLLEGE_BACHELOR_YEARS = Param.whole(G, "collegeBachelorYears", 1, 8, "years",
            "assumption: college graduates enter shortened bachelor programmes in a related field (3 years "
                    + "instead of 4)");
    public static final Param ENTRY_AGE_YEARS = Param.whole(G, "entryAgeYears", 15, 30, "years of age",
            "assumption: 11th-grade school leavers are 17-18 years old and enter higher education the same year");
    public static final Param FEMALE_SHARE = Param.num(G, "femaleShare", 0, 1, "share of entrants",
            "assumption: women are slightly more than half of higher-education students in Kazakhstan (approx., "
                    + "not verified here)");
    public static final Param PARENTS_ELSEWHERE_SHARE = Param.num(G, "parentsElsewhereShare", 0, 1, "share of entrants",
            "assumption: a minority of families move away from the region where their child left school; keeps "
                    + "family ties ([B22], [AI25]) mostly pointing to the home region");
    public static final Param MAX_DECISION_AGE_YEARS = Param.whole(G, "maxDecisionAgeYears", 20, 80, "years of age",
            "assumption: [N24] describes migration decisions of graduates aged 23-35 and early/mid-career "
                    + "academics; moves after 40 are treated as rare");
    public static final Param RETIREMENT_AGE_YEARS = Param.whole(G, "retirementAgeYears", 30, 90, "years of age",
            "assumption: statutory pension age in Kazakhstan, 63 for men, women's age being raised towards 63 "
                    + "(approx., not verified here)");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(SCHOOL_LEAVER_COMPLETION_RATIO, HIGHER_EDUCATION_ENTRY_RATE, COLLEGE_ENTRANTS_PER_SCHOOL_LEAVER, COLLEGE_ENTRY_AGE_YEARS, COLLEGE_BACHELOR_YEARS, ENTRY_AGE_YEARS, FEMALE_SHARE, PARENTS_ELSEWHERE_SHARE, MAX_DECISION_AGE_YEARS, RETIREMENT_AGE_YEARS);

    static PopulationParams read(Fields f) {
        PopulationParams p = new PopulationParams(
                SCHOOL_LEAVER_COMPLETION_RATIO.number(f),
                HIGHER_EDUCATION_ENTRY_RATE.number(f),
                COLLEGE_ENTRANTS_PER_SCHOOL_LEAVER.number(f),
                COLLEGE_ENTRY_AGE_YEARS.integer(f),
                COLLEGE_BACHELOR_YEARS.integer(f),
                ENTRY_AGE_YEARS.integer(f),
                FEMALE_SHARE.number(f),
                PARENTS_ELSEWHERE_SHARE.number(f),
                MAX_DECISION_AGE_YEARS.integer(f),
                RETIREMENT_AGE_YEARS.integer(f));
        if (p.retirementAgeYears <= p.maxDecisionAgeYears) {
            f.problems().add(f.path() + ".retirementAgeYears", "must be above maxDecisionAgeYears " + p.maxDecisionAgeYears);
        }
        return p;
    }
}
