package kz.kosh.scenario;

import java.util.List;

/**
 * A foreign destination. Defaults come from {@code kz/kosh/data/destinations.csv}; sources per
 * column are in docs/data-sources.md.
 *
 * @param id                     short code, e.g. RU, GB, EU (rest of Europe), ROW (rest of world)
 * @param name                   English name
 * @param group                  region group, one of the built-in table's (CIS, Europe, NorthAmerica, Asia, Other);
 *                               state-funded academic mobility is split by group
 * @param repCity                representative city (where distances are measured to)
 * @param repLat                 latitude of the representative city, degrees
 * @param repLon                 longitude of the representative city, degrees
 * @param wageKztPerMonth        graduate-level monthly wage converted to KZT at Kazakhstan's price level (PPP)
 * @param wageBasis              what the wage figure is and how it was converted
 * @param employmentProbability  probability that a Kazakhstani graduate there is employed
 * @param languageProximity      0..1, 1 = works in Kazakh or Russian
 * @param diasporaThousands      initial stock of people from Kazakhstan living there, thousands; a timeline
 *                               change shifts the current stock by the difference
 * @param studentsEnrolled2022   Kazakhstani students enrolled there in 2022 (calibration target of
 *                               calibrate-study; refused in timeline entries)
 * @param mobility2024           academic-mobility participants sent there in 2024 (sets mobility destination shares)
 * @param studyAccess            probability that a study visa/place is obtainable, 0..1 (0 closes study)
 * @param workAccess             probability that a work permit is obtainable, 0..1 (0 closes work migration)
 * @param postStudyWorkYears     years of work right for graduates of the country's universities
 * @param livingStandardIndex    0..1
 * @param safetyIndex            0..1
 * @param corruptionIndex        0..1 (1 = most corrupt)
 * @param studyQualityIndex      0..1
 * @param studyScholarshipIndex  0..1 availability of free places for Kazakhstani students
 * @param careerIndex            0..1 graduate career opportunities (regions' scale: Almaty, Astana = 1)
 */
