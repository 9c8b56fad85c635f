package kz.kosh.calibration;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kosh calibrate-study: the destination constants are fitted to the 2022 enrolment in the world of 2022. */
class StudyCalibrationTest {

    @Test
    void theConstantsAreFittedToTheScenarioAsInForceIn2022() {
        // the baseline's top level holds Russia's pre-2022 safety index 0.55, its timeline the table's 0.45 from
        // 2022: the fit takes the 2022 state, so the expected stock of the 2022 scenario hits the enrolment
        Scenario base = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();
        Scenario in2022 = base.inForce(StudyCalibration.CALIBRATION_YEAR);
        int ru = new World(base).indexOf("RU");
        assertEquals(0.55, new World(base).safetyIndex(ru), 0.0);
        assertEquals(0.45, new World(in2022).safetyIndex(ru), 0.0);
        Map<String, Double> c = StudyCalibration.calibrate(base, 200, 1e-6);
        double[] stock = StudyCalibration.expectedStudents(StudyCalibration.withConstants(in2022, c));
        World w = new World(in2022);
        for (int j = w.regionCount(); j < w.placeCount(); j++) {
            if (w.studentsEnrolled2022(j) > 0) {
                // constants rounded to 0.001: the stock within 0.1%
                assertEquals(w.studentsEnrolled2022(j), stock[j], 1e-3 * w.studentsEnrolled2022(j), w.id(j));
            }
        }
        // and not at the top level's 0.55, which would overstate Russia's 2022 pull by the safety change
        double[] top = StudyCalibration.expectedStudents(StudyCalibration.withConstants(base, c));
        assertTrue(top[ru] > stock[ru], "Russia at its pre-2022 safety: " + top[ru] + " against " + stock[ru]);
    }
}
