package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.world.World;

/**
 * The personal bonuses of the location choice in utility, pure functions of the world and the
 * weights: what differs between agents of one {@linkplain AgentKind kind} and is added per agent at
 * a few places (kz.kosh.sim.Rules turns them into factor tables): the tie to the home region and
 * its weakening abroad, the obstacles a return home or a move to a familiar foreign place does not
 * face, and the status-quo inertia not yet built at a place lived at for a few years. The utility
 * of the kinds' tables is {@link LocationUtility}.
 */
public final class PersonalBonuses {
    private PersonalBonuses() {
    }

    /**
     * The obstacles that a return to the agent's own home region h does not face, in utility,
     * added to the agent's home-region bonus:
     * <pre>
     *   r_ch = (1 − s_home)·(β_border·ρ + β_dist·ln(1 + d_ch / 100 km))   c abroad
     *   r_ch = (1 − s_int)·β_dist·ln(1 + d_ch / 100 km)                   c another region of Kazakhstan
     *   r_ch = 0                                                          c = h
     * </pre>
     * with s_home = {@code homeReturnObstacleShare}, s_int = {@code internalHomeReturnObstacleShare}
     * and ρ the return share of the border penalty ({@link LocationUtility#borderTerm}). The tables charge every
     * move to h with the full intervening obstacles; a return home is not a move into the unknown
     * (family, housing and networks are there: "even under equal conditions I will return" [B22];
     * graduates return home for family ties [AI25]; location-specific capital and known conditions
     * make return moves cheaper than onward moves, DaVanzo 1980), so only the share s of them is
     * kept. Money costs (M_ch) stay. The two shares are apart because the internal moves (and the
     * regional patterns of the calibration targets: net gainers, oil-region retention, northern
     * retention, the relocated who went back) identify s_int, the stay rates abroad and Bolashak
     * non-return s_home; s_int = 1 is the structure before (a move home from another region kept its
     * whole distance term).
     */
    public static double homeReturnRelief(World world, DecisionParams d, int c, int home) {
        if (c == home) {
            return 0.0;
        }
        double distance = d.distancePenalty() * Math.log1p(world.distanceKm(c, home) / 100.0);
        if (!world.isAbroad(c)) {
            return (1.0 - d.internalHomeReturnObstacleShare()) * distance;
        }
        return (1.0 - d.homeReturnObstacleShare()) * (LocationUtility.borderTerm(world, d, c, home) + distance);
    }

    /**
     * The obstacles that a move from c to a foreign place f where the agent has lived (its exposure:
     * the host of its academic-mobility semester or its place of study) does not face, in utility,
     * added to the familiar-place bonus β_exp at f:
     * <pre>
     *   r_cf = (1 − s_exp)·(β_border·[country(f) ≠ country(c)] + β_dist·ln(1 + d_cf / 100 km) + β_lang·(1 − λ_f))
     *                                                             f ≠ c;  0 for f = c
     * </pre>
     * with s_exp = {@code exposureObstacleShare}. A place one has lived in is not a move into the
     * unknown (as a return home, {@link #homeReturnRelief}): contacts, the language and the
     * procedures are known. This is the staying-abroad channel of academic-mobility participants,
     * who are back home when they graduate: 17-33% of international students change status to stay
     * at the end of study (OECD, stay_rates.csv T21), and prior experience abroad raises the
     * likelihood of emigrating (Bokayev 2023 in [N24]). Money costs (M_cf) stay.
     */
    public static double exposureRelief(World world, DecisionParams d, int c, int f) {
        if (c == f || f < 0 || !world.isAbroad(f)) {
            return 0.0;
        }
        return (1.0 - d.exposureObstacleShare()) * (LocationUtility.borderTerm(world, d, c, f)
                + d.distancePenalty() * Math.log1p(world.distanceKm(c, f) / 100.0)
                + d.languageDistancePenalty() * (1.0 - world.languageProximity(f)));
    }

    /**
     * The part of the status-quo inertia β_stay that an agent who has lived y years abroad has not
     * yet built at its foreign place, in utility (a negative bonus at the current foreign place):
     * <pre>
     *   a(y) = −β_stay·2^(−y/τ_a)          τ_a = abroadAttachmentHalfLifeYears
     * </pre>
     * so the inertia abroad is β_stay·(1 − 2^(−y/τ_a)): attachment to the place abroad grows with
     * the years lived there (OECD: 43-64% of the 2015 entry cohort of international students still
     * held a permit after 5 years, 11-45% of the 2010 cohort after 10, so leaving goes on for
     * years after study; IMO 2022, Kamm and Liebig). A partner there adds the partner bonus.
     */
    public static double abroadAttachmentDeficit(DecisionParams d, int yearsAbroad) {
        return -d.stayBonus() * Math.pow(2.0, -yearsAbroad / d.abroadAttachmentHalfLifeYears());
    }

    /**
     * The part of the status-quo inertia β_stay that an agent who has lived y years at a region of
     * Kazakhstan (since its last change of location) has not yet built there, in utility (a negative
     * bonus at the current region):
     * <pre>
     *   a_KZ(y) = −β_stay·2^(−y/τ_p)    τ_p = placeAttachmentHalfLifeYears &gt; 0;   0 for τ_p = 0
     * </pre>
     * so the inertia at the region is β_stay·(1 − 2^(−y/τ_p)): cumulative inertia (McGinnis 1968;
     * recent movers move again, back or on, far more often than settled people: DaVanzo 1980,
     * Fischer and Malmberg 2001). τ_p = 0 is the structure before (the whole inertia from the first
     * year). A decision sees y ≥ 1 after a move (the year's update counts the year of the move).
     */
    public static double placeAttachmentDeficit(DecisionParams d, int yearsAtPlace) {
        double tau = d.placeAttachmentHalfLifeYears();
        return tau == 0.0 ? 0.0 : -d.stayBonus() * Math.pow(2.0, -yearsAtPlace / tau);
    }

    /**
     * The home-region bonus of an agent with home-attachment level k (of K) after y years
     * abroad, utility:
     * <pre>
     *   b_home(k, y) = (β_home + σ_home·z_k)·2^(−y/τ)      z_k = Φ^−1((k + 0.5)/K)
     * </pre>
     * σ_home = {@code homeRegionBonusSdAcrossAgents} (a random coefficient drawn per agent, so
     * that intentions and returns spread instead of moving as one), τ = homeTieHalfLifeYearsAbroad.
     */
    public static double homeBonus(DecisionParams d, int level, int levels, int yearsAbroad) {
        return homeBonusOfQuantile(d, normalQuantileMidpoint(level, levels), yearsAbroad);
    }

    /** {@link #homeBonus} with z_k given (the quantile is the costly part: once per level, not per year abroad). */
    public static double homeBonusOfQuantile(DecisionParams d, double z, int yearsAbroad) {
        return (d.homeRegionBonus() + d.homeRegionBonusSdAcrossAgents() * z)
                * Math.pow(2.0, -yearsAbroad / d.homeTieHalfLifeYearsAbroad());
    }

    /** z_k = Φ^−1((k + 0.5)/K), the midpoint quantile of the standard normal (Commons Math). */
    public static double normalQuantileMidpoint(int k, int levels) {
        if (k < 0 || k >= levels) {
            throw new IllegalArgumentException("level " + k + " outside 0-" + (levels - 1));
        }
        return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability((k + 0.5) / levels);
    }
}
