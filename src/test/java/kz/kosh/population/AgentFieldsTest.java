package kz.kosh.population;

import kz.kosh.scenario.AgentFields;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A programme's per-agent fields: declared by name, stored compactly, 0 until set, kept with their agent. */
class AgentFieldsTest {
    private static final AgentFields.Field SMALL = AgentFields.declare("test_small_field", AgentFields.Width.BYTE);
    private static final AgentFields.Field WIDE = AgentFields.declare("test_wide_field", AgentFields.Width.INT);

    private static Population of(int n) {
        Population p = new Population();
        for (int i = 0; i < n; i++) {
            p.addStudent(0, 0, 0, 18 + i % 10, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        }
        return p;
    }

    @Test
    void declaredOnceByNameWithOneWidth() {
        assertSame(SMALL, AgentFields.declare("test_small_field", AgentFields.Width.BYTE));
        assertSame(SMALL, AgentFields.of("test_small_field"));
        assertThrows(IllegalArgumentException.class, () -> AgentFields.declare("test_small_field", AgentFields.Width.INT));
        assertThrows(IllegalArgumentException.class, () -> AgentFields.declare("Bad Name", AgentFields.Width.BYTE));
    }

    @Test
    void zeroUntilSetAllocatedOnlyWhenWrittenAndKeptThroughRemovals() {
        Population p = of(6);
        long before = p.arrayBytes();
        assertEquals(0, p.get(SMALL, 3));
        assertEquals(before, p.arrayBytes(), "nothing allocated for a field no module uses");
        assertThrows(IllegalStateException.class, () -> p.set(SMALL, 0, 1), "written before it is allocated");
        p.allocate(SMALL);
        p.allocate(WIDE);
        p.allocate(SMALL);
        for (int i = 0; i < 6; i++) {
            p.set(SMALL, i, i + 1);
            p.set(WIDE, i, 1_000_000 * (i + 1));
        }
        assertEquals(before + 5L * p.capacity(), p.arrayBytes(), "a byte and an int per slot");
        // remove agents 0 (a prefix) and 3 (a hole): the others keep their values
        p.removeIf(new boolean[]{true, false, false, true, false, false});
        int[] expected = {2, 3, 5, 6};
        for (int i = 0; i < p.size(); i++) {
            assertEquals(expected[i], p.get(SMALL, i));
            assertEquals(1_000_000 * expected[i], p.get(WIDE, i));
        }
        // a new agent in a slot used before starts at 0
        int k = p.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        assertEquals(0, p.get(SMALL, k));
        assertEquals(0, p.get(WIDE, k));
        assertThrows(IllegalArgumentException.class, () -> p.set(SMALL, 0, 200), "does not fit a byte");
    }
}
