package kz.kosh.experiment.report;

import kz.kosh.experiment.IndicatorTable;
import kz.kosh.output.Fmt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a comparison: for each {@link KeyIndicator}, each scenario against the reference,
 * over the policy period and in its last year, with 95% confidence intervals; written to
 * headline.csv, printed by {@code compare} / {@code experiment} and shown on top of report.html.
 *
 * <p>The <em>policy period</em> of a scenario runs from the first recorded year in which its
 * parameters in force differ from the reference's ({@link #policyStarts}) to the last recorded
 * year, so a policy from 2026 is not diluted by the years before it, whatever the other compared
 * scenarios do. For every replication the yearly
 * values of the period are averaged (period mean: the yearly mean) and, for flows, summed
 * (period total: the cumulative number of persons); the statistics of these per-replication
 * values give the means and intervals, and the paired differences are computed within each
 * replication (common random numbers) before averaging. Intervals of levels: Student t for
 * counts and money, Wilson with the effective sample size for shares ({@link Intervals});
 * intervals of differences: Student t.
 */
public final class Headline {
    public static final String FILE = "headline.csv";
    static final String HEADER = "scenario,reference,indicator,place,unit,measure,from_year,to_year,"
            + "reference_mean,reference_ci95_low,reference_ci95_high,mean,ci95_low,ci95_high,"
            + "difference,difference_ci95_low,difference_ci95_high,excludes_zero,n,p_value,q_value_bh,fdr_discovery";

    /** What a row measures over the period. */
    public enum Measure {
        /** Mean of the yearly values over the period (for flows: persons per year). */
        PERIOD_MEAN("period_mean"),
        /** Sum of the yearly values over the period (flows only: persons over the period). */
        PERIOD_TOTAL("period_total"),
        /** The value in the last year of the period. */
        LAST_YEAR("last_year");

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
     * measure (every key indicator × compared scenario; {@link FalseDiscovery}).
     */
    public record Row(String scenario, String reference, KeyIndicator key, Measure measure, int fromYear, int toYear,
                      double referenceMean, double referenceLo, double referenceHi, double mean, double lo, double hi,
                      double difference, double differenceLo, double differenceHi, long n, double pValue, double qValue) {
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
                    mean, lo, hi, difference, differenceLo, differenceHi, n, pValue, q);
        }

