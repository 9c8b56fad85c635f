package kz.kosh.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calibration recovers known parameter values from synthetic targets that the model itself
 * produced at those values (same seeds: with common random numbers the distance there is
 * exactly 0). Two parameters, scale 0.01, one recorded year, 54 evaluations (about 15 s). Stated tolerance:
 * each recovered parameter within 0.1 of the true one in the normalised [0, 1] range (a tenth
 * of its bounds), starting 0.25-0.35 away.
 */
class CalibrationRecoveryTest {
    static final double TOLERANCE = 0.1;

    @Test
    void recoversTwoKnownParametersFromSyntheticTargets() {
        List<CalibrationSpec.Parameter> params = List.of(
                new CalibrationSpec.Parameter("decision.considerationConstant", -2.0, 2.0),
                new CalibrationSpec.Parameter("decision.followThroughInternal", 0.05, 0.85));
        CalibrationSpec spec = CalibrationTestSupport.spec(params, 54, 6);
        List<Target.Quantity> qs = List.of(
                CalibrationTestSupport.indicator("willingness_to_emigrate_share|KZ"),
                CalibrationTestSupport.indicator("considering_move_share|KZ"),
                CalibrationTestSupport.ratio("internal_moves|KZ", "intending_internal_move|KZ"));
        double[] truthUnit = {0.8, 0.75}; // considerationConstant 1.2, followThroughInternal 0.65 (start: 0 and 0.3)
        double[] observed;
        List<Target> probe = CalibrationTestSupport.targets(qs, new double[]{1, 1, 1});
        try (Evaluator ev = new Evaluator(spec, probe, new EvaluationCache(null), 2)) {
            observed = ev.evaluate(truthUnit, 1).mean();
        }
        List<Target> targets = CalibrationTestSupport.targets(qs, observed);
        try (Evaluator ev = new Evaluator(spec, targets, new EvaluationCache(null), 2)) {
            assertEquals(0.0, ev.evaluate(truthUnit, 1).distance(), 1e-12, "distance at the truth (common random numbers)");
            Calibration.Result r = Calibration.fit(spec, ev, null);
            assertTrue(r.start().distance() > 1, "the start is away from the truth: " + r.start().distance());
            double[] x = r.best().unit();
            assertEquals(truthUnit[0], x[0], TOLERANCE, "considerationConstant (normalised)");
            assertEquals(truthUnit[1], x[1], TOLERANCE, "followThroughInternal (normalised)");
            assertTrue(r.best().distance() < 0.05 * r.start().distance(),
                    "distance " + r.start().distance() + " -> " + r.best().distance());
        }
    }
}
