package kz.kosh.cli;

import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.search.PolicySearch;
import kz.kosh.search.SearchSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kosh search FILE.yaml} and {@code kosh search export DIR N}. */
@Command(name = "search", description = "Search for the Pareto front of policy mixes (NSGA-II over the decision "
        + "variables of a search file; every candidate paired with the reference over common random numbers). "
        + "Re-running an interrupted search resumes it.", subcommands = SearchCommand.Export.class)
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "search YAML file (docs/policy-search.md)")
    Path file;
    @Option(names = "--out", description = "output directory (default results/search-<name>)")
    Path out;
    @Option(names = "--threads", description = "parallel replications (default all cores)")
    Integer threads;
    @Option(names = "--overwrite", description = "replace an existing search directory instead of refusing or resuming")
    boolean overwrite;
    @picocli.CommandLine.Mixin
    EnsembleOptions ensembleOptions = new EnsembleOptions();
    @Option(names = "--cluster", description = "do not run generations here: stop before each one and print how to run "
            + "it as a Slurm array (kosh experiment slurm-script) and merge it; re-run this command afterwards")
    boolean cluster;

    @Override
    public Integer call() {
        if (file == null) {
            System.err.println("error: give a search file, or: export DIR N");
            return 2;
        }
        SearchSpec spec = SearchSpec.load(file);
        // as compare and experiment: --parameter-ensemble, else the baseline's posterior when it exists
        Path ens = ensembleOptions.choose();
        ParameterEnsemble e = ens == null ? null : ParameterEnsemble.load(ens, spec.scenario());
        Path dir = out != null ? out : Path.of("results", "search-" + spec.name());
        int t = kz.kosh.experiment.Threads.orCores(threads);
        PolicySearch search = new PolicySearch(spec, new PolicySearch.Options(dir, t, true, e, overwrite, cluster));
        search.preflight();
        System.err.println("kosh: search " + spec.describe() + ", " + t + " threads -> " + dir);
        try {
            PolicySearch.Result r = search.run();
            System.out.printf("Search %s: %d candidates evaluated, %d generations run, %d read back, %.1f s. Outputs: %s%n",
                    spec.name(), r.evaluations(), r.generationsRun(), r.generationsResumed(), r.wallSeconds(), r.dir());
            if (r.referenceReplicationsPaired() > 0) {
                System.out.printf("  the reference ran %d replications once (generations/reference) for %d paired "
                        + "replications of the generations run%n", r.referenceReplicationsRun(), r.referenceReplicationsPaired());
            }
            System.out.println("  front.csv, front.png, search-report.md, search.json; generations/ holds the reference's "
                    + "and each generation's experiment");
            String report = Files.readString(r.dir().resolve("search-report.md"));
            int a = report.indexOf("**Answer.**");
            if (a >= 0) {
                System.out.println();
                System.out.println(report.substring(a, report.indexOf('\n', a)));
            }
            return 0;
        } catch (PolicySearch.GenerationPending g) {
            Path ex = g.experimentFile();
            System.out.println("Generation experiment ready: " + ex);
            System.out.println("Run it as a job array, merge it, then run this command again:");
            System.out.println("  kosh experiment slurm-script " + ex + " --tasks N --out " + g.resultDir()
                    + " " + EnsembleOptions.asOption(ens));
            System.out.println("  (or here: kosh experiment " + ex + " --out " + g.resultDir() + " --keep-runs"
                    + " " + EnsembleOptions.asOption(ens) + ")");
            return 3;
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Command(name = "export", description = "Write point N of a finished search's front.csv as a scenario file that "
            + "extends the reference (compare it with kosh compare).")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", description = "search output directory")
        Path dir;
        @Parameters(index = "1", description = "point number (front.csv's point column)")
        int point;
        @Option(names = "--out", description = "scenario file to write (default DIR/point-N.yaml)")
        Path out;
        @Option(names = "--overwrite", description = "replace a file kosh search export wrote before")
        boolean overwrite;

        @Override
        public Integer call() {
            Path f = out != null ? out : dir.resolve("point-" + point + ".yaml");
            try {
                Path w = kz.kosh.search.Export.write(dir, point, f, overwrite);
                System.out.println("Wrote " + w + "; compare it with the reference: kosh compare <reference> " + w
                        + " --reps 10 --scale 0.1");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                return 4;
            }
        }
    }
}
