package kz.kosh.gui;

import javax.swing.JPanel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * A Swing panel that draws the {@link MapRenderer} picture of the latest year at its size.
 * Clicking selects the region or destination under the mouse ({@link MapHitTest}); the
 * selection is outlined and told to the selection listener.
 */
public class MapPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private final transient MapRenderer renderer = new MapRenderer();
    private final String scenarioName;
    private transient volatile MapData data;
    private volatile Measure measure = Measure.RETENTION;
    private volatile String selected;
    private transient Consumer<String> selectionListener = id -> { };
    private volatile String status = "press play to run (set parameters in the Console's Model tab first)";

    public MapPanel(String scenarioName) {
        this.scenarioName = scenarioName;
        setPreferredSize(new Dimension(1100, 720));
        setDoubleBuffered(true);
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                selectAt(e.getX(), e.getY());
            }
        });
    }

    /** Told the id of the place selected by a click (null: nothing there). */
    public void setSelectionListener(Consumer<String> l) {
        selectionListener = l == null ? id -> { } : l;
    }

    /** Selects the place at a point of the panel (as a click does) and returns its id, or null. */
    public String selectAt(double x, double y) {
        MapRenderer.Layout l = renderer.layout(Math.max(1, getWidth()), Math.max(1, getHeight()));
        String id = MapHitTest.placeAt(l, data, x, y);
        selected = id;
        repaint();
        selectionListener.accept(id);
        return id;
    }

    /** The selected place id, null for none. */
    public String selected() {
        return selected;
    }

    /** The title shown before the first recorded year (e.g. the spin-up's progress). */
    public void setStatus(String s) {
        status = s;
        if (data == null) {
            repaint();
        }
    }

    public String status() {
        return status;
    }

    public void setData(MapData d) {
        data = d;
        repaint();
    }

    public MapData data() {
        return data;
    }

    public void setMeasure(Measure m) {
        measure = m;
        repaint();
    }

    public Measure measure() {
        return measure;
    }

    public MapRenderer renderer() {
        return renderer;
    }

    /**
     * The map as shown (current year and measure) as an image of the given size, for "Save PNG";
     * the same picture {@code kosh map} writes for that year.
     */
    public java.awt.image.BufferedImage snapshot(int width, int height) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            renderer.paint(g, width, height, data, measure, "Kosh \u00b7 " + scenarioName);
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        renderer.paint((Graphics2D) g.create(), w, h, data, measure,
                "Kosh \u00b7 " + scenarioName + " \u00b7 " + status);
        String id = selected;
        if (id != null) {
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                MapRenderer.Layout l = renderer.layout(w, h);
                Shape s = l.regionShapes.get(id);
                MapData d = data;
                if (s == null && d != null) {
                    Point2D c = MapHitTest.destinationCentre(l, d, id);
                    if (c != null) {
                        double r = l.fontSize * 2.2;
                        s = new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
                    }
                }
                if (s != null) {
                    g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
                    g2.setColor(new Color(0xFF, 0x8C, 0x00));
                    g2.setStroke(new BasicStroke(3f));
                    g2.draw(s);
                }
            } finally {
                g2.dispose();
            }
        }
    }

    /** The panel's picture as an image of its current size. */
    public BufferedImage snapshot() {
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }
}
