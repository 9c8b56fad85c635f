package kz.kosh.search;

import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.output.Fmt;
import kz.kosh.indicator.PairedIndicators;
import kz.kosh.output.Indicators;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of a search: {@code front.csv} (tidy: one row per point and quantity, with units,
 * 95% intervals of levels and of paired differences), {@code front.png} (the first two objectives
 * with their intervals; the reference and library scenarios marked) and {@code search-report.md}
 * (the answer in a sentence and the table of the front).
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
        JFreeChart chart = chart(spec, points);
        kz.kosh.output.OutputPaths.write(dir.resolve(PNG), out -> ChartUtilities.writeChartAsPNG(out, chart, 1000, 700));
        if (spec.objectives().size() > 2) {
            kz.kosh.output.OutputPaths.write(dir.resolve(MATRIX_PNG),
                    out -> javax.imageio.ImageIO.write(scatterMatrix(spec, points), "png", out));
            kz.kosh.output.OutputPaths.write(dir.resolve(PARALLEL_PNG),
                    out -> javax.imageio.ImageIO.write(parallelCoordinates(spec, points), "png", out));
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

    /** The first two objectives: front, other final candidates, the reference and library scenarios, with 95% intervals. */
    static JFreeChart chart(SearchSpec spec, List<PolicySearch.FrontPoint> points) {
        return chart(spec, points, 0, 1, "Policy search " + spec.name() + ": the policy period from "
                + spec.fromYear() + " (means, 95% CI)", true);
    }

    /** Objective {@code iy} against objective {@code ix}, as {@link #chart(SearchSpec, List)}. */
    static JFreeChart chart(SearchSpec spec, List<PolicySearch.FrontPoint> points, int ix, int iy, String title,
                            boolean legend) {
        XYIntervalSeries front = new XYIntervalSeries(KIND_LABELS[0]);
        XYIntervalSeries other = new XYIntervalSeries(KIND_LABELS[1]);
        XYIntervalSeries ref = new XYIntervalSeries(KIND_LABELS[2]);
        XYIntervalSeries lib = new XYIntervalSeries(KIND_LABELS[3]);
        List<XYTextAnnotation> labels = new ArrayList<>();
        SearchSpec.Target ox = spec.objectives().get(ix);
        SearchSpec.Target oy = spec.objectives().get(iy);
        double fx = axisFactor(ox);
        double fy = axisFactor(oy);
        for (PolicySearch.FrontPoint p : points) {
            Evaluation e = p.evaluation();
            double x = e.mean(ix) / fx;
            double y = e.mean(iy) / fy;
            double[] cx = {e.ci(ix)[0] / fx, e.ci(ix)[1] / fx};
            double[] cy = {e.ci(iy)[0] / fy, e.ci(iy)[1] / fy};
            double xl = Double.isNaN(cx[0]) ? x : cx[0];
            double xh = Double.isNaN(cx[1]) ? x : cx[1];
            double yl = Double.isNaN(cy[0]) ? y : cy[0];
            double yh = Double.isNaN(cy[1]) ? y : cy[1];
            XYIntervalSeries s = p.kind().equals("reference") ? ref : p.kind().equals("library") ? lib
                    : p.onFront() ? front : other;
            s.add(x, xl, xh, y, yl, yh);
            if (!p.kind().equals("candidate") || p.onFront()) {
                XYTextAnnotation a = new XYTextAnnotation(p.kind().equals("candidate") ? String.valueOf(p.id()) : p.name(), x, y);
                a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                a.setTextAnchor(org.jfree.ui.TextAnchor.BOTTOM_LEFT);
                labels.add(a);
            }
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(front);
        data.addSeries(other);
        data.addSeries(ref);
        data.addSeries(lib);
        JFreeChart chart = ChartFactory.createScatterPlot(title, axis(ox), axis(oy), data, PlotOrientation.VERTICAL, legend,
                false, false);
        if (!legend) { // a panel of the scatter matrix: smaller type for the long indicator codes
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            chart.getXYPlot().getDomainAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            chart.getXYPlot().getRangeAxis().setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setBaseLinesVisible(false);
        r.setBaseShapesVisible(true);
        for (int i = 0; i < KIND_COLOURS.length; i++) {
            r.setSeriesPaint(i, KIND_COLOURS[i]);
        }
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setSeriesShape(2, new Rectangle2D.Double(-5, -5, 10, 10));
        r.setSeriesShape(3, new Rectangle2D.Double(-4, -4, 8, 8));
        r.setErrorStroke(new BasicStroke(1f));
        plot.setRenderer(r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        labels.forEach(plot::addAnnotation);
        return chart;
    }

    /** Colours of the point kinds: front, dominated or infeasible, reference, library (Okabe-Ito). */
    private static final Color[] KIND_COLOURS = {new Color(0, 114, 178), new Color(170, 170, 170), Color.BLACK,
            new Color(213, 94, 0)};
    private static final String[] KIND_LABELS = {"Pareto front (search)", "dominated or infeasible after re-evaluation",
            "reference", "library scenarios"};

    /** Index into {@link #KIND_COLOURS} of a point. */
    private static int kindIndex(PolicySearch.FrontPoint p) {
        return p.kind().equals("reference") ? 2 : p.kind().equals("library") ? 3 : p.onFront() ? 0 : 1;
    }

    /**
     * With three or more objectives, every pair: objective j (rows) against objective i (columns)
     * for i &lt; j, a (k − 1) × (k − 1) lower triangle of the charts of {@link #chart}, each with its
     * 95% intervals and the reference and library scenarios marked and named; a legend on top.
     */
    static java.awt.image.BufferedImage scatterMatrix(SearchSpec spec, List<PolicySearch.FrontPoint> points) {
        int k = spec.objectives().size();
        int cell = 460;
        int top = 70;
        int n = k - 1;
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(n * cell, top + n * cell,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Policy search " + spec.name() + ": every pair of its " + k + " objectives, the policy period from "
                    + spec.fromYear() + " (means, 95% CI)", 10, 22);
            legend(g, 10, 48);
            for (int j = 1; j < k; j++) {
                for (int i = 0; i < j; i++) {
                    JFreeChart c = chart(spec, points, i, j, spec.objectives().get(j).code() + " against "
                            + spec.objectives().get(i).code(), false);
                    c.draw(g, new Rectangle2D.Double(i * cell, top + (j - 1) * cell, cell, cell));
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void legend(java.awt.Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < KIND_COLOURS.length; i++) {
            g.setColor(KIND_COLOURS[i]);
            g.fillRect(x, y - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(KIND_LABELS[i], x + 14, y);
            x += 24 + g.getFontMetrics().stringWidth(KIND_LABELS[i]);
        }
    }

    /**
     * With three or more objectives, parallel coordinates (as MORDM draws a front): one vertical
     * axis per objective, each scaled to the range of the points' means and turned so that better
     * is up (a minimised objective's smallest value at the top); every point a line across the
     * axes: the front in blue, dominated or infeasible points in grey, the reference in black and
     * the library scenarios in orange, named at the right.
     */
    static java.awt.image.BufferedImage parallelCoordinates(SearchSpec spec, List<PolicySearch.FrontPoint> points) {
        int k = spec.objectives().size();
        int w = Math.max(900, 260 * k);
        int h = 640;
        int left = 110;
        int right = 190;
        int top = 110;
        int bottom = 70;
        double[] lo = new double[k];
        double[] hi = new double[k];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (PolicySearch.FrontPoint p : points) {
            for (int t = 0; t < k; t++) {
                double v = p.evaluation().mean(t);
                if (!Double.isNaN(v)) {
                    lo[t] = Math.min(lo[t], v);
                    hi[t] = Math.max(hi[t], v);
                }
            }
        }
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString("Policy search " + spec.name() + ": parallel coordinates, means from " + spec.fromYear()
                    + "; better is up", 10, 22);
            legend(g, 10, 48);
            double step = (w - left - right) / (double) Math.max(1, k - 1);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int t = 0; t < k; t++) {
                int x = (int) Math.round(left + t * step);
                SearchSpec.Target o = spec.objectives().get(t);
                boolean min = o.sense() == SearchSpec.Sense.MINIMISE;
                g.setColor(new Color(120, 120, 120));
                g.drawLine(x, top, x, h - bottom);
                g.setColor(Color.BLACK);
                String name = o.code();
                g.drawString(name, x - g.getFontMetrics().stringWidth(name) / 2, top - 30);
                String sense = "(" + (axisFactor(o) == 1e9 ? "bn KZT" : o.unit()) + ", " + (min ? "minimised" : "maximised") + ")";
                g.drawString(sense, x - g.getFontMetrics().stringWidth(sense) / 2, top - 16);
                String best = axisValue(o, min ? lo[t] : hi[t]);
                String worst = axisValue(o, min ? hi[t] : lo[t]);
                g.drawString(best, x - g.getFontMetrics().stringWidth(best) / 2, top - 3);
                g.drawString(worst, x - g.getFontMetrics().stringWidth(worst) / 2, h - bottom + 14);
            }
            // grey first, then the front, the library and the reference on top; labels kept 12 px apart
            List<Double> labelled = new ArrayList<>();
            for (int kind : new int[]{1, 0, 3, 2}) {
                for (PolicySearch.FrontPoint p : points) {
                    if (kindIndex(p) != kind) {
                        continue;
                    }
                    java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
                    double yLast = Double.NaN;
                    for (int t = 0; t < k; t++) {
                        double v = p.evaluation().mean(t);
                        double range = hi[t] - lo[t];
                        double z = Double.isNaN(v) ? 0.5 : range > 0 ? (v - lo[t]) / range : 0.5;
                        boolean min = spec.objectives().get(t).sense() == SearchSpec.Sense.MINIMISE;
                        double up = min ? 1 - z : z;
                        double y = h - bottom - up * (h - bottom - top);
                        double x = left + t * step;
                        if (t == 0) {
                            line.moveTo(x, y);
                        } else {
                            line.lineTo(x, y);
                        }
                        yLast = y;
                    }
                    g.setColor(KIND_COLOURS[kind]);
                    g.setStroke(new BasicStroke(kind == 2 ? 3f : kind == 1 ? 1f : 2f, BasicStroke.CAP_ROUND,
                            BasicStroke.JOIN_ROUND, 10f, kind == 2 ? new float[]{8f, 5f} : null, 0f));
                    g.draw(line);
                    if (kind != 1) {
                        String label = p.kind().equals("candidate") ? "point " + p.id() : p.name();
                        double y = yLast;
                        boolean moved = true;
                        while (moved) {
                            moved = false;
                            for (double u : labelled) {
                                if (Math.abs(u - y) < 12) {
                                    y = u + 12;
                                    moved = true;
                                }
                            }
                        }
                        labelled.add(y);
                        g.drawString(label, (float) (left + (k - 1) * step + 6), (float) y + 4);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static String axisValue(SearchSpec.Target t, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "NA";
        }
        if (Indicators.SHARE.equals(t.unit())) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * v);
        }
        return axisFactor(t) == 1e9 ? String.format(Locale.ROOT, "%.2f bn", v / 1e9) : num(v);
    }

    private static String axis(SearchSpec.Target t) {
        String unit = axisFactor(t) == 1e9 ? "bn KZT" : t.unit();
        return t.code() + " (" + unit + ", " + (t.sense() == SearchSpec.Sense.MINIMISE ? "minimised" : "maximised") + ")";
    }

    /** Money is drawn in bn KZT. */
    private static double axisFactor(SearchSpec.Target t) {
        return Indicators.KZT.equals(t.unit()) ? 1e9 : 1.0;
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

    private static String num(double x) {
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
