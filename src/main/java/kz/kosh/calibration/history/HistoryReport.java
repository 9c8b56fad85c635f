package kz.kosh.calibration.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The outputs of a history match: per-wave CSV files and charts, and the markdown report. */
public final class HistoryReport {
    private HistoryReport() {
    }

    /** emulators.csv, loo.csv, loo.png and nonimplausible.csv of a wave. */
    static void writeWave(Path wd, HistoryMatching.Wave wave, List<double[]> design, HistoryMatching.Sample sample,
                          HistoryMatchSpec spec) throws IOException {
        StringBuilder em = new StringBuilder("output,target,status,kernel,loo_share_within_2,mc_variance,observation_variance,"
                + "discrepancy_variance,length_scales,note\n");
        StringBuilder loo = new StringBuilder("output,point,model_mean,loo_mean,loo_sd,standardised_error\n");
        for (HistoryMatching.Emulated e : wave.emulators()) {
            String kernel = e.gp() == null ? "" : e.gp().kernel().name().toLowerCase(Locale.ROOT);
            String ls = e.gp() == null ? "" : Arrays.stream(e.gp().hyper().lengthScales())
                    .mapToObj(v -> String.format(Locale.ROOT, "%.3g", v)).reduce((a, b) -> a + " " + b).orElse("");
            em.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,\"%s\"%n", e.output().id(), e.output().target(),
                    e.status().name().toLowerCase(Locale.ROOT), kernel, e.loo() == null ? "" : e.loo().shareWithin(2),
                    e.mcVariance(), e.output().observationVariance(), e.output().discrepancyVariance(), ls,
                    e.note().replace("\"", "'")));
            if (e.loo() != null) {
                for (int i = 0; i < e.loo().standardised().length; i++) {
                    loo.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", e.output().id(), HistoryMatchRun.pointName(e.point(i)),
                            e.loo().observed()[i], e.loo().mean()[i], Math.sqrt(e.loo().variance()[i]),
                            e.loo().standardised()[i]));
                }
            }
        }
        HistoryMatchRun.writeAtomically(wd.resolve("emulators.csv"), em.toString());
        HistoryMatchRun.writeAtomically(wd.resolve("loo.csv"), loo.toString());
        HistoryPlots.loo(wd.resolve("loo.png"), wave);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < sample.points().size(); i++) {
            labels.add(Integer.toString(i + 1));
        }
        String ni = pointsCsv("sample", labels, sample.points(), spec);
        HistoryMatchRun.writeAtomically(wd.resolve("nonimplausible.csv"), ni);
    }

    /** A CSV of points: a label column, the unit-cube coordinates (unit:PATH) and the parameter values (PATH). */
    static String pointsCsv(String column, List<String> labels, List<double[]> points, HistoryMatchSpec spec) {
        StringBuilder sb = new StringBuilder(column);
        for (String p : spec.paths()) {
            sb.append(",unit:").append(p);
        }
        for (String p : spec.paths()) {
            sb.append(',').append(p);
        }
        sb.append('\n');
        for (int i = 0; i < points.size(); i++) {
            sb.append(labels.get(i));
            for (double u : points.get(i)) {
                sb.append(',').append(u);
            }
            for (double v : spec.values(points.get(i))) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The report: settings, the waves with their diagnostics, the posterior and the coverage. */
    static String markdown(HistoryMatchSpec spec, List<HistoryMatching.Wave> waves, List<HistoryMatching.Sample> samples,
                           List<List<double[]>> designs, List<double[]> designChecks, EmulatorPosterior.Posterior post,
                           List<double[]> kept, int keptFromDesign, PosteriorConfirmation.Confirmation confirm, String stopped,
                           boolean finished, String weighting) {
        StringBuilder sb = new StringBuilder();
        HistoryMatching.Settings s = spec.settings();
        sb.append("# History match: ").append(spec.name()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "%d free parameters (from %s, with their bounds); %d points x %d replications per wave "
                        + "at scale %s; implausibility cut-off %s with the %s rule (a point is ruled out when the %shighest "
                        + "output implausibility exceeds it); an emulator passes when %.0f%% of its leave-one-out standardised "
                        + "errors lie within ±2, else it is refitted with the squared exponential, else dropped; seed %d.%s%n%n",
                spec.dimension(), spec.calibration().file().getFileName(), spec.points(), spec.replications(),
                kz.kosh.output.Fmt.number(spec.scale()), kz.kosh.output.Fmt.number(s.cutoff()), s.rule().label(),
                ordinal(s.rule().k()), 100 * s.looShare(), spec.seed(),
                spec.fitYears() == null ? "" : String.format(Locale.ROOT, " Out-of-sample mode: only target points in %d-%d "
                        + "are matched.", spec.fitYears()[0], spec.fitYears()[1])));
        sb.append("I(x) = |z − E[f(x)]| / √(Var_emulator(x) + Var_observation + Var_discrepancy + Var_MonteCarlo), "
                + "Var_MonteCarlo the variance of one replication at the run scale, pooled over the wave's design points.\n\n");
        sb.append("## Waves\n\n| wave | design points | of them non-implausible on the model's own means | emulators ok / "
                + "refitted / dropped | share of the original space left | candidates tried |\n|---|---|---|---|---|---|\n");
        for (int w = 0; w < waves.size(); w++) {
            HistoryMatching.Wave wave = waves.get(w);
            HistoryMatching.Sample sm = samples.get(w);
            sb.append(String.format(Locale.ROOT, "| %d | %d | %s | %d / %d / %d | %.3g ± %.1g%s | %,d |%n", wave.number(),
                    designs.get(w).size(), w < designChecks.size() ? Long.toString(Arrays.stream(designChecks.get(w))
                            .filter(v -> v <= s.cutoff()).count()) : "", count(wave, HistoryMatching.Status.OK),
                    count(wave, HistoryMatching.Status.REFITTED), count(wave, HistoryMatching.Status.DROPPED), sm.share(),
                    sm.shareError(), sm.capped() ? " (cap reached)" : "", sm.tried()));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "A design point is non-implausible on the model's own means when the %s "
                + "implausibility of the wave's used outputs, from the mean of its %d replications, I = |z − ȳ| / "
                + "√(Var_obs + Var_disc + Var_MC (1 + 1/R)), is at most %s (the check the posterior's re-runs pass). "
                + "Design: wave 1 a Latin hypercube; later waves %s.%n%n", s.rule().label(), spec.replications(),
                kz.kosh.output.Fmt.number(s.cutoff()), spec.focusLastWave() ? "points spread (greedy maximin) over the "
                        + "previous wave's non-implausible sample, except the last wave, whose points are distinct "
                        + "posterior draws on the previous wave's emulators (`lastWave: posterior`: the last emulators "
                        + "learn where the draws will be taken)" : "points spread (greedy maximin) over the previous "
                        + "wave's non-implausible sample"));
        if (!waves.isEmpty()) {
            sb.append(noise(spec, waves.get(waves.size() - 1)));
        }
        for (HistoryMatching.Wave wave : waves) {
            List<String> notes = new ArrayList<>();
            for (HistoryMatching.Emulated e : wave.emulators()) {
                if (e.status() != HistoryMatching.Status.OK) {
                    notes.add("- " + e.output().id() + ": " + e.status().name().toLowerCase(Locale.ROOT) + " (" + e.note() + ")");
                }
            }
            sb.append("Wave ").append(wave.number()).append(" diagnostics: [emulators.csv](wave-").append(wave.number())
                    .append("/emulators.csv), [loo.csv](wave-").append(wave.number()).append("/loo.csv)")
                    .append(notes.isEmpty() ? "; every emulator passed.\n\n" : ":\n" + String.join("\n", notes) + "\n\n");
            sb.append("![LOO wave ").append(wave.number()).append("](wave-").append(wave.number()).append("/loo.png)\n\n");
        }
        if (stopped != null) {
            sb.append("**").append(stopped).append(".**\n\n");
        }
        if (!finished && stopped == null) {
            sb.append("The match is not finished (later waves and the posterior follow when the command runs them).\n");
            return sb.toString();
        }
        if (!finished) {
            return sb.toString();
        }
        if (post == null) {
            sb.append("No posterior: the last wave left no non-implausible point.\n");
            return sb.toString();
        }
        if (post.chains() > 0) {
            sb.append(String.format(Locale.ROOT, "## Posterior%n%n%d draws on the last wave's emulators (Gaussian likelihood of "
                            + "the used outputs, each target's years tempered to count as one observation; uniform prior "
                            + "restricted to the non-implausible space of every wave): %d random-walk Metropolis chains, "
                            + "each with its own seed, started from %d distinct points (the last wave's design points the "
                            + "model confirmed, then the pool of %d non-implausible points by decreasing importance weight; "
                            + "importance effective sample size %.0f), %d steps of burn-in, then a draw every %d steps; "
                            + "acceptance rate %.0f%%, %d distinct parameter sets. [posterior.csv](posterior.csv), the "
                            + "`--parameter-ensemble` format.%n%n", post.draws().size(), post.chains(), post.starts(),
                    post.pool(), post.effectiveSampleSize(), EmulatorPosterior.BURN_IN, EmulatorPosterior.THIN,
                    100 * post.acceptance(), post.distinct()));
        } else {
            sb.append(String.format(Locale.ROOT, "## Posterior%n%n%d draws by importance sampling on the last wave's emulators "
                            + "from %d non-implausible points (Gaussian likelihood of the used outputs, each target's years "
                            + "tempered to count as one observation; effective sample size %.0f, %d distinct sets): "
                            + "[posterior.csv](posterior.csv), the `--parameter-ensemble` format.%n%n", post.draws().size(),
                    post.pool(), post.effectiveSampleSize(), post.distinct()));
        }
        if (confirm != null) {
            int m = confirm.implausibility().length;
            double share = (double) confirm.confirmed() / m;
            sb.append(String.format(Locale.ROOT, "Re-run with the model (posterior/confirm.csv, %d replication%s each): %d "
                            + "of %d draws (%.0f%% ± %.0f%%, binomial standard error) are non-implausible on the model's own "
                            + "means (cut-off %s, same rule, the outputs the last wave used)%s.%n%n",
                    spec.confirmReplications(), spec.confirmReplications() == 1 ? "" : "s", confirm.confirmed(), m,
                    100 * share, 100 * Math.sqrt(share * (1 - share) / m), kz.kosh.output.Fmt.number(confirm.cutoff()),
                    m < confirm.ofDraws() ? String.format(Locale.ROOT, "; the %d re-run draws are a systematic subsample "
                            + "(draw i·%d/%d) of the %d", m, confirm.ofDraws(), m, confirm.ofDraws()) : ""));
            if (spec.maxDraws() > spec.draws()) {
                int have = confirm.confirmed() + keptFromDesign;
                sb.append(String.format(Locale.ROOT, "Confirmation rule written before the run (`maxDraws: %d`): batches of "
                                + "%d emulator draws, each from its own seeded Metropolis chains, are re-run until at least %d "
                                + "draws are confirmed (counting the last wave's confirmed design points) or %d draws have "
                                + "been drawn. %d batch%s, %d draws: %d confirmed%s, so %s.%n%n", spec.maxDraws(),
                        spec.draws(), spec.draws(), spec.maxDraws(), confirm.batches(), confirm.batches() == 1 ? "" : "es",
                        m, confirm.confirmed(), keptFromDesign == 0 ? "" : String.format(Locale.ROOT,
                                " and %d design points", keptFromDesign),
                        have >= spec.draws() ? "the wanted " + spec.draws() + " were reached"
                                : "the cap stopped the confirmation short of " + spec.draws() + " (nothing is padded)"));
            }
        }
        if (spec.keepConfirmed()) {
            sb.append(kept.isEmpty() ? "**No draw is confirmed by the model, so this match writes no posterior** "
                    + "(`keep: confirmed`); the posterior file in use is left as it was.\n\n"
                    : String.format(Locale.ROOT, "**The posterior is the %d confirmed draws** (`keep: confirmed`, a rule "
                    + "written before the run): a draw the model itself rules out is not kept%s. %s; "
                    + "[posterior.csv](posterior.csv), the `--parameter-ensemble` format.%n%n", kept.size(),
                    keptFromDesign == 0 ? "" : String.format(Locale.ROOT, " (%d of the re-run draws and %d of the last "
                            + "wave's design points, themselves posterior draws on the previous wave's emulators, "
                            + "confirmed on their %d replications)", kept.size() - keptFromDesign, keptFromDesign,
                            spec.replications()),
                    weighting == null ? "They are the emulators' posterior restricted to what the model confirms (an "
                            + "approximation: the emulators weighted them). The table, the charts, the coverage and the "
                            + "policy contrasts below are of them"
                            : "They are weighted by the model's own likelihood and resampled (below): the table, the charts, "
                            + "the coverage and the policy contrasts are of the resampled points"));
            if (weighting != null && !kept.isEmpty()) {
                sb.append(weighting);
            }
        }
        if (kept.isEmpty()) {
            return sb.toString();
        }
        sb.append("| parameter | lower bound | 5% | 50% | 95% | upper bound |\n|---|---|---|---|---|---|\n");
        for (int k = 0; k < spec.dimension(); k++) {
            double[] v = new double[kept.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = spec.values(kept.get(i))[k];
            }
            Arrays.sort(v);
            var p = spec.calibration().parameters().get(k);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", p.path(), num(p.min()),
                    num(Coverage.q(v, 0.05)), num(Coverage.q(v, 0.5)), num(Coverage.q(v, 0.95)), num(p.max())));
        }
        sb.append("\n![marginals](posterior-marginals.png)\n\n![pairs](posterior-pairs.png)\n\n");
        return sb.toString();
    }

    /**
     * The Monte Carlo noise at the run scale, estimated from the replications: per output the
     * ratio Var_MC / (Var_observation + Var_discrepancy), its median and largest over the outputs.
     */
    static String noise(HistoryMatchSpec spec, HistoryMatching.Wave wave) {
        List<HistoryMatching.Emulated> es = wave.emulators();
        double[] r = new double[es.size()];
        int above = 0;
        int worst = 0;
        for (int i = 0; i < r.length; i++) {
            HistoryMatching.Output o = es.get(i).output();
            r[i] = es.get(i).mcVariance() / (o.observationVariance() + o.discrepancyVariance());
            above += r[i] > 1 ? 1 : 0;
            worst = r[i] > r[worst] ? i : worst;
        }
        if (r.length == 0) {
            return "";
        }
        double[] sorted = r.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "Monte Carlo noise at scale %s (wave %d, estimated from the replications): the "
                        + "variance of one replication is a median %.2g times the observation and discrepancy variances "
                        + "together over the %d outputs (largest %.2g, %s; %d outputs above 1). It enters I(x) as Var_MC, "
                        + "so a noisier scale rules out less, not wrongly.%n%n", kz.kosh.output.Fmt.number(spec.scale()),
                wave.number(), Coverage.q(sorted, 0.5), r.length, r[worst], es.get(worst).output().id(), above);
    }

    /** The coverage table of a match (appended by the command when the draws were re-run). */
    static String coverageMarkdown(List<Coverage.Summary> rows, boolean outOfSample) {
        return coverageMarkdown(rows, outOfSample, List.of(), null);
    }

    /**
     * The coverage table and, with a check written before the run, the pooled share of the checked
     * points (held out in out-of-sample mode, else all) inside each interval against its thresholds.
     */
    static String coverageMarkdown(List<Coverage.Summary> rows, boolean outOfSample, List<Coverage.Point> points,
                                   HistoryMatchSpec.CoverageCheck check) {
        StringBuilder sb = new StringBuilder("## Predictive coverage\n\n");
        sb.append("Share of observed points inside the central 50% and 90% predictive intervals (posterior draws x seeds "
                + "re-run with the model, plus the discrepancy and observation errors): posterior/coverage.csv.")
                .append(outOfSample ? " Held-out points (not matched) are the out-of-sample test." : "").append("\n\n");
        sb.append("| target | points | matched | inside 50% | inside 90% |\n|---|---|---|---|---|\n");
        for (Coverage.Summary r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f%% | %.0f%% |%n", r.target(), r.points(),
                    r.fitted() ? "yes" : "held out", 100 * r.share50(), 100 * r.share90()));
        }
        sb.append('\n');
        sb.append(pooled(points));
        List<Coverage.Point> checked = points.stream().filter(p -> !outOfSample || !p.fitted()).toList();
        if (check != null && !checked.isEmpty()) {
            double in50 = checked.stream().filter(Coverage.Point::in50).count() / (double) checked.size();
            double in90 = checked.stream().filter(Coverage.Point::in90).count() / (double) checked.size();
            sb.append(String.format(Locale.ROOT, "Check written in the file before the run, over the %d %s points: "
                            + "inside the 50%% intervals %.0f%% (expected %.0f-%.0f%%): **%s**; inside the 90%% intervals "
                            + "%.0f%% (expected %.0f-%.0f%%): **%s**. Whatever it shows is reported; nothing was refitted "
                            + "to improve it.%n%n", checked.size(), outOfSample ? "held-out" : "target", 100 * in50,
                    100 * check.low50(), 100 * check.high50(), check.holds50(in50) ? "holds" : "fails", 100 * in90,
                    100 * check.low90(), 100 * check.high90(), check.holds90(in90) ? "holds" : "fails"));
        }
        return sb.toString();
    }

    /**
     * The pooled shares of the fitted and of the held-out points inside the 50% and 90% intervals
     * (each point counts once, whatever its target), as a line of the coverage section; empty
     * without points.
     */
    static String pooled(List<Coverage.Point> points) {
        StringBuilder sb = new StringBuilder();
        for (boolean fitted : new boolean[]{true, false}) {
            List<Coverage.Point> ps = points.stream().filter(p -> p.fitted() == fitted).toList();
            if (ps.isEmpty()) {
                continue;
            }
            long in50 = ps.stream().filter(Coverage.Point::in50).count();
            long in90 = ps.stream().filter(Coverage.Point::in90).count();
            sb.append(sb.length() == 0 ? "Pooled: " : "; ").append(String.format(Locale.ROOT,
                    "of the %d %s points %d (%.0f%%) lie inside the 50%% intervals and %d (%.0f%%) inside the 90%% "
                            + "intervals", ps.size(), fitted ? "fitted" : "held-out", in50, 100.0 * in50 / ps.size(), in90,
                    100.0 * in90 / ps.size()));
        }
        return sb.length() == 0 ? "" : sb.append(".\n\n").toString();
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("\\]\\(([^):/][^):]*)\\)");

    /**
     * The report as a document (the file's {@code output.doc}, e.g. docs/calibration.md): a
     * header with the commit and the command, then the report with every linked chart and table
     * copied into the folder named after the document (docs/calibration/) and its links pointing
     * there.
     */
    static void writeDoc(HistoryMatchSpec spec, Path dir, String report, boolean withContrasts) throws IOException {
        Path doc = kz.kosh.output.OutputPaths.checkMarkdown(spec.outputDoc());
        Path charts = kz.kosh.output.OutputPaths.claimChartDir(doc, "history-match");
        String folder = charts.getFileName().toString();
        java.util.regex.Matcher m = LINK.matcher(report);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            String rel = m.group(1);
            Path src = dir.resolve(rel).normalize();
            if (src.startsWith(dir) && java.nio.file.Files.isRegularFile(src)) {
                Path dst = charts.resolve(rel).normalize();
                java.nio.file.Files.createDirectories(dst.getParent());
                kz.kosh.output.OutputPaths.copy(src, dst);
                m.appendReplacement(body, java.util.regex.Matcher.quoteReplacement("](" + folder + "/" + rel + ")"));
            } else {
                m.appendReplacement(body, java.util.regex.Matcher.quoteReplacement(m.group(0)));
            }
        }
        m.appendTail(body);
        Path cwd = Path.of("").toAbsolutePath();
        Path file = spec.file().toAbsolutePath().normalize();
        String shown = file.startsWith(cwd) ? cwd.relativize(file).toString().replace('\\', '/') : file.toString();
        String text = body.toString().replaceFirst("^# [^\n]*\n", "");
        int[] fy = spec.fitYears();
        StringBuilder md = new StringBuilder(fy == null ? "# Calibration: history matching of the baseline\n\n"
                : "# Out-of-sample test: matched on " + fy[0] + "-" + fy[1] + " only, the other years predicted\n\n");
        md.append("Generated by `kosh history-match`; do not edit by hand. Regenerate it with the command below after "
                + "each change of the model (a wave's runs are kept in the results folder, so a rerun resumes).\n\n");
        md.append("| setting | value |\n|---|---|\n");
        // the posterior copy and this document are what the run writes: not uncommitted changes of the model
        md.append("| model commit | `").append(kz.kosh.output.BuildInfo.gitCommit(kz.kosh.output.BuildInfo.ownFiles(
                spec.outputDoc(), spec.outputPosterior()))).append("` (kosh ")
                .append(kz.kosh.output.BuildInfo.version()).append(") |\n");
        md.append("| command | `./kosh history-match ").append(shown).append(withContrasts ? "" : " --no-contrasts")
                .append("` |\n");
        md.append("| date | ").append(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).append(" |\n\n");
        md.append(text);
        kz.kosh.output.OutputPaths.write(doc, md + kz.kosh.output.OutputPaths.handWrittenTail(doc, HAND_WRITTEN));
    }

    /** From this marker to the end, a generated history-match document is hand-written and kept when it is regenerated. */
    static final String HAND_WRITTEN = "<!-- hand-written below: kept by kosh history-match -->";

    private static int count(HistoryMatching.Wave w, HistoryMatching.Status s) {
        return (int) w.emulators().stream().filter(e -> e.status() == s).count();
    }

    private static String ordinal(int k) {
        return k == 1 ? "" : k == 2 ? "second " : "third ";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
