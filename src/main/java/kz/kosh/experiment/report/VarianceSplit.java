package kz.kosh.experiment.report;

import kz.kosh.output.Fmt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter spread and seed noise in a comparison run over a parameter ensemble
 * ({@code --parameter-ensemble FILE}): for each key indicator's paired difference (as in
 * headline.csv) the total 95% interval over all replications, and its variance split by a
 * one-way random-effects ANOVA with the parameter set as the group:
 * <ul>
 * <li>within-set variance (seed noise) σ²_w = MS_within = Σ (n_i − 1) s_i² / (N − K), for equal
 * group sizes the mean of the per-set variances;</li>
 * <li>between-set variance (parameter spread) σ²_b = max(0, (MS_between − MS_within) / n₀), with
 * MS_between = Σ n_i (m_i − m)² / (K − 1) and n₀ = (N − Σ n_i² / N) / (K − 1), for equal group
 * sizes n: the variance of the set means − σ²_w / n;</li>
 * <li>the parameter share σ²_b / (σ²_b + σ²_w), the seed share σ²_w / (σ²_b + σ²_w).</li>
 * </ul>
 * Written to variance.csv only when the experiment has an ensemble; nothing changes without one.
 */
public final class VarianceSplit {
    public static final String FILE = "variance.csv";
    static final String HEADER = "scenario,reference,indicator,place,unit,measure,from_year,to_year,difference,"
            + "difference_ci95_low,difference_ci95_high,n,parameter_sets,set_mean_min,set_mean_max,"
            + "between_set_variance,within_set_variance,parameter_share,seed_share";

    private VarianceSplit() {
    }

    /** The two variance components of a one-way random-effects ANOVA; NaN where not estimable. */
    public record Anova(double between, double within, int groups, long n) {
        /** σ²_b / (σ²_b + σ²_w); NaN when not estimable or both are zero. */
        public double parameterShare() {
            double t = between + within;
            return t > 0 ? between / t : Double.NaN;
        }

        public double seedShare() {
            double t = between + within;
            return t > 0 ? within / t : Double.NaN;
        }
    }

    /**
     * The ANOVA from per-group sizes, means and sample variances (a group of one has variance
     * NaN; empty groups are skipped). The within component needs N − K ≥ 1 (some group of two
     * or more), the between component K ≥ 2 groups.
     */
    public static Anova anova(long[] n, double[] mean, double[] variance) {
        long total = 0;
        int groups = 0;
        double sum = 0;
        double ssw = 0;
        double sumSq = 0;
        for (int i = 0; i < n.length; i++) {
            if (n[i] < 1) {
                continue;
            }
            groups++;
            total += n[i];
            sum += n[i] * mean[i];
            sumSq += (double) n[i] * n[i];
            if (n[i] >= 2) {
                ssw += (n[i] - 1) * variance[i];
            }
        }
        if (groups == 0) {
            return new Anova(Double.NaN, Double.NaN, 0, 0);
        }
        double grand = sum / total;
        double within = total - groups >= 1 ? ssw / (total - groups) : Double.NaN;
        double between = Double.NaN;
        if (groups >= 2 && !Double.isNaN(within)) {
            double ssb = 0;
            for (int i = 0; i < n.length; i++) {
                if (n[i] >= 1) {
                    ssb += n[i] * (mean[i] - grand) * (mean[i] - grand);
                }
            }
            double msb = ssb / (groups - 1);
            double n0 = (total - sumSq / total) / (groups - 1);
            between = Math.max(0, (msb - within) / n0);
        }
        return new Anova(between, within, groups, total);
    }

    /** One line of variance.csv. */
    public record Row(String scenario, String reference, KeyIndicator key, Headline.Measure measure, int fromYear,
                      int toYear, double difference, double lo, double hi, long n, int sets, double setMeanMin,
                      double setMeanMax, double between, double within) {
        public double parameterShare() {
            return new Anova(between, within, sets, n).parameterShare();
        }

        public double seedShare() {
            return new Anova(between, within, sets, n).seedShare();
        }
    }

