package kz.kosh.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One headless run of a scenario: builds the simulation, runs every year with progress on the
 * log, writes flows.csv, stocks.csv, indicators.csv, places.csv and manifest.json into an atomically
 * created run directory.
 */
public final class HeadlessRun {
    private static final Logger LOG = LoggerFactory.getLogger(HeadlessRun.class);

    /** What a finished run reports back. */
    public record Result(Path directory, Map<Integer, Map<String, Double>> national,
                         Map<Integer, Map<String, Double>> byPlace, double wallSeconds, long agentsAlive,
                         long entrants, long agedOut, long decisions) {
    }

    private HeadlessRun() {
    }

    /**
     * Runs {@code loaded} and writes its outputs to {@code out}; {@code observers} are told each
     * recorded year after the CSV recorder. A run that fails leaves neither the target nor a
     * temporary directory.
     */
    public static Result run(ScenarioLoader.Loaded loaded, Path out, boolean overwrite, int threads,
                             kz.kosh.sim.YearObserver... observers) {
        return run(loaded, out, overwrite, threads, OutputOptions.DEFAULT, observers);
    }

    /** As {@link #run(ScenarioLoader.Loaded, Path, boolean, int, kz.kosh.sim.YearObserver...)}, with output options. */
    public static Result run(ScenarioLoader.Loaded loaded, Path out, boolean overwrite, int threads,
                             OutputOptions options, kz.kosh.sim.YearObserver... observers) {
        RunDirectory dir = RunDirectory.create(out, overwrite);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        KoshSim sim = null;
        try (CsvRecorder recorder = new CsvRecorder(dir.workDir(), options)) {
            sim = new KoshSim(loaded.scenario(), threads);
            Places.write(dir.workDir(), new kz.kosh.world.World(loaded.scenario()), loaded.scenario());
            sim.addObserver(recorder);
            for (kz.kosh.sim.YearObserver o : observers) {
                sim.addObserver(o);
            }
            runYears(sim);
            double wall = (System.nanoTime() - t0) / 1e9;
            recorder.close();
            writeManifest(dir.workDir().resolve("manifest.json"), loaded, sim, start, Instant.now(), wall, options);
            dir.commit();
            LOG.info("wrote {} ({} agent-year decisions in {} s)", dir.target(), sim.decisionsTotal(),
                    String.format("%.1f", wall));
            return new Result(dir.target(), recorder.national(), recorder.byPlace(), wall,
                    sim.population().size(), sim.entrantsTotal(), sim.agedOutTotal(), sim.decisionsTotal());
        } catch (RuntimeException e) {
            dir.abort();
            throw e;
        } finally {
            if (sim != null) {
                sim.finish();
            }
        }
    }

    /** Steps the simulation through all years, logging progress with an ETA every few seconds. */
    public static void runYears(KoshSim sim) {
        runYears(sim, true);
    }

    /** Steps the simulation through all years; logs progress only when {@code log}. */
    public static void runYears(KoshSim sim, boolean log) {
        var run = sim.scenario().run();
        int years = run.endYear() - run.firstSimulatedYear() + 1;
        sim.start();
        long t0 = System.nanoTime();
        long lastLog = t0;
        for (int i = 0; i < years; i++) {
            sim.schedule.step(sim);
            long now = System.nanoTime();
            if (log && now - lastLog > 3_000_000_000L && i + 1 < years) {
                double elapsed = (now - t0) / 1e9;
                double eta = elapsed / (i + 1) * (years - i - 1);
                LOG.info("year {} done ({}/{}), {} agents, {} s elapsed, ETA {} s", sim.year() - 1, i + 1, years,
                        sim.population().size(), String.format("%.0f", elapsed), String.format("%.0f", eta));
                lastLog = now;
            }
        }
    }

    static void writeManifest(Path file, ScenarioLoader.Loaded loaded, KoshSim sim, Instant start, Instant end,
                              double wallSeconds, OutputOptions options) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        BuildInfo.stamp(m);
        m.put("scenario", loaded.scenario().name());
        m.put("seed", loaded.scenario().run().seed());
        m.put("scale", loaded.scenario().run().scale());
        m.put("threads", sim.threads());
        m.put("startTime", start.toString());
        m.put("endTime", end.toString());
        m.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
        m.put("agentsAlive", sim.population().size());
        m.put("agentsEntered", sim.entrantsTotal());
        m.put("agentsAgedOut", sim.agedOutTotal());
        m.put("agentYearDecisions", sim.decisionsTotal());
        m.put("flows", options.aggregatedFlows() ? "aggregated" : "full");
        m.put("gzip", options.gzip());
        m.set("resolvedScenario", loaded.tree());
        try {
            json.writeValue(file.toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
