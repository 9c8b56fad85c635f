package kz.kosh.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sourced yearly series that make the world move, read once from
 * {@code kz/kosh/data/series/*.csv} (sources in SOURCES.md beside them and in
 * docs/data-sources.md §4). Immutable, plain Java. Every series has a rule for years outside its
 * data, because simulated years start at {@code startYear − spinUpYears} (1993 for the baseline)
 * and run to 2045.
 *
 * <h2>Cohorts</h2>
 * <pre>
 *   B(t) = births(t)                         for 1980 ≤ t ≤ 2025 (observed; W1 before 2000, BNS after)
 *        = B(1980)                           for t &lt; 1980 (the file starts in 1980; births of 1976-79 are not in it)
 *        = B(2025)·(1 + g_B)^(t − 2025)      for t &gt; 2025 (g_B = economy.birthsGrowthPerYearAfterLastObserved)
 *   L(t) = B(t − 17) · c · k(t)              school leavers of year t (c = population.schoolLeaverCompletionRatio)
 *   c_fit = Σ L_obs(t)·B(t − 17) / Σ B(t − 17)²   least squares through the origin over the observed rows
 *   k(t)  = L_obs(t) / (B(t − 17) · c_fit)    in an observed year (the cohort's own size relative to the fit)
 *         = linear in t between the neighbouring observed years
 *         = 1                                 before the first and after the last observed year
 * </pre>
 * k(t) carries what the counts say about a year's cohort beyond its births: the share of a birth
 * cohort that finishes grade 11 (rather than leaving after grade 9 for a college) moved from 0.56 (2015)
 * to 0.66 (2018) and back to 0.56 (2023), so births × one ratio put the 2017-2019 cohorts, the
 * graduates of 2021-2023, 5-11% too low. With c = c_fit the model's leavers equal the counts in the
 * observed years; a scenario's c still scales every year.
 * The observed rows of school_leavers.csv are every row whose note does not say DERIVED: the
 * 2020 row is 6,000 / 0.048 computed from a share of leavers enrolled abroad (an estimate of the
 * compiler, not a count), so it is left out. The 2017 row ("more than 136,000") is a lower bound
 * and is used as it stands.
 *
 * <h2>Wages (real, in tenge of {@value #PRICE_BASE_YEAR} at Kazakhstan's prices)</h2>
 * The regions' table wages are nominal {@value #REGION_TABLE_YEAR} wages; the destinations' are
 * {@value #PRICE_BASE_YEAR} wages converted at PPP into tenge at Kazakhstan's prices. Decisions
 * compare living standards, so every wage is made real in tenge of {@value #PRICE_BASE_YEAR}:
 * <pre>
 *   N(t) national nominal average wage (BNS, 2012-2025);  P(t) consumer-price level, annual average
 *   (IMF WEO inflation, P(2023) = 1, P(t) = P(t−1)·(1 + π_t/100))
 *   F_KZ(t) = N(t)/N(2022) · P(2023)/P(t)              2012 ≤ t ≤ 2025
 *           = F_KZ(2012)                               t &lt; 2012 (held at the 2012 real level)
 *           = F_KZ(2025)·(1 + g_KZ)^(t − 2025)         t &gt; 2025 (economy.kazakhstanRealWageGrowthPerYear)
 *   wage_r,t = wage_r(table) · F_KZ(t)
 *   F_D(t)  = (1 + g_D)^(min(max(t, 2012), 2025) − 2023)·(1 + g'_D)^(max(t − 2025, 0))
 *           (g_D economy.destinationRealWageGrowthPerYear over the observed years of Kazakhstan's wage,
 *            g'_D economy.destinationRealWageGrowthPerYearAfterLastObserved after them)
 *   wage_d,t = wage_d(table) · F_D(t)
 * </pre>
 * A destination with its own observed real wage series (destination_real_wages.csv: Russia,
 * Rosstat, 2013-2024) follows it over Kazakhstan's observed years instead of g_D:
 * <pre>
 *   S_d(2023) = 1,  S_d(t) = S_d(t − 1)·(1 + c_d(t)/100),  c_d(t) the observed real wage change of year t, %;
 *           S_d over its years [a_d, b_d] (a_d the first change year − 1)
 *   t'      = min(max(t, 2012), 2025)
 *   F_d(t)  = S_d(t')                          a_d ≤ t' ≤ b_d
 *           = S_d(a_d)·(1 + g_D)^(t' − a_d)    t' &lt; a_d
 *           = S_d(b_d)·(1 + g_D)^(t' − b_d)    t' &gt; b_d
 *           times (1 + g'_D)^(max(t − 2025, 0))
 * </pre>
 * Russia takes 70-88% of emigrants (emigration_composition.csv); its real wage fell 9% in 2015
 * and rose 18% 2015-2019 and 27% 2019-2024, while one rate for every destination let it fall
 * behind Kazakhstan's (+9%, +30%) and cut graduates' emigration beyond the family-emigration
 * index (docs/evidence.md, "Destination wages").
 * Exchange rates drop out: at PPP a tenge buys the same basket everywhere, so the 2015 float
 * reaches the model only through Kazakhstan's real wage (prices rose faster than wages in 2015-16).
 *
 * <h2>Unemployment</h2>
 * <pre>
 *   u_r(t) = series_r(clamp(t, first_r, last_r))        regions-unemployment.csv, 2021-2025
 *   U_r(t) = u_r(t) / u_r(2022)                        factor applied to the table value (a 2022 value)
 *   unemployment_r,t = min(100, unemployment_r(table) · U_r(t))
 * </pre>
 * first_r is 2022 for the regions formed in 2022 (Abai, Jetisu, Ulytau), 2021 for the others.
 */
public final class YearlyInputs {
    /** Year of the regions' wage and unemployment columns in regions.csv. */
    public static final int REGION_TABLE_YEAR = 2022;
    /** Price basis of every money amount in the decisions: tenge of this year (the destinations' PPP year). */
    public static final int PRICE_BASE_YEAR = 2023;
    /** Age at leaving school (grade 11): the cohort born in t − 17 leaves school in t. */
    public static final int SCHOOL_LEAVING_AGE = 17;

    private static final String DIR = "/kz/kosh/data/series/";
    private static volatile YearlyInputs builtIn;

    private final TreeMap<Integer, Double> births;
    private final TreeMap<Integer, Double> observedLeavers;
    /** k(t) of the observed years (class comment, "Cohorts"); built once from the observed leavers and births. */
    private final TreeMap<Integer, Double> cohortFactors;
    private final TreeMap<Integer, Double> nationalWage;
    private final TreeMap<Integer, Double> priceLevel;
    private final Map<String, TreeMap<Integer, Double>> unemployment;
    /** Market exchange rates, KZT per unit, by currency code and year (exchange_rates.csv). */
    private final Map<String, TreeMap<Integer, Double>> exchangeRates;
    /** S_d(t): observed real wage levels of destinations with a series, S_d(2023) = 1, by destination id (destination_real_wages.csv). */
    private final Map<String, TreeMap<Integer, Double>> destinationRealWageLevels;

    /** Base year of the study-cost index: the year of the enrolment table the study constants are fitted to (UNESCO 2022). */
    public static final int STUDY_COST_BASE_YEAR = 2022;

    YearlyInputs(TreeMap<Integer, Double> births, TreeMap<Integer, Double> observedLeavers,
                 TreeMap<Integer, Double> nationalWage, TreeMap<Integer, Double> inflationPct,
                 Map<String, TreeMap<Integer, Double>> unemployment) {
        this(births, observedLeavers, nationalWage, inflationPct, unemployment, Map.of());
    }

    YearlyInputs(TreeMap<Integer, Double> births, TreeMap<Integer, Double> observedLeavers,
                 TreeMap<Integer, Double> nationalWage, TreeMap<Integer, Double> inflationPct,
                 Map<String, TreeMap<Integer, Double>> unemployment, Map<String, TreeMap<Integer, Double>> exchangeRates) {
        this(births, observedLeavers, nationalWage, inflationPct, unemployment, exchangeRates, Map.of());
    }

    /**
     * @param destinationRealWageChangePct observed real wage changes, % on the previous year, by destination id
     *                                     and year (consecutive years whose levels include 2023)
     */
    YearlyInputs(TreeMap<Integer, Double> births, TreeMap<Integer, Double> observedLeavers,
                 TreeMap<Integer, Double> nationalWage, TreeMap<Integer, Double> inflationPct,
                 Map<String, TreeMap<Integer, Double>> unemployment, Map<String, TreeMap<Integer, Double>> exchangeRates,
                 Map<String, TreeMap<Integer, Double>> destinationRealWageChangePct) {
        if (births.isEmpty() || nationalWage.isEmpty()) {
            throw new IllegalArgumentException("births and wages need at least one year");
        }
        this.births = new TreeMap<>(births);
        this.observedLeavers = new TreeMap<>(observedLeavers);
        this.cohortFactors = new TreeMap<>();
        if (!this.observedLeavers.isEmpty()) {
            double cFit = fittedCompletionRatio();
            this.observedLeavers.forEach((year, leavers) ->
                    cohortFactors.put(year, leavers / (births(year - SCHOOL_LEAVING_AGE, 0.0) * cFit)));
        }
        this.nationalWage = new TreeMap<>(nationalWage);
        this.priceLevel = priceLevels(inflationPct);
        Map<String, TreeMap<Integer, Double>> u = new LinkedHashMap<>();
        unemployment.forEach((k, v) -> u.put(k, new TreeMap<>(v)));
        this.unemployment = Collections.unmodifiableMap(u);
        Map<String, TreeMap<Integer, Double>> x = new LinkedHashMap<>();
        exchangeRates.forEach((k, v) -> x.put(k, new TreeMap<>(v)));
        this.exchangeRates = Collections.unmodifiableMap(x);
        Map<String, TreeMap<Integer, Double>> levels = new LinkedHashMap<>();
        destinationRealWageChangePct.forEach((k, v) -> levels.put(k, realWageLevels(k, v)));
        this.destinationRealWageLevels = Collections.unmodifiableMap(levels);
        for (int t = this.nationalWage.firstKey(); t <= this.nationalWage.lastKey(); t++) {
            if (!this.nationalWage.containsKey(t) || !priceLevel.containsKey(t)) {
                throw new IllegalArgumentException("wage or price level missing for " + t);
            }
        }
    }

    /** The series shipped with Kosh (read once). */
    public static YearlyInputs builtIn() {
        YearlyInputs y = builtIn;
        if (y == null) {
            synchronized (YearlyInputs.class) {
                if (builtIn == null) {
                    builtIn = read();
                }
                y = builtIn;
            }
        }
        return y;
    }

    // ---------------------------------------------------------------- cohorts

    public int firstBirthYear() {
        return births.firstKey();
    }

    public int lastBirthYear() {
        return births.lastKey();
    }

    /** B(t): live births of year t, observed or by the rules above. */
    public double births(int year, double growthAfterLastObserved) {
        if (year < births.firstKey()) {
            return births.firstEntry().getValue();
        }
        if (year > births.lastKey()) {
            return births.lastEntry().getValue() * Math.pow(1 + growthAfterLastObserved, year - births.lastKey());
        }
        Double b = births.get(year);
        if (b == null) {
            throw new IllegalStateException("births.csv has no row for " + year);
        }
        return b;
    }

    /** L(t) = B(t − 17) · c · k(t): school leavers of year t, persons. */
    public double schoolLeavers(int year, double completionRatio, double birthsGrowthAfterLastObserved) {
        return births(year - SCHOOL_LEAVING_AGE, birthsGrowthAfterLastObserved) * completionRatio
                * cohortYearFactor(year);
    }

    /**
     * k(t): the observed school leavers of year t relative to births 17 years earlier × c_fit, linear
     * between observed years, 1 outside them (class comment, "Cohorts").
     */
    public double cohortYearFactor(int year) {
        if (cohortFactors.isEmpty() || year < cohortFactors.firstKey() || year > cohortFactors.lastKey()) {
            return 1.0;
        }
        return interpolate(cohortFactors, year);
    }

    /** Observed school leavers (DERIVED rows left out), year to persons. */
    public Map<Integer, Double> observedSchoolLeavers() {
        return Collections.unmodifiableMap(observedLeavers);
    }

    /** c_fit = Σ L·B(t−17) / Σ B(t−17)²: least squares through the origin over the observed rows. */
    public double fittedCompletionRatio() {
        double sxy = 0;
        double sxx = 0;
        for (Map.Entry<Integer, Double> e : observedLeavers.entrySet()) {
            double b = births(e.getKey() - SCHOOL_LEAVING_AGE, 0.0);
            sxy += e.getValue() * b;
            sxx += b * b;
        }
        return sxy / sxx;
    }

    // ---------------------------------------------------------------- wages

    public int firstWageYear() {
        return nationalWage.firstKey();
    }

    public int lastWageYear() {
        return nationalWage.lastKey();
    }

    /** N(t): national average monthly nominal wage, KZT (observed years only). */
    public double nationalNominalWage(int year) {
        Double w = nationalWage.get(year);
        if (w == null) {
            throw new IllegalArgumentException("no national wage for " + year);
        }
        return w;
    }

    /** P(t): consumer-price level (annual average), P(2023) = 1 (observed years only). */
    public double priceLevel(int year) {
        Double p = priceLevel.get(year);
        if (p == null) {
            throw new IllegalArgumentException("no price level for " + year);
        }
        return p;
    }

    /**
     * F_KZ(t): converts a region's table wage (nominal, 2022) into its real wage of year t in tenge
     * of 2023.
     */
    public double kazakhstanRealWageFactor(int year, double growthAfterLastObserved) {
        int first = nationalWage.firstKey();
        int last = nationalWage.lastKey();
        int t = Math.max(year, first);
        if (t > last) {
            return kazakhstanRealWageFactor(last, 0.0) * Math.pow(1 + growthAfterLastObserved, t - last);
        }
        return nationalNominalWage(t) / nationalNominalWage(REGION_TABLE_YEAR) * priceLevel(PRICE_BASE_YEAR) / priceLevel(t);
    }

    /** F_D(t) = (1 + g)^(max(t, 2012) − 2023): a destination's real wage of year t over its table wage, one growth rate throughout. */
    public double destinationRealWageFactor(int year, double growthPerYear) {
        return destinationRealWageFactor(year, growthPerYear, growthPerYear);
    }

    /**
     * F_D(t) = (1 + g)^(min(max(t, 2012), L) − 2023)·(1 + g')^(max(t − L, 0)), L = 2025 the last year of
     * Kazakhstan's observed wage: a destination's real wage of year t over its table wage, growing at g
     * over the years Kazakhstan's wage is observed and at g' after them.
     */
    public double destinationRealWageFactor(int year, double growthPerYear, double growthAfterLastObserved) {
        int last = nationalWage.lastKey();
        int t = Math.max(year, nationalWage.firstKey());
        return Math.pow(1 + growthPerYear, Math.min(t, last) - PRICE_BASE_YEAR)
                * (t > last ? Math.pow(1 + growthAfterLastObserved, t - last) : 1.0);
    }

    /**
     * F_d(t) of the class comment: the real wage of destination {@code destinationId} in year t over its
     * table wage; its observed series where it has one (destination_real_wages.csv), else
     * {@link #destinationRealWageFactor(int, double, double)}.
     */
    public double destinationRealWageFactor(String destinationId, int year, double growthPerYear, double growthAfterLastObserved) {
        TreeMap<Integer, Double> s = destinationRealWageLevels.get(destinationId);
        if (s == null) {
            return destinationRealWageFactor(year, growthPerYear, growthAfterLastObserved);
        }
        int last = nationalWage.lastKey();
        int t = Math.min(Math.max(year, nationalWage.firstKey()), last);
        double level;
        if (t < s.firstKey()) {
            level = s.firstEntry().getValue() * Math.pow(1 + growthPerYear, t - s.firstKey());
        } else if (t > s.lastKey()) {
            level = s.lastEntry().getValue() * Math.pow(1 + growthPerYear, t - s.lastKey());
        } else {
            level = s.get(t);
        }
        return level * (year > last ? Math.pow(1 + growthAfterLastObserved, year - last) : 1.0);
    }

    /** The destinations with an observed real wage series (destination_real_wages.csv). */
    public java.util.Set<String> destinationsWithRealWageSeries() {
        return destinationRealWageLevels.keySet();
    }

    /** S_d(t) from the yearly changes c_d(t), S_d(2023) = 1; refuses gaps and series whose levels miss 2023. */
    private static TreeMap<Integer, Double> realWageLevels(String id, TreeMap<Integer, Double> changePct) {
        if (changePct.isEmpty()) {
            throw new IllegalArgumentException("destination_real_wages.csv: no rows for " + id);
        }
        int first = changePct.firstKey() - 1;
        int last = changePct.lastKey();
        if (last - first != changePct.size() || first > PRICE_BASE_YEAR || last < PRICE_BASE_YEAR) {
            throw new IllegalArgumentException("destination_real_wages.csv: " + id + " needs consecutive years whose levels "
                    + "include " + PRICE_BASE_YEAR + " (has " + changePct.keySet() + ")");
        }
        TreeMap<Integer, Double> level = new TreeMap<>();
        level.put(PRICE_BASE_YEAR, 1.0);
        for (int t = PRICE_BASE_YEAR + 1; t <= last; t++) {
            level.put(t, level.get(t - 1) * (1 + changePct.get(t) / 100.0));
        }
        for (int t = PRICE_BASE_YEAR - 1; t >= first; t--) {
            level.put(t, level.get(t + 1) / (1 + changePct.get(t + 1) / 100.0));
        }
        return level;
    }

    // ---------------------------------------------------------------- study abroad: price

    /**
     * The currency in which studying and living at a destination is paid: RUB in Russia, USD
     * elsewhere (assumption: no EUR, TRY, KGS or other series was found, exchange_rates.csv; the
     * US dollar stands for the hard currencies in which tuition abroad is quoted).
     */
    public static String currencyOf(String destinationId) {
        return "RU".equals(destinationId) ? "RUB" : "USD";
    }

    /**
     * e(t): market exchange rate of a currency, KZT per unit, in year t: the observed annual
     * average (exchange_rates.csv), linear between observed years, held at the first or last
     * observed year outside them; NaN for a currency without a series.
     */
    public double exchangeRateKzt(String currency, int year) {
        TreeMap<Integer, Double> s = exchangeRates.get(currency);
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        return interpolate(s, year);
    }

    /** A yearly series at year t: linear between the reported years, held at the nearest one outside them. */
    static double interpolate(TreeMap<Integer, Double> s, int t) {
        Map.Entry<Integer, Double> lo = s.floorEntry(t);
        Map.Entry<Integer, Double> hi = s.ceilingEntry(t);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || lo.getKey() == t) {
            return lo.getValue();
        }
        double w = (t - lo.getKey()) / (double) (hi.getKey() - lo.getKey());
        return lo.getValue() + w * (hi.getValue() - lo.getValue());
    }

    /**
     * C_cur(t): the cost of a year of study abroad paid in currency cur, relative to Kazakhstani
     * incomes and to the base year (STUDY_COST_BASE_YEAR, 2022):
     * <pre>
     *   C_cur(t) = (e_cur(t') / N(t')) / (e_cur(2022) / N(2022)),   t' = clamp(t, 2012, min(last rate year, last wage year))
     * </pre>
     * e the market exchange rate (KZT per unit) and N the national average nominal wage (KZT):
     * tuition and living costs abroad, fixed in the foreign currency (assumption: foreign prices
     * held at their level; no foreign price series), in months of Kazakhstani wages. The tenge's
     * float of 20 August 2015 (USD 221.7 in 2015, 342.2 in 2016) raised it by about a third in a
     * year. Held before the first year with both series (2012) and after the last (no projection).
     * 1 for a currency without a series.
     */
    public double studyCostIndex(String currency, int year) {
        TreeMap<Integer, Double> s = exchangeRates.get(currency);
        if (s == null || s.isEmpty()) {
            return 1.0;
        }
        int first = nationalWage.firstKey();
        int last = Math.min(s.lastKey(), nationalWage.lastKey());
        int t = Math.max(first, Math.min(year, last));
        return exchangeRateKzt(currency, t) / nationalNominalWage(t)
                / (exchangeRateKzt(currency, STUDY_COST_BASE_YEAR) / nationalNominalWage(STUDY_COST_BASE_YEAR));
    }

    // ---------------------------------------------------------------- unemployment

    /** u_r(t): the region's unemployment rate of year t, percent (clamped to its observed years); NaN when unknown. */
    public double unemploymentPct(String region, int year) {
        TreeMap<Integer, Double> s = unemployment.get(region);
        if (s == null || s.isEmpty()) {
            return Double.NaN;
        }
        int t = Math.min(Math.max(year, s.firstKey()), s.lastKey());
        Map.Entry<Integer, Double> e = s.floorEntry(t);
        return e.getValue();
    }

    /** U_r(t) = u_r(t) / u_r(2022): factor on the region's table unemployment; 1 for a region without series. */
    public double unemploymentFactor(String region, int year) {
        double base = unemploymentPct(region, REGION_TABLE_YEAR);
        double u = unemploymentPct(region, year);
        return Double.isNaN(base) || Double.isNaN(u) || base <= 0 ? 1.0 : u / base;
    }

    // ---------------------------------------------------------------- reading

    private static TreeMap<Integer, Double> priceLevels(TreeMap<Integer, Double> inflationPct) {
        TreeMap<Integer, Double> raw = new TreeMap<>();
        if (inflationPct.isEmpty()) {
            return raw;
        }
        double p = 1.0;
        raw.put(inflationPct.firstKey(), p);
        for (int t = inflationPct.firstKey() + 1; t <= inflationPct.lastKey(); t++) {
            Double pi = inflationPct.get(t);
            if (pi == null) {
                break;
            }
            p *= 1 + pi / 100.0;
            raw.put(t, p);
        }
        Double base = raw.get(PRICE_BASE_YEAR);
        TreeMap<Integer, Double> out = new TreeMap<>();
        if (base != null) {
            raw.forEach((t, v) -> out.put(t, v / base));
        }
        return out;
    }

    private static YearlyInputs read() {
        TreeMap<Integer, Double> births = new TreeMap<>();
        for (Map<String, String> r : table("births.csv")) {
            births.put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("births")));
        }
        TreeMap<Integer, Double> leavers = new TreeMap<>();
        for (Map<String, String> r : table("school_leavers.csv")) {
            if (r.get("note").contains("DERIVED") || r.get("grade11_graduates").isBlank()) {
                continue;
            }
            leavers.put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("grade11_graduates")));
        }
        TreeMap<Integer, Double> wages = new TreeMap<>();
        for (Map<String, String> r : table("wages.csv")) {
            if (r.get("region").equals("Kazakhstan")) {
                wages.put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("avg_wage_kzt_month")));
            }
        }
        TreeMap<Integer, Double> inflation = new TreeMap<>();
        for (Map<String, String> r : table("cpi.csv")) {
            if (!r.get("cpi_annual_avg_pct").isBlank()) {
                inflation.put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("cpi_annual_avg_pct")));
            }
        }
        Map<String, TreeMap<Integer, Double>> unemployment = new LinkedHashMap<>();
        for (Map<String, String> r : table("regions-unemployment.csv")) {
            TreeMap<Integer, Double> s = new TreeMap<>();
            for (Map.Entry<String, String> e : r.entrySet()) {
                if (e.getKey().startsWith("unemployment_rate_pct_") && !e.getValue().isBlank()) {
                    s.put(Integer.parseInt(e.getKey().substring("unemployment_rate_pct_".length())),
                            Double.parseDouble(e.getValue()));
                }
            }
            unemployment.put(r.get("iso_3166_2"), s);
        }
        Map<String, TreeMap<Integer, Double>> rates = new LinkedHashMap<>();
        for (Map<String, String> r : table("exchange_rates.csv")) {
            if (!r.get("kzt_per_unit").isBlank()) {
                rates.computeIfAbsent(r.get("currency"), k -> new TreeMap<>())
                        .put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("kzt_per_unit")));
            }
        }
        Map<String, TreeMap<Integer, Double>> destWages = new LinkedHashMap<>();
        for (Map<String, String> r : table("destination_real_wages.csv")) {
            destWages.computeIfAbsent(r.get("destination"), k -> new TreeMap<>())
                    .put(Integer.parseInt(r.get("year")), Double.parseDouble(r.get("real_wage_change_pct")));
        }
        return new YearlyInputs(births, leavers, wages, inflation, unemployment, rates, destWages);
    }

    /**
     * The rows of a built-in series file ({@code kz/kosh/data/series/NAME}) as maps column →
     * text, cells trimmed, a blank or missing cell as "" (Jackson CSV: RFC 4180 quoting). The one
     * reader of these files, for the model's inputs and for the observed series of the hindcast
     * and the calibration targets.
     */
    public static List<Map<String, String>> table(String name) {
        String resource = DIR + name;
        try (InputStream in = YearlyInputs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in series " + resource);
            }
            com.fasterxml.jackson.dataformat.csv.CsvMapper mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            mapper.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.TRIM_SPACES);
            List<Map<String, String>> rows = new ArrayList<>();
            try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                    .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(in)) {
                while (it.hasNext()) {
                    rows.add(new LinkedHashMap<>(it.next()));
                }
                com.fasterxml.jackson.dataformat.csv.CsvSchema schema =
                        (com.fasterxml.jackson.dataformat.csv.CsvSchema) it.getParserSchema();
                for (Map<String, String> row : rows) {
                    for (String column : schema.getColumnNames()) {
                        row.putIfAbsent(column, "");
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
