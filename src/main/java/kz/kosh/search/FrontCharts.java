package kz.kosh.search;

import kz.kosh.output.Indicators;
import org.jfree.chart.ChartFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The charts of a policy search's front: the first two objectives with 95% intervals (front.png),
 * every pair of objectives as a lower-triangle matrix (front-matrix.png) and parallel coordinates
 * of all objectives (front-parallel.png); points coloured by kind (front, dominated or infeasible,
 * reference, library; Okabe-Ito).
 */
final class FrontCharts {
    private FrontCharts() {
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
        return axisFactor(t) == 1e9 ? String.format(Locale.ROOT, "%.2f bn", v / 1e9) : FrontReport.num(v);
    }

    private static String axis(SearchSpec.Target t) {
        String unit = axisFactor(t) == 1e9 ? "bn KZT" : t.unit();
        return t.code() + " (" + unit + ", " + (t.sense() == SearchSpec.Sense.MINIMISE ? "minimised" : "maximised") + ")";
    }

    /** Money is drawn in bn KZT. */
    private static double axisFactor(SearchSpec.Target t) {
        return Indicators.KZT.equals(t.unit()) ? 1e9 : 1.0;
    }
}
