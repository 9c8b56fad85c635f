package kz.kosh.calibration.history;

import kz.kosh.calibration.CalibrationSpec;
import kz.kosh.calibration.Evaluator;
import kz.kosh.calibration.Target;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The policy contrasts of a history match: the design's points (the last wave's, or points spread
 * over the posterior draws) run in the base scenario and in every contrast's policy scenario
 * (same parameter values and seeds, so each difference is paired), the mean differences emulated
 * and their Sobol' indices computed on the emulators; contrasts/contrasts.csv, contrasts/sobol.csv
 * and the report section. Part of {@link HistoryMatchRun}.
 */
final class PolicyContrasts {
    private final HistoryMatchSpec spec;
    private final Path dir;
    private final PrintStream progress;
    private final WaveRuns waveRuns;

    PolicyContrasts(HistoryMatchSpec spec, Path dir, PrintStream progress, WaveRuns waveRuns) {
        this.spec = spec;
        this.dir = dir;
        this.progress = progress;
        this.waveRuns = waveRuns;
    }

    private void say(String fmt, Object... args) {
        if (progress != null) {
            progress.printf(Locale.ROOT, "history-match: " + fmt + "%n", args);
        }
    }

    /**
     * Sobol' indices of the policy contrasts on emulators: the last wave's design points run in
     * the base scenario and in every contrast's policy scenario (same parameter values and seeds,
     * so each difference is paired), to the last year any contrast needs; per contrast the mean
     * difference over replications is emulated (GP, the within-point variance as noise) and its
     * indices computed on the emulator over the span (1st-99th percentile per parameter) of the
     * non-implausible sample. Writes contrasts/contrasts.csv (every difference), contrasts/sobol.csv
     * and returns the report section.
     */
    /**
     * The contrasts' report section: with the file's {@code sensitivity}, on that many points spread
     * over the posterior draws (distinct ones), analysed over the draws' span; else on the last
     * wave's design over the span of its non-implausible sample. Writes the document when the
     * file names one.
     */
    String contrastSection(List<double[]> lastDesign, List<double[]> nonImplausible, List<double[]> draws,
                                   Path posteriorFile) throws IOException {
        HistoryMatchSpec.Sensitivity s = spec.sensitivity();
        String md;
        if (s == null) {
            md = ContrastReport.markdown(spec, contrasts(lastDesign, nonImplausible, spec.replications()),
                    "over the last wave's design, analysed over the span of the non-implausible space (1st-99th "
                            + "percentile per parameter).");
        } else {
            List<double[]> distinct = new ArrayList<>(draws.stream().map(Arrays::toString).distinct().count() == draws.size()
                    ? draws : dedupe(draws));
            int need = GaussianProcess.minimumPoints(GaussianProcess.Mean.LINEAR, spec.dimension());
            if (distinct.size() < need) {
                // caught before the runs: the contrasts' emulators could not be fitted on fewer design points
                String why = String.format(Locale.ROOT, "the posterior holds %d distinct draws; the contrasts' emulators "
                        + "of %d free parameters need at least %d design points spread over them", distinct.size(),
                        spec.dimension(), need);
                if (posteriorFile != null) {
                    throw new ScenarioException(List.of(posteriorFile + ": --contrasts-only: " + why));
                }
                say("policy contrasts not computed: %s", why);
                return "## Sensitivity of the policy contrasts\n\nNot computed: " + why + ".\n\n";
            }
            List<double[]> design = HistoryMatching.spread(distinct, s.points());
            md = ContrastReport.markdown(spec, contrasts(design, draws, s.replications()), String.format(Locale.ROOT,
                    "at %d points spread (greedy maximin) over the %d distinct posterior draws, analysed over the draws' "
                            + "span (1st-99th percentile per parameter; the non-implausible space weighted by fit).",
                    design.size(), distinct.size()));
            if (s.doc() != null) {
                ContrastReport.writeDoc(spec, posteriorFile, posteriorFile == null ? "" : " --contrasts-only", md);
                say("document: %s", s.doc());
            }
        }
        return md;
    }

