package kz.kosh.scenario;

import java.util.List;
import java.util.Map;

/**
 * Where students study and for how long. The study-choice utility of place j for an entrant
 * from home region h is
 * <pre>
 *   V_hj = homeBonus·[j=h] + universitiesWeight·ln(universities_j)        (regions)
 *        + scholarshipWeight·(g_t − g_ref)                                  (regions: state-grant share change)
 *        + destinationConstant_j + qualityWeight·studyQuality_j
 *        + scholarshipWeight·scholarship_j
 *        + russianNetworkBonus·[j=RU, e=Russian] + germanNetworkBonus·[j=DE, e=German]  (e the entrant's ethnicity)
 *        + languageWeight·languageProximity_j                               (destinations)
 *        − costWeight·ln(studyCost_j,t)                                     (destinations)
 *        + abroadTrendPerYear·min(0, t − abroadTrendEndYear)               (destinations outside the CIS)
 *        + careerWeight·career_j + safetyWeight·(safety_j − safety_j,table) − distanceWeight·ln(1 + d_hj/100 km)
 *        + ln(studyAccess_j)
 * </pre>
 * and the choice is a nested logit: the regions of Kazakhstan, the CIS destinations and the other
 * destinations, the two foreign nests with dissimilarity {@code foreignNestScale}
 * ({@code kz.kosh.decision.StudyChoice}).
 *
 * <p>{@code stateFundedPlacesPerYear}: a host's state-funded (tuition-free) study places open to
 * Kazakhstani entrants each year, persons, by destination id (Russia's federal-budget places and
 * its government quota). For a destination listed, the scholarship index scholarship_j,t is the
 * chance of such a place, min(1, places / the same year's entrants from Kazakhstan), solved with the
 * entrants it draws ({@code kz.kosh.decision.StudyChoice#fundedShare}); the others keep the table's index.
 */
