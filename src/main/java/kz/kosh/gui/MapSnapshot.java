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

    /**
     * Checks, before the simulation, that a PNG may be written at {@code file}: a file name ending
     * in .png, not a folder or a link, and an existing file only with {@code overwrite} and only
     * when it is a PNG picture (never another kind of file).
     */
    public static void checkTarget(Path file, boolean overwrite) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw kz.kosh.output.OutputPaths.refusal(abs, "is a folder; --out names the PNG file (e.g. --out maps/retention.png)");
        }
        if (abs.getFileName() == null || !abs.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                || !kz.kosh.output.OutputPaths.safeName(abs.getFileName().toString())) {
            throw kz.kosh.output.OutputPaths.refusal(abs, "is not a .png file name; --out names the PNG file");
        }
        if (Files.isSymbolicLink(abs)) {
            throw kz.kosh.output.OutputPaths.refusal(abs, "is a symbolic link; Kosh does not write through links; choose another --out FILE");
        }
        if (Files.exists(abs)) {
            if (!overwrite) {
                throw kz.kosh.output.OutputPaths.refusal(abs, "exists; choose another --out FILE or pass --overwrite");
            }
            if (!isPng(abs)) {
                throw kz.kosh.output.OutputPaths.refusal(abs, "is not a PNG picture; refusing to replace it even with --overwrite");
            }
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw kz.kosh.output.OutputPaths.refusal(abs, "is below a file (" + p + ")");
            }
        }
    }

    private static boolean isPng(Path f) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        try (var in = Files.newInputStream(f)) {
            return java.util.Arrays.equals(in.readNBytes(8), sig);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes an image as PNG atomically (creating parent directories). */
    public static void writePng(BufferedImage img, Path file) {
        kz.kosh.output.OutputPaths.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
