package kz.kosh.world;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly series and their rules, against values computed by hand from the CSV files. */
class YearlyInputsTest {
    private final YearlyInputs in = YearlyInputs.builtIn();

    @Test
    void observedLeaverRowsLeaveOutTheDerived2020Row() {
        assertEquals(List.of(2015, 2017, 2018, 2023, 2024, 2025), List.copyOf(in.observedSchoolLeavers().keySet()));
        assertFalse(in.observedSchoolLeavers().containsKey(2020));
        assertEquals(136000.0, in.observedSchoolLeavers().get(2017));
    }

    @Test
    void completionRatioIsTheLeastSquaresFitThroughTheOrigin() {
        // Σ L·B(t−17): 124346·222380 + 136000·222054 + 147023·221487 + 170000·301756
        //            + 188900·321963 + 219000·357555 = 280,836,966,381
        // Σ B(t−17)²: 222380² + 222054² + 221487² + 301756² + 321963² + 357555² = 470,379,769,415
        double sxy = 124346.0 * 222380 + 136000.0 * 222054 + 147023.0 * 221487 + 170000.0 * 301756
                + 188900.0 * 321963 + 219000.0 * 357555;
        double sxx = 222380.0 * 222380 + 222054.0 * 222054 + 221487.0 * 221487 + 301756.0 * 301756
                + 321963.0 * 321963 + 357555.0 * 357555;
        assertEquals(280_836_966_381.0, sxy);
        assertEquals(470_379_769_415.0, sxx);
        assertEquals(sxy / sxx, in.fittedCompletionRatio(), 1e-15);
        assertEquals(0.597043, in.fittedCompletionRatio(), 5e-7);
        // the default is the fit rounded to 3 decimals
        Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        assertEquals(0.597, s.population().schoolLeaverCompletionRatio());
        assertEquals(in.fittedCompletionRatio(), s.population().schoolLeaverCompletionRatio(), 5e-4);
    }

    @Test
    void leaversInObservedYearsEqualTheCountsAtTheFittedRatio() {
        double c = in.fittedCompletionRatio();
        assertEquals(124346.0, in.schoolLeavers(2015, c, 0.0), 1e-6);
        assertEquals(147023.0, in.schoolLeavers(2018, c, 0.0), 1e-6);
        assertEquals(219000.0, in.schoolLeavers(2025, c, 0.0), 1e-6);
        // another ratio scales the count: k(2018) = 147023 / (221487 · c_fit)
        assertEquals(147023.0 / (221487 * c) * 221487 * 0.5, in.schoolLeavers(2018, 0.5, 0.0), 1e-6);
        // between observed years k is linear in t: k(2018) = 147023 / (221487 c), k(2023) = 170000 / (301756 c);
        // 2020 (born 2003: 247,946) is 2/5 of the way
        double k18 = 147023.0 / (221487 * c);
        double k23 = 170000.0 / (301756 * c);
        assertEquals(k18 + 0.4 * (k23 - k18), in.cohortYearFactor(2020), 1e-12);
        assertEquals(247946 * 0.597 * (k18 + 0.4 * (k23 - k18)), in.schoolLeavers(2020, 0.597, 0.0), 1e-6);
        // by hand: k18 = 1.11181, k23 = 0.94360, k(2020) = 1.04453
        assertEquals(1.04453, in.cohortYearFactor(2020), 5e-5);
        // 2016 halfway between 2015 (124346 / (222380 c)) and 2017 (136000 / (222054 c))
        assertEquals(0.5 * (124346.0 / (222380 * c) + 136000.0 / (222054 * c)), in.cohortYearFactor(2016), 1e-12);
        // outside the observed years k = 1
        assertEquals(1.0, in.cohortYearFactor(2014));
        assertEquals(1.0, in.cohortYearFactor(2026));
    }

