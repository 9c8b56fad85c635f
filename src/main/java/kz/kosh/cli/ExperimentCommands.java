package kz.kosh.cli;

import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kosh experiment} and {@code kosh compare}: Monte Carlo replications and scenario comparison. */
final class ExperimentCommands {
    private ExperimentCommands() {
    }

    /** Options shared by both commands. */
    static class Common {
        @Option(names = "--threads", description = "parallel replications (default all cores)")
        Integer threads;
        @Option(names = "--out", description = "output directory (default results/<experiment>)")
        Path out;
        @Option(names = "--keep-runs", description = "keep each replication's indicators in runs/")
        boolean keepRuns;
        @Option(names = "--overwrite", description = "replace an existing output directory instead of refusing or resuming")
        boolean overwrite;

        int threads() {
            return threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        }

        Integer run(ExperimentSpec spec) {
            Path dir = out != null ? out : Path.of("results", spec.name());
            System.err.println("kosh: " + spec.describe() + ", " + threads() + " threads -> " + dir);
            ExperimentRunner.Result r = new ExperimentRunner(spec, dir, threads(), keepRuns, overwrite, true).run();
            System.out.printf("Experiment %s: %d replications run, %d resumed, %.1f s. Outputs: %s%n", spec.name(),
                    r.replicationsRun(), r.replicationsResumed(), r.wallSeconds(), r.directory());
            System.out.println("  summary.csv, differences.csv, manifest.json, report.html");
            return 0;
        }
    }

    @Command(name = "experiment", description = "Run an experiment file: scenarios x replications (and sweeps), "
            + "with statistics, paired differences and a report. Re-running an interrupted experiment resumes it.")
    static final class Experiment extends Common implements Callable<Integer> {
        @Parameters(index = "0", description = "experiment YAML file")
        Path file;

        @Override
        public Integer call() {
            return run(ExperimentSpec.load(file));
        }
    }

    @Command(name = "compare", description = "Compare scenarios over replications; the first file is the reference.")
    static final class Compare extends Common implements Callable<Integer> {
        @Parameters(arity = "2..*", description = "scenario YAML files (the first is the reference)")
        List<Path> files;
        @Option(names = "--reps", required = true, description = "replications per scenario")
        int reps;
        @Option(names = "--scale", description = "agents per person (default 0.1)")
        double scale = 0.1;
        @Option(names = "--seed", description = "base seed; replication r uses base + r (default 1)")
        long seed = 1;
        @Option(names = "--name", description = "experiment name (default compare-<reference>)")
        String name;

        @Override
        public Integer call() {
            if (reps < 1) {
                System.err.println("error: --reps must be at least 1");
                return 2;
            }
            if (!(scale > 0 && scale <= 1)) {
                System.err.println("error: --scale must be in (0, 1], got " + scale);
                return 2;
            }
            ExperimentSpec spec = ExperimentSpec.compare("tmp", files, reps, seed, scale);
            String n = name != null ? name : "compare-" + spec.scenarios().get(0).name();
            spec = new ExperimentSpec(n, spec.scenarios(), 0, reps, seed, scale, null, null, null);
            return run(spec);
        }
    }
}
