package kz.kosh.gui;

import kz.kosh.sim.FlowKind;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the map of one year with Java2D (works headless): the 20 regions as a choropleth of a
 * {@link Measure} with a colour-bar legend and labels, the foreign destinations as nodes placed
 * around Kazakhstan in their compass direction (great-circle bearing from Kazakhstan's
 * centroid, spread apart where they would overlap), the year's largest graduate moves as arcs
 * (width proportional to persons, colour by kind), a title and the data attribution.
 * Rendering is deterministic: the same data and size give the same pixels.
 */
public final class MapRenderer {
    public static final Color BACKGROUND = Color.WHITE;
    public static final Color SEA = new Color(0xEE, 0xF3, 0xF8);
    public static final Color LAND = new Color(0xE6, 0xE2, 0xDA);
    public static final Color NO_DATA = new Color(0xC8, 0xC8, 0xC8);
    public static final Color INTERNAL = new Color(0x7B, 0x32, 0x94);
    public static final Color EMIGRATION = new Color(0xD7, 0x19, 0x1C);
    public static final Color RETURN = new Color(0x1A, 0x96, 0x41);
    /** Largest number of arcs drawn by default. */
    public static final int DEFAULT_MAX_ARCS = 40;

    private final GeoMap geo;
    private int maxArcs = DEFAULT_MAX_ARCS;
    private Layout cached;
    private final MapLabels regionLabels;

    public MapRenderer(GeoMap geo) {
        this.geo = geo;
        this.regionLabels = new MapLabels(geo);
    }

    public MapRenderer() {
        this(GeoMap.load());
    }

    public void setMaxArcs(int n) {
        maxArcs = Math.max(0, n);
    }

    public int maxArcs() {
        return maxArcs;
    }

    /**
     * Where the region labels go for a picture of this layout ({@link MapLabels#labels}): each
     * label's name, value, place and box.
     */
    public Map<String, MapLabels.Label> labels(java.awt.font.FontRenderContext frc, Layout l, MapData d, Measure m) {
        return regionLabels.labels(frc, l, d, m);
    }

    /** The colour of arcs of a kind. */
    public static Color arcColour(FlowKind kind) {
        return switch (kind) {
            case INTERNAL -> INTERNAL;
            case EMIGRATION -> EMIGRATION;
            case RETURN -> RETURN;
            default -> Color.DARK_GRAY;
        };
    }

    /** Renders the year into a new RGB image. */
    public BufferedImage render(MapData d, Measure m, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g, width, height, d, m, null);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Where things go in a picture of a given size. */
    public static final class Layout {
        public final int width;
        public final int height;
        public final Rectangle2D mapArea;
        public final GeoMap.Projection projection;
        public final Map<String, Shape> regionShapes = new LinkedHashMap<>();
        public final Map<String, Point2D> labelPoints = new LinkedHashMap<>();
        final List<Shape> countries = new ArrayList<>();
        final Point2D centre;
        final Rectangle2D nodeBox;
        final double titleH;
        final double footerH;
        final float fontSize;

        private BufferedImage base;

