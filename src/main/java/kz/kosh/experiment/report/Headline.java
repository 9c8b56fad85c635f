package kz.kosh.experiment.report;

import kz.kosh.experiment.IndicatorTable;
import kz.kosh.output.Fmt;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of a comparison: for each {@link KeyIndicator}, each scenario against the reference,
 * over the policy period and in its last year, with 95% confidence intervals; written to
 * headline.csv, printed by {@code compare} / {@code experiment} and shown on top of report.html.
 *
 * <p>The <em>policy period</em> runs from the first year in which a timeline entry of any
 * compared scenario takes effect (after the first recorded year) to the last recorded year;
 * without timeline entries it is the whole recorded period. For every replication the yearly
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
            + "difference,difference_ci95_low,difference_ci95_high,excludes_zero,n";

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

    /** One line of headline.csv. */
    public record Row(String scenario, String reference, KeyIndicator key, Measure measure, int fromYear, int toYear,
                      double referenceMean, double referenceLo, double referenceHi, double mean, double lo, double hi,
                      double difference, double differenceLo, double differenceHi, long n) {
        public boolean excludesZero() {
            return differenceLo > 0 || differenceHi < 0;
        }
    }

    private Headline() {
    }

    /**
     * Keeps the yearly values of the key indicators of every replication (a few kilobytes per
     * replication), in the order replications are aggregated.
     */
    public static final class Collector {
        private final int scenarios;
        private List<Integer> years;
        /** [scenario] → key → one yearly series per replication. */
        private final List<Map<KeyIndicator, List<double[]>>> values = new ArrayList<>();

        public Collector(int scenarios) {
            this.scenarios = scenarios;
            for (int s = 0; s < scenarios; s++) {
                values.add(new EnumMap<>(KeyIndicator.class));
            }
        }

        /** Adds one replication: the tables of all scenarios, in scenario order. */
        public synchronized void add(IndicatorTable[] tables, int reference) {
            if (years == null) {
                years = List.copyOf(tables[reference].years());
            }
            for (int s = 0; s < scenarios; s++) {
                for (KeyIndicator k : KeyIndicator.values()) {
                    double[] v = new double[years.size()];
                    for (int y = 0; y < v.length; y++) {
                        v[y] = y < tables[s].years().size() ? tables[s].value(y, k.tableKey()) : Double.NaN;
                    }
                    values.get(s).computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                }
            }
        }

        /** Adds one replication's series of one scenario directly (tests). */
        public synchronized void put(int scenario, List<Integer> years, KeyIndicator key, double[] series) {
            if (this.years == null) {
                this.years = List.copyOf(years);
            }
            values.get(scenario).computeIfAbsent(key, x -> new ArrayList<>()).add(series.clone());
        }

        public List<Integer> years() {
            return years == null ? List.of() : years;
        }
    }

    /**
     * The first year of the policy period: the earliest timeline year of any scenario that falls
     * after {@code firstYear} and not after {@code lastYear}; {@code firstYear} when there is none.
     */
    public static int policyStart(List<kz.kosh.scenario.Scenario> scenarios, int firstYear, int lastYear) {
        int start = Integer.MAX_VALUE;
        for (kz.kosh.scenario.Scenario s : scenarios) {
            for (kz.kosh.scenario.Scenario.TimedChange c : s.timeline()) {
                if (c.fromYear() > firstYear && c.fromYear() <= lastYear) {
                    start = Math.min(start, c.fromYear());
                }
            }
        }
        return start == Integer.MAX_VALUE ? firstYear : start;
    }

    /** The rows of headline.csv: every non-reference scenario × key indicator × measure. */
    public static List<Row> compute(Collector c, List<String> names, int reference, int periodStart) {
        List<Row> out = new ArrayList<>();
        List<Integer> years = c.years();
        if (years.isEmpty()) {
            return out;
        }
        int from = Math.max(periodStart, years.get(0));
        int to = years.get(years.size() - 1);
        if (from > to) {
            from = years.get(0);
        }
        int first = years.indexOf(from);
        int last = years.size() - 1;
        for (int s = 0; s < names.size(); s++) {
            if (s == reference) {
                continue;
            }
            for (KeyIndicator k : KeyIndicator.values()) {
                List<double[]> ref = c.values.get(reference).get(k);
                List<double[]> alt = c.values.get(s).get(k);
                if (ref == null || alt == null || allNaN(ref) || allNaN(alt)) {
                    continue;
                }
                for (Measure m : Measure.values()) {
                    if (m == Measure.PERIOD_TOTAL && !k.isFlow()) {
                        continue;
                    }
                    SummaryStatistics rs = new SummaryStatistics();
                    SummaryStatistics as = new SummaryStatistics();
                    SummaryStatistics ds = new SummaryStatistics();
                    int reps = Math.min(ref.size(), alt.size());
                    for (int r = 0; r < reps; r++) {
                        double a = aggregate(ref.get(r), first, last, m);
                        double b = aggregate(alt.get(r), first, last, m);
                        if (Double.isNaN(a) || Double.isNaN(b)) {
                            continue;
                        }
                        rs.addValue(a);
                        as.addValue(b);
                        ds.addValue(b - a);
                    }
                    if (ds.getN() == 0) {
                        continue;
                    }
                    double[] ri = interval(k, rs);
                    double[] ai = interval(k, as);
                    double[] di = ds.getN() < 2 ? new double[]{Double.NaN, Double.NaN}
                            : Intervals.t(ds.getMean(), ds.getStandardDeviation(), ds.getN());
                    out.add(new Row(names.get(s), names.get(reference), k, m, m == Measure.LAST_YEAR ? to : from, to,
                            rs.getMean(), ri[0], ri[1], as.getMean(), ai[0], ai[1], ds.getMean(), di[0], di[1],
                            ds.getN()));
                }
            }
        }
        return out;
    }

    private static boolean allNaN(List<double[]> series) {
        for (double[] v : series) {
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] interval(KeyIndicator k, SummaryStatistics s) {
        if (s.getN() < 2) {
            return new double[]{Double.NaN, Double.NaN};
        }
        return k.isShare() ? Intervals.share(s.getMean(), s.getStandardDeviation(), s.getN())
                : Intervals.t(s.getMean(), s.getStandardDeviation(), s.getN());
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
            sb.append(csv(r.scenario())).append(',').append(csv(r.reference())).append(',').append(r.key().indicator())
                    .append(',').append(r.key().place()).append(',').append(r.key().unit()).append(',')
                    .append(r.measure().code).append(',').append(r.fromYear()).append(',').append(r.toYear());
            for (double x : new double[]{r.referenceMean(), r.referenceLo(), r.referenceHi(), r.mean(), r.lo(), r.hi(),
                    r.difference(), r.differenceLo(), r.differenceHi()}) {
                sb.append(',').append(Fmt.number(x));
            }
            sb.append(',').append(r.excludesZero()).append(',').append(r.n()).append('\n');
        }
        try {
            Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Reads headline.csv of an experiment directory; empty when there is none. */
    public static List<Row> read(Path dir) {
        Path f = dir.resolve(FILE);
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        Map<String, KeyIndicator> keys = new LinkedHashMap<>();
        for (KeyIndicator k : KeyIndicator.values()) {
            keys.put(k.indicator() + "|" + k.place(), k);
        }
        for (Map<String, String> m : ExperimentData.readCsv(f, List.of("scenario", "reference", "indicator", "place",
                "measure", "from_year", "to_year", "difference", "n"))) {
            KeyIndicator k = keys.get(m.get("indicator") + "|" + m.get("place"));
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
        return out;
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
     * 2.4% [2.0%; 2.9%] to 94.0% [93.1%; 94.8%] (+91.6 pp [..])" when the interval of the
     * difference excludes zero, else "graduate emigration changes by +69 a year [−68; +205], not
     * distinguishable from zero".
     */
    public static String clause(Row r) {
        if (r.excludesZero()) {
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
        List<String> unclear = new ArrayList<>();
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
            } else if (r.excludesZero()) {
                clear.add(clause(r));
            } else {
                unclear.add(r.key().shortLabel() + " (" + difference(r) + ")");
            }
        }
        if (ref == null) {
            return scenario + ": no key indicators to compare.";
        }
        List<String> parts = new ArrayList<>(clear);
        if (unclear.size() == 1) {
            parts.add(clause(unclearRow(rows, scenario, unclear.get(0))));
        } else if (!unclear.isEmpty()) {
            parts.add("changes not distinguishable from zero in " + String.join(", ", unclear));
        }
        if (!same.isEmpty()) {
            parts.add("no change in " + String.join(", ", same));
        }
        return scenario + " compared with " + ref + " (yearly mean " + period + "): " + String.join("; ", parts) + ".";
    }

    private static Row unclearRow(List<Row> rows, String scenario, String text) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.measure() == Measure.PERIOD_MEAN
                    && text.startsWith(r.key().shortLabel() + " (")) {
                return r;
            }
        }
        throw new IllegalStateException(text);
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

    /**
     * The headline as plain text for the terminal: per scenario, one block with a line per key
     * indicator (period mean of both scenarios, the difference per year and in total over the
     * period, and the difference in the last year), then the sentence.
     */
    public static String text(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
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
                        .append(difference(mean)).append(mean.excludesZero() ? " *" : "");
                if (total != null) {
                    sb.append(", total ").append(difference(total)).append(total.excludesZero() ? " *" : "");
                }
                if (last != null) {
                    sb.append(", in ").append(last.toYear()).append(' ').append(difference(last))
                            .append(last.excludesZero() ? " *" : "");
                }
                sb.append('\n');
            }
            sb.append("  (* the interval excludes zero)\n");
            sb.append("  In words: ").append(sentence(s, rows)).append('\n');
        }
        return sb.toString().replace(Formats.MINUS, "-");
    }
}
