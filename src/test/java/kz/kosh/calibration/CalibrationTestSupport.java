package kz.kosh.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tiny calibration settings shared by the calibration tests (scale 0.01, one recorded year after 6 spin-up years). */
final class CalibrationTestSupport {
    private CalibrationTestSupport() {
    }

    static CalibrationSpec spec(List<CalibrationSpec.Parameter> params, int budget, int lambda) {
        return new CalibrationSpec("synthetic", Path.of("scenarios/baseline.yaml").toAbsolutePath(), null, params, 1, 1, 1,
                0.01, 2015, 2015, 6, budget, 7, 0.3, lambda, Path.of("unused.yaml"), null, null, 0, 0);
    }

    /** Indicator key of the recorded year 2015, as a quantity. */
    static Target.Quantity indicator(String key) {
        return c -> c.table().value(c.table().years().indexOf(2015), key);
    }

    /** Ratio of two indicators in 2015. */
    static Target.Quantity ratio(String a, String b) {
        return c -> {
            int y = c.table().years().indexOf(2015);
            return c.table().value(y, a) / c.table().value(y, b);
        };
    }

    /** Calibration targets with the given quantities and observed values (tolerance 0.05, weight 1). */
    static List<Target> targets(List<Target.Quantity> qs, double[] observed) {
        List<Target> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            out.add(new Target("t" + i, "synthetic " + i, Target.CALIBRATION, 1, 0.05, "the model itself", "synthetic",
                    List.of(new Target.Point("2015", observed[i], observed[i], observed[i], qs.get(i)))));
        }
        return out;
    }
}
