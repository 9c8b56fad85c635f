package kz.kosh.decision;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class LogitTest {
    private static final double EPS = 1e-12;

    @Test
    void probabilitiesOfThreeAlternatives() {
        // exp(V) = {1, 2, 3}, sum 6 -> {1/6, 2/6, 3/6}
        double[] p = Logit.probabilities(new double[] {0.0, Math.log(2), Math.log(3)});
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, p, EPS);
    }

    @Test
    void probabilitiesInvariantToAddingAConstant() {
        // exp(1000 + x) overflows unless the maximum is subtracted; the answer must still be {1/6, 2/6, 3/6}
        double[] big = Logit.probabilities(new double[] {1000.0, 1000.0 + Math.log(2), 1000.0 + Math.log(3)});
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, big, 1e-9);
        // and with a negative shift: -1000 + x underflows without the shift
        double[] small = Logit.probabilities(new double[] {-1000.0, -1000.0 + Math.log(2), -1000.0 + Math.log(3)});
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 3.0 / 6}, small, 1e-9);
    }

    @Test
    void minusInfinityGetsProbabilityZero() {
        // exp(V) = {1, 0, 3}, sum 4 -> {1/4, 0, 3/4}
        double[] p = Logit.probabilities(new double[] {0.0, Double.NEGATIVE_INFINITY, Math.log(3)});
        assertArrayEquals(new double[] {0.25, 0.0, 0.75}, p, EPS);
        assertEquals(0.0, p[1]); // exactly zero, not a tiny number
    }

    @Test
    void logSumReference() {
        // ln(1 + 2 + 3) = ln 6
        assertEquals(Math.log(6), Logit.logSum(new double[] {0.0, Math.log(2), Math.log(3)}), EPS);
        // ln(e^1000 + e^1000) = 1000 + ln 2 (no overflow)
        assertEquals(1000.0 + Math.log(2), Logit.logSum(new double[] {1000.0, 1000.0}), 1e-9);
        // ln(e^-inf + e^0) = 0
        assertEquals(0.0, Logit.logSum(new double[] {Double.NEGATIVE_INFINITY, 0.0}), EPS);
        // nothing available: ln 0 = -inf
        assertEquals(Double.NEGATIVE_INFINITY,
                Logit.logSum(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
    }

    @Test
    void logisticReference() {
        // 1/(1+e^0) = 1/2
        assertEquals(0.5, Logit.logistic(0.0), EPS);
        // 1/(1+e^-ln3) = 1/(1+1/3) = 3/4
        assertEquals(0.75, Logit.logistic(Math.log(3)), EPS);
        // 1/(1+e^ln3) = 1/(1+3) = 1/4
        assertEquals(0.25, Logit.logistic(-Math.log(3)), EPS);
    }

    @Test
    void drawBoundaries() {
        double[] w = {0.0, 2.0, 0.0, 3.0, 0.0}; // sum 5
        // u = 0: target 0, the first positive weight (index 1, cumulative 2 > 0)
        assertEquals(1, Logit.draw(w, 0.0));
        // u just below 1: target just below 5, only index 3 (cumulative 5) exceeds it; never the trailing zero
        assertEquals(3, Logit.draw(w, Math.nextDown(1.0)));
        // u = 0.4: target 2; cumulative at index 1 is 2, not > 2 -> index 3
        assertEquals(3, Logit.draw(w, 0.4));
        // u just below 0.4: target just below 2 -> index 1
        assertEquals(1, Logit.draw(w, Math.nextDown(0.4)));
        // a single positive weight at the end is picked for every u
        assertEquals(2, Logit.draw(new double[] {0.0, 0.0, 1.0}, 0.0));
        assertEquals(2, Logit.draw(new double[] {0.0, 0.0, 1.0}, Math.nextDown(1.0)));
    }

    @Test
    void drawFrequenciesAndZeroWeightsNeverPicked() {
        double[] w = {0.0, 2.0, 0.0, 3.0, 0.0}; // P = {0, 2/5, 0, 3/5, 0}
        int n = 100_000;
        int[] count = new int[w.length];
        for (int k = 0; k < n; k++) {
            count[Logit.draw(w, (k + 0.5) / n)]++;
        }
        assertEquals(0, count[0]);
        assertEquals(0, count[2]);
        assertEquals(0, count[4]);
        assertEquals(0.4, count[1] / (double) n, 1e-4); // 2/5
        assertEquals(0.6, count[3] / (double) n, 1e-4); // 3/5
    }

    @Test
    void cumulativeWeightsByHandAndNoneWithoutAPositiveWeight() {
        // w = (0, 1, 0, 3, 0): c = (0, 0.25, 0.25, 1, 1), the tail from the last positive weight exactly 1
        double[] c = Logit.cumulative(new double[]{0, 1, 0, 3, 0});
        assertArrayEquals(new double[]{0, 0.25, 0.25, 1.0, 1.0}, c, 0.0);
        assertEquals(1, Logit.drawCumulative(c, 0.0));
        assertEquals(1, Logit.drawCumulative(c, 0.2499));
        assertEquals(3, Logit.drawCumulative(c, 0.25));
        assertEquals(3, Logit.drawCumulative(c, 0.9999));
        // no positive weight: no distribution
        assertNull(Logit.cumulative(new double[]{0, 0, 0}));
    }

    @Test
    void drawCumulativeByBisectionIsTheFirstPlaceWithAPositiveWeightPassed() {
        // against the linear scan it replaced (first j with u < c_j and c_j > c_{j-1}), on weights
        // with zeros anywhere (a leading, inner and trailing zero-weight tail) and at the boundaries
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int t = 0; t < 2000; t++) {
            double[] w = new double[1 + r.nextInt(40)];
            for (int j = 0; j < w.length; j++) {
                w[j] = r.nextInt(3) == 0 ? 0.0 : r.nextDouble();
            }
            double[] c = Logit.cumulative(w);
            if (c == null) {
                continue;
            }
            for (int k = 0; k < 20; k++) {
                double u = k == 0 ? 0.0 : k == 1 ? Math.nextDown(1.0) : k < 2 + c.length ? c[Math.min(c.length - 1, k - 2)] : r.nextDouble();
                if (u >= 1.0) {
                    continue;
                }
                int expected = c.length - 1;
                double prev = 0;
                for (int j = 0; j < c.length; j++) {
                    if (u < c[j] && c[j] > prev) {
                        expected = j;
                        break;
                    }
                    prev = c[j];
                }
                int got = Logit.drawCumulative(c, u);
                assertEquals(expected, got, "u = " + u + " over " + java.util.Arrays.toString(c));
                assertTrue(w[got] > 0, "a place without weight drawn");
            }
        }
    }
}
