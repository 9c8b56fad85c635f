package kz.kosh.gui;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** "Save PNG" of the map window: the panel's snapshot is the renderer's picture of the shown year. */
class MapPanelSnapshotTest {
    @Test
    void snapshotBeforeAnyYearIsTheEmptyMapAndHasTheRequestedSize() {
        MapPanel panel = new MapPanel("baseline");
        BufferedImage img = panel.snapshot(700, 450);
        assertEquals(700, img.getWidth());
        assertEquals(450, img.getHeight());
        // the map area is painted (not the plain background everywhere)
        int centre = img.getRGB(350, 225);
        assertNotEquals(MapRenderer.BACKGROUND.getRGB(), centre);
    }
}
