package kz.kosh.population;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The population arrays grow by a quarter (issue 18 bounds the heap per agent alive at 40 B; with
 * growth by half, 1.42 slots per agent were held at the end of a scale-1.0 run), and removing the
 * oldest agents frees room that appending reuses before the arrays grow.
 */
class CapacityTest {
    private static void add(Population p, int n, int age) {
        for (int k = 0; k < n; k++) {
            p.addStudent(0, 0, 0, age, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        }
    }

    @Test
    void growsByAQuarter() {
        Population p = new Population();
        add(p, 1024, 18);
        assertEquals(1024, p.capacity());
        add(p, 1, 18);
        assertEquals(1280, p.capacity());
        add(p, 1_000_000, 18);
        assertTrue(p.capacity() <= 1.25 * p.size() + 1, p.capacity() + " slots for " + p.size());
    }

    @Test
    void roomOfTheAgedOutIsReusedBeforeGrowing() {
        Population p = new Population();
        add(p, 1000, 60);
        add(p, 24, 18);
        assertEquals(1024, p.capacity());
        assertEquals(1000, p.removeOlderThan(50));
        add(p, 1000, 18);
        assertEquals(1024, p.capacity());
        assertEquals(1024, p.size());
        assertEquals(18, p.age(1023));
    }
}
