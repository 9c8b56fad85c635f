package kz.kosh.calibration.history;

import kz.kosh.calibration.SobolIndices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Sobol' indices of the policy contrasts as Markdown: the section of the history match's
 * report and, with {@code sensitivity.doc}, the document (docs/sensitivity.md) that names, per
 * answer of the scenario library, the free parameters it hinges on: those whose total index ST
 * is at least the file's {@code hinge} (written before the run).
 */
public final class ContrastReport {
    private ContrastReport() {
    }

    /**
     * One contrast's result: the policy minus the base per design point (mean over the paired
     * replications), its mean and standard deviation over the design, the emulator's
     * leave-one-out share within ±2 and its LOO R² (1 − Σ(y − ŷ₋ᵢ)² / Σ(y − ȳ)²: the share of the
     * contrast's variation over the design that the emulator predicts out of sample; near 0 the
     * variation is seed noise and the indices say little), and the indices.
     */
    public record Row(HistoryMatchSpec.Contrast contrast, int points, int replications, double meanDifference,
                      double sdDifference, double looShare, double looR2, SobolIndices.Indices indices) {
        /** Parameter indices ordered by total index, largest first. */
        int[] order() {
            Integer[] o = new Integer[indices.total().length];
            for (int k = 0; k < o.length; k++) {
                o[k] = k;
            }
            java.util.Arrays.sort(o, (a, b) -> Double.compare(indices.total()[b], indices.total()[a]));
            return java.util.Arrays.stream(o).mapToInt(Integer::intValue).toArray();
        }

        /** The parameters (indices into the free parameters) with ST >= hinge, largest first. */
        List<Integer> hinges(double hinge) {
            List<Integer> out = new ArrayList<>();
            for (int k : order()) {
                if (indices.total()[k] >= hinge) {
                    out.add(k);
                }
            }
            return out;
        }
    }

    /** LOO R² of an emulator: 1 − Σ(y − ŷ₋ᵢ)² / Σ(y − ȳ)² (0 when the outputs do not vary). */
    static double looR2(GaussianProcess.LeaveOneOut loo) {
        double[] y = loo.observed();
        double mean = java.util.Arrays.stream(y).average().orElse(0);
        double ss = 0;
        double res = 0;
        for (int i = 0; i < y.length; i++) {
            ss += (y[i] - mean) * (y[i] - mean);
            res += (y[i] - loo.mean()[i]) * (y[i] - loo.mean()[i]);
        }
        return ss == 0 ? 0 : 1 - res / ss;
    }