public record DestinationData(String id, String name, String group, String repCity, double repLat, double repLon,
                              double wageKztPerMonth, String wageBasis, double employmentProbability,
                              double languageProximity, double diasporaThousands, double studentsEnrolled2022,
                              double mobility2024, double studyAccess, double workAccess, double postStudyWorkYears,
                              double livingStandardIndex, double safetyIndex, double corruptionIndex,
                              double studyQualityIndex, double studyScholarshipIndex, double careerIndex) {

    /** The group's YAML path. */
    static final String G = "destinations.<id>";
    public static final Param GROUP = Param.text(G, "group", "one of the destination groups of the built-in table",
            "column group of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param NAME = Param.text(G, "name", "text (English name)",
            "column name of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param REP_CITY = Param.text(G, "repCity", "text (representative city)",
            "column repCity of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param REP_LAT = Param.num(G, "repLat", -90, 90, "degrees of latitude",
            "column repLat of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param REP_LON = Param.num(G, "repLon", -180, 180, "degrees of longitude",
            "column repLon of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param WAGE_KZT_PER_MONTH = Param.num(G, "wageKztPerMonth", 1, 1e9, "KZT per month at Kazakhstan's price level (PPP)",
            "column wageKztPerMonth of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param WAGE_BASIS = Param.text(G, "wageBasis", "text (what the wage figure is)",
            "column wageBasis of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param EMPLOYMENT_PROBABILITY = Param.num(G, "employmentProbability", 0.01, 1, "probability",
            "column employmentProbability of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param LANGUAGE_PROXIMITY = Param.num(G, "languageProximity", 0, 1, "index 0..1 (1 = works in Kazakh or Russian)",
            "column languageProximity of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param DIASPORA_THOUSANDS = Param.num(G, "diasporaThousands", 0, 1e5, "thousand persons",
            "column diasporaThousands of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param STUDENTS_ENROLLED2022 = Param.num(G, "studentsEnrolled2022", 0, 1e7, "persons (Kazakhstani students, 2022)",
            "column studentsEnrolled2022 of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param MOBILITY2024 = Param.num(G, "mobility2024", 0, 1e6, "persons (academic-mobility participants sent, 2024)",
            "column mobility2024 of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param STUDY_ACCESS = Param.num(G, "studyAccess", 0, 1, "probability 0..1",
            "column studyAccess of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param WORK_ACCESS = Param.num(G, "workAccess", 0, 1, "probability 0..1",
            "column workAccess of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param POST_STUDY_WORK_YEARS = Param.num(G, "postStudyWorkYears", 0, 20, "years",
            "column postStudyWorkYears of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param LIVING_STANDARD_INDEX = Param.num(G, "livingStandardIndex", 0, 1, "index 0..1",
            "column livingStandardIndex of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param SAFETY_INDEX = Param.num(G, "safetyIndex", 0, 1, "index 0..1",
            "column safetyIndex of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param CORRUPTION_INDEX = Param.num(G, "corruptionIndex", 0, 1, "index 0..1 (1 = most corrupt)",
            "column corruptionIndex of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    public static final Param STUDY_QUALITY_INDEX = Param.num(G, "studyQualityIndex", 0, 1, "index 0..1",
            "column studyQualityIndex of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param STUDY_SCHOLARSHIP_INDEX = Param.num(G, "studyScholarshipIndex", 0, 1, "index 0..1",
            "column studyScholarshipIndex of kz/kosh/data/destinations.csv; sources per column in "
                    + "docs/data-sources.md");
    public static final Param CAREER_INDEX = Param.num(G, "careerIndex", 0, 1, "index 0..1 (regions' scale: Almaty, Astana = 1)",
            "column careerIndex of kz/kosh/data/destinations.csv; sources per column in docs/data-sources.md");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(GROUP, NAME, REP_CITY, REP_LAT, REP_LON, WAGE_KZT_PER_MONTH, WAGE_BASIS, EMPLOYMENT_PROBABILITY, LANGUAGE_PROXIMITY, DIASPORA_THOUSANDS, STUDENTS_ENROLLED2022, MOBILITY2024, STUDY_ACCESS, WORK_ACCESS, POST_STUDY_WORK_YEARS, LIVING_STANDARD_INDEX, SAFETY_INDEX, CORRUPTION_INDEX, STUDY_QUALITY_INDEX, STUDY_SCHOLARSHIP_INDEX, CAREER_INDEX);

    static DestinationData read(Fields f, String id) {
        String group = GROUP.text(f);
        List<String> groups = DefaultTables.destinationGroups();
        if (!group.isEmpty() && !groups.contains(group)) {
            f.problems().add(f.path() + ".group", "unknown group '" + group + "'; allowed: " + groups);
        }
        return new DestinationData(id,
                NAME.text(f),
                group,
                REP_CITY.text(f),
                REP_LAT.number(f),
                REP_LON.number(f),
                WAGE_KZT_PER_MONTH.number(f),
                WAGE_BASIS.text(f),
                EMPLOYMENT_PROBABILITY.number(f),
                LANGUAGE_PROXIMITY.number(f),
                DIASPORA_THOUSANDS.number(f),
                STUDENTS_ENROLLED2022.number(f),
                MOBILITY2024.number(f),
                STUDY_ACCESS.number(f),
                WORK_ACCESS.number(f),
                POST_STUDY_WORK_YEARS.number(f),
                LIVING_STANDARD_INDEX.number(f),
                SAFETY_INDEX.number(f),
                CORRUPTION_INDEX.number(f),
                STUDY_QUALITY_INDEX.number(f),
                STUDY_SCHOLARSHIP_INDEX.number(f),
                CAREER_INDEX.number(f));
    }

    /**
     * The safety index of destination {@code id} in the built-in table (kz/kosh/data/destinations.csv, the
     * state of 2022-2023 to which the study constants are fitted); NaN for a destination the table does not
     * hold.
     */
    public static double builtInSafetyIndex(String id) {
        return DefaultTables.destinationNumber(id, "safetyIndex");
    }
}
