package kz.kosh.sim;

import kz.kosh.policy.RuralIncentive;
import kz.kosh.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The village programme's places in a run ({@link RuralIncentive}, T43's quota): with every graduate
 * eligible the applicants far exceed the places, and the payments of each year stay within the
 * places the year's chance φ = min(1, F·scale / A_{t−1}) allows: at most F·scale·A_t / A_{t−1}
 * (the applicants' growth over last year, from which φ was set) plus four binomial standard
 * deviations, and over the run within 10% of that bound. More places pay more (monotone), never
 * beyond that bound. One seed, scale 0.01, 2015-2018 after 5 spin-up years; the observers see the
 * recorded years only, so 2016-2018 are compared (2015's φ comes from a spin-up year).
 */
class VillagePlacesTest {
    private static final double SCALE = 0.01;

    @TempDir
    static Path tmp;

    /** Applicants and payments (agents) of each simulated year (0 in the spin-up years, which observers do not see). */
    private static long[][] run(String name, double places) {
        String body = TestRuns.run(2015, 2018, 5) + "policy:\n  ruralIncentive:\n    eligibleShare: 1.0\n    placesPerYear: "
                + places + "\n";
        Scenario s = TestRuns.variant(tmp, name, body, 11, SCALE).scenario();
        long[][] out = new long[2][s.run().endYear() - s.run().firstSimulatedYear() + 1];
        KoshSim sim = new KoshSim(s, 2);
        sim.addObserver((m, year, c, st, prev) -> {
            out[0][year - s.run().firstSimulatedYear()] = c.get(RuralIncentive.APPLICANTS);
            out[1][year - s.run().firstSimulatedYear()] = c.get(RuralIncentive.PAYMENTS);
        });
        sim.runToEnd();
        return out;
    }

    @Test
    void paymentsStayWithinThePlacesAndRiseWithThem() {
        double[] placesPerYear = {3000, 7176};
        long[] total = new long[placesPerYear.length];
        for (int k = 0; k < placesPerYear.length; k++) {
            double f = placesPerYear[k] * SCALE;
            long[][] r = run("places-" + k, placesPerYear[k]);
            double paidSum = 0;
            double boundSum = 0;
            for (int t = 1; t < r[0].length; t++) {
                long a = r[0][t];
                long paid = r[1][t];
                if (r[0][t - 1] == 0) {
                    continue;
                }
                assertTrue(a > 2 * f, "the places bind: " + a + " applicants for " + f + " places");
                double bound = f * a / r[0][t - 1];
                assertTrue(paid <= bound + 4 * Math.sqrt(bound), "year " + t + ": " + paid + " paid, bound " + bound);
                paidSum += paid;
                boundSum += bound;
                total[k] += paid;
            }
            double ratio = paidSum / boundSum;
            System.out.printf("VillagePlacesTest: %.0f places a year (%.1f agents): payments %.0f against a bound of "
                    + "%.1f (ratio %.3f), applicants %s, payments %s%n", placesPerYear[k], f, paidSum, boundSum, ratio,
                    java.util.Arrays.toString(r[0]), java.util.Arrays.toString(r[1]));
            assertTrue(boundSum > 0 && ratio > 0.9 && ratio < 1.1, "payments near the places φ allows: " + ratio);
        }
        assertTrue(total[1] > total[0], "more places pay more: " + total[0] + " -> " + total[1]);
    }
}
