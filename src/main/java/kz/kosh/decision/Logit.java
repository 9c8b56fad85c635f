package kz.kosh.decision;

/**
 * Multinomial logit: P(j) = exp(V_j) / Σ_k exp(V_k). Pure functions, numerically stable
 * (utilities are shifted by their maximum before exponentiation).
 */
public final class Logit {
    private Logit() {
    }

    /** Choice probabilities of utilities {@code v}; entries of −∞ get probability 0. */
    public static double[] probabilities(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double[] p = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            p[i] = v[i] == Double.NEGATIVE_INFINITY ? 0.0 : Math.exp(v[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < v.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The log-sum (expected maximum utility up to Euler's constant): ln Σ_j exp(V_j). */
    public static double logSum(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }

    /** The logistic function 1 / (1 + exp(−x)). */
    public static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * Index drawn from non-negative weights with {@code u} uniform in [0,1): the first j with
     * Σ_{k≤j} w_k > u·Σ w. Returns the last positive weight's index if rounding runs past the end.
     */
    public static int draw(double[] w, double u) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double target = u * sum;
        double acc = 0;
        int last = -1;
        for (int j = 0; j < w.length; j++) {
            if (w[j] > 0) {
                acc += w[j];
                last = j;
                if (acc > target) {
                    return j;
                }
            }
        }
        return last;
    }

    /**
     * Normalised cumulative weights c_j = Σ_{k≤j} w_k / Σ w, set to exactly 1 from the last
     * positive weight on (so rounding cannot select a zero-weight tail); null when all are 0.
     */
    public static double[] cumulative(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        if (!(total > 0)) {
            return null;
        }
        double[] c = new double[w.length];
        double acc = 0;
        int last = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i] / total;
            c[i] = acc;
            if (w[i] > 0) {
                last = i;
            }
        }
        for (int i = last; i < w.length; i++) {
            c[i] = 1.0;
        }
        return c;
    }

    /**
     * Index drawn from {@link #cumulative} weights with uniform {@code u} in [0, 1): the first j with
     * u &lt; c_j and a positive weight (the last index when there is none). By bisection: the sums
     * c_j never decrease before the last positive weight and are 1 from there on, so "u &lt; c_j"
     * holds from one j on, and at that j, c_{j−1} ≤ u &lt; c_j, i.e. its weight is positive.
     */
    public static int drawCumulative(double[] cumulative, double u) {
        int lo = 0;
        int hi = cumulative.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < cumulative.length ? lo : cumulative.length - 1;
    }
}
