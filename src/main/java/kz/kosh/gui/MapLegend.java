package kz.kosh.gui;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.sim.FlowKind;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The text around the map: the title with the year, the measure and the run, and the footer with
 * the colour bar and its ticks, the key of the arcs and nodes, and the data attribution.
 */
final class MapLegend {
    private MapLegend() {
    }

    static void drawTitle(Graphics2D g, MapRenderer.Layout l, MapData d, Measure m, String emptyTitle, int maxArcs) {
        Font big = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(l.fontSize * 1.45f));
        Font sub = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(l.fontSize * 0.95f));
        String title;
        String subtitle;
        if (d == null) {
            title = emptyTitle != null ? emptyTitle : "Kosh: graduate migration in Kazakhstan";
            subtitle = m.label() + " (" + m.unit() + "): no year recorded yet";
        } else {
            title = String.format(Locale.ROOT, "Kosh \u00b7 %s \u00b7 %d \u00b7 %s", d.scenario(), d.year(), m.label());
            double dr = d.national(CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name());
            subtitle = String.format(Locale.ROOT, "seed %d, scale %s \u00b7 arcs: the %d largest graduate moves of the year (up to a third per kind first)"
                            + " \u00b7 graduates abroad: %.1f%% of all graduates", d.seed(), stripZeros(d.scale()),
                    d.largestFlowsByKind(maxArcs, MapData.ARC_KINDS.size()).size(), dr * 100);
        }
        g.setColor(new Color(0x11, 0x18, 0x27));
        g.setFont(big);
        g.drawString(title, (float) (l.fontSize * 0.8), (float) (l.titleH * 0.5));
        Fitted st = fit(subtitle, sub, l.width - 2 * l.fontSize * 0.8, g.getFontRenderContext());
        g.setFont(st.font());
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.drawString(st.text(), (float) (l.fontSize * 0.8), (float) (l.titleH * 0.86));
    }

    private static String stripZeros(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static final String ARC_TITLE = "Graduate moves this year (width \u221d persons)";

    /**
     * The footer's two titles: the colour bar's (the measure, its unit and scale) in a font made
     * smaller, down to 70%, and then cut with "…" until it ends before the arc key's title starts,
     * so that the two never overlap. {@code barRight} and {@code arcLeft} are x positions.
     */
    record FooterTitles(String bar, Font barFont, double barRight, double arcLeft) {
    }

    /** The footer titles of a picture and measure ({@link FooterTitles}). */
    static FooterTitles footerTitles(java.awt.font.FontRenderContext frc, MapRenderer.Layout l, Measure m) {
        float fs = l.fontSize;
        double x0 = fs * 0.8;
        double barW = l.width * 0.40;
        double arcLeft = x0 + barW + fs * 2.5;
        double room = arcLeft - fs * 0.8 - x0;
        String text = m.label() + " (" + m.unit() + (m.diverging() ? ", square-root scale" : "") + ")";
        Fitted f = fit(text, new Font(Font.SANS_SERIF, Font.BOLD, Math.round(fs * 0.95f)), room, frc);
        return new FooterTitles(f.text(), f.font(), x0 + f.font().getStringBounds(f.text(), frc).getWidth(), arcLeft);
    }

    /** A text and the font it is drawn in so that it fits. */
    record Fitted(String text, Font font) {
    }

    /** The text in the font made smaller (down to 70%) and then cut with "…" until it is at most {@code room} wide. */
    static Fitted fit(String text, Font font, double room, java.awt.font.FontRenderContext frc) {
        float min = font.getSize2D() * 0.7f;
        while (font.getStringBounds(text, frc).getWidth() > room && font.getSize2D() - 0.5f >= min) {
            font = font.deriveFont(font.getSize2D() - 0.5f);
        }
        String shown = text;
        while (font.getStringBounds(shown, frc).getWidth() > room && shown.length() > 2) {
            shown = shown.substring(0, shown.length() - 2) + "\u2026";
        }
        return new Fitted(shown, font);
    }

    static void drawFooter(Graphics2D g, MapRenderer.Layout l, MapData d, Measure m, double[] range) {
        double top = l.height - l.footerH;
        float fs = l.fontSize;
        Font label = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(fs * 0.95f));
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fs * 0.85f));
        // colour bar
        double x0 = fs * 0.8;
        double barW = l.width * 0.40;
        double barY = top + fs * 1.6;
        double barH = fs * 1.0;
        FooterTitles titles = footerTitles(g.getFontRenderContext(), l, m);
        g.setFont(titles.barFont());
        g.setColor(new Color(0x11, 0x18, 0x27));
        g.drawString(titles.bar(), (float) x0, (float) (top + fs * 1.15));
        Color[] stops = m.diverging() ? MapColours.DIVERGING : MapColours.SEQUENTIAL;
        int steps = (int) Math.max(2, barW);
        for (int i = 0; i < steps; i++) {
            g.setColor(d == null ? MapRenderer.NO_DATA : MapColours.ramp(stops, (i + 0.5) / steps));
            g.fill(new Rectangle2D.Double(x0 + barW * i / steps, barY, barW / steps + 0.5, barH));
        }
        g.setColor(new Color(0x66, 0x66, 0x66));
        g.setStroke(new BasicStroke(0.8f));
        g.draw(new Rectangle2D.Double(x0, barY, barW, barH));
        if (d != null) {
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            int ticks = 5;
            for (int i = 0; i < ticks; i++) {
                double t = i / (double) (ticks - 1);
                double v = MapColours.valueAt(m, t, range);
                double x = x0 + t * barW;
                g.setColor(new Color(0x44, 0x44, 0x44));
                g.draw(new Line2D.Double(x, barY + barH, x, barY + barH + fs * 0.3));
                String s = m.format(v);
                double sw = fm.stringWidth(s);
                double sx = Math.max(x0, Math.min(x0 + barW - sw, x - sw / 2));
                g.drawString(s, (float) sx, (float) (barY + barH + fs * 1.25));
            }
        }
        // arc key
        double kx = titles.arcLeft();
        g.setFont(label);
        g.setColor(new Color(0x11, 0x18, 0x27));
        g.drawString(ARC_TITLE, (float) kx, (float) (top + fs * 1.15));
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        double kxi = kx;
        for (FlowKind k : MapData.ARC_KINDS) {
            g.setColor(MapRenderer.arcColour(k));
            g.setStroke(new BasicStroke(fs * 0.45f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            double ly = barY + barH / 2;
            g.draw(new Line2D.Double(kxi, ly, kxi + fs * 2.2, ly));
            g.setColor(new Color(0x33, 0x33, 0x33));
            String s = k.label();
            g.drawString(s, (float) (kxi + fs * 2.6), (float) (ly + fs * 0.35));
            kxi += fs * 3.6 + fm.stringWidth(s);
        }
        g.setColor(new Color(0x4A, 0x55, 0x68));
        double r = fs * 0.45;
        double ly = barY + barH / 2;
        g.fill(new Ellipse2D.Double(kxi, ly - r, 2 * r, 2 * r));
        g.setColor(new Color(0x33, 0x33, 0x33));
        double dx = kxi + 2 * r + fs * 0.4;
        Fitted dest = fit("destination (size \u221d graduates there)", small, l.width - dx - fs * 0.4, g.getFontRenderContext());
        g.setFont(dest.font());
        g.drawString(dest.text(), (float) dx, (float) (ly + fs * 0.35));
        g.setFont(small);
        // attribution
        g.setFont(small);
        fm = g.getFontMetrics();
        String a = GeoMap.ATTRIBUTION;
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.drawString(a, (float) (l.width - fm.stringWidth(a) - fs * 0.8), (float) (l.height - fs * 0.6));
    }
}
