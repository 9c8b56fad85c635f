package kz.kosh.calibration.history;

import kz.kosh.calibration.CalibrationSpec;
import kz.kosh.calibration.Evaluator;
import kz.kosh.calibration.Target;
import kz.kosh.calibration.Targets;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.scenario.ScenarioException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs a history match on the model ({@code kosh history-match FILE}), wave by wave, into
 * {@code results/history-match-<name>/}:
 * <pre>
 * wave-W/design.csv            the design (unit-cube and parameter values); written once, reread on resume
 * wave-W/experiment/           the wave as an experiment: one scenario per design point (the base scenario
 *                              with the point's values overlaid), R replications, parallel, resumable,
 *                              shardable (--shard k/N, as kosh experiment)
 * wave-W/runs.csv              every target point's model value per design point and replication
 * wave-W/emulators.csv         per output: status (ok / refitted / dropped), kernel, length scales, LOO share, Var_MC
 * wave-W/loo.csv, loo.png      leave-one-out standardised errors
 * wave-W/nonimplausible.csv    the sample of the space left after the wave (unit cube and values)
 * posterior.csv                the draws, in the --parameter-ensemble format
 * posterior/experiment-HASH/   the draws re-run with the model (one folder per set of draws)
 * posterior/confirm.csv        the draws re-run with the model: each draw's implausibility from model means
 * posterior/coverage.csv       predictive intervals (parameter, seed, discrepancy) of every target point
 * posterior-marginals.png, posterior-pairs.png
 * report.md                    waves, diagnostics, posterior, coverage (and the contrasts' Sobol' indices)
 * manifest.json                input files, settings, seeds, version, commit, times, how far the match got
 * </pre>
 * Each wave's emulators are refitted from its runs.csv on every invocation (deterministic for the
 * seed), so an interrupted match resumes where it stopped: finished waves are not rerun, an
 * unfinished wave's experiment resumes from its saved replications. The model runs and runs.csv
 * are {@link WaveRuns}', the confirmation of the posterior draws {@link PosteriorConfirmation}'s, the
 * policy contrasts {@link PolicyContrasts}'.
 */
public final class HistoryMatchRun {
    private final HistoryMatchSpec spec;
    private final Path dir;
    private final int threads;
    private final PrintStream progress;
    private final List<Target> targets;
    /** Every target point (flat, in target order) with its target. */
    private final List<PointRef> points = new ArrayList<>();
    /** The matched outputs: indices into {@link #points}. */
    private final int[] matched;
    private final List<HistoryMatching.Output> outputs = new ArrayList<>();
    /** The model runs of the experiments and their runs.csv. */
    private final WaveRuns waveRuns;
    /** The policy contrasts over the posterior. */
    private final PolicyContrasts contrasts;
    /** The posterior's confirmation by the model and the model's own implausibility check. */
    private final PosteriorConfirmation confirmation;

    /** One target point. */
    record PointRef(Target target, Target.Point point, String id, int firstYear, int lastYear) {
    }

