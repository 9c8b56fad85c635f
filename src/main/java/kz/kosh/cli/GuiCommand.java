package kz.kosh.cli;

import kz.kosh.gui.KoshWithUI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code kosh gui}: the MASON Console with the map and charts. */
@Command(name = "gui", description = "Open the MASON Console with a scenario (default scenarios/baseline.yaml at scale 0.1): "
        + "map, charts, parameters in the Model tab. Needs a display; use 'kosh map' without one.")
public final class GuiCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "scenario YAML file (default scenarios/baseline.yaml)")
    Path file;
    @Option(names = "--scale", defaultValue = "0.1", description = "agents per person in (0, 1] (default ${DEFAULT-VALUE})")
    double scale;
    @Option(names = "--seed", description = "random seed (>= 1); default: the scenario's")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("error: 'kosh gui' needs a display, and none is available (DISPLAY is not set or "
                    + "java.awt.headless=true). Run it on a desktop, with X forwarding, or under xvfb-run; "
                    + "'kosh map FILE --year Y --out map.png' draws the map without a display.");
            return 2;
        }
        Path f = file != null ? file : Path.of("scenarios", "baseline.yaml");
        if (!Files.isRegularFile(f)) {
            System.err.println("error: scenario file not found: " + f);
            return 2;
        }
        if (!(scale >= kz.kosh.scenario.RunSettings.MIN_SCALE && scale <= 1)) {
            System.err.println("error: --scale must be in (0, 1], got " + scale);
            return 2;
        }
        if (seed != null && seed < 1) {
            System.err.println("error: --seed must be at least 1 (MASON rejects seed 0), got " + seed);
            return 2;
        }
        KoshWithUI gui = new KoshWithUI(f, scale, seed);
        CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeAndWait(() -> gui.openConsole().addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                closed.countDown();
            }
        }));
        // MASON ends the JVM itself when its last Console is closed; until then keep this thread waiting
        closed.await();
        return 0;
    }
}
