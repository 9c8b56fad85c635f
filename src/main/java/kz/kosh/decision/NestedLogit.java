package kz.kosh.decision;

/**
 * The nested logit of the location choice, written out directly (no tables, no bonuses folded
 * in): the reference against which the fast {@link LocationTables} are tested, and the formulas
 * they implement.
 *
 * <p>For a graduate at place c, the alternatives fall in three nests: staying at c (a nest of
 * its own), the regions of Kazakhstan other than c (nest D, dissimilarity λ_D) and the foreign
 * places other than c (nest A, dissimilarity λ_A). With utilities V_j (bonuses included),
 * <pre>
 *   I_m   = ln Σ_{k ∈ m} exp(V_k / λ_m)                 inclusive value of nest m
 *   N_m   = exp(λ_m · I_m) = (Σ_{k ∈ m} exp(V_k / λ_m))^λ_m
 *   P(j)  = N_m(j) / (exp(V_c) + N_D + N_A) · exp(V_j / λ_m(j)) / Σ_{k ∈ m(j)} exp(V_k / λ_m(j))   j ≠ c
 *   P(c)  = exp(V_c) / (exp(V_c) + N_D + N_A)
 * </pre>
 * λ = 1 for both nests gives the multinomial logit; λ → 0 makes the places of a nest perfect
 * substitutes, so that closing one of them sends its choosers to the others in the same nest.
 *
 * <p><b>Second choice.</b> When the first choice j* cannot be realised (a permit refused), the
 * graduate takes the best of the remaining places. For any random-utility model,
 * P(k second | j* first) = (P_{−j*}(k) − P(k)) / P(j*), where P_{−j*} is the choice
 * probability in the set without j* (the probability that k beats every other place but j*
 * equals the probability that k is first plus the probability that j* is first and k second).
 */
public final class NestedLogit {
    /** Nest of the current place (staying). */
    public static final int STAY = 0;
    /** Nest of the other regions of Kazakhstan. */
    public static final int DOMESTIC = 1;
    /** Nest of the other foreign places. */
    public static final int ABROAD = 2;

    private NestedLogit() {
    }

    /**
     * Choice probabilities of the formula above.
     *
     * @param v       utilities V_j (Double.NEGATIVE_INFINITY removes a place from the choice set)
     * @param nest    nest of each place: {@link #STAY} for exactly the current place, else
     *                {@link #DOMESTIC} or {@link #ABROAD}
     * @param lambdaD dissimilarity λ_D of the domestic nest, in (0, 1]
     * @param lambdaA dissimilarity λ_A of the foreign nest, in (0, 1]
     * @param withStay whether staying is in the choice set (false: a choice among moves only)
     */
    public static double[] probabilities(double[] v, int[] nest, double lambdaD, double lambdaA, boolean withStay) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double[] inner = new double[3];
        double[] lambda = {1.0, lambdaD, lambdaA};
        double[] e = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            int m = nest[j];
            if (m == STAY && !withStay) {
                continue;
            }
            e[j] = Math.exp((v[j] - max) / lambda[m]);
            inner[m] += e[j];
        }
        double[] n = new double[3];
        double total = 0;
        for (int m = 0; m < 3; m++) {
            n[m] = inner[m] > 0 ? Math.pow(inner[m], lambda[m]) : 0.0;
            total += n[m];
        }
        double[] p = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            int m = nest[j];
            if (e[j] > 0) {
                p[j] = n[m] / total * e[j] / inner[m];
            }
        }
        return p;
    }

    /**
     * P(k second | j* first) = (P_{−j*}(k) − P(k)) / P(j*), for the choice among moves (staying
     * excluded) of {@link #probabilities}.
     */
    public static double[] secondChoice(double[] v, int[] nest, double lambdaD, double lambdaA, int first) {
        double[] p = probabilities(v, nest, lambdaD, lambdaA, false);
        double[] without = v.clone();
        without[first] = Double.NEGATIVE_INFINITY;
        double[] q = probabilities(without, nest, lambdaD, lambdaA, false);
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            if (k != first) {
                out[k] = (q[k] - p[k]) / p[first];
            }
        }
        return out;
    }
}
