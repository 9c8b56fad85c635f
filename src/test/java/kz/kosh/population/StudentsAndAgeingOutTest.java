package kz.kosh.population;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Population#firstStudent} (the study phase starts there) never passes a student, whatever
 * the removals and moves of the slots in between; {@link Population#removeOlderThan(int, long)}
 * removes the same agents as the full scan whether or not the aged-out agents are all in front.
 */
class StudentsAndAgeingOutTest {
    private static void add(Population p, int n, int age) {
        for (int k = 0; k < n; k++) {
            p.addStudent(0, 0, 0, age, false, Population.BACHELOR, Population.SELF_PAID, 4, 0);
        }
    }

    private static void graduate(Population p, int from, int to) {
        for (int i = from; i < to; i++) {
            p.set(i, Population.STUDENT, false);
        }
    }

    /** The first student by a plain scan (size when none). */
    private static int scan(Population p) {
        int i = 0;
        while (i < p.size() && !p.has(i, Population.STUDENT)) {
            i++;
        }
        return i;
    }

    @Test
    void firstStudentFollowsGraduationsRemovalsAndMoves() {
        Population p = new Population();
        assertEquals(0, p.firstStudent());
        add(p, 100, 30);
        add(p, 100, 20);
        assertEquals(0, p.firstStudent());
        graduate(p, 0, 60);
        assertEquals(60, p.firstStudent());
        graduate(p, 60, 100);
        graduate(p, 120, 130);
        assertEquals(100, p.firstStudent(), "a student in front of graduates");
        graduate(p, 100, 120);
        assertEquals(130, p.firstStudent());
        // the oldest leave (a prefix): indices shift by 100
        assertEquals(100, p.removeOlderThan(25));
        assertEquals(30, p.firstStudent());
        assertEquals(scan(p), p.firstStudent());
        // removal in the middle moves the slots
        p.setAge(10, 40);
        p.setAge(50, 40);
        assertEquals(2, p.removeOlderThan(35));
        assertEquals(scan(p), p.firstStudent());
        // appending until the arrays move to the front again
        add(p, 2000, 18);
        assertEquals(scan(p), p.firstStudent());
        graduate(p, 0, p.size());
        assertEquals(p.size(), p.firstStudent(), "no student left");
        // an agent made a student again (no phase does) is not passed
        p.set(5, Population.STUDENT, true);
        assertEquals(5, p.firstStudent());
    }

    @Test
    void removeOlderThanWithTheCountRemovesWhatTheScanRemoves() {
        for (boolean inFront : new boolean[] {true, false}) {
            Population a = new Population();
            Population b = new Population();
            for (Population p : new Population[] {a, b}) {
                add(p, 50, 46);
                add(p, 50, 30);
                if (!inFront) {
                    p.setAge(70, 46);
                    p.setAge(99, 46);
                }
            }
            long older = inFront ? 50 : 52;
            assertEquals(b.removeOlderThan(45), a.removeOlderThan(45, older));
            assertEquals(b.size(), a.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(b.age(i), a.age(i));
            }
            assertEquals(inFront ? 50 : 48, a.size());
        }
    }
}
