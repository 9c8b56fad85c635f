package kz.kosh.experiment.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of a comparison's answer: for each {@link KeyIndicator} (and each indicator a
 * scenario's {@code headline} names), each scenario against the reference, over the policy period
 * and in its last year, with 95% confidence intervals, and which indicators lead each scenario's
 * short answer ({@link Row#lead}). {@link HeadlineCollector} folds the replications into the
 * statistics, {@link HeadlineCsv} writes and reads headline.csv,
 * {@link HeadlineText} words the answer that {@code compare} / {@code experiment} print and
 * report.html shows on top.
 *
 * <p>The <em>policy period</em> of a scenario runs from the first recorded year in which its
 * parameters in force differ from the reference's ({@link PolicyPeriod#policyStarts}) to the last recorded
 * year, so a policy from 2026 is not diluted by the years before it, whatever the other compared
 * scenarios do. For every replication the yearly
 * values of the period are averaged (period mean: the yearly mean) and, for flows, summed
 * (period total: the cumulative number of persons, or KZT); the statistics of these per-replication
 * values give the means and intervals, and the paired differences are computed within each
 * replication (common random numbers) before averaging. Intervals of levels: Student t for
 * counts and money, Wilson with the effective sample size for shares ({@link Intervals});
 * intervals of differences: Student t.
 */
public final class Headline {
    public static final String FILE = "headline.csv";

    /** What a row measures over the period. */
    public enum Measure {
        /** Mean of the yearly values over the period (for flows: persons per year). */
        PERIOD_MEAN("period_mean"),
        /** Sum of the yearly values over the period (flows only: persons over the period). */
        PERIOD_TOTAL("period_total"),
        /** The value in the last year of the period. */
        LAST_YEAR("last_year"),
        /**
         * The steady state: the mean of the yearly values over the last {@link #STEADY_YEARS} (5) years
         * of the period, so that the transition after the policy starts is left out (for flows:
         * persons or KZT per year). Only for a period of at least 10 years ({@link #hasSteadyState}).
         */
        STEADY_STATE("steady_state"),
        /**
         * The trend within the steady-state window: the least-squares slope of the yearly values over
         * its years times its length (the change over five years at that pace). Near zero once the
         * indicator has settled; a stock that still accumulates (graduates abroad) keeps a drift.
         */
        STEADY_DRIFT("steady_drift");

        final String code;

        Measure(String code) {
            this.code = code;
        }

        static Measure of(String code) {
            for (Measure m : values()) {
                if (m.code.equals(code)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown measure " + code);
        }
    }

    /**
     * One line of headline.csv. {@code pValue}: the two-sided paired t test of the difference;
     * {@code qValue}: its Benjamini-Hochberg adjusted value over the family of rows of the same
     * measure (every key indicator × compared scenario; {@link FalseDiscovery}); {@code lead}: the
     * line of the scenario's short answer this indicator leads (1 = first), 0 when it does not
     * lead ({@link #leads}).
     */
    public record Row(String scenario, String reference, KeyIndicator key, Measure measure, int fromYear, int toYear,
                      double referenceMean, double referenceLo, double referenceHi, double mean, double lo, double hi,
                      double difference, double differenceLo, double differenceHi, long n, double pValue, double qValue,
                      int lead) {
        public Row(String scenario, String reference, KeyIndicator key, Measure measure, int fromYear, int toYear,
                   double referenceMean, double referenceLo, double referenceHi, double mean, double lo, double hi,
                   double difference, double differenceLo, double differenceHi, long n, double pValue, double qValue) {
            this(scenario, reference, key, measure, fromYear, toYear, referenceMean, referenceLo, referenceHi, mean, lo,
                    hi, difference, differenceLo, differenceHi, n, pValue, qValue, 0);
        }

        public Row(String scenario, String reference, KeyIndicator key, Measure measure, int fromYear, int toYear,
                   double referenceMean, double referenceLo, double referenceHi, double mean, double lo, double hi,
                   double difference, double differenceLo, double differenceHi, long n) {
            this(scenario, reference, key, measure, fromYear, toYear, referenceMean, referenceLo, referenceHi, mean, lo,
                    hi, difference, differenceLo, differenceHi, n,
                    FalseDiscovery.pValue(difference, differenceLo, differenceHi, n), Double.NaN);
        }

        /** The 95% interval of the difference excludes zero (one test on its own). */
        public boolean excludesZero() {
            return differenceLo > 0 || differenceHi < 0;
        }

        /** Significant with the false discovery rate controlled over its family: the reports' tick. */
        public boolean discovery() {
            return FalseDiscovery.discovery(qValue);
        }

        Row withQ(double q) {
            return new Row(scenario, reference, key, measure, fromYear, toYear, referenceMean, referenceLo, referenceHi,
                    mean, lo, hi, difference, differenceLo, differenceHi, n, pValue, q, lead);
        }

        /** The row leading line {@code line} of its scenario's answer (0: not leading). */
        public Row withLead(int line) {
            return new Row(scenario, reference, key, measure, fromYear, toYear, referenceMean, referenceLo, referenceHi,
                    mean, lo, hi, difference, differenceLo, differenceHi, n, pValue, qValue, line);
        }

        /** The row under other scenario names (labels with sweep values). */
        public Row named(String newScenario, String newReference) {
            return new Row(newScenario, newReference, key, measure, fromYear, toYear, referenceMean, referenceLo,
                    referenceHi, mean, lo, hi, difference, differenceLo, differenceHi, n, pValue, qValue, lead);
        }

        /** Counts and money (persons, persons/year, KZT), not a share or a ratio. */
        boolean inPersonsOrKzt() {
            return !key.isShare() && !kz.kosh.indicator.Indicator.RATIO.equals(key.unit());
        }
    }

    /**
     * The rows with their Benjamini-Hochberg q-values, one family per measure (all key indicators
     * × compared scenarios of that measure), in the same order.
     */
    public static List<Row> withFalseDiscoveryControl(List<Row> rows) {
        List<Row> out = new ArrayList<>(rows);
        for (Measure m : Measure.values()) {
            List<Integer> family = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).measure() == m) {
                    family.add(i);
                }
            }
            double[] p = new double[family.size()];
            for (int j = 0; j < p.length; j++) {
                p[j] = rows.get(family.get(j)).pValue();
            }
            double[] q = FalseDiscovery.adjust(p);
            for (int j = 0; j < p.length; j++) {
                out.set(family.get(j), rows.get(family.get(j)).withQ(q[j]));
            }
        }
        return out;
    }

    /** {@link FalseDiscovery#summary} of the rows of one measure. */
    public static String falseDiscoverySummary(List<Row> rows, Measure m) {
        int count = 0;
        int excluding = 0;
        int discoveries = 0;
        for (Row r : rows) {
            if (r.measure() == m && !Double.isNaN(r.pValue())) {
                count++;
                excluding += r.excludesZero() ? 1 : 0;
                discoveries += r.discovery() ? 1 : 0;
            }
        }
        return FalseDiscovery.summary(count, excluding, discoveries);
    }

    private Headline() {
    }

    /** The rows of headline.csv: every non-reference scenario × key indicator × measure. */
    public static List<Row> compute(HeadlineCollector c, List<String> names) {
        List<Row> out = withFalseDiscoveryControl(c.rows(names));
        List<Row> led = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            if (s != c.reference()) {
                led.addAll(leads(out, names.get(s), c.named(s)));
            }
        }
        return led;
    }

    /**
     * The row of an indicator no replication could compare (its value missing in every year of
     * the period, e.g. a share of no graduates): every statistic NaN, n = 0. headline.csv writes
     * NA, the reports "n/a (no graduates of this kind)".
     */
    static Row missing(String scenario, String reference, KeyIndicator k, Measure m, int from, int to) {
        double x = Double.NaN;
        return new Row(scenario, reference, k, m, from, to, x, x, x, x, x, x, x, x, x, 0);
    }

    /** The steady-state window, years; the period must have twice as many (the first half is the transition). */
    public static final int STEADY_YEARS = 5;

    /** The years of the steady-state window ({@link #STEADY_YEARS}). */
    public static int steadyYears(int first, int last) {
        return STEADY_YEARS;
    }

    /**
     * A period of indexes first..last has a steady state when it is at least 2 × {@link #STEADY_YEARS}
     * years long: at least five years of transition before the window.
     */
    public static boolean hasSteadyState(int first, int last) {
        return last - first + 1 >= 2 * STEADY_YEARS;
    }

    /** True when measure {@code m} has a value for a period of indexes {@code period} (steady states need a long one). */
    static boolean defined(Measure m, int[] period) {
        return (m != Measure.STEADY_STATE && m != Measure.STEADY_DRIFT) || hasSteadyState(period[0], period[1]);
    }

    /** The first year a row of measure {@code m} covers, for a period of indexes {@code period} of {@code years}. */
    static int fromYear(Measure m, List<Integer> years, int[] period) {
        return switch (m) {
            case LAST_YEAR -> years.get(period[1]);
            case STEADY_STATE, STEADY_DRIFT -> years.get(period[1] - steadyYears(period[0], period[1]) + 1);
            default -> years.get(period[0]);
        };
    }

    /** At most this many indicators lead a scenario's answer (with its heading: five lines). */
    public static final int MAX_LEADS = 4;

    /**
     * The rows of one scenario with {@link Row#lead} set: the indicators its {@code headline}
     * names, in order, else {@link #defaultLeads}; the other rows of the scenario keep 0.
     */
    static List<Row> leads(List<Row> rows, String scenario, List<KeyIndicator> named) {
        List<Row> mine = new ArrayList<>();
        for (Row r : rows) {
            if (r.scenario().equals(scenario)) {
                mine.add(r);
            }
        }
        List<KeyIndicator> lead = named.isEmpty() ? defaultLeads(mine) : named;
        List<Row> out = new ArrayList<>();
        for (Row r : mine) {
            int i = lead.indexOf(r.key());
            out.add(i < 0 || i >= MAX_LEADS ? r : r.withLead(i + 1));
        }
        return out;
    }

    /**
     * The default leads of a scenario that names none: the key indicators counted in persons or
     * KZT (never a share: the answer is in persons and money), those whose period-mean difference
     * is a discovery at the controlled false discovery rate first, each group by the size of the
     * change relative to the reference's level (largest first), at most {@link #MAX_LEADS}; of
     * two indicators where one contains the other (emigration within all departures) the one
     * ranked first.
     */
    static List<KeyIndicator> defaultLeads(List<Row> scenarioRows) {
        List<Row> candidates = new ArrayList<>();
        for (Row r : scenarioRows) {
            if (r.measure() == Measure.PERIOD_MEAN && r.key().isKey() && r.inPersonsOrKzt() && r.difference() != 0
                    && !Double.isNaN(r.difference())) {
                candidates.add(r);
            }
        }
        candidates.sort(java.util.Comparator.comparing((Row r) -> !r.discovery())
                .thenComparing(r -> -relativeChange(r)));
        List<KeyIndicator> out = new ArrayList<>();
        for (Row r : candidates) {
            if (out.size() == MAX_LEADS) {
                break;
            }
            if (overlaps(r.key(), out)) {
                continue;
            }
            out.add(r.key());
        }
        return out;
    }

    /** The least-squares slope of v[first..last] against the index (NaN values skipped; NaN below two values). */
    static double slope(double[] v, int first, int last) {
        int n = 0;
        double sx = 0;
        double sy = 0;
        for (int i = first; i <= last; i++) {
            if (!Double.isNaN(v[i])) {
                n++;
                sx += i;
                sy += v[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        for (int i = first; i <= last; i++) {
            if (!Double.isNaN(v[i])) {
                sxy += (i - mx) * (v[i] - my);
                sxx += (i - mx) * (i - mx);
            }
        }
        return sxy / sxx;
    }

    /** |difference| / |reference level|; infinite when the reference is zero. */
    static double relativeChange(Row r) {
        double ref = Math.abs(r.referenceMean());
        return ref == 0 ? Double.POSITIVE_INFINITY : Math.abs(r.difference()) / ref;
    }

    /** Emigration is part of all graduate departures: one of the two leads. */
    private static boolean overlaps(KeyIndicator k, List<KeyIndicator> chosen) {
        boolean departures = k == KeyIndicator.EMIGRATION || k == KeyIndicator.DEPARTURES;
        return departures && (chosen.contains(KeyIndicator.EMIGRATION) || chosen.contains(KeyIndicator.DEPARTURES));
    }

    /**
     * Period mean / total of years first..last (NaN values skipped), the last year's value, the
     * steady state (mean of the last {@link #steadyYears} years) or its drift (the trend within those
     * years times their number).
     */
    public static double aggregate(double[] v, int first, int last, Measure m) {
        if (m == Measure.LAST_YEAR) {
            return v[last];
        }
        if (m == Measure.STEADY_STATE || m == Measure.STEADY_DRIFT) {
            if (!hasSteadyState(first, last)) {
                return Double.NaN;
            }
            int w = steadyYears(first, last);
            return m == Measure.STEADY_STATE ? aggregate(v, last - w + 1, last, Measure.PERIOD_MEAN)
                    : w * slope(v, last - w + 1, last);
        }
        double sum = 0;
        int n = 0;
        for (int y = first; y <= last; y++) {
            if (!Double.isNaN(v[y])) {
                sum += v[y];
                n++;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return m == Measure.PERIOD_TOTAL ? sum : sum / n;
    }

}
