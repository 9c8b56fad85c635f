package kz.kosh.sim;

import kz.kosh.output.Indicators;
import kz.kosh.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year's spending is priced with that year's costs: when a timeline entry changes a cost from
 * 2026, the spending of 2025 is participants(2025) × the 2025 cost, not the 2026 one (the
 * recorder runs after the update phase has moved the parameters on to the next year).
 */
class YearCostsTest {
    @TempDir
    Path tmp;

    @Test
    void theYearBeforeAChangeKeepsItsOwnCost() {
        double before = 1_000_000;
        double after = 9_000_000;
        Scenario s = TestRuns.variant(tmp, "costs", TestRuns.run(2024, 2027, 2)
                + "policy: {academicMobility: {costKztPerParticipant: " + before + "}}\n"
                + "timeline:\n  - fromYear: 2026\n    policy: {academicMobility: {costKztPerParticipant: " + after + "}}\n",
                5, 0.01).scenario();
        KoshSim sim = new KoshSim(s, 1);
        Map<Integer, double[]> byYear = new HashMap<>();
        sim.addObserver((m, year, c, stocks, prev) -> {
            Map<String, Double> v = new HashMap<>();
            Indicators.compute(m, c, stocks, prev, (name, place, value) -> {
                if ("KZ".equals(place)) {
                    v.put(name, value);
                }
            });
            byYear.put(year, new double[] {c.get(kz.kosh.policy.AcademicMobility.STATE_FUNDED_PARTICIPANTS) / s.run().scale(),
                    v.get("spending_kzt_academic-mobility")});
        });
        sim.start();
        while (sim.year() <= 2027) {
            sim.schedule.step(sim);
        }
        sim.finish();
        double[] y2025 = byYear.get(2025);
        double[] y2026 = byYear.get(2026);
        assertTrue(y2025[0] > 0 && y2026[0] > 0, "participants in both years: " + y2025[0] + ", " + y2026[0]);
        assertEquals(y2025[0] * before, y2025[1], 1e-6 * y2025[1], "2025 at the 2025 cost");
        assertEquals(y2026[0] * after, y2026[1], 1e-6 * y2026[1], "2026 at the 2026 cost");
    }
}
