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
    static DestinationData read(Fields f, String id) {
        String group = f.text("group");
        List<String> groups = DefaultTables.destinationGroups();
        if (!group.isEmpty() && !groups.contains(group)) {
            f.problems().add(f.path() + ".group", "unknown group '" + group + "'; allowed: " + groups);
        }
        return new DestinationData(id,
                f.text("name"),
                group,
                f.text("repCity"),
                f.num("repLat", -90, 90),
                f.num("repLon", -180, 180),
                f.num("wageKztPerMonth", 1, 1e9),
                f.text("wageBasis"),
                f.num("employmentProbability", 0.01, 1),
                f.num("languageProximity", 0, 1),
                f.num("diasporaThousands", 0, 1e5),
                f.num("studentsEnrolled2022", 0, 1e7),
                f.num("mobility2024", 0, 1e6),
                f.num("studyAccess", 0, 1),
                f.num("workAccess", 0, 1),
                f.num("postStudyWorkYears", 0, 20),
                f.num("livingStandardIndex", 0, 1),
                f.num("safetyIndex", 0, 1),
                f.num("corruptionIndex", 0, 1),
                f.num("studyQualityIndex", 0, 1),
                f.num("studyScholarshipIndex", 0, 1),
                f.num("careerIndex", 0, 1));
    }
}
