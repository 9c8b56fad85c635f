package kz.kosh.population;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Slots appended with {@link Population#reserve} and written with {@link Population#initStudent}
 * (the entry phase writes each region's cohort on its own thread) hold what
 * {@link Population#addStudent} gives, also in slots reused after removals and whatever the order
 * in which they are written.
 */
class CohortSlotsTest {
    private static void fill(Population p, int base, int k) {
        p.initStudent(base + k, k % 20, (k + 3) % 20, 20 + k % 30, 18 + k % 5, k % 2 == 0, k % 3, k % 4, 1 + k % 5, k % 7);
    }

    @Test
    void reservedSlotsWrittenInParallelEqualAppends() {
        Population a = new Population();
        Population b = new Population();
        for (Population p : new Population[] {a, b}) {
            // agents who leave, so that the new ones reuse slots holding other values
            for (int k = 0; k < 3000; k++) {
                int i = p.addStudent(5, 6, 30, 60, true, Population.PHD, Population.BOLASHAK, 9, 3);
                p.setId(i, 77);
                p.setExposure(i, 31);
                p.setPartner(i, 2);
            }
            p.removeOlderThan(50);
        }
        int n = 5000;
        for (int k = 0; k < n; k++) {
            int i = a.addStudent(k % 20, (k + 3) % 20, 20 + k % 30, 18 + k % 5, k % 2 == 0, k % 3, k % 4, 1 + k % 5, k % 7);
            assertEquals(k, i);
        }
        int base = b.reserve(n);
        assertEquals(0, base);
        assertEquals(n, b.size());
        IntStream.range(0, n).parallel().forEach(k -> fill(b, base, n - 1 - k));
        for (int i = 0; i < n; i++) {
            assertEquals(a.home(i), b.home(i));
            assertEquals(a.parents(i), b.parents(i));
            assertEquals(a.location(i), b.location(i));
            assertEquals(a.degreePlace(i), b.degreePlace(i));
            assertEquals(a.exposure(i), b.exposure(i));
            assertEquals(a.partner(i), b.partner(i));
            assertEquals(a.age(i), b.age(i));
            assertEquals(a.has(i, 0xFF), b.has(i, 0xFF));
            assertEquals(a.has(i, Population.FEMALE), b.has(i, Population.FEMALE));
            assertEquals(a.has(i, Population.STUDENT), b.has(i, Population.STUDENT));
            assertEquals(a.degree(i), b.degree(i));
            assertEquals(a.funding(i), b.funding(i));
            assertEquals(a.programmeYearsLeft(i), b.programmeYearsLeft(i));
            assertEquals(a.obligationPct(i), b.obligationPct(i));
            assertEquals(a.obligationType(i), b.obligationType(i));
            assertEquals(a.yearsAbroad(i), b.yearsAbroad(i));
            assertEquals(a.yearsAtPlace(i), b.yearsAtPlace(i));
            assertEquals(a.logHumanCapitalMilli(i), b.logHumanCapitalMilli(i));
            assertEquals(a.id(i), b.id(i));
            assertEquals(a.homeAttachmentLevel(i), b.homeAttachmentLevel(i));
            assertEquals(a.ethnicity(i), b.ethnicity(i));
        }
    }
}
