package kz.kosh.scenario;

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
    static EconomyParams read(Fields f) {
        return new EconomyParams(
                f.num("birthsGrowthPerYearAfterLastObserved", -0.2, 0.2),
                f.num("kazakhstanRealWageGrowthPerYearAfterLastObserved", -0.2, 0.2),
                f.num("destinationRealWageGrowthPerYear", -0.2, 0.2));
    }
}
