package kz.kosh.calibration.history;

import kz.kosh.calibration.Evaluator;
import kz.kosh.calibration.Target;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The model runs of a history match's experiments (a wave's design, the posterior draws): each
 * experiment run here as its one shard, or read from the shards a cluster ran, every target point
 * measured in every replication; and runs.csv, those measurements of a wave, written once and read
 * back on every later invocation. Part of {@link HistoryMatchRun}.
 */
final class WaveRuns {
    private final int threads;
    private final boolean progress;
    private final List<Target> targets;
    private final List<HistoryMatchRun.PointRef> points;

    WaveRuns(int threads, boolean progress, List<Target> targets, List<HistoryMatchRun.PointRef> points) {
        this.threads = threads;
        this.progress = progress;
        this.targets = targets;
        this.points = points;
    }

    /** Runs (or resumes, or reads the shards of) an experiment and measures every target point of every replication. */
    double[][][] measureExperiment(ExperimentSpec exp, Path expDir, int reps) {
        Path[][] files = replicationFiles(exp, expDir, reps);
        int n = exp.scenarios().size();
        double[][][] values = new double[n][reps][];
        for (int s = 0; s < n; s++) {
            ScenarioLoader.Loaded loaded = exp.load(exp.scenarios().get(s));
            for (int r = 0; r < reps; r++) {
                IndicatorTable table = IndicatorTable.readVerified(files[s][r]);
                values[s][r] = Evaluator.measure(targets, new Target.TableContext(table, loaded.scenario()));
            }
        }
        return values;
    }

    /** The saved indicators of every replication of an experiment, running (or resuming) it when some are missing. */
    Path[][] replicationFiles(ExperimentSpec exp, Path expDir, int reps) {
        int n = exp.scenarios().size();
        Path[][] files = new Path[n][reps];
        if (!locate(exp, expDir, files)) {
            Path shards = expDir.resolve("shards");
            if (Files.isDirectory(shards) && !onlyLocalShard(shards)) {
                throw new IllegalStateException(expDir + ": the shards are incomplete (" + count(files) + " of " + n * reps
                        + " replications); run the missing shards (kosh experiment status " + shards
                        + ") or delete " + shards + " to run the wave here");
            }
            // here as the one shard 0 of 1: the replications only (saved as they finish, resumed after a kill), without
            // the experiment's summary, paired differences and report, which the match never reads (they took a
            // quarter of the wall time of a 200-scenario experiment, 4 of 16 minutes)
            new ExperimentRunner(exp, expDir, threads, true, false, progress).runShard(0, 1);
            if (!locate(exp, expDir, files)) {
                throw new IllegalStateException(expDir + ": replications missing after the run");
            }
        }
        return files;
    }

    /** Whether the only shard folder is {@code 0-of-1}, the one a local run of the match writes. */
    private static boolean onlyLocalShard(Path shards) {
        try (Stream<Path> s = Files.list(shards)) {
            return s.map(x -> x.getFileName().toString()).toList().equals(List.of("0-of-1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(Path[][] files) {
        int c = 0;
        for (Path[] row : files) {
            for (Path p : row) {
                c += p == null ? 0 : 1;
            }
        }
        return c;
    }

    /** Finds each replication's saved indicators in runs/ or in a shard's runs/; true when all are there. */
    private static boolean locate(ExperimentSpec exp, Path expDir, Path[][] files) {
        List<Path> roots = new ArrayList<>();
        roots.add(expDir);
        Path shards = expDir.resolve("shards");
        if (Files.isDirectory(shards)) {
            try (Stream<Path> s = Files.list(shards)) {
                s.sorted().forEach(roots::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean all = true;
        for (int s = 0; s < files.length; s++) {
            for (int r = 0; r < files[s].length; r++) {
                files[s][r] = null;
                for (Path root : roots) {
                    Path f = kz.kosh.experiment.ExperimentDirectory.replicationFile(exp, root, s, r);
                    if (Files.exists(f)) {
                        files[s][r] = f;
                        break;
                    }
                }
                all &= files[s][r] != null;
            }
        }
        return all;
    }

    void writeRuns(Path f, double[][][] v) throws IOException {
        StringBuilder sb = new StringBuilder("point,replication,target,point_label,value\n");
        for (int i = 0; i < v.length; i++) {
            for (int r = 0; r < v[i].length; r++) {
                for (int k = 0; k < points.size(); k++) {
                    sb.append(HistoryMatchRun.pointName(i)).append(',').append(r).append(',').append(points.get(k).target().id()).append(',')
                            .append(points.get(k).point().label()).append(',').append(v[i][r][k]).append('\n');
                }
            }
        }
        HistoryMatchRun.writeAtomically(f, sb.toString());
    }

    double[][][] readRuns(Path f, int n, int reps) throws IOException {
        double[][][] v = new double[n][reps][points.size()];
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        if (lines.size() - 1 != n * reps * points.size()) {
            throw new IllegalStateException(f + ": " + (lines.size() - 1) + " rows, expected " + n * reps * points.size()
                    + " (the targets changed since the wave ran? delete it to rerun the measurements)");
        }
        int row = 1;
        for (int i = 0; i < n; i++) {
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < points.size(); k++) {
                    String[] c = lines.get(row++).split(",");
                    if (!c[2].equals(points.get(k).target().id()) || !c[3].equals(points.get(k).point().label())) {
                        throw new IllegalStateException(f + ": row " + row + " is " + c[2] + "@" + c[3] + ", expected "
                                + points.get(k).id() + " (the targets changed since the wave ran)");
                    }
                    v[i][r][k] = Double.parseDouble(c[4]);
                }
            }
        }
        return v;
    }
}
