package kz.kosh.gui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.geom.Point2D;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless tests of clicking the map: the hit test and the figures shown for a place. */
class PlaceInspectionTest {
    static MapData data;
    static MapRenderer renderer;

    @BeforeAll
    static void run() {
        data = SmallRun.run().last;
        renderer = new MapRenderer();
    }

    @Test
    void labelPointOfEachRegionHitsThatRegion() {
        for (int[] size : new int[][]{{1200, 800}, {1100, 720}, {700, 480}}) {
            MapRenderer.Layout l = renderer.layout(size[0], size[1]);
            assertEquals(20, l.labelPoints.size());
            for (Map.Entry<String, Point2D> e : l.labelPoints.entrySet()) {
                Point2D p = e.getValue();
                assertEquals(e.getKey(), MapHitTest.placeAt(l, data, p.getX(), p.getY()), "label point of " + e.getKey() + " at " + size[0]);
                // before the first year (no data) the regions are clickable too
                assertEquals(e.getKey(), MapHitTest.placeAt(l, null, p.getX(), p.getY()));
            }
        }
    }

    @Test
    void destinationNodeCentreHitsThatDestination() {
        MapRenderer.Layout l = renderer.layout(1200, 800);
        int n = 0;
        for (int p = data.regionCount(); p < data.placeCount(); p++) {
            Point2D c = MapHitTest.destinationCentre(l, data, data.id(p));
            assertNotNull(c, data.id(p));
            assertEquals(data.id(p), MapHitTest.placeAt(l, data, c.getX(), c.getY()), data.name(p));
            // without data there are no nodes
            assertNull(MapHitTest.placeAt(l, null, c.getX(), c.getY()));
            n++;
        }
        assertEquals(14, n);
    }

    @Test
    void seaForeignLandAndMarginsHitNothing() {
        MapRenderer.Layout l = renderer.layout(1200, 800);
        // sea/background in the corner of the map area (outside the node box)
        assertNull(MapHitTest.placeAt(l, data, l.mapArea.getX() + 3, l.mapArea.getY() + 3));
        assertNull(MapHitTest.placeAt(l, data, l.mapArea.getMaxX() - 3, l.mapArea.getMaxY() - 3));
        // the title and footer are not the map
        assertNull(MapHitTest.placeAt(l, data, 600, 5));
        assertNull(MapHitTest.placeAt(l, data, 600, 795));
        // foreign land: Novosibirsk (Russia) and Urumqi (China)
        for (double[] lonLat : new double[][]{{82.92, 55.03}, {87.62, 43.83}}) {
            Point2D p = l.projection.project(lonLat[0], lonLat[1]);
            assertTrue(l.mapArea.contains(p), "point on the map " + p);
            assertNull(MapHitTest.placeAt(l, data, p.getX(), p.getY()), "foreign land " + lonLat[0] + "," + lonLat[1]);
        }
    }

    @Test
    void regionFiguresComeFromTheYearsIndicators() {
        assertEquals(2016, data.year());
        double living = 0;
        for (int r = 0; r < data.regionCount(); r++) {
            List<PlaceInfo.Row> rows = PlaceInfo.rows(data, data.id(r));
            assertEquals(9, rows.size());
            assertEquals("Graduates living there", rows.get(0).label());
            double g = data.placeIndicator("graduates_living", r);
            assertTrue(Double.isFinite(g) && g >= 0);
            assertEquals(String.format(java.util.Locale.ROOT, "%,.0f", g), rows.get(0).value());
            assertEquals(data.value(Measure.RETENTION, r), data.placeIndicator("retention_own_graduates", r), 0.0);
            living += g;
        }
        assertEquals(data.national("graduates_in_kz"), living, 1e-6 * living);
        String text = PlaceInfo.text(data, "KZ-75");
        assertTrue(text.startsWith("Almaty (KZ-75, region) \u00b7 2016"), text);
        assertTrue(PlaceInfo.html(data, "KZ-75").contains("Retention of own graduates"));
    }

    @Test
    void historyOfAPlaceFigureHasOnePointPerRecordedYear() {
        double[][] h = PlaceInfo.history(List.of(data), "KZ-75", "Retention of own graduates");
        assertEquals(1, h.length);
        assertEquals(2016, h[0][0]);
        assertEquals(data.placeIndicator("retention_own_graduates", data.indexOf("KZ-75")), h[0][1], 0.0);
        assertEquals(0, PlaceInfo.history(List.of(data), "KZ-75", "no such row").length);
        assertEquals(2, PlaceInfo.history(List.of(data, data), "RU", "Graduates there").length);
    }

    @Test
    void destinationFiguresComeFromTheYearsIndicators() {
        int ru = data.indexOf("RU");
        assertTrue(ru >= data.regionCount());
        List<PlaceInfo.Row> rows = PlaceInfo.rows(data, "RU");
        assertEquals(7, rows.size());
        assertEquals(String.format(java.util.Locale.ROOT, "%,.0f", data.graduatesAbroad(ru)), rows.get(1).value());
        assertEquals(data.graduatesAbroad(ru), data.placeIndicator("graduates_abroad", ru), 1e-9);
        assertTrue(data.placeIndicator("diaspora_thousands", ru) > 0);
        assertTrue(rows.get(6).value().endsWith("thousand"));
        assertTrue(PlaceInfo.rows(data, "nowhere").isEmpty());
        assertTrue(PlaceInfo.rows(null, "RU").isEmpty());
    }
}
