package kz.kosh.experiment.hindcast;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observed series as loaded from the classpath: row counts and a few values. */
class ObservedTest {
    private static Observed.Point year(List<Observed.Point> ps, int y) {
        return ps.stream().filter(p -> p.year() == y).findFirst().orElseThrow(() -> new AssertionError("no " + y));
    }

    @Test
    void studentsAbroad() {
        List<Observed.Point> all = Observed.studentsAbroad();
        assertEquals(20, all.size(), "UIS-derived rows 2000-2020 without 2002 (at the model years 1999-2019 without 2001)");
        assertTrue(all.stream().noneMatch(p -> p.year() == 2001));
        // UIS year Y (the academic year ending in Y) at the model's year Y - 1: UIS 2016 = 90,213 at 2015
        assertEquals(90_213, year(all, 2015).value());
        assertEquals(79_901, year(all, 2019).value());
        assertEquals(78_253, year(all, 2014).value());
        assertEquals("U1", year(all, 2015).source());
        assertTrue(all.stream().noneMatch(p -> p.year() == 2020));
        List<Observed.Point> ru = Observed.studentsInRussia();
        assertEquals(List.of(2018, 2020, 2024), ru.stream().map(Observed.Point::year).toList());
        assertEquals(65_700, year(ru, 2018).value());
        assertEquals(60_000, year(ru, 2024).value());
    }

    @Test
    void higherEducation() {
        List<Observed.Point> s = Observed.studentsInKazakhstan();
        assertEquals(List.of(2017, 2018, 2019, 2020, 2021, 2022), s.stream().map(Observed.Point::year).toList());
        assertEquals(604_345, year(s, 2019).value());
        assertEquals(2, Observed.entrantsInKazakhstan().size());
        assertEquals(152_789, year(Observed.entrantsInKazakhstan(), 2020).value());
        List<Observed.Point> g = Observed.graduatesInKazakhstan();
        assertEquals(2, g.size());
        assertEquals(153_627, year(g, 2020).value());
        assertEquals(162_000, year(g, 2022).value());
    }

    @Test
    void schoolLeaversAndHires() {
        List<Observed.Point> l = Observed.schoolLeavers();
        assertEquals(7, l.size());
        assertEquals(147_023, year(l, 2018).value());
        assertEquals(124_346, year(l, 2015).value());
        List<Observed.Point> h = Observed.graduatesHired();
        assertEquals(24, h.size(), "2001-2024; the 2025 part year is left out");
        assertTrue(h.stream().noneMatch(p -> p.year() == 2025));
        assertEquals(62_410, year(h, 2020).value());
    }

    @Test
    void emigrantsAndTheHigherEducationBand() {
        List<Observed.Point> e = Observed.emigrants();
        assertEquals(35, e.size(), "1991-2025");
        assertEquals(45_225, year(e, 2019).value());
        assertFalse(year(e, 2019).isBand());
        Observed.Point b = year(Observed.emigrantsWithHigherEducation(), 2019);
        assertTrue(b.isBand());
        // all emigrants x older than 15 x higher education x at most 40, low with low, high with high
        assertEquals(45_225 * 0.734 * 0.355 * 0.45, b.low(), 1e-9);   // 5,302.93
        assertEquals(45_225 * 0.767 * 0.38 * 0.65, b.high(), 1e-9);   // 8,567.83
        assertEquals((5_302.925_212_5 + 8_567.831_025) / 2, b.value(), 1e-6); // midpoint 6,935.38
    }
}