    @Test
    void leaversOutsideTheObservedYearsAreBirthsSeventeenYearsEarlierTimesTheRatio() {
        // 2015, born 1998, is observed: births x ratio x k(2015) = 124346 x 0.597 / c_fit
        assertEquals(124346 * 0.597 / in.fittedCompletionRatio(), in.schoolLeavers(2015, 0.597, 0.0), 1e-9);
        assertEquals(426824 * 0.597, in.schoolLeavers(2037, 0.597, 0.0), 1e-9);   // births 2020
        assertEquals(335005 * 0.597, in.schoolLeavers(2042, 0.597, 0.0), 1e-9);   // births 2025, last observed
        // before the file (births of 1976 for 1993): the earliest value, 1980
        assertEquals(356013 * 0.597, in.schoolLeavers(1993, 0.597, 0.0), 1e-9);
        assertEquals(1980, in.firstBirthYear());
        assertEquals(2025, in.lastBirthYear());
    }

    @Test
    void birthsAfterTheLastObservedYearFollowTheProjection() {
        assertEquals(335005.0, in.births(2030, 0.0));
        assertEquals(335005 * 1.01 * 1.01, in.births(2027, 0.01), 1e-9);
        // leavers of 2045: births of 2028 = 335005 · 0.98³
        assertEquals(335005 * 0.98 * 0.98 * 0.98 * 0.597, in.schoolLeavers(2045, 0.597, -0.02), 1e-9);
    }

    @Test
    void kazakhstanRealWageFactor() {
        // P(2023)/P(2022) = 1.1452 (IMF inflation 2023: 14.52%)
        assertEquals(1.1452, in.kazakhstanRealWageFactor(2022, 0.02), 1e-12);
        // 2023: 364295 / 309697 (nominal growth), prices at base
        assertEquals(364295.0 / 309697.0, in.kazakhstanRealWageFactor(2023, 0.02), 1e-12);
        // 2024: 405416 / 309697 / 1.0868
        assertEquals(405416.0 / 309697.0 / 1.0868, in.kazakhstanRealWageFactor(2024, 0.02), 1e-12);
        // 2016: nominal / (P(2016)/P(2023)); P(2023)/P(2016) = 1.0746·1.0601·1.0528·1.0676·1.08·1.1499·1.1452
        double p = 1.0746 * 1.0601 * 1.0528 * 1.0676 * 1.08 * 1.1499 * 1.1452;
        assertEquals(142898.486382364 / 309697.0 * p, in.kazakhstanRealWageFactor(2016, 0.02), 1e-12);
        // before 2012: held at 2012; after 2025: 2% a year
        assertEquals(in.kazakhstanRealWageFactor(2012, 0.02), in.kazakhstanRealWageFactor(1993, 0.02));
        double f2025 = 443315.0 / 309697.0 / (1.0868 * 1.1138);
        assertEquals(f2025, in.kazakhstanRealWageFactor(2025, 0.02), 1e-12);
        assertEquals(f2025 * 1.02 * 1.02, in.kazakhstanRealWageFactor(2027, 0.02), 1e-12);
        // the 2015 float: real wages fell in 2016 (14.6% inflation, 13.4% nominal growth)
        assertTrue(in.kazakhstanRealWageFactor(2016, 0) < in.kazakhstanRealWageFactor(2015, 0));
    }

    @Test
    void destinationRealWageFactor() {
        assertEquals(1.0, in.destinationRealWageFactor(2023, 0.01));
        assertEquals(1.01 * 1.01, in.destinationRealWageFactor(2025, 0.01), 1e-12);
        assertEquals(Math.pow(1.01, -11), in.destinationRealWageFactor(2000, 0.01), 1e-12);
    }

