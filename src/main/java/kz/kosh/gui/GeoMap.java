package kz.kosh.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map geometry of the GUI: Kazakhstan's 20 first-level units ({@code kz-regions.geojson},
 * © OpenStreetMap contributors, ODbL 1.0) keyed by ISO 3166-2 code, and a world outline
 * ({@code world-countries-110m.geojson}, Natural Earth), both in WGS 84 lon/lat. A
 * {@link Projection} maps lon/lat into a pixel rectangle (equirectangular, x scaled by cos 48°).
 */
public final class GeoMap {
    /** The on-map credit line the licences ask for. */
    public static final String ATTRIBUTION = "Regions \u00a9 OpenStreetMap contributors, ODbL 1.0 \u00b7 World outline: Natural Earth";
    /** Standard parallel of the equirectangular projection, degrees. */
    public static final double STANDARD_PARALLEL = 48.0;

    /** A polygon feature: its rings (exterior and holes of all parts), each an array of {lon, lat}. */
    public record Feature(String id, String name, String type, List<double[][]> rings) {
        /** lon/lat bounds {minLon, minLat, maxLon, maxLat}. */
        public double[] bounds() {
            double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            for (double[][] ring : rings) {
                for (double[] p : ring) {
                    b[0] = Math.min(b[0], p[0]);
                    b[1] = Math.min(b[1], p[1]);
                    b[2] = Math.max(b[2], p[0]);
                    b[3] = Math.max(b[3], p[1]);
                }
            }
            return b;
        }
    }

    private static GeoMap shared;

    private final Map<String, Feature> regions;
    private final List<Feature> countries;

    private GeoMap(Map<String, Feature> regions, List<Feature> countries) {
        this.regions = regions;
        this.countries = countries;
    }

    /** The map data from the class path (loaded once, immutable). */
    public static synchronized GeoMap load() {
        if (shared == null) {
            Map<String, Feature> r = new LinkedHashMap<>();
            for (Feature f : read("kz-regions.geojson", "iso_3166_2")) {
                r.put(f.id(), f);
            }
            shared = new GeoMap(Collections.unmodifiableMap(r), List.copyOf(read("world-countries-110m.geojson", "iso_n3")));
        }
        return shared;
    }

    private static List<Feature> read(String resource, String idProperty) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = GeoMap.class.getResourceAsStream("/kz/kosh/geo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("map resource missing: kz/kosh/geo/" + resource);
            }
            JsonNode root = json.readTree(in);
            List<Feature> out = new ArrayList<>();
            for (JsonNode f : root.get("features")) {
                JsonNode props = f.get("properties");
                JsonNode geom = f.get("geometry");
                if (geom == null || geom.isNull()) {
                    continue;
                }
                List<double[][]> rings = new ArrayList<>();
                String type = geom.get("type").asText();
                JsonNode coords = geom.get("coordinates");
                if (type.equals("Polygon")) {
                    addPolygon(coords, rings);
                } else if (type.equals("MultiPolygon")) {
                    for (JsonNode poly : coords) {
                        addPolygon(poly, rings);
                    }
                } else {
                    continue;
                }
                JsonNode id = props.get(idProperty);
                String name = props.path("name").asText("");
                out.add(new Feature(id == null || id.isNull() ? name : id.asText(), name,
                        props.path("type").asText(""), List.copyOf(rings)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read map resource " + resource, e);
        }
    }

    private static void addPolygon(JsonNode poly, List<double[][]> rings) {
        for (JsonNode ring : poly) {
            double[][] pts = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                pts[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            rings.add(pts);
        }
    }

    /** The 20 units keyed by ISO 3166-2 code, sorted by code. */
    public Map<String, Feature> regions() {
        return regions;
    }

    public Feature region(String iso) {
        return regions.get(iso);
    }

    /** World countries (Natural Earth 1:110m). */
    public List<Feature> countries() {
        return countries;
    }

    /** lon/lat bounds of all regions {minLon, minLat, maxLon, maxLat}. */
    public double[] regionBounds() {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Feature f : regions.values()) {
            double[] x = f.bounds();
            b[0] = Math.min(b[0], x[0]);
            b[1] = Math.min(b[1], x[1]);
            b[2] = Math.max(b[2], x[2]);
            b[3] = Math.max(b[3], x[3]);
        }
        return b;
    }

    /**
     * Area-weighted centroid of Kazakhstan {lon, lat} (shoelace formula over all rings in the
     * projected plane; holes, being clockwise, subtract).
     */
    public double[] centroid() {
        double k = Math.cos(Math.toRadians(STANDARD_PARALLEL));
        double a = 0;
        double cx = 0;
        double cy = 0;
        for (Feature f : regions.values()) {
            for (double[][] ring : f.rings()) {
                for (int i = 0; i + 1 < ring.length; i++) {
                    double x0 = ring[i][0] * k;
                    double y0 = ring[i][1];
                    double x1 = ring[i + 1][0] * k;
                    double y1 = ring[i + 1][1];
                    double cr = x0 * y1 - x1 * y0;
                    a += cr;
                    cx += (x0 + x1) * cr;
                    cy += (y0 + y1) * cr;
                }
            }
        }
        return new double[]{cx / (3 * a) / k, cy / (3 * a)};
    }

    /**
     * Initial great-circle bearing from one point to another, degrees clockwise from north in
     * [0, 360): θ = atan2(sin Δλ cos φ2, cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ).
     */
    public static double bearingDegrees(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dl = Math.toRadians(lon2 - lon1);
        double y = Math.sin(dl) * Math.cos(p2);
        double x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dl);
        double t = Math.toDegrees(Math.atan2(y, x));
        return (t + 360.0) % 360.0;
    }

