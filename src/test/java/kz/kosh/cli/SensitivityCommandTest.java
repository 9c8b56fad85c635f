package kz.kosh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kosh experiment and kosh sensitivity on a tiny real Morris run: the files, and parameters that
 * cannot reach an indicator within the run get mu* = 0 (common random numbers: the same seed at
 * every design point).
 */
class SensitivityCommandTest {
    @RegisterExtension
    final StdStreams io = new StdStreams();
    @TempDir
    Path tmp;

    @Test
    void experimentWritesTheIndicesAndSensitivityReusesTheRunForTheDocument() throws Exception {
        Path scenario = Path.of("scenarios/baseline.yaml").toAbsolutePath();
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, "name: tiny\nscenarios: [" + scenario.toString().replace('\\', '/') + "]\n"
                + "replications: 1\nbaseSeed: 1\nscale: 0.01\nstartYear: 2015\nendYear: 2017\nspinUpYears: 6\n"
                + "sweep:\n  design: morris\n  trajectories: 2\n  seed: 3\n  parameters:\n"
                + "    - {path: decision.followThroughAbroad, min: 0.05, max: 1.0}\n"
                + "    - {path: policy.bolashak.breachUtilityCost, min: 2, max: 15}\n"
                + "    - {path: decision.returnObstacleShare, min: 0, max: 1}\n");
        Path dir = tmp.resolve("out");
        assertEquals(0, Main.execute("experiment", file.toString(), "--out", dir.toString(), "--threads", "1", "--no-posterior"), io.err.toString());
        List<String> csv = Files.readAllLines(dir.resolve("sensitivity.csv"));
        assertEquals("indicator,parameter,measure,value,ci_low,ci_high", csv.get(0));
        assertTrue(Files.isRegularFile(dir.resolve("charts/sensitivity-emigration.png")));
        assertTrue(Files.isRegularFile(dir.resolve("charts/sensitivity-retention_astana.png")));
        // Bolashak's breach cost cannot change graduate emigration from Kazakhstan within these years
        // Bolashak's breach cost touches emigration only through the few obliged graduates at home
        assertTrue(value(csv, "emigration", "policy.bolashak.breachUtilityCost", "mu_star")
                < value(csv, "emigration", "decision.followThroughAbroad", "mu_star"));
        assertTrue(value(csv, "emigration", "decision.followThroughAbroad", "mu_star") > 0);
        assertTrue(value(csv, "bolashak_first_job_abroad_share", "policy.bolashak.breachUtilityCost", "mu_star") > 0);
        assertTrue(io.out.toString().contains("Sensitivity (Morris mu*"), io.out.toString());

        Path doc = tmp.resolve("docs/sensitivity.md");
        assertEquals(0, Main.execute("sensitivity", file.toString(), "--out", dir.toString(), "--doc", doc.toString()),
                io.err.toString());
        assertTrue(io.err.toString().contains("holds a finished run"), io.err.toString());
        String md = Files.readString(doc);
        assertTrue(md.contains("| emigration") || md.contains("graduate emigration"), md);
        assertTrue(md.contains("](sensitivity/sensitivity-emigration.png)"), md);
        assertTrue(Files.isRegularFile(tmp.resolve("docs/sensitivity/sensitivity-emigration.png")));
    }

    @Test
    void refusesAnExperimentWithoutAMorrisOrSaltelliSweep() throws Exception {
        Path scenario = Path.of("scenarios/baseline.yaml").toAbsolutePath();
        Path file = tmp.resolve("grid.yaml");
        Files.writeString(file, "name: grid\nscenarios: [" + scenario.toString().replace('\\', '/') + "]\n"
                + "replications: 1\nbaseSeed: 1\nscale: 0.01\n"
                + "sweep:\n  design: grid\n  parameters:\n    - {path: decision.followThroughAbroad, values: [0.3, 0.7]}\n");
        assertEquals(2, Main.execute("sensitivity", file.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(io.err.toString().contains("design: morris or design: saltelli"), io.err.toString());
    }

    private static double value(List<String> csv, String indicator, String parameter, String measure) {
        for (String line : csv) {
            String[] f = line.split(",", -1);
            if (f[0].equals(indicator) && f[1].equals(parameter) && f[2].equals(measure)) {
                return Double.parseDouble(f[3]);
            }
        }
        throw new AssertionError("no row " + indicator + " " + parameter + " " + measure);
    }
}
