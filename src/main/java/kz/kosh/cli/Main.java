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
        subcommands = {Main.Run.class, Main.Validate.class, Main.Describe.class, Bench.class, Main.Params.class, Main.IndicatorsCommand.class,
                Main.CalibrateStudy.class, ExperimentCommands.Experiment.class, ExperimentCommands.Compare.class, MapCommand.class,
                GuiCommand.class, HindcastCommand.class, SearchCommand.class, kz.kosh.calibration.CalibrateCommand.class,
                kz.kosh.calibration.SensitivityCommand.class, ValidationCommand.class,
                kz.kosh.calibration.history.HistoryMatchCommand.class, RegionsCommand.class, DoseResponseCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        helpEverywhere(cl);
        // a bad option or parameter: one line and exit 2, never the whole usage text
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            String m = String.valueOf(ex.getMessage()).replaceAll("\\s*\\R\\s*", " ");
            cmd.getErr().println("error: " + (m.length() > 300 ? m.substring(0, 300) + "…" : m)
                    + " (see '" + (cmd.getCommandSpec().qualifiedName().startsWith("kosh") ? "" : "kosh ")
                    + cmd.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        // help first; then every option is checked before the command does any work
        cl.setExecutionStrategy(parsed -> {
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            CommandLine.ParseResult leaf = parsed;
            while (leaf.hasSubcommand()) {
                leaf = leaf.subcommand();
            }
            try {
                Checks.validate(leaf, cl.getErr());
            } catch (Checks.BadOption e) {
                throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(), e.getMessage());
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (System.getenv("KOSH_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().println(Checks.message(ex));
            return Checks.exitCode(ex);
        });
        return cl.execute(args);
    }

    /** --help and --version on every subcommand, so that "kosh run --help" works without a file. */
    private static void helpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            helpEverywhere(sub);
        }
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

    @Command(name = "run", description = "Run a scenario headless and write results/<scenario>-<seed>[-s<scale>]/.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "scenario YAML file")
        Path file;
        @Option(names = "--seed", description = "random seed (>= 1); default: the scenario's")
        Long seed;
        @Option(names = "--scale", description = "agents per person in (0, 1]; default: the scenario's")
        Double scale;
        @Option(names = "--out", description = "output directory; default results/<scenario>-<seed>, "
                + "with -s<scale> appended when the scale is not 1 (e.g. results/baseline-1-s0.25)")
        Path out;
        @Option(names = "--overwrite", description = "replace an existing output directory")
        boolean overwrite;
        @Option(names = "--threads", description = "worker threads; default all cores (results do not depend on it)")
        Integer threads;
        @Option(names = "--flows", defaultValue = "full", description = "flows.csv: full (by home region) or "
                + "aggregated (summed over home regions, far fewer rows); default ${DEFAULT-VALUE}")
        String flows;
        @Option(names = "--gzip", description = "write flows.csv.gz, stocks.csv.gz and indicators.csv.gz")
        boolean gzip;

        @Override
        public Integer call() {
            if (!flows.equals("full") && !flows.equals("aggregated")) {
                System.err.println("error: --flows must be full or aggregated, got " + flows);
                return 2;
            }
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
            Path dir = out != null ? out : defaultOut(loaded.scenario().name(), s, sc);
            int t = kz.kosh.experiment.Threads.orCores(threads);
            HeadlessRun.Result r = HeadlessRun.run(loaded, dir, overwrite, t,
                    new kz.kosh.output.OutputOptions(flows.equals("aggregated"), gzip));
            Summary.print(System.out, loaded.scenario(), r);
            return 0;
        }
    }

    /** results/&lt;scenario&gt;-&lt;seed&gt;, with -s&lt;scale&gt; appended when the scale is not 1. */
    static Path defaultOut(String scenario, long seed, double scale) {
        String name = scenario + "-" + seed;
        if (scale != 1.0) {
            name += "-s" + kz.kosh.output.Fmt.number(scale);
        }
        return Path.of("results", name);
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

    @Command(name = "indicators", description = "Print the indicator tables of docs/outputs.md (name, unit, places, "
            + "aggregation over years, definition) from the indicator registry.")
    static final class IndicatorsCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            System.out.print(kz.kosh.indicator.IndicatorDoc.markdown());
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
