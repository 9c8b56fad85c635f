package kz.kosh.cli;

import kz.kosh.experiment.dose.DoseResponse;
import kz.kosh.experiment.dose.DoseResponseSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code kosh dose-response}: the response of indicators to graded doses of money levers and obligations. */
@Command(name = "dose-response", description = "Run the levers of a dose-response file (default "
        + "experiments/obligation-response.yaml: every money lever and obligation of the scenario library) at each of "
        + "their doses, paired with the reference (common random numbers), over the baseline's posterior by default: "
        + "dose-response.csv (with units), a PNG per lever, dose-response.md and a manifest; --doc also writes the "
        + "document (e.g. docs/obligation-response.md).")
final class DoseResponseCommand implements Callable<Integer> {
    static final Path DEFAULT_FILE = Path.of("experiments", "obligation-response.yaml");
    @Parameters(index = "0", arity = "0..1", description = "dose-response YAML file (default ${DEFAULT-VALUE})")
    Path file = DEFAULT_FILE;
    @Option(names = "--reps", description = "replications per dose (default: the file's)")
    Integer reps;
    @Option(names = "--scale", description = "agents per person in (0, 1] (default: the file's)")
    Double scale;
    @Option(names = "--seed", description = "base seed; replication r uses base + r (default: the file's)")
    Long seed;
    @Option(names = "--threads", description = "parallel replications (default all cores; results do not depend on it)")
    Integer threads;
    @Option(names = "--out", description = "output folder (default results/<name>-s<scale>)")
    Path out;
    @Option(names = "--overwrite", description = "replace the experiment of an earlier run in that folder instead of resuming it")
    boolean overwrite;
    @Option(names = "--doc", paramLabel = "FILE", description = "also write the document here, the charts and the CSV in a "
            + "folder named after it (e.g. docs/obligation-response.md with docs/obligation-response/)")
    Path doc;
    @picocli.CommandLine.Mixin
    EnsembleOptions ensembleOptions = new EnsembleOptions();

    @Override
    public Integer call() {
        if (doc != null) {
            kz.kosh.output.OutputPaths.checkMarkdown(doc);
        }
        DoseResponseSpec spec = DoseResponseSpec.load(file);
        spec = new DoseResponseSpec(spec.file(), spec.name(), spec.reference(), reps != null ? reps : spec.replications(),
                seed != null ? seed : spec.baseSeed(), scale != null ? scale : spec.scale(), spec.levers());
        Path ens = ensembleOptions.choose();
        int t = kz.kosh.experiment.Threads.orCores(threads);
        String command = String.format(Locale.ROOT, "./kosh dose-response %s --reps %d --scale %s --seed %d %s%s",
                ValidationCommand.relative(file), spec.replications(), kz.kosh.output.Fmt.number(spec.scale()),
                spec.baseSeed(), EnsembleOptions.asOption(ens == null ? null : Path.of(ValidationCommand.relative(ens))),
                doc == null ? "" : " --doc " + ValidationCommand.relative(doc));
        System.err.printf("kosh: dose-response %s: %d levers, %d doses and the reference x %d replications, scale %s, "
                        + "%d threads%n", spec.name(), spec.levers().size(), spec.doseCount(), spec.replications(),
                kz.kosh.output.Fmt.number(spec.scale()), t);
        DoseResponse.Result r = DoseResponse.run(new DoseResponse.Settings(spec, out, t, overwrite, ens, true, command,
                doc));
        System.out.printf(Locale.ROOT, "Dose-response %s: %d levers, %d doses, %.1f s. Outputs: %s%n", spec.name(),
                spec.levers().size(), spec.doseCount(), r.wallSeconds(), r.directory());
        System.out.println("  " + DoseResponse.CSV + ", dose-response-<lever>.png, " + DoseResponse.MD + ", manifest.json"
                + (doc != null ? "; document: " + doc : ""));
        return 0;
    }
}
