package kz.kosh.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paired statistics of a search point, computed by hand. */
class EvaluationTest {

    @Test
    void pairedDifferencesPercentilesOverSetsAndTheCostPerRetainedGraduate() {
        Evaluation e = new Evaluation(new double[]{1});
        // target 0: spending; target 1: graduates in Kazakhstan. Sets 0, 1, 0, 1
        e.add(0, new double[]{110, 52}, new double[]{100, 50});
        e.add(1, new double[]{125, 55}, new double[]{105, 50});
        e.add(0, new double[]{112, 53}, new double[]{100, 50});
        e.add(1, new double[]{121, 54}, new double[]{101, 50});
        assertEquals(4, e.n());
        assertEquals(117.0, e.mean(0), 1e-12);
        assertEquals(101.5, e.referenceMean(0), 1e-12);
        assertEquals(15.5, e.difference(0), 1e-12); // (10 + 20 + 12 + 20) / 4
        // per-set means of spending: set 0 (110 + 112) / 2 = 111, set 1 (125 + 121) / 2 = 123
        assertEquals(111.0, e.percentileOverSets(0, 0), 1e-12);
        assertEquals(123.0, e.percentileOverSets(0, 100), 1e-12);
        assertEquals(111 + 0.9 * 12, e.percentileOverSets(0, 90), 1e-12);
        assertEquals(2, e.setCount());
        // ratio of mean differences 15.5 / 3.5 (extra graduates 2, 5, 3, 4)
        double[] r = e.differenceRatio(0, 1);
        assertEquals(15.5 / 3.5, r[0], 1e-12);
        assertTrue(r[1] < r[0] && r[0] < r[2]);
        // difference interval: mean 15.5, sd of (10, 20, 12, 20) = sqrt(27.666..) , t(3) = 3.182446
        double half = 3.182446305284263 * Math.sqrt(83.0 / 3) / 2;
        assertArrayEquals(new double[]{15.5 - half, 15.5 + half}, e.differenceCi(0), 1e-6);
    }

    @Test
    void noRatioWhenTheAdditionalGraduatesAreNotDistinguishableFromZero() {
        Evaluation e = new Evaluation(null);
        e.add(0, new double[]{110, 51}, new double[]{100, 50});
        e.add(0, new double[]{110, 49}, new double[]{100, 50});
        assertTrue(Double.isNaN(e.differenceRatio(0, 1)[0]));
    }

    @Test
    void wholeVariablesRoundAndStayInsideTheirBounds() {
        SearchSpec.Variable v = new SearchSpec.Variable("policy.bolashak.awardsPerYear", 0.5, 10.2, true, "", "");
        assertEquals(1.0, v.decode(0.5));
        assertEquals(10.0, v.decode(10.2));
        assertEquals(4.0, v.decode(3.5000001));
        SearchSpec.Variable real = new SearchSpec.Variable("policy.relocation.subsidyKzt", 0, 1e7, false, "", "");
        assertEquals(1234.567891, real.decode(1234.5678912345), 0.0);
        assertEquals(1e7, real.decode(2e7), 0.0);
    }
}
