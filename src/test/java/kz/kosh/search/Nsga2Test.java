package kz.kosh.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optimiser adapter on standard problems with known fronts. */
class Nsga2Test {

    /** ZDT1 (Zitzler, Deb and Thiele 2000), n = 30: f1 = x1, g = 1 + 9 Σ_{i≥2} x_i / (n − 1), f2 = g (1 − √(f1 / g)). */
    static double[] zdt1(double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += x[i];
        }
        double g = 1 + 9 * s / (x.length - 1);
        return new double[]{x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    static List<Nsga2.Point> zdt1Front(long seed, int population, int generations) {
        double[] lo = new double[30];
        double[] hi = new double[30];
        Arrays.fill(hi, 1.0);
        return Nsga2.run(lo, hi, 2, 0, population, generations, seed, (gen, xs) -> {
            double[][] out = new double[xs.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = zdt1(xs.get(i));
            }
            return out;
        });
    }

    @Test
    void findsTheZdt1FrontWithin2PercentOfTheOptimalHypervolume() {
        List<double[]> f = new ArrayList<>();
        for (Nsga2.Point p : zdt1Front(7, 100, 200)) {
            f.add(p.objectives());
        }
        // the true front f2 = 1 − √f1 on [0, 1] leaves 1/3 of the unit square undominated: HV* = 2/3
        double hv = Nsga2.hypervolume2d(f, 1.0, 1.0);
        assertTrue(hv >= 0.98 * 2.0 / 3.0, "hypervolume " + hv + " below 98% of 2/3");
        assertTrue(f.size() >= 30, "front of " + f.size() + " points");
    }

    @Test
    void sameSeedSameFront() {
        List<Nsga2.Point> a = zdt1Front(3, 20, 10);
        List<Nsga2.Point> b = zdt1Front(3, 20, 10);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).x(), b.get(i).x());
        }
    }

    @Test
    void constraintsKeepTheFrontFeasible() {
        // minimise (x, 1 − x) on [0, 1] subject to x ≥ 0.6 (constraint x − 0.6 ≥ 0): the front is [0.6, 1]
        List<Nsga2.Point> front = Nsga2.run(new double[]{0}, new double[]{1}, 2, 1, 20, 20, 5, (gen, xs) -> {
            double[][] out = new double[xs.size()][];
            for (int i = 0; i < out.length; i++) {
                double x = xs.get(i)[0];
                out[i] = new double[]{x, 1 - x, x - 0.6};
            }
            return out;
        });
        for (Nsga2.Point p : front) {
            assertTrue(p.feasible() && p.x()[0] >= 0.6, "infeasible point " + p.x()[0]);
        }
    }

    @Test
    void hypervolumeOfASquareStaircase() {
        // points (0.5, 0.5) and (0.25, 0.75) against (1, 1): 0.5·0.5 + 0.25·0.25 (the strip left of 0.5 above 0.5)
        assertEquals(0.3125, Nsga2.hypervolume2d(List.of(new double[]{0.5, 0.5}, new double[]{0.25, 0.75}), 1, 1), 1e-12);
        assertEquals(0.0, Nsga2.hypervolume2d(List.of(new double[]{1.5, 0.5}), 1, 1), 0.0);
    }
}
