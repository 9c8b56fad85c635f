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
}
