package kz.kosh.scenario;

import java.util.List;

/**
 * Projections of the yearly series beyond their last observed year (docs/model.md, "Yearly
 * inputs"; formulas in {@code kz.kosh.world.YearlyInputs}). Fixed for a run: a timeline entry may
 * not change them (a growth rate changed mid-run would make the projected level jump).
 *
 * @param birthsGrowthPerYearAfterLastObserved          yearly growth of live births after the last
 *                                                      observed year (2025), B(t) = B(2025)·(1+g)^(t−2025);
 *                                                      acts on school leavers from 2043 (births of 2026 + 17)
 * @param kazakhstanRealWageGrowthPerYearAfterLastObserved yearly real wage growth in Kazakhstan after 2025
 * @param destinationRealWageGrowthPerYear              yearly real wage growth of every destination without an
 *                                                      observed series (Russia has one) over the years of
 *                                                      Kazakhstan's observed wage (2012-2025), around its table
 *                                                      year 2023 (held before 2012)
 * @param destinationRealWageGrowthPerYearAfterLastObserved yearly real wage growth of every destination after 2025
 * @param graduateJobCapacityRatio                      κ: graduates per inhabitant a region's labour market
 *                                                      absorbs at its observed wage and unemployment, relative to
 *                                                      Kazakhstan's graduates per inhabitant
 *                                                      ({@link kz.kosh.world.DemandResponse#graduateJobChanceFactor})
 * @param graduateCrowdingElasticity                    η: how fast a graduate's chance of a graduate job at the
 *                                                      region's wage falls once the region holds more graduates
 *                                                      than κ allows (1: Harris–Todaro, jobs / job seekers)
 * @param familyEmigrationMeanOfLastObservedYears     N: the family-emigration index after its last observed year
 *                                                      (2025) starts from the mean of its last N observed years
 *                                                      ({@link kz.kosh.world.FamilyEmigration#index(int, int, int, double)})
 * @param familyEmigrationReturnToMeanPerYear         r: the share of the gap between that start and the long-run
 *                                                      mean (the 2013-2024 mean, index 1) the index closes each year
 *                                                      after 2025 (0: it stays at the start; 1: at the mean from 2026)
 */
