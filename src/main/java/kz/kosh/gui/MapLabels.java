package kz.kosh.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region labels of the map: each region's name and the measure's value, placed at its
 * interior point (a city's beside its marker) and moved off its neighbours' labels, drawn on a
 * white halo. Part of {@link MapRenderer}.
 */
final class MapLabels {
    private final GeoMap geo;

    MapLabels(GeoMap geo) {
        this.geo = geo;
    }

    private static final java.util.Set<String> CITY_NAMES = java.util.Set.of("Almaty", "Astana", "Shymkent");

    void drawRegionLabels(Graphics2D g, MapRenderer.Layout l, MapData d, Measure m, Map<String, Integer> index) {
        Font name = nameFont(l);
        Font val = valueFont(l);
        for (Map.Entry<String, Label> e : labels(g.getFontRenderContext(), l, d, m).entrySet()) {
            Label lb = e.getValue();
            haloText(g, lb.name(), name, lb.x(), lb.y(), new Color(0x11, 0x18, 0x27), l);
            if (lb.value() != null) {
                haloText(g, lb.value(), val, lb.x(), lb.y() + l.fontSize, new Color(0x33, 0x33, 0x33), l);
            }
        }
    }

    private static Font nameFont(MapRenderer.Layout l) {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.round(l.fontSize * 0.95f));
    }

    private static Font valueFont(MapRenderer.Layout l) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(l.fontSize * 0.85f));
    }

    /**
     * A region's label: its name (and the measure's value on the line below) centred at x with the
     * name's baseline at y; {@code box} is the area the two lines cover.
     */
    public record Label(String name, String value, double x, double y, Rectangle2D box) {
    }

    /**
     * Where the region labels go: each at its region's interior point (a city's beside its marker:
     * Astana above, Almaty and Shymkent below), the cities placed first; a label whose box would
     * overlap one already placed moves to the nearest free position (down or up by half a line
     * at a time, then sideways), so that neighbours such as Astana and Akmola stay readable.
     * Deterministic: the same data and size give the same places.
     */
    Map<String, Label> labels(java.awt.font.FontRenderContext frc, MapRenderer.Layout l, MapData d, Measure m) {
        Font name = nameFont(l);
        Font val = valueFont(l);
        Map<String, Integer> index = new LinkedHashMap<>();
        if (d != null) {
            for (int r = 0; r < d.regionCount(); r++) {
                index.put(d.id(r), r);
            }
        }
        List<String> order = new ArrayList<>();
        for (String id : l.labelPoints.keySet()) {
            if ("city".equals(geo.region(id).type())) {
                order.add(id);
            }
        }
        for (String id : l.labelPoints.keySet()) {
            if (!order.contains(id)) {
                order.add(id);
            }
        }
        Map<String, Label> placed = new LinkedHashMap<>();
        List<Rectangle2D> taken = new ArrayList<>();
        for (String id : order) {
            GeoMap.Feature f = geo.region(id);
            Point2D p = l.labelPoints.get(id);
            boolean city = "city".equals(f.type());
            double x = p.getX();
            double y = p.getY();
            if (city) {
                y += id.equals("KZ-71") ? -l.fontSize * 1.9 : l.fontSize * 1.9;
            }
            String label = MapRenderer.shortName(f.name());
            if (!city && CITY_NAMES.contains(label)) {
                label = f.name();
            }
            Integer r = index.get(id);
            String value = d != null && r != null ? m.format(d.value(m, r)) : null;
            double nameW = name.getStringBounds(label, frc).getWidth();
            double valW = value == null ? 0 : val.getStringBounds(value, frc).getWidth();
            double w = Math.max(nameW, valW) + 4;
            double ascent = name.getLineMetrics(label, frc).getAscent();
            double h = ascent + (value == null ? name.getLineMetrics(label, frc).getDescent()
                    : l.fontSize + val.getLineMetrics(value, frc).getDescent()) + 2;
            Label best = null;
            double step = l.fontSize * 0.6;
            search:
            for (int ring = 0; ring <= 8; ring++) {
                double[][] offsets = ring == 0 ? new double[][]{{0, 0}}
                        : new double[][]{{0, ring * step}, {0, -ring * step}, {ring * step * 1.5, 0}, {-ring * step * 1.5, 0}};
                for (double[] o : offsets) {
                    Label c = label(label, value, x + o[0], y + o[1], w, h, ascent, l);
                    if (free(c.box(), taken)) {
                        best = c;
                        break search;
                    }
                }
            }
            if (best == null) {
                best = label(label, value, x, y, w, h, ascent, l);
            }
            taken.add(best.box());
            placed.put(id, best);
        }
        return placed;
    }

    /** Font of a destination node's name. */
    static Font nodeNameFont(MapRenderer.Layout l) {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.round(l.fontSize));
    }

    /** Font of a destination node's value line. */
    static Font nodeValueFont(MapRenderer.Layout l) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(l.fontSize * 0.85f));
    }

    /** Distance from a node label's name baseline to its value line's baseline. */
    static double nodeValueLine(MapRenderer.Layout l) {
        return l.fontSize * 1.05;
    }

    /**
     * Where the labels of the destination nodes go (name, and the graduates living there on the line
     * below): below the node when that place is free, else above it, to its right or left, else
     * further below or above by half a line at a time; a place is free when its box overlaps no
     * label placed before and no node. Nodes are placed largest first, so Russia's keeps its place
     * and the small neighbours on the top edge (the United States and Canada) move aside.
     * Deterministic: the same data and size give the same places.
     *
     * @param nodes  node centre by place index
     * @param radius node radius by place index
     * @param values the value line by place index
     */
    static Map<Integer, Label> nodeLabels(java.awt.font.FontRenderContext frc, MapRenderer.Layout l,
                                          Map<Integer, Point2D> nodes, Map<Integer, Double> radius,
                                          Map<Integer, String> names, Map<Integer, String> values) {
        Font name = nodeNameFont(l);
        Font val = nodeValueFont(l);
        List<Rectangle2D> taken = new ArrayList<>();
        for (Map.Entry<Integer, Point2D> e : nodes.entrySet()) {
            double r = radius.get(e.getKey());
            taken.add(new Rectangle2D.Double(e.getValue().getX() - r, e.getValue().getY() - r, 2 * r, 2 * r));
        }
        List<Integer> order = new ArrayList<>(nodes.keySet());
        order.sort((a, b) -> Double.compare(radius.get(b), radius.get(a)) != 0
                ? Double.compare(radius.get(b), radius.get(a)) : Integer.compare(a, b));
        Map<Integer, Label> placed = new LinkedHashMap<>();
        for (int p : order) {
            Point2D c = nodes.get(p);
            double r = radius.get(p);
            String label = names.get(p);
            String value = values.get(p);
            double w = Math.max(name.getStringBounds(label, frc).getWidth(), val.getStringBounds(value, frc).getWidth()) + 4;
            double ascent = name.getLineMetrics(label, frc).getAscent();
            double h = ascent + nodeValueLine(l) + val.getLineMetrics(value, frc).getDescent() + 2;
            double below = c.getY() + r + l.fontSize + 1;
            double above = c.getY() - r - h + ascent;
            double middle = c.getY() - h / 2 + ascent + 1;
            double step = l.fontSize * 0.6;
            List<double[]> candidates = new ArrayList<>();
            candidates.add(new double[]{c.getX(), below});
            candidates.add(new double[]{c.getX(), above});
            candidates.add(new double[]{c.getX() + r + 2 + w / 2, middle});
            candidates.add(new double[]{c.getX() - r - 2 - w / 2, middle});
            for (int ring = 1; ring <= 8; ring++) {
                candidates.add(new double[]{c.getX(), below + ring * step});
                candidates.add(new double[]{c.getX(), above - ring * step});
            }
            Label best = null;
            for (double[] xy : candidates) {
                Label cand = label(label, value, xy[0], xy[1], w, h, ascent, l);
                if (cand.box().getMinY() >= l.mapArea.getMinY() && cand.box().getMaxY() <= l.mapArea.getMaxY()
                        && free(cand.box(), taken)) {
                    best = cand;
                    break;
                }
            }
            if (best == null) {
                best = label(label, value, c.getX(), below, w, h, ascent, l);
            }
            taken.add(best.box());
            placed.put(p, best);
        }
        return placed;
    }

    private static Label label(String name, String value, double x, double y, double w, double h, double ascent,
                               MapRenderer.Layout l) {
        double left = Math.max(2, Math.min(l.width - w - 2, x - w / 2));
        return new Label(name, value, left + w / 2, y, new Rectangle2D.Double(left, y - ascent - 1, w, h));
    }

    private static boolean free(Rectangle2D box, List<Rectangle2D> taken) {
        for (Rectangle2D t : taken) {
            if (t.intersects(box)) {
                return false;
            }
        }
        return true;
    }

    /** Text centred at x with its baseline at y, on a white halo, kept inside the picture. */
    static void haloText(Graphics2D g, String s, Font font, double x, double y, Color colour, MapRenderer.Layout l) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(s);
        double left = Math.max(2, Math.min(l.width - w - 2, x - w / 2));
        var gv = font.createGlyphVector(g.getFontRenderContext(), s);
        Shape outline = gv.getOutline((float) left, (float) y);
        g.setColor(new Color(255, 255, 255, 215));
        g.setStroke(new BasicStroke(Math.max(2.2f, font.getSize2D() / 4f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
        g.setColor(colour);
        g.fill(outline);
    }
}
