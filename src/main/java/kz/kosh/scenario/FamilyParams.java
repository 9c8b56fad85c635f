package kz.kosh.scenario;

/**
 * Partnership and family-following.
 *
 * @param partnershipRatePerYear     yearly probability that a single graduate in the age window forms a partnership
 *                                   (the partner lives where the agent lives then)
 * @param partnershipMinAgeYears     youngest age at which partnerships form
 * @param partnershipMaxAgeYears     oldest age at which partnerships form
 * @param partnerFollowsMaleMover    probability that the partner of a man who moves follows him
 * @param partnerFollowsFemaleMover  probability that the partner of a woman who moves follows her
 * @param partnerJoinRatePerYear     yearly probability that a partner living elsewhere joins the agent
 */
public record FamilyParams(double partnershipRatePerYear, int partnershipMinAgeYears, int partnershipMaxAgeYears,
                           double partnerFollowsMaleMover, double partnerFollowsFemaleMover,
                           double partnerJoinRatePerYear) {
    static FamilyParams read(Fields f) {
        FamilyParams p = new FamilyParams(
                f.num("partnershipRatePerYear", 0, 1),
                f.integer("partnershipMinAgeYears", 15, 80),
                f.integer("partnershipMaxAgeYears", 15, 80),
                f.num("partnerFollowsMaleMover", 0, 1),
                f.num("partnerFollowsFemaleMover", 0, 1),
                f.num("partnerJoinRatePerYear", 0, 1));
        if (p.partnershipMaxAgeYears < p.partnershipMinAgeYears) {
            f.problems().add(f.path() + ".partnershipMaxAgeYears", "must not be below partnershipMinAgeYears");
        }
        return p;
    }
}
