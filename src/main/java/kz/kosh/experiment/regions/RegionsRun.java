package kz.kosh.experiment.regions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.output.BuildInfo;
import kz.kosh.output.HeadlessRun;
import kz.kosh.output.OutputPaths;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.world.World;
import me.tongfei.progressbar.ProgressBar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * {@code kosh regions}: runs a scenario over replications (replication r: seed base + r and, with
 * a parameter ensemble such as the baseline's posterior, parameter set r mod K), takes where every
 * region's graduates live on 31 Dec of one year, and writes the answer to "which regions lose
 * most graduates, and to where" ({@link RegionLosses}): regions.csv (tidy, with units),
 * regions.png, regions.md and manifest.json. Replications are folded in replication order, so the
 * results do not depend on the number of threads.
 */
public final class RegionsRun {
    public static final String CSV = "regions.csv";
    public static final String CHART = "regions.png";
    public static final String DOC = "regions.md";

    /**
     * What to run.
     *
     * @param year     the year whose stocks answer (null: the scenario's last year)
     * @param ensemble parameter sets (replication r uses set r mod K); null: the scenario's values only
     * @param command  the command line that asked (written into regions.md and the manifest)
     */
    public record Settings(Path scenarioFile, int replications, long seed, double scale, Integer year, int threads,
                           Path out, boolean overwrite, Path ensemble, boolean progress, String command) {
    }

    /** A finished run: the folder, the year, the answer and what it took. */
    public record Result(Path directory, String scenario, int year, RegionLosses losses, int parameterSets,
                         double wallSeconds) {
    }

    private RegionsRun() {
    }

    /** Default output folder: results/regions-&lt;scenario&gt;-&lt;year&gt;-s&lt;scale&gt;. */
    public static Path defaultOut(String scenario, int year, double scale) {
        return Path.of("results", "regions-" + scenario + "-" + year + "-s" + kz.kosh.experiment.report.Formats.plain(scale));
    }

    /** Runs the replications and writes the outputs. Bad settings: IllegalArgumentException. */
    public static Result run(Settings s) {
        if (s.replications() < 1) {
            throw new IllegalArgumentException("--reps must be at least 1");
        }
        if (!(s.scale() >= kz.kosh.scenario.RunSettings.MIN_SCALE && s.scale() <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], got " + s.scale());
        }
        ScenarioLoader.Loaded base = ScenarioLoader.load(s.scenarioFile());
        Scenario sc = base.scenario();
        int year = s.year() != null ? s.year() : sc.run().endYear();
        if (year < sc.run().startYear() || year > sc.run().endYear()) {
            throw new IllegalArgumentException("--year " + year + " is outside the recorded years of " + s.scenarioFile()
                    + " (" + sc.run().startYear() + "-" + sc.run().endYear() + ")");
        }
        ExperimentSpec spec = new ExperimentSpec("regions-" + sc.name(),
                List.of(new ExperimentSpec.Entry(sc.name(), s.scenarioFile().toAbsolutePath().normalize(), null)), 0,
                s.replications(), s.seed(), s.scale(), null, null, null);
        if (s.ensemble() != null) {
            spec = spec.withEnsemble(ParameterEnsemble.load(s.ensemble(), s.scenarioFile()));
        }
        Path dir = (s.out() != null ? s.out() : defaultOut(sc.name(), year, s.scale())).toAbsolutePath().normalize();
        if (Files.exists(dir.resolve(CSV)) && !s.overwrite()) {
            throw OutputPaths.refusal(dir, "holds the answer of an earlier kosh regions; add --overwrite to replace it, "
                    + "or choose another --out DIR");
        }
        dir = OutputPaths.claimDir(dir, "regions");
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        long[][][] graduates = runAll(spec, year, s.threads(), s.progress());
        World world = new World(sc, sc.run().startYear());
        RegionLosses losses = new RegionLosses(places(world));
        for (long[][] g : graduates) {
            losses.add(g, s.scale());
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        int sets = spec.ensemble() == null ? 0 : spec.ensemble().size();
        Result r = new Result(dir, sc.name(), year, losses, sets, wall);
        RegionsReport.write(r, s);
        manifest(r, s, spec, base, start);
        return r;
    }

    /** The places of a world, for the answer's names and types. */
    public static RegionLosses.Places places(World w) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean[] city = new boolean[w.placeCount()];
        for (int p = 0; p < w.placeCount(); p++) {
            ids.add(w.id(p));
            names.add(w.name(p));
            city[p] = !w.isAbroad(p) && w.isCity(p);
        }
        return new RegionLosses.Places(ids, names, city, w.regionCount());
    }

    /** Graduates [replication][home region][place] in agents on 31 Dec of {@code year}. */
    private static long[][][] runAll(ExperimentSpec spec, int year, int threads, boolean progress) {
        int reps = spec.replications();
        long[][][] out = new long[reps][][];
        ExecutorService pool = kz.kosh.experiment.Threads.daemonPool(threads, "kosh-regions");
        ExperimentSpec.Entry entry = spec.scenarios().get(0);
        java.util.Map<Integer, ScenarioLoader.Loaded> bySet = new java.util.concurrent.ConcurrentHashMap<>();
        try (ProgressBar bar = progress ? kz.kosh.experiment.Progress.runs(spec.name(), reps, 0) : null) {
            List<Runnable> jobs = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                int rep = r;
                jobs.add(() -> {
                    ScenarioLoader.Loaded l = spec.ensemble() == null ? spec.load(entry)
                            : bySet.computeIfAbsent(spec.setOf(rep), set -> spec.load(entry, set));
                    out[rep] = graduates(l.withRun(spec.seed(rep), spec.scale()), year);
                    if (bar != null) {
                        bar.step();
                    }
                });
            }
            kz.kosh.experiment.Threads.runAll(pool, jobs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("kosh regions interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replication failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Runs one replication on this thread; its graduates by home region and place at the end of {@code year}. */
    static long[][] graduates(ScenarioLoader.Loaded loaded, int year) {
        KoshSim sim = new KoshSim(loaded.scenario(), 1);
        long[][][] taken = new long[1][][];
        sim.addObserver((state, y, counters, stocks, previous) -> {
            if (y == year) {
                taken[0] = matrix(stocks);
            }
        });
        try {
            HeadlessRun.runYears(sim, false);
        } finally {
            sim.finish();
        }
        if (taken[0] == null) {
            throw new IllegalStateException("the run recorded no year " + year);
        }
        return taken[0];
    }

    /** Graduates [home region][place] of a year's stocks. */
    static long[][] matrix(Stocks s) {
        long[][] g = new long[s.regions()][s.places()];
        for (int h = 0; h < s.regions(); h++) {
            for (int p = 0; p < s.places(); p++) {
                g[h][p] = s.count(Stocks.GRADUATE, h, p);
            }
        }
        return g;
    }

    private static void manifest(Result r, Settings s, ExperimentSpec spec, ScenarioLoader.Loaded base, Instant start) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        BuildInfo.stamp(m);
        m.put("command", s.command());
        m.put("scenarioFile", s.scenarioFile().toString());
        m.put("scenario", r.scenario());
        m.put("year", r.year());
        m.put("replications", s.replications());
        m.put("baseSeed", s.seed());
        m.put("scale", s.scale());
        m.put("threads", s.threads());
        if (spec.ensemble() != null) {
            spec.ensemble().putManifestEntry(m, String.valueOf(s.ensemble()));
        }
        m.put("started", start.toString());
        m.put("finished", Instant.now().toString());
        m.put("wallSeconds", r.wallSeconds());
        m.set("resolvedScenario", base.tree());
        try {
            OutputPaths.write(r.directory().resolve("manifest.json"), json.writeValueAsString(m) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
