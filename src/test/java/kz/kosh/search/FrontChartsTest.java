package kz.kosh.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts of a front with three objectives: a scatter matrix of every pair and parallel
 * coordinates, the front, the reference and a library scenario where their values put them.
 */
class FrontChartsTest {
    @TempDir
    Path tmp;

    @Test
    void threeObjectivesGetAScatterMatrixAndParallelCoordinates() throws IOException {
        Path file = tmp.resolve("three.yaml");
        Files.writeString(file, PolicySearchTest.tiny(PolicySearchTest.BASELINE).replace("objectives:\n",
                "objectives:\n  - {indicator: emigration, sense: minimise}\n"));
        SearchSpec spec = SearchSpec.load(file);
        assertEquals(3, spec.objectives().size());
        int columns = spec.targets().size() + Deadweight.COLUMNS;
        // objectives: emigration (min), spending (min), retention (max)
        PolicySearch.FrontPoint ref = point(0, "reference", "baseline", false, columns, 100, 5e9, 0.5);
        PolicySearch.FrontPoint a = point(1, "candidate", "a", true, columns, 50, 4e9, 0.6);
        PolicySearch.FrontPoint b = point(2, "candidate", "b", true, columns, 150, 3e9, 0.7);
        PolicySearch.FrontPoint lib = point(3, "library", "relocation-tripled", false, columns, 120, 6e9, 0.55);
        List<PolicySearch.FrontPoint> points = List.of(ref, a, b, lib);

        BufferedImage m = FrontCharts.scatterMatrix(spec, points);
        assertEquals(2 * 460, m.getWidth());
        assertEquals(70 + 2 * 460, m.getHeight());

        BufferedImage p = FrontCharts.parallelCoordinates(spec, points);
        // first axis (emigration, minimised) at x = 110 from y = 110 (best, 50) to 570 (worst, 150):
        // the reference (100) halfway in black, point a (50) at the top in blue, point b (150) at the bottom
        assertTrue(near(p, 112, 340, Color.BLACK), "the reference's line");
        assertTrue(near(p, 112, 110, new Color(0, 114, 178)), "point a's line");
        assertTrue(near(p, 112, 570, new Color(0, 114, 178)), "point b's line");
        // the library scenario (120): 70% of the way down, in orange
        assertTrue(near(p, 112, 110 + (int) Math.round(0.7 * 460), new Color(213, 94, 0)), "the library's line");

        FrontReport.write(tmp.resolve("out"), spec, points, null);
        assertTrue(Files.size(tmp.resolve("out").resolve(FrontReport.MATRIX_PNG)) > 10_000);
        assertTrue(Files.size(tmp.resolve("out").resolve(FrontReport.PARALLEL_PNG)) > 10_000);
    }

    private static PolicySearch.FrontPoint point(int id, String kind, String name, boolean onFront, int columns,
                                                 double... objectives) {
        Evaluation e = new Evaluation(kind.equals("candidate") ? new double[]{1_000_000, 500} : null);
        for (int r = 0; r < 2; r++) {
            double[] v = new double[columns];
            double[] ref = new double[columns];
            for (int t = 0; t < objectives.length; t++) {
                v[t] = objectives[t] * (r == 0 ? 0.99 : 1.01);
                ref[t] = objectives[t];
            }
            e.add(0, v, ref);
        }
        return new PolicySearch.FrontPoint(id, kind, name, e, onFront, true);
    }

    /** A pixel within 3 px of (x, y) has about this colour. */
    private static boolean near(BufferedImage img, int x, int y, Color c) {
        for (int dx = -3; dx <= 3; dx++) {
            for (int dy = -3; dy <= 3; dy++) {
                Color p = new Color(img.getRGB(x + dx, y + dy));
                if (Math.abs(p.getRed() - c.getRed()) < 40 && Math.abs(p.getGreen() - c.getGreen()) < 40
                        && Math.abs(p.getBlue() - c.getBlue()) < 40) {
                    return true;
                }
            }
        }
        return false;
    }
}
