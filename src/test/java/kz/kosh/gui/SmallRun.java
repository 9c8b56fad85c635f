package kz.kosh.gui;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A short small run for the GUI tests: the baseline at scale 0.01, recorded 2015-2016 after
 * three spin-up years (a temporary scenario file extending scenarios/baseline.yaml).
 */
final class SmallRun {
    final KoshSim sim;
    /** The map data of the last recorded year (2016). */
    final MapData last;

    private SmallRun(KoshSim sim, MapData last) {
        this.sim = sim;
        this.last = last;
    }

    static Scenario scenario() {
        return scenario(3, 0.01);
    }

    /** The baseline recorded 2015-2016 after the given spin-up years, at the given scale. */
    static Scenario scenario(int spinUpYears, double scale) {
        try {
            Path dir = Files.createTempDirectory("kosh-gui-test");
            Path f = dir.resolve("small.yaml");
            dir.toFile().deleteOnExit();
            f.toFile().deleteOnExit();
            Files.writeString(f, "extends: " + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\n"
                    + "run:\n  startYear: 2015\n  endYear: 2016\n  spinUpYears: " + spinUpYears + "\n  scale: " + scale + "\n");
            return ScenarioLoader.load(f).scenario();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the small scenario to its end (the population stays readable afterwards). */
    static SmallRun run() {
        KoshSim sim = new KoshSim(scenario(), 2);
        MapData[] last = new MapData[1];
        sim.addObserver((s, y, c, st, prev) -> last[0] = MapData.capture(s, y, c, st, prev));
        sim.runToEnd();
        return new SmallRun(sim, last[0]);
    }
}
