package kz.kosh.search;

import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.report.Headline;
import kz.kosh.experiment.report.Intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paired replications of one search point against the reference: for every replication r
 * (seed baseSeed + r in both, common random numbers; parameter set r mod K with an ensemble), the
 * value of every target over the policy period in the candidate and in the reference.
 *
 * <p>Statistics: the level is the mean over replications with a Student-t 95% interval (seed and,
 * with an ensemble, parameter uncertainty together); the difference to the reference is the mean
 * of the paired per-replication differences with its Student-t interval; the robust value of a
 * target is the p-th percentile over parameter sets of the per-set mean level (linear
 * interpolation between order statistics, Hyndman–Fan type 7).
 */
public final class Evaluation {
    private final double[] values;
    private final List<double[]> candidate = new ArrayList<>();
    private final List<double[]> reference = new ArrayList<>();
    private final List<Integer> sets = new ArrayList<>();

    /** A point with these (decoded) variable values; null for the reference or a library scenario. */
    public Evaluation(double[] values) {
        this.values = values == null ? null : values.clone();
    }

    public double[] values() {
        return values == null ? null : values.clone();
    }

    /** Adds one replication: the targets' values in the candidate and in the reference, and its parameter set. */
    public void add(int set, double[] candidateValues, double[] referenceValues) {
        candidate.add(candidateValues.clone());
        reference.add(referenceValues.clone());
        sets.add(set);
    }

    /** Number of paired replications. */
    public int n() {
        return candidate.size();
    }

    /** Mean level of target t. */
    public double mean(int t) {
        return mean(candidate, t);
    }

    /** Mean level of target t in the reference (same replications). */
    public double referenceMean(int t) {
        return mean(reference, t);
    }

    /** 95% interval of the mean level (Student t; NaN with one replication). */
    public double[] ci(int t) {
        return interval(candidate, null, t);
    }

    /** Mean paired difference (candidate − reference) of target t. */
    public double difference(int t) {
        double s = 0;
        for (int r = 0; r < n(); r++) {
            s += candidate.get(r)[t] - reference.get(r)[t];
        }
        return s / n();
    }

    /** 95% interval of the mean paired difference (Student t). */
    public double[] differenceCi(int t) {
        return interval(candidate, reference, t);
    }

    /**
     * The ratio of two mean paired differences, mean Δa / mean Δb (e.g. extra spending per
     * additional graduate retained), with a 95% interval by the delta method:
     * Var(R) ≈ (Var Δa − 2R Cov(Δa, Δb) + R² Var Δb) / (n (mean Δb)²), R ± t·√Var(R).
     * {ratio, low, high}; the interval is NaN with fewer than 2 replications, and everything is NaN
     * when the interval of mean Δb includes 0 (no additional graduates to divide by).
     */
    public double[] differenceRatio(int a, int b) {
        int n = n();
        double[] da = new double[n];
        double[] db = new double[n];
        for (int r = 0; r < n; r++) {
            da[r] = candidate.get(r)[a] - reference.get(r)[a];
            db[r] = candidate.get(r)[b] - reference.get(r)[b];
        }
        double ma = java.util.Arrays.stream(da).average().orElse(Double.NaN);
        double mb = java.util.Arrays.stream(db).average().orElse(Double.NaN);
        double[] cib = differenceCi(b);
        if (mb == 0 || Double.isNaN(mb) || (n >= 2 && cib[0] <= 0 && cib[1] >= 0)) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        double ratio = ma / mb;
        if (n < 2) {
            return new double[]{ratio, Double.NaN, Double.NaN};
        }
        double va = 0;
        double vb = 0;
        double cov = 0;
        for (int r = 0; r < n; r++) {
            va += (da[r] - ma) * (da[r] - ma);
            vb += (db[r] - mb) * (db[r] - mb);
            cov += (da[r] - ma) * (db[r] - mb);
        }
        va /= n - 1;
        vb /= n - 1;
        cov /= n - 1;
        double var = (va - 2 * ratio * cov + ratio * ratio * vb) / (n * mb * mb);
        double half = Intervals.t95(n) * Math.sqrt(Math.max(0, var));
        return new double[]{ratio, ratio - half, ratio + half};
    }

    /**
     * The p-th percentile (0-100) over parameter sets of the per-set mean level of target t; with
     * one set (no ensemble) the mean itself.
     */
    public double percentileOverSets(int t, double p) {
        java.util.Map<Integer, double[]> bySet = new java.util.TreeMap<>();
        for (int r = 0; r < n(); r++) {
            double[] acc = bySet.computeIfAbsent(sets.get(r), k -> new double[2]);
            acc[0] += candidate.get(r)[t];
            acc[1]++;
        }
        double[] m = new double[bySet.size()];
        int i = 0;
        for (double[] acc : bySet.values()) {
            m[i++] = acc[0] / acc[1];
        }
        return percentile(m, p);
    }

    /** Number of distinct parameter sets among the replications. */
    public int setCount() {
        return (int) sets.stream().distinct().count();
    }

    /** Hyndman–Fan type 7 percentile (p in [0, 100]) of the values. */
    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        if (s.length == 1) {
            return s[0];
        }
        double h = (s.length - 1) * p / 100.0;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    private double mean(List<double[]> rows, int t) {
        double s = 0;
        for (double[] r : rows) {
            s += r[t];
        }
        return s / rows.size();
    }

    private double[] interval(List<double[]> a, List<double[]> b, int t) {
        int n = a.size();
        if (n < 2) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double mean = 0;
        double m2 = 0;
        for (int r = 0; r < n; r++) {
            double x = a.get(r)[t] - (b == null ? 0 : b.get(r)[t]);
            double d = x - mean;
            mean += d / (r + 1);
            m2 += d * (x - mean);
        }
        return Intervals.t(mean, Math.sqrt(m2 / (n - 1)), n);
    }

    /**
     * The value of a target in one replication's table: the mean (or total) of its yearly values
     * from {@code fromYear} to the last recorded year, the last year's value, or the steady state
     * ({@link Headline#aggregate}: the mean of the last five years when the period has ten). An indicator
     * absent from the table is 0: Kosh writes a lever's payment indicators only when the lever is
     * in use, and an unused lever pays nothing.
     */
    static double value(IndicatorTable table, SearchSpec.Target target, int fromYear) {
        List<Integer> years = table.years();
        int last = years.size() - 1;
        if (last < 0) {
            return Double.NaN;
        }
        if (!table.keys().contains(target.tableKey())) {
            return 0.0;
        }
        if (target.measure() == Headline.Measure.LAST_YEAR) {
            return table.value(last, target.tableKey());
        }
        if (target.measure() == Headline.Measure.STEADY_STATE || target.measure() == Headline.Measure.STEADY_DRIFT) {
            int first = 0;
            while (first < last && years.get(first) < fromYear) {
                first++;
            }
            double[] v = new double[last + 1];
            for (int y = 0; y <= last; y++) {
                v[y] = table.value(y, target.tableKey());
            }
            return Headline.aggregate(v, first, last, target.measure());
        }
        double sum = 0;
        int n = 0;
        for (int y = 0; y <= last; y++) {
            if (years.get(y) >= fromYear) {
                double v = table.value(y, target.tableKey());
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return target.measure() == Headline.Measure.PERIOD_TOTAL ? sum : sum / n;
    }
}
