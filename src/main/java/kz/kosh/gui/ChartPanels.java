package kz.kosh.gui;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.ui.RectangleAnchor;
import org.jfree.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The chart panels of the GUI's Charts tab: a year-by-value line chart with CSV export (split out of KoshWithUI). */
final class ChartPanels {
    private ChartPanels() {
    }

    static ChartPanel chart(String title, String yLabel, XYSeriesCollection data, boolean share, double[] bands) {
        JFreeChart ch = ChartFactory.createXYLineChart(title, "year", yLabel, data, PlotOrientation.VERTICAL, true, true, false);
        if (ch.getTitle() != null) {
            ch.getTitle().setFont(ch.getTitle().getFont().deriveFont(13f));
        }
        XYPlot plot = ch.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        org.jfree.chart.renderer.xy.XYItemRenderer r = plot.getRenderer();
        for (int i = 0; i < 24; i++) {
            r.setSeriesPaint(i, ChartData.colour(i));
            r.setSeriesStroke(i, ChartData.stroke(i));
        }
        // years as 2015, not 2,015, in the tool tips as on the axis
        r.setBaseToolTipGenerator(new org.jfree.chart.labels.StandardXYToolTipGenerator("{0}: {1}, {2}",
                new java.text.DecimalFormat("0"), share ? NumberFormat.getPercentInstance(Locale.ROOT)
                : NumberFormat.getNumberInstance(Locale.ROOT)));
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        x.setNumberFormatOverride(new java.text.DecimalFormat("0")); // years as 2015, not 2,015
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (share) {
            y.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        }
        if (bands != null) {
            String[] names = {"15%", "20%: harmful above (Docquier-Rapoport)", "35%"};
            Color[] colours = {new Color(0xF0, 0xA0, 0x30), new Color(0xD7, 0x19, 0x1C), new Color(0x80, 0x00, 0x26)};
            for (int i = 0; i < bands.length; i++) {
                ValueMarker m = new ValueMarker(bands[i], colours[i % colours.length],
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{6f, 4f}, 0f));
                m.setLabel(i < names.length ? names[i] : "");
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            }
            y.setRange(0, 0.40);
            y.setAutoRange(false);
        }
        ChartPanel p = new ChartPanel(ch);
        p.setPreferredSize(new Dimension(440, 300));
        javax.swing.JMenuItem csv = new javax.swing.JMenuItem("Export data as CSV\u2026");
        csv.addActionListener(e -> exportCsv(p));
        p.getPopupMenu().insert(csv, 0);
        return p;
    }

    /** The tidy data (year, series, value) of every dataset of a chart. */
    static String chartCsv(JFreeChart ch) {
        XYPlot plot = ch.getXYPlot();
        List<XYSeriesCollection> data = new ArrayList<>();
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) instanceof XYSeriesCollection c) {
                data.add(c);
            }
        }
        return ChartData.csv(data.toArray(new XYSeriesCollection[0]));
    }

    private static void exportCsv(ChartPanel p) {
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser();
        String title = p.getChart().getTitle() == null ? "chart" : p.getChart().getTitle().getText();
        chooser.setSelectedFile(new java.io.File("kosh-" + title.toLowerCase(Locale.ROOT)
                .replaceAll("\\(.*", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ".csv"));
        if (chooser.showSaveDialog(p) == javax.swing.JFileChooser.APPROVE_OPTION) {
            try {
                java.nio.file.Files.writeString(chooser.getSelectedFile().toPath(), chartCsv(p.getChart()));
            } catch (java.io.IOException e) {
                javax.swing.JOptionPane.showMessageDialog(p, "Could not write: " + e.getMessage());
            }
        }
    }
}
