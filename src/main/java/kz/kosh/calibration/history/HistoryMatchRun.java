package kz.kosh.calibration.history;

import kz.kosh.calibration.CalibrationSpec;
import kz.kosh.calibration.Evaluator;
import kz.kosh.calibration.Target;
import kz.kosh.calibration.Targets;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
 * posterior/confirm.csv        the draws re-run with the model: each draw's implausibility from model means
 * posterior/coverage.csv       predictive intervals (parameter, seed, discrepancy) of every target point
 * posterior-marginals.png, posterior-pairs.png
 * report.md                    waves, diagnostics, posterior, coverage
 * </pre>
 * Each wave's emulators are refitted from its runs.csv on every invocation (deterministic for the
 * seed), so an interrupted match resumes where it stopped: finished waves are not rerun, an
 * unfinished wave's experiment resumes from its saved replications.
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

    /** One target point. */
    record PointRef(Target target, Target.Point point, String id, int firstYear, int lastYear) {
    }

    public HistoryMatchRun(HistoryMatchSpec spec, Path dir, int threads, PrintStream progress) {
        this.spec = spec;
        this.dir = dir.toAbsolutePath().normalize();
        this.threads = threads;
        this.progress = progress;
        CalibrationSpec cal = spec.calibration();
        List<Target> all = Targets.load(cal.targets(), ScenarioLoader.load(cal.scenario()).scenario());
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
    }

    /** Before any work: the posterior copy may replace only a parameter ensemble Kosh wrote. */
    void checkOutputs() {
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
                         HistoryMatching.Posterior posterior, Path report, String stopped) {
    }

    /**
     * Runs (or resumes) waves 1..{@code upTo} (all when null); with a shard, only that shard of
     * wave {@code upTo}'s experiment runs (its design needs the waves before it finished).
     */
    public Result run(Integer upTo, int[] shard) throws IOException {
        checkOutputs();
        kz.kosh.output.OutputPaths.claimDir(dir, "history-match");
        int last = upTo == null ? spec.waves() : Math.min(upTo, spec.waves());
        int d = spec.dimension();
        List<HistoryMatching.Wave> waves = new ArrayList<>();
        List<HistoryMatching.Sample> samples = new ArrayList<>();
        List<List<double[]>> designs = new ArrayList<>();
        String stopped = null;
        for (int w = 1; w <= last; w++) {
            Path wd = dir.resolve("wave-" + w);
            List<double[]> design = design(w, wd, samples);
            designs.add(design);
            if (shard != null && w == last) {
                experimentRunner(w, design, wd).runShard(shard[0], shard[1]);
                say("wave %d: shard %d/%d done; when every shard has finished, run the command without --shard", w,
                        shard[0], shard[1]);
                return new Result(waves, samples, null, null, "shard");
            }
            double[][][] all = runs(w, design, wd);
            HistoryMatching.Wave wave = HistoryMatching.emulate(w, outputs, design, select(all), spec.settings(),
                    spec.seed() + 1000L * w);
            waves.add(wave);
            int wanted = w < spec.waves() ? 20 * spec.points() : 10 * spec.draws();
            HistoryMatching.Sample s = HistoryMatching.sample(waves, d, wanted, spec.settings(), spec.seed() + 1000L * w + 1);
            samples.add(s);
            HistoryReport.writeWave(wd, wave, design, s, spec);
            say("wave %d: %d of %d emulators used; %s", w, wave.used().size(), wave.emulators().size(), s.describe(wanted));
            if (w < spec.waves() && s.points().size() < spec.points()) {
                stopped = String.format(Locale.ROOT, "stopped after wave %d: it left %d non-implausible points, fewer than "
                        + "the %d the next design needs", w, s.points().size(), spec.points());
                say("%s", stopped);
                break;
            }
        }
        HistoryMatching.Posterior post = null;
        Confirmation confirm = null;
        boolean finished = stopped == null && last == spec.waves();
        if (finished && !samples.isEmpty() && !samples.get(samples.size() - 1).points().isEmpty()) {
            post = HistoryMatching.posterior(waves.get(waves.size() - 1), samples.get(samples.size() - 1).points(),
                    spec.draws(), spec.seed() + 77);
            List<double[]> values = new ArrayList<>();
            for (double[] u : post.draws()) {
                values.add(spec.values(u));
            }
            Path file = dir.resolve("posterior.csv");
            ParameterEnsemble.write(file, spec.paths(), values);
            HistoryPlots.marginals(dir.resolve("posterior-marginals.png"), spec, post.draws());
            HistoryPlots.pairs(dir.resolve("posterior-pairs.png"), spec, post.draws());
            if (spec.confirmReplications() > 0) {
                confirm = confirm(post, waves.get(waves.size() - 1));
            }
            if (spec.outputPosterior() != null) {
                kz.kosh.output.OutputPaths.copy(file, spec.outputPosterior());
                say("posterior draws copied to %s", spec.outputPosterior());
            }
        }
        Path report = dir.resolve("report.md");
        String md = HistoryReport.markdown(spec, waves, samples, designs, post, confirm, stopped, finished);
        if (confirm != null) {
            md += HistoryReport.coverageMarkdown(Coverage.summarise(coverage(confirm.values())), spec.fitYears() != null);
        }
        writeAtomically(report, md);
        say("report: %s", report);
        return new Result(waves, samples, post, report, stopped);
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
    private List<double[]> design(int w, Path wd, List<HistoryMatching.Sample> samples) throws IOException {
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
        List<double[]> design = w == 1 ? HistoryMatching.firstDesign(d, spec.points(), spec.seed())
                : HistoryMatching.spread(samples.get(samples.size() - 1).points(), spec.points());
        StringBuilder sb = new StringBuilder("point");
        for (String p : spec.paths()) {
            sb.append(",unit:").append(p);
        }
        for (String p : spec.paths()) {
            sb.append(',').append(p);
        }
        sb.append('\n');
        for (int i = 0; i < design.size(); i++) {
            sb.append(pointName(i));
            for (double u : design.get(i)) {
                sb.append(',').append(u);
            }
            for (double v : spec.values(design.get(i))) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        writeAtomically(f, sb.toString());
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
            return readRuns(f, design.size(), spec.replications());
        }
        ExperimentSpec exp = experiment("history-" + spec.name() + "-wave" + w, design, spec.replications());
        double[][][] values = measureExperiment(exp, wd.resolve("experiment"), spec.replications());
        writeRuns(f, values);
        return values;
    }

    /** Runs (or resumes, or reads the shards of) an experiment and measures every target point of every replication. */
    private double[][][] measureExperiment(ExperimentSpec exp, Path expDir, int reps) {
        int n = exp.scenarios().size();
        Path[][] files = new Path[n][reps];
        boolean complete = locate(exp, expDir, files);
        if (!complete) {
            if (Files.isDirectory(expDir.resolve("shards"))) {
                throw new IllegalStateException(expDir + ": the shards are incomplete (" + count(files) + " of " + n * reps
                        + " replications); run the missing shards (kosh experiment status " + expDir.resolve("shards")
                        + ") or delete " + expDir.resolve("shards") + " to run the wave here");
            }
            new ExperimentRunner(exp, expDir, threads, true, false, progress != null).run();
            if (!locate(exp, expDir, files)) {
                throw new IllegalStateException(expDir + ": replications missing after the run");
            }
        }
        double[][][] values = new double[n][reps][];
        for (int s = 0; s < n; s++) {
            ScenarioLoader.Loaded loaded = exp.load(exp.scenarios().get(s));
            for (int r = 0; r < reps; r++) {
                IndicatorTable table = IndicatorTable.readVerified(files[s][r]);
                values[s][r] = Evaluator.measure(targets, new Target.TableContext(table, loaded.scenario()));
            }
        }
        return values;
    }

    private static int count(Path[][] files) {
        int c = 0;
        for (Path[] row : files) {
            for (Path p : row) {
                c += p == null ? 0 : 1;
            }
        }
        return c;
    }

    /** Finds each replication's saved indicators in runs/ or in a shard's runs/; true when all are there. */
    private static boolean locate(ExperimentSpec exp, Path expDir, Path[][] files) {
        List<Path> roots = new ArrayList<>();
        roots.add(expDir);
        Path shards = expDir.resolve("shards");
        if (Files.isDirectory(shards)) {
            try (Stream<Path> s = Files.list(shards)) {
                s.sorted().forEach(roots::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean all = true;
        for (int s = 0; s < files.length; s++) {
            for (int r = 0; r < files[s].length; r++) {
                files[s][r] = null;
                for (Path root : roots) {
                    Path f = ExperimentRunner.replicationFile(exp, root, s, r);
                    if (Files.exists(f)) {
                        files[s][r] = f;
                        break;
                    }
                }
                all &= files[s][r] != null;
            }
        }
        return all;
    }

    private void writeRuns(Path f, double[][][] v) throws IOException {
        StringBuilder sb = new StringBuilder("point,replication,target,point_label,value\n");
        for (int i = 0; i < v.length; i++) {
            for (int r = 0; r < v[i].length; r++) {
                for (int k = 0; k < points.size(); k++) {
                    sb.append(pointName(i)).append(',').append(r).append(',').append(points.get(k).target().id()).append(',')
                            .append(points.get(k).point().label()).append(',').append(v[i][r][k]).append('\n');
                }
            }
        }
        writeAtomically(f, sb.toString());
    }

    private double[][][] readRuns(Path f, int n, int reps) throws IOException {
        double[][][] v = new double[n][reps][points.size()];
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.size() - 1 != n * reps * points.size()) {
            throw new IllegalStateException(f + ": " + (lines.size() - 1) + " rows, expected " + n * reps * points.size()
                    + " (the targets changed since the wave ran? delete it to rerun the measurements)");
        }
        int row = 1;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < points.size(); k++) {
                    String[] c = lines.get(row++).split(",");
                    if (!c[2].equals(points.get(k).target().id()) || !c[3].equals(points.get(k).point().label())) {
                        throw new IllegalStateException(f + ": row " + row + " is " + c[2] + "@" + c[3] + ", expected "
                                + points.get(k).id() + " (the targets changed since the wave ran)");
                    }
                    v[i][r][k] = Double.parseDouble(c[4]);
                }
            }
        }
        return v;
    }

    /**
     * The posterior draws re-run with the model: per draw the implausibility from the model
     * means, I_j = |z_j − ȳ_j| / √(Var_obs + Var_disc + Var_MC (1 + 1/R)), combined by the rule;
     * and the predictive samples of every target point (draw x replication).
     */
    public record Confirmation(double[] implausibility, int confirmed, double[][][] values, double cutoff) {
    }

    private Confirmation confirm(HistoryMatching.Posterior post, HistoryMatching.Wave last) throws IOException {
        int reps = spec.confirmReplications();
        Path pd = dir.resolve("posterior");
        ExperimentSpec exp = experiment("history-" + spec.name() + "-posterior", post.draws(), reps);
        say("re-running the %d posterior draws with the model (%d replications each)", post.draws().size(), reps);
        double[][][] values = measureExperiment(exp, pd.resolve("experiment"), reps);
        writeRuns(pd.resolve("runs.csv"), values);
        double[] imp = new double[values.length];
        int ok = 0;
        StringBuilder sb = new StringBuilder("draw,implausibility,confirmed\n");
        for (int i = 0; i < values.length; i++) {
            double[] is = new double[matched.length];
            for (int j = 0; j < matched.length; j++) {
                double mean = 0;
                for (int r = 0; r < reps; r++) {
                    mean += values[i][r][matched[j]];
                }
                mean /= reps;
                HistoryMatching.Emulated e = last.emulators().get(j);
                double var = e.output().observationVariance() + e.output().discrepancyVariance()
                        + e.mcVariance() * (1 + 1.0 / reps);
                is[j] = Math.abs(e.output().observed() - mean) / Math.sqrt(var);
            }
            Arrays.sort(is);
            imp[i] = is[is.length - Math.min(spec.settings().rule().k(), is.length)];
            boolean c = imp[i] <= spec.settings().cutoff();
            ok += c ? 1 : 0;
            sb.append(i + 1).append(',').append(imp[i]).append(',').append(c).append('\n');
        }
        writeAtomically(pd.resolve("confirm.csv"), sb.toString());
        Coverage.write(pd.resolve("coverage.csv"), coverage(values));
        return new Confirmation(imp, ok, values, spec.settings().cutoff());
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
}
