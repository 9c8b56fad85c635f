package kz.kosh.experiment.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

/**
 * A dose-response chart: an indicator's mean over the replications at each dose of a lever, with
 * its 95% CI band, and the reference scenario's mean as a dashed line (kosh dose-response).
 */
public final class DoseResponseChart {
    private DoseResponseChart() {
    }

    /**
     * Writes the chart as a PNG of the report's size.
     *
     * @param share     a share in [0, 1], drawn in percent
     * @param reference the reference's mean (NaN: no line)
     */
    public static void write(Path file, String title, String doseLabel, String valueLabel, boolean share, double[] doses,
                             double[] mean, double[] lo, double[] hi, double reference, String referenceName) {
        JFreeChart chart = Charts.timeSeries(title, valueLabel,
                List.of(new Charts.Band(valueLabel, 0, doses, scaled(mean, share), scaled(lo, share), scaled(hi, share))),
                ReportCharts.chartFormat(share ? "0.#'%'" : "#,##0.###"), false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setLabel(doseLabel);
        x.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        x.setNumberFormatOverride(ReportCharts.chartFormat("#,##0.###"));
        x.setAutoRangeIncludesZero(false);
        if (!Double.isNaN(reference)) {
            ValueMarker m = new ValueMarker(share ? 100 * reference : reference, Color.DARK_GRAY,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
            m.setLabel(referenceName);
            m.setLabelAnchor(org.jfree.ui.RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(org.jfree.ui.TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m);
        }
        chart.removeLegend();
        Charts.save(chart, file);
    }

    private static double[] scaled(double[] v, boolean share) {
        double[] out = v.clone();
        if (share) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= 100;
            }
        }
        return out;
    }
}
