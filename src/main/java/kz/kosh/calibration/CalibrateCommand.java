package kz.kosh.calibration;

import kz.kosh.output.BuildInfo;
import kz.kosh.output.OutputPaths;
import kz.kosh.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kosh calibrate FILE}: fits the free parameters of a scenario to the calibration targets. */
@Command(name = "calibrate", description = "Fit free parameters to observed targets with CMA-ES (calibration/calibrate.yaml); "
        + "writes the fitted scenario, calibration.csv and the report. Re-running resumes from the evaluation cache.")
public final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "calibration YAML file")
    Path file;
    @Option(names = "--out", description = "output directory for the cache and CSVs (default results/calibration-<name>)")
    Path out;
    @Option(names = "--threads", description = "parallel replications (default all cores)")
    Integer threads;
    @Option(names = "--budget", description = "optimizer evaluations (default: the file's)")
    Integer budget;
    @Option(names = "--fresh", description = "ignore and replace the evaluation cache (after a change of the model code)")
    boolean fresh;
    @Option(names = "--no-doc", description = "do not write the document and the fitted scenario named in the file")
    boolean noDoc;
    @Option(names = "--ensemble-only", description = "only (re)build the parameter ensemble from the evaluation cache, "
            + "without running the optimizer (runs only missing re-evaluation replications)")
    boolean ensembleOnly;
    @Option(names = "--ensemble-tolerance", paramLabel = "DELTA", description = "keep parameter sets with distance <= "
            + "best x (1 + DELTA) (default 0.1)")
    double ensembleTolerance = DEFAULT_TOLERANCE;
    @Option(names = "--ensemble-max-sets", paramLabel = "K", description = "at most K parameter sets (default 20)")
    int ensembleMaxSets = DEFAULT_MAX_SETS;

    /** Defaults of the ensemble: δ and the largest number of sets. */
    public static final double DEFAULT_TOLERANCE = 0.1;
    public static final int DEFAULT_MAX_SETS = 20;

    @Override
    public Integer call() throws IOException {
        CalibrationSpec spec = CalibrationSpec.load(file);
        if (budget != null) {
            spec = spec.withBudget(budget);
        }
        if (!(ensembleTolerance >= 0 && ensembleTolerance <= 10) || ensembleMaxSets < 1 || ensembleMaxSets > 10_000) {
            System.err.println("error: --ensemble-tolerance must be in [0, 10] and --ensemble-max-sets in [1, 10000]");
            return 2;
        }
        if (ensembleOnly && fresh) {
            System.err.println("error: --ensemble-only builds the ensemble from the cache; --fresh would discard it");
            return 2;
        }
        spec.loadTargets(); // every problem of the targets file before anything is created
        if (!noDoc) {
            checkOutputs(spec);
        }
        Path dir = OutputPaths.claimDir(out != null ? out : Path.of("results", "calibration-" + spec.name()), "calibrate");
        Path cacheFile = dir.resolve("cache.jsonl");
        if (fresh) {
            Files.deleteIfExists(cacheFile);
        }
        int t = kz.kosh.cli.Checks.threadsOrCores(threads);
        List<String> cmd = new ArrayList<>(List.of("./kosh", "calibrate", relative(file)));
        if (budget != null) {
            cmd.add("--budget " + budget);
        }
        String command = String.join(" ", cmd);
        if (ensembleOnly) {
            if (!Files.exists(cacheFile)) {
                System.err.println("error: no evaluation cache " + cacheFile + "; run kosh calibrate first (or give its --out)");
                return 4;
            }
            List<Target> targets = spec.loadTargets();
            try (Evaluator ev = new Evaluator(spec, targets, new EvaluationCache(cacheFile), t)) {
                EnsembleBuilder.Result r = EnsembleBuilder.build(spec, ev, ensembleTolerance, ensembleMaxSets,
                        dir.resolve(ENSEMBLE_FILE), System.err);
                if (!noDoc) {
                    OutputPaths.copy(r.file(), ensembleCopy(spec));
                    System.err.println("calibrate: copied to " + ensembleCopy(spec));
                }
            }
            return 0;
        }
        run(spec, dir, new EvaluationCache(cacheFile), t, System.err, command, !noDoc, ensembleTolerance, ensembleMaxSets);
        return 0;
    }

    /**
     * Checks, before any work, where the document and the fitted scenario of the file's
     * {@code output:} go ({@link OutputPaths#checkDocument}: a new file or one Kosh generated, no
     * link), that the fitted scenario is not the input scenario, the targets or the calibration
     * file itself, and that the ensemble copy beside it is new or an ensemble Kosh wrote.
     */
    static void checkOutputs(CalibrationSpec spec) {
        Path scenarioOut = OutputPaths.checkDocument(spec.outputScenario());
        for (Path input : new Path[]{spec.scenario(), spec.targets(), spec.file()}) {
            if (input != null && scenarioOut.equals(input.toAbsolutePath().normalize())) {
                throw OutputPaths.refusal(scenarioOut, "is an input of the calibration; output.scenario must name a new file");
            }
        }
        if (!scenarioOut.getFileName().toString().matches(".*\\.ya?ml")) {
            throw OutputPaths.refusal(scenarioOut, "is not a .yaml file; output.scenario names the fitted scenario file");
        }
        if (spec.outputDoc() != null) {
            Path doc = OutputPaths.checkMarkdown(spec.outputDoc());
            if (doc.equals(scenarioOut)) {
                throw OutputPaths.refusal(doc, "is both output.doc and output.scenario");
            }
        }
        Path copy = ensembleCopy(spec).toAbsolutePath().normalize();
        if (Files.isSymbolicLink(copy) || Files.exists(copy) && !EnsembleBuilder.isEnsembleFile(copy)) {
            throw OutputPaths.refusal(copy, "exists and is not a parameter ensemble Kosh wrote; refusing to replace it");
        }
    }

    /** The ensemble in the calibration's output directory. */
    public static final String ENSEMBLE_FILE = "ensemble.csv";

    /** Where the ensemble is copied beside the fitted scenario: {@code <name>-ensemble.csv}. */
    public static Path ensembleCopy(CalibrationSpec spec) {
        return spec.outputScenario().toAbsolutePath().resolveSibling(spec.name() + "-ensemble.csv");
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path a = p.toAbsolutePath().normalize();
        return (a.startsWith(cwd) ? cwd.relativize(a) : a).toString().replace('\\', '/');
    }

    /** Fits, re-evaluates the start and the fit with the report's replications and writes every output. */
    public static CalibrationReport.Report run(CalibrationSpec spec, Path dir, EvaluationCache cache, int threads,
                                               PrintStream progress, String command, boolean writeDoc) {
        return run(spec, dir, cache, threads, progress, command, writeDoc, DEFAULT_TOLERANCE, DEFAULT_MAX_SETS);
    }

    /**
     * As {@link #run(CalibrationSpec, Path, EvaluationCache, int, PrintStream, String, boolean)}, then builds
     * the parameter ensemble ({@link EnsembleBuilder}: distance <= best x (1 + delta), at most maxSets) into
     * {@code dir/ensemble.csv} and, with the document, beside the fitted scenario.
     */
    public static CalibrationReport.Report run(CalibrationSpec spec, Path dir, EvaluationCache cache, int threads,
                                               PrintStream progress, String command, boolean writeDoc, double delta,
                                               int maxSets) {
        List<Target> targets = spec.loadTargets();
        try (Evaluator ev = new Evaluator(spec, targets, cache, threads)) {
            Sessions.Session session = Sessions.start(dir);
            Calibration.Result fit = Calibration.fit(spec, ev, progress,
                    (wall, evals) -> session.update(wall, ev.replicationsRun(), ev.cache().hits(), evals));
            double[] fitted = Calibration.rounded(fit.best().values());
            Evaluator.Evaluation start = ev.evaluateValues(fit.start().unit(), fit.start().values(), spec.reportReplications());
            Evaluator.Evaluation best = ev.evaluateValues(fit.best().unit(), fitted, spec.reportReplications());
            Evaluator.Evaluation check = null;
            if (spec.checkReplications() > 0) {
                if (progress != null) {
                    progress.printf(java.util.Locale.ROOT, "calibrate: scale check, the fit at scale %s with %d replications%n",
                            spec.checkScale(), spec.checkReplications());
                }
                CalibrationSpec at = spec.withScale(spec.checkScale());
                try (Evaluator ce = new Evaluator(at, targets, cache, threads)) {
                    check = ce.evaluateValues(fit.best().unit(), fitted, spec.checkReplications());
                }
            }
            List<String> ignored = new ArrayList<>();
            if (writeDoc) {
                ignored.add(relative(spec.outputScenario()));
                if (spec.outputDoc() != null) {
                    ignored.add(relative(spec.outputDoc()));
                    ignored.add(relative(spec.outputDoc()).replaceFirst("\\.md$", ""));
                }
            }
            String commit = BuildInfo.gitCommit(ignored);
            session.update(fit.wallSeconds(), fit.replicationsRun(), fit.cacheHits(), fit.evaluations().size());
            CalibrationReport.Report report = new CalibrationReport.Report(spec, targets, fit, start, best, fitted, command,
                    commit, Sessions.totals(dir), check);
            CalibrationReport.writeCsv(dir, report);
            CalibrationReport.chart(dir.resolve("observed-vs-fitted.png"), report);
            EnsembleBuilder.Result ensemble = null;
            try {
                ensemble = EnsembleBuilder.build(spec, ev, delta, maxSets, dir.resolve(ENSEMBLE_FILE), progress);
            } catch (IllegalStateException noEnsemble) { // the fit's outputs are still written
                if (progress != null) {
                    progress.println("calibrate: no parameter ensemble: " + noEnsemble.getMessage());
                }
            }
            OutputPaths.write(dir.resolve("calibration.md"), CalibrationReport.markdown(report, "observed-vs-fitted.png",
                    ensemble == null ? null : EnsembleBuilder.markdown(ensemble, spec, ENSEMBLE_FILE)));
            Path scenarioOut = writeDoc ? spec.outputScenario() : dir.resolve(spec.outputScenario().getFileName());
            CalibrationReport.writeScenario(scenarioOut, spec, fitted, command, start.distance(), best.distance());
            ScenarioLoader.load(scenarioOut); // the fitted scenario must load (extends the input, valid values)
            if (writeDoc && spec.outputDoc() != null) {
                Path doc = spec.outputDoc().toAbsolutePath().normalize();
                String base = doc.getFileName().toString().replaceFirst("\\.md$", "");
                Path charts = OutputPaths.claimChartDir(doc, "calibrate");
                CalibrationReport.chart(charts.resolve("observed-vs-fitted.png"), report);
                for (String csv : List.of("calibration.csv", "evaluations.csv")) {
                    OutputPaths.copy(dir.resolve(csv), OutputPaths.entry(charts, csv));
                }
                String section = null;
                if (ensemble != null) {
                    Path copy = ensembleCopy(spec);
                    OutputPaths.copy(ensemble.file(), copy);
                    section = EnsembleBuilder.markdown(ensemble, spec,
                            doc.getParent().relativize(copy).toString().replace('\\', '/'));
                }
                OutputPaths.write(doc, CalibrationReport.markdown(report, base + "/observed-vs-fitted.png", section));
            }
            if (progress != null) {
                progress.printf(java.util.Locale.ROOT, "calibrate: distance %.4f -> %.4f (%d replications); %.1f evaluations/min; "
                                + "fitted scenario %s; outputs in %s%n", start.distance(), best.distance(),
                        spec.reportReplications(), report.totals().evaluationsPerMinute(spec.replications()), scenarioOut, dir);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the calibration outputs in " + dir, e);
        }
    }
}
