package kz.kosh.search;

import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.output.Fmt;
import kz.kosh.indicator.PairedIndicators;
import kz.kosh.output.Indicators;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of a search: {@code front.csv} (tidy: one row per point and quantity, with units,
 * 95% intervals of levels and of paired differences), {@code front.png} (the first two objectives
 * with their intervals; the reference and library scenarios marked; drawn with the other charts by
 * {@link FrontCharts}) and {@code search-report.md} (the answer in a sentence and the table of the front).
 */
public final class FrontReport {
    public static final String CSV = "front.csv";
    public static final String PNG = "front.png";
    public static final String REPORT = "search-report.md";
    /** With three or more objectives: every pair of objectives ({@link #scatterMatrix}). */
    public static final String MATRIX_PNG = "front-matrix.png";
    /** With three or more objectives: parallel coordinates ({@link #parallelCoordinates}). */
    public static final String PARALLEL_PNG = "front-parallel.png";
    static final String HEADER = "point,kind,name,on_front,feasible,role,quantity,place,measure,unit,value,ci95_low,ci95_high,"
            + "reference_value,difference,difference_ci95_low,difference_ci95_high,robust_value,n";

    private FrontReport() {
    }

    static void write(Path dir, SearchSpec spec, List<PolicySearch.FrontPoint> points, ParameterEnsemble ensemble) {
        kz.kosh.output.OutputPaths.write(dir.resolve(CSV), csv(spec, points));
        JFreeChart chart = FrontCharts.chart(spec, points);
        kz.kosh.output.OutputPaths.write(dir.resolve(PNG), out -> ChartUtilities.writeChartAsPNG(out, chart, 1000, 700));
        if (spec.objectives().size() > 2) {
            kz.kosh.output.OutputPaths.write(dir.resolve(MATRIX_PNG),
                    out -> javax.imageio.ImageIO.write(FrontCharts.scatterMatrix(spec, points), "png", out));
            kz.kosh.output.OutputPaths.write(dir.resolve(PARALLEL_PNG),
                    out -> javax.imageio.ImageIO.write(FrontCharts.parallelCoordinates(spec, points), "png", out));
        }
        kz.kosh.output.OutputPaths.write(dir.resolve(REPORT), report(spec, points, ensemble));
    }

