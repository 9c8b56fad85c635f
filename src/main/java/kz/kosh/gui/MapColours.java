package kz.kosh.gui;

import java.awt.Color;

/**
 * The colour scales of the map: a sequential palette (ColorBrewer YlGnBu) for levels and a
 * diverging one for signed measures, the range of a measure in a year, and the position of a value
 * on the colour bar (linear, or a signed square root so that one large city does not wash out the rest).
 */
final class MapColours {
    private MapColours() {
    }

    /** Sequential palette (ColorBrewer YlGnBu, 7 classes). */
    static final Color[] SEQUENTIAL = hex("ffffcc", "c7e9b4", "7fcdbb", "41b6c4", "1d91c0", "225ea8", "0c2c84");

    /** Diverging palette, negative brown to positive blue (ColorBrewer BrBG ends with RdBu's blues). */
    static final Color[] DIVERGING = hex("8c510a", "d8b365", "f6e8c3", "f5f5f5", "d1e5f0", "67a9cf", "2166ac");

    /** Colour-scale range of a measure in a year: symmetric around 0 for signed measures. */
    static double[] range(MapData d, Measure m) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int r = 0; r < d.regionCount(); r++) {
            double v = d.value(m, r);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            return new double[]{0, 1};
        }
        if (m.diverging()) {
            double a = Math.max(Math.abs(lo), Math.abs(hi));
            return a == 0 ? new double[]{-1, 1} : new double[]{-a, a};
        }
        if (hi - lo < 1e-12) {
            double pad = Math.max(Math.abs(hi) * 0.05, 1e-6);
            return new double[]{lo - pad, hi + pad};
        }
        return new double[]{lo, hi};
    }

    static Color colour(Measure m, double v, double[] range) {
        if (!Double.isFinite(v)) {
            return MapRenderer.NO_DATA;
        }
        return ramp(m.diverging() ? DIVERGING : SEQUENTIAL, position(m, v, range));
    }

    /**
     * Position of a value on the colour bar in [0, 1]: linear for sequential measures; for
     * signed ones a signed square-root scale, so that one large city does not wash out the rest.
     */
    static double position(Measure m, double v, double[] range) {
        if (m.diverging()) {
            double u = v / range[1];
            return 0.5 + 0.5 * Math.signum(u) * Math.sqrt(Math.min(1, Math.abs(u)));
        }
        return (v - range[0]) / (range[1] - range[0]);
    }

    /** The value at a position of the colour bar (inverse of {@link #position}). */
    static double valueAt(Measure m, double t, double[] range) {
        if (m.diverging()) {
            double u = (t - 0.5) * 2;
            return Math.signum(u) * u * u * range[1];
        }
        return range[0] + t * (range[1] - range[0]);
    }

    static Color ramp(Color[] stops, double t) {
        t = Math.max(0, Math.min(1, t));
        double x = t * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(x));
        double f = x - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static Color[] hex(String... h) {
        Color[] c = new Color[h.length];
        for (int i = 0; i < h.length; i++) {
            c[i] = new Color(Integer.parseInt(h[i], 16));
        }
        return c;
    }
}
