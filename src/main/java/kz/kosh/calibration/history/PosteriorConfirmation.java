package kz.kosh.calibration.history;

import kz.kosh.experiment.ExperimentSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The confirmation of a history match's posterior ({@code posterior: {draws: N, maxDraws: C, keep:
 * confirmed}}): batches of emulator draws re-run with the model into {@code posterior/} (one
 * experiment folder per set of draws, {@code runs.csv}, {@code confirm.csv}, {@code coverage.csv})
 * until N draws are confirmed or C drawn, and the model's own implausibility check that decides
 * which draws (and which design points of a wave) the model confirms. {@link HistoryMatchRun}
 * keeps the wave loop and the kept posterior.
 */
final class PosteriorConfirmation {
    private final HistoryMatchSpec spec;
    private final Path dir;
    private final WaveRuns waveRuns;
    /** The matched outputs: indices into the run's target points. */
    private final int[] matched;
    private final Experiments experiments;
    private final Function<double[][][], List<Coverage.Point>> coverage;
    private final PrintStream progress;

    /** The experiment of a set of parameter points (unit cube) with {@code reps} replications. */
    @FunctionalInterface
    interface Experiments {
        ExperimentSpec experiment(String name, List<double[]> unitPoints, int reps);
    }

    /**
     * @param dir         the match's results folder (the re-runs go to its {@code posterior/})
     * @param matched     the matched outputs: indices into the target points of a run's values
     * @param experiments the experiment of a set of points
     * @param coverage    the predictive intervals of every target point from re-run values
     */
    PosteriorConfirmation(HistoryMatchSpec spec, Path dir, WaveRuns waveRuns, int[] matched, Experiments experiments,
                          Function<double[][][], List<Coverage.Point>> coverage, PrintStream progress) {
        this.spec = spec;
        this.dir = dir;
        this.waveRuns = waveRuns;
        this.matched = matched.clone();
        this.experiments = experiments;
        this.coverage = coverage;
        this.progress = progress;
    }

    /**
     * The posterior draws re-run with the model: per draw the implausibility from the model
     * means, I_j = |z_j − ȳ_j| / √(Var_obs + Var_disc + Var_MC (1 + 1/R)), combined by the rule;
     * and the predictive samples of every target point (draw x replication). {@code posterior} is
     * every batch's emulator draws together, {@code batches} how many batches were drawn.
     */
    public record Confirmation(double[] implausibility, int confirmed, double[][][] values, double cutoff, int ofDraws,
                               List<double[]> draws, EmulatorPosterior.Posterior posterior, int batches) {
        /** The re-run draws whose implausibility from the model means is within the cut-off. */
        public List<double[]> keptDraws() {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < draws.size(); i++) {
                if (implausibility[i] <= cutoff) {
                    out.add(draws.get(i));
                }
            }
            return out;
        }

