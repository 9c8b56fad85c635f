package kz.kosh.sim;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-thread counters merge by addition and clear to zero, field by field: every count
 * field of {@link YearCounters} and {@link Stocks} (found by reflection, so a new counter is
 * covered without touching this test) is filled with distinct values in two instances; after
 * {@code a.add(b)} each of a's cells is the sum, and after {@code clear()} it is 0. A counter
 * left out of add() or clear() would make results depend on the thread count or leak between
 * years.
 */
class CountersMergeTest {
    private static final int REGIONS = 3;
    private static final int PLACES = 5;

    /** The instance's long and int count fields and arrays (not the sizes). */
    private static List<Field> counts(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Class<?> t = f.getType();
            boolean sizes = f.getName().equals("places") || f.getName().equals("regions");
            if (!sizes && (t == long.class || t == long[].class || t == int[].class || t == int[][].class)) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return out;
    }

    /** Fills every cell with a distinct value derived from {@code base}; returns the cells filled. */
    private static int fill(Object o, List<Field> fields, long base) throws IllegalAccessException {
        long v = base;
        int cells = 0;
        for (Field f : fields) {
            Object x = f.get(o);
            if (x instanceof long[] a) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = v++;
                    cells++;
                }
            } else if (x instanceof int[] a) {
                for (int i = 0; i < a.length; i++) {
                    a[i] = (int) v++;
                    cells++;
                }
            } else if (x instanceof int[][] m) {
                for (int[] a : m) {
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (int) v++;
                        cells++;
                    }
                }
            } else {
                f.setLong(o, v++);
                cells++;
            }
        }
        return cells;
    }

    private static long cell(Object o, Field f, int i) throws IllegalAccessException {
        Object x = f.get(o);
        if (x instanceof long[] a) {
            return a[i];
        }
        if (x instanceof int[] a) {
            return a[i];
        }
        if (x instanceof int[][] m) { // the rows in turn, as one sequence
            for (int[] a : m) {
                if (i < a.length) {
                    return a[i];
                }
                i -= a.length;
            }
        }
        return f.getLong(o);
    }

    private static int length(Object o, Field f) throws IllegalAccessException {
        Object x = f.get(o);
        if (x instanceof int[][] m) {
            int n = 0;
            for (int[] a : m) {
                n += a.length;
            }
            return n;
        }
        return x instanceof long[] a ? a.length : x instanceof int[] a ? a.length : 1;
    }

    private static void checkMergeAndClear(Object a, Object b, Runnable add, Runnable clear, List<Field> fields)
            throws IllegalAccessException {
        assertTrue(fields.size() > 5, "fields found: " + fields);
        fill(a, fields, 1);
        fill(b, fields, 1_000_000);
        List<long[]> before = new ArrayList<>();
        for (Field f : fields) {
            long[] s = new long[length(a, f)];
            for (int i = 0; i < s.length; i++) {
                s[i] = cell(a, f, i) + cell(b, f, i);
            }
            before.add(s);
        }
        add.run();
        for (int k = 0; k < fields.size(); k++) {
            Field f = fields.get(k);
            for (int i = 0; i < before.get(k).length; i++) {
                assertEquals(before.get(k)[i], cell(a, f, i), f.getName() + "[" + i + "] is not merged by add()");
            }
        }
        clear.run();
        for (Field f : fields) {
            for (int i = 0; i < length(a, f); i++) {
                assertEquals(0L, cell(a, f, i), f.getName() + "[" + i + "] is not cleared");
            }
        }
    }

    @Test
    void yearCountersMergeByAdditionAndClearEveryCounter() throws IllegalAccessException {
        YearCounters a = new YearCounters(REGIONS, PLACES);
        YearCounters b = new YearCounters(REGIONS, PLACES);
        checkMergeAndClear(a, b, () -> a.add(b), a::clear, counts(YearCounters.class));
    }

    /**
     * {@link YearCounters#collect} (the year's merge of the threads' counters, which takes the first
     * thread's flow arrays over instead of adding them) leaves in the merged counters exactly the sum
     * of the threads' counts, whatever the merged counters held, and every thread's counters at 0:
     * with one thread and with three.
     */
    @Test
    void collectIsTheSumOfTheThreadsCountersAndClearsThem() throws IllegalAccessException {
        List<Field> fields = counts(YearCounters.class);
        for (int threads : new int[] {1, 3}) {
            YearCounters into = new YearCounters(REGIONS, PLACES);
            fill(into, fields, 7_000_000); // last year's merged counts: replaced, not added to
            YearCounters[] from = new YearCounters[threads];
            for (int t = 0; t < threads; t++) {
                from[t] = new YearCounters(REGIONS, PLACES);
                fill(from[t], fields, 1 + 1_000_000L * t);
            }
            List<long[]> sums = new ArrayList<>();
            for (Field f : fields) {
                long[] s = new long[length(into, f)];
                for (int i = 0; i < s.length; i++) {
                    for (YearCounters c : from) {
                        s[i] += cell(c, f, i);
                    }
                }
                sums.add(s);
            }
            into.collect(from);
            for (int k = 0; k < fields.size(); k++) {
                Field f = fields.get(k);
                for (int i = 0; i < sums.get(k).length; i++) {
                    assertEquals(sums.get(k)[i], cell(into, f, i), threads + " threads: " + f.getName() + "[" + i + "]");
                    for (YearCounters c : from) {
                        assertEquals(0L, cell(c, f, i), threads + " threads: " + f.getName() + "[" + i + "] not cleared");
                    }
                }
            }
            // the next year's counts go to the thread's (cleared) arrays, not to the merged ones
            from[0].flow(FlowKind.ONWARD, 0, 0, 1, 2);
            assertEquals(sums.get(fields.indexOf(flowsField(fields)))[((0 * REGIONS + 0) * PLACES + 1) * PLACES + 2
                    + FlowKind.ONWARD.ordinal() * YearCounters.FUNDINGS * REGIONS * PLACES * PLACES],
                    into.flow(FlowKind.ONWARD.ordinal(), 0, 0, 1, 2));
            assertEquals(1, from[0].flow(FlowKind.ONWARD.ordinal(), 0, 0, 1, 2));
        }
    }

    private static Field flowsField(List<Field> fields) {
        return fields.stream().filter(f -> f.getName().equals("flows")).findFirst().orElseThrow();
    }

    @Test
    void stocksMergeByAdditionAndClearEveryCount() throws IllegalAccessException {
        Stocks a = new Stocks(REGIONS, PLACES);
        Stocks b = new Stocks(REGIONS, PLACES);
        checkMergeAndClear(a, b, () -> a.add(b), a::clear, counts(Stocks.class));
    }

    /**
     * {@link YearCounters#forEachFlow} visits exactly the non-zero flow cells, with their counts, in
     * the order of the nested loops over kind, funding, home, origin and destination.
     */
    @Test
    void forEachFlowVisitsTheNonZeroCellsInIndexOrder() {
        YearCounters c = new YearCounters(REGIONS, PLACES);
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int n = 0; n < 200; n++) {
            c.flow(FlowKind.values()[r.nextInt(YearCounters.KINDS)], r.nextInt(YearCounters.FUNDINGS), r.nextInt(REGIONS),
                    r.nextInt(PLACES), r.nextInt(PLACES));
        }
        c.flow(FlowKind.ONWARD, YearCounters.FUNDINGS - 1, REGIONS - 1, PLACES - 1, PLACES - 1); // the last cell
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < YearCounters.KINDS; k++) {
            for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                for (int h = 0; h < REGIONS; h++) {
                    for (int o = 0; o < PLACES; o++) {
                        for (int d = 0; d < PLACES; d++) {
                            if (c.flow(k, f, h, o, d) != 0) {
                                expected.add(k + "," + f + "," + h + "," + o + "," + d + ":" + c.flow(k, f, h, o, d));
                            }
                        }
                    }
                }
            }
        }
        List<String> visited = new ArrayList<>();
        c.forEachFlow((k, f, h, o, d, n) -> visited.add(k + "," + f + "," + h + "," + o + "," + d + ":" + n));
        assertTrue(expected.size() > 100, "cells filled: " + expected.size());
        assertEquals(expected, visited);
    }
}