    public HistoryMatchRun(HistoryMatchSpec spec, Path dir, int threads, PrintStream progress) {
        this.spec = spec;
        this.dir = dir.toAbsolutePath().normalize();
        this.threads = threads;
        this.progress = progress;
        CalibrationSpec cal = spec.calibration();
        // checked against the years the waves record (the calibration's), not the scenario's: a target point after
        // the calibration's endYear would be missing from every run and its emulator silently dropped
        List<Target> all = cal.loadTargets();
        List<String> problems = new ArrayList<>();
        List<Target> chosen = new ArrayList<>();
        if (spec.targetIds().isEmpty()) {
            all.stream().filter(Target::calibration).forEach(chosen::add);
        } else {
            for (String id : spec.targetIds()) {
                all.stream().filter(t -> t.id().equals(id)).findFirst().ifPresentOrElse(chosen::add,
                        () -> problems.add(spec.file() + ": targets: unknown target id '" + id + "' in " + cal.targets()));
            }
        }
        for (Target t : chosen) {
            if (t.uncertainty() == null) {
                problems.add(cal.targets() + ": target " + t.id() + ": observationError and discrepancy are required for "
                        + "history matching ({relative: R, reason: TEXT})");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        this.targets = List.copyOf(chosen);
        List<Integer> m = new ArrayList<>();
        for (Target t : targets) {
            for (Target.Point p : t.points()) {
                String[] ys = p.label().split("-");
                int first = Integer.parseInt(ys[0]);
                int last = Integer.parseInt(ys[ys.length - 1]);
                PointRef ref = new PointRef(t, p, t.id() + "@" + p.label(), first, last);
                if (fitted(ref)) {
                    m.add(points.size());
                    outputs.add(new HistoryMatching.Output(ref.id(), t.id(), p.value(),
                            t.uncertainty().observationVariance(p), t.uncertainty().discrepancyVariance(p)));
                }
                points.add(ref);
            }
        }
        if (m.isEmpty()) {
            throw new ScenarioException(List.of(spec.file() + ": fitYears " + Arrays.toString(spec.fitYears())
                    + " leave no target point to match"));
        }
        this.matched = m.stream().mapToInt(Integer::intValue).toArray();
        this.waveRuns = new WaveRuns(threads, progress != null, targets, points);
        this.contrasts = new PolicyContrasts(spec, this.dir, progress, waveRuns);
        this.confirmation = new PosteriorConfirmation(spec, this.dir, waveRuns, matched, this::experiment, this::coverage,
                progress);
    }

    /**
     * {@code kosh history-match FILE --contrasts-only}: the policy contrasts on the draws of a
     * posterior file, without running the waves ({@link PolicyContrasts#contrastsOnly}).
     */
    public String contrastsOnly(Path posterior) throws IOException {
        return contrasts.contrastsOnly(posterior);
    }

    /**
     * What the match would fit ({@code kosh history-match FILE --check}): free parameters, target
     * points matched of all, design points per wave against the emulators' minimum, waves,
     * replications, scale, posterior draws and contrasts. Nothing is run or written.
     */
    public String summary() {
        int d = spec.dimension();
        return String.format(Locale.ROOT, "%d free parameters, %d of %d target points matched (%d targets), %d design "
                        + "points per wave (at least %d), %d wave%s x %d replications at scale %s, %d posterior draws "
                        + "(at most %d%s), %d policy contrasts", d, matched.length, points.size(), targets.size(),
                spec.points(), GaussianProcess.minimumPoints(GaussianProcess.Mean.LINEAR, d), spec.waves(),
                spec.waves() == 1 ? "" : "s", spec.replications(), spec.scale(), spec.draws(), spec.maxDraws(),
                spec.weightByModel() ? "; the confirmed ones weighted by the model's likelihood and resampled" : "",
                spec.contrasts().size());
    }

    /** Before any work: the posterior copy may replace only a parameter ensemble Kosh wrote. */
    void checkOutputs() {
        if (spec.outputDoc() != null) {
            kz.kosh.output.OutputPaths.checkMarkdown(spec.outputDoc());
        }
        Path copy = spec.outputPosterior();
        if (copy != null && (Files.isSymbolicLink(copy) || Files.exists(copy)
                && !kz.kosh.calibration.EnsembleBuilder.isEnsembleFile(copy))) {
            throw kz.kosh.output.OutputPaths.refusal(copy, "exists and is not a parameter ensemble Kosh wrote; refusing to "
                    + "replace it (output.posterior)");
        }
    }

    /** Whether a point is matched: every point, or in out-of-sample mode the points inside fitYears. */
    boolean fitted(PointRef p) {
        int[] fy = spec.fitYears();
        return fy == null || (p.firstYear() >= fy[0] && p.lastYear() <= fy[1]);
    }

    /** What a run found. */
    public record Result(List<HistoryMatching.Wave> waves, List<HistoryMatching.Sample> samples,
                         EmulatorPosterior.Posterior posterior, Path report, String stopped, int kept) {
        public Result(List<HistoryMatching.Wave> waves, List<HistoryMatching.Sample> samples,
                      EmulatorPosterior.Posterior posterior, Path report, String stopped) {
            this(waves, samples, posterior, report, stopped, posterior == null ? 0 : posterior.draws().size());
        }
    }

    /**
     * Runs (or resumes) waves 1..{@code upTo} (all when null); with a shard, only that shard of
     * wave {@code upTo}'s experiment runs (its design needs the waves before it finished).
     */
    public Result run(Integer upTo, int[] shard) throws IOException {
        return run(upTo, shard, true);
    }

    /** As {@link #run(Integer, int[])}; without {@code withContrasts} the policy contrasts are skipped. */
    public Result run(Integer upTo, int[] shard, boolean withContrasts) throws IOException {
        java.time.Instant started = java.time.Instant.now();
        checkOutputs();
        kz.kosh.output.OutputPaths.claimDir(dir, "history-match");
        int last = upTo == null ? spec.waves() : Math.min(upTo, spec.waves());
        int d = spec.dimension();
        List<HistoryMatching.Wave> waves = new ArrayList<>();
        List<HistoryMatching.Sample> samples = new ArrayList<>();
        List<List<double[]>> designs = new ArrayList<>();
        List<double[]> designChecks = new ArrayList<>();
        double[][][] lastRuns = null;
        String stopped = null;
        for (int w = 1; w <= last; w++) {
            Path wd = dir.resolve("wave-" + w);
            List<double[]> design = design(w, wd, samples, waves);
            designs.add(design);
            if (shard != null && w == last) {
                experimentRunner(w, design, wd).runShard(shard[0], shard[1]);
                say("wave %d: shard %d/%d done; when every shard has finished, run the command without --shard", w,
                        shard[0], shard[1]);
                return new Result(waves, samples, null, null, "shard");
            }
            double[][][] all = runs(w, design, wd);
            lastRuns = all;
            say("wave %d: fitting %d emulators (%d points, %d parameters)", w, outputs.size(), design.size(), d);
            HistoryMatching.Wave wave = HistoryMatching.emulate(w, outputs, design, select(all), spec.settings(),
                    spec.seed() + 1000L * w);
            waves.add(wave);
            designChecks.add(modelCheck(all, wave, spec.replications()));
            int wanted = w < spec.waves() ? 20 * spec.points() : 10 * spec.draws();
            HistoryMatching.Sample s = HistoryMatching.sample(waves, d, wanted, spec.settings(), spec.seed() + 1000L * w + 1);
            samples.add(s);
            HistoryReport.writeWave(wd, wave, design, s, spec);
            say("wave %d: %d of %d emulators used; %s", w, wave.used().size(), wave.emulators().size(), s.describe(wanted));
            int needed = pointsForNextDesign(spec, w);
            if (w < spec.waves() && s.points().size() < needed) {
                stopped = String.format(Locale.ROOT, "stopped after wave %d: it left %d non-implausible points, fewer than "
                        + "the %d the next design needs", w, s.points().size(), needed);
                say("%s", stopped);
                break;
            }
        }
        EmulatorPosterior.Posterior post = null;
        PosteriorConfirmation.Confirmation confirm = null;
        List<double[]> kept = List.of();
        List<double[][]> keptValues = new ArrayList<>();
        int keptFromDesign = 0;
        Weighting weighting = null;
        boolean finished = stopped == null && last == spec.waves();
        if (finished && !samples.isEmpty() && !samples.get(samples.size() - 1).points().isEmpty()) {
            List<double[]> pool = samples.get(samples.size() - 1).points();
            // the chains start first from the last wave's design points that the model confirmed on its replications
            List<double[]> known = new ArrayList<>();
            double[] lastCheck = designChecks.get(designChecks.size() - 1);
            for (int i = 0; i < lastCheck.length; i++) {
                if (lastCheck[i] <= spec.settings().cutoff()) {
                    known.add(designs.get(designs.size() - 1).get(i));
                }
            }
            post = EmulatorPosterior.posterior(waves, pool, known, spec.draws(), spec.settings(), spec.seed() + 77);
            // the last wave's design points are posterior draws on the previous wave's emulators, run with the
            // match's replications: those the model confirms are kept too (the same check, R replications) and count
            // towards the `draws` the confirmation wants
            List<double[]> designKept = new ArrayList<>();
            List<double[][]> designKeptValues = new ArrayList<>();
            if (spec.keepConfirmed() && spec.confirmReplications() > 0 && spec.focusLastWave() && waves.size() > 1) {
                double[] check = designChecks.get(designChecks.size() - 1);
                List<double[]> design = designs.get(designs.size() - 1);
                for (int i = 0; i < check.length; i++) {
                    if (check[i] <= spec.settings().cutoff()) {
                        designKept.add(design.get(i));
                        designKeptValues.add(lastRuns[i]);
                    }
                }
            }
            if (spec.confirmReplications() > 0) {
                confirm = confirmation.confirm(post, waves, pool, known, designKept.size());
                post = confirm.posterior();
            }
            kept = spec.keepConfirmed() && confirm != null ? new ArrayList<>(confirm.keptDraws()) : post.draws();
            if (spec.keepConfirmed() && confirm != null) {
                keptValues.addAll(Arrays.asList(confirm.keptValues()));
                kept.addAll(designKept);
                keptValues.addAll(designKeptValues);
                keptFromDesign = designKept.size();
            }
            if (spec.weightByModel() && confirm != null && !kept.isEmpty()) {
                int fromDraws = kept.size() - keptFromDesign;
                weighting = weigh(waves, kept, keptValues, fromDraws, confirm.draws().size(),
                        designs.get(designs.size() - 1).size());
                List<double[]> taken = new ArrayList<>();
                List<double[][]> takenValues = new ArrayList<>();
                for (int i : weighting.result().taken()) {
                    taken.add(kept.get(i));
                    takenValues.add(keptValues.get(i));
                }
                kept = taken;
                keptValues.clear();
                keptValues.addAll(takenValues);
            }
            if (kept.isEmpty()) {
                Files.deleteIfExists(dir.resolve("posterior.csv"));  // an earlier call's draws are not this match's
                say("no posterior draw is confirmed by the model: no posterior written%s", spec.outputPosterior() == null
                        ? "" : "; " + spec.outputPosterior() + " is left as it was");
            } else {
                List<double[]> values = new ArrayList<>();
                for (double[] u : kept) {
                    values.add(spec.values(u));
                }
                Path file = dir.resolve("posterior.csv");
                // rows in spread order: a run with fewer replications than draws takes draws from the whole
                // chains, not one stretch of one (replication r uses row r mod K)
                ParameterEnsemble.write(file, spec.paths(), ParameterEnsemble.inSpreadOrder(values));
                HistoryPlots.marginals(dir.resolve("posterior-marginals.png"), spec, kept);
                HistoryPlots.pairs(dir.resolve("posterior-pairs.png"), spec, kept);
                if (spec.outputPosterior() != null) {
                    kz.kosh.output.OutputPaths.copy(file, spec.outputPosterior());
                    say("posterior draws (%d) copied to %s", kept.size(), spec.outputPosterior());
                }
            }
        }
        Path report = dir.resolve("report.md");
        String md = HistoryReport.markdown(spec, waves, samples, designs, designChecks, post, kept, keptFromDesign, confirm,
                stopped, finished, weighting == null ? null : weighting.markdown());
        if (confirm != null && !kept.isEmpty()) {
            List<Coverage.Point> cov = coverage(spec.keepConfirmed() ? keptValues.toArray(new double[0][][]) : confirm.values());
            // the table's points: of the kept draws (posterior/coverage-all-draws.csv has every re-run's)
            Coverage.write(dir.resolve("posterior/coverage.csv"), cov);
            md += HistoryReport.coverageMarkdown(Coverage.summarise(cov), spec.fitYears() != null, cov, spec.coverageCheck());
        }
        if (post != null && !spec.contrasts().isEmpty() && !withContrasts) {
            md += "## Sensitivity of the policy contrasts\n\nNot computed in this call (`--no-contrasts`); run the "
                    + "command without it to add the Sobol' indices of the file's " + spec.contrasts().size()
                    + " policy contrasts.\n\n";
        } else if (post != null && !kept.isEmpty() && !spec.contrasts().isEmpty()) {
            md += contrasts.contrastSection(designs.get(designs.size() - 1), samples.get(samples.size() - 1).points(), kept,
                    null);
        }
        writeAtomically(report, md);
        writeManifest(started, waves.size(), post, stopped);
        say("report: %s", report);
        if (spec.outputDoc() != null && post != null && !kept.isEmpty()) {
            HistoryReport.writeDoc(spec, dir, md, withContrasts);
            say("document: %s", spec.outputDoc());
        }
        return new Result(waves, samples, post, report, stopped, kept.size());
    }

    /** The importance correction of the confirmed points ({@link ModelWeighting}) and its report. */
    record Weighting(ModelWeighting.Result result, int points, int fromDesign, String markdown) {
    }

    /**
     * Weighs the confirmed points ({@code posterior: {weight: model-likelihood}}, {@link ModelWeighting}): the first
     * {@code fromDraws} are confirmation draws (drawn on the last wave's emulators, {@code proposedDraws} re-run in all),
     * the rest the last wave's confirmed design points (drawn on the wave before's, {@code proposedDesign} in all);
     * writes posterior/weights.csv and returns the resampled indices (as many as points) with the report's paragraph.
     */
    private Weighting weigh(List<HistoryMatching.Wave> waves, List<double[]> kept, List<double[][]> keptValues,
                            int fromDraws, int proposedDraws, int proposedDesign) {
        HistoryMatching.Wave last = waves.get(waves.size() - 1);
        HistoryMatching.Wave before = waves.size() > 1 ? waves.get(waves.size() - 2) : last;
        int n = kept.size();
        double[] lm = new double[n];
        double[] lq = new double[n];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = i < fromDraws ? 0 : 1;
            lm[i] = ModelWeighting.logModel(last, matched, keptValues.get(i), kept.get(i));
            lq[i] = ModelWeighting.logEmulator(group[i] == 0 ? last : before, kept.get(i));
        }
        ModelWeighting.Tempered t = ModelWeighting.tempered(lm, lq, group, new double[]{proposedDraws, proposedDesign});
        double[] w = t.weights();
        ModelWeighting.Result r = ModelWeighting.Result.of(w, n, spec.seed() + 91, t.alpha());
        int[] times = new int[n];
        for (int i : r.taken()) {
            times[i]++;
        }
        StringBuilder csv = new StringBuilder("point,source,log_model_likelihood,log_proposal_likelihood,weight,taken\n");
        for (int i = 0; i < n; i++) {
            csv.append(i + 1).append(',').append(group[i] == 0 ? "draw" : "design").append(',').append(lm[i]).append(',')
                    .append(lq[i]).append(',').append(w[i]).append(',').append(times[i]).append('\n');
        }
        writeAtomically(dir.resolve("posterior/weights.csv"), csv.toString());
        int fromDesign = (int) java.util.Arrays.stream(r.taken()).filter(i -> i >= fromDraws).count();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "**Weighted by the model's own likelihood** "
                        + "(`weight: model-likelihood`, written before the run; calibration/README.md): each confirmed point "
                        + "is weighted by the ratio of the model's tempered Gaussian likelihood (its re-run means, the same "
                        + "variances as the model's check) to the emulators' tempered likelihood that drew it (the last "
                        + "wave's for the %d draws, the wave before's for the %d design points; each group normalised, "
                        + "mixed in proportion to the %d and %d points they proposed), an importance correction of the "
                        + "emulators' bias%s. **Effective sample size %.1f of %d**; the posterior file holds %d points taken "
                        + "by systematic resampling, %d distinct (%d of them design points); weights in "
                        + "[posterior/weights.csv](posterior/weights.csv). The table, the charts, the coverage and the "
                        + "contrasts below are of the resampled points. Mean ratio of the model's re-runs to the observed "
                        + "value per target, confirmed points alike and weighted:%n%n| target | confirmed, alike | weighted |%n"
                        + "|---|---|---|%n", fromDraws, n - fromDraws, proposedDraws, proposedDesign,
                t.alpha() == 1 ? " (in full: its effective sample size is at least a quarter of the points)"
                        : String.format(Locale.ROOT, ", **tempered to α = %.3f**: the full correction (α = 1) left an "
                        + "effective sample size of %.1f, below a quarter of the points, so the log ratios are multiplied by "
                        + "the largest α that keeps a quarter effective (adaptive tempering as in sequential Monte Carlo)",
                        t.alpha(), ModelWeighting.effectiveSampleSize(ModelWeighting.weights(lm, lq, group,
                                new double[]{proposedDraws, proposedDesign}))),
                r.effectiveSampleSize(), n, n, r.distinct(), fromDesign));
        for (String[] row : ModelWeighting.shiftByTarget(outputs, matched, keptValues, w)) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
        md.append('\n');
        say("weighted the %d confirmed points by the model's likelihood (alpha %.3f): effective sample size %.1f, %d distinct "
                + "of %d resampled", n, t.alpha(), r.effectiveSampleSize(), r.distinct(), n);
        return new Weighting(r, n, fromDesign, md.toString());
    }

    /**
     * How many non-implausible points wave w must leave for the next wave's design: a design spread
     * over the sample needs {@code points} of it; a focused last wave ({@code lastWave: posterior})
     * draws its design by Metropolis chains started from the sample, which needs one point.
     */
    static int pointsForNextDesign(HistoryMatchSpec spec, int w) {
        return w + 1 == spec.waves() && spec.focusLastWave() ? 1 : spec.points();
    }

    private void say(String fmt, Object... args) {
        if (progress != null) {
            progress.printf(Locale.ROOT, "history-match: " + fmt + "%n", args);
        }
    }

    /** The matched outputs of every run: runs[point][rep][matched output]. */
    private double[][][] select(double[][][] all) {
        double[][][] out = new double[all.length][][];
        for (int i = 0; i < all.length; i++) {
            out[i] = new double[all[i].length][matched.length];
            for (int r = 0; r < all[i].length; r++) {
                for (int j = 0; j < matched.length; j++) {
                    out[i][r][j] = all[i][r][matched[j]];
                }
            }
        }
        return out;
    }

    /** The design of wave w: read from design.csv, else made (LHS, or spread over the previous sample) and written. */
    private List<double[]> design(int w, Path wd, List<HistoryMatching.Sample> samples, List<HistoryMatching.Wave> waves)
            throws IOException {
        Path f = wd.resolve("design.csv");
        int d = spec.dimension();
        if (Files.exists(f)) {
            List<double[]> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                double[] u = new double[d];
                for (int k = 0; k < d; k++) {
                    u[k] = Double.parseDouble(c[1 + k]);
                }
                out.add(u);
            }
            return out;
        }
        List<double[]> pool = w == 1 ? null : samples.get(samples.size() - 1).points();
        List<double[]> design = w == 1 ? HistoryMatching.firstDesign(d, spec.points(), spec.seed())
                : w == spec.waves() && spec.focusLastWave() ? HistoryMatching.focused(waves, pool, spec.points(),
                spec.settings(), spec.seed() + 1000L * w + 77)
                : HistoryMatching.spread(pool, spec.points());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < design.size(); i++) {
            labels.add(pointName(i));
        }
        writeAtomically(f, HistoryReport.pointsCsv("point", labels, design, spec));
        return design;
    }

    static void writeAtomically(Path f, String text) {
        kz.kosh.output.OutputPaths.write(f, text);
    }

    static String pointName(int i) {
        return String.format(Locale.ROOT, "p%04d", i + 1);
    }

    /** The experiment of a set of parameter points: one scenario per point, the match's replications or {@code reps}. */
    ExperimentSpec experiment(String name, List<double[]> unitPoints, int reps) {
        CalibrationSpec cal = spec.calibration();
        List<ExperimentSpec.Entry> entries = new ArrayList<>();
        for (int i = 0; i < unitPoints.size(); i++) {
            entries.add(new ExperimentSpec.Entry(pointName(i), cal.scenario(),
                    Evaluator.overlay(cal.parameters(), spec.values(unitPoints.get(i)))));
        }
        return new ExperimentSpec(name, entries, 0, reps, cal.baseSeed(), spec.scale(), cal.startYear(), cal.endYear(),
                cal.spinUpYears());
    }

    private ExperimentRunner experimentRunner(int w, List<double[]> design, Path wd) {
        return new ExperimentRunner(experiment("history-" + spec.name() + "-wave" + w, design, spec.replications()),
                wd.resolve("experiment"), threads, true, false, progress != null);
    }

    /** All target points' values per design point and replication: from runs.csv, else from the wave's experiment. */
    private double[][][] runs(int w, List<double[]> design, Path wd) throws IOException {
        Path f = wd.resolve("runs.csv");
        if (Files.exists(f)) {
            return waveRuns.readRuns(f, design.size(), spec.replications());
        }
        ExperimentSpec exp = experiment("history-" + spec.name() + "-wave" + w, design, spec.replications());
        double[][][] values = waveRuns.measureExperiment(exp, wd.resolve("experiment"), spec.replications());
        waveRuns.writeRuns(f, values);
        return values;
    }

    /**
     * A wave's own design points checked by the model: their implausibility from the means of the
     * wave's replications ({@link PosteriorConfirmation#modelImplausibility}); a diagnostic of how much of
     * the design the model itself leaves non-implausible (it rises as the waves close in).
     */
    double[] modelCheck(double[][][] all, HistoryMatching.Wave wave, int reps) {
        return modelImplausibility(all, wave, reps);
    }

    /** The model's own implausibility of parameter points ({@link PosteriorConfirmation#modelImplausibility}). */
    double[] modelImplausibility(double[][][] values, HistoryMatching.Wave wave, int reps) {
        return confirmation.modelImplausibility(values, wave, reps);
    }

    /** Predictive intervals of every target point from the re-run draws. */
    List<Coverage.Point> coverage(double[][][] values) {
        List<Coverage.Point> out = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            PointRef p = points.get(k);
            List<Double> xs = new ArrayList<>();
            for (double[][] draw : values) {
                for (double[] rep : draw) {
                    xs.add(rep[k]);
                }
            }
            double[] sample = xs.stream().mapToDouble(Double::doubleValue).toArray();
            Target.Uncertainty u = p.target().uncertainty();
            double sd = Math.sqrt(u.discrepancyVariance(p.point()) + u.observationVariance(p.point()));
            out.add(Coverage.of(p.target().id(), p.point().label(), fitted(p), p.point().value(), sample, sd,
                    spec.seed() + k));
        }
        return out;
    }

    public List<Target> targets() {
        return targets;
    }

    public List<HistoryMatching.Output> outputs() {
        return outputs;
    }

    /** manifest.json: the input files, settings, seed, version, commit, times and how far the match got. */
    private void writeManifest(java.time.Instant started, int wavesDone, EmulatorPosterior.Posterior post, String stopped) {
        var m = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        m.put("command", "history-match");
        m.put("name", spec.name());
        m.put("file", spec.file().toAbsolutePath().normalize().toString());
        m.put("calibration", spec.calibration().file().toAbsolutePath().normalize().toString());
        m.put("scenario", spec.calibration().scenario().toString());
        m.put("targets", spec.calibration().targets().toString());
        m.put("targetsSha256", Targets.digest(spec.calibration().targets()));
        m.put("seed", spec.seed());
        m.put("baseSeed", spec.calibration().baseSeed());
        m.put("scale", spec.scale());
        m.put("pointsPerWave", spec.points());
        m.put("replications", spec.replications());
        m.put("cutoff", spec.settings().cutoff());
        m.put("rule", spec.settings().rule().label());
        m.put("wavesPlanned", spec.waves());
        m.put("wavesDone", wavesDone);
        m.put("posteriorDraws", post == null ? 0 : post.draws().size());
        if (stopped != null) {
            m.put("stopped", stopped);
        }
        var params = m.putArray("parameters");
        for (CalibrationSpec.Parameter p : spec.calibration().parameters()) {
            params.addObject().put("path", p.path()).put("min", p.min()).put("max", p.max());
        }
        m.put("started", started.toString());
        m.put("finished", java.time.Instant.now().toString());
        kz.kosh.output.BuildInfo.stamp(m);
        try {
            writeAtomically(dir.resolve("manifest.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
