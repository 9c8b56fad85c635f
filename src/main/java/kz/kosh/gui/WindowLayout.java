package kz.kosh.gui;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;

/**
 * Where the GUI's windows go, computed from the usable screen area (the screen minus task bars,
 * {@link GraphicsEnvironment#getMaximumWindowBounds()}): the Console on the left, the main
 * window (map and charts as tabs, the place panel beside the map) filling the rest, and the
 * sampled-agents window over the lower half of the main window. Every window lies inside the
 * screen, down to 1024 x 600; the main window is at most 0.8 times as tall as wide.
 *
 * @param console the MASON Console
 * @param main    the main window (tabs "Map" and "Charts")
 * @param agents  the sampled-agents window
 */
public record WindowLayout(Rectangle console, Rectangle main, Rectangle agents) {
    /** Width of the place panel beside the map (figures and the place's history chart). */
    public static final int INFO_WIDTH = 250;

    /** The layout for a usable screen area. */
    public static WindowLayout of(Rectangle screen) {
        int consoleW = Math.max(300, Math.min(400, (int) Math.round(screen.width * 0.22)));
        consoleW = Math.min(consoleW, screen.width / 2);
        Rectangle console = new Rectangle(screen.x, screen.y, consoleW, Math.min(screen.height, 720));
        int mainW = screen.width - consoleW;
        // not much taller than wide: on a tall screen the map would get narrow and its small regions tiny
        int mainH = Math.min(screen.height, (int) Math.round(mainW * 0.8));
        Rectangle main = new Rectangle(screen.x + consoleW, screen.y, mainW, mainH);
        int agentsH = Math.min(420, screen.height / 2);
        Rectangle agents = new Rectangle(main.x, screen.y + screen.height - agentsH, mainW, agentsH);
        return new WindowLayout(console, main, agents);
    }

    /** The layout for this machine's default screen (a 1366 x 768 one when headless). */
    public static WindowLayout ofScreen() {
        if (GraphicsEnvironment.isHeadless()) {
            return of(new Rectangle(0, 0, 1366, 768));
        }
        return of(GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds());
    }
}