    /**
     * Russia follows Rosstat's real wage (destination_real_wages.csv), S(2023) = 1:
     * 2024: 1.097; 2022: 1/1.082 = 0.924214; 2019: 1/(1.038·1.045·1.003·1.082) = 1/1.177178 = 0.849490;
     * 2015: 0.849490/(1.008·1.029·1.085·1.048) = 0.849490/1.179416 = 0.720263; 2012, the first level:
     * S(2015)/(0.91·1.012·1.048); 2025 (after the series, an observed
     * year of Kazakhstan's wage): 1.097·(1 + g); 2030: 1.097·(1 + g)·(1 + g')^5; before 2012 held at 2012.
     * A destination without a series keeps the one-rate factor.
     */
    @Test
    void russiaFollowsItsObservedRealWage() {
        assertTrue(in.destinationsWithRealWageSeries().contains("RU"));
        assertEquals(1.0, in.destinationRealWageFactor("RU", 2023, 0.03, 0.01), 1e-12);
        assertEquals(1.097, in.destinationRealWageFactor("RU", 2024, 0.03, 0.01), 1e-12);
        assertEquals(1 / 1.082, in.destinationRealWageFactor("RU", 2022, 0.03, 0.01), 1e-12);
        assertEquals(0.849490, in.destinationRealWageFactor("RU", 2019, 0.03, 0.01), 1e-6);
        assertEquals(0.720263, in.destinationRealWageFactor("RU", 2015, 0.03, 0.01), 1e-6);
        double s2012 = 0.720263 / 0.91 / 1.012 / 1.048;
        assertEquals(s2012, in.destinationRealWageFactor("RU", 2012, 0.03, 0.01), 1e-6);
        assertEquals(s2012, in.destinationRealWageFactor("RU", 1995, 0.03, 0.01), 1e-6);
        assertEquals(1.097 * 1.03, in.destinationRealWageFactor("RU", 2025, 0.03, 0.01), 1e-12);
        assertEquals(1.097 * 1.03 * Math.pow(1.01, 5), in.destinationRealWageFactor("RU", 2030, 0.03, 0.01), 1e-12);
        // the growth rate acts on Russia only outside its series
        assertEquals(in.destinationRealWageFactor("RU", 2019, 0.0, 0.0), in.destinationRealWageFactor("RU", 2019, 0.04, 0.0));
        for (int t = 1990; t <= 2040; t += 5) {
            assertEquals(in.destinationRealWageFactor(t, 0.02, 0.01), in.destinationRealWageFactor("DE", t, 0.02, 0.01), 0.0, "year " + t);
        }
    }

