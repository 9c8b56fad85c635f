package kz.kosh.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.ExperimentDirectory;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.output.Fmt;
import kz.kosh.scenario.ScenarioLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a policy search: NSGA-II ({@link Nsga2}) over the decision variables, each generation one
 * Kosh experiment (the reference scenario and the generation's new candidates, paired
 * replications with common random numbers, parameter set r mod K of an ensemble in replication
 * r), written under {@code <out>/generations/gNNN/} as {@code experiment.yaml}, the candidates'
 * scenario files and the experiment's output {@code result/} with every replication kept.
 *
 * <p><b>Resuming.</b> A generation whose experiment finished is read back from its replication
 * files (each checked against its SHA-256, a damaged one is recomputed); an unfinished one
 * resumes through the experiment runner. Because the optimiser is deterministic for its seed and
 * the values it is given, re-running the same command after a kill replays the finished
 * generations from disk and goes on where it stopped. A changed search file, ensemble or Kosh
 * resolved reference (a change of the model's defaults too) makes another fingerprint: the
 * directory is then refused (or replaced with --overwrite).
 *
 * <p><b>Clusters.</b> With {@code clusterMode} the search stops before running a generation and
 * says how to run it as a Slurm array ({@code kosh experiment slurm-script}) and merge it; the
 * next call reads the merged generation and prepares the next one.
 *
 * <p><b>Noise.</b> The search ranks points by their means over {@code replications} paired
 * replications; the final population's non-dominated points are then evaluated again with
 * {@code finalReplications} (new seeds added to the same ones), and the front is recomputed on
 * those means: a point that was on the front only by luck drops off ({@code on_front = false}).
 *
 * <p>Apart: ranking ({@link SearchRanking}), the output folder and search.json
 * ({@link SearchDirectory}), the candidates' files ({@link Candidates}) and the report ({@link FrontReport}).
 */
public final class PolicySearch {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySearch.class);
    static final String MANIFEST = "search.json";
    static final String INCOMPLETE = "INCOMPLETE";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** How to run. */
    public record Options(Path out, int threads, boolean progress, ParameterEnsemble ensemble, boolean overwrite,
                          boolean clusterMode) {
    }

    /** Thrown in cluster mode when a generation must be run as an array job first. */
    public static final class GenerationPending extends RuntimeException {
        private final Path experimentFile;
        private final Path resultDir;

        GenerationPending(Path experimentFile, Path resultDir) {
            super("generation experiment " + experimentFile + " is to be run");
            this.experimentFile = experimentFile;
            this.resultDir = resultDir;
        }

        public Path experimentFile() {
            return experimentFile;
        }

        public Path resultDir() {
            return resultDir;
        }
    }

    /** What a finished search reports. */
    public record Result(Path dir, List<FrontPoint> points, int generationsRun, int generationsResumed,
                         int evaluations, double wallSeconds, int referenceReplicationsRun, int referenceReplicationsPaired) {
    }

    /**
     * A point of the final evaluation: a candidate of the last population's front, the reference
     * or a library scenario, with its paired evaluation and whether it is non-dominated among the
     * candidates after the re-evaluation.
     */
    public record FrontPoint(int id, String kind, String name, Evaluation evaluation, boolean onFront, boolean feasible) {
    }

    private final SearchSpec spec;
    private final SearchRanking ranking;
    private final Options options;
    private final Path dir;
    private final Map<String, Evaluation> cache = new LinkedHashMap<>();
    private int generationsRun;
    private int generationsResumed;

    public PolicySearch(SearchSpec spec, Options options) {
        this.spec = spec;
        this.ranking = new SearchRanking(spec);
        this.options = options;
        this.dir = options.out().toAbsolutePath().normalize();
        if (spec.robustPercentile() != null && options.ensemble() == null) {
            throw new IllegalArgumentException(spec.file() + ": robust: ranking by a percentile over parameter sets "
                    + "needs parameter sets; pass --parameter-ensemble FILE (e.g. calibration/<name>-posterior.csv)");
        }
    }

    /** Checks the output directory without writing (a refused directory is one line, before any work). */
    public void preflight() {
        out().check(out().fingerprint());
    }

    /** How this search ranks its points. */
    SearchRanking ranking() {
        return ranking;
    }

    private SearchDirectory out() {
        return new SearchDirectory(dir, spec, options);
    }

    /** Runs (or resumes) the search and writes front.csv, front.png, search-report.md and search.json. */
    public Result run() {
        long t0 = System.nanoTime();
        Instant start = Instant.now();
        SearchDirectory out = out();
        String fp = out.fingerprint();
        out.check(fp);
        out.prepare(fp);
        int n = spec.variables().size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = spec.variables().get(i).min();
            hi[i] = spec.variables().get(i).max();
        }
        int objectives = spec.objectives().size();
        int constraints = spec.constraints().size();
        List<Nsga2.Point> last = Nsga2.run(lo, hi, objectives, constraints, spec.population(), spec.generations(),
                spec.seed(), this::evaluateGeneration);
        // the final population's front, evaluated again with more replications
        Map<String, double[]> unique = new LinkedHashMap<>();
        for (Nsga2.Point p : last) {
            double[] v = spec.decode(p.x());
            unique.putIfAbsent(Arrays.toString(v), v);
        }
        List<double[]> finalValues = new ArrayList<>(unique.values());
        FinalRun fr = runGeneration("front", finalValues, spec.finalReplications(), spec.library());
        List<FrontPoint> points = new ArrayList<>();
        points.add(new FrontPoint(0, "reference", fr.referenceName, fr.reference, false, ranking.feasible(fr.reference)));
        for (int i = 0; i < finalValues.size(); i++) {
            Evaluation e = fr.candidates.get(i);
            points.add(new FrontPoint(i + 1, "candidate", fr.names.get(i), e, false, ranking.feasible(e)));
        }
        for (int i = 0; i < fr.library.size(); i++) {
            points.add(new FrontPoint(finalValues.size() + 1 + i, "library", fr.libraryNames.get(i), fr.library.get(i),
                    false, ranking.feasible(fr.library.get(i))));
        }
        points = ranking.markFront(points);
        double wall = (System.nanoTime() - t0) / 1e9;
        FrontReport.write(dir, spec, points, options.ensemble());
        out.writeManifest(fp, start, wall, points.size(), new SearchDirectory.Counts(cache.size(), generationsRun,
                generationsResumed, referenceReplicationsRun, referenceReplicationsPaired));
        try {
            Files.deleteIfExists(dir.resolve(INCOMPLETE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("search {} done in {} s: {} generations run, {} read back, {} candidates evaluated; {} reference "
                        + "replications run for {} paired ones", spec.name(), String.format(Locale.ROOT, "%.1f", wall),
                generationsRun, generationsResumed, cache.size(), referenceReplicationsRun, referenceReplicationsPaired);
        return new Result(dir, points, generationsRun, generationsResumed, cache.size(), wall, referenceReplicationsRun,
                referenceReplicationsPaired);
    }

    private double[][] evaluateGeneration(int generation, List<double[]> xs) {
        List<double[]> decoded = new ArrayList<>();
        Map<String, double[]> fresh = new LinkedHashMap<>();
        for (double[] x : xs) {
            double[] v = spec.decode(x);
            decoded.add(v);
            String key = Arrays.toString(v);
            if (!cache.containsKey(key)) {
                fresh.putIfAbsent(key, v);
            }
        }
        if (!fresh.isEmpty()) {
            String label = String.format(Locale.ROOT, "g%03d", generation + 1);
            List<double[]> values = new ArrayList<>(fresh.values());
            FinalRun run = runGeneration(label, values, spec.replications(), List.of());
            for (int i = 0; i < values.size(); i++) {
                cache.put(Arrays.toString(values.get(i)), run.candidates.get(i));
            }
        }
        int k = spec.objectives().size();
        double[][] out = new double[xs.size()][];
        for (int i = 0; i < out.length; i++) {
            Evaluation e = cache.get(Arrays.toString(decoded.get(i)));
            double[] f = ranking.rankValues(e);
            double[] c = ranking.constraintValues(e);
            double[] all = Arrays.copyOf(f, k + c.length);
            System.arraycopy(c, 0, all, k, c.length);
            for (int j = 0; j < k; j++) {
                if (Double.isNaN(all[j])) {
                    all[j] = Double.MAX_VALUE; // a point without a value is never preferred
                }
            }
            out[i] = all;
        }
        return out;
    }

    /** The evaluations of one generation experiment. */
    private static final class FinalRun {
        String referenceName;
        Evaluation reference;
        final List<Evaluation> candidates = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Evaluation> library = new ArrayList<>();
        final List<String> libraryNames = new ArrayList<>();
    }

    /**
     * The reference's replications, run once for the whole search ({@code generations/reference/},
     * max(replications, finalReplications) replications with their per-agent ledgers) and paired
     * with every generation: replication r of the reference depends only on its seed
     * (baseSeed + r), its parameter set (r mod K), the scale and the run years, which all
     * generations share, so re-running it in each generation would repeat the same numbers.
     */
    private static final class ReferenceRuns {
        String name;
        final List<IndicatorTable> tables = new ArrayList<>();
    }

    private ReferenceRuns referenceRuns;
    /** Reference replications run by this call, and those the generations it ran paired with (each once before the cache). */
    private int referenceReplicationsRun;
    private int referenceReplicationsPaired;

    /** Replications of the reference a search needs: the most that a generation or the front uses. */
    int referenceReplications() {
        return Math.max(spec.replications(), spec.finalReplications());
    }

    private ReferenceRuns reference() {
        if (referenceRuns == null) {
            int reps = referenceReplications();
            referenceRuns = runExperiment("reference", List.of(spec.scenario()), reps, List.of(),
                    "the reference alone, run once and paired with every generation (common random numbers)",
                    (es, result) -> {
                        ReferenceRuns rr = new ReferenceRuns();
                        rr.name = es.scenarios().get(0).name();
                        for (int r = 0; r < es.replications(); r++) {
                            rr.tables.add(table(es, result, 0, r));
                        }
                        return rr;
                    });
        }
        return referenceRuns;
    }

    /**
     * Writes and runs (or reads back) one generation's experiment: the candidates of
     * {@code values}, then the {@code library} scenarios, with {@code reps} replications paired
     * with the same replications of the {@link #reference()} runs.
     */
    private FinalRun runGeneration(String label, List<double[]> values, int reps, List<Path> library) {
        ReferenceRuns ref = reference();
        Path g = dir.resolve("generations").resolve(label);
        List<Path> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String name = String.format(Locale.ROOT, "%s-c%03d", label, i + 1);
            names.add(name);
            Path f = g.resolve("candidates").resolve(name + ".yaml");
            Candidates.write(spec, values.get(i), name, describe(values.get(i)), f);
            files.add(f);
        }
        return runExperiment(label, files, reps, library, "the candidates" + (library.isEmpty() ? "" : " and the library "
                + "scenarios") + ", paired with the reference's runs in generations/reference (common random numbers)",
                (es, result) -> read(es, result, ref, values, names, library.size()));
    }

    /** Reads one finished experiment of the search. */
    private interface Reader<T> {
        T read(ExperimentSpec es, Path result);
    }

    /**
     * Writes {@code generations/<label>/experiment.yaml} (the scenario files, then the library),
     * runs it into {@code result/} with every replication and its per-agent ledger kept (or, in
     * cluster mode, stops for it to be run as an array), and reads it back; a damaged replication
     * is recomputed once.
     */
    private <T> T runExperiment(String label, List<Path> scenarios, int reps, List<Path> library, String comment,
                                Reader<T> reader) {
        Path g = dir.resolve("generations").resolve(label);
        ObjectNode e = JSON.createObjectNode();
        e.put("name", spec.name() + "-" + label);
        ArrayNode sc = e.putArray("scenarios");
        scenarios.forEach(f -> sc.add(rel(g, f)));
        library.forEach(f -> sc.add(rel(g, f)));
        e.put("replications", reps);
        e.put("baseSeed", spec.baseSeed());
        e.put("scale", spec.scale());
        ExperimentSpec.putRunYears(e, spec.startYear(), spec.endYear(), spec.spinUpYears());
        // payments before the policy period are the same in the reference and a candidate: not kept
        e.put("agentPaymentsFromYear", spec.fromYear());
        Path file = g.resolve("experiment.yaml");
        try {
            kz.kosh.output.OutputPaths.write(file, "# " + (label.equals("reference") ? "The reference" : "Generation " + label)
                    + " of kosh search " + spec.name() + ": " + comment + ".\n"
                    + ScenarioLoader.yamlMapper().writeValueAsString(e));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
        ExperimentSpec es = ExperimentSpec.load(file);
        if (options.ensemble() != null) {
            es = es.withEnsemble(options.ensemble());
        }
        Path result = g.resolve("result");
        for (int attempt = 0; ; attempt++) {
            if (!ExperimentDirectory.isFinished(result)) {
                if (options.clusterMode()) {
                    throw new GenerationPending(file, result);
                }
                LOG.info("{}: {} scenarios x {} replications", es.name(), es.scenarios().size(), reps);
                ExperimentRunner.Result run = new ExperimentRunner(es, result, options.threads(), true, false,
                        options.progress()).run();
                if (label.equals("reference")) {
                    referenceReplicationsRun += run.replicationsRun();
                } else {
                    generationsRun++;
                    referenceReplicationsPaired += reps;
                }
            } else if (!label.equals("reference")) {
                generationsResumed++;
            }
            try {
                return reader.read(es, result);
            } catch (IndicatorTable.DamagedFileException | MissingReplication ex) {
                if (attempt > 0 || options.clusterMode() && ex instanceof MissingReplication) {
                    throw ex;
                }
                LOG.warn("{}; recomputing it", ex.getMessage());
                if (ex instanceof IndicatorTable.DamagedFileException d) {
                    IndicatorTable.delete(d.file());
                }
                ExperimentDirectory.markUnfinished(result);
            }
        }
    }

    private FinalRun read(ExperimentSpec es, Path result, ReferenceRuns refRuns, List<double[]> values, List<String> names,
                          int library) {
        int candidates = values.size();
        FinalRun fr = new FinalRun();
        fr.referenceName = refRuns.name;
        fr.reference = new Evaluation(null);
        List<SearchSpec.Target> targets = spec.targets();
        List<Evaluation> all = new ArrayList<>();
        for (int s = 0; s < es.scenarios().size(); s++) {
            all.add(new Evaluation(s < candidates ? values.get(s) : null));
        }
        int spending = spec.accountingIndex();
        for (int r = 0; r < es.replications(); r++) {
            IndicatorTable ref = refRuns.tables.get(r);
            double[] rv = values(ref, targets);
            rv = withColumns(rv, Deadweight.referenceColumns(ref.agents(), rv[spending]));
            fr.reference.add(es.setOf(r), rv, rv);
            for (int s = 0; s < es.scenarios().size(); s++) {
                IndicatorTable t = table(es, result, s, r);
                double[] cv = values(t, targets);
                cv = withColumns(cv, Deadweight.candidateColumns(ref.agents(), t.agents(), spec.scale(), cv[spending]));
                all.get(s).add(es.setOf(r), cv, rv);
            }
        }
        for (int i = 0; i < candidates; i++) {
            fr.candidates.add(all.get(i));
            fr.names.add(names.get(i));
        }
        for (int i = 0; i < library; i++) {
            fr.library.add(all.get(candidates + i));
            fr.libraryNames.add(es.scenarios().get(candidates + i).name());
        }
        return fr;
    }

    private static double[] withColumns(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A replication that a finished generation should hold but does not. */
    static final class MissingReplication extends IllegalStateException {
        MissingReplication(String message) {
            super(message);
        }
    }

    private static IndicatorTable table(ExperimentSpec es, Path result, int s, int r) {
        IndicatorTable t = ExperimentDirectory.savedReplication(es, result, s, r);
        if (t == null) {
            throw new MissingReplication(ExperimentDirectory.replicationFile(es, result, s, r) + " is missing from a finished "
                    + "generation");
        }
        return t;
    }

    private double[] values(IndicatorTable t, List<SearchSpec.Target> targets) {
        double[] v = new double[targets.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Evaluation.value(t, targets.get(i), spec.fromYear());
        }
        return v;
    }

    /** "policy.bolashak.awardsPerYear = 800, ..." */
    String describe(double[] values) {
        StringBuilder sb = new StringBuilder("From ").append(spec.fromYear()).append(": ");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(spec.variables().get(i).path()).append(" = ").append(Fmt.number(values[i]));
        }
        return sb.toString();
    }

    private static String rel(Path from, Path to) {
        try {
            return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return to.toAbsolutePath().toString();
        }
    }
}
