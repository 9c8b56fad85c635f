package kz.kosh.world;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The family-emigration index F_g(t) ({@link FamilyEmigration}): hand-computed values. */
class FamilyEmigrationTest {
    /**
     * E = 1,000 every year 2013-2024 but 2,200 in 2019; Russians 50% throughout: R = 500, 1,100 in
     * 2019, mean (11·500 + 1,100)/12 = 550, so F_R(2019) = 2, F_R(2015) = 500/550; the others the
     * same. Outside 2013-2024 the nearest year's value.
     */
    @Test
    void indexIsTheYearsEmigrantsOverTheReferenceMean() {
        Map<Integer, Double> e = new TreeMap<>();
        for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
            e.put(t, t == 2019 ? 2200.0 : 1000.0);
        }
        FamilyEmigration f = new FamilyEmigration(e, Map.of(2013, 50.0, 2023, 50.0));
        assertEquals(2.0, f.index(Ethnicity.RUSSIAN, 2019), 1e-12);
        assertEquals(500.0 / 550.0, f.index(Ethnicity.RUSSIAN, 2015), 1e-12);
        assertEquals(2.0, f.index(Ethnicity.KAZAKH, 2019), 1e-12);
        assertEquals(f.index(Ethnicity.RUSSIAN, 2013), f.index(Ethnicity.RUSSIAN, 1995), 0.0);
        assertEquals(f.index(Ethnicity.RUSSIAN, 2024), f.index(Ethnicity.RUSSIAN, 2040), 0.0);
    }

    /**
     * The Russians' share is linear between reported years and held outside: 60% (2013) and 72% (2019)
     * give 66% in 2016, 60% before 2013 and 72% after 2019. With E = 1,000 every year, R(2016) = 660
     * and N(2016) = 340 over the means of R and N.
     */
    @Test
    void russiansShareIsInterpolatedBetweenReportedYears() {
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
        assertEquals(660.0 / meanR, f.index(Ethnicity.RUSSIAN, 2016), 1e-12);
        assertEquals(340.0 / (1000.0 - meanR), f.index(Ethnicity.OTHER, 2016), 1e-12);
    }

    /**
     * The shipped series: Russians 32,800 of 45,225 emigrants in 2019 (T01) and, in 2024, 12,732
     * emigrants at 2023's share 10,100 / 16,094 (T06): F_R(2019) / F_R(2024) = 32,800 / 7,990.1 =
     * 4.105. Both groups peak in 2019 and are lowest in 2024.
     */
    @Test
    void builtInSeriesRiseTo2019AndFallTo2024() {
        FamilyEmigration f = FamilyEmigration.builtIn();
        double r2024 = 12732.0 * 10100.0 / 16094.0;
        assertEquals(32800.0 / r2024, f.index(Ethnicity.RUSSIAN, 2019) / f.index(Ethnicity.RUSSIAN, 2024), 1e-9);
        for (int e : new int[] {Ethnicity.RUSSIAN, Ethnicity.KAZAKH}) {
            for (int t = FamilyEmigration.FIRST_YEAR; t <= FamilyEmigration.LAST_YEAR; t++) {
                assertTrue(f.index(e, t) <= f.index(e, 2019) && f.index(e, t) >= f.index(e, 2024), e + " " + t);
            }
        }
        assertTrue(f.index(Ethnicity.RUSSIAN, 2019) > 1.5 && f.index(Ethnicity.RUSSIAN, 2024) < 0.4);
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
        assertEquals(200.0 / 462.5, f.index(Ethnicity.RUSSIAN, 2040, 1, 0.0), 1e-12);
        assertEquals(f.index(Ethnicity.RUSSIAN, 2040), f.index(Ethnicity.RUSSIAN, 2040, 1, 0.0), 0.0);
        assertEquals(350.0 / 462.5, f.index(Ethnicity.RUSSIAN, 2030, 3, 0.0), 1e-12);
        assertEquals(1.0 - 112.5 / 462.5 / 4.0, f.index(Ethnicity.KAZAKH, 2026, 3, 0.5), 1e-12);
        assertEquals(1.0, f.index(Ethnicity.RUSSIAN, 2025, 1, 1.0), 1e-12);
        for (int t = 2010; t <= FamilyEmigration.LAST_YEAR; t++) {
            assertEquals(f.index(Ethnicity.RUSSIAN, t), f.index(Ethnicity.RUSSIAN, t, 5, 0.7), 0.0, "year " + t);
        }
        // below the mean, a faster return and a longer time both raise the index towards 1
        double last = 0;
        for (double r = 0; r <= 1.0; r += 0.125) {
            double x = f.index(Ethnicity.RUSSIAN, 2030, 2, r);
            assertTrue(x > last && x <= 1.0, "r " + r);
            last = x;
        }
        for (int t = 2026; t <= 2040; t++) {
            assertTrue(f.index(Ethnicity.RUSSIAN, t, 1, 0.2) > f.index(Ethnicity.RUSSIAN, t - 1, 1, 0.2), "year " + t);
        }
        for (int[] bad : new int[][] {{0, 0}, {13, 0}}) {
            assertThrows(IllegalArgumentException.class, () -> f.index(Ethnicity.RUSSIAN, 2030, bad[0], 0.0));
        }
        assertThrows(IllegalArgumentException.class, () -> f.index(Ethnicity.RUSSIAN, 2030, 1, 1.5));
    }

    @Test
    void aYearWithoutEmigrantsIsRefused() {
        Map<Integer, Double> e = new TreeMap<>(Map.of(2013, 1000.0));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> new FamilyEmigration(e, Map.of(2013, 50.0)));
        assertTrue(x.getMessage().contains("2014"), x.getMessage());
    }
}
