package kz.kosh.experiment.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.ui.RectangleEdge;
import org.jfree.ui.RectangleInsets;
import org.jfree.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** JFreeChart charts of the report, 900×500 PNG, white background, large fonts, distinct colours. */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;

    /** Scenario colours (Tableau 10, colour-blind tolerable, distinct on white). */
    private static final Color[] SCENARIO_COLOURS = {
            new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E),
            new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
            new Color(0x7F7F7F), new Color(0xBCBD22)};

    /** Destination colours: 16 distinct hues for stacked shares. */
    private static final Color[] CATEGORY_COLOURS = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC), new Color(0xA0CBE8), new Color(0xD37295),
            new Color(0xFFBE7D), new Color(0x8CD17D), new Color(0xB6992D), new Color(0x499894)};

    private Charts() {
    }

    static Color scenarioColour(int i) {
        return SCENARIO_COLOURS[i % SCENARIO_COLOURS.length];
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("kosh-report");
        t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        t.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(new Color(0xBBBBBB));
        t.setDomainGridlinePaint(new Color(0xDDDDDD));
        t.setRangeGridlinePaint(new Color(0xDDDDDD));
        t.setAxisLabelPaint(Color.BLACK);
        t.setTickLabelPaint(new Color(0x333333));
        t.setItemLabelPaint(Color.BLACK);
        t.setErrorIndicatorPaint(new Color(0x222222));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        return t;
    }

    private static NumberFormat format(String pattern) {
        DecimalFormatSymbols sy = new DecimalFormatSymbols(Locale.ROOT);
        sy.setGroupingSeparator(',');
        sy.setDecimalSeparator('.');
        sy.setPercent('%');
        return new DecimalFormat(pattern, sy);
    }

    private static void finish(JFreeChart chart) {
        theme().apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 8, 6, 14));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    static void save(JFreeChart chart, Path file) {
        save(chart, file, WIDTH, HEIGHT);
    }

    /** As {@link #save(JFreeChart, Path)} at another size (charts of many bars). */
    static void save(JFreeChart chart, Path file, int width, int height) {
        try {
            ChartUtilities.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One time series per scenario: mean line with a shaded band (the 95% CI). */
    record Band(String name, int colourIndex, double[] x, double[] mean, double[] lo, double[] hi) {
    }

    static JFreeChart timeSeries(String title, String yLabel, List<Band> bands, NumberFormat yFormat) {
        return timeSeries(title, yLabel, bands, yFormat, true, false);
    }

    /**
     * Time series with CI bands; {@code fromZero}: the value axis includes zero (counts, so that
     * noise does not look like a trend); {@code zeroLine}: a black line at zero (differences).
     */
    static JFreeChart timeSeries(String title, String yLabel, List<Band> bands, NumberFormat yFormat, boolean fromZero,
                                 boolean zeroLine) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band b : bands) {
            YIntervalSeries s = new YIntervalSeries(b.name(), false, true);
            for (int i = 0; i < b.x().length; i++) {
                double m = b.mean()[i];
                double lo = Double.isNaN(b.lo()[i]) ? m : b.lo()[i];
                double hi = Double.isNaN(b.hi()[i]) ? m : b.hi()[i];
                s.add(b.x()[i], m, lo, hi);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Year", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        finish(chart);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        for (int i = 0; i < bands.size(); i++) {
            Color c = scenarioColour(bands.get(i).colourIndex());
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(r);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setNumberFormatOverride(format("0"));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(fromZero);
        y.setNumberFormatOverride(yFormat);
        if (zeroLine) {
            org.jfree.chart.plot.ValueMarker zero = new org.jfree.chart.plot.ValueMarker(0, Color.BLACK,
                    new BasicStroke(1.2f));
            plot.addRangeMarker(zero);
        }
        return chart;
    }

    /**
     * Bars (one series per scenario) with 95% CI whiskers; values are shares 0..1 shown as
     * percentages. {@code ci[s][c]} is the half-width of the interval (NaN: none).
     */
    static JFreeChart shareBars(String title, String categoryLabel, String valueLabel, List<String> series,
                                List<Integer> colourIndex, List<String> categories, double[][] mean, double[][] ci,
                                boolean horizontal) {
        DefaultStatisticalCategoryDataset data = dataset(series, categories, mean, ci);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = whiskerBars(chart, series.size(), s -> scenarioColour(colourIndex.get(s)), horizontal ? 0.02 : 0.05);
        NumberAxis v = (NumberAxis) plot.getRangeAxis();
        v.setNumberFormatOverride(format("0%"));
        // shares live in [0, 1]: whiskers of a t interval may leave it (few replications) and are clipped
        double top = 0;
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                double m = mean[s][c];
                if (!Double.isNaN(m)) {
                    top = Math.max(top, m + (Double.isNaN(ci[s][c]) ? 0 : ci[s][c]));
                }
            }
        }
        top = Math.min(1.0, top);
        v.setRange(0, top > 0 ? top * 1.05 : 1.0);
        if (horizontal) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        }
        CategoryAxis cat = plot.getDomainAxis();
        cat.setCategoryMargin(horizontal ? 0.15 : 0.25);
        cat.setLowerMargin(0.02);
        cat.setUpperMargin(0.02);
        if (horizontal) {
            cat.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, categories.size() > 12 ? 11 : 13));
            cat.setMaximumCategoryLabelWidthRatio(0.35f);
        }
        return chart;
    }

    /** Means and 95% CI half-widths (NaN: none) of series x categories. */
    private static DefaultStatisticalCategoryDataset dataset(List<String> series, List<String> categories, double[][] mean,
                                                             double[][] ci) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                double m = mean[s][c];
                data.add(Double.isNaN(m) ? null : m, Double.isNaN(ci[s][c]) ? null : ci[s][c], series.get(s),
                        categories.get(c));
            }
        }
        return data;
    }

    /** Flat bars with dark CI whiskers, one colour per series, for a finished bar chart. */
    private static CategoryPlot whiskerBars(JFreeChart chart, int series, java.util.function.IntFunction<Color> colour,
                                            double itemMargin) {
        finish(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer r = new StatisticalBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setErrorIndicatorPaint(new Color(0x222222));
        r.setErrorIndicatorStroke(new BasicStroke(1.2f));
        r.setItemMargin(itemMargin);
        for (int s = 0; s < series; s++) {
            r.setSeriesPaint(s, colour.apply(s));
        }
        plot.setRenderer(r);
        return plot;
    }

    /**
     * Horizontal bars of signed changes (persons) with 95% CI whiskers, one series per measure;
     * {@code ci[s][c]} is the half-width of the interval (NaN: none).
     */
    static JFreeChart changeBars(String title, String categoryLabel, String valueLabel, List<String> series,
                                 List<String> categories, double[][] mean, double[][] ci) {
        DefaultStatisticalCategoryDataset data = dataset(series, categories, mean, ci);
        JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data, PlotOrientation.HORIZONTAL,
                true, false, false);
        CategoryPlot plot = whiskerBars(chart, series.size(), s -> scenarioColour(s + 1), 0.02);
        NumberAxis v = (NumberAxis) plot.getRangeAxis();
        v.setNumberFormatOverride(format("+#,##0;\u2212#,##0"));
        v.setAutoRangeIncludesZero(true);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        CategoryAxis cat = plot.getDomainAxis();
        cat.setCategoryMargin(0.15);
        cat.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, categories.size() > 12 ? 11 : 13));
        cat.setMaximumCategoryLabelWidthRatio(0.35f);
        return chart;
    }

    /**
     * One horizontal 100% bar per scenario, stacked by category (destination); {@code share[s][c]}
     * in 0..1. Segments of at least 5% are labelled with the category code and the share.
     */
    static JFreeChart stackedShares(String title, String categoryLabel, String valueLabel, List<String> scenarios,
                                    List<String> categoryCodes, List<String> categoryNames, double[][] share) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int c = 0; c < categoryCodes.size(); c++) {
            for (int s = 0; s < scenarios.size(); s++) {
                data.addValue(share[s][c], categoryNames.get(c), scenarios.get(s));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, categoryLabel, valueLabel, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        finish(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        r.setBaseOutlinePaint(Color.WHITE);
        r.setBaseOutlineStroke(new BasicStroke(1f));
        r.setMaximumBarWidth(0.18);
        for (int c = 0; c < categoryCodes.size(); c++) {
            r.setSeriesPaint(c, CATEGORY_COLOURS[c % CATEGORY_COLOURS.length]);
        }
        NumberFormat pct = format("0%");
        r.setBaseItemLabelGenerator(new CategoryItemLabelGenerator() {
            @Override
            public String generateRowLabel(CategoryDataset dataset, int row) {
                return dataset.getRowKey(row).toString();
            }

            @Override
            public String generateColumnLabel(CategoryDataset dataset, int column) {
                return dataset.getColumnKey(column).toString();
            }

            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                if (v == null || v.doubleValue() < 0.05) {
                    return null;
                }
                String code = categoryCodes.get(row);
                return (v.doubleValue() >= 0.09 ? code + " " : "") + pct.format(v.doubleValue());
            }
        });
        r.setBaseItemLabelsVisible(true);
        r.setBaseItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        r.setBaseItemLabelPaint(Color.BLACK);
        r.setBasePositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        plot.setRenderer(r);
        NumberAxis v = (NumberAxis) plot.getRangeAxis();
        v.setNumberFormatOverride(pct);
        v.setRange(0, 1);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        CategoryAxis cat = plot.getDomainAxis();
        cat.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        cat.setMaximumCategoryLabelWidthRatio(0.3f);
        return chart;
    }
}
