package kz.kosh.scenario;

/**
 * Coefficients of the graduates' location choice (see {@code kz.kosh.decision.LocationUtility}
 * for the formula each enters). Age-dependent weights are given per age band:
 * under 23, 23–28, 29–35, 36 and over.
 *
 * @param discountRatePerYear        Sjaastad discount rate of future income
 * @param localPriceShare            share of spending at local prices, scaling a region's cost-of-living index
 * @param incomeWeight               utility per unit of ln(discounted net income), per age band
 * @param livingStandardWeight       per unit of the living-standard index, per age band
 * @param careerWeight               per unit of the career index, per age band
 * @param safetyWeight               per unit of the safety index
 * @param corruptionWeight           per unit of the corruption index (a push: enters negatively)
 * @param ecologyWeight              per unit of the ecology index (regions) 
 * @param networkWeight              per unit of ln(1 + diaspora in thousands)
 * @param homeRegionBonus            bonus of the home region (where the agent left school), before any years abroad
 * @param homeTieHalfLifeYearsAbroad years abroad after which the home-region bonus has halved
 * @param parentsRegionBonus         bonus of the parents' region
 * @param partnerBonusMale           bonus of the partner's location for a man
 * @param partnerBonusFemale         bonus of the partner's location for a woman
 * @param stayBonus                  status-quo inertia: bonus of the current location
 * @param exposureBonus              bonus of a foreign place where the agent studied or spent a mobility semester
 * @param borderCrossingPenalty      psychic cost of moving between countries (utility)
 * @param distancePenalty            per unit of ln(1 + d/100 km) of a move's great-circle distance (gravity)
 * @param languageDistancePenalty    per unit of (1 − language proximity) of a foreign place
 * @param movingCostFixedKzt         one-time money cost of any move, KZT
 * @param movingCostPerKmKzt         one-time money cost per km of great-circle distance, KZT/km
 * @param internationalMovingCostKzt one-time extra money cost of an international move (visa, deposit), KZT
 * @param incomeFloorKzt             floor of discounted net income inside the logarithm, KZT
 * @param considerationConstant      logit constant of considering a move this year
 * @param considerationGainWeight    weight of the log-sum gain of moving in the consideration logit
 * @param followThroughInternal      probability that a graduate who intends an internal move makes it
 * @param followThroughAbroad        probability that a graduate who intends (and may make) an international move makes it
 * @param domesticNestScale          dissimilarity λ_D of the nest of other regions of Kazakhstan in the nested logit, (0, 1]
 * @param abroadNestScale            dissimilarity λ_A of the nest of foreign places in the nested logit, (0, 1]
 * @param returnObstacleShare        share of the border-crossing penalty that a move from abroad back to Kazakhstan faces, 0..1
 * @param homeReturnObstacleShare    share of the border and distance obstacles (utility) that a return from abroad to one's own home region
 *                                   faces, 0..1 (0: none, returning home is not a move into the unknown)
 * @param abroadAttachmentHalfLifeYears years lived abroad after which half of the status-quo inertia of the foreign place is built
 * @param homeRegionBonusSdAcrossAgents standard deviation across agents of the home-region bonus (a random coefficient
 *                                   drawn per agent at entry), utility
 * @param exposureObstacleShare      share of the border, distance and language obstacles that a move to a foreign place where
 *                                   the agent has lived (mobility host, place of study) faces, 0..1 (1: all, a move into the unknown)
 * @param incomeWeightScale          multiplies {@code incomeWeight} of every age band (the age profile is kept, its level
 *                                   is a free parameter of the calibration; 1: as given)
 * @param movingCostScale            multiplies the money costs of a move (movingCostFixedKzt, movingCostPerKmKzt,
 *                                   internationalMovingCostKzt; 1: as given)
 */
