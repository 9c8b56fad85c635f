package kz.kosh.calibration.history;

import kz.kosh.experiment.ExperimentSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * History matching in waves (Vernon, Goldstein and Bower 2010; Andrianakis et al. 2015; Bijak et
 * al. 2021), independent of what the model is: the free parameters are the unit cube [0, 1]^d
 * (each scaled by its bounds), a model run gives one value per output, and every output has an
 * observed value z with an observation variance and a model-discrepancy variance.
 * <ol>
 * <li>Wave 1 design: a Latin hypercube of n points over the whole cube
 *     (kz.kosh.experiment.ExperimentSpec#latinHypercube); later waves: n points chosen (greedy
 *     maximin) from a sample of the space not yet ruled out.</li>
 * <li>R replications per design point (seeds shared by all points); per output the mean over
 *     replications is emulated by a {@link GaussianProcess} (Matérn 5/2, linear mean) with the
 *     known noise Var_MC / R, Var_MC the within-point variance of one replication pooled over the
 *     design points (Monte Carlo variance at the run scale). A replication without a finite value
 *     (a share of zero emigrants in a small run) is missing: a point's mean is over its R_i finite
 *     replications with noise Var_MC / R_i, Var_MC pooled over the points with R_i ≥ 2. A point with
 *     no finite replication (the output is not defined there) is left out of that output's emulator,
 *     as long as at least {@link #MIN_DEFINED_SHARE} of the points remain (with a constant mean when
 *     fewer than the linear mean needs); else the output is dropped from the wave.</li>
 * <li>Diagnostics: leave-one-out standardised errors; an emulator with fewer than
 *     {@code looShare} of them within ±2 is refitted with the squared-exponential kernel, and if
 *     that fails too, the output is dropped from this wave (it rules nothing out).</li>
 * <li>Implausibility of x for output j: I_j(x) = |z_j − E[f_j(x)]| / √(Var[f_j(x)] + Var_obs,j
 *     + Var_disc,j + Var_MC,j). Several outputs: x is ruled out at a wave when the k-th highest
 *     I_j exceeds the cut-off c (k = 1: the maximum, k = 2: the second highest; with fewer than k
 *     emulators, the lowest), default c = 3 (Pukelsheim's three-sigma rule). A point is non-implausible when no wave
 *     rules it out.</li>
 * <li>Rejection sampling: uniform points of the whole cube are kept when non-implausible, up to
 *     {@code maxCandidates} tries; the kept share estimates the share of the original space left.</li>
 * </ol>
 * The posterior on the emulators is {@link EmulatorPosterior}; the GP and the model runs live apart.
 */
public final class HistoryMatching {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryMatching.class);

    private HistoryMatching() {
    }

    /** One observed output: z with the variances of observation error and model discrepancy. */
    public record Output(String id, String target, double observed, double observationVariance,
                         double discrepancyVariance) {
    }

    /** How several outputs' implausibilities combine: the k-th highest must not exceed the cut-off. */
    public enum Rule {
        MAX(1), SECOND_MAX(2), THIRD_MAX(3);

        final int k;

        Rule(int k) {
            this.k = k;
        }

        public int k() {
            return k;
        }

        /** The name used in files: max, second-max, third-max. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Rule of(String s) {
            for (Rule r : values()) {
                if (r.label().equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown rule '" + s + "'; allowed: max, second-max, third-max");
        }
    }

    /**
     * Settings of the method.
     *
     * @param cutoff        the implausibility cut-off c (3)
     * @param rule          how outputs combine
     * @param looShare      an emulator passes when at least this share of LOO standardised errors is within ±2
     * @param starts        starts of the hyperparameter maximisation
     * @param maxCandidates the most uniform candidates tried when sampling the non-implausible space
     */
    public record Settings(double cutoff, Rule rule, double looShare, int starts, long maxCandidates) {
        public static Settings defaults() {
            return new Settings(3, Rule.SECOND_MAX, 0.9, 3, 2_000_000);
        }
    }

    /** Status of an output's emulator in a wave. */
    public enum Status {
        OK, REFITTED, DROPPED
    }

    /**
     * The emulator of one output in one wave.
     *
     * @param mcVariance Var_MC, the variance of one replication at the run scale (pooled within points)
     * @param note       why the emulator was refitted or dropped (empty when it passed at once)
     * @param points     the design points the emulator was fitted on (indices in the wave's design, in the order of
     *                   the LOO arrays), or null for all of them
     */
    public record Emulated(Output output, GaussianProcess gp, double mcVariance, GaussianProcess.LeaveOneOut loo,
                           Status status, String note, int[] points) {
        /** An emulator fitted on every design point. */
        public Emulated(Output output, GaussianProcess gp, double mcVariance, GaussianProcess.LeaveOneOut loo,
                        Status status, String note) {
            this(output, gp, mcVariance, loo, status, note, null);
        }

        /** The design point (index in the wave's design) of the k-th LOO entry. */
        public int point(int k) {
            return points == null ? k : points[k];
        }

        public boolean used() {
            return status != Status.DROPPED;
        }

        /** I(x) of this output. */
        public double implausibility(double[] x) {
            double[] p = gp.predict(x);
            return Math.abs(output.observed() - p[0]) / Math.sqrt(p[1] + fixedVariance());
        }

        /** Var_obs + Var_disc + Var_MC. */
        public double fixedVariance() {
            return output.observationVariance() + output.discrepancyVariance() + mcVariance;
        }

        /** Whether I(x) exceeds c, computing the emulator variance only when it decides. */
        boolean exceeds(double[] x, double c) {
            double diff = Math.abs(output.observed() - gp.mean(x));
            double other = fixedVariance();
            if (diff <= c * Math.sqrt(other)) {
                return false;
            }
            return diff > c * Math.sqrt(other + gp.variance(x));
        }

        /** log N(z; E[f(x)], Var[f(x)] + Var_obs + Var_disc + Var_MC). */
        double logLikelihood(double[] x) {
            double[] p = gp.predict(x);
            return logNormal(output.observed(), p[0], p[1] + fixedVariance());
        }

        /**
         * The variance of the model's own check of a mean of {@code finite} replications:
         * Var_obs + Var_disc + Var_MC (1 + 1/R) (the real world is one realisation, the mean of R adds Var_MC / R).
         */
        double checkVariance(int finite) {
            return output.observationVariance() + output.discrepancyVariance() + mcVariance * (1 + 1.0 / finite);
        }
    }

    /** log N(z; m, v). */
    static double logNormal(double z, double m, double v) {
        double e = z - m;
        return -0.5 * (Math.log(2 * Math.PI * v) + e * e / v);
    }

    /**
     * The mean of the finite values of one target point over the first {@code reps} replications
     * (runs[replication][target point]) and how many there were; a replication without a finite value (a share
     * of no emigrants in a small run) is missing. The mean is NaN when none is finite.
     */
    record RunMean(double mean, int finite) {
        static RunMean of(double[][] runs, int point, int reps) {
            double sum = 0;
            int finite = 0;
            for (int r = 0; r < reps; r++) {
                double y = runs[r][point];
                if (Double.isFinite(y)) {
                    sum += y;
                    finite++;
                }
            }
            return new RunMean(sum / finite, finite);
        }
    }

    /**
     * A wave's tempered log likelihood, the target of the Metropolis chains and of the importance weights:
     * log L(x) = Σ_j log N(z_j; E[f_j(x)], Var[f_j(x)] + Var_obs + Var_disc + Var_MC) / n_t(j) over the wave's
     * used outputs, n_t(j) the used outputs of j's target (each target counts as one observation).
     *
     * @param used    the wave's used emulators, in wave order
     * @param divisor n_t(j) of each of them
     */
    record TemperedLikelihood(List<Emulated> used, int[] divisor) {
        static TemperedLikelihood of(Wave wave) {
            List<Emulated> used = wave.used();
            java.util.Map<String, Integer> perTarget = new java.util.HashMap<>();
            for (Emulated e : used) {
                perTarget.merge(e.output().target(), 1, Integer::sum);
            }
            return new TemperedLikelihood(used, used.stream().mapToInt(e -> perTarget.get(e.output().target())).toArray());
        }

        /** log L(x). */
        double at(double[] x) {
            double s = 0;
            for (int k = 0; k < divisor.length; k++) {
                s += used.get(k).logLikelihood(x) / divisor[k];
            }
            return s;
        }
    }

    /** The emulators of one wave. */
    public record Wave(int number, List<Emulated> emulators) {
        public List<Emulated> used() {
            return emulators.stream().filter(Emulated::used).toList();
        }

        /** Whether the wave rules x out under the rule. */
        public boolean rulesOut(double[] x, Settings s) {
            List<Emulated> used = used();
            if (used.isEmpty()) {
                return false;
            }
            int k = Math.min(s.rule().k(), used.size());
            int over = 0;
            for (Emulated e : used) {
                if (e.exceeds(x, s.cutoff()) && ++over >= k) {
                    return true;
                }
            }
            return false;
        }

        /** The implausibility that the rule compares with the cut-off (the k-th highest). */
        public double implausibility(double[] x, Settings s) {
            List<Emulated> used = used();
            if (used.isEmpty()) {
                return 0;
            }
            double[] v = new double[used.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = used.get(i).implausibility(x);
            }
            Arrays.sort(v);
            return v[v.length - Math.min(s.rule().k(), v.length)];
        }
    }

    /** Whether x survives every wave. */
    public static boolean nonImplausible(List<Wave> waves, double[] x, Settings s) {
        for (Wave w : waves) {
            if (w.rulesOut(x, s)) {
                return false;
            }
        }
        return true;
    }

    /** The first wave's design: a Latin hypercube of n points in [0, 1]^d. */
    public static List<double[]> firstDesign(int d, int n, long seed) {
        List<double[]> unit = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            unit.add(new double[]{0, 1});
        }
        return kz.kosh.experiment.Designs.latinHypercube(unit, n, seed);
    }

    /**
     * Fits the emulators of a wave.
     *
     * @param design the design points (unit cube)
     * @param runs   runs[point][replication][output]; NaN for a missing value
     * @param seed   seed of the hyperparameter starts
     */
    public static Wave emulate(int number, List<Output> outputs, List<double[]> design, double[][][] runs, Settings s,
                               long seed) {
        if (runs[0].length < 2) {
            throw new IllegalArgumentException("history matching needs at least 2 replications per point (the Monte Carlo "
                    + "variance is estimated from them)");
        }
        double[][] x = design.toArray(new double[0][]);
        // one emulator per output, fitted in parallel: each has its own seed, so the wave does not depend on the threads
        List<Emulated> out = java.util.stream.IntStream.range(0, outputs.size()).parallel()
                .mapToObj(j -> emulateOne(outputs.get(j), j, x, runs, s, seed)).toList();
        return new Wave(number, List.copyOf(out));
    }

    /**
     * The least share of a wave's design points at which an output must be defined (a finite value in at least
     * one replication) for it to be emulated on those points; below it the output is dropped from the wave
     * (rules in calibration/README.md, written before session 9's refit).
     */
    public static final double MIN_DEFINED_SHARE = 0.75;

    /**
     * The emulator of output j: Matérn 5/2, else the squared exponential, else dropped (with the reason). A design
     * point where the output has no finite value in any replication (a share of no emigrants: the share is not
     * defined there) is left out of this output's emulator when at least {@link #MIN_DEFINED_SHARE} of the points
     * remain; the mean is linear when no point is left out or the points left are at least
     * {@link GaussianProcess#minimumPoints} of it, else constant.
     */
    private static Emulated emulateOne(Output o, int j, double[][] allX, double[][][] runs, Settings s, long seed) {
        int all = allX.length;
        int reps = runs[0].length;
        double[] allMean = new double[all];
        int[] allFinite = new int[all];
        double within = 0;
        int pooled = 0;
        for (int i = 0; i < all; i++) {
            // a replication without a finite value (a share of no emigrants in a small run) is a missing observation
            // at that seed: the point's mean is over its finite replications (rules in calibration/README.md)
            double sum = 0;
            for (int r = 0; r < reps; r++) {
                if (Double.isFinite(runs[i][r][j])) {
                    sum += runs[i][r][j];
                    allFinite[i]++;
                }
            }
            allMean[i] = sum / allFinite[i];
            double ss = 0;
            for (int r = 0; r < reps; r++) {
                if (Double.isFinite(runs[i][r][j])) {
                    ss += (runs[i][r][j] - allMean[i]) * (runs[i][r][j] - allMean[i]);
                }
            }
            if (allFinite[i] >= 2) {
                within += ss / (allFinite[i] - 1);
                pooled++;
            }
        }
        double mc = pooled == 0 ? Double.NaN : within / pooled;
        int[] points = java.util.stream.IntStream.range(0, all).filter(i -> allFinite[i] > 0).toArray();
        int n = points.length;
        int d = allX[0].length;
        int fewest = Math.max((int) Math.ceil(MIN_DEFINED_SHARE * all),
                GaussianProcess.minimumPoints(GaussianProcess.Mean.CONSTANT, d));
        if (n < fewest) {
            return new Emulated(o, null, mc, null, Status.DROPPED, String.format(Locale.ROOT, "the model gave no finite "
                    + "value at %d of %d design points (in none of their replications); at least %d needed",
                    all - n, all, fewest), null);
        }
        if (pooled == 0) {
            return new Emulated(o, null, mc, null, Status.DROPPED,
                    "no design point has two finite replications (no Monte Carlo variance)", null);
        }
        double[][] x = new double[n][];
        double[] mean = new double[n];
        double[] noise = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = allX[points[k]];
            mean[k] = allMean[points[k]];
            noise[k] = mc / allFinite[points[k]];
        }
        GaussianProcess.Mean basis = n == all || n >= GaussianProcess.minimumPoints(GaussianProcess.Mean.LINEAR, d)
                ? GaussianProcess.Mean.LINEAR : GaussianProcess.Mean.CONSTANT;
        String subset = n == all ? "" : String.format(Locale.ROOT, "fitted on the %d of %d design points with a "
                + "finite value%s; ", n, all, basis == GaussianProcess.Mean.CONSTANT ? " (constant mean)" : "");
        int[] used = n == all ? null : points;
        GaussianProcess gp = GaussianProcess.fit(x, mean, noise, GaussianProcess.Kernel.MATERN52,
                basis, s.starts(), seed + 31L * j);
        GaussianProcess.LeaveOneOut loo = gp.leaveOneOut();
        double share = loo.shareWithin(2);
        if (share >= s.looShare()) {
            return new Emulated(o, gp, mc, loo, Status.OK, subset.isEmpty() ? "" : subset.substring(0, subset.length() - 2),
                    used);
        }
        GaussianProcess se = GaussianProcess.fit(x, mean, noise, GaussianProcess.Kernel.SQUARED_EXPONENTIAL,
                basis, s.starts(), seed + 31L * j + 7);
        GaussianProcess.LeaveOneOut seLoo = se.leaveOneOut();
        double seShare = seLoo.shareWithin(2);
        String first = subset + String.format(Locale.ROOT, "Matérn 5/2: %.0f%% of LOO errors within ±2", 100 * share);
        if (seShare >= s.looShare()) {
            return new Emulated(o, se, mc, seLoo, Status.REFITTED, first + String.format(Locale.ROOT,
                    "; refitted with the squared exponential: %.0f%%", 100 * seShare), used);
        }
        boolean seBetter = seShare > share;
        return new Emulated(o, seBetter ? se : gp, mc, seBetter ? seLoo : loo, Status.DROPPED, first
                + String.format(Locale.ROOT, ", squared exponential %.0f%% (below %.0f%%): dropped from this wave",
                100 * seShare, 100 * s.looShare()), used);
    }

    /**
     * A sample of the non-implausible space.
     *
     * @param tried  uniform candidates tried
     * @param capped whether the cap on candidates stopped the sampling before {@code wanted} points
     */
    public record Sample(List<double[]> points, long tried, boolean capped) {
        /** The share of the original space left: kept / tried. */
        public double share() {
            return tried == 0 ? 1 : (double) points.size() / tried;
        }

        /** Binomial standard error of the share. */
        public double shareError() {
            double p = share();
            return tried == 0 ? 0 : Math.sqrt(p * (1 - p) / tried);
        }

        /** A sentence for the report and the console. */
        public String describe(int wanted) {
            String s = String.format(Locale.ROOT, "%d non-implausible of %,d uniform candidates (share of the original space "
                    + "%.3g ± %.1g)", points.size(), tried, share(), shareError());
            if (capped) {
                s += String.format(Locale.ROOT, "; the cap of %,d candidates stopped the sampling before %d points: the "
                        + "non-implausible space is nearly empty (the model may not reach the observations within their "
                        + "error and discrepancy; check the emulators, the discrepancy variances and the bounds)", tried, wanted);
            }
            return s;
        }
    }

    /** Uniform rejection sampling of points that survive every wave (deterministic for a seed). */
    public static Sample sample(List<Wave> waves, int d, int wanted, Settings s, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<double[]> kept = new ArrayList<>();
        long tried = 0;
        long nextLog = 200_000;
        while (kept.size() < wanted && tried < s.maxCandidates()) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = rnd.nextDouble();
            }
            tried++;
            if (nonImplausible(waves, x, s)) {
                kept.add(x);
            }
            if (tried == nextLog) {
                LOG.info("sampling the non-implausible space: {} of {} points after {} candidates", kept.size(), wanted, tried);
                nextLog *= 2;
            }
        }
        return new Sample(List.copyOf(kept), tried, kept.size() < wanted);
    }

    /**
     * n points of a pool chosen greedily for spread (maximin: each next point is the one farthest
     * from those chosen, starting from the first); the whole pool when it is not larger than n.
     */
    public static List<double[]> spread(List<double[]> pool, int n) {
        if (pool.size() <= n) {
            return List.copyOf(pool);
        }
        List<double[]> chosen = new ArrayList<>();
        double[] dist = new double[pool.size()];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int next = 0;
        for (int c = 0; c < n; c++) {
            double[] p = pool.get(next);
            chosen.add(p);
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < pool.size(); i++) {
                double dd = GaussianProcess.r2(p, pool.get(i), ones(p.length));
                dist[i] = Math.min(dist[i], dd);
                if (dist[i] > bestD) {
                    bestD = dist[i];
                    best = i;
                }
            }
            next = best;
        }
        return chosen;
    }

    /**
     * A design focused where the posterior lies: n distinct draws of {@link EmulatorPosterior#posterior(List, List,
     * int, Settings, long)} on the given waves' emulators (the last of them for the likelihood),
     * completed by points of the pool spread (greedy maximin) when the draws repeat. For the last
     * wave: its emulators are then trained where the posterior draws will be taken, and its own
     * runs show how many such draws the model confirms.
     */
    public static List<double[]> focused(List<Wave> waves, List<double[]> pool, int n, Settings s, long seed) {
        List<double[]> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (double[] x : EmulatorPosterior.posterior(waves, pool, n, s, seed).draws()) {
            if (seen.add(Arrays.toString(x))) {
                out.add(x);
            }
        }
        if (out.size() < n) {
            List<double[]> rest = pool.stream().filter(x -> !seen.contains(Arrays.toString(x))).toList();
            out.addAll(spread(rest, n - out.size()));
        }
        return out;
    }

    private static double[] ones(int d) {
        double[] o = new double[d];
        Arrays.fill(o, 1);
        return o;
    }

    /** A model: the values of every output for each design point and replication, runs[point][replication][output]. */
    @FunctionalInterface
    public interface Simulator {
        double[][][] run(List<double[]> design, int replications);
    }

    /** What {@link #run} found: per wave its design, emulators and the sample of the space it left. */
    public record Result(List<List<double[]>> designs, List<Wave> waves, List<Sample> samples,
                         EmulatorPosterior.Posterior posterior) {
    }

    /**
     * Runs the whole method in memory: {@code waves} waves of {@code points} design points x
     * {@code replications}, each wave's design drawn from the sample the previous waves left (a
     * pool of 20 x points, spread by maximin), then {@code draws} posterior draws from a pool of
     * {@code 10 x draws} non-implausible points. Stops early, with the waves so far, when a wave
     * leaves fewer points than the next design needs.
     */
    public static Result run(Simulator sim, List<Output> outputs, int d, int waves, int points, int replications,
                             Settings s, long seed, int draws) {
        List<List<double[]>> designs = new ArrayList<>();
        List<Wave> done = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<double[]> design = firstDesign(d, points, seed);
        for (int w = 1; w <= waves; w++) {
            designs.add(design);
            Wave wave = emulate(w, outputs, design, sim.run(design, replications), s, seed + 1000L * w);
            done.add(wave);
            Sample next = sample(done, d, w < waves ? 20 * points : 10 * draws, s, seed + 1000L * w + 1);
            samples.add(next);
            LOG.info("wave {}: {}", w, next.describe(w < waves ? 20 * points : 10 * draws));
            if (w < waves) {
                if (next.points().size() < points) {
                    break;
                }
                design = spread(next.points(), points);
            }
        }
        Sample last = samples.get(samples.size() - 1);
        EmulatorPosterior.Posterior post = last.points().isEmpty() ? null
                : EmulatorPosterior.posterior(done, last.points(), draws, s, seed + 77);
        return new Result(List.copyOf(designs), List.copyOf(done), List.copyOf(samples), post);
    }
}
