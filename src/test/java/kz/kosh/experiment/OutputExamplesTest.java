package kz.kosh.experiment;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static kz.kosh.experiment.ExperimentTests.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Python (pandas) example of docs/outputs.md on a real run and comparison, so that the
 * example cannot rot. Skipped when python3 with pandas and matplotlib is not installed (CI
 * installs Debian's python3-pandas and python3-matplotlib).
 */
class OutputExamplesTest {
    private static final Pattern PYTHON = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    /** python3 on the PATH, else Debian's /usr/bin/python3, whichever has pandas and matplotlib; null if none. */
    private static String pythonWithPandas() {
        for (String python : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import pandas, matplotlib").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return python;
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    /** The first ```python block of docs/outputs.md. */
    static String pythonExample() throws IOException {
        String doc = Files.readString(Path.of("docs", "outputs.md"), StandardCharsets.UTF_8);
        Matcher m = PYTHON.matcher(doc);
        assertTrue(m.find(), "docs/outputs.md has a python example");
        return m.group(1);
    }

    @Test
    void docsHaveBothExamples() throws IOException {
        String doc = Files.readString(Path.of("docs", "outputs.md"), StandardCharsets.UTF_8);
        assertTrue(pythonExample().contains("pd.read_csv"));
        assertTrue(doc.contains("```r\n") && doc.contains("read.csv(file.path(comparison, \"differences.csv\"))"));
    }

    @Test
    void pythonExampleRunsOnARunAndAComparison() throws Exception {
        String script = pythonExample();
        String python = pythonWithPandas();
        Assumptions.assumeTrue(python != null, "python3 with pandas and matplotlib is not installed");
        Path run = HeadlessRun.run(ScenarioLoader.load(ExperimentTests.BASELINE).withRun(3, 0.01),
                tmp.resolve("run"), false, 2).directory();
        ExperimentSpec spec = ExperimentTests.shortSpec("examples",
                List.of(entry("baseline", ExperimentTests.BASELINE), entry("no-obligation", ExperimentTests.NO_OBLIGATION)),
                2, 0.01);
        Path comparison = ExperimentTests.run(spec, tmp.resolve("comparison"), 2, false, false).directory();
        Path file = tmp.resolve("example.py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(python, file.toString(), run.toString(), comparison.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("retention_own_graduates") || out.contains("share"), out);
        assertTrue(out.contains("emigration") && out.contains("no-obligation"), out);
        assertTrue(Files.size(comparison.resolve("emigration-difference.png")) > 1000, "the chart was drawn");
    }
}
