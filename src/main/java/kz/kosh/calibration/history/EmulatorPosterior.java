package kz.kosh.calibration.history;

import kz.kosh.calibration.history.HistoryMatching.Settings;
import kz.kosh.calibration.history.HistoryMatching.Wave;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The posterior of a history match on its emulators: importance sampling of the non-implausible
 * pool and random-walk Metropolis chains from distinct starts ({@link HistoryMatching} keeps the
 * waves, implausibility, design and sampling of the space; {@link PosteriorConfirmation} re-runs the
 * draws with the model).
 */
public final class EmulatorPosterior {
    private EmulatorPosterior() {
    }

    /**
     * Posterior draws by importance sampling on the emulators of the last wave: the pool is
     * uniform on the non-implausible space (the prior: uniform on the cube, restricted), each
     * point weighted by Π_j N(z_j; E[f_j(x)], Var[f_j(x)] + Var_obs + Var_disc + Var_MC)^(1/n_t(j))
     * over the used emulators, n_t(j) the number of used outputs of output j's target: the years
     * of one observed series share their discrepancy and are far from independent, so each
     * target counts as one observation (a tempered, power likelihood) instead of as many as it
     * has years; K draws are taken by systematic resampling (seeded). ESS = (Σw)² / Σw² says how
     * many pool points carry the weight.
     */
    public record Posterior(List<double[]> draws, double effectiveSampleSize, int pool, int chains, double acceptance,
                            int distinct, int starts) {
        /** Importance sampling only (no MCMC). */
        public Posterior(List<double[]> draws, double effectiveSampleSize, int pool) {
            this(draws, effectiveSampleSize, pool, 0, Double.NaN, (int) draws.stream().map(Arrays::toString).distinct().count(),
                    0);
        }
    }

    /** Metropolis chains of {@link #posterior(List, List, List, int, Settings, long)} (at least), burn-in and thinning per chain. */
    static final int CHAINS = 4;
    static final int BURN_IN = 1000;
    static final int THIN = 20;
    /** At most one chain per this many draws: the chains beyond {@value #CHAINS} come from more distinct starts. */
    static final int DRAWS_PER_CHAIN = 10;

    /** As {@link #posterior(List, List, List, int, Settings, long)} without points known to the model. */
    public static Posterior posterior(List<Wave> waves, List<double[]> pool, int k, Settings s, long seed) {
        return posterior(waves, pool, List.of(), k, s, seed);
    }

