package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.CellStats;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.output.HeadlessRun;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.sim.YearObserver;
import kz.kosh.world.World;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs the validation checks of a {@link ValidationPatterns.Spec}: the validated scenario and the
 * variants the checks use, as one experiment (kz.kosh.experiment.ExperimentSpec: the patterns'
 * years, the given scale; replication r of every variant has seed baseSeed + r, common random
 * numbers), replications in parallel on a thread pool; per replication the model value of every
 * side of every check, then per check the statistic over replications with its 95% CI, whether
 * it holds and the margin.
 *
 * <p>With a parameter ensemble (by default the baseline's posterior, {@code kosh validation
 * --no-posterior} turns it off), replication r of every variant runs parameter set r mod K
 * (K = the ensemble's sets, or the first {@code parameterSets} of them), so the intervals hold
 * parameter uncertainty as well as seed noise; a variant's own {@code set} values win over the
 * set's, and its {@code times} factors multiply the set's value. Each check's variance over the
 * replications is then split by the one-way random-effects ANOVA of
 * kz.kosh.experiment.report.VarianceSplit, with the parameter set as the group (for a ratio, of
 * the linearised paired values a_r − R·b_r): between-set (parameter) and within-set (seed) parts;
 * the within part needs at least 2 replications of some set (replications &gt; K).
 */
public final class ValidationRun {
    private ValidationRun() {
    }

    /** Settings of a run: the validated scenario, the patterns file and the Monte Carlo design. */
    public record Settings(Path scenario, Path patterns, int replications, double scale, long baseSeed, int threads,
                           Path ensemble, int parameterSets) {
        /** Without a parameter ensemble. */
        public Settings(Path scenario, Path patterns, int replications, double scale, long baseSeed, int threads) {
            this(scenario, patterns, replications, scale, baseSeed, threads, null, 0);
        }
    }

    /**
     * The variance of a check's statistic over the replications split into parameter and seed
     * parts (kz.kosh.experiment.report.VarianceSplit.Anova); null without a parameter ensemble.
     */
    public record Split(double between, double within, int sets, long n) {
        public double parameterShare() {
            return new kz.kosh.experiment.report.VarianceSplit.Anova(between, within, sets, n).parameterShare();
        }
    }

    /** The parameter ensemble of a run: its file, SHA-256, sets in the file and sets used (replication r runs set r mod used). */
    public record Ensemble(Path file, String sha256, int setsInFile, int setsUsed) {
    }

    /**
     * The result of one check.
     *
     * @param mean       the statistic: Monte Carlo mean, or the ratio of the two sides' means
     * @param ofMean     mean of side {@code of} (= mean for a single quantity)
     * @param overMean   mean of side {@code over} (NaN without)
     * @param margin     signed distance of the statistic from the nearest edge of the accepted range (positive: holds)
     * @param relMargin  margin / |the expectation's edge it is measured from|
     * @param ciWithin   whether the whole 95% CI lies in the accepted range
     */
    public record Result(ValidationPatterns.Check check, double mean, double ciLow, double ciHigh, double ofMean,
                         double ofCiLow, double ofCiHigh, double overMean, double overCiLow, double overCiHigh, int n,
                         boolean holds, double margin, double relMargin, boolean ciWithin, Split split) {
    }

    /** A finished run. */
    public record Report(Settings settings, ValidationPatterns.Spec spec, String scenarioName, List<String> variants,
                         List<Result> results, double wallSeconds, Ensemble ensemble) {
        public long holding() {
            return results.stream().filter(Result::holds).count();
        }

        public Result result(String id) {
            for (Result r : results) {
                if (r.check().id().equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no check " + id);
        }
    }

    /** Runs the checks. */
    public static Report run(Settings s) {
        long t0 = System.nanoTime();
        ScenarioLoader.Loaded base = ScenarioLoader.load(s.scenario());
        ValidationPatterns.Spec spec = ValidationPatterns.load(s.patterns(), base.scenario());
        List<String> variants = spec.usedVariants();
        ExperimentSpec exp = new ExperimentSpec("validation-" + base.scenario().name(), List.of(), 0, s.replications(),
                s.baseSeed(), s.scale(), spec.startYear(), spec.endYear(), null);
        kz.kosh.experiment.ParameterEnsemble ens = s.ensemble() == null ? null
                : kz.kosh.experiment.ParameterEnsemble.load(s.ensemble().toAbsolutePath().normalize(), s.scenario());
        int setsUsed = ens == null ? 0 : s.parameterSets() > 0 ? Math.min(s.parameterSets(), ens.size()) : ens.size();
        // the sides to measure in each variant
        List<ValidationPatterns.Check> checks = spec.checks();
        int reps = s.replications();
        // values[check][0 = of, 1 = over][rep]
        double[][][] values = new double[checks.size()][2][reps];
        ExecutorService pool = kz.kosh.experiment.Threads.daemonPool(s.threads(), "kosh-validation");
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            List<int[]> index = new ArrayList<>();
            java.util.Map<String, ScenarioLoader.Loaded> loads = new java.util.HashMap<>();
            for (int e = 0; e < variants.size(); e++) {
                String variant = variants.get(e);
                for (int r = 0; r < reps; r++) {
                    int set = ens == null ? 0 : Math.floorMod(r, setsUsed);
                    ScenarioLoader.Loaded loaded = loads.computeIfAbsent(variant + "\u0000" + set,
                            k -> load(s.scenario(), base, spec, variant, ens == null ? null : ens.overlay(set), exp));
                    long seed = exp.seed(r);
                    futures.add(pool.submit(() -> measure(checks, variant, replicate(loaded, seed))));
                    index.add(new int[]{e, r});
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                double[][] v = futures.get(i).get();
                int r = index.get(i)[1];
                for (int c = 0; c < checks.size(); c++) {
                    // each side is measured in the one variant it names
                    String variant = variants.get(index.get(i)[0]);
                    if (checks.get(c).of().variant().equals(variant)) {
                        values[c][0][r] = v[c][0];
                    }
                    if (checks.get(c).over() != null && checks.get(c).over().variant().equals(variant)) {
                        values[c][1][r] = v[c][1];
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Result> results = new ArrayList<>();
        int[] setOf = new int[reps];
        for (int r = 0; r < reps; r++) {
            setOf[r] = ens == null ? 0 : Math.floorMod(r, setsUsed);
        }
        for (int c = 0; c < checks.size(); c++) {
            results.add(evaluate(checks.get(c), values[c][0], checks.get(c).ratio() ? values[c][1] : null,
                    ens == null ? null : setOf));
        }
        Ensemble e = ens == null ? null : new Ensemble(s.ensemble(), ens.sha256(), ens.size(), setsUsed);
        return new Report(s, spec, base.scenario().name(), variants, results, (System.nanoTime() - t0) / 1e9, e);
    }

    /**
     * A variant of the validated scenario with a parameter set: the set's values (null: none) at
     * their paths, then the variant's overlay on top ({@code set} values win; {@code times}
     * factors multiply the value in force with the set), with the experiment's years and scale.
     */
    private static ScenarioLoader.Loaded load(Path file, ScenarioLoader.Loaded base, ValidationPatterns.Spec spec,
                                              String variant, ObjectNode setOverlay, ExperimentSpec exp) {
        ObjectNode overlay = setOverlay == null ? null : setOverlay.deepCopy();
        if (!variant.equals(ValidationPatterns.BASE)) {
            JsonNode tree = overlay == null ? base.tree() : ScenarioLoader.load(file, overlay, null).tree();
            ObjectNode own = spec.variant(variant).overlay(tree);
            if (overlay == null) {
                overlay = own;
            } else {
                ExperimentSpec.merge(overlay, own);
            }
        }
        String name = variant.equals(ValidationPatterns.BASE) ? base.scenario().name() : variant;
        return exp.load(new ExperimentSpec.Entry(name, file, overlay));
    }

    /** One replication of a variant: its indicators and its entrants' study destinations. */
    static Context replicate(ScenarioLoader.Loaded loaded, long seed) {
        ScenarioLoader.Loaded l = loaded.withRun(seed, loaded.scenario().run().scale());
        KoshSim sim = new KoshSim(l.scenario(), 1);
        IndicatorTable table = new IndicatorTable();
        StudyFlows flows = new StudyFlows();
        sim.addObserver(table);
        sim.addObserver(flows);
        try {
            HeadlessRun.runYears(sim, false);
        } finally {
            sim.finish();
        }
        return new Context(table, l.scenario(), flows);
    }

    /** The values of the sides measured in {@code variant}; NaN where a side belongs to another variant. */
    static double[][] measure(List<ValidationPatterns.Check> checks, String variant, Context ctx) {
        double[][] out = new double[checks.size()][2];
        for (int c = 0; c < checks.size(); c++) {
            ValidationPatterns.Check k = checks.get(c);
            out[c][0] = k.of().variant().equals(variant) ? k.of().quantity().value(ctx) : Double.NaN;
            out[c][1] = k.over() != null && k.over().variant().equals(variant) ? k.over().quantity().value(ctx) : Double.NaN;
        }
        return out;
    }

    /** The statistic of a check over replications, whether it holds and by how much. */
    static Result evaluate(ValidationPatterns.Check check, double[] of, double[] over) {
        return evaluate(check, of, over, null);
    }

    /**
     * As {@link #evaluate(ValidationPatterns.Check, double[], double[])}; {@code setOf} (null
     * without an ensemble): the parameter set of each replication, for the variance split.
     */
    static Result evaluate(ValidationPatterns.Check check, double[] of, double[] over, int[] setOf) {
        CellStats a = stats(of);
        double mean;
        double lo;
        double hi;
        CellStats b = over == null ? null : stats(over);
        if (b == null) {
            mean = a.mean();
            double h = a.ci95HalfWidth();
            lo = mean - h;
            hi = mean + h;
        } else {
            // ratio of means with the delta-method CI on the paired differences a_r - R b_r
            mean = a.mean() / b.mean();
            CellStats d = new CellStats();
            for (int r = 0; r < of.length; r++) {
                d.add(of[r] - mean * over[r]);
            }
            double h = Double.isFinite(mean) ? d.ci95HalfWidth() / Math.abs(b.mean()) : Double.NaN;
            lo = mean - h;
            hi = mean + h;
        }
        double accLo = check.acceptLow();
        double accHi = check.acceptHigh();
        boolean holds = check.strict() ? mean > accLo && mean < accHi : mean >= accLo && mean <= accHi;
        double dLo = mean - accLo;
        double dHi = accHi - mean;
        double margin;
        double edge;
        if (Double.isNaN(mean)) {
            margin = Double.NaN;
            edge = Double.NaN;
        } else if (dLo <= dHi) {
            margin = dLo;
            edge = check.low();
        } else {
            margin = dHi;
            edge = check.high();
        }
        double rel = edge == 0 || Double.isNaN(edge) ? Double.NaN : margin / Math.abs(edge);
        boolean within = check.strict() ? lo > accLo && hi < accHi : lo >= accLo && hi <= accHi;
        double ofH = a.ci95HalfWidth();
        double overMean = b == null ? Double.NaN : b.mean();
        double overH = b == null ? Double.NaN : b.ci95HalfWidth();
        Split split = null;
        if (setOf != null) {
            double[] v = new double[of.length];
            for (int r = 0; r < of.length; r++) {
                v[r] = over == null ? of[r] : (of[r] - mean * over[r]) / Math.abs(b.mean());
            }
            split = split(v, setOf);
        }
        return new Result(check, mean, lo, hi, a.mean(), a.mean() - ofH, a.mean() + ofH, overMean, overMean - overH,
                overMean + overH, (int) a.n(), holds, margin, rel, within, split);
    }

    /** The one-way ANOVA of values grouped by their parameter set (VarianceSplit.anova). */
    static Split split(double[] values, int[] setOf) {
        int k = 0;
        for (int g : setOf) {
            k = Math.max(k, g + 1);
        }
        CellStats[] groups = new CellStats[k];
        for (int r = 0; r < values.length; r++) {
            if (groups[setOf[r]] == null) {
                groups[setOf[r]] = new CellStats();
            }
            groups[setOf[r]].add(values[r]);
        }
        long[] n = new long[k];
        double[] m = new double[k];
        double[] var = new double[k];
        for (int g = 0; g < k; g++) {
            CellStats c = groups[g];
            n[g] = c == null ? 0 : c.n();
            m[g] = c == null ? Double.NaN : c.mean();
            var[g] = c == null || c.n() < 2 ? Double.NaN : c.sd() * c.sd();
        }
        var a = kz.kosh.experiment.report.VarianceSplit.anova(n, m, var);
        return new Split(a.between(), a.within(), a.groups(), a.n());
    }

    private static CellStats stats(double[] x) {
        CellStats c = new CellStats();
        for (double v : x) {
            c.add(v);
        }
        return c;
    }

    /** What a quantity may look at in a validation replication: the indicators and the study flows. */
    public static final class Context extends Target.TableContext {
        private final StudyFlows flows;

        Context(IndicatorTable table, Scenario scenario, StudyFlows flows) {
            super(table, scenario);
            this.flows = flows;
        }

        public StudyFlows flows() {
            return flows;
        }
    }

    /**
     * Study and graduate flows by home region, destination and year, in agents: {@code study}
     * the study moves of self-paid and state-grant students (school leavers entering higher
     * education; not Bolashak scholars nor academic-mobility semesters); {@code arrivals} the
     * moves of graduates into a place from another place (first jobs, emigration, internal,
     * onward and return moves with origin ≠ destination).
     */
    public static final class StudyFlows implements YearObserver {
        private final List<Integer> years = new ArrayList<>();
        private final List<long[]> study = new ArrayList<>();
        private final List<long[]> arrivals = new ArrayList<>();
        private World world;

        @Override
        public void observe(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
            world = sim.world();
            int regions = world.regionCount();
            int places = world.placeCount();
            long[] m = new long[regions * places];
            long[] a = new long[regions * places];
            int studyKind = FlowKind.STUDY.ordinal();
            for (int f = 0; f < Population.FUNDING_NAMES.length; f++) {
                String fn = Population.FUNDING_NAMES[f];
                boolean entrant = fn.equals("self-paid") || fn.equals("state-grant");
                for (int h = 0; h < regions; h++) {
                    for (int o = 0; o < places; o++) {
                        for (int d = 0; d < places; d++) {
                            if (entrant) {
                                m[h * places + d] += c.flow(studyKind, f, h, o, d);
                            }
                            if (o != d) {
                                for (FlowKind k : FlowKind.values()) {
                                    if (k != FlowKind.STUDY) {
                                        a[h * places + d] += c.flow(k.ordinal(), f, h, o, d);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            years.add(year);
            study.add(m);
            arrivals.add(a);
        }

        /**
         * Entrants (or graduates' arrivals) from {@code homes} (all regions when empty) going to
         * {@code to}, as a share of those going abroad ({@code all} false) or of all, pooled over
         * the years.
         */
        public double share(boolean graduates, List<String> to, boolean all, List<String> homes, int from, int until) {
            int regions = world.regionCount();
            int places = world.placeCount();
            boolean[] target = new boolean[places];
            for (String t : to) {
                int i = world.indexOf(t);
                if (i < 0) {
                    throw new IllegalArgumentException("studyShare: no place " + t);
                }
                target[i] = true;
            }
            boolean[] home = new boolean[regions];
            if (homes.isEmpty()) {
                java.util.Arrays.fill(home, true);
            }
            for (String h : homes) {
                int i = world.indexOf(h);
                if (i < 0 || i >= regions) {
                    throw new IllegalArgumentException("studyShare: no region " + h);
                }
                home[i] = true;
            }
            long num = 0;
            long den = 0;
            for (int y = from; y <= until; y++) {
                int yi = years.indexOf(y);
                if (yi < 0) {
                    throw new IllegalStateException("year " + y + " is not among the recorded years");
                }
                long[] m = (graduates ? arrivals : study).get(yi);
                for (int h = 0; h < regions; h++) {
                    if (!home[h]) {
                        continue;
                    }
                    for (int d = 0; d < places; d++) {
                        long v = m[h * places + d];
                        if (target[d]) {
                            num += v;
                        }
                        if (all || world.isAbroad(d)) {
                            den += v;
                        }
                    }
                }
            }
            return den == 0 ? Double.NaN : (double) num / den;
        }
    }
}
