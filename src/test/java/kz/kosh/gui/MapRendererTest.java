package kz.kosh.gui;

import kz.kosh.scenario.Scenario;
import kz.kosh.sim.FlowKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headless tests of the map: geometry, determinism, a coloured choropleth, arcs. */
class MapRendererTest {
    static final int W = 1200;
    static final int H = 800;
    static final int YEAR = 2016;
    static Scenario scenario;
    static MapData data;

    @BeforeAll
    static void runSmallBaseline() {
        // 2015-2016 after 10 spin-up years: every study and first-job flow, graduates up to 14
        // years after entry (the baseline's 22 spin-up years and 2020 cost three times as long)
        scenario = SmallRun.scenario(10, 0.02);
        data = MapSnapshot.capture(scenario, YEAR, 2);
    }

    @Test
    void geoMapHasTheTwentyRegionsAndTheWorld() {
        GeoMap g = GeoMap.load();
        assertEquals(20, g.regions().size());
        assertTrue(g.regions().containsKey("KZ-75") && g.regions().containsKey("KZ-71"));
        assertTrue(g.countries().size() > 150);
        double[] c = g.centroid();
        assertTrue(c[0] > 60 && c[0] < 75 && c[1] > 44 && c[1] < 52, "centroid " + c[0] + "," + c[1]);
        // every scenario region has a polygon
        for (String id : scenario.regions().keySet()) {
            assertNotNull(g.region(id), id);
        }
    }

    @Test
    void bearingsPointTheRightWay() {
        double[] c = GeoMap.load().centroid();
        double moscow = GeoMap.bearingDegrees(c[1], c[0], 55.76, 37.62);
        double beijing = GeoMap.bearingDegrees(c[1], c[0], 39.90, 116.41);
        double dubai = GeoMap.bearingDegrees(c[1], c[0], 25.20, 55.27);
        assertTrue(moscow > 270 && moscow < 330, "Moscow " + moscow);
        assertTrue(beijing > 60 && beijing < 110, "Beijing " + beijing);
        assertTrue(dubai > 180 && dubai < 240, "Dubai " + dubai);
    }

    @Test
    void projectionKeepsTheMapInsideTheTarget() {
        GeoMap g = GeoMap.load();
        double[] b = g.regionBounds();
        Rectangle2D target = new Rectangle2D.Double(10, 20, 400, 300);
        GeoMap.Projection p = new GeoMap.Projection(b[0], b[1], b[2], b[3], target);
        for (GeoMap.Feature f : g.regions().values()) {
            Rectangle2D r = p.shape(f).getBounds2D();
            assertTrue(target.getX() - 1e-6 <= r.getMinX() && r.getMaxX() <= target.getMaxX() + 1e-6, f.id());
            assertTrue(target.getY() - 1e-6 <= r.getMinY() && r.getMaxY() <= target.getMaxY() + 1e-6, f.id());
        }
    }

    @Test
    void sameSeedAndYearGiveIdenticalPixels() {
        MapData again = MapSnapshot.capture(scenario, YEAR, 1);
        BufferedImage a = new MapRenderer().render(data, Measure.RETENTION, W, H);
        BufferedImage b = new MapRenderer().render(again, Measure.RETENTION, W, H);
        assertArrayEquals(pixels(a), pixels(b));
    }

    /**
     * Every measure drawn by one renderer, as the GUI draws them (its layout, with the regions' label
     * points and the painted countries, is built once for the size and reused by every measure).
     */
    @Test
    void regionsAreColouredAndArcsDrawn() throws Exception {
        MapRenderer r = new MapRenderer();
        for (Measure m : Measure.values()) {
            BufferedImage img = r.render(data, m, W, H);
            if (m == Measure.RETENTION) {
                MapSnapshot.writePng(img, Path.of("target/gui-test-map.png"));
            }
            assertRegionsColoured(r.layout(W, H), img, m.name());
            assertArcsDrawn(r.layout(W, H), img);
        }
    }