    /**
     * Posterior draws on the emulators: random-walk Metropolis chains sample the tempered
     * likelihood of {@link #posterior(Wave, List, int, long)} with the uniform prior restricted to
     * the non-implausible space of every wave (a proposal outside the cube or ruled out by any wave
     * is rejected): {@value #BURN_IN} steps of burn-in, then a draw every {@value #THIN} steps. The
     * chains start from distinct points (session 6's rule, written before its final match): first
     * the {@code known} points (the last wave's design points the model itself confirmed), then
     * the distinct points of the pool (the non-implausible sample) in decreasing importance weight;
     * max({@value #CHAINS}, min(starts, k / {@value #DRAWS_PER_CHAIN})) chains, chain c from start
     * c (cycling when there are fewer starts), each with its own seed; a known point that the
     * emulators rule out is not a start. (Before session 6 every chain started from an
     * importance-sampling draw of the pool, which puts everything on one point when the importance
     * effective sample size is 1, so all chains of a batch explored from one point.) The proposal
     * is Gaussian with a standard deviation per parameter of 2.38 / √d times the pool's (the
     * non-implausible space's) spread, times a factor tuned during burn-in towards 15-40%
     * acceptance (then fixed; the reported rate is after burn-in). Deterministic for the seed.
     */
    public static Posterior posterior(List<Wave> waves, List<double[]> pool, List<double[]> known, int k, Settings s,
                                      long seed) {
        Wave last = waves.get(waves.size() - 1);
        Posterior is = posterior(last, pool, k, seed);
        int d = pool.get(0).length;
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double m = 0;
            for (double[] x : pool) {
                m += x[j];
            }
            m /= pool.size();
            double v = 0;
            for (double[] x : pool) {
                v += (x[j] - m) * (x[j] - m);
            }
            sd[j] = Math.max(1e-3, Math.sqrt(v / Math.max(1, pool.size() - 1))) * 2.38 / Math.sqrt(d);
        }
        HistoryMatching.TemperedLikelihood likelihood = HistoryMatching.TemperedLikelihood.of(last);
        java.util.function.ToDoubleFunction<double[]> logPost = x -> {
            for (double v : x) {
                if (v < 0 || v > 1) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            if (!HistoryMatching.nonImplausible(waves, x, s)) {
                return Double.NEGATIVE_INFINITY;
            }
            return likelihood.at(x);
        };
        List<double[]> starts = starts(known, pool, logWeights(last, pool), logPost);
        int chains = Math.max(CHAINS, Math.min(starts.size(), k / DRAWS_PER_CHAIN));
        List<double[]> draws = new ArrayList<>();
        long accepted = 0;
        long steps = 0;
        for (int c = 0; c < chains; c++) {
            SplittableRandom rnd = new SplittableRandom(seed + 7919L * (c + 1));
            double[] x = starts.get(c % starts.size()).clone();
            double lp = logPost.applyAsDouble(x);
            int wanted = k / chains + (c < k % chains ? 1 : 0);
            int total = BURN_IN + wanted * THIN;
            double factor = 1;
            int windowAccepted = 0;
            for (int t = 1; t <= total; t++) {
                double[] y = x.clone();
                for (int j = 0; j < d; j++) {
                    y[j] += factor * sd[j] * rnd.nextGaussian();
                }
                double ly = logPost.applyAsDouble(y);
                boolean accept = Math.log(rnd.nextDouble()) < ly - lp;
                if (accept) {
                    x = y;
                    lp = ly;
                }
                if (t <= BURN_IN) {
                    // burn-in tunes the step: every 50 steps, shrink it below 15% acceptance, widen it above 40%
                    windowAccepted += accept ? 1 : 0;
                    if (t % 50 == 0) {
                        factor *= windowAccepted < 8 ? 0.6 : windowAccepted > 20 ? 1.5 : 1;
                        windowAccepted = 0;
                    }
                } else {
                    steps++;
                    accepted += accept ? 1 : 0;
                }
                if (t > BURN_IN && (t - BURN_IN) % THIN == 0) {
                    draws.add(x.clone());
                }
            }
        }
        int distinct = (int) draws.stream().map(Arrays::toString).distinct().count();
        return new Posterior(List.copyOf(draws), is.effectiveSampleSize(), pool.size(), chains,
                (double) accepted / steps, distinct, Math.min(chains, starts.size()));
    }

    /**
     * The chains' starts: the known points the emulators do not rule out, then the distinct pool
     * points by decreasing log weight (ties in pool order); no point twice.
     */
    static List<double[]> starts(List<double[]> known, List<double[]> pool, double[] logW,
                                 java.util.function.ToDoubleFunction<double[]> logPost) {
        java.util.LinkedHashMap<String, double[]> out = new java.util.LinkedHashMap<>();
        for (double[] x : known) {
            if (logPost.applyAsDouble(x) > Double.NEGATIVE_INFINITY) {
                out.putIfAbsent(Arrays.toString(x), x);
            }
        }
        Integer[] order = new Integer[pool.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(logW[b], logW[a]));  // stable: ties keep pool order
        for (int i : order) {
            out.putIfAbsent(Arrays.toString(pool.get(i)), pool.get(i));
        }
        return List.copyOf(out.values());
    }

    /** Per pool point, the tempered log likelihood of the last wave's used emulators (the importance log weight). */
    static double[] logWeights(Wave last, List<double[]> pool) {
        HistoryMatching.TemperedLikelihood likelihood = HistoryMatching.TemperedLikelihood.of(last);
        double[] logW = new double[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            logW[i] = likelihood.at(pool.get(i));
        }
        return logW;
    }

    public static Posterior posterior(Wave last, List<double[]> pool, int k, long seed) {
        if (pool.isEmpty()) {
            throw new IllegalStateException("no non-implausible point to draw the posterior from");
        }
        double[] logW = logWeights(last, pool);
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logW) {
            max = Math.max(max, lw);
        }
        double[] w = new double[pool.size()];
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logW[i] - max);
            sum += w[i];
            sq += w[i] * w[i];
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double u = rnd.nextDouble() / k;
        List<double[]> draws = new ArrayList<>();
        double cum = 0;
        int i = 0;
        for (int m = 0; m < k; m++) {
            double target = (u + (double) m / k) * sum;
            while (cum + w[i] < target && i < w.length - 1) {
                cum += w[i];
                i++;
            }
            draws.add(pool.get(i).clone());
        }
        return new Posterior(List.copyOf(draws), sum * sum / sq, pool.size());
    }

}
