package kz.kosh.gui;

import java.awt.Shape;
import java.awt.geom.Point2D;
import java.util.Map;

/**
 * Which place of the map is under a point of the picture (pure: needs no display). Destination
 * nodes and the three city markers are drawn on top, so they are tried first; then the region
 * polygons. Points outside the map area, in the sea or on foreign land hit nothing.
 */
public final class MapHitTest {
    /** Extra pixels around nodes and city markers that still count as a hit. */
    static final double SLOP = 2.0;

    private MapHitTest() {
    }

    /**
     * The id of the place at {@code (x, y)} in a picture with layout {@code l}: a region id
     * (e.g. {@code KZ-75}) or, when {@code d} is not null, a destination id; null for nothing.
     * Without data (before the first recorded year) only regions can be hit.
     */
    public static String placeAt(MapRenderer.Layout l, MapData d, double x, double y) {
        if (!l.mapArea.contains(x, y)) {
            return null;
        }
        if (d != null) {
            Map<Integer, Point2D> nodes = MapRenderer.destinationNodes(l, d);
            double max = 1;
            for (int p : nodes.keySet()) {
                max = Math.max(max, d.graduatesAbroad(p));
            }
            String best = null;
            double bestDist = Double.MAX_VALUE;
            for (Map.Entry<Integer, Point2D> e : nodes.entrySet()) {
                double r = MapRenderer.nodeRadius(l, d.graduatesAbroad(e.getKey()), max) + SLOP;
                double dist = e.getValue().distance(x, y);
                if (dist <= r && dist < bestDist) {
                    best = d.id(e.getKey());
                    bestDist = dist;
                }
            }
            if (best != null) {
                return best;
            }
        }
        GeoMap geo = GeoMap.load();
        double cityRadius = MapRenderer.cityMarkerRadius(l) + SLOP;
        for (Map.Entry<String, Point2D> e : l.labelPoints.entrySet()) {
            GeoMap.Feature f = geo.region(e.getKey());
            if (f != null && "city".equals(f.type()) && e.getValue().distance(x, y) <= cityRadius) {
                return e.getKey();
            }
        }
        // cities lie inside their oblast's polygon: try them first
        String hit = null;
        for (Map.Entry<String, Shape> e : l.regionShapes.entrySet()) {
            if (e.getValue().contains(x, y)) {
                GeoMap.Feature f = geo.region(e.getKey());
                if (f != null && "city".equals(f.type())) {
                    return e.getKey();
                }
                if (hit == null) {
                    hit = e.getKey();
                }
            }
        }
        return hit;
    }

    /** The centre of a destination node in a picture with layout {@code l}, null for no such destination. */
    public static Point2D destinationCentre(MapRenderer.Layout l, MapData d, String id) {
        int p = d.indexOf(id);
        return p < 0 ? null : MapRenderer.destinationNodes(l, d).get(p);
    }
}
