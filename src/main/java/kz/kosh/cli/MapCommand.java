package kz.kosh.cli;

import kz.kosh.gui.MapRenderer;
import kz.kosh.gui.MapSnapshot;
import kz.kosh.gui.Measure;
import kz.kosh.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kosh map}: runs a scenario headless up to a year and writes that year's map as PNG. */
@Command(name = "map", description = "Run a scenario headless up to a year and draw its map (choropleth, "
        + "destinations, the year's largest graduate moves) as a PNG. No display needed.")
public final class MapCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "scenario YAML file")
    Path file;
    @Option(names = "--year", required = true, description = "recorded year to draw")
    int year;
    @Option(names = "--out", description = "PNG file; default map-<scenario>-<year>.png")
    Path out;
    @Option(names = "--scale", description = "agents per person in (0, 1]; default: the scenario's")
    Double scale;
    @Option(names = "--seed", description = "random seed (>= 1); default: the scenario's")
    Long seed;
    @Option(names = "--measure", defaultValue = "retention",
            description = "choropleth: net-migration, net-gain, retention, graduates, wage, abroad (default ${DEFAULT-VALUE})")
    String measure;
    @Option(names = "--width", defaultValue = "1400", description = "picture width in pixels (default ${DEFAULT-VALUE})")
    int width;
    @Option(names = "--height", defaultValue = "900", description = "picture height in pixels (default ${DEFAULT-VALUE})")
    int height;
    @Option(names = "--arcs", defaultValue = "" + MapRenderer.DEFAULT_MAX_ARCS,
            description = "largest number of flow arcs drawn (default ${DEFAULT-VALUE})")
    int arcs;
    @Option(names = "--threads", description = "worker threads; default all cores (the picture does not depend on it)")
    Integer threads;
    @Option(names = "--overwrite", description = "replace an existing PNG file at --out")
    boolean overwrite;

    @Override
    public Integer call() {
        Measure m;
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(file);
        var run = loaded.scenario().run();
        try {
            m = Measure.parse(measure);
            loaded = loaded.withRun(seed == null ? run.seed() : seed, scale == null ? run.scale() : scale);
            if (width < 300 || height < 200) {
                throw new IllegalArgumentException("the picture must be at least 300 x 200 pixels");
            }
            if (year < run.startYear() || year > run.endYear()) {
                throw new IllegalArgumentException("--year " + year + " is outside the scenario's recorded years "
                        + run.startYear() + "-" + run.endYear());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        int t = Checks.threadsOrCores(threads);
        Path target = out != null ? out : Path.of("map-" + loaded.scenario().name() + "-" + year + ".png");
        MapSnapshot.checkTarget(target, overwrite);
        MapRenderer renderer = new MapRenderer();
        renderer.setMaxArcs(arcs);
        long t0 = System.nanoTime();
        long[] last = {t0};
        System.err.printf("kosh map: simulating %s from %d (spin-up) to %d at scale %s ...%n", loaded.scenario().name(),
                loaded.scenario().run().firstSimulatedYear(), year, kz.kosh.output.Fmt.number(loaded.scenario().run().scale()));
        var data = MapSnapshot.capture(loaded.scenario(), year, t, (y, done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 3_000_000_000L && done < total) {
                double elapsed = (now - t0) / 1e9;
                System.err.printf("kosh map: year %d done (%d/%d), %.0f s elapsed, ETA %.0f s%n", y, done, total,
                        elapsed, elapsed / done * (total - done));
                last[0] = now;
            }
        });
        System.err.printf("kosh map: simulated in %.1f s; drawing%n", (System.nanoTime() - t0) / 1e9);
        BufferedImage img = renderer.render(data, m, width, height);
        MapSnapshot.writePng(img, target);
        System.out.println("wrote " + target);
        return 0;
    }
}
