package kz.kosh.scenario;

/**
 * Country-level indices of Kazakhstan on the destinations' scales, used for every region (no
 * regional breakdown was compiled).
 */
public record KazakhstanIndices(double livingStandardIndex, double safetyIndex, double corruptionIndex,
                                double studyQualityIndex) {
    static KazakhstanIndices read(Fields f) {
        return new KazakhstanIndices(
                f.num("livingStandardIndex", 0, 1),
                f.num("safetyIndex", 0, 1),
                f.num("corruptionIndex", 0, 1),
                f.num("studyQualityIndex", 0, 1));
    }
}
