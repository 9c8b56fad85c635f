package kz.kosh.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sobol and Morris designs and the design file. */
class DesignTest {
    private static final List<double[]> RANGES = List.of(new double[]{0.2, 0.8}, new double[]{-1, 1}, new double[]{0, 10});

    @Test
    void morrisTrajectoriesChangeOneParameterAtATimeByDelta() {
        int p = 4;
        List<double[]> pts = Designs.morris(RANGES, 6, p, 11);
        assertEquals(6 * (RANGES.size() + 1), pts.size());
        double delta = p / (2.0 * (p - 1)); // 4 / 6 = 2/3 of each range
        for (int t = 0; t < 6; t++) {
            boolean[] moved = new boolean[RANGES.size()];
            for (int step = 1; step <= RANGES.size(); step++) {
                double[] a = pts.get(t * (RANGES.size() + 1) + step - 1);
                double[] b = pts.get(t * (RANGES.size() + 1) + step);
                int changed = -1;
                for (int i = 0; i < a.length; i++) {
                    if (Math.abs(a[i] - b[i]) > 1e-12) {
                        assertEquals(-1, changed, "exactly one parameter changes per step");
                        changed = i;
                        double width = RANGES.get(i)[1] - RANGES.get(i)[0];
                        assertEquals(delta * width, b[i] - a[i], 1e-9);
                    }
                }
                assertTrue(changed >= 0 && !moved[changed], "each parameter moves once per trajectory");
                moved[changed] = true;
            }
        }
        for (double[] x : pts) {
            for (int i = 0; i < x.length; i++) {
                assertTrue(x[i] >= RANGES.get(i)[0] - 1e-12 && x[i] <= RANGES.get(i)[1] + 1e-12);
            }
        }
        assertEquals(pts.size(), Designs.morris(RANGES, 6, p, 11).size());
        assertTrue(java.util.Arrays.equals(pts.get(5), Designs.morris(RANGES, 6, p, 11).get(5)), "deterministic for a seed");
    }

    @Test
    void sobolPointsFillTheBoxWithoutRepeats() {
        List<double[]> pts = Designs.sobol(RANGES, 64);
        assertEquals(64, pts.size());
        // first Sobol points after the origin: (0.5, 0.5, 0.5), (0.75, 0.25, 0.25), (0.25, 0.75, 0.75)
        assertEquals(0.2 + 0.6 * 0.5, pts.get(0)[0], 1e-12);
        assertEquals(0.2 + 0.6 * 0.75, pts.get(1)[0], 1e-12);
        assertEquals(-1 + 2 * 0.25, pts.get(1)[1], 1e-12);
        // stratification: points 0..63 of the sequence put exactly 32 in each half of each range;
        // the design skips the origin (point 0, in the lower half) and adds point 64, so 31 or 32
        for (int i = 0; i < RANGES.size(); i++) {
            double mid = (RANGES.get(i)[0] + RANGES.get(i)[1]) / 2;
            int low = 0;
            for (double[] x : pts) {
                if (x[i] < mid) {
                    low++;
                }
            }
            assertTrue(low == 31 || low == 32, "low half holds " + low);
        }
    }

    @Test
    void experimentWithASweepWritesItsDesignFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("m.yaml");
        Files.writeString(exp, String.join("\n",
                "name: m",
                "scenarios: [" + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "]",
                "replications: 1", "baseSeed: 1", "scale: 0.01", "startYear: 2015", "endYear: 2015", "spinUpYears: 2",
                "sweep:", "  design: morris", "  trajectories: 1", "  seed: 3", "  parameters:",
                "    - {path: decision.followThroughAbroad, min: 0.2, max: 0.8}",
                "    - {path: policy.bolashak.awardsPerYear, min: 260, max: 1040}", ""));
        ExperimentSpec spec = ExperimentSpec.load(exp);
        assertEquals(1 + 3, spec.scenarios().size());
        new ExperimentRunner(spec, tmp.resolve("out"), 1, false, false, false).run();
        List<String> rows = Files.readAllLines(tmp.resolve("out/design.csv"));
        assertEquals("scenario,parameter,value", rows.get(0));
        assertEquals(1 + 3 * 2, rows.size());
        assertTrue(rows.get(1).startsWith("baseline@p1,decision.followThroughAbroad,"));
    }
}
