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
 * @param destinationRealWageGrowthPerYear              yearly real wage growth of every destination,
 *                                                      around its table year 2023 (held before 2012)
 */
public record EconomyParams(double birthsGrowthPerYearAfterLastObserved,
                            double kazakhstanRealWageGrowthPerYearAfterLastObserved,
                            double destinationRealWageGrowthPerYear) {

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
            "assumption: 1% real wage growth a year for every destination (roughly the OECD average of the 2010s,"
                    + " approx., not verified here), applied around the table year 2023 and held before 2012");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(BIRTHS_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED, KAZAKHSTAN_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED, DESTINATION_REAL_WAGE_GROWTH_PER_YEAR);

    static EconomyParams read(Fields f) {
        return new EconomyParams(
                BIRTHS_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED.number(f),
                KAZAKHSTAN_REAL_WAGE_GROWTH_PER_YEAR_AFTER_LAST_OBSERVED.number(f),
                DESTINATION_REAL_WAGE_GROWTH_PER_YEAR.number(f));
    }
}
