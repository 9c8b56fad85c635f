package kz.kosh.population;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Years lived at the current place: counted up, started anew by a change of location only, kept when the arrays move. */
class YearsAtPlaceTest {
    @Test
    void aChangeOfLocationStartsTheYearsAnew() {
        Population pop = new Population();
        int i = pop.addStudent(0, 0, 3, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        assertEquals(0, pop.yearsAtPlace(i));
        pop.setYearsAtPlace(i, 5);
        pop.setLocation(i, 3);   // the same place: not a move
        assertEquals(5, pop.yearsAtPlace(i));
        pop.setLocation(i, 4);
        assertEquals(0, pop.yearsAtPlace(i));
        assertEquals(4, pop.location(i));
        pop.setYearsAtPlace(i, 500);
        assertEquals(127, pop.yearsAtPlace(i), "saturates at one signed byte");
    }

    @Test
    void theYearsMoveWithTheAgentWhenOthersLeave() {
        Population pop = new Population();
        for (int k = 0; k < 3; k++) {
            pop.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
            pop.setYearsAtPlace(k, 10 + k);
        }
        pop.removeIf(new boolean[]{false, true, false});
        assertEquals(10, pop.yearsAtPlace(0));
        assertEquals(12, pop.yearsAtPlace(1));
        for (int k = 0; k < 2000; k++) {  // grows and compacts the arrays
            pop.addStudent(0, 0, 0, 18, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        }
        assertEquals(12, pop.yearsAtPlace(1));
        assertEquals(0, pop.yearsAtPlace(2000), "a new agent starts at 0 in a reused slot");
    }
}
