package kz.kosh.experiment;

import kz.kosh.scenario.ScenarioLoader;
import me.tongfei.progressbar.ProgressBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * Runs an experiment: every (scenario, replication) pair as an independent
 * {@link ReplicationTask} on a thread pool, each replication's indicators saved under
 * {@code runs/} as soon as it finishes (so an interrupted experiment resumes from them), and
 * streaming statistics per scenario × year × indicator × place. Replications are aggregated in
 * replication order ({@link Aggregator}), so the statistics do not depend on the number of
 * threads. The other concerns live apart: the directory, its lock and the saved replications
 * ({@link ExperimentDirectory}, {@link DirectoryLock}), the output files ({@link ExperimentOutputs},
 * {@link ExperimentManifest}) and shards ({@link Shards}).
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
        Aggregator agg = Aggregator.forExperiment(spec, loaded);
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
        ExperimentOutputs.writeOutputs(spec, dir, agg, loaded, start, wall, resumed, threads);
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
        ExperimentOutputs.writeDesign(shardDir, spec);
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
        ExecutorService pool = Threads.daemonPool(threads, "kosh-replication");
        try (ProgressBar bar = progressBar(total, done)) {
            List<Runnable> jobs = new ArrayList<>();
            for (ReplicationTask task : todo) {
                jobs.add(() -> {
                    IndicatorTable table = task.run();
                    table.write(runFile(runs, task.scenarioIndex(), task.replication()));
                    if (agg != null) {
                        agg.offer(task.scenarioIndex(), task.replication(), table);
                    }
                    if (bar != null) {
                        bar.step();
                    }
                });
            }
            Threads.runAll(pool, jobs);
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

    private ProgressBar progressBar(int total, int done) {
        if (!progress) {
            return null;
        }
        return Progress.runs(spec.name(), total, done);
    }

    Path runFile(int scenario, int replication) {
        return runFile(dir.resolve("runs"), scenario, replication);
    }

    /** The file of one replication's indicators under a runs/ directory. */
    Path runFile(Path runs, int scenario, int replication) {
        return ExperimentDirectory.runFile(spec, runs, scenario, replication);
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

}
