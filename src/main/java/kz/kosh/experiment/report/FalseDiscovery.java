package kz.kosh.experiment.report;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Honest ticks: many intervals at once. With m paired differences each tested at 5%, about
 * 0.05·m intervals exclude zero by chance alone when no scenario changes anything; a report
 * that ticks every interval that excludes zero ticks those too. The reports therefore tick a
 * difference only when it stays significant after controlling the <em>false discovery rate</em>
 * (the expected share of ticks that are chance) at {@link #FDR} over the family of differences
 * shown together (indicators × scenarios compared), with the step-up procedure of Benjamini and
 * Hochberg (1995):
 * <pre>
 *   sort the m p-values p(1) ≤ … ≤ p(m);
 *   adjusted q(i) = min over j ≥ i of min(1, m·p(j)/j);
 *   a difference is a discovery when q ≤ 0.05
 * </pre>
 * (valid under independence and positive dependence of the tests, which is the case of the
 * indicators of one simulation). The p-value of a paired difference is the two-sided Student t
 * test of its mean over n paired replications, p = 2·(1 − T<sub>n−1</sub>(|mean|/se)); it is
 * recovered from the 95% Student t interval the reports already carry,
 * se = (hi − lo) / (2·t<sub>0.975, n−1</sub>), so that the tick and the interval agree: p &lt; 0.05
 * exactly when the interval excludes zero.
 */
public final class FalseDiscovery {
    /** The false discovery rate the ticks control. */
    public static final double FDR = 0.05;
    /** The level of each interval (95%: 5% of intervals of null effects exclude zero). */
    public static final double ALPHA = 0.05;

    private FalseDiscovery() {
    }

    /**
     * The two-sided p-value of a paired difference from its 95% Student t interval over n
     * replications: 1 for a zero difference with a zero-width interval (every replication the
     * same), 0 for a non-zero difference with a zero-width interval, NaN when unknown (n &lt; 2,
     * NaN bounds).
     */
    public static double pValue(double mean, double lo, double hi, long n) {
        if (n < 2 || Double.isNaN(mean) || Double.isNaN(lo) || Double.isNaN(hi)) {
            return Double.NaN;
        }
        double se = (hi - lo) / (2 * Intervals.t95(n));
        if (!(se > 0)) {
            return mean == 0 ? 1.0 : 0.0;
        }
        double t = Math.abs(mean) / se;
        return Math.min(1.0, 2 * (1 - new TDistribution(n - 1).cumulativeProbability(t)));
    }

    /**
     * Benjamini-Hochberg adjusted p-values (q-values), in the order of {@code p}; NaN entries
     * (unknown p-values) stay NaN and do not count in m.
     */
    public static double[] adjust(double[] p) {
        double[] q = new double[p.length];
        Arrays.fill(q, Double.NaN);
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] known = Arrays.copyOf(order, m);
        Arrays.sort(known, Comparator.comparingDouble(i -> p[i]));
        double min = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = known[rank - 1];
            min = Math.min(min, m * p[i] / rank);
            q[i] = Math.min(1.0, min);
        }
        return q;
    }

    /** A discovery at the controlled false discovery rate: q ≤ {@link #FDR}. */
    public static boolean discovery(double q) {
        return q <= FDR;
    }

    /**
     * One sentence for a family of m intervals: how many exclude zero, how many would by chance
     * alone if nothing changed (α·m), and how many remain after the control.
     */
    public static String summary(int m, int excludingZero, int discoveries) {
        if (m == 0) {
            return "No paired differences to test.";
        }
        return String.format(java.util.Locale.ROOT,
                "Of the %d paired differences shown, %d have a 95%% interval that excludes zero; if no scenario "
                        + "changed anything, about %s would by chance alone (5%% of %d). A tick (\u2713) marks the %d "
                        + "that stay significant when the false discovery rate is controlled at 5%% over all of them "
                        + "(Benjamini\u2013Hochberg): on average at most 1 in 20 ticks is chance.",
                m, excludingZero, Formats.number(ALPHA * m, ALPHA * m < 10 ? 1 : 0, false), m, discoveries);
    }
}
