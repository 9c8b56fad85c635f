package kz.kosh.experiment.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals of the mean over replications.
 *
 * <p>Counts and money: Student t, mean ± t<sub>0.975, n−1</sub>·sd/√n.
 *
 * <p>Shares (values in [0, 1]): the Wilson score interval with the effective sample size of
 * Korn and Graubard (1998), n* = p(1−p)/se², se = sd/√n, and z = t<sub>0.975, n−1</sub>:
 * <pre>
 *   centre = (p + z²/(2n*)) / (1 + z²/n*)
 *   half   = z / (1 + z²/n*) · √(p(1−p)/n* + z²/(4n*²))
 * </pre>
 * It always lies inside [0, 1], is close to the t interval when that is far from the bounds, and
 * is a single point when every replication gives the same value.
 */
public final class Intervals {
    private Intervals() {
    }

    /** Two-sided 95% Student t quantile for n values (NaN below 2). */
    public static double t95(long n) {
        return n < 2 ? Double.NaN : new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    }

    /** The classical Wilson score interval {lo, hi} for a proportion p observed in n trials, at quantile z. */
    public static double[] wilson(double p, double n, double z) {
        if (Double.isNaN(p) || !(n > 0) || Double.isNaN(z)) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * The 95% interval {lo, hi} of the mean of n replication shares with sample standard
     * deviation sd: Wilson with the effective sample size (see the class comment).
     */
    public static double[] share(double mean, double sd, long n) {
        if (n < 2 || Double.isNaN(mean) || Double.isNaN(sd)) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double p = Math.min(1, Math.max(0, mean));
        double se2 = sd * sd / n;
        double pq = p * (1 - p);
        if (se2 == 0 || pq == 0) {
            return new double[]{p, p};
        }
        return wilson(p, pq / se2, t95(n));
    }

    /** The 95% Student t interval {lo, hi} of a mean. */
    public static double[] t(double mean, double sd, long n) {
        double h = t95(n) * sd / Math.sqrt(n);
        return new double[]{mean - h, mean + h};
    }
}
