package kz.kosh.calibration.history;

import kz.kosh.calibration.history.HistoryMatching.Emulated;
import kz.kosh.calibration.history.HistoryMatching.Wave;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The importance correction of a confirmed posterior ({@code posterior: {keep: confirmed, weight:
 * model-likelihood}}; session 9, written before its final match; calibration/README.md).
 *
 * <p>The Metropolis chains sample the emulators' tempered posterior on the non-implausible space,
 * π_e(x) ∝ 1[x not ruled out] · L_e(x), with
 * log L_e(x) = Σ_j log N(z_j; E[f_j(x)], Var[f_j(x)] + Var_obs + Var_disc + Var_MC) / n_t(j)
 * over the wave's used outputs, n_t(j) the used outputs of j's target (each target counts as one
 * observation). Where the emulators are optimistic, π_e puts mass on draws the model places far
 * from the observation, and accept/reject by implausibility keeps every confirmed draw alike. The
 * posterior the match means is the same tempered likelihood on the model's own means,
 * π_m(x) ∝ 1[x not ruled out, confirmed by the model] · L_m(x), with
 * log L_m(x) = Σ_j log N(z_j; ȳ_j(x), Var_obs + Var_disc + Var_MC (1 + 1/R_j)) / n_t(j)
 * (ȳ_j the mean of the R_j finite replications of the re-run; the same variances as the model's
 * own implausibility check). An output without a finite replication at x takes the emulator's
 * term in L_m (no correction where the model says nothing).
 *
 * <p>Each confirmed point i is weighted w_i ∝ L_m(x_i) / L_q(x_i), L_q the tempered likelihood
 * that drew it: the last wave's emulators for the confirmation's draws, the wave before for the
 * design points of a focused last wave (drawn by chains on that wave's emulators). Weights are
 * truncated at √n times their mean (Ionides 2008), normalised within each group of points drawn
 * alike, and the groups mixed in proportion to the points each proposed (self-normalised
 * importance sampling per group, combined). When their effective sample size is below a quarter of
 * the points, the log ratios are tempered by the largest α ≤ 1 that keeps it there
 * ({@link #tempered}, adaptive tempering as in sequential Monte Carlo). The effective
 * sample size ESS = (Σw)² / Σw² says how many points carry the weight; K points are then taken by
 * systematic resampling (seeded), so the posterior file keeps its format (a point may repeat).
 */
final class ModelWeighting {
    private ModelWeighting() {
    }

    /** log L_q(x): the tempered log likelihood of a wave's used emulators at x (the chains' target on that wave). */
    static double logEmulator(Wave wave, double[] x) {
        return HistoryMatching.TemperedLikelihood.of(wave).at(x);
    }

    /**
     * log L_m(x): the tempered log likelihood of the model's own means at x over the wave's used
     * outputs; runs[replication][target point], {@code matched[j]} the target point of the wave's
     * output j. An output without a finite replication takes the emulator's term at x.
     */
    static double logModel(Wave wave, int[] matched, double[][] runs, double[] x) {
        int[] divisor = HistoryMatching.TemperedLikelihood.of(wave).divisor();
        double s = 0;
        int k = 0;
        for (int j = 0; j < matched.length; j++) {
            Emulated e = wave.emulators().get(j);
            if (!e.used()) {
                continue;
            }
            HistoryMatching.RunMean m = HistoryMatching.RunMean.of(runs, matched[j], runs.length);
            double term = m.finite() == 0 ? e.logLikelihood(x)
                    : HistoryMatching.logNormal(e.output().observed(), m.mean(), e.checkVariance(m.finite()));
            s += term / divisor[k++];
        }
        return s;
    }

    /**
     * Normalised weights (summing to 1): within group g of n_g points, w_i ∝ exp(logModel_i −
     * logProposal_i), truncated at √n_g times the group's mean weight (truncated importance
     * sampling, Ionides 2008, J. Comput. Graph. Stat. 17: a few lucky re-runs cannot take the whole
     * posterior; it bounds the variance at a bias that vanishes as n_g grows), normalised to sum 1
     * over the group, then times share_g / Σ share of the groups that hold a point. A point whose log
     * ratio is not finite (NaN or −∞) weighs 0; a group with no positive weight is left out.
     */
    static double[] weights(double[] logModel, double[] logProposal, int[] group, double[] share) {
        int n = logModel.length;
        int groups = share.length;
        double[] max = new double[groups];
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            lr[i] = logModel[i] - logProposal[i];
            if (!(lr[i] > Double.NEGATIVE_INFINITY) || Double.isNaN(lr[i])) {
                lr[i] = Double.NEGATIVE_INFINITY;
            } else {
                max[group[i]] = Math.max(max[group[i]], lr[i]);
            }
        }
        double[] w = new double[n];
        double[] sum = new double[groups];
        for (int i = 0; i < n; i++) {
            w[i] = lr[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lr[i] - max[group[i]]);
            sum[group[i]] += w[i];
        }
        double shares = 0;
        for (int g = 0; g < groups; g++) {
            shares += sum[g] > 0 ? share[g] : 0;
        }
        if (shares <= 0) {
            throw new IllegalArgumentException("no point has a positive weight");
        }
        // truncation (Ionides 2008): within a group of n_g points no weight above √n_g times the group's mean weight
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            count[group[i]]++;
        }
        double[] capped = new double[groups];
        for (int i = 0; i < n; i++) {
            int g = group[i];
            w[i] = Math.min(w[i], Math.sqrt(count[g]) * sum[g] / count[g]);
            capped[g] += w[i];
        }
        for (int i = 0; i < n; i++) {
            int g = group[i];
            w[i] = w[i] == 0 ? 0 : w[i] / capped[g] * share[g] / shares;
        }
        return w;
    }

    /** The share of the points the weighted sample must keep effective: ESS at least {@value} of n (see {@link #tempered}). */
    static final double ESS_FLOOR = 0.25;

    /** Weights with the correction raised to the power alpha, and that alpha. */
    record Tempered(double[] weights, double alpha) {
    }

    /**
     * The correction as far as the sample supports it: the weights of {@link #weights} with the log
     * ratios multiplied by α, α = 1 when their ESS is at least {@link #ESS_FLOOR} n, else the largest
     * α in [0, 1] whose ESS is at least that (bisection to 1e-6; α = 0 gives the points alike within
     * each group). This is the adaptive tempering step of sequential Monte Carlo (Jasra et al. 2011,
     * Scand. J. Stat. 38; Del Moral, Doucet and Jasra 2012): the weighted sample moves from the
     * emulators' posterior towards the model's as far as a quarter of it stays effective, so that a few
     * lucky re-runs of one replication cannot become the whole posterior. The report gives α.
     */
    static Tempered tempered(double[] logModel, double[] logProposal, int[] group, double[] share) {
        double[] full = weights(logModel, logProposal, group, share);
        double floor = ESS_FLOOR * logModel.length;
        if (effectiveSampleSize(full) >= floor) {
            return new Tempered(full, 1);
        }
        double lo = 0;
        double hi = 1;
        while (hi - lo > 1e-6) {
            double mid = (lo + hi) / 2;
            if (effectiveSampleSize(weights(scaled(logModel, logProposal, mid), new double[logModel.length], group, share))
                    >= floor) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Tempered(weights(scaled(logModel, logProposal, lo), new double[logModel.length], group, share), lo);
    }

    /** α (logModel − logProposal), −∞ and NaN kept as they are. */
    private static double[] scaled(double[] logModel, double[] logProposal, double alpha) {
        double[] out = new double[logModel.length];
        for (int i = 0; i < out.length; i++) {
            double lr = logModel[i] - logProposal[i];
            out[i] = Double.isFinite(lr) ? alpha * lr : lr;
        }
        return out;
    }

    /** ESS = (Σw)² / Σw². */
    static double effectiveSampleSize(double[] w) {
        double s = 0;
        double q = 0;
        for (double v : w) {
            s += v;
            q += v * v;
        }
        return q == 0 ? 0 : s * s / q;
    }

    /**
     * K indices by systematic resampling of the weights: one uniform u in [0, 1/K) from the seed,
     * then the points whose cumulative normalised weight first reaches u + m/K, m = 0..K-1 (each
     * point i taken floor or ceil of K w_i times), in index order.
     */
    static int[] resample(double[] w, int k, long seed) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        double u = new SplittableRandom(seed).nextDouble() / k;
        int[] out = new int[k];
        double cum = 0;
        int i = 0;
        for (int m = 0; m < k; m++) {
            double target = (u + (double) m / k) * sum;
            while (i < w.length - 1 && (w[i] == 0 || cum + w[i] < target)) {
                cum += w[i];
                i++;
            }
            out[m] = i;
        }
        return out;
    }

    /** The weighting's outcome: normalised weights of the confirmed points, ESS, and the resampled indices. */
    record Result(double[] weights, double effectiveSampleSize, int[] taken, int distinct, double alpha) {
        static Result of(double[] weights, int k, long seed) {
            return of(weights, k, seed, 1);
        }

        static Result of(double[] weights, int k, long seed, double alpha) {
            int[] taken = resample(weights, k, seed);
            int distinct = (int) java.util.Arrays.stream(taken).distinct().count();
            return new Result(weights, ModelWeighting.effectiveSampleSize(weights), taken, distinct, alpha);
        }
    }

    /** Per target (in first-seen order), the weighted and unweighted mean of the kept re-runs' ratio to the observed value. */
    static List<String[]> shiftByTarget(List<HistoryMatching.Output> outputs, int[] matched, List<double[][]> runs,
                                        double[] w) {
        Map<String, double[]> acc = new java.util.LinkedHashMap<>();
        for (int j = 0; j < outputs.size(); j++) {
            HistoryMatching.Output o = outputs.get(j);
            if (o.observed() == 0) {
                continue;
            }
            double[] a = acc.computeIfAbsent(o.target(), t -> new double[4]);
            for (int i = 0; i < runs.size(); i++) {
                HistoryMatching.RunMean m = HistoryMatching.RunMean.of(runs.get(i), matched[j], runs.get(i).length);
                if (m.finite() == 0) {
                    continue;
                }
                double r = m.mean() / o.observed();
                a[0] += r;
                a[1] += 1;
                a[2] += w[i] * r;
                a[3] += w[i];
            }
        }
        List<String[]> out = new java.util.ArrayList<>();
        acc.forEach((t, a) -> out.add(new String[]{t, a[1] == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", a[0] / a[1]),
                a[3] == 0 ? "" : String.format(java.util.Locale.ROOT, "%.3f", a[2] / a[3])}));
        return out;
    }
}