public record DecisionParams(double discountRatePerYear, double localPriceShare, double[] incomeWeight,
                             double[] livingStandardWeight, double[] careerWeight, double safetyWeight,
                             double corruptionWeight, double ecologyWeight, double networkWeight,
                             double homeRegionBonus, double homeTieHalfLifeYearsAbroad, double parentsRegionBonus, double partnerBonusMale,
                             double partnerBonusFemale, double stayBonus, double exposureBonus,
                             double borderCrossingPenalty, double distancePenalty, double languageDistancePenalty,
                             double movingCostFixedKzt, double movingCostPerKmKzt, double internationalMovingCostKzt,
                             double incomeFloorKzt, double considerationConstant, double considerationGainWeight,
                             double followThroughInternal, double followThroughAbroad,
                             double domesticNestScale, double abroadNestScale, double returnObstacleShare,
                             double homeReturnObstacleShare, double abroadAttachmentHalfLifeYears,
                             double homeRegionBonusSdAcrossAgents, double exposureObstacleShare, double incomeWeightScale, double movingCostScale) {
    public DecisionParams {
        incomeWeight = incomeWeight.clone();
        livingStandardWeight = livingStandardWeight.clone();
        careerWeight = careerWeight.clone();
    }

    /** A copy of the income weights per age band. */
    @Override
    public double[] incomeWeight() {
        return incomeWeight.clone();
    }

    /** A copy of the living-standard weights per age band. */
    @Override
    public double[] livingStandardWeight() {
        return livingStandardWeight.clone();
    }

    /** A copy of the career weights per age band. */
    @Override
    public double[] careerWeight() {
        return careerWeight.clone();
    }

    /** Number of age bands of the age-dependent weights. */
    public static final int AGE_BANDS = 4;

    /** Age band of an age in years: 0 under 23, 1 for 23–28, 2 for 29–35, 3 from 36. */
    public static int ageBand(int ageYears) {
        return ageYears < 23 ? 0 : ageYears <= 28 ? 1 : ageYears <= 35 ? 2 : 3;
    }

    static DecisionParams read(Fields f) {
        return new DecisionParams(
                f.num("discountRatePerYear", 0, 0.5),
                f.num("localPriceShare", 0, 1),
                f.nums("incomeWeight", AGE_BANDS, 0, 50),
                f.nums("livingStandardWeight", AGE_BANDS, -50, 50),
                f.nums("careerWeight", AGE_BANDS, -50, 50),
                f.num("safetyWeight", -50, 50),
                f.num("corruptionWeight", -50, 50),
                f.num("ecologyWeight", -50, 50),
                f.num("networkWeight", -50, 50),
                f.num("homeRegionBonus", -50, 50),
                f.num("homeTieHalfLifeYearsAbroad", 0.5, 1000),
                f.num("parentsRegionBonus", -50, 50),
                f.num("partnerBonusMale", -50, 50),
                f.num("partnerBonusFemale", -50, 50),
                f.num("stayBonus", -50, 50),
                f.num("exposureBonus", -50, 50),
                f.num("borderCrossingPenalty", -50, 50),
                f.num("distancePenalty", -50, 50),
                f.num("languageDistancePenalty", -50, 50),
                f.num("movingCostFixedKzt", 0, 1e9),
                f.num("movingCostPerKmKzt", 0, 1e6),
                f.num("internationalMovingCostKzt", 0, 1e9),
                f.num("incomeFloorKzt", 1, 1e12),
                f.num("considerationConstant", -50, 50),
                f.num("considerationGainWeight", -50, 50),
                f.num("followThroughInternal", 0, 1),
                f.num("followThroughAbroad", 0, 1),
                f.num("domesticNestScale", 0.05, 1),
                f.num("abroadNestScale", 0.05, 1),
                f.num("returnObstacleShare", 0, 1),
                f.num("homeReturnObstacleShare", 0, 1),
                f.num("abroadAttachmentHalfLifeYears", 0.1, 1000),
                f.num("homeRegionBonusSdAcrossAgents", 0, 20),
                f.num("exposureObstacleShare", 0, 1),
                f.num("incomeWeightScale", 0, 20),
                f.num("movingCostScale", 0, 100));
    }
}
