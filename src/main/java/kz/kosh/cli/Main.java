package kz.kosh.cli;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The {@code kosh} command line: run, validate, describe, bench. */
@Command(name = "kosh", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Kosh: agent-based simulation of graduate migration in Kazakhstan.",
        subcommands = {Main.Run.class, Main.Validate.class, Main.Describe.class, Bench.class, Main.Params.class,
                Main.CalibrateStudy.class, ExperimentCommands.Experiment.class, ExperimentCommands.Compare.class, MapCommand.class,
                GuiCommand.class, HindcastCommand.class, kz.kosh.calibration.CalibrateCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ScenarioException se) {
                cmd.getErr().println(se.getMessage());
                return 2;
            }
            if (ex instanceof UncheckedIOException io) {
                cmd.getErr().println("error: " + io.getMessage() + (io.getCause() != null && io.getCause().getMessage() != null
                        && !io.getMessage().contains(io.getCause().getMessage()) ? ": " + io.getCause().getMessage() : ""));
                return 3;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"kosh " + kz.kosh.output.BuildInfo.version()};
        }
    }

    @Command(name = "run", description = "Run a scenario headless and write results/<scenario>-<seed>/.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "scenario YAML file")
        Path file;
        @Option(names = "--seed", description = "random seed (>= 1); default: the scenario's")
        Long seed;
        @Option(names = "--scale", description = "agents per person in (0, 1]; default: the scenario's")
        Double scale;
        @Option(names = "--out", description = "output directory; default results/<scenario>-<seed>")
        Path out;
        @Option(names = "--overwrite", description = "replace an existing output directory")
        boolean overwrite;
        @Option(names = "--threads", description = "worker threads; default all cores (results do not depend on it)")
        Integer threads;

        @Override
        public Integer call() {
            ScenarioLoader.Loaded loaded = ScenarioLoader.load(file);
            var run = loaded.scenario().run();
            long s = seed == null ? run.seed() : seed;
            double sc = scale == null ? run.scale() : scale;
            try {
                loaded = loaded.withRun(s, sc);
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 2;
            }
            Path dir = out != null ? out : Path.of("results", loaded.scenario().name() + "-" + s);
            int t = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
            HeadlessRun.Result r = HeadlessRun.run(loaded, dir, overwrite, t);
            Summary.print(System.out, loaded.scenario(), r);
            return 0;
        }
    }

    @Command(name = "validate", description = "Check scenario files; report every problem in one pass.")
    static final class Validate implements Callable<Integer> {
        @Parameters(description = "scenario YAML files", arity = "1..*")
        List<Path> files;

        @Override
        public Integer call() {
            int bad = 0;
            for (Path f : files) {
                try {
                    ScenarioLoader.load(f);
                    System.out.println(f + ": valid");
                } catch (ScenarioException e) {
                    System.err.println(e.getMessage());
                    bad++;
                }
            }
            return bad == 0 ? 0 : 2;
        }
    }

    @Command(name = "describe", description = "Print the fully resolved scenario (defaults filled in) as YAML.")
    static final class Describe implements Callable<Integer> {
        @Parameters(index = "0", description = "scenario YAML file")
        Path file;

        @Override
        public Integer call() {
            PrintStream o = System.out;
            o.print(ScenarioLoader.load(file).toYaml());
            return 0;
        }
    }

    @Command(name = "params", description = "Print the parameter table (docs/parameters.md) from the built-in defaults.")
    static final class Params implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(kz.kosh.scenario.ParameterTable.markdown());
            return 0;
        }
    }

    @Command(name = "calibrate-study", description = "Fit the study constants of destinations to the enrolment table; prints YAML.")
    static final class CalibrateStudy implements Callable<Integer> {
        @Parameters(index = "0", description = "scenario YAML file")
        Path file;

        @Override
        public Integer call() {
            var s = ScenarioLoader.load(file).scenario();
            Map<String, Double> c = kz.kosh.calibration.StudyCalibration.calibrate(s, 200, 1e-4);
            StringBuilder sb = new StringBuilder("study:\n  destinationConstants: {");
            String sep = "";
            for (var e : c.entrySet()) {
                sb.append(sep).append(e.getKey()).append(": ").append(e.getValue());
                sep = ", ";
            }
            System.out.println(sb.append("}"));
            return 0;
        }
    }

}
