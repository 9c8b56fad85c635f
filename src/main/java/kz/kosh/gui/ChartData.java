package kz.kosh.gui;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data behind the GUI's charts as tidy CSV (one row per year and series), and the charts'
 * colour-blind-safe look: the Okabe-Ito palette, with dashes from the ninth series on so that
 * lines stay distinguishable.
 */
public final class ChartData {
    /** Okabe-Ito (2008), distinguishable with the common colour-vision deficiencies. */
    public static final Color[] OKABE_ITO = {
            new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9), new Color(0x00, 0x9E, 0x73),
            new Color(0xF0, 0xE4, 0x42), new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00),
            new Color(0xCC, 0x79, 0xA7), new Color(0x00, 0x00, 0x00)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private ChartData() {
    }

    /** The colour of the i-th series. */
    public static Color colour(int i) {
        return OKABE_ITO[i % OKABE_ITO.length];
    }

    /** The line of the i-th series: solid for the first eight, then dashed, dotted, dash-dotted. */
    public static Stroke stroke(int i) {
        float[] dash = DASHES[(i / OKABE_ITO.length) % DASHES.length];
        return dash == null ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /** Tidy CSV of the series: header {@code year,series,value}, years as integers, values unrounded. */
    public static String csv(XYSeriesCollection... collections) {
        StringBuilder sb = new StringBuilder("year,series,value\n");
        for (XYSeriesCollection c : collections) {
            for (int s = 0; s < c.getSeriesCount(); s++) {
                XYSeries series = c.getSeries(s);
                String name = quote(String.valueOf(series.getKey()));
                for (int i = 0; i < series.getItemCount(); i++) {
                    double x = series.getX(i).doubleValue();
                    double y = series.getY(i).doubleValue();
                    sb.append(x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x)).append(',')
                            .append(name).append(',')
                            .append(Double.isFinite(y) ? number(y) : "").append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Writes {@link #csv} to a file (UTF-8). */
    public static void writeCsv(Path file, XYSeriesCollection... collections) {
        try {
            Files.writeString(file, csv(collections), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
