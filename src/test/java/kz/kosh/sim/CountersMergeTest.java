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
            if (!sizes && (t == long.class || t == long[].class || t == int[].class)) {
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
        return f.getLong(o);
    }

    private static int length(Object o, Field f) throws IllegalAccessException {
        Object x = f.get(o);
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

    @Test
    void stocksMergeByAdditionAndClearEveryCount() throws IllegalAccessException {
        Stocks a = new Stocks(REGIONS, PLACES);
        Stocks b = new Stocks(REGIONS, PLACES);
        checkMergeAndClear(a, b, () -> a.add(b), a::clear, counts(Stocks.class));
    }
}
