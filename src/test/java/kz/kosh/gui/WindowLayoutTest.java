package kz.kosh.gui;

import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The windows fit the screen (computed for a given screen size, no real screen needed). */
class WindowLayoutTest {
    private static final Rectangle[] SCREENS = {
            new Rectangle(0, 0, 1366, 768), new Rectangle(0, 0, 1366, 728), new Rectangle(0, 27, 1600, 973),
            new Rectangle(0, 0, 1920, 1080), new Rectangle(1920, 0, 1024, 600)};

    @Test
    void everyWindowLiesInsideTheScreen() {
        for (Rectangle s : SCREENS) {
            WindowLayout l = WindowLayout.of(s);
            for (Rectangle w : new Rectangle[]{l.console(), l.main(), l.agents()}) {
                assertTrue(s.contains(w), w + " outside " + s);
                assertTrue(w.width >= 300 && w.height >= 300, "window too small: " + w);
            }
            // the Console and the main window side by side, not overlapping
            assertFalse(l.console().intersects(l.main()), "console over the main window on " + s);
        }
    }

    @Test
    void theMapInTheMainWindowOfA1366x768ScreenColoursTheRegions() {
        WindowLayout l = WindowLayout.of(new Rectangle(0, 0, 1366, 768));
        // the map panel: the main window less the place panel, frame decorations, tabs and tool bar
        int w = l.main().width - WindowLayout.INFO_WIDTH - 20;
        int h = l.main().height - 30 - 30 - 40;
        assertTrue(w >= 600 && h >= 600, w + " x " + h);
        MapData d = SmallRun.run().last;
        MapRenderer r = new MapRenderer();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        r.paint(g, w, h, d, Measure.RETENTION, null);
        g.dispose();
        MapRendererTest.assertRegionsColoured(r.layout(w, h), img, "1366x768 map");
    }
}
