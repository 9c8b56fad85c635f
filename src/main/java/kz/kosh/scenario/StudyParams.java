package kz.kosh.scenario;

import java.util.Map;

/**
 * Where students study and for how long. The study-choice utility of place j for an entrant
 * from home region h is
 * <pre>
 *   V_hj = homeBonus·[j=h] + universitiesWeight·ln(universities_j)        (regions)
 *        + destinationConstant_j + qualityWeight·studyQuality_j
 *        + scholarshipWeight·scholarship_j + russiaBorderBonus·[j=RU and h borders Russia]
 *        + languageWeight·languageProximity_j                               (destinations)
 *        − costWeight·ln(studyCost_j,t)                                     (destinations)
 *        + careerWeight·career_j + safetyWeight·safety_j − distanceWeight·ln(1 + d_hj/100 km) + ln(studyAccess_j)
 * </pre>
 * and the choice is a nested logit: the regions of Kazakhstan, the CIS destinations and the other
 * destinations, the two foreign nests with dissimilarity {@code foreignNestScale}
 * ({@code kz.kosh.decision.StudyChoice}).
 *
 * <p>{@code stateFundedPlacesPerYear}: a host's state-funded (tuition-free) study places open to
 * Kazakhstani entrants each year, persons, by destination id (Russia's federal-budget places and
 * its government quota). For a destination listed, the scholarship index scholarship_j,t is the
 * chance of such a place, min(1, places / last year's entrants from Kazakhstan)
 * ({@code kz.kosh.world.World#fundedShare}); the others keep the table's index.
 */
public record StudyParams(int bachelorYears, int masterYears, int phdYears,
                          double masterContinuationRate, double phdContinuationRate,
                          double homeBonus, double universitiesWeight, double distanceWeight,
                          double languageWeight, double qualityWeight, double scholarshipWeight,
                          double russiaBorderBonus, double careerWeight,
                          Map<String, Double> destinationConstants,
                          double costWeight, double safetyWeight, double foreignNestScale,
                          Map<String, Double> stateFundedPlacesPerYear) {
    static StudyParams read(Fields f, java.util.List<String> destinationIds) {
        return new StudyParams(
                f.integer("bachelorYears", 1, 8),
                f.integer("masterYears", 1, 4),
                f.integer("phdYears", 1, 8),
                f.num("masterContinuationRate", 0, 1),
                f.num("phdContinuationRate", 0, 1),
                f.num("homeBonus", -20, 20),
                f.num("universitiesWeight", -20, 20),
                f.num("distanceWeight", -20, 20),
                f.num("languageWeight", -20, 20),
                f.num("qualityWeight", -20, 20),
                f.num("scholarshipWeight", -20, 20),
                f.num("russiaBorderBonus", -20, 20),
                f.num("careerWeight", -20, 20),
                java.util.Collections.unmodifiableMap(f.numbersById("destinationConstants", destinationIds, -30, 30)),
                f.num("costWeight", -20, 20),
                f.num("safetyWeight", -20, 20),
                f.num("foreignNestScale", 0.05, 1),
                java.util.Collections.unmodifiableMap(f.numbersById("stateFundedPlacesPerYear", destinationIds, 0, 1e7)));
    }

    /** The same parameters with other destination constants. */
    public StudyParams withDestinationConstants(Map<String, Double> constants) {
        return new StudyParams(bachelorYears, masterYears, phdYears, masterContinuationRate, phdContinuationRate,
                homeBonus, universitiesWeight, distanceWeight, languageWeight, qualityWeight, scholarshipWeight,
                russiaBorderBonus, careerWeight, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants)),
                costWeight, safetyWeight, foreignNestScale, stateFundedPlacesPerYear);
    }

    /** State-funded study places per year for Kazakhstani entrants at a destination, persons; 0 when not listed (no quota modelled). */
    public double stateFundedPlaces(String id) {
        return stateFundedPlacesPerYear.getOrDefault(id, 0.0);
    }

    /** Calibrated constant of a destination; 0 when not given. */
    public double destinationConstant(String id) {
        return destinationConstants.getOrDefault(id, 0.0);
    }
}