    private static List<double[]> dedupe(List<double[]> draws) {
        java.util.Map<String, double[]> m = new java.util.LinkedHashMap<>();
        for (double[] d : draws) {
            m.putIfAbsent(Arrays.toString(d), d);
        }
        return new ArrayList<>(m.values());
    }

    /**
     * {@code kosh history-match FILE --contrasts-only}: the policy contrasts of the file's
     * {@code sensitivity} design on the draws of a posterior file (by default the file's
     * {@code output.posterior}, the committed posterior), without running the waves. Writes
     * contrasts/ and contrasts/report.md in the results folder and the document; returns the section.
     */
    public String contrastsOnly(Path posterior) throws IOException {
        if (spec.sensitivity() == null || spec.contrasts().isEmpty()) {
            throw new ScenarioException(List.of(spec.file() + ": --contrasts-only needs contrasts: and sensitivity: "
                    + "(the design's points and replications)"));
        }
        Path file = posterior != null ? posterior : spec.outputPosterior();
        if (file == null || !Files.isRegularFile(file)) {
            throw new ScenarioException(List.of(spec.file() + ": --contrasts-only: no posterior file "
                    + (file == null ? "(give --posterior FILE or output.posterior)" : file + " (run the match first)")));
        }
        List<double[]> draws = ContrastReport.unitDraws(spec, file);
        if (spec.sensitivity().doc() != null) {
            kz.kosh.output.OutputPaths.checkDocument(spec.sensitivity().doc());
        }
        kz.kosh.output.OutputPaths.claimDir(dir, "history-match");
        String md = contrastSection(null, null, draws, file);
        HistoryMatchRun.writeAtomically(dir.resolve("contrasts/report.md"), md);
        return md;
    }

