package kz.kosh.scenario;

/**
 * Becker human capital h (1.0 = a new bachelor) that scales the wage an agent can earn.
 *
 * @param masterPremium                   h of a new master's graduate
 * @param phdPremium                      h of a new PhD
 * @param growthPerYear                   relative growth of h per year of work at one's qualification
 * @param brainWasteDecayPerYear          relative loss of h per year working below qualification abroad
 * @param brainWasteProbabilityForeignDegree probability that a graduate arriving abroad without a degree
 *                                        from that country works below qualification, scaled by (1 − language proximity)
 * @param brainWasteProbabilityLocalDegree  the same for graduates holding a degree from that country
 * @param brainWasteExitRatePerYear       yearly probability of moving up to a job at one's qualification
 */
public record HumanCapitalParams(double masterPremium, double phdPremium, double growthPerYear,
                                 double brainWasteDecayPerYear, double brainWasteProbabilityForeignDegree,
                                 double brainWasteProbabilityLocalDegree, double brainWasteExitRatePerYear) {
    static HumanCapitalParams read(Fields f) {
        return new HumanCapitalParams(
                f.num("masterPremium", 0.5, 3),
                f.num("phdPremium", 0.5, 4),
                f.num("growthPerYear", 0, 0.2),
                f.num("brainWasteDecayPerYear", 0, 0.5),
                f.num("brainWasteProbabilityForeignDegree", 0, 1),
                f.num("brainWasteProbabilityLocalDegree", 0, 1),
                f.num("brainWasteExitRatePerYear", 0, 1));
    }
}
