package kz.kosh.world;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family-emigration index F_g(t) by destination ({@link FamilyEmigration}): hand-computed values. */
class FamilyEmigrationTest {
    /**
     * E = 1,000 every year 2013-2025 but 2,200 in 2019 and 1,300 in 2025; Russia's share 50% throughout:
     * R = 500, 1,100 in 2019, mean over the reference years 2013-2024 (11·500 + 1,100)/12 = 550 (2025 is
     * observed but not in the mean), so F_RU(2019) = 2, F_RU(2015) = 500/550, F_RU(2025) = 650/550; the
     * other destinations the same. Outside 2013-2025 the nearest year's value.
     */
    @Test
    void indexIsTheYearsEmigrantsOverTheReferenceMean() {
        Map<Integer, Double> e = new TreeMap<>();
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, t == 2019 ? 2200.0 : t == 2025 ? 1300.0 : 1000.0);
        }
        FamilyEmigration f = new FamilyEmigration(e, Map.of(2013, 50.0, 2023, 50.0));
        assertEquals(2.0, f.index(true, 2019), 1e-12);
        assertEquals(500.0 / 550.0, f.index(true, 2015), 1e-12);
        assertEquals(650.0 / 550.0, f.index(true, 2025), 1e-12);
        assertEquals(2.0, f.index(false, 2019), 1e-12);
        assertEquals(f.index(true, 2013), f.index(true, 1995), 0.0);
        assertEquals(f.index(true, 2025), f.index(true, 2040), 0.0);
    }

    /**
     * Russia's share is linear between reported years and held outside: 60% (2013) and 72% (2019)
     * give 66% in 2016, 60% before 2013 and 72% after 2019. With E = 1,000 every year, R(2016) = 660
     * and N(2016) = 340 over the means of R and N over the reference years 2013-2024.
     */
    @Test
    void russiasShareIsInterpolatedBetweenReportedYears() {
        TreeMap<Integer, Double> share = new TreeMap<>(Map.of(2013, 60.0, 2019, 72.0));
        assertEquals(66.0, YearlyInputs.interpolate(share, 2016), 1e-12);
        assertEquals(60.0, YearlyInputs.interpolate(share, 2000), 0.0);
        assertEquals(72.0, YearlyInputs.interpolate(share, 2024), 0.0);
        Map<Integer, Double> e = new TreeMap<>();
        double sumR = 0;
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, 1000.0);
            if (t <= FamilyEmigration.REFERENCE_LAST_YEAR) {
                sumR += 10 * YearlyInputs.interpolate(share, t);
            }
        }
        double meanR = sumR / 12;
        FamilyEmigration f = new FamilyEmigration(e, share);
        assertEquals(660.0 / meanR, f.index(true, 2016), 1e-12);
        assertEquals(340.0 / (1000.0 - meanR), f.index(false, 2016), 1e-12);
    }

    /**
     * The shipped series, by destination: Russia took 39,800 of 45,225 emigrants in 2019 (T07) and 8,800
     * in 2024 (T10), so F_RU(2019) / F_RU(2024) = 39,800 / 8,800 = 4.5227; the other destinations
     * 45,225 − 39,800 = 5,425 and 12,732 − 8,800 = 3,932, so F_O(2019) / F_O(2024) = 1.3797. 2023
     * is January-September's share (9,428 of 12,732, T08) of the year's 16,094: F_RU(2023) / F_RU(2024)
     * = 16,094 · 9,428 / 12,732 / 8,800. Before 2019 Russia's share is 2019's: F_O(2015) / F_O(2019) =
     * 30,047 / 45,225. 2025 is the full year's 7,608 emigrants (T106) with January-September's share,
     * 3,800 of 5,900 (T107): F_RU(2025) / F_RU(2024) = 7,608 · 3,800 / 5,900 / 8,800 = 0.5568 and
     * F_O(2025) / F_O(2024) = 7,608 · 2,100 / 5,900 / 3,932 = 0.6887. Russia's index peaks in 2019 and is
     * lowest in 2025; the others' falls by a quarter to 2024 (the observed mix moved away from Russia).
     */
    @Test
    void builtInSeriesByDestination() {
        FamilyEmigration f = FamilyEmigration.builtIn();
        assertEquals(39800.0 / 8800.0, f.index(true, 2019) / f.index(true, 2024), 1e-9);
        assertEquals(5425.0 / 3932.0, f.index(false, 2019) / f.index(false, 2024), 1e-9);
        assertEquals(16094.0 * 9428.0 / 12732.0 / 8800.0, f.index(true, 2023) / f.index(true, 2024), 1e-9);
        assertEquals(30047.0 / 45225.0, f.index(false, 2015) / f.index(false, 2019), 1e-9);
        assertEquals(7608.0 * 3800.0 / 5900.0 / 8800.0, f.index(true, 2025) / f.index(true, 2024), 1e-9);
        assertEquals(7608.0 * 2100.0 / 5900.0 / 3932.0, f.index(false, 2025) / f.index(false, 2024), 1e-9);
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            assertTrue(f.index(true, t) <= f.index(true, 2019) && f.index(true, t) >= f.index(true, 2025), "RU " + t);
        }
        assertTrue(f.index(true, 2019) > 1.5 && f.index(true, 2024) < 0.4);
        assertTrue(f.index(false, 2024) > 0.85 && f.index(false, 2024) / f.index(false, 2019) > 0.7);
    }

    /**
     * The projection after 2025: E = 1,000 a year but 700 in 2024 and 400 in 2025, Russians 50%:
     * R = 500 (eleven years 2013-2023), 350, 200; the reference mean is over 2013-2024,
     * (11·500 + 350) / 12 = 487.5, so F(2025) = 200 / 487.5 = 0.41026. Held (N = 1, r = 0): 0.41026 in
     * 2040. N = 3: start A = (500 + 350 + 200) / 3 / 487.5 = 350 / 487.5 = 0.71795; r = 0.5 two years on
     * (2027): 1 + (A − 1)·0.25 = 1 − 137.5 / 487.5 / 4 = 0.92949. r = 1: the reference mean 1 from 2026.
     * Up to 2025 the projection changes nothing.
     */
    @Test
    void theProjectionStartsFromTheLastYearsMeanAndReturnsGeometrically() {
        Map<Integer, Double> e = new TreeMap<>();
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, t == 2024 ? 700.0 : t == 2025 ? 400.0 : 1000.0);
        }
        FamilyEmigration f = new FamilyEmigration(e, Map.of(2013, 50.0));
        assertEquals(200.0 / 487.5, f.index(true, 2040, 1, 0.0), 1e-12);
        assertEquals(f.index(true, 2040), f.index(true, 2040, 1, 0.0), 0.0);
        assertEquals(350.0 / 487.5, f.index(true, 2030, 3, 0.0), 1e-12);
        assertEquals(1.0 - 137.5 / 487.5 / 4.0, f.index(false, 2027, 3, 0.5), 1e-12);
        assertEquals(1.0, f.index(true, 2026, 1, 1.0), 1e-12);
        for (int t = 2010; t <= FamilyEmigration.LAST_YEAR; t++) {
            assertEquals(f.index(true, t), f.index(true, t, 5, 0.7), 0.0, "year " + t);
        }
        // below the mean, a faster return and a longer time both raise the index towards 1
        double last = 0;
        for (double r = 0; r <= 1.0; r += 0.125) {
            double x = f.index(true, 2030, 2, r);
            assertTrue(x > last && x <= 1.0, "r " + r);
            last = x;
        }
        for (int t = 2026; t <= 2040; t++) {
            assertTrue(f.index(true, t, 1, 0.2) > f.index(true, t - 1, 1, 0.2), "year " + t);
        }
        for (int[] bad : new int[][] {{0, 0}, {14, 0}}) {
            assertThrows(IllegalArgumentException.class, () -> f.index(true, 2030, bad[0], 0.0));
        }
        assertThrows(IllegalArgumentException.class, () -> f.index(true, 2030, 1, 1.5));
    }

    @Test
    void aYearWithoutEmigrantsIsRefused() {
        Map<Integer, Double> e = new TreeMap<>(Map.of(2013, 1000.0));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new FamilyEmigration(e, Map.of(2013, 50.0)));
        assertTrue(x.getMessage().contains("2014"), x.getMessage());
    }
}
