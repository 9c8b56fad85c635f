package kz.kosh.cli;

import kz.kosh.calibration.ValidationDoc;
import kz.kosh.calibration.ValidationRun;
import kz.kosh.output.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code kosh validation [FILE]}: pattern-oriented validation of a scenario against the patterns
 * it was not fitted to (the {@code use: validation} targets and calibration/patterns.yaml).
 */
@Command(name = "validation", description = "Pattern-oriented validation: evaluate the validation targets of "
        + "calibration/targets.yaml and the patterns of calibration/patterns.yaml (responses to policies, shocks, "
        + "networks and wages; regional differences) over Monte Carlo replications with common random numbers; per "
        + "pattern the observed value or expectation, the model mean with its 95%% CI, whether it holds and the margin. "
        + "By default over the baseline's posterior draws (replication r runs set r mod K), the CI split into parameter "
        + "and seed parts.")
final class ValidationCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "scenario YAML file (default scenarios/baseline.yaml)")
    Path file = Path.of("scenarios", "baseline.yaml");
    @Option(names = "--patterns", description = "patterns file (default calibration/patterns.yaml)")
    Path patterns = Path.of("calibration", "patterns.yaml");
    @Option(names = {"--replications", "--reps"}, description = "replications per variant (default 4)")
    int replications = 4;
    @Option(names = "--scale", description = "agents per person in (0, 1] (default 0.25)")
    double scale = 0.25;
    @Option(names = "--seed", description = "base seed; replication r uses base + r in every variant (default 1)")
    long seed = 1;
    @Option(names = "--threads", description = "parallel replications (default all cores; results do not depend on it)")
    Integer threads;
    @Option(names = "--out", description = "output directory for validation.csv and validation.md "
            + "(default results/validation-<scenario>)")
    Path out;
    @Option(names = "--doc", description = "also write the document here (e.g. docs/validation.md)")
    Path doc;
    @picocli.CommandLine.Mixin
    EnsembleOptions ensembleOptions = new EnsembleOptions();
    @Option(names = "--parameter-sets", paramLabel = "N", description = "use only the first N parameter sets of the "
            + "ensemble (replication r runs set r mod N), so that with --replications >= 2N each set has several seeds "
            + "and the CI splits into parameter and seed parts (default: all sets)")
    Integer parameterSets;

    @Override
    public Integer call() {
        if (replications < 1 || replications > 1_000_000) {
            System.err.println("error: --replications must be in [1, 1000000], got " + replications);
            return 2;
        }
        if (doc != null) {
            kz.kosh.output.OutputPaths.checkDocument(doc);
            if (!doc.getFileName().toString().endsWith(".md")) {
                throw kz.kosh.output.OutputPaths.refusal(doc.toAbsolutePath(), "is not a .md file; --doc names the Markdown document");
            }
        }
        if (out != null) {
            String why = kz.kosh.output.OutputPaths.notOurs(out);
            if (why != null) {
                throw kz.kosh.output.OutputPaths.refusal(out.toAbsolutePath().normalize(), why
                        + "; Kosh writes only into a new or empty folder or one it created; choose another --out DIR");
            }
        }
        Path ens = ensembleOptions.choose();
        if (ens == null && parameterSets != null) {
            System.err.println("error: --parameter-sets needs a parameter ensemble (the default posterior or "
                    + "--parameter-ensemble FILE), not --no-posterior");
            return 2;
        }
        int t = kz.kosh.experiment.Threads.orCores(threads);
        ValidationRun.Report r = ValidationRun.run(new ValidationRun.Settings(file, patterns, replications, scale, seed, t,
                ens, parameterSets == null ? 0 : parameterSets));
        Path dir = out != null ? out : Path.of("results", "validation-" + r.scenarioName());
        List<String> cmd = new ArrayList<>(List.of("./kosh", "validation"));
        if (!patterns.equals(Path.of("calibration", "patterns.yaml"))) {
            cmd.add("--patterns " + relative(patterns));
        }
        cmd.add(String.format(Locale.ROOT, "--replications %d --scale %s --seed %d", replications,
                kz.kosh.output.Fmt.number(scale), seed));
        cmd.add(EnsembleOptions.asOption(ens == null ? null : Path.of(relative(ens))));
        if (parameterSets != null) {
            cmd.add("--parameter-sets " + parameterSets);
        }
        if (doc != null) {
            cmd.add("--doc " + relative(doc));
        }
        cmd.add(relative(file));
        String command = String.join(" ", cmd);
        List<String> ignored = new ArrayList<>();
        if (doc != null) {
            ignored.add(relative(doc));
        }
        String md = ValidationDoc.markdown(r, command, BuildInfo.gitCommit(ignored));
        try {
            dir = kz.kosh.output.OutputPaths.claimDir(dir, "validation");
            ValidationDoc.writeCsv(dir.resolve("validation.csv"), r);
            kz.kosh.output.OutputPaths.write(dir.resolve("validation.md"), md);
            if (doc != null) {
                kz.kosh.output.OutputPaths.write(kz.kosh.output.OutputPaths.checkDocument(doc), md + handWritten(doc));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the validation outputs in " + dir, e);
        }
        System.out.printf(Locale.ROOT, "Validation of %s: %d replications per variant at scale %s, %d variants, %.1f s. "
                        + "%d of %d checks hold.%n", file, replications, kz.kosh.output.Fmt.number(scale),
                r.variants().size(), r.wallSeconds(), r.holding(), r.results().size());
        System.out.print(ValidationDoc.console(r));
        System.out.println("  outputs: " + dir + (doc != null ? "; document: " + doc : ""));
        return 0;
    }

    /** Marks the start of a hand-written part of the document, kept when it is regenerated. */
    static final String HAND_WRITTEN = "<!-- hand-written below: kept by kosh validation --doc -->";

    /** The hand-written tail of an existing document (from the marker on), or "". */
    static String handWritten(Path doc) throws IOException {
        return kz.kosh.output.OutputPaths.handWrittenTail(doc, HAND_WRITTEN);
    }

    static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path a = p.toAbsolutePath().normalize();
        return (a.startsWith(cwd) ? cwd.relativize(a) : a).toString().replace('\\', '/');
    }
}
