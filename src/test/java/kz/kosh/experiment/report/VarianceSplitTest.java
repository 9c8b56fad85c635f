package kz.kosh.experiment.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-way random-effects ANOVA that splits a difference's variance into parameter spread and seed noise. */
class VarianceSplitTest {
    private static final double EPS = 1e-12;

    @Test
    void balancedGroupsOnHandMadeNumbers() {
        // set A: 1, 2, 3 (mean 2, variance 1); set B: 5, 6, 7 (mean 6, variance 1)
        // within = mean of the set variances = 1; between = var(2, 6) - 1/3 = 8 - 1/3 = 23/3
        VarianceSplit.Anova a = VarianceSplit.anova(new long[]{3, 3}, new double[]{2, 6}, new double[]{1, 1});
        assertEquals(1.0, a.within(), EPS);
        assertEquals(23.0 / 3, a.between(), EPS);
        assertEquals(23.0 / 26, a.parameterShare(), EPS);
        assertEquals(3.0 / 26, a.seedShare(), EPS);
        assertEquals(2, a.groups());
        assertEquals(6, a.n());
    }

    @Test
    void theBetweenComponentIsFlooredAtZero() {
        // set means 0 and 1 (var 0.5), within 4 with 2 per set: 0.5 - 4/2 < 0 -> 0, all seed noise
        VarianceSplit.Anova a = VarianceSplit.anova(new long[]{2, 2}, new double[]{0, 1}, new double[]{4, 4});
        assertEquals(0.0, a.between(), 0.0);
        assertEquals(4.0, a.within(), EPS);
        assertEquals(0.0, a.parameterShare(), 0.0);
        assertEquals(1.0, a.seedShare(), 0.0);
    }

    @Test
    void unequalGroupsUseThePooledWithinAndTheEffectiveGroupSize() {
        // A: 1, 3 (n 2, mean 2, var 2); B: 4, 6, 8 (n 3, mean 6, var 4); N = 5, grand mean 22/5
        // MSW = (1*2 + 2*4) / 3 = 10/3; MSB = (2*(2-4.4)^2 + 3*(6-4.4)^2) / 1 = 19.2
        // n0 = (5 - (4 + 9)/5) / 1 = 2.4; between = (19.2 - 10/3) / 2.4 = 6.611...
        VarianceSplit.Anova a = VarianceSplit.anova(new long[]{2, 3}, new double[]{2, 6}, new double[]{2, 4});
        assertEquals(10.0 / 3, a.within(), EPS);
        assertEquals((19.2 - 10.0 / 3) / 2.4, a.between(), 1e-9);
    }

    @Test
    void notEstimableWithOneReplicationPerSetOrOneSet() {
        VarianceSplit.Anova a = VarianceSplit.anova(new long[]{1, 1}, new double[]{0, 1}, new double[]{Double.NaN, Double.NaN});
        assertTrue(Double.isNaN(a.within()));
        assertTrue(Double.isNaN(a.parameterShare()));
        VarianceSplit.Anova b = VarianceSplit.anova(new long[]{3, 0}, new double[]{2, 0}, new double[]{1, Double.NaN});
        assertEquals(1.0, b.within(), EPS);
        assertTrue(Double.isNaN(b.between()));
    }

    @Test
    void theCollectorSplitsThePairedDifferencesBySet() {
        HeadlineCollector c = new HeadlineCollector(2, 0);
        c.parameterSets(2);
        List<Integer> years = List.of(2020);
        // replication r uses set r mod 2; paired differences: set 0 -> 1, 2, 3; set 1 -> 5, 6, 7
        double[] diffs = {1, 5, 2, 6, 3, 7};
        for (int r = 0; r < diffs.length; r++) {
            c.putForSet(r % 2, years, KeyIndicator.EMIGRATION, new double[]{100}, new double[]{100 + diffs[r]});
        }
        List<VarianceSplit.Row> rows = VarianceSplit.compute(c, List.of("ref", "alt"));
        VarianceSplit.Row r = VarianceSplit.find(rows, "alt", KeyIndicator.EMIGRATION, Headline.Measure.PERIOD_MEAN);
        assertEquals(4.0, r.difference(), EPS);
        assertEquals(1.0, r.within(), EPS);
        assertEquals(23.0 / 3, r.between(), EPS);
        assertEquals(2.0, r.setMeanMin(), EPS);
        assertEquals(6.0, r.setMeanMax(), EPS);
        assertEquals(6, r.n());
        assertEquals(2, r.sets());
        // the total interval is the headline's: Student t over the 6 replications
        double[] t = Intervals.t(4.0, Math.sqrt(5.6), 6);
        assertEquals(t[0], r.lo(), 1e-9);
        assertEquals(t[1], r.hi(), 1e-9);
        assertEquals("88% parameter spread, 12% seed noise (between-set sd 2.8, within-set sd 1.0; 2 sets, 6 replications; "
                + "set means +2.0 to +6.0)", VarianceSplit.phrase(r));
        // the headline without the split is unchanged; with it, a note that intervals include parameter uncertainty
        List<Headline.Row> head = Headline.compute(c, List.of("ref", "alt"));
        String plain = HeadlineText.text(head);
        assertEquals(plain, HeadlineText.text(head, List.of()));
        String split = HeadlineText.text(head, rows);
        assertTrue(split.contains(" [variance: 88% parameter spread, 12% seed noise]\n")
                && split.contains("each interval includes parameter uncertainty"), split);
    }
}
