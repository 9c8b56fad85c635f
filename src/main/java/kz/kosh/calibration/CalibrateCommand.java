package kz.kosh.calibration;

import kz.kosh.output.BuildInfo;
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

    @Override
    public Integer call() throws IOException {
        CalibrationSpec spec = CalibrationSpec.load(file);
        if (budget != null) {
            spec = spec.withBudget(budget);
        }
        Path dir = (out != null ? out : Path.of("results", "calibration-" + spec.name())).toAbsolutePath().normalize();
        Files.createDirectories(dir);
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
        run(spec, dir, new EvaluationCache(cacheFile), t, System.err, command, !noDoc);
        return 0;
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path a = p.toAbsolutePath().normalize();
        return (a.startsWith(cwd) ? cwd.relativize(a) : a).toString().replace('\\', '/');
    }

    /** Fits, re-evaluates the start and the fit with the report's replications and writes every output. */
    public static CalibrationReport.Report run(CalibrationSpec spec, Path dir, EvaluationCache cache, int threads,
                                               PrintStream progress, String command, boolean writeDoc) {
        List<Target> targets = Targets.load(spec.targets(), ScenarioLoader.load(spec.scenario()).scenario());
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
            Files.writeString(dir.resolve("calibration.md"), CalibrationReport.markdown(report, "observed-vs-fitted.png"));
            Path scenarioOut = writeDoc ? spec.outputScenario() : dir.resolve(spec.outputScenario().getFileName());
            CalibrationReport.writeScenario(scenarioOut, spec, fitted, command, start.distance(), best.distance());
            ScenarioLoader.load(scenarioOut); // the fitted scenario must load (extends the input, valid values)
            if (writeDoc && spec.outputDoc() != null) {
                Path doc = spec.outputDoc().toAbsolutePath().normalize();
                String base = doc.getFileName().toString().replaceFirst("\\.md$", "");
                Path charts = doc.resolveSibling(base);
                Files.createDirectories(charts);
                CalibrationReport.chart(charts.resolve("observed-vs-fitted.png"), report);
                for (String csv : List.of("calibration.csv", "evaluations.csv")) {
                    Files.copy(dir.resolve(csv), charts.resolve(csv), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                Files.writeString(doc, CalibrationReport.markdown(report, base + "/observed-vs-fitted.png"));
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
