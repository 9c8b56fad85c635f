package kz.kosh.cli;

import kz.kosh.experiment.hindcast.Hindcast;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kosh hindcast}: the model's means over replications against observed yearly series. */
@Command(name = "hindcast", description = "Run a scenario over replications and compare the model's means (95%% CI) "
        + "with observed yearly series (students abroad, students, entrants, graduates, school leavers, graduate "
        + "emigration): tables, MAPE, charts and a Markdown document.")
final class HindcastCommand implements Callable<Integer> {
    /** The project's calibration targets, relative to the working directory (the project root). */
    static final Path DEFAULT_TARGETS = Path.of("calibration", "targets.yaml");
    @Parameters(index = "0", arity = "0..1", description = "scenario YAML file (default scenarios/baseline.yaml)")
    Path file = Path.of("scenarios", "baseline.yaml");
    @Option(names = "--reps", description = "replications (default 4)")
    int reps = 4;
    @Option(names = "--scale", description = "agents per person in (0, 1] (default 0.25)")
    double scale = 0.25;
    @Option(names = "--seed", description = "base seed; replication r uses base + r (default 1)")
    long seed = 1;
    @Option(names = "--threads", description = "parallel replications (default all cores; results do not depend on it)")
    Integer threads;
    @Option(names = "--out", description = "output directory (default results/hindcast-<scenario>)")
    Path out;
    @Option(names = "--doc", description = "also write the document here, charts in a folder named after it "
            + "(e.g. docs/hindcast.md with docs/hindcast/*.png)")
    Path doc;
    @Option(names = "--start-year", description = "first recorded year (default the scenario's)")
    Integer startYear;
    @Option(names = "--end-year", description = "last recorded year (default the scenario's, capped at the last observed year)")
    Integer endYear;
    @Option(names = "--spin-up-years", description = "spin-up years (default the scenario's)")
    Integer spinUpYears;
    @Option(names = "--keep-runs", description = "keep each replication's indicators in runs/")
    boolean keepRuns;
    @Option(names = "--overwrite", description = "replace an existing output directory")
    boolean overwrite;
    @picocli.CommandLine.Mixin
    EnsembleOptions ensembleOptions = new EnsembleOptions();
    @Option(names = "--targets", paramLabel = "FILE", description = "calibration targets whose {series: ID} targets "
            + "the document marks as fitted (in-sample) (default calibration/targets.yaml when it exists)")
    Path targets;

    @Override
    public Integer call() {
        int t = kz.kosh.experiment.Threads.orCores(threads);
        java.nio.file.Path ens;
        try {
            ens = ensembleOptions.choose();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        Path targetsFile = targets != null ? targets
                : java.nio.file.Files.isRegularFile(DEFAULT_TARGETS) ? DEFAULT_TARGETS : null;
        // a bad targets file or scenario is a ScenarioException: one line per problem, exit code 2 (Checks)
        java.util.Map<String, String> fitted = targetsFile == null ? java.util.Map.of()
                : kz.kosh.calibration.Targets.fittedSeries(targetsFile, kz.kosh.scenario.ScenarioLoader.load(file).scenario());
        Hindcast.Settings s = new Hindcast.Settings(file, reps, seed, scale, startYear, endYear, spinUpYears, t, out, doc,
                overwrite, keepRuns, true, ens, targetsFile, fitted);
        Hindcast.Result r;
        try {
            r = Hindcast.run(s);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        System.out.printf("Hindcast of %s, %d replications at scale %s, years %d-%d: %.1f s. Outputs: %s%n",
                file, reps, scale, r.firstYear(), r.lastYear(), r.wallSeconds(), r.directory());
        System.out.printf("  %-48s %4s %8s%n", "series", "n", "MAPE");
        for (Hindcast.SeriesResult sr : r.series()) {
            System.out.printf("  %-48s %4d %8s%n", sr.series().id(), sr.n(),
                    Double.isNaN(sr.mape()) ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", sr.mape()));
        }
        if (r.doc() != null) {
            System.out.println("  document: " + r.doc());
        }
        return 0;
    }
}
