package kz.kosh.world;

import java.util.Map;
import java.util.TreeMap;

/**
 * The family-emigration index of each destination group and year: how many people left
 * Kazakhstan in year t for Russia, and for every other country, relative to the group's mean over
 * the reference years. Registered emigration is mostly families (of the European groups: Russians
 * 72.5% of 45,225 emigrants in 2019, T01) and rose to 2019 and fell by two thirds to 2024
 * (migration.csv B2); graduates leave with their parents and siblings and follow those who left
 * before them, so a graduate's emigration to a destination follows the emigration of the year to
 * that destination ({@code decision.familyEmigrationElasticity}).
 *
 * <pre>
 *   E(t)      all registered emigrants of year t (migration.csv, BNS)
 *   s(t)      Russia's share of emigrants: 39,800 of 45,225 (2019, T07), 26,700 of 32,256 (2021, T04),
 *             19,500 of 24,147 (2022, T07), 9,428 of 12,732 (January-September 2023, T08), 8,800 of 12,732
 *             (2024, T10), 3,800 of 5,900 (January-September 2025, T107); linear between reported
 *             years, held at the nearest reported year outside
 *   X_RU(t) = s(t)·E(t)           emigrants to Russia
 *   X_O(t)  = (1 − s(t))·E(t)     emigrants to every other country
 *   F_g(t) = X_g(t') / mean_{u ∈ [2013, 2024]} X_g(u),   t' = clamp(t, 2013, 2025)
 * </pre>
 * Russia's index is taken at Russia, the other index at every other foreign place. Until
 * December 2026 the index was by the graduate's ethnic group (Russians and the rest) on every
 * foreign place alike, so the destination mix of the model's emigrants could not move: Russia's
 * share stayed at 0.6-0.7 in 2015-2030 (observed 0.88 in 2019, 0.69 in 2024) and emigrants to
 * countries outside the CIS fell by 83% from 2019 to 2024 with the total, where the observed ones
 * stayed at about 4,000 a year (45,200 − 40,900 = 4,300 in 2019, T01; 16.6% of 24,147 in 2022,
 * T05; 22.7% of 16,094 in 2023, T09); docs/evidence.md, "Family emigration by destination". The
 * fall of Russia's emigrants is that of the Russians' (32,800 in 2019, 10,100 in 2023: T01, T06)
 * and the kin-state network term ({@code decision.russianNetworkBonus}) still sends Russians there
 * first. Before 2019 no destination split is reported: Russia's share is held at 2019's (the
 * Russians' share, 70.9% in January-July 2013 and 72.5% in 2019, T13 and T01, hardly moved).
 * 2025 is observed too (7,608 emigrants, the full calendar year: BNS via liter.kz and lada.kz
 * 09.02.2026, T106; Russia's share from January-September, 3,800 of 5,900, T107); until the ninth
 * round it was left out as preliminary and 2024's index held for 2025 and after, so the model's
 * 2025 did not see the year's fall (-40% on 2024). The reference mean stays 2013-2024 (the years
 * the index was built on; 2013-2024 values unchanged); later years hold 2025's
 * ({@link #index(boolean, int, int, double)}).
 */
public final class FamilyEmigration {
    /** First and last observed year: the years with a reported or bracketed composition and a complete count. */
    public static final int FIRST_YEAR = 2013;
    public static final int LAST_YEAR = 2025;
    /** Last year of the reference period whose mean is 1 (FIRST_YEAR..REFERENCE_LAST_YEAR). */
    public static final int REFERENCE_LAST_YEAR = 2024;
    /** Series of the emigrants to Russia and of those to every other country. */
    static final int TO_RUSSIA = 0;
    static final int ELSEWHERE = 1;

    private static volatile FamilyEmigration builtIn;

    /** index[g][t − FIRST_YEAR]. */
    private final double[][] index;

    /**
     * @param emigrants        E(t), persons, for every year FIRST_YEAR..LAST_YEAR
     * @param russiaSharePct   reported shares of emigrants who went to Russia, percent, by year (at least one)
     */
    FamilyEmigration(Map<Integer, Double> emigrants, Map<Integer, Double> russiaSharePct) {
        if (russiaSharePct.isEmpty()) {
            throw new IllegalArgumentException("no share of emigrants to Russia");
        }
        TreeMap<Integer, Double> share = new TreeMap<>(russiaSharePct);
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
            x[TO_RUSSIA][k] = s * e;
            x[ELSEWHERE][k] = (1 - s) * e;
            if (t <= REFERENCE_LAST_YEAR) {
                sum[TO_RUSSIA] += x[TO_RUSSIA][k];
                sum[ELSEWHERE] += x[ELSEWHERE][k];
            }
        }
        int nRef = REFERENCE_LAST_YEAR - FIRST_YEAR + 1;
        index = new double[2][n];
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < n; k++) {
                index[g][k] = x[g][k] / (sum[g] / nRef);
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
     * F_g(t) of the emigrants to Russia ({@code toRussia}) or to every other country; after 2025
     * held at 2025's value ({@link #index(boolean, int, int, double)} with N = 1, r = 0).
     */
    public double index(boolean toRussia, int year) {
        return index(toRussia, year, 1, 0.0);
    }

    /**
     * F_g(t) as {@link #index(boolean, int)} up to the last observed year; after it, the projection of
     * the class comment: from the mean A of the last {@code meanOfLastYears} observed years back
     * towards 1 by the share {@code returnPerYear} of the gap each year.
     *
     * @param meanOfLastYears N in [1, 12]
     * @param returnPerYear   r in [0, 1]
     */
    public double index(boolean toRussia, int year, int meanOfLastYears, double returnPerYear) {
        if (meanOfLastYears < 1 || meanOfLastYears > LAST_YEAR - FIRST_YEAR + 1 || !(returnPerYear >= 0 && returnPerYear <= 1)) {
            throw new IllegalArgumentException("family-emigration projection: N = " + meanOfLastYears
                    + " (allowed 1.." + (LAST_YEAR - FIRST_YEAR + 1) + "), r = " + returnPerYear + " (allowed 0..1)");
        }
        int g = toRussia ? TO_RUSSIA : ELSEWHERE;
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
        // Russia's share: emigrants to Russia over all emigrants of the same period (the year, or
        // January-September where only those months are reported)
        Map<Integer, Double> toRussia = new TreeMap<>();
        Map<Integer, Double> toRussiaJanSep = new TreeMap<>();
        Map<Integer, Double> janSep = new TreeMap<>();
        for (Map<String, String> r : YearlyInputs.table("emigration_composition.csv")) {
            int year = Integer.parseInt(r.get("year"));
            double v = Double.parseDouble(r.get("value"));
            switch (r.get("measure")) {
                case "emigrants_to_russia" -> toRussia.put(year, v);
                case "emigrants_to_russia_jan_sep" -> toRussiaJanSep.put(year, v);
                case "emigrants_jan_sep" -> janSep.put(year, v);
                default -> { }
            }
        }
        Map<Integer, Double> share = new TreeMap<>();
        for (Map.Entry<Integer, Double> x : toRussia.entrySet()) {
            if (emigrants.containsKey(x.getKey())) {
                share.put(x.getKey(), 100.0 * x.getValue() / emigrants.get(x.getKey()));
            }
        }
        for (Map.Entry<Integer, Double> x : toRussiaJanSep.entrySet()) {
            if (!share.containsKey(x.getKey()) && janSep.containsKey(x.getKey())) {
                share.put(x.getKey(), 100.0 * x.getValue() / janSep.get(x.getKey()));
            }
        }
        return new FamilyEmigration(emigrants, share);
    }
}
