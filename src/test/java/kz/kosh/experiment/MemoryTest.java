package kz.kosh.experiment;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link Aggregator} keeps constant state per cell: a replication's tables
 * are held only until every scenario of it and of all earlier replications has arrived, and are
 * then folded into streaming statistics. Tested with synthetic tables (no simulation, no timing).
 */
class MemoryTest {
    static final String[] KEYS = {"emigration|KZ", "emigration|Almaty", "share|KZ"};
    static final int[] YEARS = {2015, 2016, 2017};
    static final int SCENARIOS = 3;

    private static ExperimentSpec spec(int replications, int reference) {
        List<ExperimentSpec.Entry> entries = new ArrayList<>();
        for (int s = 0; s < SCENARIOS; s++) {
            entries.add(ExperimentTests.entry("s" + s, ExperimentTests.BASELINE));
        }
        return new ExperimentSpec("memory", entries, reference, replications, 1, 0.01, 2015, 2017, 4);
    }

    /** A synthetic table of scenario s, replication r (deterministic); share|KZ is missing (NaN) now and then. */
    private static IndicatorTable table(int s, int r) {
        Random rnd = new Random(1000L * r + s);
        IndicatorTable t = new IndicatorTable();
        for (int year : YEARS) {
            Map<String, Double> v = new LinkedHashMap<>();
            v.put(KEYS[0], 100 + 10 * s + 5 * rnd.nextGaussian());
            v.put(KEYS[1], 40 + 2 * s + rnd.nextGaussian());
            v.put(KEYS[2], (r + year + s) % 7 == 0 ? Double.NaN : 0.3 + 0.1 * rnd.nextDouble());
            t.put(year, v);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static int pending(Aggregator a) {
        try {
            Field f = Aggregator.class.getDeclaredField("pending");
            f.setAccessible(true);
            return ((Map<Integer, ?>) f.get(a)).size();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Aggregator should keep its waiting replications in a map named 'pending'", e);
        }
    }

    private static Aggregator offeredInOrder(int reps, int reference) {
        Aggregator a = new Aggregator(spec(reps, reference), SCENARIOS);
        for (int r = 0; r < reps; r++) {
            for (int s = 0; s < SCENARIOS; s++) {
                a.offer(s, r, table(s, r));
            }
            assertEquals(0, pending(a), "in order, nothing waits once a replication is complete");
        }
        return a;
    }

    private static void assertSameCells(Map<String, CellStats[]> expected, Map<String, CellStats[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            CellStats[] e = expected.get(k);
            CellStats[] a = actual.get(k);
            assertEquals(e.length, a.length, k);
            for (int y = 0; y < e.length; y++) {
                String where = k + " year " + y;
                assertEquals(e[y].n(), a[y].n(), where);
                // bit-identical: the order of additions must be the same
                assertEquals(Double.doubleToLongBits(e[y].mean()), Double.doubleToLongBits(a[y].mean()), where);
                assertEquals(Double.doubleToLongBits(e[y].sd()), Double.doubleToLongBits(a[y].sd()), where);
                assertEquals(Double.doubleToLongBits(e[y].p05()), Double.doubleToLongBits(a[y].p05()), where);
                assertEquals(Double.doubleToLongBits(e[y].p50()), Double.doubleToLongBits(a[y].p50()), where);
                assertEquals(Double.doubleToLongBits(e[y].p95()), Double.doubleToLongBits(a[y].p95()), where);
            }
        }
    }

    @Test
    void outOfOrderReplicationsWaitAndGiveTheInOrderStatistics() {
        Aggregator inOrder = offeredInOrder(3, 0);
        Aggregator a = new Aggregator(spec(3, 0), SCENARIOS);
        for (int s = 0; s < SCENARIOS; s++) {
            a.offer(s, 2, table(s, 2));
        }
        assertEquals(1, pending(a), "replication 2 waits for 0 and 1");
        assertTrue(a.summary(0).isEmpty(), "nothing may be aggregated before replication 0");
        for (int s = 0; s < SCENARIOS; s++) {
            a.offer(s, 0, table(s, 0));
        }
        assertEquals(1, pending(a), "replication 0 is folded in at once; 2 still waits for 1");
        assertEquals(1, a.summary(0).get(KEYS[0])[0].n());
        for (int s = 0; s < SCENARIOS; s++) {
            a.offer(s, 1, table(s, 1));
        }
        assertEquals(0, pending(a), "no table is retained after all offers");
        assertEquals(3, a.summary(0).get(KEYS[0])[0].n());
        for (int s = 0; s < SCENARIOS; s++) {
            assertSameCells(inOrder.summary(s), a.summary(s));
            assertSameCells(inOrder.differences(s), a.differences(s));
        }
    }

    @Test
    void shuffledCompletionOrderGivesBitIdenticalStatistics() {
        int reps = 12; // beyond five values, P² percentiles depend on the order of additions
        for (int reference : new int[]{0, 2}) {
            Aggregator inOrder = offeredInOrder(reps, reference);
            List<int[]> pairs = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                for (int s = 0; s < SCENARIOS; s++) {
                    pairs.add(new int[]{s, r});
                }
            }
            Collections.shuffle(pairs, new Random(5));
            Aggregator a = new Aggregator(spec(reps, reference), SCENARIOS);
            int maxPending = 0;
            for (int[] p : pairs) {
                a.offer(p[0], p[1], table(p[0], p[1]));
                maxPending = Math.max(maxPending, pending(a));
            }
            assertTrue(maxPending > 1, "the shuffle should make replications wait");
            assertEquals(0, pending(a), "no table is retained after all offers");
            for (int s = 0; s < SCENARIOS; s++) {
                assertSameCells(inOrder.summary(s), a.summary(s));
                assertSameCells(inOrder.differences(s), a.differences(s));
            }
        }
    }

    @Test
    void statisticsAreThoseOfTheValuesAndPairedDifferences() {
        int reps = 6;
        Aggregator a = offeredInOrder(reps, 0);
        assertEquals(List.of(2015, 2016, 2017), a.years());
        assertTrue(a.differences(0).isEmpty(), "no differences of the reference with itself");
        for (int s = 0; s < SCENARIOS; s++) {
            for (int y = 0; y < YEARS.length; y++) {
                for (String k : KEYS) {
                    double sum = 0;
                    double dsum = 0;
                    int n = 0;
                    int dn = 0;
                    for (int r = 0; r < reps; r++) {
                        double v = table(s, r).value(y, k);
                        double ref = table(0, r).value(y, k);
                        if (!Double.isNaN(v)) {
                            sum += v;
                            n++;
                        }
                        if (!Double.isNaN(v - ref)) {
                            dsum += v - ref;
                            dn++;
                        }
                    }
                    CellStats c = a.summary(s).get(k)[y];
                    assertEquals(n, c.n(), k);
                    assertEquals(sum / n, c.mean(), 1e-9, k);
                    if (s != 0) {
                        CellStats d = a.differences(s).get(k)[y];
                        assertEquals(dn, d.n(), "paired: NaN in either scenario drops the pair " + k);
                        assertEquals(dsum / dn, d.mean(), 1e-9, k);
                    }
                }
            }
        }
    }

    @Test
    void stateDoesNotGrowWithTheNumberOfReplications() {
        Aggregator few = offeredInOrder(3, 0);
        Aggregator many = offeredInOrder(30, 0);
        assertEquals(0, pending(few));
        assertEquals(0, pending(many));
        for (int s = 0; s < SCENARIOS; s++) {
            assertEquals(few.summary(s).keySet(), many.summary(s).keySet(), "one set of cells per key");
            assertEquals(few.differences(s).keySet(), many.differences(s).keySet());
            for (String k : few.summary(s).keySet()) {
                assertEquals(few.summary(s).get(k).length, many.summary(s).get(k).length, "one cell per year");
            }
        }
        assertEquals(30, many.summary(1).get(KEYS[0])[0].n());
    }
}
