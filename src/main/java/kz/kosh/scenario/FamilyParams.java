package kz.kosh.scenario;

import java.util.List;

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

    /** The group's YAML path. */
    static final String G = "family";
    public static final Param PARTNERSHIP_RATE_PER_YEAR = Param.num(G, "partnershipRatePerYear", 0, 1, "probability per year",
            "assumption: about half of single graduates partner within 5-6 years inside the age window; no "
                    + "marriage statistics compiled");
    public static final Param PARTNERSHIP_MIN_AGE_YEARS = Param.whole(G, "partnershipMinAgeYears", 15, 80, "years of age",
            "assumption: after a 4-year bachelor's from entry at 18");
    public static final Param PARTNERSHIP_MAX_AGE_YEARS = Param.whole(G, "partnershipMaxAgeYears", 15, 80, "years of age",
            "assumption: upper end of the 29-35 age band of [N24]");
    public static final Param PARTNER_FOLLOWS_MALE_MOVER = Param.num(G, "partnerFollowsMaleMover", 0, 1, "probability",
            "assumption: women often follow a spouse abroad [B22]");
    public static final Param PARTNER_FOLLOWS_FEMALE_MOVER = Param.num(G, "partnerFollowsFemaleMover", 0, 1, "probability",
            "assumption: gender norms make men less likely to follow a partner [B22]");
    public static final Param PARTNER_JOIN_RATE_PER_YEAR = Param.num(G, "partnerJoinRatePerYear", 0, 1, "probability per year",
            "assumption: couples living apart reunite within about 3 years on average");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(PARTNERSHIP_RATE_PER_YEAR, PARTNERSHIP_MIN_AGE_YEARS, PARTNERSHIP_MAX_AGE_YEARS, PARTNER_FOLLOWS_MALE_MOVER, PARTNER_FOLLOWS_FEMALE_MOVER, PARTNER_JOIN_RATE_PER_YEAR);

    static FamilyParams read(Fields f) {
        FamilyParams p = new FamilyParams(
                PARTNERSHIP_RATE_PER_YEAR.number(f),
                PARTNERSHIP_MIN_AGE_YEARS.integer(f),
                PARTNERSHIP_MAX_AGE_YEARS.integer(f),
                PARTNER_FOLLOWS_MALE_MOVER.number(f),
                PARTNER_FOLLOWS_FEMALE_MOVER.number(f),
                PARTNER_JOIN_RATE_PER_YEAR.number(f));
        if (p.partnershipMaxAgeYears < p.partnershipMinAgeYears) {
            f.problems().add(f.path() + ".partnershipMaxAgeYears", "must not be below partnershipMinAgeYears");
        }
        return p;
    }
}
