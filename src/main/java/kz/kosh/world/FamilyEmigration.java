package kz.kosh.world;

import java.util.Map;
import java.util.TreeMap;

/**
 * The family-emigration index of each ethnic group and year: how many of the group's people left
 * Kazakhstan in year t, relative to the group's mean over the reference years. Registered
 * emigration is mostly families of the European groups leaving (Russians 70.9% of emigrants in
 * January-July 2013, 72.5% of 45,225 in 2019, 66% of 24,147 in 2022, 63% of 16,094 in 2023;
 * emigration_composition.csv T13, T01, T06) and rose to 2019 and fell by two thirds to 2024
 * (migration.csv B2); graduates leave with their parents and siblings, so a graduate's emigration
 * follows the emigration of the graduate's group ({@code decision.familyEmigrationElasticity}).
 *
 * <pre>
 *   E(t)      all registered emigrants of year t (migration.csv, BNS)
 *   s_R(t)    Russians' share of emigrants: 70.9% (2013), R/E in 2019, 2022 and 2023 from the reported counts
 *             (32,800; 16,000; 10,100), linear between reported years, held at the nearest reported year outside
 *   R(t) = s_R(t)·E(t)            emigrants of Russian ethnicity
 *   N(t) = (1 − s_R(t))·E(t)      emigrants of every other group (Kazakhs, Germans, the rest)
 *   F_g(t) = X_g(t') / mean_{u ∈ [2013, 2024]} X_g(u),   X_R = R, X_N = N,   t' = clamp(t, 2013, 2024)
 * </pre>
 * A graduate of Russian ethnicity takes F_R, every other graduate F_N: the statistics report
 * Russians apart in four years, the other groups only in 2013 and 2019 (Germans 6.4% and 6.9%,
 * Ukrainians 8.0% and 6.6%, Kazakhs 4.9% in 2019), too few to give each its own path. The index
 * uses counts, not hazards per resident of the group: the group populations are not consistent
 * across the 2021 census (BNS estimated 3.51 million Russians for 2020, the census counted 2.98
 * million), and their decline of 1-2% a year is small against the fourfold fall of emigrants from
 * 2019 to 2024. Before 2013 no composition is reported (the index is held at 2013's, so the
 * spin-up keeps its level); 2025 is left out as preliminary (7,608 emigrants, the year the
 * calibration target graduate-emigration also leaves out), so later years hold 2024's.
 */
public final class FamilyEmigration {
    /** First and last year of the reference period: the years with a reported or bracketed composition and a complete count. */
    public static final int FIRST_YEAR = 2013;
    public static final int LAST_YEAR = 2024;
    /** Series of the Russian group and of all other groups. */
    static final int RUSSIANS = 0;
    static final int OTHERS = 1;

    private static volatile FamilyEmigration builtIn;

    /** index[g][t − FIRST_YEAR]. */
    private final double[][] index;

    /**
     * @param emigrants          E(t), persons, for every year FIRST_YEAR..LAST_YEAR
     * @param russianSharePct    reported Russians' shares of emigrants, percent, by year (at least one)
     */
    FamilyEmigration(Map<Integer, Double> emigrants, Map<Integer, Double> russianSharePct) {
        if (russianSharePct.isEmpty()) {
            throw new IllegalArgumentException("no Russians' share of emigrants");
        }
        TreeMap<Integer, Double> share = new TreeMap<>(russianSharePct);
        int n = LAST_YEAR - FIRST_YEAR + 1;
        double[][] x = new double[2][n];
        double[] sum = new double[2];
        for (int k = 0; k < n; k++) {
            int t = FIRST_YEAR + k;
            Double e = emigrants.get(t);
            if (e == null || !(e > 0)) {
                throw new IllegalArgumentException("migration.csv: no emigrants for " + t);
            }
            double s = YearlyInputs.interpolate(share, t) / 100.0;
            x[RUSSIANS][k] = s * e;
            x[OTHERS][k] = (1 - s) * e;
            sum[RUSSIANS] += x[RUSSIANS][k];
            sum[OTHERS] += x[OTHERS][k];
        }
        index = new double[2][n];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < n; k++) {
                index[g][k] = x[g][k] / (sum[g] / n);
            }
        }
    }

    /** The index shipped with Kosh (migration.csv, emigration_composition.csv; read once). */
    public static FamilyEmigration builtIn() {
        FamilyEmigration f = builtIn;
        if (f == null) {
            synchronized (FamilyEmigration.class) {
                if (builtIn == null) {
                    builtIn = read();
                }
                f = builtIn;
            }
        }
        return f;
    }

    /**
     * F_g(t) of the group of ethnicity e ({@link Ethnicity}): Russians their own series, every other
     * group the rest's; after 2024 held at 2024's value ({@link #index(int, int, int, double)} with N = 1, r = 0).
     */
    public double index(int ethnicity, int year) {
        return index(ethnicity, year, 1, 0.0);
    }

    /**
     * F_g(t) as {@link #index(int, int)} up to the last observed year; after it, the projection of
     * the class comment: from the mean A of the last {@code meanOfLastYears} observed years back
     * towards 1 by the share {@code returnPerYear} of the gap each year.
     *
     * @param meanOfLastYears N in [1, 12]
     * @param returnPerYear   r in [0, 1]
     */
    public double index(int ethnicity, int year, int meanOfLastYears, double returnPerYear) {
        if (meanOfLastYears < 1 || meanOfLastYears > LAST_YEAR - FIRST_YEAR + 1 || !(returnPerYear >= 0 && returnPerYear <= 1)) {
            throw new IllegalArgumentException("family-emigration projection: N = " + meanOfLastYears
                    + " (allowed 1.." + (LAST_YEAR - FIRST_YEAR + 1) + "), r = " + returnPerYear + " (allowed 0..1)");
        }
        int g = ethnicity == Ethnicity.RUSSIAN ? RUSSIANS : OTHERS;
        if (year <= LAST_YEAR) {
            return index[g][Math.max(FIRST_YEAR, year) - FIRST_YEAR];
        }
        double start = 0;
        for (int k = 0; k < meanOfLastYears; k++) {
            start += index[g][LAST_YEAR - k - FIRST_YEAR];
        }
        start /= meanOfLastYears;
        return returnPerYear == 0.0 ? start : 1.0 + (start - 1.0) * Math.pow(1.0 - returnPerYear, year - LAST_YEAR);
    }

    private static FamilyEmigration read() {
        Map<Integer, Double> emigrants = new TreeMap<>();
        for (Map<String, String> r : YearlyInputs.table("migration.csv")) {
            if (!r.get("emigrants").isBlank()) {
                emigrants.put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("emigrants")));
            }
        }
        Map<Integer, Double> share = new TreeMap<>();
        for (Map<String, String> r : YearlyInputs.table("emigration_composition.csv")) {
            int year = Integer.parseInt(r.get("year"));
            String measure = r.get("measure");
            if (measure.equals("russians_share_of_emigrants")) {
                share.put(year, Double.parseDouble(r.get("value")));
            } else if (measure.equals("russians_emigrated") && emigrants.containsKey(year)) {
                share.put(year, 100.0 * Double.parseDouble(r.get("value")) / emigrants.get(year));
            }
        }
        return new FamilyEmigration(emigrants, share);
    }
}