    /** front.csv. */
    static String csv(SearchSpec spec, List<PolicySearch.FrontPoint> points) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        List<SearchSpec.Target> targets = spec.targets();
        for (PolicySearch.FrontPoint p : points) {
            Evaluation e = p.evaluation();
            String head = p.id() + "," + p.kind() + "," + p.name() + "," + p.onFront() + "," + p.feasible() + ",";
            double[] v = e.values();
            if (v != null) {
                for (int i = 0; i < v.length; i++) {
                    SearchSpec.Variable x = spec.variables().get(i);
                    sb.append(head).append("variable,").append(x.path()).append(",,from_").append(spec.fromYear()).append(',')
                            .append(csvText(x.unit())).append(',').append(Fmt.number(v[i]))
                            .append(",NA,NA,NA,NA,NA,NA,NA,").append(e.n()).append('\n');
                }
            }
            for (int t = 0; t < targets.size(); t++) {
                SearchSpec.Target g = targets.get(t);
                boolean objective = t < spec.objectives().size();
                String role = objective ? "objective" : t < spec.accountingIndex() ? "constraint" : "accounting";
                double[] ci = e.ci(t);
                double[] dci = e.differenceCi(t);
                String robust = spec.robustPercentile() == null || !objective ? "NA"
                        : Fmt.number(e.percentileOverSets(t, g.sense() == SearchSpec.Sense.MAXIMISE
                        ? 100 - spec.robustPercentile() : spec.robustPercentile()));
                sb.append(head).append(role).append(',').append(g.indicator()).append(',')
                        .append(g.place()).append(',').append(SearchSpec.measureCode(g.measure())).append(',')
                        .append(csvText(g.unit())).append(',').append(Fmt.number(e.mean(t))).append(',')
                        .append(Fmt.number(ci[0])).append(',').append(Fmt.number(ci[1])).append(',')
                        .append(Fmt.number(e.referenceMean(t))).append(',').append(Fmt.number(e.difference(t))).append(',')
                        .append(Fmt.number(dci[0])).append(',').append(Fmt.number(dci[1])).append(',').append(robust)
                        .append(',').append(e.n()).append('\n');
            }
            if (!p.kind().equals("reference")) {
                for (kz.kosh.indicator.Indicator d : PairedIndicators.ALL) {
                    double[] c = paired(spec, e, d);
                    sb.append(head).append("derived,").append(d.name()).append(",KZ,policy_period,").append(d.unit())
                            .append(',').append(Fmt.number(c[0])).append(',').append(Fmt.number(c[1])).append(',')
                            .append(Fmt.number(c[2])).append(",NA,NA,NA,NA,NA,").append(e.n()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /**
     * Extra net programme spending over the policy period per additional graduate living in
     * Kazakhstan in its last year, both paired differences against the reference: every tenge
     * counts, deadweight included (payments to graduates who would have stayed anyway), while only
     * the additional graduates are divided by; {ratio, 95% low, high} (delta method), NaN when the
     * number of additional graduates is not distinguishable from 0.
     */
    static double[] costPerRetained(SearchSpec spec, Evaluation e) {
        return paired(spec, e, PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT);
    }

    /**
     * A paired indicator of a point, {value, 95% low, high}: the cost per additional graduate
     * retained (gross and net of deadweight: delta-method ratios of mean paired differences), the
     * deadweight (mean over replications, Student t) and its share of the extra payments (ratio of
     * means, delta method); see {@link Deadweight} for the columns.
     */
    static double[] paired(SearchSpec spec, Evaluation e, kz.kosh.indicator.Indicator which) {
        int a = spec.accountingIndex();
        int d = spec.targets().size();
        if (which == PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT) {
            return e.differenceRatio(a, a + 1);
        }
        if (which == PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT) {
            return e.differenceRatio(d + Deadweight.NET_SPENDING, a + 1);
        }
        if (which == PairedIndicators.DEADWEIGHT_SHARE) {
            return e.differenceRatio(d + Deadweight.D, d + Deadweight.X);
        }
        if (which == PairedIndicators.DEADWEIGHT_KZT) {
            double[] ci = e.ci(d + Deadweight.D);
            return new double[]{e.mean(d + Deadweight.D), ci[0], ci[1]};
        }
        throw new IllegalArgumentException(which + " is not a paired indicator");
    }

    private static String csvText(String s) {
        return s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** search-report.md: the answer in a sentence, then the table of the front. */
    static String report(SearchSpec spec, List<PolicySearch.FrontPoint> points, ParameterEnsemble ensemble) {
        PolicySearch.FrontPoint refPoint = points.get(0);
        List<PolicySearch.FrontPoint> front = points.stream().filter(PolicySearch.FrontPoint::onFront).toList();
        StringBuilder sb = new StringBuilder("# Policy search: ").append(spec.name()).append("\n\n");
        sb.append(spec.describe()).append(". Reference: ").append(refPoint.name()).append("; the candidates change ")
                .append(spec.variables().stream().map(SearchSpec.Variable::path).toList()).append(" from ")
                .append(spec.fromYear()).append(". Every point ran ").append(refPoint.evaluation().n())
                .append(" replications paired with the reference (seed baseSeed + r in both: common random numbers")
                .append(ensemble == null ? "" : "; parameter set r mod " + ensemble.size() + " of " + ensemble.file().getFileName())
                .append("). Intervals: 95%, Student t over replications; they include seed noise")
                .append(ensemble == null ? " only, not parameter uncertainty" : " and the spread of the parameter sets")
                .append(". Noisy dominance: the last population's front was evaluated again with these replications and "
                        + "the front recomputed on the new means")
                .append(spec.robustPercentile() == null ? "" : "; ranked by the " + spec.robustPercentile()
                        + "th-percentile (bad-tail) value over parameter sets, a robust front")
                .append(".\n\n");
        if (front.isEmpty()) {
            sb.append("**No feasible point was found**: every candidate breaks a constraint; relax it or widen the bounds.\n\n");
        } else {
            PolicySearch.FrontPoint knee = knee(spec, front);
            sb.append("**Answer.** ").append(sentence(spec, knee, refPoint.name())).append(" (point ").append(knee.id())
                    .append(", the front's point nearest to the ideal in objectives scaled to the front's range; ")
                    .append("`kosh search export DIR ").append(knee.id()).append("` writes it as a scenario).\n\n");
        }
        sb.append("| point | on front | ");
        for (SearchSpec.Variable v : spec.variables()) {
            sb.append(v.path()).append(" (").append(v.unit()).append(") | ");
        }
        for (SearchSpec.Target t : spec.targets()) {
            sb.append(t.code()).append(" (").append(t.unit()).append(") | difference [95% CI] | ");
        }
        sb.append("cost per additional graduate retained, KZT [95% CI] | deadweight share [95% CI] | "
                + "net of deadweight, KZT [95% CI] |");
        sb.append("\n|");
        int cols = 5 + spec.variables().size() + 2 * spec.targets().size();
        sb.append("---|".repeat(cols)).append('\n');
        for (PolicySearch.FrontPoint p : points) {
            Evaluation e = p.evaluation();
            sb.append("| ").append(p.kind().equals("candidate") ? String.valueOf(p.id()) : p.id() + " " + p.name())
                    .append(" | ").append(p.onFront() ? "yes" : p.feasible() ? "no" : "infeasible").append(" | ");
            double[] v = e.values();
            for (int i = 0; i < spec.variables().size(); i++) {
                sb.append(v == null ? "" : num(v[i])).append(" | ");
            }
            for (int t = 0; t < spec.targets().size(); t++) {
                double[] d = e.differenceCi(t);
                sb.append(num(e.mean(t))).append(" | ").append(p.kind().equals("reference") ? "" : num(e.difference(t))
                        + " [" + num(d[0]) + ", " + num(d[1]) + "]").append(" | ");
            }
            for (kz.kosh.indicator.Indicator q : List.of(PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT,
                    PairedIndicators.DEADWEIGHT_SHARE, PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT)) {
                double[] c = paired(spec, e, q);
                sb.append(p.kind().equals("reference") ? " |" : " " + num(c[0]) + " [" + num(c[1]) + ", " + num(c[2]) + "] |");
            }
            sb.append('\n');
        }
        sb.append("\nfront.csv has the same numbers in tidy form; front.png draws the first two objectives")
                .append(spec.objectives().size() > 2 ? ", front-matrix.png every pair of objectives and front-parallel.png "
                        + "all of them in parallel coordinates" : "").append(".\n");
        return sb.toString();
    }

    /** The front's point nearest (Euclidean) to the ideal point, each objective scaled to [0, 1] over the front. */
    static PolicySearch.FrontPoint knee(SearchSpec spec, List<PolicySearch.FrontPoint> front) {
        int k = spec.objectives().size();
        double[] lo = new double[k];
        double[] hi = new double[k];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (PolicySearch.FrontPoint p : front) {
            for (int t = 0; t < k; t++) {
                double v = oriented(spec, p.evaluation(), t);
                lo[t] = Math.min(lo[t], v);
                hi[t] = Math.max(hi[t], v);
            }
        }
        PolicySearch.FrontPoint best = front.get(0);
        double bestD = Double.POSITIVE_INFINITY;
        for (PolicySearch.FrontPoint p : front) {
            double d = 0;
            for (int t = 0; t < k; t++) {
                double range = hi[t] - lo[t];
                double z = range > 0 ? (oriented(spec, p.evaluation(), t) - lo[t]) / range : 0;
                d += z * z;
            }
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    private static double oriented(SearchSpec spec, Evaluation e, int t) {
        return spec.objectives().get(t).sense() == SearchSpec.Sense.MAXIMISE ? -e.mean(t) : e.mean(t);
    }

    /**
     * "For 12.3 bn KZT a year of programme_spending_kzt, the mix (policy.x = 1, ...) lowers
     * abroad_n_years_after_graduation_share_bolashak by 1.2 percentage points [0.4, 2.0] and ... against baseline."
     */
    static String sentence(SearchSpec spec, PolicySearch.FrontPoint p, String reference) {
        Evaluation e = p.evaluation();
        SearchSpec.Target first = spec.objectives().get(0);
        StringBuilder sb = new StringBuilder("For ").append(level(first, e.mean(0))).append(" of ").append(first.code());
        double[] d0 = e.differenceCi(0);
        sb.append(" (").append(e.difference(0) >= 0 ? "+" : "").append(interval(first, e.difference(0), d0[0], d0[1]))
                .append(" against ").append(reference).append("), the mix ");
        double[] v = e.values();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            parts.add(spec.variables().get(i).path() + " = " + num(v[i]));
        }
        sb.append(String.join(", ", parts)).append(" from ").append(spec.fromYear());
        List<String> effects = new ArrayList<>();
        for (int t = 1; t < spec.objectives().size(); t++) {
            SearchSpec.Target o = spec.objectives().get(t);
            double d = e.difference(t);
            double[] ci = e.differenceCi(t);
            String verb = d < 0 ? "lowers" : "raises";
            double lo = d < 0 ? -ci[1] : ci[0];
            double hi = d < 0 ? -ci[0] : ci[1];
            boolean sure = ci[0] > 0 || ci[1] < 0;
            effects.add(verb + " " + o.code() + " by " + interval(o, Math.abs(d), lo, hi)
                    + (sure ? "" : " (the interval includes no change)"));
        }
        sb.append(' ').append(String.join(" and ", effects)).append(" against ").append(reference);
        double[] c = costPerRetained(spec, e);
        if (!Double.isNaN(c[0]) && c[0] > 0) {
            sb.append("; each additional graduate living in Kazakhstan at the end costs ").append(num(c[0]))
                    .append(" KZT [").append(num(c[1])).append(", ").append(num(c[2])).append("] of net programme spending");
        }
        double[] w = paired(spec, e, PairedIndicators.DEADWEIGHT_SHARE);
        if (!Double.isNaN(w[0])) {
            double[] n = paired(spec, e, PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT);
            sb.append("; ").append(String.format(Locale.ROOT, "%.0f%% [%.0f%%, %.0f%%]", 100 * w[0], 100 * w[1], 100 * w[2]))
                    .append(" of the extra payments went to graduates who would have stayed anyway (deadweight)");
            if (!Double.isNaN(n[0])) {
                sb.append(", ").append(num(n[0])).append(" KZT [").append(num(n[1])).append(", ").append(num(n[2]))
                        .append("] per additional graduate net of it");
            }
        }
        return sb.append('.').toString();
    }

    /** A level in words: KZT in bn (a year for a period mean), shares in %, else the unit. */
    static String level(SearchSpec.Target t, double x) {
        if (Indicators.SHARE.equals(t.unit()) && !Double.isNaN(x)) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * x);
        }
        return amount(t, x);
    }

    /** "1.70 [-2.36, 5.75] percentage points", "2.35 [0.03, 4.67] bn KZT a year", "450 [-1,726, 2,626] persons". */
    static String interval(SearchSpec.Target t, double x, double lo, double hi) {
        String perYear = t.measure() == kz.kosh.experiment.report.Headline.Measure.PERIOD_MEAN ? " a year" : "";
        if (Indicators.KZT.equals(t.unit())) {
            return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] bn KZT", x / 1e9, lo / 1e9, hi / 1e9) + perYear;
        }
        if (Indicators.SHARE.equals(t.unit())) {
            return String.format(Locale.ROOT, "%.2f [%.2f, %.2f] percentage points", 100 * x, 100 * lo, 100 * hi);
        }
        return num(x) + " [" + num(lo) + ", " + num(hi) + "] " + t.unit();
    }

    /** A value in words: KZT in bn (a year for a period mean), shares in percentage points or %, else the unit. */
    static String amount(SearchSpec.Target t, double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        String perYear = t.measure() == kz.kosh.experiment.report.Headline.Measure.PERIOD_MEAN ? " a year" : "";
        if (Indicators.KZT.equals(t.unit())) {
            return String.format(Locale.ROOT, "%.2f bn KZT", x / 1e9) + perYear;
        }
        if (Indicators.SHARE.equals(t.unit())) {
            return String.format(Locale.ROOT, "%.2f percentage points", 100 * x);
        }
        return num(x) + " " + t.unit();
    }

    static String num(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        double a = Math.abs(x);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.3g bn", x / 1e9);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