        /** The re-runs of {@link #keptDraws()}: values[draw][replication][target point]. */
        public double[][][] keptValues() {
            List<double[][]> out = new ArrayList<>();
            for (int i = 0; i < draws.size(); i++) {
                if (implausibility[i] <= cutoff) {
                    out.add(values[i]);
                }
            }
            return out.toArray(new double[0][][]);
        }
    }

    /** The draws re-run with the model: all, or with {@code confirmDraws} M < N the systematic subsample i·N/M. */
    static List<double[]> confirmed(List<double[]> draws, int m) {
        int n = draws.size();
        if (m <= 0 || m >= n) {
            return draws;
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(draws.get((int) ((long) i * n / m)));
        }
        return out;
    }

    /** One batch of the confirmation: its emulator draws, those re-run, their re-runs and implausibilities. */
    record Batch(EmulatorPosterior.Posterior posterior, List<double[]> draws, double[][][] values, double[] implausibility,
                 int confirmed) {
    }

    /** Runs batch {@code index} of {@code size} emulator draws. */
    @FunctionalInterface
    interface BatchRunner {
        Batch run(int index, int size) throws IOException;
    }

    /**
     * The confirmation rule ({@code posterior: {draws: N, maxDraws: C, keep: confirmed}}, written before
     * the run): batches of N emulator draws (the last cut to the cap) are re-run with the model until at
     * least N draws are confirmed, counting the {@code already} confirmed design points of a focused last
     * wave, or C draws have been drawn. Without maxDraws (C = N) there is one batch, as before.
     */
    static List<Batch> untilConfirmed(int wanted, int already, int batchSize, int cap, BatchRunner runner)
            throws IOException {
        List<Batch> out = new ArrayList<>();
        int drawn = 0;
        int confirmed = already;
        do {
            int size = Math.min(batchSize, cap - drawn);
            Batch b = runner.run(out.size(), size);
            out.add(b);
            drawn += size;
            confirmed += b.confirmed();
        } while (confirmed < wanted && drawn < cap);
        return out;
    }

    /**
     * The first starts of a batch of {@code size} draws: the known points, then the confirmed draws
     * so far spread by greedy maximin (from the first confirmed), as many as the batch has chains at most.
     */
    static List<double[]> batchStarts(List<double[]> known, List<double[]> confirmedSoFar, int size) {
        List<double[]> starts = new ArrayList<>(known);
        starts.addAll(HistoryMatching.spread(confirmedSoFar,
                Math.max(EmulatorPosterior.CHAINS, size / EmulatorPosterior.DRAWS_PER_CHAIN)));
        return starts;
    }

    /** Seed step between the confirmation's batches of emulator draws (batch 0 is the match's posterior). */
    static final long BATCH_SEED_STEP = 100_003L;

    /**
     * Runs the confirmation: batch 0 is {@code first}; batch b > 0 runs new chains (seed +
     * {@link #BATCH_SEED_STEP} b) that start from the {@code known} points, then from the draws the
     * model confirmed in batches 0..b-1 (greedy maximin spread, as many as the batch has chains),
     * then from the pool's points by importance weight ({@link EmulatorPosterior#posterior(List, List,
     * List, int, HistoryMatching.Settings, long)}): a resample-move step, the chains' target (the
     * emulators' posterior on the non-implausible space) unchanged, their starts where the model agrees.
     */
    Confirmation confirm(EmulatorPosterior.Posterior first, List<HistoryMatching.Wave> waves, List<double[]> pool,
                         List<double[]> known, int confirmedDesign) throws IOException {
        int reps = spec.confirmReplications();
        Path pd = dir.resolve("posterior");
        HistoryMatching.Wave last = waves.get(waves.size() - 1);
        // a later batch's chains start from the known points, then from the draws the model confirmed in the batches
        // before, spread (greedy maximin) so that the starts cover them (resample-move: the chains' target is unchanged)
        List<double[]> confirmedSoFar = new ArrayList<>();
        List<Batch> batches = untilConfirmed(spec.draws(), confirmedDesign, spec.draws(), spec.maxDraws(), (b, size) -> {
            List<double[]> starts = batchStarts(known, confirmedSoFar, size);
            EmulatorPosterior.Posterior post = b == 0 && size == first.draws().size() ? first
                    : EmulatorPosterior.posterior(waves, pool, starts, size, spec.settings(),
                    spec.seed() + 77 + BATCH_SEED_STEP * b);
            List<double[]> draws = confirmed(post.draws(), spec.confirmDraws());
            ExperimentSpec exp = experiments.experiment("history-" + spec.name() + "-posterior" + (b == 0 ? "" : "-batch" + (b + 1)),
                    draws, reps);
            say("re-running %d of the %d posterior draws of batch %d with the model (%d replications each)", draws.size(),
                    post.draws().size(), b + 1, reps);
            // one experiment folder per set of draws: a change of the draws (another seed or code) never meets the old runs
            StringBuilder key = new StringBuilder();
            for (double[] u : draws) {
                key.append(Arrays.toString(u)).append('\n');
            }
            String tag = kz.kosh.calibration.EvaluationCache.sha256(key.toString()).substring(0, 10);
            double[][][] values = waveRuns.measureExperiment(exp, pd.resolve("experiment-" + tag), reps);
            double[] imp = modelImplausibility(values, last, reps);
            int ok = (int) Arrays.stream(imp).filter(v -> v <= spec.settings().cutoff()).count();
            say("batch %d: %d of %d re-run draws confirmed", b + 1, ok, draws.size());
            for (int i = 0; i < imp.length; i++) {
                if (imp[i] <= spec.settings().cutoff()) {
                    confirmedSoFar.add(draws.get(i));
                }
            }
            return new Batch(post, draws, values, imp, ok);
        });
        List<double[]> draws = new ArrayList<>();
        List<double[][]> values = new ArrayList<>();
        List<double[]> emulatorDraws = new ArrayList<>();
        double[] imp = new double[batches.stream().mapToInt(b -> b.draws().size()).sum()];
        int ok = 0;
        double acceptance = 0;
        StringBuilder sb = new StringBuilder("draw,batch,implausibility,confirmed\n");
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            emulatorDraws.addAll(batch.posterior().draws());
            acceptance += batch.posterior().acceptance() / batches.size();
            for (int i = 0; i < batch.draws().size(); i++) {
                boolean c = batch.implausibility()[i] <= spec.settings().cutoff();
                imp[draws.size()] = batch.implausibility()[i];
                ok += c ? 1 : 0;
                sb.append(draws.size() + 1).append(',').append(b + 1).append(',').append(batch.implausibility()[i])
                        .append(',').append(c).append('\n');
                draws.add(batch.draws().get(i));
                values.add(batch.values()[i]);
            }
        }
        double[][][] all = values.toArray(new double[0][][]);
        waveRuns.writeRuns(pd.resolve("runs.csv"), all);
        HistoryMatchRun.writeAtomically(pd.resolve("confirm.csv"), sb.toString());
        // with keep: confirmed the posterior's coverage (coverage.csv) is of the kept draws only, written by the run
        Coverage.write(pd.resolve(spec.keepConfirmed() ? "coverage-all-draws.csv" : "coverage.csv"), coverage.apply(all));
        EmulatorPosterior.Posterior together = batches.size() == 1 ? first
                : new EmulatorPosterior.Posterior(List.copyOf(emulatorDraws), first.effectiveSampleSize(), first.pool(),
                batches.stream().mapToInt(b -> b.posterior().chains()).sum(), acceptance,
                (int) emulatorDraws.stream().map(Arrays::toString).distinct().count(), first.starts());
        return new Confirmation(imp, ok, all, spec.settings().cutoff(), emulatorDraws.size(), List.copyOf(draws), together,
                batches.size());
    }

    /**
     * Per parameter point, the implausibility from the model's own means of {@code reps}
     * replications, combined by the rule: I_j = |z_j − ȳ_j| / √(Var_obs + Var_disc + Var_MC (1 + 1/R)),
     * Var_MC the wave's pooled variance of one replication (the real world is one realisation, the
     * mean of R replications adds Var_MC / R). values[point][replication][target point]. A
     * replication without a finite value of an output (a share of zero emigrants in a small run) is
     * missing: ȳ_j is over the R_j finite ones (Var_MC (1 + 1/R_j)), and an output with none is left
     * out of that point's rule (it says nothing about the point: the level it would divide is matched
     * by its own target); a point with no defined output is not confirmed (infinite implausibility).
     */
    double[] modelImplausibility(double[][][] values, HistoryMatching.Wave wave, int reps) {
        // the outputs the wave used: a dropped emulator's output (e.g. no finite value at some design point, so
        // no Var_MC) is left out here as the wave left it out; counting it (as NaN, sorted highest) would turn
        // the second-max rule into the max rule over the others
        List<Integer> used = new ArrayList<>();
        for (int j = 0; j < matched.length; j++) {
            if (wave.emulators().get(j).used()) {
                used.add(j);
            }
        }
        double[] imp = new double[values.length];
        if (used.isEmpty()) {
            return imp;
        }
        for (int i = 0; i < values.length; i++) {
            double[] is = new double[used.size()];
            int defined = 0;
            for (int j : used) {
                HistoryMatching.RunMean m = HistoryMatching.RunMean.of(values[i], matched[j], reps);
                if (m.finite() == 0) {
                    continue;  // missing in every replication: left out of this point's rule
                }
                HistoryMatching.Emulated e = wave.emulators().get(j);
                is[defined++] = Math.abs(e.output().observed() - m.mean()) / Math.sqrt(e.checkVariance(m.finite()));
            }
            if (defined == 0) {
                imp[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            is = Arrays.copyOf(is, defined);
            Arrays.sort(is);
            imp[i] = is[is.length - Math.min(spec.settings().rule().k(), is.length)];
        }
        return imp;
    }

    private void say(String fmt, Object... args) {
        if (progress != null) {
            progress.printf(Locale.ROOT, "history-match: " + fmt + "%n", args);
        }
    }
}
