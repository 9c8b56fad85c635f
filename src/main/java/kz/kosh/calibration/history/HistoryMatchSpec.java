package kz.kosh.calibration.history;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.calibration.CalibrationSpec;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A history match ({@code kosh history-match FILE}). The free parameters, their bounds, the
 * scenario, the targets, the base seed and the years come from the calibration file it names (one
 * definition of the free parameters); the file adds the waves. Paths are relative to the file.
 * <pre>
 * name: baseline
 * calibration: calibrate.yaml     # free parameters (path, min, max), scenario, targets, baseSeed, years
 * waves: 3
 * points: 200                     # design points per wave
 * replications: 2                 # per point (seeds baseSeed + r, shared by every point); at least 2
 * scale: 0.1                      # optional; default the calibration's scale
 * targets: [students-abroad, ...] # optional; default every use: calibration target
 * fitYears: [2015, 2019]          # optional: match only target points in these years (out-of-sample mode)
 * cutoff: 3                       # optional, default 3
 * rule: second-max                # optional: max, second-max (default), third-max
 * looShare: 0.9                   # optional: share of LOO standardised errors within ±2 for an emulator to pass
 * seed: 7                         # design, hyperparameter starts, sampling
 * maxCandidates: 2000000          # optional cap of the rejection sampling
 * posterior: {draws: 200, confirmReplications: 2, confirmDraws: 100, keep: confirmed}   # confirmDraws optional:
 *                                 # re-run only a systematic subsample (draw i·N/M, i < M) of the N draws with the
 *                                 # model; keep: confirmed (optional, default all) keeps in the posterior only the
 *                                 # re-run draws that the model's own means leave non-implausible
 * posterior: {draws: 200, confirmReplications: 1, keep: confirmed, maxDraws: 800}   # maxDraws optional (default
 *                                 # draws; needs keep: confirmed, excludes confirmDraws): batches of `draws` emulator
 *                                 # draws (each batch its own seeded Metropolis chains) are re-run with the model until
 *                                 # at least `draws` are confirmed (with the confirmed design points of a focused last
 *                                 # wave) or maxDraws draws have been re-run (the last batch cut to the cap)
 * posterior: {..., keep: confirmed, weight: model-likelihood}   # weight optional (default none; needs keep:
 *                                 # confirmed): the confirmed points weighted by the model's own tempered likelihood
 *                                 # over the emulators' that drew them, then resampled (ModelWeighting)
 * lastWave: posterior             # optional (default spread): the last wave's design points are drawn from the
 *                                 # posterior on the previous wave's emulators instead of spread over its sample
 * output: {posterior: baseline-posterior.csv, doc: ../docs/calibration.md}   # optional: where the posterior
 *                                 # draws are copied; the report as a document (its charts and tables beside it)
 * contrasts:                      # optional: policy contrasts whose Sobol' indices are computed on emulators
 *   - name: bolashak-obligation
 *     scenario: ../scenarios/no-bolashak-obligation.yaml
 *     model: {indicator: "emigration|KZ"}   # a target model quantity (targets.yaml), policy minus baseline
 *     years: [2026, 2035]
 * sobol: {points: 4096, bootstrap: 200}      # optional: Saltelli base rows and bootstrap resamples
 * sensitivity:                    # optional: the contrasts' design from the posterior (else the last wave's design)
 *   points: 64                    # design points spread (greedy maximin) over the posterior draws
 *   replications: 1               # per point and scenario (seeds baseSeed + r, paired); 1: the GP fits the noise
 *   hinge: 0.1                    # an answer hinges on a parameter whose total index ST is at least this
 *   doc: ../docs/sensitivity.md   # optional: the contrasts' indices as a document
 * coverageCheck: {inside50: [0.3, 0.7], inside90: [0.75, 1]}   # optional: thresholds written before the run
 * </pre>
 */
