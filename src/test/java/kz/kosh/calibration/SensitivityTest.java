package kz.kosh.calibration;

import kz.kosh.experiment.Designs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indices as the command computes them (Sensitivity.indices on the design points that
 * experiment files generate, Designs.saltelli / morris), with the model replaced by a
 * known function.
 */
class SensitivityTest {
    private static final List<double[]> CUBE = List.of(new double[]{-Math.PI, Math.PI}, new double[]{-Math.PI, Math.PI},
            new double[]{-Math.PI, Math.PI});
    private static final List<String> PATHS = List.of("x.a", "x.b", "x.c");

    private static double ishigami(double[] x) {
        return Math.sin(x[0]) + 7 * Math.pow(Math.sin(x[1]), 2) + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]);
    }

    @Test
    void ishigamiIndicesFromTheSaltelliDesignOfExperimentFiles() {
        Sensitivity.Sweep sweep = new Sensitivity.Sweep("saltelli", PATHS, CUBE, 1 << 13);
        List<double[]> points = Designs.saltelli(CUBE, 1 << 13);
        assertEquals((1 << 13) * 5, points.size());
        double[] y = points.stream().mapToDouble(SensitivityTest::ishigami).toArray();
        List<Sensitivity.Row> rows = Sensitivity.indices("y", sweep, points, y);
        double[] s1 = {0.314, 0.442, 0.0};
        double[] st = {0.558, 0.442, 0.244};
        for (int i = 0; i < 3; i++) {
            Sensitivity.Row f = row(rows, PATHS.get(i), "S1");
            Sensitivity.Row t = row(rows, PATHS.get(i), "ST");
            assertEquals(s1[i], f.value(), 0.03, "S1 of " + PATHS.get(i));
            assertEquals(st[i], t.value(), 0.03, "ST of " + PATHS.get(i));
            assertTrue(t.ciLow() <= t.value() && t.value() <= t.ciHigh(), "CI of ST " + PATHS.get(i));
        }
        assertEquals("x.a", Sensitivity.ranked(rows, "y", "ST").get(0).parameter());
    }

    @Test
    void morrisOnTheMorrisDesignOfExperimentFiles() {
        // y = 5 a - 2 b (c has no effect): per full range, |EE| = 5 * 2π and 2 * 2π, 0 for c
        Sensitivity.Sweep sweep = new Sensitivity.Sweep("morris", PATHS, CUBE, 0);
        List<double[]> points = Designs.morris(CUBE, 10, 4, 7);
        double[] y = points.stream().mapToDouble(x -> 5 * x[0] - 2 * x[1]).toArray();
        List<Sensitivity.Row> rows = Sensitivity.indices("y", sweep, points, y);
        assertEquals(10 * Math.PI, row(rows, "x.a", "mu_star").value(), 1e-9);
        assertEquals(-4 * Math.PI, row(rows, "x.b", "mu").value(), 1e-9);
        assertEquals(0, row(rows, "x.c", "mu_star").value(), 1e-12);
        assertEquals(0, row(rows, "x.a", "sigma").value(), 1e-9);
    }

    private static Sensitivity.Row row(List<Sensitivity.Row> rows, String p, String m) {
        return rows.stream().filter(r -> r.parameter().equals(p) && r.measure().equals(m)).findFirst().orElseThrow();
    }
}
