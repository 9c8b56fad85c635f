package kz.kosh.population;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The graduation year of an agent: one unsigned byte from 1900, kept with the agent when the arrays move. */
class GraduationYearsTest {
    @Test
    void theGraduationYearIsStoredInOneByte() {
        Population pop = new Population();
        int i = pop.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        for (int y : new int[]{1900, 1930, 2015, 2045, 2150, 2155}) {
            pop.setGraduationYear(i, y);
            assertEquals(y, pop.graduationYear(i));
        }
        assertThrows(IllegalArgumentException.class, () -> pop.setGraduationYear(i, 1899));
        assertThrows(IllegalArgumentException.class, () -> pop.setGraduationYear(i, 2156));
        assertEquals(22, Population.BYTES_PER_SLOT);
    }

    @Test
    void theFieldMovesWithTheAgentWhenOthersLeave() {
        Population pop = new Population();
        for (int k = 0; k < 3; k++) {
            pop.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
            pop.setGraduationYear(k, 2010 + k);
        }
        pop.removeIf(new boolean[]{false, true, false});
        assertEquals(2010, pop.graduationYear(0));
        assertEquals(2012, pop.graduationYear(1));
        pop.removeIf(new boolean[]{true, false});
        assertEquals(2012, pop.graduationYear(0));
        for (int k = 0; k < 2000; k++) {  // grows and compacts the arrays
            pop.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        }
        assertEquals(2012, pop.graduationYear(0));
    }

    @Test
    void agentsOlderThanTheMaximumLeaveWithTheirIds() {
        // ages 30, 18, 31, 18, 18: the first and third leave at a maximum of 29; order and ids are kept
        Population pop = new Population();
        int[] ages = {30, 18, 31, 18, 18};
        for (int k = 0; k < ages.length; k++) {
            pop.addStudent(0, 0, 0, ages[k], false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
            pop.setId(k, 100 + k);
        }
        assertEquals(2, pop.removeOlderThan(29));
        assertEquals(3, pop.size());
        assertEquals(101, pop.id(0));
        assertEquals(103, pop.id(1));
        assertEquals(104, pop.id(2));
        assertEquals(0, pop.removeOlderThan(29));
        assertEquals(3, pop.removeOlderThan(17));
        assertEquals(0, pop.size());
    }
}
