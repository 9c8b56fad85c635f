package kz.kosh.calibration;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsTest {
    @TempDir
    Path tmp;

    private static Scenario baseline() {
        return ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
    }

    @Test
    void committedTargetsLoadAndAgreeWithTheSeriesFiles() {
        List<Target> ts = Targets.load(Path.of("calibration/targets.yaml"), baseline());
        assertTrue(ts.stream().anyMatch(Target::calibration));
        assertTrue(ts.stream().anyMatch(t -> !t.calibration()));
        // the patterns kept for validation are not fitted
        for (String id : List.of("net-gainers-almaty-astana", "oil-region-retention", "covid-emigration")) {
            assertFalse(ts.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().calibration(), id);
        }
        Target emigration = ts.stream().filter(t -> t.id().equals("graduate-emigration")).findFirst().orElseThrow();
        assertTrue(emigration.points().get(0).isBand());
        assertEquals(30047 * 0.734 * 0.355 * 0.45, emigration.points().get(0).low(), 0.01); // the measurement model (Observed)
        assertTrue(ts.stream().filter(t -> t.id().equals("atyrau-share-of-graduates")).findFirst().orElseThrow().calibration());
    }

    /**
     * The emigrant shares are pooled over years (session 9): a point of 2023-2024 is the share of the two years'
     * emigrants together, in the model the ratio of the sums (hand-computed: (2 + 30) / (10 + 40) = 0.64, not the
     * mean of the yearly shares 0.575), and it is defined when one of its years has no emigrant (0 / 0 in 2023).
     */
    @Test
    void emigrantSharesArePooledAsRatiosOfSumsOverTheirYears() {
        List<Target> ts = Targets.load(Path.of("calibration/targets.yaml"), baseline());
        Target ru = ts.stream().filter(t -> t.id().equals("emigrants-to-russia-share")).findFirst().orElseThrow();
        Target de = ts.stream().filter(t -> t.id().equals("emigrants-to-germany-share")).findFirst().orElseThrow();
        assertEquals(List.of("2019", "2021-2022", "2023-2024"), ru.points().stream().map(Target.Point::label).toList());
        assertEquals(46200.0 / 56439, ru.points().get(1).value(), 1e-4);
        assertEquals((9428.0 / 12732 * 16094 + 8800) / (16094 + 12800), ru.points().get(2).value(), 1e-4);
        assertEquals(List.of("2023-2024"), de.points().stream().map(Target.Point::label).toList());
        assertEquals((1795.0 / 12732 * 16094 + 2000) / (16094 + 12800), de.points().get(0).value(), 1e-4);
        java.util.Map<Integer, java.util.Map<String, Double>> byYear = new java.util.TreeMap<>();
        byYear.put(2023, java.util.Map.of("emigration|KZ", 10.0, "emigration_from_kz|RU", 2.0, "emigration_from_kz|DE", 0.0));
        byYear.put(2024, java.util.Map.of("emigration|KZ", 40.0, "emigration_from_kz|RU", 30.0, "emigration_from_kz|DE", 8.0));
        Target.Context c = new Target.TableContext(kz.kosh.experiment.IndicatorTableTestAccess.of(byYear), baseline());
        assertEquals(0.64, ru.points().get(2).quantity().value(c), 1e-12);
        assertEquals(0.16, de.points().get(0).quantity().value(c), 1e-12);
        byYear.put(2023, java.util.Map.of("emigration|KZ", 0.0, "emigration_from_kz|RU", 0.0, "emigration_from_kz|DE", 0.0));
        c = new Target.TableContext(kz.kosh.experiment.IndicatorTableTestAccess.of(byYear), baseline());
        assertEquals(0.75, ru.points().get(2).quantity().value(c), 1e-12, "a year of no emigrant leaves the pooled share defined");
    }

    @Test
    void aValueThatDriftedFromTheSeriesFileIsRefused() throws Exception {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, "targets:\n"
                + TargetFiles.entry("x", "calibration", "{series: students-abroad}", "78000")
                + TargetFiles.entry("y", "fit", "{nothing: 1}", "1"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Targets.load(f, baseline()));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("differs from the series students-abroad"), all);
        assertTrue(all.contains("expected calibration or validation"), all);
        assertTrue(all.contains("model: expected"), all);
    }

    @Test
    void everyCalibrationTargetStatesItsObservationErrorAndDiscrepancyWithReasons() {
        for (Target t : Targets.load(Path.of("calibration/targets.yaml"), baseline())) {
            if (t.calibration()) {
                Target.Uncertainty u = t.uncertainty();
                assertTrue(u != null && !u.observationReason().isBlank() && !u.discrepancyReason().isBlank(), t.id());
            }
        }
        Target.Point band = new Target.Point("2015", 15, 10, 20, c -> 0);
        Target.Uncertainty u = new Target.Uncertainty(0.1, "a", 0.2, "b");
        assertEquals(1.5 * 1.5 + 100 / 12.0, u.observationVariance(band), 1e-12, "relative sd and the band's uniform spread");
        assertEquals(9, u.discrepancyVariance(band), 1e-12);
    }

    @Test
    void badUncertaintyFieldsAreNamedInOnePass() throws Exception {
        Path f = tmp.resolve("u.yaml");
        Files.writeString(f, "targets:\n"
                + TargetFiles.entry("x", "calibration", "{indicator: \"students_abroad|KZ\"}", "1",
                "observationError: {relative: 2, reason: \"\"}", "discrepancy: {relative: 0.1, why: z}")
                + TargetFiles.entry("y", "calibration", "{indicator: \"students_abroad|KZ\"}", "1",
                "discrepancy: {relative: 0.1, reason: r}"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Targets.load(f, baseline()));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("targets[0].observationError.relative: expected a number in [0, 1]"), all);
        assertTrue(all.contains("targets[0].observationError.reason: required"), all);
        assertTrue(all.contains("targets[0].discrepancy.why: unknown field"), all);
        assertTrue(all.contains("targets[0].discrepancy.reason: required"), all);
        assertTrue(all.contains("targets[1].observationError: required with discrepancy"), all);
    }
}