public record EconomyParams(double birthsGrowthPerYearAfterLastObserved,
                            double kazakhstanRealWageGrowthPerYearAfterLastObserved,
                            double destinationRealWageGrowthPerYear,
                            double destinationRealWageGrowthPerYearAfterLastObserved,
                            double graduateJobCapacityRatio,
                            double graduateCrowdingElasticity,
                            int familyEmigrationMeanOfLastObservedYears,
                            double familyEmigrationReturnToMeanPerYear) {

    /** The group's YAML path. */
    static final String G = "economy";
    public static final Param BIRTHS_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED = Param.num(G, "birthsGrowthPerYearAfterLastObserved", -0.2, 0.2, "per year",
            "assumption: births after 2025 held at the last observed value (335,005, BNS 2025, may be "
                    + "preliminary); no official projection was found (series/SOURCES.md). Acts on school leavers from 2043");
    public static final Param KAZAKHSTAN_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED = Param.num(G, "kazakhstanRealWageGrowthPerYearAfterLastObserved", -0.2, 0.2, "per year",
            "assumption: 2% real wage growth a year after 2025, below the 2.8% a year of 2012-2025 (BNS national "
                    + "wage deflated by IMF WEO consumer prices, series/wages.csv and cpi.csv), which includes the "
                    + "commodity boom");
    public static final Param DESTINATION_REAL_WAGE_GROWTH_PER_YEAR = Param.num(G, "destinationRealWageGrowthPerYear", -0.2, 0.2, "per year",
            "assumption: 1% real wage growth a year for every destination without an observed series over "
                    + "2012-2025 (roughly the OECD average of the 2010s, approx., not verified here), applied around the "
                    + "table year 2023 and held before 2012; free in the calibration over [0, 0.04] (calibration/calibrate.yaml). "
                    + "Russia, which takes 70-88% of emigrants (emigration_composition.csv), follows its observed real wage "
                    + "instead (Rosstat, series/destination_real_wages.csv: -9% in 2015, +18% 2015-2019, +27% 2019-2024, against "
                    + "Kazakhstan's +9% and +30%, wages.csv, cpi.csv) and this rate only after 2024; one rate for every "
                    + "destination lowered graduates' emigration after 2019 beyond the family-emigration index, which already "
                    + "carries the observed fall (docs/evidence.md, 'Destination wages')");
    public static final Param DESTINATION_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED = Param.num(G,
            "destinationRealWageGrowthPerYearAfterLastObserved", -0.2, 0.2, "per year",
            "assumption: 1% real wage growth a year for every destination after 2025, 1 point below Kazakhstan's "
                    + "projected 2% (kazakhstanRealWageGrowthPerYearAfterLastObserved); the rate fitted to 2012-2025 "
                    + "(destinationRealWageGrowthPerYear) includes Russia's wartime wage boom and is not extrapolated");
    public static final Param GRADUATE_JOB_CAPACITY_RATIO = Param.num(G, "graduateJobCapacityRatio", 0.5, 20,
            "factor (a region's graduates per inhabitant / Kazakhstan's)",
            "assumption, free in the calibration over [1.5, 4] (calibration/calibrate.yaml): graduate jobs are limited "
                    + "by a region's economy (docs/evidence.md, 'Labour-market capacity'); 2 lets Almaty (42 of 129 "
                    + "universities, [AI25]) and Astana hold about twice Kazakhstan's graduates per inhabitant, as the "
                    + "model's regional spread at the hand-set weights does, before a graduate's job chance falls. BNS net "
                    + "internal migration is negative every year for every unit but the three cities (and Almaty Region, "
                    + "Mangystau by a few hundred), Atyrau included (2022; regions.csv), so no oil region draws the country's "
                    + "graduates at scale; the target atyrau-share-of-graduates (calibration/targets.yaml) identifies it");
    public static final Param GRADUATE_CROWDING_ELASTICITY = Param.num(G, "graduateCrowdingElasticity", 0, 5,
            "elasticity (of the graduate-job chance to graduates per job beyond capacity)",
            "Harris–Todaro (1970): the chance of a job at the region's wage is jobs / job seekers once the jobs are "
                    + "filled, an elasticity of 1; free in the calibration over [0.3, 1.5]: 0.3 is the size of local "
                    + "wage responses to skilled labour supply in the immigration literature (about -0.3 to -0.4 for a "
                    + "10% supply shift, Borjas 2003; approx., not verified here), for a market that adjusts by wages "
                    + "rather than by jobs");
    public static final Param FAMILY_EMIGRATION_MEAN_OF_LAST_OBSERVED_YEARS = Param.whole(G, "familyEmigrationMeanOfLastObservedYears", 1,
            kz.kosh.world.FamilyEmigration.LAST_YEAR - kz.kosh.world.FamilyEmigration.FIRST_YEAR + 1, "observed years (counted back from 2025)",
            "assumption: 1, the projection starts from 2025's index (7,608 emigrants, the lowest of the series, "
                    + "the full year: migration.csv B2, T106): the fall since 2019 is the ebb of the European groups' emigration "
                    + "from a shrinking population (3.51 million Russians estimated for 2020, 2.98 million counted in the 2021 "
                    + "census; Russians 72.5% of emigrants in 2019, 63% in 2023, 57% in 2025, emigration_composition.csv), so no "
                    + "observation supports a level above 2025's; 3 starts from the mean of 2023-2025 "
                    + "(scenarios/family-emigration-recovers.yaml varies it)");
    public static final Param FAMILY_EMIGRATION_RETURN_TO_MEAN_PER_YEAR = Param.num(G, "familyEmigrationReturnToMeanPerYear", 0, 1,
            "share of the gap to the 2013-2024 mean closed per year",
            "assumption: 0, the index stays at its start after 2025 (see familyEmigrationMeanOfLastObservedYears): the "
                    + "2013-2024 mean holds the 2015-2019 wave of the European groups' emigration, which a shrinking "
                    + "population does not repeat; a positive share lets it recover geometrically (0.1: half the gap in "
                    + "6.6 years; scenarios/family-emigration-recovers.yaml)");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(BIRTHS_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED, KAZAKHSTAN_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED,
            DESTINATION_REAL_WAGE_GROWTH_PER_YEAR, DESTINATION_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED, GRADUATE_JOB_CAPACITY_RATIO, GRADUATE_CROWDING_ELASTICITY,
            FAMILY_EMIGRATION_MEAN_OF_LAST_OBSERVED_YEARS, FAMILY_EMIGRATION_RETURN_TO_MEAN_PER_YEAR);

    static EconomyParams read(Fields f) {
        return new EconomyParams(
                BIRTHS_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED.number(f),
                KAZAKHSTAN_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED.number(f),
                DESTINATION_REAL_WAGE_GROWTH_PER_YEAR.number(f),
                DESTINATION_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED.number(f),
                GRADUATE_JOB_CAPACITY_RATIO.number(f),
                GRADUATE_CROWDING_ELASTICITY.number(f),
                FAMILY_EMIGRATION_MEAN_OF_LAST_OBSERVED_YEARS.integer(f),
                FAMILY_EMIGRATION_RETURN_TO_MEAN_PER_YEAR.number(f));
    }
}
