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
        @picocli.CommandLine.Mixin
        EnsembleOptions ensembleOptions = new EnsembleOptions();

        int threads() {
            return kz.kosh.experiment.Threads.orCores(threads);
        }

        /** The spec with the --parameter-ensemble file, validated against its scenarios. */
        ExperimentSpec withEnsemble(ExperimentSpec spec) {
            return withPosterior(spec, ensembleOptions);
        }

        /** The result of the last {@link #run}. */
        ExperimentRunner.Result result;

        Integer run(ExperimentSpec spec) {
            Path dir = out != null ? out : Path.of("results", spec.name());
            ExperimentRunner runner = new ExperimentRunner(spec, dir, threads(), keepRuns, overwrite, true);
            runner.preflight(); // a refused directory is one line, before anything is printed or written
            System.err.println("kosh: " + spec.describe() + ", " + threads() + " threads -> " + dir);
            ExperimentRunner.Result r = runner.run();
            result = r;
            System.out.printf("Experiment %s: %d replications run, %d resumed, %.1f s. Outputs: %s%n", spec.name(),
                    r.replicationsRun(), r.replicationsResumed(), r.wallSeconds(), r.directory());
            System.out.println("  summary.csv, differences.csv, headline.csv, manifest.json, report.html");
            printHeadline(System.out, r.directory());
            return 0;
        }
    }

    /** The answer (headline.csv) at the end of compare / experiment, then where the report is. */
    static void printHeadline(java.io.PrintStream o, Path dir) {
        var rows = kz.kosh.experiment.report.HeadlineCsv.labelled(kz.kosh.experiment.report.HeadlineCsv.read(dir), dir);
        if (rows.isEmpty()) {
            return;
        }
        o.println();
        o.print(kz.kosh.experiment.report.HeadlineText.text(rows,
                kz.kosh.experiment.report.HeadlineCsv.labelledSplits(kz.kosh.experiment.report.VarianceSplit.read(dir), dir)));
        o.println("Report with charts of the differences and a glossary: " + dir.resolve("report.html"));
    }

    @Command(name = "experiment", description = "Run an experiment file: scenarios x replications (and sweeps), "
            + "with statistics, paired differences and a report. Re-running an interrupted experiment resumes it.",
            subcommands = {Merge.class, Status.class, Slurm.class})
    static final class Experiment extends Common implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", description = "experiment YAML file")
        Path file;
        @Option(names = "--shard", description = "run only shard k of N (k/N, 0-based) into <out>/shards/k-of-N/; "
                + "default from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, JOB_COMPLETION_INDEX or "
                + "AWS_BATCH_JOB_ARRAY_INDEX (with --shard-count), else all pairs")
        String shard;
        @Option(names = "--shard-count", description = "N when the index comes from JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX")
        Integer shardCount;

        @Override
        public Integer call() {
            if (file == null) {
                System.err.println("error: give an experiment file, or one of: merge, status, slurm-script");
                return 2;
            }
            ExperimentSpec spec = withEnsemble(ExperimentSpec.load(file));
            int[] kn = shardOf(shard, shardCount, System.getenv());
            if (kn == null) {
                int rc = run(spec);
                if (rc == 0) { // morris / saltelli sweeps: the indices too (kosh sensitivity's code path)
                    kz.kosh.calibration.Sensitivity.report(file, out != null ? out : Path.of("results", spec.name()),
                            null, null, System.out);
                }
                return rc;
            }
            Path dir = out != null ? out : Path.of("results", spec.name());
            System.err.printf("kosh: %s, shard %d/%d, %d threads -> %s%n", spec.describe(), kn[0], kn[1], threads(), dir);
            ExperimentRunner.Result r = new ExperimentRunner(spec, dir, threads(), true, false, true).runShard(kn[0], kn[1]);
            System.out.printf("Shard %d/%d of %s: %d pairs run, %d already there, %.1f s: %s%n", kn[0], kn[1],
                    spec.name(), r.replicationsRun(), r.replicationsResumed(), r.wallSeconds(), r.directory());
            return 0;
        }
    }

    /**
     * Shard k/N from the option, else from the array-job environment (Slurm, Kubernetes indexed
     * jobs, AWS Batch); null for a local run of all pairs.
     */
    static int[] shardOf(String option, Integer count, java.util.Map<String, String> env) {
        if (option != null) {
            try {
                return Checks.shard(option);
            } catch (Checks.BadOption e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Experiment()), e.getMessage());
            }
        }
        try {
            return shardFromEnvironment(count, env);
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Experiment()),
                    "the array-job environment (SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT/SLURM_ARRAY_TASK_MIN, "
                            + "JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX) holds a value that is not a whole number; "
                            + "give --shard k/N instead");
        }
    }

    private static int[] shardFromEnvironment(Integer count, java.util.Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID") && env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            int min = Integer.parseInt(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"));
            return new int[]{Integer.parseInt(env.get("SLURM_ARRAY_TASK_ID")) - min,
                    Integer.parseInt(env.get("SLURM_ARRAY_TASK_COUNT"))};
        }
        for (String var : new String[]{"JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"}) {
            if (env.containsKey(var)) {
                if (count == null) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Experiment()),
                            var + " is set: give the number of shards with --shard-count N");
                }
                return new int[]{Integer.parseInt(env.get(var)), count};
            }
        }
        return null;
    }

    @Command(name = "merge", description = "Merge shard directories into summary.csv, differences.csv and the report "
            + "(the same bytes as a local run); names missing or duplicated pairs and refuses an incomplete set.")
    static final class Merge implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "shard directories, or experiment directories holding shards/")
        List<Path> dirs;
        @Option(names = "--out", description = "output directory (default: the first argument if it holds shards/)")
        Path out;
        @Option(names = "--allow-incomplete", description = "merge the replications that are complete")
        boolean allowIncomplete;
        @Option(names = "--overwrite", description = "replace an existing summary")
        boolean overwrite;

        @Override
        public Integer call() {
            Path o = out != null ? out : dirs.get(0);
            try {
                ExperimentRunner.Result r = kz.kosh.experiment.Shards.merge(dirs, o, allowIncomplete, overwrite);
                System.out.printf("Merged %d replication results into %s%n", r.replicationsResumed(), r.directory());
                printHeadline(System.out, r.directory());
                return 0;
            } catch (IllegalStateException | IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 4;
            }
        }
    }

    @Command(name = "status", description = "How many (scenario, replication) pairs of a sharded experiment are done.")
    static final class Status implements Callable<Integer> {
        @Parameters(arity = "1..*", description = "shard directories, or experiment directories holding shards/")
        List<Path> dirs;

        @Override
        public Integer call() {
            System.out.print(kz.kosh.experiment.Shards.status(dirs));
            return 0;
        }
    }

    @Command(name = "slurm-script", description = "Write sbatch scripts: a job array of shards and a merge job after it.")
    static final class Slurm implements Callable<Integer> {
        @Parameters(index = "0", description = "experiment YAML file")
        Path file;
        @Option(names = "--tasks", required = true, description = "array tasks (shards)")
        int tasks;
        @Option(names = "--out", description = "experiment output directory on the shared filesystem (default results/<name>)")
        Path out;
        @Option(names = "--scripts", description = "where to write the scripts (default <out>/slurm)")
        Path scripts;
        @Option(names = "--partition") String partition;
        @Option(names = "--time", description = "HH:MM:SS per task") String time;
        @Option(names = "--mem", description = "memory per task, e.g. 4G") String mem;
        @Option(names = "--cpus-per-task", description = "threads per shard (default 1)") int cpus = 1;
        @Option(names = "--jar", description = "path of kosh.jar on the cluster (default: this jar)") Path jar;
        @Option(names = "--java", description = "java command on the cluster (default java)") String javaCommand = "java";
        @Option(names = "--max-array-size", description = "cluster's MaxArraySize (default 1001)") int maxArray = 1001;
        @picocli.CommandLine.Mixin
        EnsembleOptions ensembleOptions = new EnsembleOptions();

        @Override
        public Integer call() throws Exception {
            // the default posterior is resolved here and named in the scripts, so every task uses the same file
            ExperimentSpec spec = withPosterior(ExperimentSpec.load(file), ensembleOptions);
            if (tasks < 1) {
                System.err.println("error: --tasks must be at least 1");
                return 2;
            }
            Path o = (out != null ? out : Path.of("results", spec.name())).toAbsolutePath().normalize();
            Path j = jar != null ? jar : Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            var s = new kz.kosh.experiment.SlurmScript.Settings(file.toAbsolutePath().normalize(), o, j.toAbsolutePath(),
                    tasks, cpus, partition, time, mem, javaCommand, maxArray);
            java.util.List<String> problems = kz.kosh.experiment.SlurmScript.problems(s);
            if (!problems.isEmpty()) {
                System.err.println("error: " + String.join("; ", problems));
                return 2;
            }
            Path dir = kz.kosh.output.OutputPaths.claimDir(scripts != null ? scripts : o.resolve("slurm"), "experiment slurm-script");
            Path array = dir.resolve("shards.sbatch");
            Path merge = dir.resolve("merge.sbatch");
            Path submit = dir.resolve("submit.sh");
            kz.kosh.output.OutputPaths.write(array, kz.kosh.experiment.SlurmScript.arrayScript(spec, s));
            kz.kosh.output.OutputPaths.write(merge, kz.kosh.experiment.SlurmScript.mergeScript(spec, s));
            kz.kosh.output.OutputPaths.write(submit, kz.kosh.experiment.SlurmScript.submitScript(array, merge, o));
            submit.toFile().setExecutable(true);
            if (tasks > maxArray) {
                System.err.printf("note: %d tasks exceed the array limit %d; using %d array tasks, each with a larger chunk%n",
                        tasks, maxArray, maxArray);
            }
            System.out.println("wrote " + array + ", " + merge + ", " + submit + "; submit with: bash " + submit);
            return 0;
        }
    }

    /**
     * The spec with the parameter ensemble a command uses ({@link kz.kosh.experiment.ParameterEnsemble#choose}):
     * the --parameter-ensemble file, else the baseline's posterior when it exists and --no-posterior is not given.
     */
    static ExperimentSpec withPosterior(ExperimentSpec spec, EnsembleOptions options) {
        Path given = options.ensemble;
        Path f = options.choose();
        if (f == null) {
            return spec;
        }
        try {
            // the file's form, paths and ranges against the reference in one pass, then against every scenario
            return spec.withEnsemble(kz.kosh.experiment.ParameterEnsemble.load(f.toAbsolutePath().normalize(),
                    spec.scenarios().get(spec.referenceIndex()).file()));
        } catch (kz.kosh.experiment.ParameterEnsemble.InvalidEnsembleException e) {
            if (given != null) {
                throw e;
            }
            List<String> p = new java.util.ArrayList<>(e.problems());
            p.add("(the default posterior " + f + "; pass --no-posterior to run without it, or --parameter-ensemble FILE)");
            throw new kz.kosh.experiment.ParameterEnsemble.InvalidEnsembleException(p);
        }
    }

    private static String readDocument(Path doc) {
        try {
            return java.nio.file.Files.readString(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + doc, e);
        }
    }

    @Command(name = "compare", description = "Compare scenarios over replications; the first file is the reference.")
    static final class Compare extends Common implements Callable<Integer> {
        /** Marks the start of a hand-written part of a --doc document (e.g. a before/after table), kept when it is regenerated. */
        static final String COMPARE_HAND_WRITTEN = "<!-- hand-written below: kept by kosh compare --doc -->";

        @Parameters(arity = "1..*", description = "scenario YAML files (the first is the reference)")
        List<Path> files;
        @Option(names = "--reps", required = true, description = "replications per scenario")
        int reps;
        @Option(names = "--scale", description = "agents per person (default 0.1)")
        double scale = 0.1;
        @Option(names = "--seed", description = "base seed; replication r uses base + r (default 1)")
        long seed = 1;
        @Option(names = "--name", description = "experiment name (default compare-<reference>-vs-<scenario>, "
                + "one per set of scenarios)")
        String name;
        @Option(names = "--doc", paramLabel = "FILE", description = "also write the scenario library document: each "
                + "scenario's question (its file's opening comment) and its answers with 95%% CIs (Markdown, e.g. "
                + "docs/scenario-examples.md)")
        Path doc;
        @Option(names = "--changes", description = "with --doc: add a table of how each answer changed against the "
                + "document being replaced (every difference significant in either version, and graduate emigration "
                + "and returns), read from both documents as they show them")
        boolean changes;

        @Override
        public Integer call() {
            if (changes && doc == null) {
                System.err.println("error: --changes needs --doc FILE (the document whose answers it compares)");
                return 2;
            }
            if (files.size() < 2) {
                System.err.println("error: compare needs at least two scenario files, the reference first and then the "
                        + "scenarios to compare with it (got only " + files.get(0) + "), e.g. kosh compare "
                        + "scenarios/baseline.yaml scenarios/bolashak-doubled.yaml --reps 6");
                return 2;
            }
            if (reps < 1) {
                System.err.println("error: --reps must be at least 1");
                return 2;
            }
            if (!(scale >= kz.kosh.scenario.RunSettings.MIN_SCALE && scale <= 1)) {
                System.err.println("error: --scale must be in (0, 1], got " + scale);
                return 2;
            }
            if (doc != null) {
                kz.kosh.output.OutputPaths.checkDocument(doc);
                if (!doc.getFileName().toString().endsWith(".md")) {
                    throw kz.kosh.output.OutputPaths.refusal(doc.toAbsolutePath(), "is not a .md file; --doc names the Markdown document");
                }
            }
            ExperimentSpec spec = withEnsemble(ExperimentSpec.compare(name, files, reps, seed, scale));
            int rc = run(spec);
            if (doc != null) {
                java.util.Map<String, Path> byName = new java.util.LinkedHashMap<>();
                for (var sc : spec.scenarios()) {
                    byName.put(sc.name(), sc.file());
                }
                Path base = doc.toAbsolutePath().getParent();
                StringBuilder cmd = new StringBuilder("./kosh compare");
                for (Path f : files) {
                    cmd.append(' ').append(Path.of("").toAbsolutePath().relativize(f.toAbsolutePath()).toString().replace('\\', '/'));
                }
                cmd.append(" --reps ").append(reps).append(" --scale ").append(kz.kosh.experiment.report.Formats.plain(scale))
                        .append(" --doc ").append(Path.of("").toAbsolutePath().relativize(doc.toAbsolutePath()).toString().replace('\\', '/'));
                if (changes) {
                    cmd.append(" --changes");
                }
                java.nio.file.Path ens = spec.ensemble() == null ? null : spec.ensemble().file();
                String settings = reps + " paired replications per scenario (seeds " + seed + "-" + (seed + reps - 1)
                        + ", common random numbers) at scale " + kz.kosh.experiment.report.Formats.plain(scale)
                        + (ens == null ? ", the scenarios' own parameter values" : ", replication r with parameter set r mod "
                        + spec.ensemble().size() + " of " + ens.getFileName())
                        + String.format(java.util.Locale.ROOT, "; model commit %s; the comparison took %.0f s on %d threads.",
                        kz.kosh.output.BuildInfo.gitCommit(kz.kosh.output.BuildInfo.ownFiles(doc)), result.wallSeconds(), threads());
                String md = kz.kosh.experiment.report.ScenarioLibraryDoc.markdown(result.directory(), byName, cmd.toString(), settings);
                if (changes) {
                    String before = java.nio.file.Files.isRegularFile(doc) ? readDocument(doc) : "";
                    md += before.isEmpty() ? "\n## How the library's answers changed\n\nNo earlier document at " + doc
                            + ": nothing to compare.\n"
                            : kz.kosh.experiment.report.LibraryChanges.section(before, md, Compare.COMPARE_HAND_WRITTEN);
                }
                kz.kosh.output.OutputPaths.write(kz.kosh.output.OutputPaths.checkDocument(doc),
                        md + kz.kosh.output.OutputPaths.handWrittenTail(doc, Compare.COMPARE_HAND_WRITTEN));
                System.out.println("Scenario library document: " + doc);
            }
            return rc;
        }
    }
}