    @Test
    void aDestinationWageSeriesWithAGapIsRefused() {
        java.util.TreeMap<Integer, Double> wages = new java.util.TreeMap<>(java.util.Map.of(2022, 100000.0, 2023, 110000.0));
        java.util.TreeMap<Integer, Double> cpi = new java.util.TreeMap<>(java.util.Map.of(2021, 5.0, 2022, 5.0, 2023, 5.0));
        java.util.TreeMap<Integer, Double> births = new java.util.TreeMap<>(java.util.Map.of(2000, 1.0));
        java.util.TreeMap<Integer, Double> gap = new java.util.TreeMap<>(java.util.Map.of(2020, 1.0, 2022, 2.0, 2023, 3.0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new YearlyInputs(births, new java.util.TreeMap<>(), wages, cpi, java.util.Map.of(), java.util.Map.of(),
                        java.util.Map.of("RU", gap)));
        assertTrue(e.getMessage().contains("destination_real_wages.csv: RU"), e.getMessage());
        java.util.TreeMap<Integer, Double> ok = new java.util.TreeMap<>(java.util.Map.of(2023, 10.0, 2024, 10.0));
        YearlyInputs y = new YearlyInputs(births, new java.util.TreeMap<>(), wages, cpi, java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of("RU", ok));
        assertEquals(1 / 1.1, y.destinationRealWageFactor("RU", 2022, 0.0, 0.0), 1e-12);
        assertEquals(1 / 1.1, y.destinationRealWageFactor("RU", 2010, 0.5, 0.0), 1e-12);
    }

    /**
     * Two rates: g = 3% over the observed years (to 2025), g' = 1% after. 2020: 1.03^-3 = 0.91514;
     * 2025: 1.03^2 = 1.0609; 2030: 1.03^2 * 1.01^5 = 1.11501; 2000: held at 2012, 1.03^-11 = 0.72242.
     * One rate for both gives the one-rate factor in every year; a higher g' raises only years after 2025.
     */
    @Test
    void destinationRealWageFactorWithAProjectedRate() {
        assertEquals(Math.pow(1.03, -3), in.destinationRealWageFactor(2020, 0.03, 0.01), 1e-12);
        assertEquals(1.03 * 1.03, in.destinationRealWageFactor(2025, 0.03, 0.01), 1e-12);
        assertEquals(1.03 * 1.03 * Math.pow(1.01, 5), in.destinationRealWageFactor(2030, 0.03, 0.01), 1e-12);
        assertEquals(1.1150, in.destinationRealWageFactor(2030, 0.03, 0.01), 1e-4);
        assertEquals(Math.pow(1.03, -11), in.destinationRealWageFactor(2000, 0.03, 0.01), 1e-12);
        for (int t = 1990; t <= 2060; t += 5) {
            assertEquals(in.destinationRealWageFactor(t, 0.02), in.destinationRealWageFactor(t, 0.02, 0.02), 0.0, "year " + t);
            double low = in.destinationRealWageFactor(t, 0.02, 0.0);
            double high = in.destinationRealWageFactor(t, 0.02, 0.03);
            assertTrue(t <= 2025 ? low == high : low < high, "year " + t);
        }
    }

    @Test
    void unemploymentLookup() {
        assertEquals(4.1, in.unemploymentPct("KZ-35", 2023));           // Karaganda 2023
        assertEquals(4.5, in.unemploymentPct("KZ-35", 1995));           // before 2021: 2021
        assertEquals(4.0, in.unemploymentPct("KZ-35", 2040));           // after 2025: 2025
        assertEquals(5.0, in.unemploymentPct("KZ-10", 2015));           // Abai: first year 2022
        assertEquals(4.1 / 4.4, in.unemploymentFactor("KZ-35", 2023), 1e-12);
        assertEquals(1.0, in.unemploymentFactor("KZ-35", 2022));
        assertTrue(Double.isNaN(in.unemploymentPct("XX-00", 2023)));
        assertEquals(1.0, in.unemploymentFactor("XX-00", 2023));
    }

    @Test
    void worldOfAYearAppliesTheFactorsToTheTables() {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        World table = new World(s);
        World y2023 = new World(s, 2023);
        int karaganda = table.indexOf("KZ-35");
        assertEquals(283803 * 364295.0 / 309697.0, y2023.wageKztPerMonth(karaganda), 1e-6);
        assertEquals(1 - 4.1 / 100, y2023.employmentProbability(karaganda), 1e-12);
        int ru = table.indexOf("RU");
        assertEquals(413258.0, y2023.wageKztPerMonth(ru), 1e-9);
        // Russia: its 2024 real wage (Rosstat +9.7% on 2023), then the default 1% a year; Germany: 1% a year from 2023
        assertEquals(413258.0 * 1.097 * 1.01, new World(s, 2025).wageKztPerMonth(ru), 1e-6);
        int de = table.indexOf("DE");
        assertEquals(table.wageKztPerMonth(de) * 1.01 * 1.01, new World(s, 2025).wageKztPerMonth(de), 1e-6);
        assertEquals(0, table.year());
        assertEquals(2023, y2023.year());
        // flat inputs before 2012, but the study choice's internationalisation trend moves until 2018 (the
        // model's year of UIS 2019: study.abroadTrendEndYear), so 1995 is 1995 - 2018 = -23 trend years
        assertFalse(new World(s, 1995).sameYearlyInputs(new World(s, 2005)));
        assertEquals(-23.0, new World(s, 1995).studyTrendYears(), 0.0);
        assertEquals(0.0, new World(s, 2018).studyTrendYears(), 0.0);
        assertEquals(-1.0, new World(s, 2017).studyTrendYears(), 0.0);
        assertEquals(0.0, new World(s, 2022).studyTrendYears(), 0.0);
        Scenario noTrend = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"),
                (com.fasterxml.jackson.databind.node.ObjectNode) ScenarioLoader.yamlMapper().valueToTree(
                        java.util.Map.of("study", java.util.Map.of("abroadTrendPerYear", 0.0))), null).scenario();
        // Russia's funded places are shared among the year's school-leaver entrants (births 17 years earlier)
        assertFalse(new World(noTrend, 1995).sameYearlyInputs(new World(noTrend, 2005)));
        Scenario flat = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"),
                (com.fasterxml.jackson.databind.node.ObjectNode) ScenarioLoader.yamlMapper().valueToTree(
                        java.util.Map.of("study", java.util.Map.of("abroadTrendPerYear", 0.0,
                                "stateFundedPlacesPerYear", java.util.Map.of("RU", 0.0)))), null).scenario();
        assertTrue(new World(flat, 1995).sameYearlyInputs(new World(flat, 2005)));
        assertFalse(new World(s, 2015).sameYearlyInputs(new World(s, 2016)));
    }
}
