package kz.kosh.gui;

import org.junit.jupiter.api.Test;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MASON Console with map and charts. Runs only with a display (DISPLAY set, e.g. under
 * xvfb-run); skipped otherwise. Surefire starts the JVM with java.awt.headless=true: this class
 * turns it off before AWT starts, and when AWT was already started headless by another test in
 * the same JVM, it runs the checks in a child JVM.
 */
class KoshWithUITest {
    static {
        if (hasDisplay()) {
            System.setProperty("java.awt.headless", "false");
        }
    }

    static boolean hasDisplay() {
        String d = System.getenv("DISPLAY");
        return d != null && !d.isBlank();
    }

    @Test
    void consoleMapAndChartsRun() throws Exception {
        assumeTrue(hasDisplay(), "no DISPLAY: GUI test skipped");
        if (!GraphicsEnvironment.isHeadless()) {
            GuiChecks.run();
            return;
        }
        // AWT already initialised headless in this JVM: run the checks in a fresh one
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(List.of(java, "-Djava.awt.headless=false", "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), GuiChecks.class.getName())).inheritIO().start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "GUI checks timed out");
        assertEquals(0, p.exitValue(), "GUI checks failed in the child JVM (see its output)");
    }
}