    /** sobol.csv: one row per contrast and parameter, largest total index first. */
    static String csv(HistoryMatchSpec spec, List<Row> rows) {
        StringBuilder sob = new StringBuilder("contrast,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high,mean_difference,"
                + "sd_difference_over_design,loo_share_within_2,loo_r2\n");
        for (Row r : rows) {
            SobolIndices.Indices ind = r.indices();
            for (int k : r.order()) {
                sob.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", r.contrast().name(),
                        spec.paths().get(k), ind.first()[k], ind.firstLow()[k], ind.firstHigh()[k], ind.total()[k],
                        ind.totalLow()[k], ind.totalHigh()[k], r.meanDifference(), r.sdDifference(), r.looShare(),
                        r.looR2()));
            }
        }
        return sob.toString();
    }

    /** The report section; {@code design} says where the design points came from. */
    static String markdown(HistoryMatchSpec spec, List<Row> rows, String design) {
        double hinge = spec.sensitivity() == null ? 0.1 : spec.sensitivity().hinge();
        StringBuilder md = new StringBuilder("## Sensitivity of the policy contrasts (Sobol' indices on emulators)\n\n");
        md.append("Each contrast is the policy scenario minus the base at the same parameter values and seeds (common "
                + "random numbers), averaged over its years, ").append(design).append(" Per contrast a Gaussian process "
                + "emulates the mean difference of a design point, and Sobol' first-order (S1) and total (ST) indices "
                + "are computed on its posterior mean with the parameters uniform and independent over that box; "
                + "95% bootstrap intervals over the Saltelli design (").append(spec.sobolPoints())
                .append(" base rows; they do not include the emulator's own uncertainty): contrasts/sobol.csv. ");
        md.append(String.format(Locale.ROOT, "An answer **hinges on** a parameter whose total index is at least %.2f "
                + "(threshold written in the file before the run). LOO R² is the share of the contrast's variation over "
                + "the design that the emulator predicts for a point left out: near 0 the variation is seed noise at "
                + "this scale and the indices say little.%n%n", hinge));
        md.append("| answer | quantity | years | mean effect (sd over the design) | emulator LOO ±2 / R² | hinges on |\n"
                + "|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            HistoryMatchSpec.Contrast c = r.contrast();
            md.append(String.format(Locale.ROOT, "| %s | %s | %d-%d | %.4g (%.3g) | %s | %s |%n", c.name(),
                    kz.kosh.calibration.Targets.describeModel(c.model()).replace("|", "\\|"), c.fromYear(), c.toYear(),
                    r.meanDifference(), r.sdDifference(), emulator(r, " / "), hingeList(spec, r, hinge)));
        }
        md.append('\n');
        for (Row r : rows) {
            HistoryMatchSpec.Contrast c = r.contrast();
            SobolIndices.Indices ind = r.indices();
            md.append(String.format(Locale.ROOT, "**%s** (%s, %d-%d; %d points x %d replication%s; mean difference %.4g, "
                            + "sd over the design %.3g; emulator LOO %s)%n%n", c.name(),
                    kz.kosh.calibration.Targets.describeModel(c.model()).replace("|", "\\|"), c.fromYear(), c.toYear(),
                    r.points(), r.replications(), r.replications() == 1 ? "" : "s", r.meanDifference(), r.sdDifference(), emulator(r, " within ±2, R² ")));
            if (r.sdDifference() == 0) {
                md.append("The contrast is the same at every design point: no free parameter moves it.\n\n");
                continue;
            }
            md.append("| parameter | S1 [95%] | ST [95%] |\n|---|---|---|\n");
            for (int k : r.order()) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f [%.2f, %.2f] | %.2f [%.2f, %.2f] |%n",
                        spec.paths().get(k), ind.first()[k], ind.firstLow()[k], ind.firstHigh()[k], ind.total()[k],
                        ind.totalLow()[k], ind.totalHigh()[k]));
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** The emulator's LOO share within ±2 and R², or "none" when the contrast did not vary (no emulator). */
    private static String emulator(Row r, String between) {
        return Double.isNaN(r.looShare()) ? "none (constant)"
                : String.format(Locale.ROOT, "%.0f%%%s%.2f", 100 * r.looShare(), between, r.looR2());
    }

    private static String hingeList(HistoryMatchSpec spec, Row r, double hinge) {
        if (r.sdDifference() == 0) {
            return "none: the same difference at every design point";
        }
        List<String> out = new ArrayList<>();
        for (int k : r.hinges(hinge)) {
            out.add(String.format(Locale.ROOT, "%s (%.2f)", spec.paths().get(k), r.indices().total()[k]));
        }
        return out.isEmpty() ? "none reaches " + hinge : String.join(", ", out);
    }

    /**
     * Writes the document ({@code sensitivity.doc}): a header naming the commit, the command, the
     * posterior and the date, then the section.
     */
    static void writeDoc(HistoryMatchSpec spec, Path posterior, String command, String section) {
        Path doc = kz.kosh.output.OutputPaths.checkDocument(spec.sensitivity().doc());
        Path cwd = Path.of("").toAbsolutePath();
        Path file = spec.file().toAbsolutePath().normalize();
        String shown = file.startsWith(cwd) ? cwd.relativize(file).toString().replace('\\', '/') : file.toString();
        String post = posterior == null ? "the match's own draws" : shownPath(posterior)
                + " (sha256 " + kz.kosh.calibration.EvaluationCache.sha256(read(posterior)).substring(0, 12) + ")";
        StringBuilder md = new StringBuilder("# Sensitivity of the policy answers: which parameters each answer hinges on\n\n");
        md.append("Generated by `kosh history-match`; do not edit by hand. Regenerate it with the command below after "
                + "each change of the model or of the posterior (the runs are kept in the results folder, so a rerun "
                + "resumes).\n\n");
        md.append("| setting | value |\n|---|---|\n");
        md.append("| model commit | `").append(kz.kosh.output.BuildInfo.gitCommit(kz.kosh.output.BuildInfo.ownFiles(
                spec.sensitivity().doc()))).append("` (kosh ")
                .append(kz.kosh.output.BuildInfo.version()).append(") |\n");
        md.append("| command | `./kosh history-match ").append(shown).append(command).append("` |\n");
        md.append("| posterior | ").append(post).append(" |\n");
        md.append(String.format(Locale.ROOT, "| scale, seeds | %s, base seed %d (common to the base and the policy) |%n",
                num(spec.scale()), spec.calibration().baseSeed()));
        md.append("| date | ").append(java.time.LocalDate.now(java.time.ZoneOffset.UTC)).append(" |\n\n");
        md.append("These are the sensitivities of the library's policy **answers** (a policy minus the base, paired), "
                + "not of baseline levels; the Morris screening of baseline levels is "
                + "[sensitivity-baseline.md](sensitivity-baseline.md). The calibration they rest on is "
                + "[calibration.md](calibration.md).\n\n");
        md.append(section.replaceFirst("^## ", "## "));
        kz.kosh.output.OutputPaths.write(doc, md + kz.kosh.output.OutputPaths.handWrittenTail(doc, HistoryReport.HAND_WRITTEN));
    }

    /** The draws of a posterior file in unit-cube coordinates; its parameters must be the match's. */
    static List<double[]> unitDraws(HistoryMatchSpec spec, Path file) {
        kz.kosh.experiment.ParameterEnsemble e = kz.kosh.experiment.ParameterEnsemble.load(file,
                spec.calibration().scenario());
        if (!e.paths().equals(spec.paths())) {
            throw new kz.kosh.scenario.ScenarioException(List.of(file + ": its parameters " + e.paths() + " are not the "
                    + "free parameters of " + spec.calibration().file() + " " + spec.paths()
                    + " (re-run the match after a change of them)"));
        }
        List<double[]> draws = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            double[] v = e.values(i);
            double[] u = new double[v.length];
            for (int k = 0; k < v.length; k++) {
                u[k] = Math.min(1, Math.max(0, spec.calibration().parameters().get(k).unit(v[k])));
            }
            draws.add(u);
        }
        return draws;
    }

    private static String shownPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
    }

    private static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+$", "");
    }
}