    /**
     * No two region labels overlap (Astana's beside its marker and Akmola's around it used to), and
     * the colour bar's title ends before the arc key's title starts, for every measure at the
     * console's default map size, a 1366 px screen's and the report size; each label stays in the
     * picture. The map written for the eye: target/gui-test-map-600x500.png.
     */
    @Test
    void labelsAndLegendTitlesDoNotCollide() throws Exception {
        int[][] sizes = {{600, 500}, {1000, 700}, {W, H}};
        for (int[] size : sizes) {
            // one renderer per size (its layout is built once for the size, as in the GUI)
            MapRenderer r = new MapRenderer();
            for (Measure m : Measure.values()) {
                BufferedImage img = r.render(data, m, size[0], size[1]);
                if (m == Measure.RETENTION && size[0] == 600) {
                    MapSnapshot.writePng(img, Path.of("target/gui-test-map-600x500.png"));
                }
                java.awt.Graphics2D g = img.createGraphics();
                g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS,
                        java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                        java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                MapRenderer.Layout l = r.layout(size[0], size[1]);
                Map<String, MapLabels.Label> labels = r.labels(g.getFontRenderContext(), l, data, m);
                assertEquals(20, labels.size());
                List<Map.Entry<String, MapLabels.Label>> all = List.copyOf(labels.entrySet());
                String where = m + " at " + size[0] + "x" + size[1];
                for (int i = 0; i < all.size(); i++) {
                    Rectangle2D a = all.get(i).getValue().box();
                    assertTrue(a.getMinX() >= 0 && a.getMaxX() <= size[0], all.get(i).getKey() + " inside, " + where);
                    for (int j = i + 1; j < all.size(); j++) {
                        assertFalse(a.intersects(all.get(j).getValue().box()),
                                all.get(i).getKey() + " and " + all.get(j).getKey() + " overlap, " + where);
                    }
                }
                // the destination nodes' labels: none overlaps another (the United States' and
                // Canada's touched at 600x500 when every label sat below its node) or another node
                Map<Integer, java.awt.geom.Point2D> nodes = MapRenderer.destinationNodes(l, data);
                Map<Integer, MapLabels.Label> nodeLabels = r.nodeLabels(g.getFontRenderContext(), l, data, nodes);
                assertEquals(nodes.keySet(), nodeLabels.keySet());
                List<Map.Entry<Integer, MapLabels.Label>> nl = List.copyOf(nodeLabels.entrySet());
                for (int i = 0; i < nl.size(); i++) {
                    Rectangle2D a = nl.get(i).getValue().box();
                    assertTrue(a.getMinX() >= 0 && a.getMaxX() <= size[0] && a.getMinY() >= l.mapArea.getMinY()
                            && a.getMaxY() <= l.mapArea.getMaxY(), nl.get(i).getValue().name() + " inside the map, " + where);
                    for (int j = i + 1; j < nl.size(); j++) {
                        assertFalse(a.intersects(nl.get(j).getValue().box()),
                                nl.get(i).getValue().name() + " and " + nl.get(j).getValue().name() + " overlap, " + where);
                    }
                }
                MapLegend.FooterTitles t = MapLegend.footerTitles(g.getFontRenderContext(), l, m);
                assertTrue(t.barRight() < t.arcLeft(), "legend titles overlap, " + where + ": " + t.bar());
                g.dispose();
            }
        }
    }

    @Test
    void withoutDataTheMapStillDraws() {
        MapRenderer r = new MapRenderer();
        BufferedImage img = r.render(null, Measure.WAGE, 600, 400);
        assertEquals(600, img.getWidth());
        assertThrows(AssertionError.class, () -> assertArcsDrawn(r.layout(600, 400), img), "no arcs without data");
    }

    @Test
    void largestFlowsAreSortedAndLimited() {
        List<MapData.Flow> top = data.largestFlows(10);
        assertTrue(top.size() <= 10 && !top.isEmpty());
        for (int i = 1; i < top.size(); i++) {
            assertTrue(top.get(i - 1).persons() >= top.get(i).persons());
        }
        Set<FlowKind> kinds = new HashSet<>();
        data.flows().forEach(f -> kinds.add(f.kind()));
        assertTrue(kinds.contains(FlowKind.INTERNAL) && kinds.contains(FlowKind.EMIGRATION), kinds.toString());
    }

