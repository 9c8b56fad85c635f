package kz.kosh.experiment.report;

import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.report.Headline.Measure;
import kz.kosh.experiment.report.Headline.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds each replication's key indicators into streaming statistics of the period mean, the
 * period total and the last year, for every scenario against the reference: constant memory
 * per scenario, however many replications. Set the policy period start before the first
 * replication (default: the first recorded year).
 *
 * <p>The statistics behind {@link Headline}'s rows; {@link Headline} defines what a row measures,
 * controls the false discovery rate and chooses which rows lead an answer.
 */
public final class HeadlineCollector {
    /** Streaming mean and variance (Welford): constant memory, whatever the number of replications. */
    static final class Moments {
        long n;
        double mean;
        double m2;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }

        double sd() {
            return n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
        }
    }

    private final int scenarios;
    private final int reference;
    private Integer periodStart;
    /** Per scenario: the first year of its own policy period (null: {@link #periodStart} for all). */
    private int[] periodStarts;
    private List<Integer> years;
    /** The series folded: the key indicators, then those the scenarios' headlines name. */
    private final List<KeyIndicator> series = new ArrayList<>(List.of(KeyIndicator.values()));
    /** Per scenario: the series its {@code headline} names, in order (empty: the default, {@link Headline#leads}). */
    private final List<List<KeyIndicator>> named;
    /** [scenario][series][measure][0 reference, 1 scenario, 2 difference]; allocated at the first replication. */
    private Moments[][][][] stats;
    /** The series some replication wrote (a value, or NaN for missing). */
    private final java.util.Set<KeyIndicator> written = new java.util.HashSet<>();
    /** With a parameter ensemble: the difference's moments per set, [scenario][key][measure][set]. */
    private Moments[][][][] bySet;
    private int sets;
    private int currentSet;

    public HeadlineCollector(int scenarios, int reference) {
        this.scenarios = scenarios;
        this.reference = reference;
        named = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            named.add(List.of());
        }
    }

    /**
     * The indicators that lead each scenario's answer (index = scenario; an empty list: the
     * default choice, see {@link Headline#defaultLeads}); series that are not key indicators are
     * folded too. Before the first replication.
     */
    public synchronized void headline(List<List<KeyIndicator>> perScenario) {
        if (years != null) {
            throw new IllegalStateException("the headline must be set before the first replication");
        }
        for (int s = 0; s < scenarios && s < perScenario.size(); s++) {
            named.set(s, List.copyOf(perScenario.get(s)));
            for (KeyIndicator k : perScenario.get(s)) {
                if (!series.contains(k)) {
                    series.add(k);
                }
            }
        }
    }

    /**
     * As {@link #headline}, from each scenario's {@code headline} codes ("indicator" or
     * "indicator@place", validated by the scenario loader).
     */
    public synchronized void headlineCodes(List<List<String>> perScenario) {
        List<List<KeyIndicator>> keys = new ArrayList<>();
        for (List<String> codes : perScenario) {
            List<KeyIndicator> k = new ArrayList<>();
            for (String code : codes) {
                k.add(java.util.Objects.requireNonNull(KeyIndicator.parse(code), code));
            }
            keys.add(k);
        }
        headline(keys);
    }

    /** The series folded, key indicators first. */
    List<KeyIndicator> series() {
        return List.copyOf(series);
    }

    /** The series a scenario's headline names (empty: none named). */
    List<KeyIndicator> named(int scenario) {
        return named.get(scenario);
    }

    private int index(KeyIndicator k) {
        return series.indexOf(k);
    }

    private void start(List<Integer> firstYears) {
        years = List.copyOf(firstYears);
        stats = new Moments[scenarios][series.size()][Measure.values().length][];
        if (sets > 0) {
            bySet = new Moments[scenarios][series.size()][Measure.values().length][];
        }
    }

    /** The first year of the policy period of every scenario (see {@link PolicyPeriod#policyStart}). */
    public synchronized void periodStart(int year) {
        if (years != null) {
            throw new IllegalStateException("the policy period must be set before the first replication");
        }
        periodStart = year;
    }

    /**
     * The first year of each scenario's own policy period (index = scenario; the reference's
     * entry is not used): each scenario is compared with the reference from the year it starts
     * to differ from it ({@link PolicyPeriod#policyStarts}).
     */
    public synchronized void periodStarts(int[] firstYears) {
        if (years != null) {
            throw new IllegalStateException("the policy period must be set before the first replication");
        }
        periodStarts = firstYears.clone();
    }

    /**
     * Keeps the paired differences per parameter set too (K sets; see {@link VarianceSplit});
     * before the first replication.
     */
    public synchronized void parameterSets(int k) {
        if (years != null) {
            throw new IllegalStateException("the parameter sets must be set before the first replication");
        }
        sets = k;
    }

    int sets() {
        return sets;
    }

    /** The per-set moments of a difference, or null (no ensemble, or nothing added). */
    Moments[] bySet(int scenario, KeyIndicator k, Measure m) {
        int i = index(k);
        return bySet == null || i < 0 ? null : bySet[scenario][i][m.ordinal()];
    }

    /** Adds one replication that used parameter set {@code set} (0-based) of the ensemble. */
    public synchronized void add(IndicatorTable[] tables, int set) {
        currentSet = set;
        add(tables);
    }

    /** Adds one replication: the tables of all scenarios, in scenario order. */
    public synchronized void add(IndicatorTable[] tables) {
        if (years == null) {
            start(tables[reference].years());
        }
        double[][] values = new double[scenarios][];
        for (KeyIndicator k : series) {
            for (int s = 0; s < scenarios; s++) {
                if (tables[s].has(k.tableKey())) {
                    written.add(k);
                }
                double[] v = new double[years.size()];
                for (int y = 0; y < v.length; y++) {
                    v[y] = y < tables[s].years().size() ? tables[s].value(y, k.tableKey()) : Double.NaN;
                }
                values[s] = v;
            }
            addSeries(k, values);
        }
    }

    /** As {@link #put(List, KeyIndicator, double[]...)} for a replication of parameter set {@code set} (tests). */
    public synchronized void putForSet(int set, List<Integer> years, KeyIndicator key, double[]... series) {
        currentSet = set;
        put(years, key, series);
    }

    /** Adds one replication's yearly series of one key indicator, one per scenario (tests). */
    public synchronized void put(List<Integer> years, KeyIndicator key, double[]... series) {
        if (this.years == null) {
            if (!this.series.contains(key)) {
                this.series.add(key);
            }
            start(years);
        }
        written.add(key);
        addSeries(key, series);
    }

    private void addSeries(KeyIndicator k, double[][] series) {
        int ki = index(k);
        if (period(reference) == null || ki < 0) {
            return;
        }
        for (Measure m : Measure.values()) {
            if (m == Measure.PERIOD_TOTAL && !k.isFlow()) {
                continue;
            }
            for (int s = 0; s < scenarios; s++) {
                if (s == reference) {
                    continue;
                }
                int[] period = period(s);
                double a = Headline.aggregate(series[reference], period[0], period[1], m);
                double b = Headline.aggregate(series[s], period[0], period[1], m);
                if (Double.isNaN(a) || Double.isNaN(b)) {
                    continue;
                }
                Moments[] st = stats[s][ki][m.ordinal()];
                if (st == null) {
                    st = new Moments[]{new Moments(), new Moments(), new Moments()};
                    stats[s][ki][m.ordinal()] = st;
                }
                st[0].add(a);
                st[1].add(b);
                st[2].add(b - a);
                if (bySet != null) {
                    Moments[] ps = bySet[s][ki][m.ordinal()];
                    if (ps == null) {
                        ps = new Moments[sets];
                        for (int i = 0; i < sets; i++) {
                            ps[i] = new Moments();
                        }
                        bySet[s][ki][m.ordinal()] = ps;
                    }
                    ps[currentSet].add(b - a);
                }
            }
        }
    }

    /** Indexes of the first and last year of a scenario's policy period; null without years. */
    int[] period(int scenario) {
        if (years == null || years.isEmpty()) {
            return null;
        }
        int first = 0;
        Integer start = periodStarts != null ? Integer.valueOf(periodStarts[scenario]) : periodStart;
        if (start != null) {
            while (first < years.size() && years.get(first) < start) {
                first++;
            }
            if (first == years.size()) {
                first = 0; // the period starts after the last year: use the whole recorded period
            }
        }
        return new int[]{first, years.size() - 1};
    }

    public List<Integer> years() {
        return years == null ? List.of() : years;
    }

    int reference() {
        return reference;
    }

    /** The moments of the paired difference of a scenario, or null. */
    Moments difference(int scenario, KeyIndicator k, Measure m) {
        int i = index(k);
        Moments[] st = stats == null || i < 0 ? null : stats[scenario][i][m.ordinal()];
        return st == null ? null : st[2];
    }

    /**
     * The rows of headline.csv before false-discovery control and leads: every non-reference
     * scenario × series × measure with its statistics ({@link Headline#compute} adds the rest).
     */
    List<Row> rows(List<String> names) {
        List<Row> out = new ArrayList<>();
        if (period(reference) == null) {
            return out;
        }
        for (int s = 0; s < names.size(); s++) {
            if (s == reference) {
                continue;
            }
            int[] period = period(s);
            int to = years.get(period[1]);
            for (KeyIndicator k : series) {
                for (Measure m : Measure.values()) {
                    if ((m == Measure.PERIOD_TOTAL && !k.isFlow()) || !Headline.defined(m, period)) {
                        continue;
                    }
                    int from = Headline.fromYear(m, years, period);
                    Moments[] st = stats[s][index(k)][m.ordinal()];
                    if ((st == null || st[2].n == 0) && written.contains(k)) {
                        // written, but no replication had a value in both scenarios (a share of no graduates): n = 0
                        out.add(Headline.missing(names.get(s), names.get(reference), k, m, from, to));
                        continue;
                    }
                    if (st == null || st[2].n == 0) {
                        continue;
                    }
                    double[] ri = interval(k, st[0]);
                    double[] ai = interval(k, st[1]);
                    double[] di = st[2].n < 2 ? new double[]{Double.NaN, Double.NaN}
                            : Intervals.t(st[2].mean, st[2].sd(), st[2].n);
                    out.add(new Row(names.get(s), names.get(reference), k, m, from, to,
                            st[0].mean, ri[0], ri[1], st[1].mean, ai[0], ai[1], st[2].mean, di[0], di[1], st[2].n));
                }
            }
        }
        return out;
    }

    private static double[] interval(KeyIndicator k, Moments m) {
        if (m.n < 2) {
            return new double[]{Double.NaN, Double.NaN};
        }
        return k.isShare() ? Intervals.share(m.mean, m.sd(), m.n) : Intervals.t(m.mean, m.sd(), m.n);
    }
}
