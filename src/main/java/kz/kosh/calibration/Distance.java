package kz.kosh.calibration;

import java.util.List;

/**
 * The calibration's distance between Monte Carlo means and targets:
 * <pre>
 * D = Σ_t w_t · (1/n_t) Σ_p (e_tp / τ_t)²
 * </pre>
 * over the targets t with {@code use: calibration}, their n_t points p, the relative error
 * e_tp of the model mean ({@link Target.Point#relativeError}: zero inside a band) and the
 * target's tolerance τ_t. A target whose mean sits at its tolerance adds its weight w_t; D = 0
 * is a perfect fit. A missing model value (NaN) counts as a relative error of
 * {@value #MISSING_ERROR}.
 */
public final class Distance {
    /** Relative error charged for a model value that is missing or not finite. */
    public static final double MISSING_ERROR = 10.0;

    private Distance() {
    }

    /** D of model means given in target order, points in order (flat). */
    public static double of(List<Target> targets, double[] flatMeans) {
        double d = 0;
        int k = 0;
        for (Target t : targets) {
            double s = 0;
            for (Target.Point p : t.points()) {
                double e = error(p, flatMeans[k++]);
                s += (e / t.tolerance()) * (e / t.tolerance());
            }
            if (t.calibration()) {
                d += t.weight() * s / t.points().size();
            }
        }
        return d;
    }

    /** Relative error of a point, {@link #MISSING_ERROR} when the model value is not finite. */
    public static double error(Target.Point p, double model) {
        double e = Double.isFinite(model) ? p.relativeError(model) : MISSING_ERROR;
        return Double.isFinite(e) ? e : MISSING_ERROR;
    }

    /** Number of points of all targets (the length of a flat vector). */
    public static int points(List<Target> targets) {
        int n = 0;
        for (Target t : targets) {
            n += t.points().size();
        }
        return n;
    }
}
