package kz.kosh.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CellStats} against Commons Math and hand computation on known inputs. */
class CellStatsTest {
    private static final double[] VALUES = {2, 4, 4, 4, 5, 5, 7, 9};

    private static CellStats of(double... xs) {
        CellStats c = new CellStats();
        for (double x : xs) {
            c.add(x);
        }
        return c;
    }

    @Test
    void meanIsFive() {
        CellStats c = of(VALUES);
        assertEquals(8, c.n());
        assertEquals(5.0, c.mean(), 1e-12);
        assertEquals(new Mean().evaluate(VALUES), c.mean(), 1e-12);
    }

    @Test
    void sdIsTheSampleStandardDeviation() {
        CellStats c = of(VALUES);
        assertEquals(Math.sqrt(32.0 / 7.0), c.sd(), 1e-12, "hand: sum of squared deviations 32 over n - 1 = 7");
        assertEquals(new StandardDeviation(true).evaluate(VALUES), c.sd(), 1e-12);
        assertTrue(Math.abs(c.sd() - 2.0) > 0.1, "must not be the population SD (2)");
    }

    @Test
    void ciHalfWidthIsStudentTTimesStandardError() {
        CellStats c = of(VALUES);
        double t = new TDistribution(7).inverseCumulativeProbability(0.975);
        assertEquals(2.3646, t, 1e-4, "t(0.975, 7) from tables");
        double sd = Math.sqrt(32.0 / 7.0);
        assertEquals(t * sd / Math.sqrt(8), c.ci95HalfWidth(), 1e-12);
        assertEquals(2.3646 * sd / Math.sqrt(8), c.ci95HalfWidth(), 1e-4);
        assertEquals(1.7875, c.ci95HalfWidth(), 1e-4);
    }

    @Test
    void percentilesAreWithinTheSampleAndTheMedianBetweenFourAndFive() {
        CellStats c = of(VALUES);
        assertTrue(c.p50() >= 4 && c.p50() <= 5, "p50 " + c.p50());
        assertTrue(c.p05() >= 2 && c.p05() <= c.p50(), "p05 " + c.p05());
        assertTrue(c.p95() >= c.p50() && c.p95() <= 9, "p95 " + c.p95());
    }

    @Test
    void percentilesAreExactForFewValues() {
        // P² keeps the observations themselves up to five values
        CellStats c = of(3, 1, 2);
        assertEquals(2.0, c.p50(), 1e-12);
        CellStats d = of(10, 30, 20, 50, 40);
        assertEquals(30.0, d.p50(), 1e-12);
    }

    @Test
    void percentilesApproximateExactOnesForALargeSample() {
        Random rnd = new Random(11);
        double[] xs = new double[2000];
        CellStats c = new CellStats();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = rnd.nextGaussian();
            c.add(xs[i]);
        }
        Percentile p = new Percentile();
        assertEquals(p.evaluate(xs, 5), c.p05(), 0.1);
        assertEquals(p.evaluate(xs, 50), c.p50(), 0.1);
        assertEquals(p.evaluate(xs, 95), c.p95(), 0.1);
    }

    @Test
    void nanIsSkipped() {
        CellStats withNaN = new CellStats();
        for (double x : VALUES) {
            withNaN.add(x);
            withNaN.add(Double.NaN);
        }
        CellStats plain = of(VALUES);
        assertEquals(8, withNaN.n());
        assertEquals(plain.mean(), withNaN.mean(), 0);
        assertEquals(plain.sd(), withNaN.sd(), 0);
        assertEquals(plain.ci95HalfWidth(), withNaN.ci95HalfWidth(), 0);
        assertEquals(plain.p50(), withNaN.p50(), 0);
    }

    @Test
    void onlyNaNGivesAnEmptyCell() {
        CellStats c = of(Double.NaN, Double.NaN);
        assertEquals(0, c.n());
        assertTrue(Double.isNaN(c.mean()));
        assertTrue(Double.isNaN(c.sd()));
        assertTrue(Double.isNaN(c.ci95HalfWidth()));
    }

    @Test
    void oneValueHasAMeanButNoSdOrInterval() {
        CellStats c = of(3.5);
        assertEquals(1, c.n());
        assertEquals(3.5, c.mean(), 0);
        assertTrue(Double.isNaN(c.sd()), "sd of one value must be NaN, not 0");
        assertTrue(Double.isNaN(c.ci95HalfWidth()));
        assertEquals(3.5, c.p50(), 0);
    }

    @Test
    void identicalValuesHaveZeroSdAndZeroInterval() {
        CellStats c = of(7, 7, 7, 7);
        assertEquals(7, c.mean(), 0);
        assertEquals(0, c.sd(), 0);
        assertEquals(0, c.ci95HalfWidth(), 0);
    }

    @Test
    void intervalShrinksLikeOneOverRootN() {
        Random rnd = new Random(20240917L);
        CellStats n25 = new CellStats();
        CellStats n400 = new CellStats();
        for (int i = 0; i < 400; i++) {
            double x = 10 + 2 * rnd.nextGaussian();
            if (i < 25) {
                n25.add(x);
            }
            n400.add(x);
        }
        double h25 = n25.ci95HalfWidth();
        double h400 = n400.ci95HalfWidth();
        assertTrue(h400 < h25, h400 + " should be below " + h25);
        double ratio = h400 / h25;
        // sqrt(25/400) = 1/4, times t(399)/t(24) ≈ 0.95 and the ratio of two sample SDs
        assertEquals(0.25, ratio, 0.08, "ratio " + ratio);
        // and the 400-sample half-width is about 1.96·σ/√400 = 1.96·2/20
        assertEquals(1.96 * 2 / 20, h400, 0.03);
    }
}
