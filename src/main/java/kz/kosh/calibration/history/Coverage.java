package kz.kosh.calibration.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Predictive intervals and their coverage of observed points (the out-of-sample test of issue
 * 21): the predictive distribution of an observed value is the model value of a posterior draw
 * and a seed (parameter and seed uncertainty, from the re-run draws) plus a normal error with the
 * discrepancy and observation variances, sampled {@value #PER_RUN} times per model value (seeded).
 * A point is covered at level L when the observed value lies between the (1 − L)/2 and (1 + L)/2
 * quantiles; coverage is the share of points covered, per target, for the points inside and
 * outside the fit years separately.
 */
public final class Coverage {
    /** Normal errors drawn per model value. */
    static final int PER_RUN = 20;

    private Coverage() {
    }

    /** One observed point with its predictive quantiles (5, 25, 50, 75, 95%). */
    public record Point(String target, String label, boolean fitted, double observed, int runs, double q05, double q25,
                        double q50, double q75, double q95) {
        public boolean in50() {
            return q25 <= observed && observed <= q75;
        }

        public boolean in90() {
            return q05 <= observed && observed <= q95;
        }
    }

    /** The predictive quantiles of a point from model values (NaN left out) and the error sd. */
    public static Point of(String target, String label, boolean fitted, double observed, double[] modelValues, double sd,
                           long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] finite = Arrays.stream(modelValues).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return new Point(target, label, fitted, observed, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] pred = new double[finite.length * PER_RUN];
        int k = 0;
        for (double v : finite) {
            for (int i = 0; i < PER_RUN; i++) {
                pred[k++] = v + sd * rnd.nextGaussian();
            }
        }
        Arrays.sort(pred);
        return new Point(target, label, fitted, observed, finite.length, q(pred, 0.05), q(pred, 0.25), q(pred, 0.5),
                q(pred, 0.75), q(pred, 0.95));
    }

    static double q(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Coverage of one target's points (fitted or held out). */
    public record Summary(String target, boolean fitted, int points, double share50, double share90) {
    }

    /** Per target and fit status, in the order met. */
    public static List<Summary> summarise(List<Point> points) {
        Map<String, int[]> acc = new LinkedHashMap<>();
        for (Point p : points) {
            if (p.runs() == 0) {
                continue;
            }
            int[] a = acc.computeIfAbsent(p.target() + "\t" + p.fitted(), x -> new int[3]);
            a[0]++;
            a[1] += p.in50() ? 1 : 0;
            a[2] += p.in90() ? 1 : 0;
        }
        List<Summary> out = new ArrayList<>();
        acc.forEach((key, a) -> {
            String[] k = key.split("\t");
            out.add(new Summary(k[0], Boolean.parseBoolean(k[1]), a[0], (double) a[1] / a[0], (double) a[2] / a[0]));
        });
        return out;
    }

    /** coverage.csv: one row per point. */
    public static void write(Path file, List<Point> points) throws IOException {
        StringBuilder sb = new StringBuilder("target,point,fitted,observed,model_runs,q05,q25,q50,q75,q95,in_50,in_90\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s,%s%n", p.target(), p.label(), p.fitted(),
                    p.observed(), p.runs(), p.q05(), p.q25(), p.q50(), p.q75(), p.q95(), p.in50(), p.in90()));
        }
        HistoryMatchRun.writeAtomically(file, sb.toString());
    }
}