public record HistoryMatchSpec(String name, Path file, CalibrationSpec calibration, int waves, int points,
                               int replications, double scale, List<String> targetIds, int[] fitYears,
                               HistoryMatching.Settings settings, long seed, int draws, int confirmReplications,
                               Path outputPosterior, List<Contrast> contrasts, int sobolPoints, int sobolBootstrap,
                               CoverageCheck coverageCheck, Path outputDoc, Sensitivity sensitivity,
                               int confirmDraws, boolean keepConfirmed, boolean focusLastWave, int maxDraws,
                               boolean weightByModel) {

    /**
     * The design of the policy contrasts (optional {@code sensitivity}): {@code points} points spread
     * over the posterior draws (the non-implausible space weighted by fit), {@code replications}
     * paired runs per point and scenario, the total-index threshold {@code hinge} above which the
     * document names a parameter as one the answer hinges on (written before the run), and the
     * document's path.
     */
    public record Sensitivity(int points, int replications, double hinge, Path doc) {
    }

    /**
     * A check written before the run (optional {@code coverageCheck}): the share of the checked
     * points (the held-out points in out-of-sample mode, else every point) inside the central 50%
     * and 90% predictive intervals must lie in [low, high].
     */
    public record CoverageCheck(double low50, double high50, double low90, double high90) {
        public boolean holds50(double share) {
            return share >= low50 && share <= high50;
        }

        public boolean holds90(double share) {
            return share >= low90 && share <= high90;
        }
    }

    /**
     * A policy contrast: the model quantity in the policy scenario minus the same in the base
     * scenario, at the same parameter values and seed, averaged over the years.
     */
    public record Contrast(String name, Path scenario, JsonNode model, int fromYear, int toYear,
                           kz.kosh.calibration.Target.Quantity quantity) {
    }

    /** Reads and checks the file; every problem is reported in one pass, each naming the file and the field. */
    public static HistoryMatchSpec load(Path file) {
        List<String> read = new ArrayList<>();
        JsonNode root = Files.isRegularFile(file) ? ScenarioLoader.readFile(file, read) : null;
        if (root == null) {
            throw new ScenarioException(read.isEmpty() ? List.of(file + ": file not found") : read);
        }
        Fields.Problems problems = new Fields.Problems(file.toString());
        Fields f = new Fields(root, "", problems);
        Path dir = file.toAbsolutePath().getParent();
        String name = f.name(file);
        CalibrationSpec cal = null;
        String calName = f.text("calibration");
        if (!calName.isEmpty()) {
            Path cf = dir.resolve(calName).normalize();
            try {
                cal = CalibrationSpec.load(cf);
            } catch (ScenarioException e) {
                for (String s : e.problems()) {
                    problems.add("calibration", s);
                }
            }
        }
        int waves = f.integer("waves", 1, 20);
        int points = f.integer("points", 4, 100_000);
        int reps = f.integer("replications", 2, 1000);
        double scale = f.has("scale") ? f.num("scale", 1e-4, 1.0) : cal == null ? 0.05 : cal.scale();
        List<String> ids = new ArrayList<>();
        List<Integer> idAt = new ArrayList<>();
        if (f.has("targets")) {
            JsonNode t = f.raw("targets");
            if (!t.isArray() || t.isEmpty()) {
                problems.add("targets", "expected a non-empty list of target ids of the calibration's targets file");
            } else {
                for (int i = 0; i < t.size(); i++) {
                    if (!t.get(i).isTextual()) {
                        problems.add("targets[" + i + "]", "expected a target id");
                    } else {
                        ids.add(t.get(i).textValue());
                        idAt.add(i);
                    }
                }
            }
        }
        int[] fitYears = null;
        if (f.has("fitYears")) {
            double[] y = f.nums("fitYears", 2, 1990, 2150);
            fitYears = new int[]{(int) y[0], (int) y[1]};
            if (y[0] != Math.rint(y[0]) || y[1] != Math.rint(y[1]) || y[1] < y[0]) {
                problems.add("fitYears", "expected [first, last] whole years with first <= last");
            }
        }
        double cutoff = f.has("cutoff") ? f.num("cutoff", 1, 10) : 3;
        HistoryMatching.Rule rule = HistoryMatching.Rule.SECOND_MAX;
        if (f.has("rule")) {
            String r = f.text("rule");
            try {
                rule = HistoryMatching.Rule.of(r);
            } catch (IllegalArgumentException e) {
                problems.add("rule", e.getMessage());
            }
        }
        double loo = f.has("looShare") ? f.num("looShare", 0.5, 1) : 0.9;
        long seed = f.longValue("seed", 1, Long.MAX_VALUE / 4);
        long cap = f.has("maxCandidates") ? f.longValue("maxCandidates", 1000, 1_000_000_000L) : 2_000_000;
        int draws = 200;
        int confirm = 2;
        int confirmDraws = 0;
        boolean keepConfirmed = false;
        int maxDraws = 0;
        boolean weightByModel = false;
        if (f.has("posterior")) {
            Fields p = f.group("posterior");
            draws = p.has("draws") ? p.integer("draws", 1, 100_000) : 200;
            confirm = p.has("confirmReplications") ? p.integer("confirmReplications", 0, 1000) : 2;
            confirmDraws = p.has("confirmDraws") ? p.integer("confirmDraws", 1, 100_000) : 0;
            maxDraws = p.has("maxDraws") ? p.integer("maxDraws", 1, 1_000_000) : 0;
            if (p.has("keep")) {
                String k = p.text("keep");
                if ("confirmed".equals(k)) {
                    keepConfirmed = true;
                } else if (!"all".equals(k)) {
                    problems.add("posterior.keep", "expected confirmed or all, got '" + k + "'");
                }
                if (keepConfirmed && confirm == 0) {
                    problems.add("posterior.keep", "confirmed needs confirmReplications of at least 1");
                }
            }
            if (p.has("weight")) {
                String wt = p.text("weight");
                if ("model-likelihood".equals(wt)) {
                    weightByModel = true;
                } else if (!"none".equals(wt)) {
                    problems.add("posterior.weight", "expected model-likelihood or none, got '" + Fields.cut(wt) + "'");
                }
                if (weightByModel && !keepConfirmed) {
                    problems.add("posterior.weight", "model-likelihood needs keep: confirmed (the weights are of the re-run draws)");
                }
            }
            if (p.has("maxDraws")) {
                if (maxDraws < draws) {
                    problems.add("posterior.maxDraws", "expected at least draws (" + draws + "), got " + maxDraws);
                }
                if (!keepConfirmed) {
                    problems.add("posterior.maxDraws", "needs keep: confirmed (draws are re-run until `draws` are confirmed)");
                }
                if (confirmDraws > 0) {
                    problems.add("posterior.maxDraws", "excludes confirmDraws (a subsample of one batch of draws)");
                }
            }
            p.done();
        }
        Path out = null;
        Path doc = null;
        if (f.has("output")) {
            Fields o = f.group("output");
            if (o.has("posterior")) {
                String p = o.text("posterior");
                if (!p.endsWith(".csv")) {
                    problems.add("output.posterior", "expected a .csv file name (the --parameter-ensemble format)");
                }
                out = dir.resolve(p).normalize();
            }
            if (o.has("doc")) {
                String p = o.text("doc");
                if (!p.endsWith(".md")) {
                    problems.add("output.doc", "expected a .md file name");
                }
                doc = dir.resolve(p).normalize();
            }
            o.done();
        }
        List<Contrast> contrasts = new ArrayList<>();
        if (f.has("contrasts")) {
            JsonNode list = f.raw("contrasts");
            if (!list.isArray() || list.isEmpty()) {
                problems.add("contrasts", "expected a non-empty list of {name, scenario, model, years}");
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Fields c = new Fields(list.get(i), "contrasts[" + i + "]", problems);
                    String cn = c.text("name");
                    String np = ScenarioLoader.nameProblem(cn);
                    if (np != null) {
                        problems.add(c.path() + ".name", np);
                    } else if (contrasts.stream().anyMatch(x -> x.name().equals(cn))) {
                        problems.add(c.path() + ".name", "repeated contrast name '" + cn + "'");
                    }
                    Path sc = dir.resolve(c.text("scenario")).normalize();
                    kz.kosh.scenario.Scenario scenarioOfContrast = null;
                    try {
                        scenarioOfContrast = ScenarioLoader.load(sc).scenario();
                    } catch (ScenarioException e) {
                        e.problems().forEach(x -> problems.add(c.path() + ".scenario", x));
                    }
                    double[] y = c.nums("years", 2, 1990, 2150);
                    JsonNode model = c.raw("model");
                    kz.kosh.calibration.Target.Quantity q = null;
                    if (model == null || !model.isObject()) {
                        problems.add(c.path() + ".model", "expected a model quantity as in targets.yaml, e.g. "
                                + "{indicator: \"emigration|KZ\"}");
                    } else if (scenarioOfContrast != null) {
                        q = kz.kosh.calibration.Targets.quantity(model, c.path() + ".model", (int) y[0], (int) y[1],
                                scenarioOfContrast, problems);
                    }
                    if (y[1] < y[0]) {
                        problems.add(c.path() + ".years", "expected [first, last] with first <= last");
                    }
                    c.done();
                    contrasts.add(new Contrast(cn, sc, model, (int) y[0], (int) y[1], q));
                }
            }
        }
        int sobolPoints = 4096;
        int sobolBootstrap = 200;
        if (f.has("sobol")) {
            Fields so = f.group("sobol");
            sobolPoints = so.has("points") ? so.integer("points", 64, 1 << 20) : sobolPoints;
            sobolBootstrap = so.has("bootstrap") ? so.integer("bootstrap", 10, 10_000) : sobolBootstrap;
            so.done();
        }
        Sensitivity sensitivity = null;
        if (f.has("sensitivity")) {
            Fields se = f.group("sensitivity");
            int sp = se.has("points") ? se.integer("points", 4, 100_000) : 64;
            int sr = se.has("replications") ? se.integer("replications", 1, 1000) : 1;
            double hinge = se.has("hinge") ? se.num("hinge", 0.0, 1.0) : 0.1;
            Path sd = null;
            if (se.has("doc")) {
                String p = se.text("doc");
                if (!p.endsWith(".md")) {
                    problems.add("sensitivity.doc", "expected a .md file name");
                }
                sd = dir.resolve(p).normalize();
            }
            se.done();
            sensitivity = new Sensitivity(sp, sr, hinge, sd);
        }
        CoverageCheck check = null;
        if (f.has("coverageCheck")) {
            Fields cc = f.group("coverageCheck");
            double[] a = cc.nums("inside50", 2, 0, 1);
            double[] b = cc.nums("inside90", 2, 0, 1);
            if (a[0] > a[1] || b[0] > b[1]) {
                problems.add("coverageCheck", "expected [low, high] shares with low <= high");
            }
            cc.done();
            check = new CoverageCheck(a[0], a[1], b[0], b[1]);
        }
        if (cal != null && !ids.isEmpty()) {
            unknownTargets(cal.targets(), ids, idAt, problems);
        }
        if (cal != null) {
            // every emulator (a wave's, a contrast's) is a GP with a linear mean over the free parameters: caught here,
            // not after the runs
            int need = GaussianProcess.minimumPoints(GaussianProcess.Mean.LINEAR, cal.parameters().size());
            if (points < need) {
                problems.add("points", "the emulators of " + cal.parameters().size() + " free parameters need at least "
                        + need + " design points per wave, got " + points);
            }
            if (sensitivity != null && sensitivity.points() < need) {
                problems.add("sensitivity.points", "the contrasts' emulators of " + cal.parameters().size()
                        + " free parameters need at least " + need + " design points, got " + sensitivity.points());
            }
        }
        boolean focus = false;
        if (f.has("lastWave")) {
            String lw = f.text("lastWave");
            if ("posterior".equals(lw)) {
                focus = true;
            } else if (!"spread".equals(lw)) {
                problems.add("lastWave", "expected spread or posterior, got '" + lw + "'");
            }
        }
        f.done();
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new HistoryMatchSpec(name, file, cal, waves, points, reps, scale, List.copyOf(ids), fitYears,
                new HistoryMatching.Settings(cutoff, rule, loo, 3, cap), seed, draws, confirm, out, List.copyOf(contrasts),
                sobolPoints, sobolBootstrap, check, doc, sensitivity, confirmDraws, keepConfirmed,
                focus, Math.max(maxDraws, draws), weightByModel);
    }

    /**
     * Target ids that the calibration's targets file does not hold, reported with the file's other
     * problems in one pass (the targets themselves are read and checked when the match starts).
     */
    private static void unknownTargets(Path targetsFile, List<String> ids, List<Integer> at, Fields.Problems problems) {
        List<String> read = new ArrayList<>();
        JsonNode root = targetsFile != null && Files.isRegularFile(targetsFile) ? ScenarioLoader.readFile(targetsFile, read)
                : null;
        JsonNode list = root == null ? null : root.get("targets");
        if (list == null || !list.isArray()) {
            return;  // the calibration's own check names the targets file's problem
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        list.forEach(t -> known.add(t.path("id").asText("")));
        for (int i = 0; i < ids.size(); i++) {
            if (!known.contains(ids.get(i))) {
                problems.add("targets[" + at.get(i) + "]", "unknown target id '" + Fields.cut(ids.get(i)) + "'; allowed: the ids of "
                        + targetsFile.getFileName());
            }
        }
    }

    /** The number of free parameters. */
    public int dimension() {
        return calibration.parameters().size();
    }

    /** The parameter paths, in order. */
    public List<String> paths() {
        return calibration.parameters().stream().map(CalibrationSpec.Parameter::path).toList();
    }

    /** Parameter values of a point of the unit cube. */
    public double[] values(double[] unit) {
        return calibration.values(unit);
    }
}