    @Test
    void measuresParseAndYearsAreChecked() {
        assertEquals(Measure.RETENTION, Measure.parse("retention"));
        assertEquals(Measure.NET_MIGRATION, Measure.parse("net_migration_graduates"));
        assertThrows(IllegalArgumentException.class, () -> Measure.parse("nonsense"));
        assertThrows(IllegalArgumentException.class, () -> MapSnapshot.capture(scenario, 1990, 1));
        assertEquals(YEAR, data.year());
        assertTrue(data.value(Measure.WAGE, 0) > 0);
    }

    /** The dominant colour of each region's pixels: not background, and not all the same. */
    static void assertRegionsColoured(MapRenderer.Layout l, BufferedImage img, String what) {
        int coloured = 0;
        Set<Integer> fills = new HashSet<>();
        for (Map.Entry<String, Shape> e : l.regionShapes.entrySet()) {
            Integer fill = dominantColour(e.getValue(), img);
            if (fill == null) {
                continue;
            }
            Color c = new Color(fill);
            boolean background = fill == (MapRenderer.BACKGROUND.getRGB() & 0xFFFFFF)
                    || fill == (MapRenderer.SEA.getRGB() & 0xFFFFFF) || fill == (MapRenderer.NO_DATA.getRGB() & 0xFFFFFF)
                    || (c.getRed() == 255 && c.getGreen() == 255 && c.getBlue() == 255);
            if (!background) {
                coloured++;
                fills.add(fill);
            }
        }
        assertTrue(coloured >= 18, what + ": only " + coloured + " regions coloured");
        assertTrue(fills.size() > 3, what + ": region colours not distinct: " + fills.size());
    }

    /** Most frequent colour among sample points well inside the shape (labels and arcs are minorities). */
    static Integer dominantColour(Shape s, BufferedImage img) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (double[] p : pointsWellInside(s)) {
            double x = p[0];
            double y = p[1];
            if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()) {
                counts.merge(img.getRGB((int) x, (int) y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max((p, q) -> p.getValue() - q.getValue() != 0 ? p.getValue() - q.getValue()
                : q.getKey() - p.getKey()).map(Map.Entry::getKey).orElse(null);
    }

    /** The sample points of {@link #pointsWellInside}, by shape (a layout's shapes are reused by every measure drawn with it). */
    private static final Map<Shape, List<double[]>> INSIDE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The pixel centres of the shape's bounding box whose 3 × 3 pixel square lies inside the shape
     * (computed once per shape: the test of a square against the outline is most of the check's time).
     */
    static List<double[]> pointsWellInside(Shape s) {
        return INSIDE.computeIfAbsent(s, shape -> {
            Rectangle2D b = shape.getBounds2D();
            List<double[]> points = new java.util.ArrayList<>();
            for (double y = Math.floor(b.getMinY()) + 0.5; y < b.getMaxY(); y += 1) {
                for (double x = Math.floor(b.getMinX()) + 0.5; x < b.getMaxX(); x += 1) {
                    if (shape.contains(new Rectangle2D.Double(x - 1.5, y - 1.5, 3, 3))) {
                        points.add(new double[]{x, y});
                    }
                }
            }
            return points;
        });
    }

    /** Pixels of the arc colours inside the map area (the legend's key lines are outside it). */
    static void assertArcsDrawn(MapRenderer.Layout l, BufferedImage img) {
        int[] counts = new int[3];
        int[] colours = {MapRenderer.INTERNAL.getRGB() & 0xFFFFFF, MapRenderer.EMIGRATION.getRGB() & 0xFFFFFF,
                MapRenderer.RETURN.getRGB() & 0xFFFFFF};
        Rectangle2D a = l.mapArea;
        for (int y = (int) a.getMinY(); y < (int) a.getMaxY() && y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                for (int k = 0; k < 3; k++) {
                    if (rgb == colours[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int total = counts[0] + counts[1] + counts[2];
        assertTrue(total > 300, "arc pixels: internal " + counts[0] + ", emigration " + counts[1] + ", return " + counts[2]);
    }

    static int[] pixels(BufferedImage img) {
        if (img.getRaster().getDataBuffer() instanceof DataBufferInt db) {
            return db.getData().clone();
        }
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
