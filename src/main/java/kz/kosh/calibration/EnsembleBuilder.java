package kz.kosh.calibration;

import kz.kosh.experiment.ParameterEnsemble;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The parameter ensemble of a calibration: the evaluated parameter points that fit the targets
 * almost as well as the best one, for comparisons that carry parameter uncertainty
 * ({@code kosh compare/experiment --parameter-ensemble FILE}).
 *
 * <p>Candidates are all points of the evaluation cache under the calibration's settings
 * fingerprint (the optimizer's evaluations of every session, the start and the fitted values
 * re-evaluated for the report), each with the calibration's replications. The points whose
 * distance is at most best × (1 + 2δ) (at most 2 × maxSets, the nearest first) are re-evaluated
 * with the report's replications (more seeds: a point picked for a low distance on few seeds is
 * partly lucky), and those whose re-evaluated distance is at most D* × (1 + δ), D* the smallest
 * re-evaluated distance, are kept, nearest first, at most maxSets. The sets are ordered by
 * distance, so set 1 is the best point.
 *
 * <p>This is an ensemble of near-optimal points along the optimizer's path, not a sample of a
 * posterior: it shows how much the answer moves among parameter values that fit about equally
 * well, not the probability of each.
 */
public final class EnsembleBuilder {
    private EnsembleBuilder() {
    }

    /** One kept set: its parameter values and re-evaluated distance. */
    public record Member(double[] values, double distance) {
    }

    /** The ensemble with what it was built from. */
    public record Result(List<Member> members, double delta, int maxSets, int candidates, int reevaluated,
                         int replications, double bestDistance, Path file) {
        public double threshold() {
            return bestDistance * (1 + delta);
        }
    }

    /** Builds the ensemble from the cache (running only the missing re-evaluation replications) and writes it. */
    public static Result build(CalibrationSpec spec, Evaluator ev, double delta, int maxSets, Path file, PrintStream progress) {
        if (!(delta >= 0) || maxSets < 1) {
            throw new IllegalArgumentException("ensemble tolerance must be >= 0 and the maximum number of sets >= 1");
        }
        List<double[]> points = ev.cache().points(ev.fingerprint(), spec.replications());
        if (points.isEmpty()) {
            throw new IllegalStateException("the evaluation cache " + ev.cache().file() + " holds no evaluation of this "
                    + "calibration (settings fingerprint); run kosh calibrate first");
        }
        List<Evaluator.Evaluation> evaluated = new ArrayList<>();
        for (double[] v : points) {
            evaluated.add(ev.evaluateValues(unit(spec, v), v, spec.replications()));
        }
        evaluated.sort(Comparator.comparingDouble(Evaluator.Evaluation::distance));
        double best = evaluated.get(0).distance();
        List<Evaluator.Evaluation> candidates = new ArrayList<>();
        for (Evaluator.Evaluation e : evaluated) {
            if (e.distance() <= best * (1 + 2 * delta) && candidates.size() < 2 * maxSets) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no cached evaluation of this calibration has a finite distance; no ensemble");
        }
        int reps = Math.max(spec.replications(), spec.reportReplications());
        if (progress != null) {
            progress.printf(Locale.ROOT, "calibrate: ensemble: %d of %d cached points within %.4f x (1 + 2 x %s); "
                    + "re-evaluating them with %d replications%n", candidates.size(), points.size(), best, delta, reps);
        }
        List<Member> re = new ArrayList<>();
        for (Evaluator.Evaluation e : candidates) {
            re.add(new Member(e.values(), ev.evaluateValues(e.unit(), e.values(), reps).distance()));
        }
        re.sort(Comparator.comparingDouble(Member::distance));
        double dStar = re.get(0).distance();
        List<Member> kept = new ArrayList<>();
        for (Member m : re) {
            if (m.distance() <= dStar * (1 + delta) && kept.size() < maxSets) {
                kept.add(m);
            }
        }
        List<String> paths = spec.parameters().stream().map(CalibrationSpec.Parameter::path).toList();
        try {
            ParameterEnsemble.write(file, paths, kept.stream().map(Member::values).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parameter ensemble " + file, e);
        }
        Result r = new Result(List.copyOf(kept), delta, maxSets, points.size(), candidates.size(), reps, dStar, file);
        if (progress != null) {
            progress.printf(Locale.ROOT, "calibrate: ensemble of %d parameter sets with distance <= %.4f (best %.4f x %.2f, "
                    + "%d replications) -> %s%n", kept.size(), r.threshold(), dStar, 1 + delta, reps, file);
        }
        return r;
    }

    /** True when {@code file} is a parameter ensemble file (its header starts with the set column), which a rebuild may replace. */
    public static boolean isEnsembleFile(Path file) {
        if (!java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var r = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String header = r.readLine();
            return header != null && header.startsWith(ParameterEnsemble.SET_COLUMN + ",");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double[] unit(CalibrationSpec spec, double[] values) {
        double[] u = new double[values.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = spec.parameters().get(i).unit(values[i]);
        }
        return u;
    }

    /** The section of docs/calibration.md on the ensemble. */
    public static String markdown(Result r, CalibrationSpec spec, String fileLink) {
        StringBuilder m = new StringBuilder();
        m.append("\n## Parameter ensemble\n\n");
        m.append(String.format(Locale.ROOT, "[`%s`](%s): %d parameter sets whose distance, re-evaluated with %d "
                        + "replications, is at most %.4f = D* × (1 + δ), D* = %.4f the smallest re-evaluated distance, "
                        + "δ = %s (at most %d sets). Candidates: the %d evaluated points of the cache within best × (1 + 2δ) "
                        + "of the %d cached points of this calibration. Use it with `./kosh compare A.yaml B.yaml --reps N "
                        + "--parameter-ensemble %s` (or `kosh experiment`): replication r uses set r mod K, and the report "
                        + "splits each difference's variance into parameter spread and seed noise "
                        + "([experiments.md](experiments.md#parameter-uncertainty)). Rebuild it from the cache with "
                        + "`./kosh calibrate FILE --ensemble-only`.\n\n",
                r.file().getFileName(), fileLink, r.members().size(), r.replications(), r.threshold(), r.bestDistance(),
                r.delta(), r.maxSets(), r.reevaluated(), r.candidates(), fileLink));
        m.append("| set | distance |");
        for (CalibrationSpec.Parameter p : spec.parameters()) {
            m.append(' ').append(p.path()).append(" |");
        }
        m.append("\n|---|---|");
        m.append("---|".repeat(spec.parameters().size()));
        m.append('\n');
        for (int i = 0; i < r.members().size(); i++) {
            Member x = r.members().get(i);
            m.append("| ").append(i + 1).append(" | ").append(String.format(Locale.ROOT, "%.4f", x.distance())).append(" |");
            for (double v : x.values()) {
                m.append(' ').append(kz.kosh.output.Fmt.number(v)).append(" |");
            }
            m.append('\n');
        }
        m.append("\nThe ensemble is a set of near-optimal points along the optimizer's path, not a sample of a posterior: it "
                + "shows how far an answer moves among parameter values that fit about equally well, not how probable each "
                + "is. With few optimizer evaluations near the optimum it is small and narrow.\n");
        return m.toString();
    }
}