    private List<ContrastReport.Row> contrasts(List<double[]> design, List<double[]> nonImplausible, int reps)
            throws IOException {
        CalibrationSpec cal = spec.calibration();
        List<HistoryMatchSpec.Contrast> cs = spec.contrasts();
        int end = cs.stream().mapToInt(HistoryMatchSpec.Contrast::toYear).max().orElseThrow();
        // a free parameter that a policy scenario sets apart from the base (a lever, e.g. no-bolashak-obligation's
        // breach cost 0) keeps the policy's value: the design point's value would undo the policy
        var baseTree = ScenarioLoader.load(cal.scenario()).tree();
        List<List<CalibrationSpec.Parameter>> kept = new ArrayList<>();
        List<List<Integer>> keptIndex = new ArrayList<>();
        for (HistoryMatchSpec.Contrast c : cs) {
            var tree = ScenarioLoader.load(c.scenario()).tree();
            List<CalibrationSpec.Parameter> ps = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (int k = 0; k < cal.parameters().size(); k++) {
                String ptr = "/" + cal.parameters().get(k).path().replace('.', '/');
                if (baseTree.at(ptr).equals(tree.at(ptr))) {
                    ps.add(cal.parameters().get(k));
                    idx.add(k);
                } else {
                    say("contrast %s: %s stays at the policy's %s (the base has %s)", c.name(),
                            cal.parameters().get(k).path(), tree.at(ptr), baseTree.at(ptr));
                }
            }
            kept.add(ps);
            keptIndex.add(idx);
        }
        List<ExperimentSpec.Entry> entries = new ArrayList<>();
        for (int i = 0; i < design.size(); i++) {
            double[] values = spec.values(design.get(i));
            entries.add(new ExperimentSpec.Entry(HistoryMatchRun.pointName(i), cal.scenario(), Evaluator.overlay(cal.parameters(), values)));
            for (int c = 0; c < cs.size(); c++) {
                double[] v = keptIndex.get(c).stream().mapToDouble(k -> values[k]).toArray();
                entries.add(new ExperimentSpec.Entry(HistoryMatchRun.pointName(i) + "-" + cs.get(c).name(), cs.get(c).scenario(),
                        Evaluator.overlay(kept.get(c), v)));
            }
        }
        ExperimentSpec exp = new ExperimentSpec("history-" + spec.name() + "-contrasts", entries, 0, reps, cal.baseSeed(),
                spec.scale(), cal.startYear(), Math.max(end, cal.endYear() == null ? end : cal.endYear()), cal.spinUpYears());
        Path cd = dir.resolve("contrasts");
        // one experiment folder per design: a new posterior (or the last wave's design) never meets another's runs
        StringBuilder key = new StringBuilder(reps + "\n");
        for (double[] u : design) {
            key.append(Arrays.toString(u)).append('\n');
        }
        String tag = kz.kosh.calibration.EvaluationCache.sha256(key.toString()).substring(0, 10);
        say("policy contrasts: %d points x %d scenarios x %d replications to %d", design.size(), 1 + cs.size(), reps, end);
        Path[][] files = waveRuns.replicationFiles(exp, cd.resolve("experiment-" + tag), reps);
        int per = 1 + cs.size();
        double[][][] diff = new double[cs.size()][design.size()][reps];
        StringBuilder csv = new StringBuilder("contrast,point,replication,difference\n");
        for (int i = 0; i < design.size(); i++) {
            ScenarioLoader.Loaded base = exp.load(exp.scenarios().get(i * per));
            for (int r = 0; r < reps; r++) {
                Target.Context b = new Target.TableContext(IndicatorTable.readVerified(files[i * per][r]), base.scenario());
                for (int c = 0; c < cs.size(); c++) {
                    ScenarioLoader.Loaded pol = exp.load(exp.scenarios().get(i * per + 1 + c));
                    Target.Context p = new Target.TableContext(IndicatorTable.readVerified(files[i * per + 1 + c][r]),
                            pol.scenario());
                    diff[c][i][r] = cs.get(c).quantity().value(p) - cs.get(c).quantity().value(b);
                    csv.append(cs.get(c).name()).append(',').append(HistoryMatchRun.pointName(i)).append(',').append(r).append(',')
                            .append(diff[c][i][r]).append('\n');
                }
            }
        }
        HistoryMatchRun.writeAtomically(cd.resolve("contrasts.csv"), csv.toString());
        double[][] box = EmulatorSobol.span(nonImplausible, spec.dimension());
        double[][] x = design.toArray(new double[0][]);
        List<ContrastReport.Row> rows = new ArrayList<>();
        for (int c = 0; c < cs.size(); c++) {
            double[] mean = new double[x.length];
            double within = 0;
            for (int i = 0; i < x.length; i++) {
                double m = 0;
                for (double v : diff[c][i]) {
                    m += v;
                }
                mean[i] = m / reps;
                double ss = 0;
                for (double v : diff[c][i]) {
                    ss += (v - mean[i]) * (v - mean[i]);
                }
                within += reps > 1 ? ss / (reps - 1) : 0;
            }
            // the Monte Carlo variance of a point's mean as known noise (pooled); with one replication the GP's
            // fitted nugget carries it
            double avg = Arrays.stream(mean).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(mean).map(v -> (v - avg) * (v - avg)).sum() / Math.max(1, x.length - 1));
            if (sd <= 1e-12 * Math.max(1, Math.abs(avg))) {
                // the same difference at every point: no parameter moves this answer (and a GP has nothing to fit)
                double[] z = new double[spec.dimension()];
                rows.add(new ContrastReport.Row(cs.get(c), x.length, reps, avg, 0, Double.NaN, Double.NaN,
                        new kz.kosh.calibration.SobolIndices.Indices(z, z, z, z, z, z)));
                continue;
            }
            double[] noise = new double[x.length];
            Arrays.fill(noise, within / x.length / reps);
            GaussianProcess gp = GaussianProcess.fit(x, mean, noise, GaussianProcess.Kernel.MATERN52,
                    GaussianProcess.Mean.LINEAR, spec.settings().starts(), spec.seed() + 500 + c);
            GaussianProcess.LeaveOneOut loo = gp.leaveOneOut();
            var ind = EmulatorSobol.indices(gp, box[0], box[1], spec.sobolPoints(), spec.sobolBootstrap(), spec.seed() + c);
            rows.add(new ContrastReport.Row(cs.get(c), x.length, reps, avg, sd, loo.shareWithin(2),
                    ContrastReport.looR2(loo), ind));
        }
        HistoryMatchRun.writeAtomically(cd.resolve("sobol.csv"), ContrastReport.csv(spec, rows));
        return rows;
    }
}
