package kz.kosh.scenario;

import java.util.List;

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
 * @param russianNetworkBonus        kin-state network bonus of Russia for a graduate of Russian ethnicity, utility
 * @param germanNetworkBonus         kin-state network bonus of Germany for a graduate of German ethnicity, utility
 * @param oneTimeMoneyWeight         utility per year of income at the current place of the one-time money of a move
 *                                   (subsidies and payments received, moving costs and repayments paid), beside its
 *                                   share of lifetime income in the log-NPV term (0: only that share)
 * @param familyEmigrationElasticity ω: a graduate living in Kazakhstan gets ω·ln F_g(j)(t) at foreign place j
 *                                   (F_g(t) the family-emigration index of the emigrants to Russia or to every other country, {@code kz.kosh.world.FamilyEmigration}),
 *                                   so the odds of emigrating scale as F_e(t)^ω; 0: emigration does not follow families leaving
 * @param internalHomeReturnObstacleShare share of the distance obstacle (utility) that a move from another region of Kazakhstan
 *                                   back to one's own home region faces, 0..1 (1: all, as a move into the unknown)
 * @param placeAttachmentHalfLifeYears years lived at a region of Kazakhstan after which half of the status-quo inertia
 *                                   is built there (0: all of it at once, no cumulative inertia)
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
                             double homeRegionBonusSdAcrossAgents, double exposureObstacleShare, double incomeWeightScale, double movingCostScale,
                             double russianNetworkBonus, double germanNetworkBonus, double oneTimeMoneyWeight,
                             double familyEmigrationElasticity, double internalHomeReturnObstacleShare,
                             double placeAttachmentHalfLifeYears) {

    /** The group's YAML path. */
    static final String G = "decision";
    public static final Param DISCOUNT_RATE_PER_YEAR = Param.num(G, "discountRatePerYear", 0, 0.5, "per year",
            "assumption: conventional real discount rate of future income in the Sjaastad human-capital migration"
                    + " model (Becker human capital [K])");
    public static final Param LOCAL_PRICE_SHARE = Param.num(G, "localPriceShare", 0, 1, "share of spending",
            "assumption: roughly the share of spending on housing and local services; scales the cost-of-living "
                    + "index (Almaty 190%, Astana 240% of the national average [AI25]) so city prices dampen but do not "
                    + "erase city wages, as western graduates returning to oil regions show [AI25]");
    public static final Param INCOME_WEIGHT = Param.list(G, "incomeWeight", DecisionParams.AGE_BANDS, 0, 50, "utility per unit of ln(discounted net income), per age band <23, 23-28, 29-35, 36+",
            "assumption: equal across ages and the largest weight: competitive salaries are the top motive, 54% "
                    + "(Bokayev 2023 in [N24]); economic reasons lead, 50% (Bokayev et al. 2021 in [N24])");
    public static final Param LIVING_STANDARD_WEIGHT = Param.list(G, "livingStandardWeight", DecisionParams.AGE_BANDS, -50, 50, "utility per unit of living-standard index (0..1), per age band <23, 23-28, 29-35, 36+",
            "assumption: highest for ages 23-28, who weigh the standard of living abroad most [N24]; higher "
                    + "socio-economic development is a motive for 52% (Bokayev 2023 in [N24])");
    public static final Param CAREER_WEIGHT = Param.list(G, "careerWeight", DecisionParams.AGE_BANDS, -50, 50, "utility per unit of career index (0..1), per age band <23, 23-28, 29-35, 36+",
            "assumption: highest for ages 29-35, who weigh career advancement most [N24]; career is a motive for "
                    + "38% (Bokayev 2023 in [N24])");
    public static final Param SAFETY_WEIGHT = Param.num(G, "safetyWeight", -50, 50, "utility per unit of safety index (0..1)",
            "assumption: secondary motive; interethnic safety worries of non-titular groups [B22]");
    public static final Param CORRUPTION_WEIGHT = Param.num(G, "corruptionWeight", -50, 50, "utility per unit of corruption index (0..1), entering negatively",
            "assumption: lower corruption is a motive for 28% (Bokayev 2023 in [N24]); corruption and "
                    + "disagreement with the political system [B22]");
    public static final Param ECOLOGY_WEIGHT = Param.num(G, "ecologyWeight", -50, 50, "utility per unit of ecology index (0..1)",
            "assumption: minor push factor; climate and air pollution named by interviewees [B22]");
    public static final Param RUSSIAN_NETWORK_BONUS = Param.num(G, "russianNetworkBonus", -20, 20,
            "utility (graduates of Russian ethnicity, at Russia)",
            "assumption: ethnic, all-ages emigration is mostly Russians going to Russia (32,800 of 45,200 emigrants in "
                    + "2019, 72.6%; 39,800 went to Russia; emigration_composition.csv T01, T07), so kin-state networks "
                    + "and ethnic return pull Russians to Russia beyond the diaspora stock term; the graduate's own "
                    + "ethnicity (drawn at entry from regions.csv), not a border; free in the history match");
    public static final Param GERMAN_NETWORK_BONUS = Param.num(G, "germanNetworkBonus", -20, 20,
            "utility (graduates of German ethnicity, at Germany)",
            "assumption: ethnic German (Aussiedler) return: 3,100 of the 45,200 emigrants of 2019 were Germans "
                    + "(emigration_composition.csv T01) against about 1% of residents (T72); as russianNetworkBonus for "
                    + "Germany; free in the history match");
    public static final Param FAMILY_EMIGRATION_ELASTICITY = Param.num(G, "familyEmigrationElasticity", 0, 5,
            "elasticity of the odds of emigrating to a destination with respect to the family-emigration index of that destination",
            "assumption: 1, a graduate's emigration to a destination follows the year's emigration to it in proportion "
                    + "(Russia, or every other country; since December 2026, before by the graduate's ethnic group on every "
                    + "foreign place, which kept the model's destination mix fixed while Russia's share fell from 88% in 2019 "
                    + "to 69% in 2024, emigration_composition.csv T07, T10); "
                    + "registered emigration is mostly families of the European groups leaving (Russians 70.9% of emigrants "
                    + "in 2013, 72.5% of 45,225 in 2019, 63% of 16,094 in 2023; emigration_composition.csv T13, T01, T06), "
                    + "it rose by half from 2015 to 2019 and fell by two thirds to 2024 (migration.csv B2), and family "
                    + "decides migration [B22]; the index is the destination's emigrants of the year over their 2013-2024 mean "
                    + "(kz.kosh.world.FamilyEmigration); free in the history match, identified by the time path of the "
                    + "target graduate-emigration");
    public static final Param NETWORK_WEIGHT = Param.num(G, "networkWeight", -50, 50, "utility per unit of ln(1 + diaspora in thousands)",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: "
                    + "cumulative causation and networks [N24]; kept small so that the large diaspora in Russia (64% of "
                    + "more than 4 million abroad [N24]) does not dominate");
    public static final Param HOME_REGION_BONUS = Param.num(G, "homeRegionBonus", -50, 50, "utility",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: "
                    + "graduates return home for family ties [AI25]; patriotism and family/friend ties drive return [B22]");
    public static final Param HOME_TIE_HALF_LIFE_YEARS_ABROAD = Param.num(G, "homeTieHalfLifeYearsAbroad", 0.5, 1000, "years abroad",
            "assumption: 10; ties to home weaken with years abroad: early- and mid-career academics abroad are "
                    + "less likely to return, returns happen for family reasons ([N24]); prior work experience abroad "
                    + "raises the likelihood of permanent migration (Bokayev 2023 in [N24]); no measured decay rate, a free"
                    + " weight for calibration");
    public static final Param PARENTS_REGION_BONUS = Param.num(G, "parentsRegionBonus", -50, 50, "utility",
            "assumption: family-personal determinants of return (Gmelch 1983 in [B22])");
    public static final Param PARTNER_BONUS_MALE = Param.num(G, "partnerBonusMale", -50, 50, "utility",
            "assumption: family is decisive [B22]; lower for men than for women");
    public static final Param PARTNER_BONUS_FEMALE = Param.num(G, "partnerBonusFemale", -50, 50, "utility",
            "assumption: family is decisive, especially for women who follow a spouse [B22]; twice the male bonus");
    public static final Param STAY_BONUS = Param.num(G, "stayBonus", -50, 50, "utility",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: "
                    + "status-quo inertia; 75% are satisfied or somewhat satisfied at home (Bokayev et al. 2021 in [N24]) "
                    + "and realised moves are far below intentions");
    public static final Param EXPOSURE_BONUS = Param.num(G, "exposureBonus", -50, 50, "utility",
            "assumption: a mobility semester strengthens the wish to leave [IS26]; prior study or work abroad "
                    + "raises the likelihood of permanent migration (Bokayev 2023 in [N24])");
    public static final Param BORDER_CROSSING_PENALTY = Param.num(G, "borderCrossingPenalty", -50, 50, "utility",
            "assumption: intervening obstacles such as immigration law and geography (Lee 1966, in [AI25] and "
                    + "[K])");
    public static final Param DISTANCE_PENALTY = Param.num(G, "distancePenalty", -50, 50, "utility per ln(1 + km/100)",
            "assumption: gravity term for the intervening obstacle of distance (Lee 1966 in [AI25, K]); set so "
                    + "that most internal moves stay within the macro-region; checked against net internal migration signs "
                    + "2022 (BNS, data/regions.csv)");
    public static final Param LANGUAGE_DISTANCE_PENALTY = Param.num(G, "languageDistancePenalty", -50, 50, "utility per unit of (1 - language proximity)",
            "assumption: language and mentality barriers and fear of wasted qualifications abroad [B22]");
    public static final Param MOVING_COST_FIXED_KZT = Param.num(G, "movingCostFixedKzt", 0, 1e9, "KZT per move",
            "assumption: transport, deposit and first rent, about two-thirds of the 2022 average monthly wage of "
                    + "309,697 KZT ([PR], BNS)");
    public static final Param MOVING_COST_PER_KM_KZT = Param.num(G, "movingCostPerKmKzt", 0, 1e6, "KZT per km (great-circle)",
            "assumption: travel and freight; Almaty-Astana (about 1,000 km) adds about 100,000 KZT");
    public static final Param INTERNATIONAL_MOVING_COST_KZT = Param.num(G, "internationalMovingCostKzt", 0, 1e9, "KZT per international move",
            "assumption: visa, deposit and flights, about 3 months of the 2023 average wage of 364,295 KZT ([PR],"
                    + " BNS)");
    public static final Param INCOME_FLOOR_KZT = Param.num(G, "incomeFloorKzt", 1, 1e12, "KZT (discounted income)",
            "assumption: technical floor keeping the logarithm defined; far below the discounted income of any "
                    + "graduate (a year at the 2022 average wage is 12 x 309,697 = 3.7 million KZT, [PR])");
    public static final Param CONSIDERATION_CONSTANT = Param.num(G, "considerationConstant", -50, 50, "logit constant",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: with"
                    + " the follow-through rates, graduate emigration of a few thousand a year (35.5% of 12,732-45,225 "
                    + "permanent departures 2019-2024 had higher education, [PR]) while about half of graduates in "
                    + "Kazakhstan are willing to emigrate (46%, Bokayev et al. 2021 in [N24]); see docs/baseline-check.md");
    public static final Param CONSIDERATION_GAIN_WEIGHT = Param.num(G, "considerationGainWeight", -50, 50, "per unit of log-sum utility gain",
            "assumption: 1, so that considering is a binary logit between staying (with the constant) and the "
                    + "log-sum of moving, as in a nested logit with unit scale; then p = away / (away + exp(-constant) * "
                    + "stay) needs no exp() per agent");
    public static final Param FOLLOW_THROUGH_INTERNAL = Param.num(G, "followThroughInternal", 0, 1, "probability",
            "calibrated: intention-behaviour gap, 46% willing to emigrate (Bokayev et al. 2021 in [N24]) vs "
                    + "realised emigration; internal moves face fewer obstacles, so follow-through is higher than abroad");
    public static final Param FOLLOW_THROUGH_ABROAD = Param.num(G, "followThroughAbroad", 0, 1, "probability",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: "
                    + "intention-behaviour gap, 46% willing to emigrate (Bokayev et al. 2021 in [N24]) vs realised "
                    + "emigration (permanent departures 45,225 in 2019, 12,732 in 2024, [PR])");
    public static final Param DOMESTIC_NEST_SCALE = Param.num(G, "domesticNestScale", 0.05, 1, "dissimilarity (0..1]",
            "assumption: 1.0, the regions of Kazakhstan are independent alternatives apart from the distance term"
                    + " (no evidence of a common unobserved taste for 'another region'); a free weight for calibration");
    public static final Param ABROAD_NEST_SCALE = Param.num(G, "abroadNestScale", 0.05, 1, "dissimilarity (0..1]",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml; the refit ends at 0.993, at its"
                    + " bound 1, so it is set to 1 (foreign places form no nest of their own in what the targets show; 1 "
                    + "also spares a power per decision). Prior rationale and start: 0.5, foreign places share unobserved "
                    + "tastes (the wish to leave, language and career abroad: 'many already wished to leave before' [IS26];"
                    + " emigration motives shared across destinations, Bokayev 2023 in [N24]), so a closed route redirects "
                    + "part of its choosers to other destinations; typical nested-logit dissimilarities of destination "
                    + "choice lie in 0.3-0.8; a free weight for calibration");
    public static final Param RETURN_OBSTACLE_SHARE = Param.num(G, "returnObstacleShare", 0, 1, "share of the border-crossing penalty (0..1)",
            "calibrated: kosh calibrate calibration/calibrate.yaml (docs/calibration.md) fits it with the other "
                    + "free weights to the calibration targets of calibration/targets.yaml. Prior rationale and start: 0, a"
                    + " move from abroad back to Kazakhstan faces none of the border obstacle of entering a foreign country"
                    + " (a citizen needs no visa or permit; distance and moving costs still apply); graduates abroad say "
                    + "'even under equal conditions I will return; if the difference is very big I will think' [B22]; a "
                    + "free weight for calibration");
    public static final Param HOME_RETURN_OBSTACLE_SHARE = Param.num(G, "homeReturnObstacleShare", 0, 1, "share of the border and distance obstacles (0..1)",
            "calibrated: kosh calibrate, reduced refit of issue 20 (docs/calibration.md, section Refit of the "
                    + "issue-20 weights): the four new weights free, the other nine at their fitted values, 24 CMA-ES "
                    + "evaluations, 2 replications at scale 0.03 (the shared CPU allowed no more); the fit ends at the "
                    + "bound 1 (the full obstacles), i.e. the targets prefer the old structure while the other weights stay"
                    + " as fitted to it (a joint refit is pending). Prior rationale and start: 0, a return from abroad to "
                    + "one's own home region faces none of the intervening obstacles of distance and border (Lee 1966) that"
                    + " a move into the unknown faces: family, housing and friends are there; graduates return home for "
                    + "family ties [AI25]; patriotism and family/friend ties drive return, 'even under equal conditions I "
                    + "will return' [B22]; the money cost of the move stays; a free weight for calibration (identified by "
                    + "the stay rates of graduates abroad, stay_rates.csv, and Bolashak non-return, programme_outcomes.csv)");
    public static final Param ABROAD_ATTACHMENT_HALF_LIFE_YEARS = Param.num(G, "abroadAttachmentHalfLifeYears", 0.1, 1000, "years lived abroad",
            "calibrated: kosh calibrate, reduced refit of issue 20 (docs/calibration.md, section Refit of the "
                    + "issue-20 weights): the four new weights free, the other nine at their fitted values, 24 CMA-ES "
                    + "evaluations, 2 replications at scale 0.03 (the shared CPU allowed no more); the fit ends at the "
                    + "bound 0.5 (the inertia abroad is built within a year), i.e. the targets prefer the old structure "
                    + "while the other weights stay as fitted to it (a joint refit is pending). Prior rationale and start: "
                    + "3; the status-quo inertia (stayBonus) at a foreign place is built over the years lived there, "
                    + "beta_stay x (1 - 2^(-y/3)); OECD International Migration Outlook 2022 (Kamm and Liebig; "
                    + "stay_rates.csv T21): of the 2015 entry cohort of international students 43-64% still held a permit "
                    + "after 5 years, of the 2010 cohort 11-45% after 10 years, so departures go on for years after study; "
                    + "prior work experience abroad raises the likelihood of permanent migration (Bokayev 2023 in [N24]); a"
                    + " free weight for calibration");
    public static final Param HOME_REGION_BONUS_SD_ACROSS_AGENTS = Param.num(G, "homeRegionBonusSdAcrossAgents", 0, 20, "utility (standard deviation across agents)",
            "calibrated: kosh calibrate, reduced refit of issue 20 (docs/calibration.md, section Refit of the "
                    + "issue-20 weights): the four new weights free, the other nine at their fitted values, 24 CMA-ES "
                    + "evaluations, 2 replications at scale 0.03 (the shared CPU allowed no more); the fit ends at the "
                    + "bound 0 (no spread), i.e. the targets prefer the old structure while the other weights stay as "
                    + "fitted to it (a joint refit is pending). Prior rationale and start: 1.0; a random coefficient on the"
                    + " home-region bonus, drawn per agent at entry as one of 8 equiprobable normal quantiles (3 bits): "
                    + "intentions and behaviour spread, more than 46% willing to emigrate while 75% are satisfied (Bokayev "
                    + "et al. 2021 in [N24]) and returns for family reasons or recruitment [N24]; a free weight for "
                    + "calibration");
    public static final Param EXPOSURE_OBSTACLE_SHARE = Param.num(G, "exposureObstacleShare", 0, 1, "share 0..1 of the border, distance and language obstacles",
            "assumption: 0.5, the midpoint of [0, 1] (no direct figure); a move to a foreign place where one has "
                    + "lived (the academic-mobility host, the place of study) is not a move into the unknown, as a return "
                    + "home is not (decision.homeReturnObstacleShare): the staying-abroad channel of mobility participants,"
                    + " who are back home when they graduate. Evidence on its size: 17-33% of international students change"
                    + " status to stay at the end of study (OECD International Migration Outlook 2022, stay_rates.csv T21),"
                    + " prior work or study abroad raises the likelihood of permanent migration (Bokayev 2023 in [N24]); a "
                    + "free weight for calibration");
    public static final Param INCOME_WEIGHT_SCALE = Param.num(G, "incomeWeightScale", 0, 20, "factor (1 = incomeWeight as given)",
            "assumption: 1; the level of the income weight was set by hand while the inertia terms were fitted, "
                    + "so money was outweighed by construction; a free weight for calibration, identified with "
                    + "movingCostScale by programme outcomes (Bolashak breaches against its repayment, the village "
                    + "commitment breaches against its lump sum, programme_outcomes.csv T37-T41; calibration/targets.yaml)");
    public static final Param MOVING_COST_SCALE = Param.num(G, "movingCostScale", 0, 100, "factor (1 = the three moving costs as given)",
            "assumption: 1; the money costs of a move are rough guesses (see the three costs above); a free "
                    + "weight for calibration, identified with incomeWeightScale by programme outcomes "
                    + "(calibration/targets.yaml)");
    public static final Param ONE_TIME_MONEY_WEIGHT = Param.num(G, "oneTimeMoneyWeight", 0, 20,
            "utility per year of income at the current place",
            "assumption: 0 (money only as its share of discounted lifetime income, the Sjaastad term, where a "
                    + "1 M KZT relocation subsidy is 1.4% of a 70 M KZT lifetime income, 0.03 utility, and tripling it "
                    + "moved no internal flow: docs/obligation-response.md, session 4). Movers who cannot borrow pay "
                    + "the costs of a move and receive its subsidies out of the current year's income, so one-time money "
                    + "weighs as a share of a year's income, not of a lifetime's: small cash for the cost of a move "
                    + "raised seasonal migration by 22 percentage points in Bangladesh (Bryan, Chowdhury and Mobarak "
                    + "2014, Econometrica 82(5)); relocation support is paid in MCI per family member and a year's rent "
                    + "(programme_outcomes.csv T57) because moving costs are the barrier it removes. A free weight for "
                    + "calibration, identified by the programme outcomes that set one-time money against staying: the "
                    + "village commitment's breaches against its repayment, the relocated who went back "
                    + "(calibration/targets.yaml)");
    public static final Param INTERNAL_HOME_RETURN_OBSTACLE_SHARE = Param.num(G, "internalHomeReturnObstacleShare", 0, 1,
            "share of the distance obstacle (0..1)",
            "assumption: 1 (the full distance term, the structure fitted before; no change at the defaults). A move "
                    + "back to one's own home region from another region of Kazakhstan is not a move into the unknown: "
                    + "movers accumulate location-specific capital (family, housing, friends, knowledge of the local "
                    + "labour market) at home and know it well, so return moves face lower psychic and information "
                    + "costs than onward moves and are most frequent soon after a move that turned out worse than "
                    + "expected (DaVanzo 1980, Repeat migration in the United States: who moves back and who moves on?, "
                    + "IIASA WP-80-158; DaVanzo and Morrison 1981, Demography 18(1)); graduates return home for family "
                    + "ties [AI25]. Of 66,200 resettled north under the relocation programme, 3,600 (6%) returned to where "
                    + "they came from (programme_outcomes.csv T54), which the model gave as 0.2% with the full distance "
                    + "term. The money cost of the move stays. A free weight for calibration, identified by the target "
                    + "relocated-went-back-share and the regional retention targets (calibration/targets.yaml); the "
                    + "return from abroad has its own share (homeReturnObstacleShare)");
    public static final Param PLACE_ATTACHMENT_HALF_LIFE_YEARS = Param.num(G, "placeAttachmentHalfLifeYears", 0, 100,
            "years lived at the region",
            "assumption: 0 (the whole status-quo inertia stayBonus from the first year at a region, the structure "
                    + "fitted before; no change at the defaults). Cumulative inertia: the probability of staying grows "
                    + "with the time already spent at a place (McGinnis 1968, American Sociological Review 33(5)), and "
                    + "recent movers are far more likely to move again, back or on, than settled people (DaVanzo 1980, "
                    + "IIASA WP-80-158; Fischer and Malmberg 2001, Settled people don't move, International Journal of "
                    + "Population Geography 7), as the inertia abroad builds with years lived there "
                    + "(abroadAttachmentHalfLifeYears); a relocated graduate is not as settled in the north in its "
                    + "first year as one born there (6% of the 66,200 resettled went back, programme_outcomes.csv T54). "
                    + "A free weight for calibration, identified by relocated-went-back-share and the internal-move "
                    + "and retention targets (calibration/targets.yaml)");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(DISCOUNT_RATE_PER_YEAR, LOCAL_PRICE_SHARE, INCOME_WEIGHT, LIVING_STANDARD_WEIGHT, CAREER_WEIGHT, SAFETY_WEIGHT, CORRUPTION_WEIGHT, ECOLOGY_WEIGHT, NETWORK_WEIGHT, HOME_REGION_BONUS, HOME_TIE_HALF_LIFE_YEARS_ABROAD, PARENTS_REGION_BONUS, PARTNER_BONUS_MALE, PARTNER_BONUS_FEMALE, STAY_BONUS, EXPOSURE_BONUS, BORDER_CROSSING_PENALTY, DISTANCE_PENALTY, LANGUAGE_DISTANCE_PENALTY, MOVING_COST_FIXED_KZT, MOVING_COST_PER_KM_KZT, INTERNATIONAL_MOVING_COST_KZT, INCOME_FLOOR_KZT, CONSIDERATION_CONSTANT, CONSIDERATION_GAIN_WEIGHT, FOLLOW_THROUGH_INTERNAL, FOLLOW_THROUGH_ABROAD, DOMESTIC_NEST_SCALE, ABROAD_NEST_SCALE, RETURN_OBSTACLE_SHARE, HOME_RETURN_OBSTACLE_SHARE, ABROAD_ATTACHMENT_HALF_LIFE_YEARS, HOME_REGION_BONUS_SD_ACROSS_AGENTS, EXPOSURE_OBSTACLE_SHARE, INCOME_WEIGHT_SCALE, MOVING_COST_SCALE, RUSSIAN_NETWORK_BONUS, GERMAN_NETWORK_BONUS, ONE_TIME_MONEY_WEIGHT, FAMILY_EMIGRATION_ELASTICITY, INTERNAL_HOME_RETURN_OBSTACLE_SHARE, PLACE_ATTACHMENT_HALF_LIFE_YEARS);

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
                DISCOUNT_RATE_PER_YEAR.number(f),
                LOCAL_PRICE_SHARE.number(f),
                INCOME_WEIGHT.numbers(f),
                LIVING_STANDARD_WEIGHT.numbers(f),
                CAREER_WEIGHT.numbers(f),
                SAFETY_WEIGHT.number(f),
                CORRUPTION_WEIGHT.number(f),
                ECOLOGY_WEIGHT.number(f),
                NETWORK_WEIGHT.number(f),
                HOME_REGION_BONUS.number(f),
                HOME_TIE_HALF_LIFE_YEARS_ABROAD.number(f),
                PARENTS_REGION_BONUS.number(f),
                PARTNER_BONUS_MALE.number(f),
                PARTNER_BONUS_FEMALE.number(f),
                STAY_BONUS.number(f),
                EXPOSURE_BONUS.number(f),
                BORDER_CROSSING_PENALTY.number(f),
                DISTANCE_PENALTY.number(f),
                LANGUAGE_DISTANCE_PENALTY.number(f),
                MOVING_COST_FIXED_KZT.number(f),
                MOVING_COST_PER_KM_KZT.number(f),
                INTERNATIONAL_MOVING_COST_KZT.number(f),
                INCOME_FLOOR_KZT.number(f),
                CONSIDERATION_CONSTANT.number(f),
                CONSIDERATION_GAIN_WEIGHT.number(f),
                FOLLOW_THROUGH_INTERNAL.number(f),
                FOLLOW_THROUGH_ABROAD.number(f),
                DOMESTIC_NEST_SCALE.number(f),
                ABROAD_NEST_SCALE.number(f),
                RETURN_OBSTACLE_SHARE.number(f),
                HOME_RETURN_OBSTACLE_SHARE.number(f),
                ABROAD_ATTACHMENT_HALF_LIFE_YEARS.number(f),
                HOME_REGION_BONUS_SD_ACROSS_AGENTS.number(f),
                EXPOSURE_OBSTACLE_SHARE.number(f),
                INCOME_WEIGHT_SCALE.number(f),
                MOVING_COST_SCALE.number(f),
                RUSSIAN_NETWORK_BONUS.number(f),
                GERMAN_NETWORK_BONUS.number(f),
                ONE_TIME_MONEY_WEIGHT.number(f),
                FAMILY_EMIGRATION_ELASTICITY.number(f),
                INTERNAL_HOME_RETURN_OBSTACLE_SHARE.number(f),
                PLACE_ATTACHMENT_HALF_LIFE_YEARS.number(f));
    }
}
