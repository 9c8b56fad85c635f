package kz.kosh.experiment.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Hindcast chart: the model's mean with its 95% CI band (the report's time-series chart) and the
 * observed values as points (a band of observed values as a vertical bar). The count axis starts
 * at zero; years print as 2015.
 */
public final class HindcastChart {
    private HindcastChart() {
    }

    /**
     * Writes the chart as a PNG of the report's size.
     *
     * @param obsYears observed years; {@code obs}, {@code obsLow}, {@code obsHigh} their value and band
     */
    public static void write(Path file, String title, String yLabel, String modelName, double[] years, double[] mean,
                             double[] lo, double[] hi, String observedName, double[] obsYears, double[] obs,
                             double[] obsLow, double[] obsHigh) {
        JFreeChart chart = Charts.timeSeries(title, yLabel,
                List.of(new Charts.Band(modelName, 0, years, mean, lo, hi)), counts());
        XYPlot plot = chart.getXYPlot();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        YIntervalSeries s = new YIntervalSeries(observedName, false, true);
        for (int i = 0; i < obsYears.length; i++) {
            s.add(obsYears[i], obs[i], obsLow[i], obsHigh[i]);
        }
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setBaseLinesVisible(false);
        r.setBaseShapesVisible(true);
        r.setSeriesLinesVisible(0, false);
        r.setSeriesShapesVisible(0, true);
        r.setSeriesShape(0, new Rectangle2D.Double(-5, -5, 10, 10));
        Color c = new Color(0xD62728);
        r.setSeriesPaint(0, c);
        r.setErrorPaint(c);
        r.setErrorStroke(new BasicStroke(2.5f));
        r.setCapLength(10);
        plot.setDataset(1, data);
        plot.setRenderer(1, r);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][]{years, obsYears}) {
            for (double v : a) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min <= max) {
            x.setRange(min - 0.5, max + 0.5);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        double top = 0;
        for (double[] a : new double[][]{mean, hi, obs, obsHigh}) {
            for (double v : a) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    top = Math.max(top, v);
                }
            }
        }
        y.setRange(0, top > 0 ? top * 1.08 : 1);
        Charts.save(chart, file);
    }

    private static DecimalFormat counts() {
        DecimalFormatSymbols sy = new DecimalFormatSymbols(Locale.ROOT);
        sy.setGroupingSeparator(',');
        return new DecimalFormat("#,##0", sy);
    }
}
