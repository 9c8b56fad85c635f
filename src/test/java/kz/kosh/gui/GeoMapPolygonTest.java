package kz.kosh.gui;

import org.junit.jupiter.api.Test;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link GeoMap.Polygon}, the row test that {@link GeoMap#interiorPoint} uses, says exactly what
 * {@code Shape.contains(x, y)} says: at every point interiorPoint samples in each region of the map, at the
 * vertices themselves (points on an edge or a corner) and on shapes with several rings, both winding rules
 * and unclosed rings.
 */
class GeoMapPolygonTest {
    @Test
    void rowTestsAgreeWithContainsOnEveryRegion() {
        GeoMap g = GeoMap.load();
        MapRenderer.Layout l = new MapRenderer(g).layout(1000, 700);
        int checked = 0;
        for (Shape s : l.regionShapes.values()) {
            GeoMap.Polygon p = GeoMap.Polygon.of(s);
            assertNotNull(p);
            Rectangle2D b = s.getBounds2D();
            // interiorPoint's grid: 48 rows x 240 columns
            for (int r = 0; r < 48; r++) {
                double y = b.getMinY() + (r + 0.5) * b.getHeight() / 48;
                GeoMap.Polygon.Row row = p.row(y);
                double dx = b.getWidth() / 240;
                for (int c = 0; c < 240; c++) {
                    double x = b.getMinX() + (c + 0.5) * dx;
                    assertEquals(s.contains(x, y), row.contains(x), "(" + x + ", " + y + ")");
                    checked++;
                }
            }
            // the vertices: on an edge, at a corner, on horizontal edges
            double[] c = new double[6];
            for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
                if (it.currentSegment(c) != PathIterator.SEG_CLOSE) {
                    GeoMap.Polygon.Row row = p.row(c[1]);
                    for (double x : new double[]{c[0], Math.nextUp(c[0]), Math.nextDown(c[0])}) {
                        assertEquals(s.contains(x, c[1]), row.contains(x), "vertex (" + x + ", " + c[1] + ")");
                        checked++;
                    }
                }
            }
        }
        assertEquals(true, checked > 20 * 48 * 240, "points checked: " + checked);
    }

    @Test
    void ringsWindingRulesAndOpenRingsAgree() {
        for (int rule : new int[]{Path2D.WIND_EVEN_ODD, Path2D.WIND_NON_ZERO}) {
            Path2D.Double p = new Path2D.Double(rule);
            // an outer square, an inner square drawn the same way round (a hole only under even-odd),
            // a triangle left open (closed implicitly) and a ring with a horizontal edge
            p.moveTo(0, 0); p.lineTo(10, 0); p.lineTo(10, 10); p.lineTo(0, 10); p.closePath();
            p.moveTo(3, 3); p.lineTo(7, 3); p.lineTo(7, 7); p.lineTo(3, 7); p.closePath();
            p.moveTo(20, 0); p.lineTo(30, 5); p.lineTo(20, 10);
            p.moveTo(40, 0); p.lineTo(50, 0); p.lineTo(45, 8); p.lineTo(40, 8);
            GeoMap.Polygon poly = GeoMap.Polygon.of(p);
            for (double y = -1; y <= 11; y += 0.25) {
                GeoMap.Polygon.Row row = poly.row(y);
                for (double x = -1; x <= 51; x += 0.25) {
                    assertEquals(p.contains(x, y), row.contains(x), "rule " + rule + " (" + x + ", " + y + ")");
                }
                assertEquals(p.contains(Double.NaN, y), row.contains(Double.NaN));
            }
        }
        // curves: no polygon, interiorPoint asks the shape itself
        assertNull(GeoMap.Polygon.of(new Ellipse2D.Double(0, 0, 4, 2)));
    }
}