    /** The rows: every non-reference scenario × key indicator × measure of the headline. */
    public static List<Row> compute(HeadlineCollector c, List<String> names) {
        List<Row> out = new ArrayList<>();
        if (c.period(c.reference()) == null || c.sets() == 0) {
            return out;
        }
        for (int s = 0; s < names.size(); s++) {
            if (s == c.reference()) {
                continue;
            }
            int[] period = c.period(s);
            int to = c.years().get(period[1]);
            for (KeyIndicator k : c.series()) {
                for (Headline.Measure m : Headline.Measure.values()) {
                    HeadlineCollector.Moments d = c.difference(s, k, m);
                    HeadlineCollector.Moments[] per = c.bySet(s, k, m);
                    if (d == null || d.n == 0 || per == null) {
                        continue;
                    }
                    long[] n = new long[per.length];
                    double[] mean = new double[per.length];
                    double[] var = new double[per.length];
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < per.length; i++) {
                        n[i] = per[i].n;
                        mean[i] = per[i].mean;
                        var[i] = per[i].n < 2 ? Double.NaN : per[i].m2 / (per[i].n - 1);
                        if (per[i].n > 0) {
                            min = Math.min(min, per[i].mean);
                            max = Math.max(max, per[i].mean);
                        }
                    }
                    Anova a = anova(n, mean, var);
                    double[] ci = d.n < 2 ? new double[]{Double.NaN, Double.NaN} : Intervals.t(d.mean, d.sd(), d.n);
                    out.add(new Row(names.get(s), names.get(c.reference()), k, m, Headline.fromYear(m, c.years(), period),
                            to, d.mean, ci[0], ci[1], d.n, a.groups(), min, max, a.between(), a.within()));
                }
            }
        }
        return out;
    }

    /** Writes variance.csv into {@code dir}. */
    public static void write(Path dir, List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            ReportFiles.key(sb, r.scenario(), r.reference(), r.key(), r.measure(), r.fromYear(), r.toYear());
            for (double x : new double[]{r.difference(), r.lo(), r.hi()}) {
                sb.append(',').append(Fmt.number(x));
            }
            sb.append(',').append(r.n()).append(',').append(r.sets());
            for (double x : new double[]{r.setMeanMin(), r.setMeanMax(), r.between(), r.within(), r.parameterShare(),
                    r.seedShare()}) {
                sb.append(',').append(Fmt.number(x));
            }
            sb.append('\n');
        }
        ReportFiles.write(dir, FILE, sb.toString());
    }

    /** Reads variance.csv of an experiment directory; empty when there is none (no ensemble). */
    public static List<Row> read(Path dir) {
        Path f = dir.resolve(FILE);
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (Map<String, String> m : ExperimentData.readCsv(f, List.of("scenario", "reference", "indicator", "place",
                "measure", "from_year", "to_year", "difference", "n", "parameter_sets", "between_set_variance",
                "within_set_variance"))) {
            KeyIndicator k = KeyIndicator.series(m.get("indicator"), m.get("place"));
            if (k == null) {
                continue;
            }
            out.add(new Row(m.get("scenario"), m.get("reference"), k, Headline.Measure.of(m.get("measure")),
                    Integer.parseInt(m.get("from_year").trim()), Integer.parseInt(m.get("to_year").trim()),
                    ExperimentData.num(m.get("difference")), ExperimentData.num(m.get("difference_ci95_low")),
                    ExperimentData.num(m.get("difference_ci95_high")), (long) ExperimentData.num(m.get("n")),
                    (int) ExperimentData.num(m.get("parameter_sets")), ExperimentData.num(m.get("set_mean_min")),
                    ExperimentData.num(m.get("set_mean_max")), ExperimentData.num(m.get("between_set_variance")),
                    ExperimentData.num(m.get("within_set_variance"))));
        }
        return out;
    }

    /** The row of a scenario, indicator and measure, or null. */
    static Row find(List<Row> rows, String scenario, KeyIndicator k, Headline.Measure m) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.key() == k && r.measure() == m) {
                return r;
            }
        }
        return null;
    }

    /**
     * "62% parameter spread, 38% seed noise (between-set sd 41, within-set sd 30; 4 sets, 12
     * replications; set means −12 to +95)", or why it cannot be split.
     */
    public static String phrase(Row r) {
        String ind = r.key().indicator();
        if (Double.isNaN(r.within())) {
            return "no split: every parameter set needs at least 2 replications (" + r.sets() + " sets, " + r.n()
                    + " replications)";
        }
        if (Double.isNaN(r.between())) {
            return "no split: needs at least 2 parameter sets with replications";
        }
        if (!(r.between() + r.within() > 0)) {
            return "no variance: every replication gave the same difference";
        }
        return String.format(Locale.ROOT, "%d%% parameter spread, %d%% seed noise (between-set sd %s, within-set sd %s; "
                        + "%d sets, %d replications; set means %s to %s)",
                Math.round(100 * r.parameterShare()), 100 - Math.round(100 * r.parameterShare()),
                value(ind, Math.sqrt(r.between()), false), value(ind, Math.sqrt(r.within()), false), r.sets(), r.n(),
                value(ind, r.setMeanMin(), true), value(ind, r.setMeanMax(), true));
    }

    /** A difference-scale value in the indicator's units (pp for shares), signed or not. */
    static String value(String indicator, double x, boolean signed) {
        String s = Formats.interval(indicator, x, Double.NaN, Double.NaN, true);
        return signed || !s.startsWith("+") ? s : s.substring(1);
    }
}