        /**
         * The parts that do not change between years (background, sea, the world's countries),
         * painted once per size: redrawing 177 country outlines every frame was most of a frame.
         */
        synchronized BufferedImage base() {
            if (base == null) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                    g.setColor(BACKGROUND);
                    g.fillRect(0, 0, width, height);
                    g.clip(mapArea);
                    g.setColor(SEA);
                    g.fill(mapArea);
                    g.setStroke(new BasicStroke(0.6f));
                    for (Shape s : countries) {
                        g.setColor(LAND);
                        g.fill(s);
                        g.setColor(new Color(0xB4, 0xAE, 0xA4));
                        g.draw(s);
                    }
                } finally {
                    g.dispose();
                }
                base = img;
            }
            return base;
        }

        Layout(GeoMap geo, int width, int height) {
            this.width = width;
            this.height = height;
            fontSize = (float) Math.max(9.0, Math.min(width / 105.0, height / 62.0));
            titleH = Math.max(30, fontSize * 3.6);
            footerH = Math.max(56, fontSize * 5.6);
            mapArea = new Rectangle2D.Double(0, titleH, width, Math.max(10, height - titleH - footerH));
            double mx = width * 0.16;
            double my = mapArea.getHeight() * 0.17;
            Rectangle2D inner = new Rectangle2D.Double(mx, mapArea.getY() + my, width - 2 * mx, mapArea.getHeight() - 2 * my);
            double[] b = geo.regionBounds();
            projection = new GeoMap.Projection(b[0], b[1], b[2], b[3], inner);
            for (GeoMap.Feature f : geo.countries()) {
                Shape s = projection.shape(f);
                if (s.intersects(mapArea)) {
                    countries.add(s);
                }
            }
            for (GeoMap.Feature f : geo.regions().values()) {
                Path2D s = projection.shape(f);
                regionShapes.put(f.id(), s);
                Point2D p = GeoMap.interiorPoint(s);
                labelPoints.put(f.id(), p != null ? p : new Point2D.Double(s.getBounds2D().getCenterX(), s.getBounds2D().getCenterY()));
            }
            double[] c = geo.centroid();
            centre = projection.project(c[0], c[1]);
            double nx = width * 0.07;
            double ny = mapArea.getHeight() * 0.09;
            nodeBox = new Rectangle2D.Double(nx, mapArea.getY() + ny, width - 2 * nx, mapArea.getHeight() - 2 * ny);
        }
    }

    /** The layout of a picture of this size (cached for the last size asked). */
    public synchronized Layout layout(int width, int height) {
        Layout l = cached;
        if (l == null || l.width != width || l.height != height) {
            l = new Layout(geo, width, height);
            cached = l;
        }
        return l;
    }

    /**
     * Paints the map into {@code g} over {@code width × height} pixels. With no data (before the
     * first recorded year) the regions are grey and {@code emptyTitle} is the title.
     */
    public void paint(Graphics2D g, int width, int height, MapData d, Measure m, String emptyTitle) {
        Layout l = layout(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.drawImage(l.base(), 0, 0, null);
        Shape oldClip = g.getClip();
        g.clip(l.mapArea);
        // choropleth
        double[] range = d == null ? new double[]{0, 1} : MapColours.range(d, m);
        List<String> ids = new ArrayList<>(l.regionShapes.keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        if (d != null) {
            for (int r = 0; r < d.regionCount(); r++) {
                index.put(d.id(r), r);
            }
        }
        for (String id : ids) {
            Shape s = l.regionShapes.get(id);
            Integer r = index.get(id);
            g.setColor(r == null ? NO_DATA : MapColours.colour(m, d.value(m, r), range));
            g.fill(s);
        }
        g.setStroke(new BasicStroke(Math.max(0.8f, l.fontSize / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x55, 0x55, 0x55));
        for (String id : ids) {
            g.draw(l.regionShapes.get(id));
        }
        // the three cities are small: a marker in their colour
        for (String id : ids) {
            GeoMap.Feature f = geo.region(id);
            if ("city".equals(f.type())) {
                Point2D p = l.labelPoints.get(id);
                Integer r = index.get(id);
                double rad = cityMarkerRadius(l);
                Ellipse2D e = new Ellipse2D.Double(p.getX() - rad, p.getY() - rad, 2 * rad, 2 * rad);
                g.setColor(r == null ? NO_DATA : MapColours.colour(m, d.value(m, r), range));
                g.fill(e);
                g.setColor(new Color(0x22, 0x22, 0x22));
                g.setStroke(new BasicStroke(1.2f));
                g.draw(e);
            }
        }
        Map<Integer, Point2D> nodes = d == null ? Map.of() : destinationNodes(l, d);
        if (d != null) {
            drawArcs(g, l, d, nodes);
            drawNodes(g, l, d, nodes);
        }
        regionLabels.drawRegionLabels(g, l, d, m, index);
        g.setClip(oldClip);
        MapLegend.drawTitle(g, l, d, m, emptyTitle, maxArcs);
        MapLegend.drawFooter(g, l, d, m, range);
    }

    // ---- destinations ----

    /**
     * Node positions of the foreign destinations: on the node box around the map, in the
     * direction of the great-circle bearing from Kazakhstan's centroid, spread so that
     * neighbouring nodes are at least 13° apart.
     */
    static Map<Integer, Point2D> destinationNodes(Layout l, MapData d) {
        GeoMap geo = GeoMap.load();
        double[] c = geo.centroid();
        int n = d.placeCount() - d.regionCount();
        double[] ang = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            int p = d.regionCount() + i;
            ang[i] = GeoMap.bearingDegrees(c[1], c[0], d.lat(p), d.lon(p));
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(ang[a], ang[b]) != 0 ? Double.compare(ang[a], ang[b]) : Integer.compare(a, b));
        double[] a = new double[n];
        for (int k = 0; k < n; k++) {
            a[k] = ang[order[k]];
        }
        double gap = Math.min(13.0, 360.0 / Math.max(1, n) * 0.9);
        for (int iter = 0; iter < 500 && n > 1; iter++) {
            boolean moved = false;
            for (int k = 0; k < n; k++) {
                int k2 = (k + 1) % n;
                double diff = a[k2] - a[k];
                if (k2 == 0) {
                    diff += 360;
                }
                if (diff < gap - 1e-9) {
                    double push = (gap - diff) / 2;
                    a[k] -= push;
                    a[k2] += push;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        Map<Integer, Point2D> out = new LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            out.put(d.regionCount() + order[k], onBox(l.centre, a[k], l.nodeBox));
        }
        return out;
    }

    /** Where the ray from {@code c} at compass bearing {@code deg} leaves the box. */
    static Point2D onBox(Point2D c, double deg, Rectangle2D box) {
        double dx = Math.sin(Math.toRadians(deg));
        double dy = -Math.cos(Math.toRadians(deg));
        double t = Double.MAX_VALUE;
        if (dx > 1e-9) t = Math.min(t, (box.getMaxX() - c.getX()) / dx);
        if (dx < -1e-9) t = Math.min(t, (box.getMinX() - c.getX()) / dx);
        if (dy > 1e-9) t = Math.min(t, (box.getMaxY() - c.getY()) / dy);
        if (dy < -1e-9) t = Math.min(t, (box.getMinY() - c.getY()) / dy);
        return new Point2D.Double(c.getX() + t * dx, c.getY() + t * dy);
    }

    private void drawNodes(Graphics2D g, Layout l, MapData d, Map<Integer, Point2D> nodes) {
        Map<Integer, MapLabels.Label> labels = nodeLabels(g.getFontRenderContext(), l, d, nodes);
        double max = maxGraduatesAbroad(d, nodes);
        for (Map.Entry<Integer, Point2D> e : nodes.entrySet()) {
            int p = e.getKey();
            Point2D c = e.getValue();
            double r = nodeRadius(l, d.graduatesAbroad(p), max);
            Ellipse2D circle = new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
            g.setColor(new Color(0x4A, 0x55, 0x68));
            g.fill(circle);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(circle);
        }
        for (MapLabels.Label lb : labels.values()) {
            MapLabels.haloText(g, lb.name(), MapLabels.nodeNameFont(l), lb.x(), lb.y(), new Color(0x1F, 0x29, 0x37), l);
            MapLabels.haloText(g, lb.value(), MapLabels.nodeValueFont(l), lb.x(), lb.y() + MapLabels.nodeValueLine(l),
                    new Color(0x37, 0x41, 0x51), l);
        }
    }

    private static double maxGraduatesAbroad(MapData d, Map<Integer, Point2D> nodes) {
        double max = 1;
        for (int p : nodes.keySet()) {
            max = Math.max(max, d.graduatesAbroad(p));
        }
        return max;
    }

    /**
     * Where the destination nodes' labels go for a picture of this layout
     * ({@link MapLabels#nodeLabels}): each node's name and graduates, place and box.
     */
    public Map<Integer, MapLabels.Label> nodeLabels(java.awt.font.FontRenderContext frc, Layout l, MapData d,
                                                    Map<Integer, Point2D> nodes) {
        double max = maxGraduatesAbroad(d, nodes);
        Map<Integer, Double> radius = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        Map<Integer, String> values = new LinkedHashMap<>();
        for (int p : nodes.keySet()) {
            radius.put(p, nodeRadius(l, d.graduatesAbroad(p), max));
            names.put(p, shortName(d.name(p)));
            values.put(p, Measure.GRADUATES.format(d.graduatesAbroad(p)) + " grads");
        }
        return MapLabels.nodeLabels(frc, l, nodes, radius, names, values);
    }

    /** Radius of the marker of a city region. */
    static double cityMarkerRadius(Layout l) {
        return l.fontSize * 0.55;
    }

    static double nodeRadius(Layout l, double graduates, double max) {
        return l.fontSize * (0.45 + 1.4 * Math.sqrt(graduates / max));
    }

    static String shortName(String name) {
        return switch (name) {
            case "United States" -> "USA";
            case "United Kingdom" -> "UK";
            case "Czech Republic" -> "Czechia";
            default -> name.replace(" Region", "");
        };
    }

    // ---- arcs ----

    private void drawArcs(Graphics2D g, Layout l, MapData d, Map<Integer, Point2D> nodes) {
        List<MapData.Flow> top = d.largestFlowsByKind(maxArcs, MapData.ARC_KINDS.size());
        if (top.isEmpty()) {
            return;
        }
        double max = top.get(0).persons();
        double maxNode = 1;
        for (int p : nodes.keySet()) {
            maxNode = Math.max(maxNode, d.graduatesAbroad(p));
        }
        double maxWidth = l.fontSize * 1.1;
        for (MapData.Flow f : top) {
            Point2D a = placePoint(l, d, nodes, f.origin());
            Point2D b = placePoint(l, d, nodes, f.destination());
            if (a == null || b == null) {
                continue;
            }
            double w = Math.max(1.6, maxWidth * f.persons() / max);
            double dx = b.getX() - a.getX();
            double dy = b.getY() - a.getY();
            double len = Math.hypot(dx, dy);
            if (len < 1) {
                continue;
            }
            // bend to the right of the direction of travel so that A→B and B→A do not overlap
            double bend = 0.18 * len;
            Point2D ctrl = new Point2D.Double((a.getX() + b.getX()) / 2 - dy / len * bend,
                    (a.getY() + b.getY()) / 2 + dx / len * bend);
            // stop short of the target for the arrow head
            double head = Math.max(5, w * 2.2);
            if (f.destination() >= d.regionCount()) {
                // end at the node's rim
                double rim = nodeRadius(l, d.graduatesAbroad(f.destination()), maxNode) + 1;
                double bx = b.getX() - ctrl.getX();
                double by = b.getY() - ctrl.getY();
                double bl = Math.hypot(bx, by);
                b = new Point2D.Double(b.getX() - bx / bl * rim, b.getY() - by / bl * rim);
            }
            double tx = b.getX() - ctrl.getX();
            double ty = b.getY() - ctrl.getY();
            double tl = Math.hypot(tx, ty);
            Point2D end = new Point2D.Double(b.getX() - tx / tl * head, b.getY() - ty / tl * head);
            QuadCurve2D curve = new QuadCurve2D.Double(a.getX(), a.getY(), ctrl.getX(), ctrl.getY(), end.getX(), end.getY());
            g.setColor(new Color(255, 255, 255, 200));
            g.setStroke(new BasicStroke((float) (w + 2.5), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve);
            Color col = arcColour(f.kind());
            g.setColor(col);
            g.setStroke(new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            g.draw(curve);
            Path2D arrow = new Path2D.Double();
            double ux = tx / tl;
            double uy = ty / tl;
            double hw = Math.max(3.5, w * 1.3);
            arrow.moveTo(b.getX(), b.getY());
            arrow.lineTo(end.getX() - uy * hw, end.getY() + ux * hw);
            arrow.lineTo(end.getX() + uy * hw, end.getY() - ux * hw);
            arrow.closePath();
            g.fill(arrow);
        }
    }

    private static Point2D placePoint(Layout l, MapData d, Map<Integer, Point2D> nodes, int place) {
        if (place < d.regionCount()) {
            return l.labelPoints.get(d.id(place));
        }
        return nodes.get(place);
    }
}
