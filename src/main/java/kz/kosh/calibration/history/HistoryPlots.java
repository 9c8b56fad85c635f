package kz.kosh.calibration.history;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The charts of a history match, drawn with Java2D (small multiples, which JFreeChart does not
 * lay out): leave-one-out standardised errors per output, posterior marginals (histograms on the
 * parameters' bounds) and pairwise scatter plots of the posterior draws.
 */
public final class HistoryPlots {
    private static final Color POINT = new Color(31, 119, 180, 150);
    private static final Color BAD = new Color(214, 39, 40, 200);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private HistoryPlots() {
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(SMALL);
        return g;
    }

    private static void save(BufferedImage img, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** LOO standardised errors: one column per output, ±2 and ±3 marked, dropped outputs in red. */
    public static void loo(Path file, HistoryMatching.Wave wave) {
        List<HistoryMatching.Emulated> em = wave.emulators();
        int w = Math.max(600, 60 + 18 * em.size());
        int h = 560;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        int left = 50;
        int top = 30;
        int ph = 260;
        double lim = 4;
        g.setColor(Color.BLACK);
        g.drawString("Wave " + wave.number() + ": leave-one-out standardised errors per output (about 95% should lie within ±2; "
                + "red: dropped)", left, 18);
        for (double y : new double[]{-3, -2, 0, 2, 3}) {
            int py = top + (int) ((lim - y) / (2 * lim) * ph);
            g.setColor(y == 0 ? Color.GRAY : Math.abs(y) == 2 ? new Color(255, 127, 14) : Color.LIGHT_GRAY);
            g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, y == 0 ? null : new float[]{4, 4}, 0));
            g.drawLine(left, py, w - 10, py);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf((int) y), 25, py + 4);
        }
        g.setStroke(new BasicStroke(1));
        double step = (w - left - 20.0) / Math.max(1, em.size());
        for (int j = 0; j < em.size(); j++) {
            HistoryMatching.Emulated e = em.get(j);
            int px = left + (int) (step * (j + 0.5));
            if (e.loo() != null) {
                g.setColor(e.used() ? POINT : BAD);
                for (double z : e.loo().standardised()) {
                    double c = Math.max(-lim, Math.min(lim, z));
                    int py = top + (int) ((lim - c) / (2 * lim) * ph);
                    g.fillOval(px - 2, py - 2, 5, 5);
                }
            }
            Graphics2D r = (Graphics2D) g.create();
            r.setColor(e.used() ? Color.BLACK : BAD);
            r.translate(px + 4, top + ph + 8);
            r.rotate(Math.PI / 2);
            String id = e.output().id();
            r.drawString(id.length() > 40 ? id.substring(0, 40) : id, 0, 0);
            r.dispose();
        }
        g.dispose();
        save(img, file);
    }

    /** Histograms of the posterior draws of each parameter over its bounds. */
    public static void marginals(Path file, HistoryMatchSpec spec, List<double[]> draws) {
        int d = spec.dimension();
        int cols = Math.min(4, d);
        int rows = (d + cols - 1) / cols;
        int cw = 240;
        int ch = 170;
        BufferedImage img = new BufferedImage(cols * cw, rows * ch + 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setColor(Color.BLACK);
        g.drawString("Posterior marginals (" + draws.size() + " draws; x axis: the parameter's bounds)", 8, 16);
        int bins = 20;
        for (int k = 0; k < d; k++) {
            int ox = (k % cols) * cw + 10;
            int oy = (k / cols) * ch + 30;
            int[] counts = new int[bins];
            for (double[] x : draws) {
                counts[Math.min(bins - 1, (int) (x[k] * bins))]++;
            }
            int max = 1;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            int pw = cw - 30;
            int ph = ch - 55;
            g.setColor(POINT);
            for (int b = 0; b < bins; b++) {
                int bh = (int) ((double) counts[b] / max * ph);
                g.fillRect(ox + b * pw / bins, oy + ph - bh, pw / bins - 1, bh);
            }
            g.setColor(Color.BLACK);
            g.drawRect(ox, oy, pw, ph);
            var p = spec.calibration().parameters().get(k);
            g.drawString(shortName(p.path()), ox, oy + ph + 14);
            g.drawString(fmt(p.min()), ox, oy + ph + 28);
            String hi = fmt(p.max());
            g.drawString(hi, ox + pw - g.getFontMetrics().stringWidth(hi), oy + ph + 28);
        }
        g.dispose();
        save(img, file);
    }

    /** Pairwise scatter plots of the posterior draws (lower triangle), each axis the parameter's bounds. */
    public static void pairs(Path file, HistoryMatchSpec spec, List<double[]> draws) {
        int d = spec.dimension();
        int cell = d <= 6 ? 130 : d <= 10 ? 95 : 75;
        int margin = 110;
        BufferedImage img = new BufferedImage(margin + d * cell + 10, margin + d * cell + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setColor(Color.BLACK);
        g.drawString("Posterior draws, pairwise (" + draws.size() + " draws; axes: the parameters' bounds)", 8, 16);
        for (int i = 0; i < d; i++) {
            String name = shortName(spec.paths().get(i));
            g.drawString(name.length() > 16 ? name.substring(0, 16) : name, 4, margin + i * cell + cell / 2);
            Graphics2D r = (Graphics2D) g.create();
            r.translate(margin + i * cell + cell / 2, margin - 4);
            r.rotate(-Math.PI / 2);
            r.drawString(name.length() > 16 ? name.substring(0, 16) : name, 0, 0);
            r.dispose();
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                int ox = margin + j * cell;
                int oy = margin + i * cell;
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(ox, oy, cell - 4, cell - 4);
                g.setColor(POINT);
                for (double[] x : draws) {
                    int px = ox + (int) (x[j] * (cell - 6)) + 1;
                    int py = oy + (int) ((1 - (i == j ? x[i] : x[i])) * (cell - 6)) + 1;
                    if (i == j) {
                        py = oy + cell - 8;
                    }
                    g.fillOval(px - 1, py - 1, 3, 3);
                }
            }
        }
        g.dispose();
        save(img, file);
    }

    private static String shortName(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String fmt(double v) {
        return kz.kosh.output.Fmt.number(v);
    }
}
