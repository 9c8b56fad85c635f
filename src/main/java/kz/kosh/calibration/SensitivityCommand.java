package kz.kosh.calibration;

import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kosh sensitivity FILE}: runs an experiment with a morris or saltelli sweep design on the
 * experiment runner (replications, common random numbers, resume; a directory finished by
 * {@code kosh experiment} or merged from shards is analysed without running again), then writes
 * the sensitivity indices (kz.kosh.calibration.Sensitivity) and, with --doc, a document.
 */
@Command(name = "sensitivity", description = "Morris (mu*, sigma) or Sobol (S1, ST with bootstrap CIs) sensitivity "
        + "indices of an experiment with a morris or saltelli sweep: runs it (or reuses a finished or merged run) and "
        + "writes sensitivity.csv and charts/sensitivity-*.png.")
public final class SensitivityCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "experiment YAML file with a morris or saltelli sweep")
    Path file;
    @Option(names = "--out", description = "experiment directory (default results/<experiment>)")
    Path out;
    @Option(names = "--threads", description = "parallel replications (default all cores)")
    Integer threads;
    @Option(names = "--keep-runs", description = "keep each replication's indicators in runs/")
    boolean keepRuns;
    @Option(names = "--overwrite", description = "run again into an existing directory")
    boolean overwrite;
    @Option(names = "--from", description = "first year of the period the indicators are averaged over (default the first recorded)")
    Integer from;
    @Option(names = "--to", description = "last year of the period (default the last recorded)")
    Integer to;
    @Option(names = "--doc", description = "also write this Markdown document, its charts next to it in <name>/")
    Path doc;

    @Override
    public Integer call() {
        ExperimentSpec spec = ExperimentSpec.load(file);
        Sensitivity.Sweep sweep = Sensitivity.sweepOf(file);
        if (sweep == null || !sweep.indexed()) {
            System.err.println("error: " + file + ": sensitivity indices need a sweep with design: morris or design: saltelli"
                    + (sweep == null ? "" : ", not " + sweep.design()));
            return 2;
        }
        if (from != null && to != null && from > to) {
            System.err.println("error: --from " + from + " is after --to " + to + "; the period is --from <= --to");
            return 2;
        }
        if (doc != null) {
            kz.kosh.output.OutputPaths.checkMarkdown(doc);
        }
        Path dir = out != null ? out : Path.of("results", spec.name());
        boolean finished = Files.isRegularFile(dir.resolve("summary.csv")) && !Files.exists(dir.resolve("INCOMPLETE"));
        double wall = Double.NaN;
        if (finished && !overwrite) {
            kz.kosh.experiment.ExperimentDirectory.requireKoshExperiment(dir);
            System.err.println("kosh: " + dir + " holds a finished run of the experiment; computing the indices from it "
                    + "(--overwrite runs it again)");
        } else {
            int t = kz.kosh.cli.Checks.threadsOrCores(threads);
            ExperimentRunner runner = new ExperimentRunner(spec, dir, t, keepRuns, overwrite, true);
            runner.preflight();
            System.err.println("kosh: " + spec.describe() + ", " + t + " threads -> " + dir);
            ExperimentRunner.Result r = runner.run();
            wall = r.wallSeconds();
            System.out.printf("Experiment %s: %d replications run, %d resumed, %.1f s.%n", spec.name(), r.replicationsRun(),
                    r.replicationsResumed(), r.wallSeconds());
        }
        List<Sensitivity.Row> rows = Sensitivity.report(file, dir, from, to, System.out);
        if (doc != null) {
            SensitivityDoc.write(doc, file, dir, sweep, spec, rows, from, to);
            System.out.println("wrote " + doc);
        }
        return 0;
    }
}
