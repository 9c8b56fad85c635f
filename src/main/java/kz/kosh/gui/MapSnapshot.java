package kz.kosh.gui;

import kz.kosh.scenario.Scenario;
import kz.kosh.sim.KoshSim;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a scenario headless up to a recorded year and draws that year's map (for
 * {@code kosh map} and tests). The simulation stops after the year; nothing is written but the
 * picture.
 */
public final class MapSnapshot {
    private MapSnapshot() {
    }

    /**
     * Simulates {@code scenario} from its first (spin-up) year through {@code year} and returns
     * that year's map data.
     *
     * @throws IllegalArgumentException when the year is not a recorded year of the scenario
     */
    public static MapData capture(Scenario scenario, int year, int threads) {
        return capture(scenario, year, threads, null);
    }

    /**
     * As {@link #capture(Scenario, int, int)}; {@code progress}, when not null, is told after each
     * simulated year (the year just done, steps done, steps in all).
     */
    public static MapData capture(Scenario scenario, int year, int threads, Progress progress) {
        var run = scenario.run();
        if (year < run.startYear() || year > run.endYear()) {
            throw new IllegalArgumentException("year " + year + " is not a recorded year of scenario '" + scenario.name()
                    + "' (" + run.startYear() + "-" + run.endYear() + ")");
        }
        KoshSim sim = new KoshSim(scenario, threads);
        MapData[] out = new MapData[1];
        sim.addObserver((s, y, counters, stocks, previous) -> {
            if (y == year) {
                out[0] = MapData.capture(s, y, counters, stocks, previous);
            }
        });
        try {
            sim.start();
            int steps = year - run.firstSimulatedYear() + 1;
            for (int i = 0; i < steps && out[0] == null; i++) {
                if (!sim.schedule.step(sim)) {
                    break;
                }
                if (progress != null) {
                    progress.yearDone(sim.year() - 1, i + 1, steps);
                }
            }
        } finally {
            sim.finish();
        }
        if (out[0] == null) {
            throw new IllegalStateException("the simulation stopped before " + year);
        }
        return out[0];
    }

    /** Told after each simulated year of a capture. */
    @FunctionalInterface
    public interface Progress {
        void yearDone(int year, int done, int total);
    }

    /** Runs to the year and renders its map. */
    public static BufferedImage render(Scenario scenario, int year, Measure measure, int width, int height, int threads) {
        return new MapRenderer().render(capture(scenario, year, threads), measure, width, height);
    }

    /** Writes an image as PNG (creating parent directories). */
    public static void writePng(BufferedImage img, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
