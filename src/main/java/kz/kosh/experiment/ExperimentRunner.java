package kz.kosh.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.output.BuildInfo;
import kz.kosh.output.Fmt;
import kz.kosh.scenario.ScenarioLoader;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an experiment: every (scenario, replication) pair as an independent
 * {@link ReplicationTask} on a thread pool, each replication's indicators saved under
 * {@code runs/} as soon as it finishes (so an interrupted experiment resumes from them), and
 * streaming statistics per scenario × year × indicator × place. Replications are aggregated in
 * replication order, so the statistics do not depend on the number of threads. Writes
 * summary.csv (95% intervals: Student t; shares: Wilson with the effective sample size, see
 * {@link kz.kosh.experiment.report.Intervals}), differences.csv (paired by replication against
 * the reference, Student t), headline.csv (key indicators over the policy period), manifest.json
 * and the report.
 */
public final class ExperimentRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);
    static final String INCOMPLETE_MARKER = "INCOMPLETE";
    static final String FINGERPRINT = "fingerprint.txt";

    /** What a finished experiment reports back. */
    public record Result(Path directory, int replicationsRun, int replicationsResumed, double wallSeconds) {
    }

    private final ExperimentSpec spec;
    private final Path dir;
    private final int threads;
    private final boolean keepRuns;
    private final boolean overwrite;
    private final boolean progress;

    public ExperimentRunner(ExperimentSpec spec, Path dir, int threads, boolean keepRuns, boolean overwrite,
                            boolean progress) {
        this.spec = spec;
        this.dir = dir.toAbsolutePath().normalize();
        this.threads = Math.max(1, threads);
        this.keepRuns = keepRuns;
        this.overwrite = overwrite;
        this.progress = progress;
    }

    /**
     * Checks, without writing anything, that the experiment can run into its directory (a
     * finished experiment needs --overwrite, an unfinished one must be the same experiment,
     * --overwrite only on a Kosh experiment); throws like {@link #run()} would.
     */
    public void preflight() {
        ExperimentDirectory.checkDirectory(dir, fingerprint(spec, loadAll(spec)), overwrite);
    }

    /** Runs (or resumes) the experiment and writes its outputs. */
    public Result run() {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<ScenarioLoader.Loaded> loaded = loadAll(spec);
        String fingerprint = fingerprint(spec, loaded);
        ExperimentDirectory.checkDirectory(dir, fingerprint, overwrite);
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            prepareDirectory(fingerprint);
            return runLocked(loaded, start, t0);
        }
    }

    private Result runLocked(List<ScenarioLoader.Loaded> loaded, Instant start, long t0) {
        int scenarios = loaded.size();
        int reps = spec.replications();
        Aggregator agg = aggregator(spec, loaded);
        Path runs = dir.resolve("runs");
        List<ReplicationTask> todo = new ArrayList<>();
        SetScenarios sets = new SetScenarios(spec, loaded);
        int resumed = 0;
        for (int r = 0; r < reps; r++) {
            for (int s = 0; s < scenarios; s++) {
                Path f = runFile(runs, s, r);
                IndicatorTable saved = Files.exists(f) ? readOrDiscard(f) : null;
                if (saved != null) {
                    agg.offer(s, r, saved);
                    resumed++;
                } else {
                    todo.add(new LocalReplication(s, r, sets.get(s, r), spec.seed(r), spec.agentPaymentsFromYear()));
                }
            }
        }
        if (resumed > 0) {
            LOG.info("resuming {}: {} of {} replications already on disk", spec.name(), resumed, reps * scenarios);
        }
        execute(todo, reps * scenarios, resumed, runs, agg);
        double wall = (System.nanoTime() - t0) / 1e9;
        writeOutputs(spec, dir, agg, loaded, start, wall, resumed, threads);
        if (!keepRuns) {
            ExperimentDirectory.deleteRuns(runs);
        }
        LOG.info("experiment {} done in {} s: {}", spec.name(), String.format("%.1f", wall), dir);
        return new Result(dir, reps * scenarios - resumed, resumed, wall);
    }

    /**
     * A saved replication, or null after deleting it when it is damaged (no or wrong checksum,
     * cut short, unreadable): it is then recomputed, with a warning naming the file.
     */
    static IndicatorTable readOrDiscard(Path f) {
        try {
            return IndicatorTable.readVerified(f);
        } catch (IndicatorTable.DamagedFileException e) {
            LOG.warn("{}; recomputing it", e.getMessage());
            IndicatorTable.delete(f);
            return null;
        }
    }

    /**
     * Runs shard k of n: the (scenario, replication) pairs q = r·S + s with
     * ⌊k·P/n⌋ ≤ q < ⌊(k+1)·P/n⌋, P = replications × scenarios, into
     * {@code <dir>/shards/<k>-of-<n>/}. Seeds depend only on the replication, never on the shard.
     * Pairs already on disk there are kept (a retried task redoes only what is missing).
     */
    public Result runShard(int k, int n) {
        if (n < 1 || k < 0 || k >= n) {
            throw new IllegalArgumentException("shard must be k/n with 0 <= k < n, got " + k + "/" + n);
        }
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<ScenarioLoader.Loaded> loaded = loadAll(spec);
        String fingerprint = fingerprint(spec, loaded);
        Path shardDir = dir.resolve("shards").resolve(k + "-of-" + n);
        ExperimentDirectory.checkPlace(dir.toAbsolutePath().normalize());
        try {
            String notKosh = null;
            if (Files.isDirectory(dir)) {
                try (var entries = Files.list(dir)) {
                    // shards/ (other shards starting at the same time), and the scripts and logs of
                    // experiment slurm-script (written before any shard) belong to this experiment
                    if (entries.anyMatch(p -> !java.util.Set.of("shards", "slurm", "logs", DirectoryLock.FILE)
                            .contains(p.getFileName().toString()))) {
                        notKosh = ExperimentDirectory.notAKoshExperiment(dir);
                    }
                }
            }
            if (notKosh != null) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "is not a Kosh experiment directory (" + notKosh + "); refusing to write shards into it; choose another --out DIR"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dir, e);
        }
        try (DirectoryLock lock = DirectoryLock.acquire(shardDir)) {
            return runShardLocked(k, n, loaded, fingerprint, shardDir, start, t0);
        }
    }

    private Result runShardLocked(int k, int n, List<ScenarioLoader.Loaded> loaded, String fingerprint, Path shardDir,
                                  Instant start, long t0) {
        Path runs = shardDir.resolve("runs");
        int scenarios = loaded.size();
        long pairs = (long) spec.replications() * scenarios;
        long from = k * pairs / n;
        long to = (k + 1) * pairs / n;
        List<ReplicationTask> todo = new ArrayList<>();
        SetScenarios sets = new SetScenarios(spec, loaded);
        int resumed = 0;
        for (long q = from; q < to; q++) {
            int r = (int) (q / scenarios);
            int s = (int) (q % scenarios);
            Path f = runFile(runs, s, r);
            if (Files.exists(f) && readOrDiscard(f) != null) {
                resumed++;
            } else {
                todo.add(new LocalReplication(s, r, sets.get(s, r), spec.seed(r), spec.agentPaymentsFromYear()));
            }
        }
        Shards.writeShardInfo(shardDir, spec, fingerprint, k, n, from, to, false);
        writeDesign(shardDir, spec);
        execute(todo, (int) (to - from), resumed, runs, null);
        Shards.writeShardInfo(shardDir, spec, fingerprint, k, n, from, to, true);
        double wall = (System.nanoTime() - t0) / 1e9;
        LOG.info("shard {}/{} of {} done in {} s ({} pairs, {} already there), started {}", k, n, spec.name(),
                String.format("%.1f", wall), to - from, resumed, start);
        return new Result(shardDir, todo.size(), resumed, wall);
    }

    /**
     * The scenario of (scenario s, replication r): without an ensemble the loaded scenario s;
     * with one, scenario s with parameter set r mod K overlaid, loaded once per (s, set) and only
     * when a replication needs it.
     */
    static final class SetScenarios {
        private final ExperimentSpec spec;
        private final List<ScenarioLoader.Loaded> loaded;
        private final Map<Long, ScenarioLoader.Loaded> bySet = new HashMap<>();

        SetScenarios(ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded) {
            this.spec = spec;
            this.loaded = loaded;
        }

        ScenarioLoader.Loaded get(int s, int r) {
            if (spec.ensemble() == null) {
                return loaded.get(s);
            }
            int set = spec.setOf(r);
            return bySet.computeIfAbsent((long) s * spec.ensemble().size() + set,
                    k -> spec.load(spec.scenarios().get(s), set));
        }
    }

    static List<ScenarioLoader.Loaded> loadAll(ExperimentSpec spec) {
        List<ScenarioLoader.Loaded> loaded = new ArrayList<>();
        for (ExperimentSpec.Entry e : spec.scenarios()) {
            loaded.add(spec.load(e));
        }
        return loaded;
    }

    /** Runs the tasks on the pool, saving each result under {@code runs} and offering it to {@code agg} (if any). */
    private void execute(List<ReplicationTask> todo, int total, int done, Path runs, Aggregator agg) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kosh-replication");
            t.setDaemon(true);
            return t;
        });
        try (ProgressBar bar = progressBar(total, done)) {
            List<Future<?>> futures = new ArrayList<>();
            for (ReplicationTask task : todo) {
                futures.add(pool.submit(() -> {
                    IndicatorTable table = task.run();
                    table.write(runFile(runs, task.scenarioIndex(), task.replication()));
                    if (agg != null) {
                        agg.offer(task.scenarioIndex(), task.replication(), table);
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("experiment interrupted; completed replications are kept in " + runs, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replication failed (completed ones are kept in " + runs
                    + "): " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes summary.csv, differences.csv, manifest.json and the report, then removes the marker. */
    static void writeOutputs(ExperimentSpec spec, Path dir, Aggregator agg, List<ScenarioLoader.Loaded> loaded,
                             Instant start, double wall, int resumed, int threads) {
        List<String> names = spec.scenarios().stream().map(ExperimentSpec.Entry::name).toList();
        writeDesign(dir, spec);
        writeSummary(dir, agg, names);
        writeDifferences(dir, spec, agg, names);
        writeManifest(dir, spec, loaded, start, wall, resumed, threads, agg.replicationsAdded());
        writeHeadline(dir, agg, names);
        // the places of the reference (ids, names, types) so that every place code in the outputs has its name
        kz.kosh.scenario.Scenario reference = loaded.get(spec.referenceIndex()).scenario();
        kz.kosh.output.Places.write(dir, new kz.kosh.world.World(reference, reference.run().startYear()), reference);
        if (spec.ensemble() != null) {
            kz.kosh.experiment.report.VarianceSplit.write(dir,
                    kz.kosh.experiment.report.VarianceSplit.compute(agg.headline, names));
        }
        kz.kosh.experiment.report.ReportWriter.write(dir);
        try {
            Files.deleteIfExists(dir.resolve(INCOMPLETE_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** headline.csv: the key indicators over the policy period, against the reference. */
    private static void writeHeadline(Path dir, Aggregator agg, List<String> names) {
        kz.kosh.experiment.report.HeadlineCsv.write(dir, kz.kosh.experiment.report.Headline.compute(agg.headline, names));
    }

    /**
     * The aggregation of an experiment, its headline's policy period set from the scenarios'
     * timelines (see {@link kz.kosh.experiment.report.PolicyPeriod#policyStart}).
     */
    static Aggregator aggregator(ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded) {
        Aggregator agg = new Aggregator(spec, loaded.size());
        if (spec.ensemble() != null) {
            agg.headline.parameterSets(spec.ensemble().size());
        }
        agg.headline.headlineCodes(loaded.stream().map(l -> l.scenario().headline()).toList());
        var run = loaded.get(spec.referenceIndex()).scenario().run();
        agg.headline.periodStarts(kz.kosh.experiment.report.PolicyPeriod.policyStarts(
                loaded.stream().map(ScenarioLoader.Loaded::scenario).toList(), spec.referenceIndex(), run.startYear(),
                run.endYear()));
        return agg;
    }

    private ProgressBar progressBar(int total, int done) {
        if (!progress) {
            return null;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(spec.name()).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" runs", 1).showSpeed(new java.text.DecimalFormat("0.00")).setSpeedUnit(java.time.temporal.ChronoUnit.MINUTES)
                .build();
        bar.stepTo(done);
        return bar;
    }

    Path runFile(int scenario, int replication) {
        return runFile(dir.resolve("runs"), scenario, replication);
    }

    /** The file of one replication's indicators under a runs/ directory. */
    Path runFile(Path runs, int scenario, int replication) {
        return runFile(spec, runs, scenario, replication);
    }

    /**
     * The saved indicators of one replication of an experiment run into {@code dir} (present
     * after {@link #run()} with keepRuns, or while the experiment is incomplete).
     */
    public static Path replicationFile(ExperimentSpec spec, Path dir, int scenario, int replication) {
        return runFile(spec, dir.toAbsolutePath().normalize().resolve("runs"), scenario, replication);
    }

    /**
     * The saved, checksum-verified indicators of one replication of an experiment run (or merged)
     * into {@code dir} with its runs kept: from {@code runs/}, else from the runs of any of its
     * shards ({@code shards/k-of-N/runs/}); null when there is none.
     *
     * @throws IndicatorTable.DamagedFileException when the file is there but damaged
     */
    public static IndicatorTable savedReplication(ExperimentSpec spec, Path dir, int scenario, int replication) {
        Path d = dir.toAbsolutePath().normalize();
        Path f = runFile(spec, d.resolve("runs"), scenario, replication);
        if (Files.exists(f)) {
            return IndicatorTable.readVerified(f);
        }
        Path shards = d.resolve("shards");
        if (Files.isDirectory(shards)) {
            try (var s = Files.list(shards)) {
                for (Path sh : s.sorted().toList()) {
                    Path g = runFile(spec, sh.resolve("runs"), scenario, replication);
                    if (Files.exists(g)) {
                        return IndicatorTable.readVerified(g);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + shards, e);
            }
        }
        return null;
    }

    /** Whether {@code dir} holds a finished experiment (its manifest written, no INCOMPLETE marker). */
    public static boolean isFinished(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json")) && !Files.exists(dir.resolve(INCOMPLETE_MARKER));
    }

    /** Marks a finished experiment unfinished again so that re-running it recomputes a deleted replication. */
    public static void markUnfinished(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("manifest.json"));
            Files.writeString(dir.resolve(INCOMPLETE_MARKER), "a replication was damaged; re-run to recompute it\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + dir + " unfinished", e);
        }
    }

    static Path runFile(ExperimentSpec spec, Path runs, int scenario, int replication) {
        return runs.resolve(String.format("%03d-%s", scenario, safe(spec.scenarios().get(scenario).name())))
                .resolve(String.format("rep-%06d.csv.gz", replication));
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    /** Same experiment (scenarios, settings) ⇔ same fingerprint: decides whether runs/ can be reused. */
    static String fingerprint(ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded) {
        StringBuilder sb = new StringBuilder();
        sb.append(spec.baseSeed()).append('|').append(spec.scale()).append('|').append("replications=")
                .append(spec.replications()).append('|');
        for (int i = 0; i < loaded.size(); i++) {
            sb.append(spec.scenarios().get(i).name()).append('|').append(loaded.get(i).toYaml()).append('|');
        }
        if (spec.agentPaymentsFromYear() != null) { // runs without ledgers cannot be reused for a search that needs them
            sb.append("agentPaymentsFromYear=").append(spec.agentPaymentsFromYear()).append('|');
        }
        if (spec.ensemble() != null) { // a resumed run with another ensemble file is another experiment
            sb.append("parameterEnsemble=").append(spec.ensemble().sha256()).append('|');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void prepareDirectory(String fingerprint) {
        ExperimentDirectory.prepareDirectory(dir, fingerprint, overwrite);
    }

    /**
     * design.csv: the sweep's design points (scenario, parameter, value), one row per point and
     * parameter; not written when the experiment has no sweep.
     */
    static void writeDesign(Path dir, ExperimentSpec spec) {
        StringBuilder sb = new StringBuilder("scenario,parameter,value\n");
        boolean any = false;
        for (ExperimentSpec.Entry e : spec.scenarios()) {
            if (e.overlay() == null) {
                continue;
            }
            any = true;
            List<String> rows = new ArrayList<>();
            flatten(e.overlay(), "", rows);
            for (String r : rows) {
                sb.append(e.name()).append(',').append(r).append('\n');
            }
        }
        if (!any) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("design.csv"), sb.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write design.csv", ex);
        }
    }

    private static void flatten(com.fasterxml.jackson.databind.JsonNode n, String path, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        } else {
            out.add(path + "," + n.asText());
        }
    }


    private static void writeSummary(Path dir, Aggregator agg, List<String> names) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            w.write("scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n\n");
            for (int s = 0; s < names.size(); s++) {
                for (Map.Entry<String, CellStats[]> e : agg.summary(s).entrySet()) {
                    writeRows(w, names.get(s), null, agg.years(), e.getKey(), e.getValue(), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write summary.csv", e);
        }
    }

    private static void writeDifferences(Path dir, ExperimentSpec spec, Aggregator agg, List<String> names) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("differences.csv"), StandardCharsets.UTF_8)) {
            w.write("scenario,reference,year,indicator,place,mean_difference,sd,ci95_low,ci95_high,excludes_zero,n\n");
            String ref = names.get(spec.referenceIndex());
            for (int s = 0; s < names.size(); s++) {
                if (s == spec.referenceIndex()) {
                    continue;
                }
                for (Map.Entry<String, CellStats[]> e : agg.differences(s).entrySet()) {
                    writeRows(w, names.get(s), ref, agg.years(), e.getKey(), e.getValue(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write differences.csv", e);
        }
    }

    private static void writeRows(BufferedWriter w, String scenario, String reference, List<Integer> years, String key,
                                  CellStats[] cells, boolean difference) throws IOException {
        int bar = key.indexOf('|');
        String indicator = key.substring(0, bar);
        String place = key.substring(bar + 1);
        for (int y = 0; y < cells.length; y++) {
            CellStats c = cells[y];
            if (c.n() == 0) {
                continue;
            }
            double half = c.ci95HalfWidth();
            double lo = c.mean() - half;
            double hi = c.mean() + half;
            if (!difference && kz.kosh.output.Indicators.isShare(indicator) && !Double.isNaN(half)) {
                // shares: Wilson interval with the effective sample size, inside [0, 1]
                double[] wi = kz.kosh.experiment.report.Intervals.share(c.mean(), c.sd(), c.n());
                lo = wi[0];
                hi = wi[1];
            }
            StringBuilder sb = new StringBuilder(128).append(scenario).append(',');
            if (difference) {
                sb.append(reference).append(',');
            }
            sb.append(years.get(y)).append(',').append(indicator).append(',').append(place).append(',')
                    .append(Fmt.number(c.mean())).append(',').append(Fmt.number(c.sd())).append(',')
                    .append(Fmt.number(lo)).append(',').append(Fmt.number(hi)).append(',');
            if (difference) {
                sb.append(!Double.isNaN(half) && (lo > 0 || hi < 0));
            } else {
                sb.append(Fmt.number(c.p05())).append(',').append(Fmt.number(c.p50())).append(',').append(Fmt.number(c.p95()));
            }
            sb.append(',').append(c.n()).append('\n');
            w.write(sb.toString());
        }
    }

    private static void writeManifest(Path dir, ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded, Instant start,
                                      double wall, int resumed, int threads, List<Integer> summarised) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        BuildInfo.stamp(m);
        m.put("experiment", spec.name());
        m.put("reference", spec.scenarios().get(spec.referenceIndex()).name());
        ArrayNode names = m.putArray("scenarios");
        ArrayNode files = m.putArray("scenarioFiles");
        for (ExperimentSpec.Entry e : spec.scenarios()) {
            names.add(e.name());
            files.add(e.file().toString());
        }
        // the replications actually summarised: fewer than planned after merge --allow-incomplete
        m.put("replications", summarised.size());
        m.put("baseSeed", spec.baseSeed());
        if (summarised.size() == spec.replications()) {
            m.put("seeds", "baseSeed + r for replication r = 0.." + (spec.replications() - 1) + " (common random numbers)");
        } else {
            m.put("replicationsPlanned", spec.replications());
            String list = summarised.size() <= 50 ? summarised.toString()
                    : summarised.subList(0, 50).toString().replace("]", ", ...]");
            m.put("seeds", "baseSeed + r for replication r in " + list + " (common random numbers; the other planned "
                    + "replications were incomplete and left out)");
        }
        m.put("scale", spec.scale());
        var run = loaded.get(spec.referenceIndex()).scenario().run();
        m.putArray("years").add(run.startYear()).add(run.endYear());
        m.put("threads", threads);
        m.put("replicationsResumed", resumed);
        m.put("startTime", start.toString());
        m.put("endTime", Instant.now().toString());
        m.put("wallSeconds", Math.round(wall * 1000) / 1000.0);
        if (spec.ensemble() != null) {
            ParameterEnsemble e = spec.ensemble();
            ObjectNode pe = m.putObject("parameterEnsemble");
            pe.put("file", e.file().toString());
            pe.put("sha256", e.sha256());
            pe.put("sets", e.size());
            pe.put("rule", "replication r uses parameter set r mod " + e.size()
                    + " (0-based; the (r mod K + 1)-th data row of the file) in every scenario, with seed baseSeed + r");
            ArrayNode cols = pe.putArray("parameters");
            e.paths().forEach(cols::add);
            ArrayNode rows = pe.putArray("values");
            for (int i = 0; i < e.size(); i++) {
                ObjectNode row = rows.addObject();
                row.put("set", e.labels().get(i));
                double[] v = e.values(i);
                for (int c = 0; c < v.length; c++) {
                    row.put(e.paths().get(c), v[c]);
                }
            }
            ArrayNode used = pe.putArray("replicationSets");
            for (int r = 0; r < spec.replications(); r++) {
                used.add(e.labels().get(spec.setOf(r)));
            }
        }
        ObjectNode resolved = m.putObject("resolvedScenarios");
        for (int i = 0; i < loaded.size(); i++) {
            resolved.set(spec.scenarios().get(i).name(), loaded.get(i).tree());
        }
        try {
            json.writeValue(dir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest.json", e);
        }
    }

    static void deleteTree(Path p) {
        try {
            kz.kosh.output.RunDirectory.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    /**
     * Streaming aggregation in replication order: replication r is added (for every scenario,
     * and as differences to the reference) only when all scenarios of r and every earlier
     * replication have arrived, so the result is the same for any completion order.
     */
    static final class Aggregator {
        private final ExperimentSpec spec;
        private final int scenarios;
        private final Map<Integer, IndicatorTable[]> pending = new HashMap<>();
        private final List<Map<String, CellStats[]>> summary = new ArrayList<>();
        private final List<Map<String, CellStats[]>> differences = new ArrayList<>();
        /** The key indicators of every replication, for the headline over the policy period. */
        final kz.kosh.experiment.report.Headline.Collector headline;
        private List<Integer> years;
        private int next;
        private final List<Integer> added = new ArrayList<>();

        /** The replications summarised so far, in order. */
        List<Integer> replicationsAdded() {
            return List.copyOf(added);
        }

        Aggregator(ExperimentSpec spec, int scenarios) {
            this.spec = spec;
            this.scenarios = scenarios;
            this.headline = new kz.kosh.experiment.report.Headline.Collector(scenarios, spec.referenceIndex());
            for (int s = 0; s < scenarios; s++) {
                summary.add(new LinkedHashMap<>());
                differences.add(new LinkedHashMap<>());
            }
        }

        synchronized void offer(int scenario, int replication, IndicatorTable table) {
            pending.computeIfAbsent(replication, r -> new IndicatorTable[scenarios])[scenario] = table;
            while (pending.containsKey(next) && complete(pending.get(next))) {
                add(pending.remove(next), next);
                next++;
            }
        }

        private static boolean complete(IndicatorTable[] t) {
            for (IndicatorTable x : t) {
                if (x == null) {
                    return false;
                }
            }
            return true;
        }

        /** Adds one complete replication (all scenarios) directly; callers add replications in order. */
        synchronized void addInOrder(int replication, IndicatorTable[] tables) {
            add(tables, replication);
        }

        private void add(IndicatorTable[] tables, int replication) {
            added.add(replication);
            if (years == null) {
                years = List.copyOf(tables[spec.referenceIndex()].years());
            }
            IndicatorTable ref = tables[spec.referenceIndex()];
            headline.add(tables, spec.setOf(replication));
            for (int s = 0; s < scenarios; s++) {
                IndicatorTable t = tables[s];
                Map<String, CellStats[]> sum = summary.get(s);
                Map<String, CellStats[]> diff = differences.get(s);
                for (String key : t.keys()) {
                    CellStats[] cells = sum.computeIfAbsent(key, k -> newCells());
                    CellStats[] dcells = s == spec.referenceIndex() ? null : diff.computeIfAbsent(key, k -> newCells());
                    for (int y = 0; y < years.size() && y < t.years().size(); y++) {
                        double v = t.value(y, key);
                        cells[y].add(v);
                        if (dcells != null) {
                            dcells[y].add(v - ref.value(y, key));
                        }
                    }
                }
            }
        }

        private CellStats[] newCells() {
            CellStats[] c = new CellStats[years.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = new CellStats();
            }
            return c;
        }

        List<Integer> years() {
            return years == null ? List.of() : years;
        }

        Map<String, CellStats[]> summary(int scenario) {
            return summary.get(scenario);
        }

        Map<String, CellStats[]> differences(int scenario) {
            return differences.get(scenario);
        }
    }
}
