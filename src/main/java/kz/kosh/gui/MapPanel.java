package kz.kosh.gui;

import javax.swing.JPanel;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** A Swing panel that draws the {@link MapRenderer} picture of the latest year at its size. */
public class MapPanel extends JPanel {
    private static final long serialVersionUID = 1L;
    private final transient MapRenderer renderer = new MapRenderer();
    private final String scenarioName;
    private transient volatile MapData data;
    private volatile Measure measure = Measure.RETENTION;

    public MapPanel(String scenarioName) {
        this.scenarioName = scenarioName;
        setPreferredSize(new Dimension(1100, 720));
        setDoubleBuffered(true);
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

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        int w = Math.max(1, getWidth());
        int h = Math.max(1, getHeight());
        renderer.paint((Graphics2D) g.create(), w, h, data, measure,
                "Kosh \u00b7 " + scenarioName + " \u00b7 press play to run (set parameters in the Console's Model tab first)");
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