public record StudyParams(int bachelorYears, int masterYears, int phdYears,
                          double masterContinuationRate, double phdContinuationRate,
                          double homeBonus, double universitiesWeight, double distanceWeight,
                          double languageWeight, double qualityWeight, double scholarshipWeight,
                          double russianNetworkBonus, double germanNetworkBonus, double careerWeight,
                          Map<String, Double> destinationConstants,
                          double costWeight, double safetyWeight, double foreignNestScale,
                          Map<String, Double> stateFundedPlacesPerYear,
                          double abroadTrendPerYear, int abroadTrendEndYear) {

    /** The group's YAML path. */
    static final String G = "study";
    public static final Param BACHELOR_YEARS = Param.whole(G, "bachelorYears", 1, 8, "years",
            "assumption: standard 4-year bachelor's programme of Kazakhstan's three-cycle (Bologna) system, "
                    + "joined 2011 [IS26]");
    public static final Param MASTER_YEARS = Param.whole(G, "masterYears", 1, 4, "years",
            "assumption: 2-year scientific-pedagogical master's (1-year profile master's also exists), Bologna "
                    + "system [IS26]");
    public static final Param PHD_YEARS = Param.whole(G, "phdYears", 1, 8, "years",
            "assumption: 3-year PhD programme, Bologna system [IS26]");
    public static final Param MASTER_CONTINUATION_RATE = Param.num(G, "masterContinuationRate", 0, 1, "share of bachelor graduates",
            "assumption: no national continuation figure compiled; order of magnitude consistent with 382 "
                    + "master's vs 3,840 undergraduate mobility participants 2024 [IS26] (about 0.2 per cohort-year)");
    public static final Param PHD_CONTINUATION_RATE = Param.num(G, "phdContinuationRate", 0, 1, "share of master's graduates",
            "assumption: no national figure compiled; order of magnitude consistent with 41 doctoral vs 382 "
                    + "master's mobility participants 2024 [IS26] (about 0.07-0.11)");
    public static final Param HOME_BONUS = Param.num(G, "homeBonus", -20, 20, "utility",
            "assumption: family ties and living costs keep school leavers near home [AI25]");
    public static final Param UNIVERSITIES_WEIGHT = Param.num(G, "universitiesWeight", -20, 20, "utility per unit of ln(universities)",
            "assumption: unit weight on log university count; the largest university centres, Almaty (42) and "
                    + "Astana (15), draw school leavers from all regions [AI25]");
    public static final Param DISTANCE_WEIGHT = Param.num(G, "distanceWeight", -20, 20, "utility per unit of ln(1 + distance/100 km)",
            "assumption: distance as an intervening obstacle (Lee 1966, in [AI25] and [K]); moderate, so Almaty "
                    + "and Astana still attract entrants from every region [AI25]");
    public static final Param LANGUAGE_WEIGHT = Param.num(G, "languageWeight", -20, 20, "utility per unit of language proximity (0..1)",
            "assumption: language as an obstacle [B22]; Russian-language study dominates foreign enrolment "
                    + "(Russia 71,368 of about 90,000, UNESCO 2022 [B22])");
    public static final Param QUALITY_WEIGHT = Param.num(G, "qualityWeight", -20, 20, "utility per unit of study-quality index (0..1)",
            "assumption: quality education and healthcare is a pull motive for 32% of foreign-university "
                    + "graduates (Bokayev 2023 in [N24])");
    public static final Param SCHOLARSHIP_WEIGHT = Param.num(G, "scholarshipWeight", -20, 20, "utility per unit of study-scholarship index (0..1)",
            "assumption: Russian universities' full scholarships draw about 70,000 Kazakhstani students a year "
                    + "[AI25]; weighted above quality for that reason. The same weight prices a tuition-free place at home: "
                    + "every region's index is the change of the state-grant share (policy.stateGrant.shareOfDomesticEntrants) "
                    + "from its built-in 0.55 (kz.kosh.policy.StateGrant); free in the history match");
    public static final Param RUSSIAN_NETWORK_BONUS = Param.num(G, "russianNetworkBonus", -20, 20, "utility (entrants of Russian ethnicity, at Russia)",
            "assumption (was russiaBorderBonus 1.5 for every entrant of a region bordering Russia): northern regions lose "
                    + "school leavers to Russian universities [AI25], and ethnic Russian students are over-represented "
                    + "among them (T61, Zhunussova); a kin-state network term, so a region's orientation towards Russia "
                    + "follows its Russian share (regions.csv russianSharePct), not a border; free in the history match");
    public static final Param GERMAN_NETWORK_BONUS = Param.num(G, "germanNetworkBonus", -20, 20, "utility (entrants of German ethnicity, at Germany)",
            "assumption: the kin-state network of ethnic Germans (Aussiedler; 3,100 of the 45,200 emigrants of 2019 were "
                    + "Germans, emigration_composition.csv T01), as russianNetworkBonus for Russia; free in the history match");
    public static final Param CAREER_WEIGHT = Param.num(G, "careerWeight", -20, 20, "utility per unit of career index (0..1)",
            "assumption: career advancement is a motive for 38% of foreign-university graduates (Bokayev 2023 in "
                    + "[N24])");
    public static final Param DESTINATION_CONSTANTS = Param.byId(G, "destinationConstants", -30, 30, "utility, per destination id",
            "calibrated: UNESCO 2022 enrolment by destination [B22] (Russia 71,368, Turkey 2,191, Kyrgyzstan "
                    + "2,083, USA 1,792, Czech Republic 1,751; about 90,000 in all), see docs/baseline-check.md; RU "
                    + "refitted by kosh calibrate-study (0.764 -> 1.401) when Russia's scholarship index became the chance "
                    + "of a state-funded place (study.stateFundedPlacesPerYear: 0.376 at the 2022 enrolment instead of the "
                    + "table's 0.8); all refitted again (RU 1.401 -> 1.71, DE -0.969 -> -1.059) when the kin-state terms "
                    + "of the entrant's ethnicity replaced the border bonus (issue 20 items 3-4); refitted (RU 1.71 -> 1.61, "
                    + "DE -1.059 -> -0.909) when the safety term became the change from the built-in table and "
                    + "calibrate-study took the scenario as in force in 2022 (Russia's 0.45, not the pre-2022 0.55)");
    public static final Param COST_WEIGHT = Param.num(G, "costWeight", -20, 20, "utility per unit of ln(cost index of study abroad)",
            "calibrated: kosh calibrate, reduced refit of issue 20 (docs/calibration.md, section Refit of the "
                    + "issue-20 weights): the four new weights free, the other nine at their fitted values, 24 CMA-ES "
                    + "evaluations, 2 replications at scale 0.03 (the shared CPU allowed no more); the fit ends at the "
                    + "bound 0 (no price response), i.e. the targets prefer the old structure while the other weights stay "
                    + "as fitted to it (a joint refit is pending). Prior rationale and start: 1, unit elasticity: the odds "
                    + "of studying at a destination fall in proportion to the cost of a year there in months of Kazakhstani"
                    + " wages (tuition and living costs in the destination's currency at the market exchange rate of the "
                    + "year, exchange_rates.csv X1, X2, over the national average wage, wages.csv B3; 1 in 2022). Students "
                    + "abroad are self-paid apart from Bolashak and Russia's federal-budget places (26,800 of about 67,000 "
                    + "in Russia, russia_students_quota.csv T62); a free weight for calibration (students abroad 2015-2019,"
                    + " students in Russia 2022-2025)");
    public static final Param SAFETY_WEIGHT = Param.num(G, "safetyWeight", -20, 20,
            "utility per unit of change of the safety index (0..1) from the built-in table's",
            "assumption: 1, of the order of the study-quality and career weights; safety is a motive of study and"
                    + " migration choices (interethnic safety worries [B22]). Weighs the change of a place's safety index"
                    + " from the built-in table (the 2022-2023 state the destination constants are fitted to; a constant"
                    + " level is absorbed by the destination constant, so only changes identify it): Russia's index falls"
                    + " from 0.55 to 0.45 in 2022 (baseline timeline: war, sanctions, mobilisation) and Kazakhstani students"
                    + " in Russia fell from about 71,000 (2022, [B22]) to about 60,000 (2025, russia_students_quota.csv T66)"
                    + " while school-leaver cohorts grew; academic mobility to Russia halved 2022-2024 [IS26]; a free weight"
                    + " for calibration (students in Russia 2015 against 2022; 2025/2022 stays a validation pattern)");
    public static final Param FOREIGN_NEST_SCALE = Param.num(G, "foreignNestScale", 0.05, 1, "dissimilarity (0..1]",
            "assumption: 0.7; the study choice is a nested logit (Kazakhstan / CIS destinations / other "
                    + "destinations): CIS universities share Russian-language teaching and schooling and free places, the "
                    + "others a Western or Asian degree, so a destination that closes or becomes dearer loses students more"
                    + " to its own nest than to Kazakhstan; typical nested-logit dissimilarities of destination choice lie "
                    + "in 0.3-0.8; a free weight for calibration (identified by destination shares over time)");
    public static final Param STATE_FUNDED_PLACES_PER_YEAR = Param.byId(G, "stateFundedPlacesPerYear", 0, 1e7, "persons per year (entrants), by destination id",
            "RU: 26,800 Kazakhstani students on the Russian federal budget (of about 67,000; Russian minister, "
                    + "undated 2016-2018, T62 in series/SOURCES.md, russia_students_quota.csv) / 4 years of a bachelor "
                    + "(study.bachelorYears; assumption: the funded stock is of 4-year cohorts) = 6,700 a year; +200 places"
                    + " from 2023/24 (T65) in the baseline timeline. The number of places is fixed while cohorts of school "
                    + "leavers change, so the chance of a funded place (the scholarship index of the study choice) falls as"
                    + " demand grows. Other destinations: not modelled (their table scholarship index)");
    public static final Param ABROAD_TREND_PER_YEAR = Param.num(G, "abroadTrendPerYear", -1, 1,
            "utility per year before study.abroadTrendEndYear (destinations outside the CIS group)",
            "prior 0.06 from UNESCO UIS outbound students (students_abroad.csv U1) per school-leaver cohort (births 17-20"
                    + " years earlier, births.csv B1/W1): 78,253 / 245,800 = 0.318 in 2015 and 89,347 / 222,100 = 0.402 in "
                    + "2019, ln(0.402 / 0.318) / 4 = 0.058 a year; over 2000-2019 the same ratio rose from 0.057 to 0.40 "
                    + "(0.10 a year). Students abroad rose although the tenge's float of 2015 made study abroad dearer and "
                    + "cohorts shrank: internationalisation (Bologna 2010, EAEU 2015, host scholarships in Turkey, China, "
                    + "Hungary, Czechia, Poland) that the model has no series for, so a reduced-form trend of the utility "
                    + "of the destinations outside the CIS (Russia's count stayed at 68,000-60,000 2015-2020 on its fixed "
                    + "funded places, russia_students_quota.csv T61-T64: the rise was elsewhere); a free weight for calibration (students abroad 2015-2019, students in Russia "
                    + "2015)");
    public static final Param ABROAD_TREND_END_YEAR = Param.whole(G, "abroadTrendEndYear", 1900, 2200, "calendar year",
            "2018: the model's year of UIS 2019, the last year of the UIS outbound series not flagged (students_abroad.csv "
                    + "U1; 2020 is distorted by the inbound jump; UIS labels a year by the academic year ending in it, so UIS "
                    + "2019 = 2018/19 = the model's end of 2018: UIS reader's guide, September 2021); outbound students were "
                    + "about flat from UIS 2019 to 2022 (89,347, 91,900 in 2021 [IS26], about 90,000 in 2022 [B22]) while "
                    + "cohorts grew, so the trend is not projected past it: 0 from this year on, which keeps the 2022 "
                    + "enrolment the destination constants are fitted to");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(BACHELOR_YEARS, MASTER_YEARS, PHD_YEARS, MASTER_CONTINUATION_RATE, PHD_CONTINUATION_RATE, HOME_BONUS, UNIVERSITIES_WEIGHT, DISTANCE_WEIGHT, LANGUAGE_WEIGHT, QUALITY_WEIGHT, SCHOLARSHIP_WEIGHT, RUSSIAN_NETWORK_BONUS, GERMAN_NETWORK_BONUS, CAREER_WEIGHT, DESTINATION_CONSTANTS, COST_WEIGHT, SAFETY_WEIGHT, FOREIGN_NEST_SCALE, STATE_FUNDED_PLACES_PER_YEAR, ABROAD_TREND_PER_YEAR, ABROAD_TREND_END_YEAR);

    static StudyParams read(Fields f, java.util.List<String> destinationIds) {
        return new StudyParams(
                BACHELOR_YEARS.integer(f),
                MASTER_YEARS.integer(f),
                PHD_YEARS.integer(f),
                MASTER_CONTINUATION_RATE.number(f),
                PHD_CONTINUATION_RATE.number(f),
                HOME_BONUS.number(f),
                UNIVERSITIES_WEIGHT.number(f),
                DISTANCE_WEIGHT.number(f),
                LANGUAGE_WEIGHT.number(f),
                QUALITY_WEIGHT.number(f),
                SCHOLARSHIP_WEIGHT.number(f),
                RUSSIAN_NETWORK_BONUS.number(f),
                GERMAN_NETWORK_BONUS.number(f),
                CAREER_WEIGHT.number(f),
                java.util.Collections.unmodifiableMap(DESTINATION_CONSTANTS.numbersById(f, destinationIds)),
                COST_WEIGHT.number(f),
                SAFETY_WEIGHT.number(f),
                FOREIGN_NEST_SCALE.number(f),
                java.util.Collections.unmodifiableMap(STATE_FUNDED_PLACES_PER_YEAR.numbersById(f, destinationIds)),
                ABROAD_TREND_PER_YEAR.number(f),
                ABROAD_TREND_END_YEAR.integer(f));
    }

    /** The same parameters with other destination constants. */
    public StudyParams withDestinationConstants(Map<String, Double> constants) {
        return new StudyParams(bachelorYears, masterYears, phdYears, masterContinuationRate, phdContinuationRate,
                homeBonus, universitiesWeight, distanceWeight, languageWeight, qualityWeight, scholarshipWeight,
                russianNetworkBonus, germanNetworkBonus, careerWeight, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constants)),
                costWeight, safetyWeight, foreignNestScale, stateFundedPlacesPerYear, abroadTrendPerYear, abroadTrendEndYear);
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
