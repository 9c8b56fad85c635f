package kz.kosh.cli;

import kz.kosh.experiment.regions.RegionsReport;
import kz.kosh.experiment.regions.RegionsRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kosh regions}: which regions lose most graduates, and to where. */
@Command(name = "regions", description = "Which regions lose most graduates, and to where: for every region and city, "
        + "the share of its own graduates living there (the headline, lowest first), where the others live (other "
        + "megacities, other regions, abroad, place by place) and its net gain in persons, means over replications "
        + "with 95%% CIs; regions.csv, regions.png, regions.md.")
final class RegionsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "scenario YAML file (default scenarios/baseline.yaml)")
    Path file = Path.of("scenarios", "baseline.yaml");
    @Option(names = "--reps", description = "replications (default 8)")
    int reps = 8;
    @Option(names = "--scale", description = "agents per person in (0, 1] (default 0.05)")
    double scale = 0.05;
    @Option(names = "--year", description = "the year whose graduates are counted (default the scenario's last year)")
    Integer year;
    @Option(names = "--seed", description = "base seed; replication r uses base + r (default 1)")
    long seed = 1;
    @Option(names = "--threads", description = "parallel replications (default all cores; results do not depend on it)")
    Integer threads;
    @Option(names = "--out", description = "output folder (default results/regions-<scenario>-<year>-s<scale>)")
    Path out;
    @Option(names = "--overwrite", description = "replace the answer of an earlier kosh regions in that folder")
    boolean overwrite;
    @picocli.CommandLine.Mixin
    EnsembleOptions ensembleOptions = new EnsembleOptions();

    @Override
    public Integer call() {
        Path ens;
        try {
            ens = ensembleOptions.choose();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        int t = kz.kosh.experiment.Threads.orCores(threads);
        String command = "kosh regions " + file + " --reps " + reps + " --scale " + scale
                + (year == null ? "" : " --year " + year) + " --seed " + seed + " " + EnsembleOptions.asOption(ens);
        RegionsRun.Result r;
        try {
            r = RegionsRun.run(new RegionsRun.Settings(file, reps, seed, scale, year, t, out, overwrite, ens, true, command));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        for (String line : RegionsReport.answer(r, reps)) {
            System.out.println(line.replace('\u2212', '-'));
        }
        System.out.printf("Outputs (%.1f s): %s%n", r.wallSeconds(), r.directory());
        return 0;
    }
}