    /**
     * Equirectangular projection of a lon/lat box into a pixel rectangle: x = (lon − lon0)·cos 48°,
     * y = lat; uniformly scaled to fit and centred; north up.
     */
    public static final class Projection {
        private final double k = Math.cos(Math.toRadians(STANDARD_PARALLEL));
        private final double scale;
        private final double x0;
        private final double y0;
        private final double minLon;
        private final double maxLat;

        public Projection(double minLon, double minLat, double maxLon, double maxLat, Rectangle2D target) {
            double w = (maxLon - minLon) * k;
            double h = maxLat - minLat;
            scale = Math.min(target.getWidth() / w, target.getHeight() / h);
            this.minLon = minLon;
            this.maxLat = maxLat;
            x0 = target.getX() + (target.getWidth() - w * scale) / 2;
            y0 = target.getY() + (target.getHeight() - h * scale) / 2;
        }

        /** Pixels per degree of latitude. */
        public double pixelsPerDegree() {
            return scale;
        }

        public Point2D project(double lon, double lat) {
            return new Point2D.Double(x0 + (lon - minLon) * k * scale, y0 + (maxLat - lat) * scale);
        }

        /** The feature as a pixel shape (even-odd rule, so holes stay holes). */
        public Path2D shape(Feature f) {
            Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[][] ring : f.rings()) {
                for (int i = 0; i < ring.length; i++) {
                    double x = x0 + (ring[i][0] - minLon) * k * scale;
                    double y = y0 + (maxLat - ring[i][1]) * scale;
                    if (i == 0) {
                        p.moveTo(x, y);
                    } else {
                        p.lineTo(x, y);
                    }
                }
                p.closePath();
            }
            return p;
        }
    }

    /**
     * A point well inside a shape (for labels and tests): the middle of the longest horizontal
     * run inside it, then centred vertically at that x. Null when the shape has no inside sample.
     */
    public static Point2D interiorPoint(Shape s) {
        Rectangle2D b = s.getBounds2D();
        int rows = 48;
        int cols = 240;
        double bestLen = -1;
        double bestX = 0;
        double bestY = 0;
        Polygon polygon = Polygon.of(s);
        for (int r = 0; r < rows; r++) {
            double y = b.getMinY() + (r + 0.5) * b.getHeight() / rows;
            double dx = b.getWidth() / cols;
            Polygon.Row row = polygon == null ? null : polygon.row(y);
            int runStart = -1;
            for (int c = 0; c <= cols; c++) {
                double x = b.getMinX() + (c + 0.5) * dx;
                boolean in = c < cols && (row == null ? s.contains(x, y) : row.contains(x));
                if (in && runStart < 0) {
                    runStart = c;
                } else if (!in && runStart >= 0) {
                    double len = (c - runStart) * dx;
                    // prefer rows near the vertical middle when runs are about as long
                    double centrality = 1.0 - 0.3 * Math.abs((r + 0.5) / rows - 0.5);
                    if (len * centrality > bestLen) {
                        bestLen = len * centrality;
                        bestX = b.getMinX() + (runStart + c) / 2.0 * dx;
                        bestY = y;
                    }
                    runStart = -1;
                }
            }
        }
        if (bestLen < 0) {
            return null;
        }
        // centre vertically at bestX
        double dy = b.getHeight() / 200;
        double top = bestY;
        while (top - dy > b.getMinY() && s.contains(bestX, top - dy)) {
            top -= dy;
        }
        double bottom = bestY;
        while (bottom + dy < b.getMaxY() && s.contains(bestX, bottom + dy)) {
            bottom += dy;
        }
        return new Point2D.Double(bestX, (top + bottom) / 2);
    }

    /**
     * The edges of a shape made of straight lines only (moves, lines, closes), to test many points of one
     * row against: {@link Row#contains} gives exactly what {@code Path2D.contains(x, y)} gives (the same
     * edges, the implicit closing ones included, and the same arithmetic per edge as
     * {@code sun.awt.geom.Curve.pointCrossingsForLine}; crossings are whole numbers, so their order does
     * not matter), but looks only at the few edges that cross the row instead of at every edge per point.
     * {@link #interiorPoint} tests 48 × 240 points per region.
     */
    static final class Polygon {
        /** x0, y0, x1, y1 of each edge. */
        private final double[] edges;
        private final int count;
        private final int mask;

        private Polygon(double[] edges, int count, int windingRule) {
            this.edges = edges;
            this.count = count;
            this.mask = windingRule == java.awt.geom.PathIterator.WIND_NON_ZERO ? -1 : 1;
        }

        /** The polygon of s, or null when s has curves (then s itself must be asked). */
        static Polygon of(Shape s) {
            java.awt.geom.PathIterator it = s.getPathIterator(null);
            double[] c = new double[6];
            double[] e = new double[64];
            int n = 0;
            boolean started = false;
            double movx = 0, movy = 0, curx = 0, cury = 0;
            for (; !it.isDone(); it.next()) {
                int type = it.currentSegment(c);
                double x0 = curx, y0 = cury, x1, y1;
                switch (type) {
                    case java.awt.geom.PathIterator.SEG_MOVETO -> {
                        if (!started || cury == movy) {
                            started = true;
                            movx = curx = c[0];
                            movy = cury = c[1];
                            continue;
                        }
                        x1 = movx;
                        y1 = movy;
                        movx = curx = c[0];
                        movy = cury = c[1];
                    }
                    case java.awt.geom.PathIterator.SEG_LINETO -> {
                        x1 = curx = c[0];
                        y1 = cury = c[1];
                    }
                    case java.awt.geom.PathIterator.SEG_CLOSE -> {
                        if (cury == movy) {
                            curx = movx;
                            continue;
                        }
                        x1 = curx = movx;
                        y1 = cury = movy;
                    }
                    default -> {
                        return null;
                    }
                }
                if (n + 4 > e.length) {
                    e = java.util.Arrays.copyOf(e, 2 * e.length);
                }
                e[n++] = x0;
                e[n++] = y0;
                e[n++] = x1;
                e[n++] = y1;
            }
            if (started && cury != movy) {
                if (n + 4 > e.length) {
                    e = java.util.Arrays.copyOf(e, n + 4);
                }
                e[n++] = curx;
                e[n++] = cury;
                e[n++] = movx;
                e[n++] = movy;
            }
            return new Polygon(e, n / 4, it.getWindingRule());
        }

        /** The edges that cross the horizontal line at y (y0 ≤ y < y1 or y1 ≤ y < y0). */
        Row row(double y) {
            double[] a = new double[16];
            int n = 0;
            for (int k = 0; k < count; k++) {
                double y0 = edges[4 * k + 1];
                double y1 = edges[4 * k + 3];
                if ((y < y0 && y < y1) || (y >= y0 && y >= y1)) {
                    continue;
                }
                if (n + 4 > a.length) {
                    a = java.util.Arrays.copyOf(a, 2 * a.length);
                }
                System.arraycopy(edges, 4 * k, a, n, 4);
                n += 4;
            }
            return new Row(y, a, n / 4, mask, y * 0.0 == 0.0);
        }

        /** One row of points: {@link #contains} is {@code Path2D.contains(x, y)} at this row's y. */
        record Row(double y, double[] edges, int count, int mask, boolean finite) {
            boolean contains(double x) {
                if (!(finite && x * 0.0 == 0.0)) {
                    return false;
                }
                int crossings = 0;
                for (int k = 0; k < count; k++) {
                    double x0 = edges[4 * k];
                    double y0 = edges[4 * k + 1];
                    double x1 = edges[4 * k + 2];
                    double y1 = edges[4 * k + 3];
                    if (x >= x0 && x >= x1) {
                        continue;
                    }
                    int dir = y0 < y1 ? 1 : -1;
                    if (x < x0 && x < x1) {
                        crossings += dir;
                        continue;
                    }
                    double xIntercept = x0 + (y - y0) * (x1 - x0) / (y1 - y0);
                    if (x < xIntercept) {
                        crossings += dir;
                    }
                }
                return (crossings & mask) != 0;
            }
        }
    }
}
