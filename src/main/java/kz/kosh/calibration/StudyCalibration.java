package kz.kosh.calibration;

import kz.kosh.decision.StudyChoice;
import kz.kosh.scenario.PopulationParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.StudyParams;
import kz.kosh.world.World;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrates the study-choice constants α_j of the destinations so that the expected stock of
 * Kazakhstani students abroad matches the enrolment table (UNESCO 2022 via [B22]).
 *
 * <p>Expected bachelor entrants to j: N_j = Σ_h E_h·P(j | h, α), with E_h the entrants of home
 * region h (school leavers × population share × entry rate). The expected stock is
 * N_j × bachelorYears. The constants are updated by the BLP contraction
 * α_j ← α_j + ln(target_j / stock_j) until the largest relative error is below the tolerance.
 * Computed analytically, without simulating.
 */
public final class StudyCalibration {
    /** Year of the enrolment target (UNESCO 2022): the entrants use that year's school leavers. */
    static final int CALIBRATION_YEAR = 2022;

    private StudyCalibration() {
    }

    /** Expected stock of students by place for the scenario's study parameters. */
    public static double[] expectedStudents(Scenario s) {
        World w = new World(s);
        StudyChoice choice = new StudyChoice(w, s);
        PopulationParams pp = s.population();
        double totalPopulation = 0;
        for (int r = 0; r < w.regionCount(); r++) {
            totalPopulation += w.population(r);
        }
        double leavers = kz.kosh.world.YearlyInputs.builtIn().schoolLeavers(CALIBRATION_YEAR,
                pp.schoolLeaverCompletionRatio(), s.economy().birthsGrowthPerYearAfterLastObserved());
        double[] stock = new double[w.placeCount()];
        for (int h = 0; h < w.regionCount(); h++) {
            double entrants = leavers * w.population(h) / totalPopulation * pp.higherEducationEntryRate();
            double[] p = choice.probabilities(h);
            for (int j = 0; j < p.length; j++) {
                stock[j] += entrants * p[j] * s.study().bachelorYears();
            }
        }
        return stock;
    }

    /**
     * Calibrated constants by destination id (iterations bounded by {@code maxIterations}), for the
     * scenario as in force in the enrolment's year (its timeline applied up to 2022: e.g. Russia's
     * safety index of 2022, not of 1993).
     */
    public static Map<String, Double> calibrate(Scenario scenario, int maxIterations, double tolerance) {
        Scenario s = scenario.inForce(CALIBRATION_YEAR);
        World w = new World(s);
        Map<String, Double> constants = new LinkedHashMap<>(s.study().destinationConstants());
        Scenario current = s;
        for (int it = 0; it < maxIterations; it++) {
            double[] stock = expectedStudents(current);
            double worst = 0;
            for (int j = w.regionCount(); j < w.placeCount(); j++) {
                double target = w.studentsEnrolled2022(j);
                if (target <= 0 || w.studyAccess(j) <= 0) {
                    continue;
                }
                double ratio = target / Math.max(stock[j], 1e-9);
                worst = Math.max(worst, Math.abs(ratio - 1));
                constants.merge(w.id(j), Math.log(ratio), Double::sum);
            }
            if (worst < tolerance) {
                break;
            }
            current = withConstants(current, constants);
        }
        Map<String, Double> rounded = new LinkedHashMap<>();
        constants.forEach((k, v) -> rounded.put(k, Math.round(v * 1000) / 1000.0));
        return rounded;
    }

    static Scenario withConstants(Scenario s, Map<String, Double> constants) {
        StudyParams q = s.study().withDestinationConstants(constants);
        return new Scenario(s.name(), s.description(), s.run(), s.population(), q, s.decision(), s.humanCapital(),
                s.family(), s.policy(), s.kazakhstan(), s.economy(), s.regions(), s.destinations(), s.timeline());
    }
}