        /** The row under other scenario names (labels with sweep values). */
        public Row named(String newScenario, String newReference) {
            return new Row(newScenario, newReference, key, measure, fromYear, toYear, referenceMean, referenceLo,
                    referenceHi, mean, lo, hi, difference, differenceLo, differenceHi, n, pValue, qValue);
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

    /**
     * Folds each replication's key indicators into streaming statistics of the period mean, the
     * period total and the last year, for every scenario against the reference: constant memory
     * per scenario, however many replications. Set the policy period start before the first
     * replication (default: the first recorded year).
     */
    public static final class Collector {
        private final int scenarios;
        private final int reference;
        private Integer periodStart;
        /** Per scenario: the first year of its own policy period (null: {@link #periodStart} for all). */
        private int[] periodStarts;
        private List<Integer> years;
        /** [scenario][key][measure][0 reference, 1 scenario, 2 difference]. */
        private final Moments[][][][] stats;
        /** With a parameter ensemble: the difference's moments per set, [scenario][key][measure][set]. */
        private Moments[][][][] bySet;
        private int sets;
        private int currentSet;

        public Collector(int scenarios, int reference) {
            this.scenarios = scenarios;
            this.reference = reference;
            int keys = KeyIndicator.values().length;
            int measures = Measure.values().length;
            stats = new Moments[scenarios][keys][measures][];
        }

        /** The first year of the policy period of every scenario (see {@link Headline#policyStart}). */
        public synchronized void periodStart(int year) {
            if (years != null) {
                throw new IllegalStateException("the policy period must be set before the first replication");
            }
            periodStart = year;
        }

        /**
         * The first year of each scenario's own policy period (index = scenario; the reference's
         * entry is not used): each scenario is compared with the reference from the year it starts
         * to differ from it ({@link Headline#policyStarts}).
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
            bySet = new Moments[scenarios][KeyIndicator.values().length][Measure.values().length][];
        }

        int sets() {
            return sets;
        }

        /** The per-set moments of a difference, or null (no ensemble, or nothing added). */
        Moments[] bySet(int scenario, KeyIndicator k, Measure m) {
            return bySet == null ? null : bySet[scenario][k.ordinal()][m.ordinal()];
        }

        /** Adds one replication that used parameter set {@code set} (0-based) of the ensemble. */
        public synchronized void add(IndicatorTable[] tables, int set) {
            currentSet = set;
            add(tables);
        }

        /** Adds one replication: the tables of all scenarios, in scenario order. */
        public synchronized void add(IndicatorTable[] tables) {
            if (years == null) {
                years = List.copyOf(tables[reference].years());
            }
            double[][] series = new double[scenarios][];
            for (KeyIndicator k : KeyIndicator.values()) {
                for (int s = 0; s < scenarios; s++) {
                    double[] v = new double[years.size()];
                    for (int y = 0; y < v.length; y++) {
                        v[y] = y < tables[s].years().size() ? tables[s].value(y, k.tableKey()) : Double.NaN;
                    }
                    series[s] = v;
                }
                addSeries(k, series);
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
                this.years = List.copyOf(years);
            }
            addSeries(key, series);
        }

        private void addSeries(KeyIndicator k, double[][] series) {
            if (period(reference) == null) {
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
                    double a = aggregate(series[reference], period[0], period[1], m);
                    double b = aggregate(series[s], period[0], period[1], m);
                    if (Double.isNaN(a) || Double.isNaN(b)) {
                        continue;
                    }
                    Moments[] st = stats[s][k.ordinal()][m.ordinal()];
                    if (st == null) {
                        st = new Moments[]{new Moments(), new Moments(), new Moments()};
                        stats[s][k.ordinal()][m.ordinal()] = st;
                    }
                    st[0].add(a);
                    st[1].add(b);
                    st[2].add(b - a);
                    if (bySet != null) {
                        Moments[] ps = bySet[s][k.ordinal()][m.ordinal()];
                        if (ps == null) {
                            ps = new Moments[sets];
                            for (int i = 0; i < sets; i++) {
                                ps[i] = new Moments();
                            }
                            bySet[s][k.ordinal()][m.ordinal()] = ps;
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
            Moments[] st = stats[scenario][k.ordinal()][m.ordinal()];
            return st == null ? null : st[2];
        }
    }

    /**
     * The first year of each scenario's policy period: the first year from {@code firstYear} to
     * {@code lastYear} in which its parameters in force differ from those of the reference (index
     * {@code reference}). A history the scenarios share (the baseline's timeline, inherited
     * through {@code extends}) does not start it; a difference present from the start gives
     * {@code firstYear}; no difference at all gives {@code firstYear} too.
     */
    public static int[] policyStarts(List<kz.kosh.scenario.Scenario> scenarios, int reference, int firstYear, int lastYear) {
        int[] out = new int[scenarios.size()];
        for (int s = 0; s < scenarios.size(); s++) {
            out[s] = s == reference ? firstYear
                    : policyStart(List.of(scenarios.get(reference), scenarios.get(s)), 0, firstYear, lastYear);
        }
        return out;
    }

    /**
     * The first year, from {@code firstYear} to {@code lastYear}, in which the parameters in force
     * of some scenario differ from those of the reference ({@link #policyStarts} applies it to each
     * scenario alone).
     */
    public static int policyStart(List<kz.kosh.scenario.Scenario> scenarios, int reference, int firstYear, int lastYear) {
        for (int y = firstYear; y <= lastYear; y++) {
            String ref = parameters(scenarios.get(reference).inForce(y));
            for (int s = 0; s < scenarios.size(); s++) {
                if (s != reference && !parameters(scenarios.get(s).inForce(y)).equals(ref)) {
                    return y;
                }
            }
        }
        return firstYear;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The parameters of a scenario in force (everything but its name, description, run and timeline) as canonical JSON. */
    static String parameters(kz.kosh.scenario.Scenario s) {
        try {
            return JSON.writeValueAsString(List.of(s.population(), s.study(), s.decision(), s.humanCapital(), s.family(),
                    s.policy(), s.kazakhstan(), s.economy(), s.regions(), s.destinations()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of headline.csv: every non-reference scenario × key indicator × measure. */
    public static List<Row> compute(Collector c, List<String> names) {
        List<Row> out = new ArrayList<>();
        if (c.period(c.reference) == null) {
            return out;
        }
        for (int s = 0; s < names.size(); s++) {
            if (s == c.reference) {
                continue;
            }
            int[] period = c.period(s);
            int from = c.years.get(period[0]);
            int to = c.years.get(period[1]);
            for (KeyIndicator k : KeyIndicator.values()) {
                for (Measure m : Measure.values()) {
                    Moments[] st = c.stats[s][k.ordinal()][m.ordinal()];
                    if (st == null || st[2].n == 0) {
                        continue;
                    }
                    double[] ri = interval(k, st[0]);
                    double[] ai = interval(k, st[1]);
                    double[] di = st[2].n < 2 ? new double[]{Double.NaN, Double.NaN}
                            : Intervals.t(st[2].mean, st[2].sd(), st[2].n);
                    out.add(new Row(names.get(s), names.get(c.reference), k, m, m == Measure.LAST_YEAR ? to : from, to,
                            st[0].mean, ri[0], ri[1], st[1].mean, ai[0], ai[1], st[2].mean, di[0], di[1], st[2].n));
                }
            }
        }
        return withFalseDiscoveryControl(out);
    }

    private static double[] interval(KeyIndicator k, Moments m) {
        if (m.n < 2) {
            return new double[]{Double.NaN, Double.NaN};
        }
        return k.isShare() ? Intervals.share(m.mean, m.sd(), m.n) : Intervals.t(m.mean, m.sd(), m.n);
    }

    /** Period mean / total of years first..last (NaN values skipped), or the last year's value. */
    static double aggregate(double[] v, int first, int last, Measure m) {
        if (m == Measure.LAST_YEAR) {
            return v[last];
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

    // ---------------------------------------------------------------- file

    /** Writes headline.csv into {@code dir}. */
    public static void write(Path dir, List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(ReportFiles.csv(r.scenario())).append(',').append(ReportFiles.csv(r.reference())).append(',').append(r.key().indicator())
                    .append(',').append(r.key().place()).append(',').append(r.key().unit()).append(',')
                    .append(r.measure().code).append(',').append(r.fromYear()).append(',').append(r.toYear());
            for (double x : new double[]{r.referenceMean(), r.referenceLo(), r.referenceHi(), r.mean(), r.lo(), r.hi(),
                    r.difference(), r.differenceLo(), r.differenceHi()}) {
                sb.append(',').append(Fmt.number(x));
            }
            sb.append(',').append(r.excludesZero()).append(',').append(r.n()).append(',').append(Fmt.number(r.pValue()))
                    .append(',').append(Fmt.number(r.qValue())).append(',').append(r.discovery()).append('\n');
        }
        ReportFiles.write(dir, FILE, sb.toString());
    }

    /** Reads headline.csv of an experiment directory; empty when there is none. */
    public static List<Row> read(Path dir) {
        Path f = dir.resolve(FILE);
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (Map<String, String> m : ExperimentData.readCsv(f, List.of("scenario", "reference", "indicator", "place",
                "measure", "from_year", "to_year", "difference", "n"))) {
            KeyIndicator k = KeyIndicator.of(m.get("indicator"), m.get("place"));
            if (k == null) {
                continue;
            }
            out.add(new Row(m.get("scenario"), m.get("reference"), k, Measure.of(m.get("measure")),
                    Integer.parseInt(m.get("from_year").trim()), Integer.parseInt(m.get("to_year").trim()),
                    ExperimentData.num(m.get("reference_mean")), ExperimentData.num(m.get("reference_ci95_low")),
                    ExperimentData.num(m.get("reference_ci95_high")), ExperimentData.num(m.get("mean")),
                    ExperimentData.num(m.get("ci95_low")), ExperimentData.num(m.get("ci95_high")),
                    ExperimentData.num(m.get("difference")), ExperimentData.num(m.get("difference_ci95_low")),
                    ExperimentData.num(m.get("difference_ci95_high")), (long) ExperimentData.num(m.get("n"))));
        }
        return withFalseDiscoveryControl(out);
    }

    // ---------------------------------------------------------------- words

    /** "2025–2045" or "2045". */
    static String period(Row r) {
        return r.fromYear() == r.toYear() ? String.valueOf(r.toYear()) : r.fromYear() + "\u2013" + r.toYear();
    }

    private static String level(Row r, boolean reference) {
        String ind = r.key().indicator();
        return reference ? Formats.interval(ind, r.referenceMean(), r.referenceLo(), r.referenceHi(), false)
                : Formats.interval(ind, r.mean(), r.lo(), r.hi(), false);
    }

    private static String difference(Row r) {
        String s = Formats.interval(r.key().indicator(), r.difference(), r.differenceLo(), r.differenceHi(), true);
        return r.key().isFlow() && r.measure() == Measure.PERIOD_MEAN ? s.replaceFirst(" \\[", " a year [") : s;
    }

    /**
     * One clause about one key indicator (a period-mean row): "raises Bolashak non-return from
     * 2.4% [2.0%; 2.9%] to 94.0% [93.1%; 94.8%] (+91.6 pp [..])" when the difference is a
     * discovery at the controlled false discovery rate ({@link Row#discovery}), else "graduate
     * emigration changes by +69 a year [−68; +205], not distinguishable from zero".
     */
    public static String clause(Row r) {
        if (r.discovery()) {
            return (r.difference() > 0 ? "raises " : "lowers ") + r.key().shortLabel() + " from " + level(r, true)
                    + " to " + level(r, false) + " (" + difference(r) + ")";
        }
        return r.key().shortLabel() + " changes by " + difference(r) + ", not distinguishable from zero";
    }

    /** True when every replication gave the same value in both scenarios (nothing to tell). */
    private static boolean noChange(Row r) {
        return r.difference() == 0 && r.differenceLo() == 0 && r.differenceHi() == 0;
    }

    /**
     * The sentence of one scenario from its period-mean rows: the changes whose interval excludes
     * zero first, then those not distinguishable from zero, then the indicators that do not change.
     */
    public static String sentence(String scenario, List<Row> rows) {
        List<String> clear = new ArrayList<>();
        List<Row> unclear = new ArrayList<>();
        List<String> same = new ArrayList<>();
        String ref = null;
        String period = null;
        for (Row r : rows) {
            if (!r.scenario().equals(scenario) || r.measure() != Measure.PERIOD_MEAN) {
                continue;
            }
            ref = r.reference();
            period = period(r);
            if (noChange(r)) {
                same.add(r.key().shortLabel());
            } else if (r.discovery()) {
                clear.add(clause(r));
            } else {
                unclear.add(r);
            }
        }
        if (ref == null) {
            return scenario + ": no key indicators to compare.";
        }
        List<String> parts = new ArrayList<>(clear);
        if (unclear.size() == 1) {
            parts.add(clause(unclear.get(0)));
        } else if (!unclear.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (Row r : unclear) {
                named.add(r.key().shortLabel() + " (" + difference(r) + ")");
            }
            parts.add("changes not distinguishable from zero in " + String.join(", ", named));
        }
        if (!same.isEmpty()) {
            parts.add("no change in " + String.join(", ", same));
        }
        return scenario + " compared with " + ref + " (yearly mean " + period + "): " + String.join("; ", parts) + ".";
    }

    /** The first period-mean row of a scenario (its policy period), or the first row of any scenario. */
    static Row periodRow(List<Row> rows, String scenario) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.measure() == Measure.PERIOD_MEAN) {
                return r;
            }
        }
        return rows.get(0);
    }

    /** "m differences, about k exclude zero by chance alone": the period-mean family. */
    private static String chance(List<Row> rows) {
        int m = 0;
        for (Row r : rows) {
            m += r.measure() == Measure.PERIOD_MEAN && !Double.isNaN(r.pValue()) ? 1 : 0;
        }
        return String.format(java.util.Locale.ROOT, "of %d period-mean differences about %.1f would exclude zero by chance alone",
                m, FalseDiscovery.ALPHA * m);
    }

    /** Scenarios of the rows, in order. */
    static List<String> scenarios(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (!out.contains(r.scenario())) {
                out.add(r.scenario());
            }
        }
        return out;
    }

    private static Row find(List<Row> rows, String scenario, KeyIndicator k, Measure m) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.key() == k && r.measure() == m) {
                return r;
            }
        }
        return null;
    }

    /** Scenarios named with their sweep parameter values (design.csv of {@code dir}), as in the report. */
    public static List<Row> labelled(List<Row> rows, Path dir) {
        Map<String, String> design;
        try {
            design = ExperimentData.designLabels(dir);
        } catch (RuntimeException e) {
            return rows;
        }
        if (design.isEmpty()) {
            return rows;
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.named(label(design, r.scenario()), label(design, r.reference())));
        }
        return out;
    }

    /** Variance splits named like {@link #labelled} names the headline's scenarios. */
    public static List<VarianceSplit.Row> labelledSplits(List<VarianceSplit.Row> rows, Path dir) {
        Map<String, String> design;
        try {
            design = ExperimentData.designLabels(dir);
        } catch (RuntimeException e) {
            return rows;
        }
        if (design.isEmpty()) {
            return rows;
        }
        List<VarianceSplit.Row> out = new ArrayList<>();
        for (VarianceSplit.Row r : rows) {
            out.add(new VarianceSplit.Row(label(design, r.scenario()), label(design, r.reference()), r.key(), r.measure(),
                    r.fromYear(), r.toYear(), r.difference(), r.lo(), r.hi(), r.n(), r.sets(), r.setMeanMin(),
                    r.setMeanMax(), r.between(), r.within()));
        }
        return out;
    }

    private static String label(Map<String, String> design, String scenario) {
        String v = design.get(scenario);
        return v == null ? scenario : scenario + " (" + v + ")";
    }

    /** Above this many compared scenarios (sweeps), {@link #text} prints one sentence per scenario. */
    static final int MAX_BLOCKS = 4;

    /**
     * The headline as plain text for the terminal: per scenario, one block with a line per key
     * indicator (period mean of both scenarios, the difference per year and in total over the
     * period, and the difference in the last year), then the sentence; with more than
     * {@link #MAX_BLOCKS} scenarios only the sentences.
     */
    public static String text(List<Row> rows) {
        return text(rows, List.of());
    }

    /**
     * As {@link #text(List)}, with a line under each key indicator splitting the variance of its
     * period-mean difference into parameter spread and seed noise ({@link VarianceSplit}; empty
     * without a parameter ensemble, and then the text is that of {@link #text(List)}).
     */
    public static String text(List<Row> rows, List<VarianceSplit.Row> splits) {
        StringBuilder sb = new StringBuilder();
        if (scenarios(rows).size() > MAX_BLOCKS) {
            sb.append("Answer (paired differences to the reference, 95% CI in brackets; the report has the tables):\n");
            for (String s : scenarios(rows)) {
                sb.append("  ").append(sentence(s, rows)).append('\n');
            }
            return sb.toString().replace(Formats.MINUS, "-");
        }
        for (String s : scenarios(rows)) {
            Row any = null;
            for (Row r : rows) {
                if (r.scenario().equals(s) && r.measure() == Measure.PERIOD_MEAN) {
                    any = r;
                    break;
                }
            }
            if (any == null) {
                continue;
            }
            sb.append("Answer: ").append(s).append(" minus ").append(any.reference())
                    .append(", paired by replication, 95% CI in brackets; policy period ").append(period(any))
                    .append(" (yearly mean; total for flows), last year ").append(any.toYear()).append(":\n");
            for (KeyIndicator k : KeyIndicator.values()) {
                Row mean = find(rows, s, k, Measure.PERIOD_MEAN);
                if (mean == null) {
                    continue;
                }
                Row total = find(rows, s, k, Measure.PERIOD_TOTAL);
                Row last = find(rows, s, k, Measure.LAST_YEAR);
                sb.append("  ").append(k.shortLabel()).append(" (").append(k.unit()).append("): ")
                        .append(level(mean, true)).append(" -> ").append(level(mean, false)).append("; difference ")
                        .append(difference(mean)).append(mean.discovery() ? " *" : "");
                if (total != null) {
                    sb.append(", total ").append(difference(total)).append(total.discovery() ? " *" : "");
                }
                if (last != null) {
                    sb.append(", in ").append(last.toYear()).append(' ').append(difference(last))
                            .append(last.discovery() ? " *" : "");
                }
                sb.append('\n');
                VarianceSplit.Row split = VarianceSplit.find(splits, s, k, Measure.PERIOD_MEAN);
                if (split != null) {
                    sb.append("    variance of the difference: ").append(VarianceSplit.phrase(split)).append('\n');
                }
            }
            sb.append("  (* significant with the false discovery rate controlled at 5% over all key indicators x "
                    + "scenarios compared, Benjamini-Hochberg; ").append(chance(rows)).append(")\n");
            if (!splits.isEmpty()) {
                sb.append("  (replications ran over parameter sets: each interval includes parameter uncertainty; "
                        + "the split is a one-way random-effects ANOVA over the sets, see variance.csv)\n");
            }
            sb.append("  In words: ").append(sentence(s, rows)).append('\n');
        }
        return sb.toString().replace(Formats.MINUS, "-");
    }
}
