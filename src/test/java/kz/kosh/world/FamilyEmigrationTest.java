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
     * E = 1,000 every year 2013-2024 but 2,200 in 2019; Russia's share 50% throughout: R = 500, 1,100 in
     * 2019, mean (11·500 + 1,100)/12 = 550, so F_RU(2019) = 2, F_RU(2015) = 500/550; the other
     * destinations the same. Outside 2013-2024 the nearest year's value.
     */
    @Test
    void indexIsTheYearsEmigrantsOverTheReferenceMean() {
        Map<Integer, Double> e = new TreeMap<>();
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, t == 2019 ? 2200.0 : 1000.0);
        }
        FamilyEmigration f = new FamilyEmigration(e, Map.of(2013, 50.0, 2023, 50.0));
        assertEquals(2.0, f.index(true, 2019), 1e-12);
        assertEquals(500.0 / 550.0, f.index(true, 2015), 1e-12);
        assertEquals(2.0, f.index(false, 2019), 1e-12);
        assertEquals(f.index(true, 2013), f.index(true, 1995), 0.0);
        assertEquals(f.index(true, 2024), f.index(true, 2040), 0.0);
    }

    /**
     * Russia's share is linear between reported years and held outside: 60% (2013) and 72% (2019)
     * give 66% in 2016, 60% before 2013 and 72% after 2019. With E = 1,000 every year, R(2016) = 660
     * and N(2016) = 340 over the means of R and N.
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
            sumR += 10 * YearlyInputs.interpolate(share, t);
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
     * 30,047 / 45,225. Russia's index peaks in 2019 and is lowest in 2024; the others' falls by a
     * quarter only (the observed mix moved away from Russia).
     */
    @Test
    void builtInSeriesByDestination() {
        FamilyEmigration f = FamilyEmigration.builtIn();
        assertEquals(39800.0 / 8800.0, f.index(true, 2019) / f.index(true, 2024), 1e-9);
        assertEquals(5425.0 / 3932.0, f.index(false, 2019) / f.index(false, 2024), 1e-9);
        assertEquals(16094.0 * 9428.0 / 12732.0 / 8800.0, f.index(true, 2023) / f.index(true, 2024), 1e-9);
        assertEquals(30047.0 / 45225.0, f.index(false, 2015) / f.index(false, 2019), 1e-9);
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            assertTrue(f.index(true, t) <= f.index(true, 2019) && f.index(true, t) >= f.index(true, 2024), "RU " + t);
        }
        assertTrue(f.index(true, 2019) > 1.5 && f.index(true, 2024) < 0.4);
        assertTrue(f.index(false, 2024) > 0.85 && f.index(false, 2024) / f.index(false, 2019) > 0.7);
    }

    /**
     * The projection after 2024: E = 1,000 a year but 700 in 2023 and 400 in 2024, Russians 50%:
     * R = 500 (ten years), 350, 200, mean 5,550 / 12 = 462.5, so F(2024) = 200 / 462.5 = 0.43243.
     * Held (N = 1, r = 0): 0.43243 in 2040. N = 3: start A = (500 + 350 + 200) / 3 / 462.5 =
     * 350 / 462.5 = 0.75676; r = 0.5 two years on (2026): 1 + (A − 1)·0.25 = 1 − 112.5 / 462.5 / 4 =
     * 0.93919. r = 1: the reference mean 1 from 2025. Up to 2024 the projection changes nothing.
     */
    @Test
    void theProjectionStartsFromTheLastYearsMeanAndReturnsGeometrically() {
        Map<Integer, Double> e = new TreeMap<>();
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, t == 2023 ? 700.0 : t == 2024 ? 400.0 : 1000.0);
        }
        FamilyEmigration f = new FamilyEmigration(e, Map.of(2013, 50.0));
        assertEquals(200.0 / 462.5, f.index(true, 2040, 1, 0.0), 1e-12);
        assertEquals(f.index(true, 2040), f.index(true, 2040, 1, 0.0), 0.0);
        assertEquals(350.0 / 462.5, f.index(true, 2030, 3, 0.0), 1e-12);
        assertEquals(1.0 - 112.5 / 462.5 / 4.0, f.index(false, 2026, 3, 0.5), 1e-12);
        assertEquals(1.0, f.index(true, 2025, 1, 1.0), 1e-12);
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
        for (int[] bad : new int[][] {{0, 0}, {13, 0}}) {
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
