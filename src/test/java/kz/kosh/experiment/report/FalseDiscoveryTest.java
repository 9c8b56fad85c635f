package kz.kosh.experiment.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Benjamini-Hochberg on hand-computed values, and the ticks of the headline that use it. */
class FalseDiscoveryTest {
    /**
     * m = 4, p = (0.01, 0.04, 0.03, 0.20). Sorted: 0.01, 0.03, 0.04, 0.20; m·p/rank = 0.04, 0.06,
     * 0.0533, 0.20; the running minimum from the top: 0.20, 0.0533, 0.0533, 0.04. Three p-values
     * are below 0.05 (three intervals exclude zero) but only the first stays at FDR 5%.
     */
    @Test
    void benjaminiHochbergByHand() {
        double[] q = FalseDiscovery.adjust(new double[]{0.01, 0.04, 0.03, 0.20});
        assertArrayEquals(new double[]{0.04, 0.16 / 3, 0.16 / 3, 0.20}, q, 1e-12);
        assertTrue(FalseDiscovery.discovery(q[0]));
        assertFalse(FalseDiscovery.discovery(q[1]) || FalseDiscovery.discovery(q[2]) || FalseDiscovery.discovery(q[3]));
        // m = 3, p = (0.001, 0.02, 0.04): 0.003, 0.03, 0.04 -> all three stay (step-up: the largest
        // rank with p(i) <= 0.05 i/m is 3)
        assertArrayEquals(new double[]{0.003, 0.03, 0.04}, FalseDiscovery.adjust(new double[]{0.001, 0.02, 0.04}), 1e-12);
        // ties: 3·0.05/1 = 0.15, 3·0.05/2 = 0.075, 3·0.9/3 = 0.9 -> 0.075, 0.075, 0.9; unknown
        // p-values stay unknown and do not count in m
        assertArrayEquals(new double[]{0.075, 0.075, 0.9}, FalseDiscovery.adjust(new double[]{0.05, 0.05, 0.9}), 1e-12);
        double[] withNaN = FalseDiscovery.adjust(new double[]{Double.NaN, 0.02, 0.04});
        assertTrue(Double.isNaN(withNaN[0]));
        assertArrayEquals(new double[]{0.04, 0.04}, new double[]{withNaN[1], withNaN[2]}, 1e-12);
    }

    /**
     * Paired differences 1, 2, 3, 4: mean 2.5, sd 1.2910, se 0.6455, t = 3.873 with 3 degrees of
     * freedom: two-sided p = 0.0305 (tables: t(3) = 3.182 at p 0.05, 4.541 at p 0.02). The 95%
     * interval is 2.5 ± 3.1824·0.6455 = [0.446; 4.554].
     */
    @Test
    void pValueFromTheStudentInterval() {
        double se = Math.sqrt(5.0 / 3) / 2;
        double h = 3.182446305284263 * se;
        double p = FalseDiscovery.pValue(2.5, 2.5 - h, 2.5 + h, 4);
        assertEquals(0.0305, p, 2e-4);
        // the interval's edge at zero is p = 0.05 exactly
        assertEquals(0.05, FalseDiscovery.pValue(h, 0, 2 * h, 4), 1e-9);
        assertEquals(1.0, FalseDiscovery.pValue(0, 0, 0, 5));
        assertEquals(0.0, FalseDiscovery.pValue(3, 3, 3, 5));
        assertTrue(Double.isNaN(FalseDiscovery.pValue(3, Double.NaN, Double.NaN, 1)));
    }

    @Test
    void summarySaysHowManyWouldExcludeZeroByChance() {
        String s = FalseDiscovery.summary(272, 30, 12);
        assertTrue(s.contains("Of the 272 paired differences shown, 30 have a 95% interval that excludes zero"), s);
        assertTrue(s.contains("about 14 would by chance alone"), s);
        assertTrue(s.contains("the 12 that stay significant"), s);
    }

    /**
     * Ten scenarios against one reference, one key indicator: one difference with p = 0.01 (its
     * interval excludes zero) and nine with p = 0.9. Benjamini-Hochberg: q = 10·0.01/1 = 0.1, so
     * no tick, and the answer's line has no "*"; alone (m = 1) it is a discovery.
     */
    @Test
    void headlineTicksAreFalseDiscoveryControlled() {
        List<Headline.Row> rows = new ArrayList<>();
        double[] p = {0.01, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        for (int i = 0; i < p.length; i++) {
            rows.add(row("s" + i, p[i]));
        }
        List<Headline.Row> controlled = Headline.withFalseDiscoveryControl(rows);
        assertTrue(controlled.get(0).excludesZero(), "p = 0.01: the interval excludes zero");
        assertEquals(0.1, controlled.get(0).qValue(), 1e-6);
        assertFalse(controlled.get(0).discovery(), "q = 0.1 > 0.05: no tick");
        String line = HeadlineText.line(controlled.get(0), null, null);
        assertFalse(line.contains("*"), line);
        // alone, the same difference is a discovery
        Headline.Row alone = Headline.withFalseDiscoveryControl(List.of(row("s0", 0.01))).get(0);
        assertTrue(alone.discovery());
        assertTrue(HeadlineText.line(alone, null, null).contains("persons per year *"), HeadlineText.line(alone, null, null));
    }

    /** A period-mean emigration row of n = 10 replications whose difference has two-sided p-value p. */
    private static Headline.Row row(String scenario, double p) {
        long n = 10;
        double t = new org.apache.commons.math3.distribution.TDistribution(n - 1).inverseCumulativeProbability(1 - p / 2);
        double se = 10;
        double mean = t * se;
        double h = Intervals.t95(n) * se;
        Headline.Row r = new Headline.Row(scenario, "ref", KeyIndicator.EMIGRATION, Headline.Measure.PERIOD_MEAN, 2025, 2045,
                1000, 990, 1010, 1000 + mean, 990 + mean, 1010 + mean, mean, mean - h, mean + h, n);
        assertEquals(p, r.pValue(), 1e-9);
        return r;
    }
}
