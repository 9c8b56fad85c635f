package kz.kosh.scenario;

import java.util.List;

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

    /** The group's YAML path. */
    static final String G = "humanCapital";
    public static final Param MASTER_PREMIUM = Param.num(G, "masterPremium", 0.5, 3, "human capital h (new bachelor = 1.0)",
            "assumption: wage premium of a master's over a bachelor's degree (approx., not verified here); Becker"
                    + " human capital [K, N24]");
    public static final Param PHD_PREMIUM = Param.num(G, "phdPremium", 0.5, 4, "human capital h (new bachelor = 1.0)",
            "assumption: wage premium of a PhD over a bachelor's degree (approx., not verified here); Becker "
                    + "human capital [K, N24]");
    public static final Param GROWTH_PER_YEAR = Param.num(G, "growthPerYear", 0, 0.2, "relative growth per year",
            "assumption: a specialist's value grows with years of experience (Becker, in [K] and [N24]); 2% a "
                    + "year is a modest return to experience");
    public static final Param BRAIN_WASTE_DECAY_PER_YEAR = Param.num(G, "brainWasteDecayPerYear", 0, 0.5, "relative loss per year",
            "assumption: brain waste, a migrant working below qualification loses skill [K]");
    public static final Param BRAIN_WASTE_PROBABILITY_FOREIGN_DEGREE = Param.num(G, "brainWasteProbabilityForeignDegree", 0, 1, "probability, scaled by (1 - language proximity)",
            "assumption: failed job searches and fear of wasted qualifications [B22]; brain waste [K]");
    public static final Param BRAIN_WASTE_PROBABILITY_LOCAL_DEGREE = Param.num(G, "brainWasteProbabilityLocalDegree", 0, 1, "probability",
            "assumption: a degree from the host country eases recognition; Russia gives graduates of its "
                    + "universities priority for jobs [B22]");
    public static final Param BRAIN_WASTE_EXIT_RATE_PER_YEAR = Param.num(G, "brainWasteExitRatePerYear", 0, 1, "probability per year",
            "assumption: about 5 years on average below qualification before moving up");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(MASTER_PREMIUM, PHD_PREMIUM, GROWTH_PER_YEAR, BRAIN_WASTE_DECAY_PER_YEAR, BRAIN_WASTE_PROBABILITY_FOREIGN_DEGREE, BRAIN_WASTE_PROBABILITY_LOCAL_DEGREE, BRAIN_WASTE_EXIT_RATE_PER_YEAR);

    static HumanCapitalParams read(Fields f) {
        return new HumanCapitalParams(
                MASTER_PREMIUM.number(f),
                PHD_PREMIUM.number(f),
                GROWTH_PER_YEAR.number(f),
                BRAIN_WASTE_DECAY_PER_YEAR.number(f),
                BRAIN_WASTE_PROBABILITY_FOREIGN_DEGREE.number(f),
                BRAIN_WASTE_PROBABILITY_LOCAL_DEGREE.number(f),
                BRAIN_WASTE_EXIT_RATE_PER_YEAR.number(f));
    }
}
