package kz.kosh.calibration;

import java.util.List;

/**
 * One observed figure (or pattern) the model is held against, with the model quantity that
 * speaks to it. A target has one or more points (a year, or a range of years pooled).
 *
 * @param id        identifier (CSV, cache, tables)
 * @param title     what is compared, for the report
 * @param use       {@link #CALIBRATION} (enters the distance) or {@link #VALIDATION} (reported only)
 * @param weight    weight in the distance (the target's points share it equally)
 * @param tolerance relative error up to which the model counts as matching (also the unit of the distance)
 * @param source    where the observed value comes from
 * @param model     the model quantity in words (from the target file's {@code model} field)
 * @param points    the observed points
 * @param uncertainty the observation error and model discrepancy for history matching (null when the file gives none)
 */
public record Target(String id, String title, String use, double weight, double tolerance, String source, String model,
                     List<Point> points, Uncertainty uncertainty) {
    public static final String CALIBRATION = "calibration";
    public static final String VALIDATION = "validation";

    /** A target without observation error and discrepancy. */
    public Target(String id, String title, String use, double weight, double tolerance, String source, String model,
                  List<Point> points) {
        this(id, title, use, weight, tolerance, source, model, points, null);
    }

    /**
     * The uncertainty of a target for history matching (kz.kosh.calibration.history): the
     * standard deviation of the observation error and of the model discrepancy, each relative to
     * the observed value, with the reason for the figure.
     */
    public record Uncertainty(double observationRelative, String observationReason, double discrepancyRelative,
                              String discrepancyReason) {
        /**
         * Var_obs of a point: (relative x |value|)² plus, for a band [low, high], the variance of a
         * uniform spread over the band, (high − low)² / 12.
         */
        public double observationVariance(Point p) {
            double sd = observationRelative * Math.abs(p.value());
            double band = p.isBand() ? (p.high() - p.low()) * (p.high() - p.low()) / 12 : 0;
            return sd * sd + band;
        }

        /** Var_disc of a point: (relative x |value|)². */
        public double discrepancyVariance(Point p) {
            double sd = discrepancyRelative * Math.abs(p.value());
            return sd * sd;
        }
    }

    public boolean calibration() {
        return CALIBRATION.equals(use);
    }

    /** The model value of one point in one replication's indicators. */
    @FunctionalInterface
    public interface Quantity {
        double value(Context c);
    }

    /**
     * One observed point: a value, or a band [low, high] whose value is the midpoint.
     *
     * @param label    e.g. "2019" or "2015-2025"
     * @param quantity how the point's model value is computed
     */
    public record Point(String label, double value, double low, double high, Quantity quantity) {
        public boolean isBand() {
            return high > low;
        }

        /**
         * Relative error of a model value: (model − observed) / observed for a value; for a band,
         * zero inside and relative to the nearer edge outside.
         */
        public double relativeError(double model) {
            if (isBand()) {
                if (model < low) {
                    return (model - low) / Math.abs(low);
                }
                if (model > high) {
                    return (model - high) / Math.abs(high);
                }
                return 0.0;
            }
            return (model - value) / Math.abs(value);
        }
    }

    /** What a quantity may look at: one replication's indicators and the resolved scenario. */
    public interface Context {
        kz.kosh.experiment.IndicatorTable table();

        kz.kosh.scenario.Scenario scenario();

        /** The hindcast series of this replication by id (built once per replication). */
        kz.kosh.experiment.hindcast.HindcastSeries series(String id);
    }

    /**
     * The context of one replication's indicator table: the hindcast series are derived from it
     * on the first request, once.
     */
    public static class TableContext implements Context {
        private final kz.kosh.experiment.IndicatorTable table;
        private final kz.kosh.scenario.Scenario scenario;
        private java.util.Map<String, kz.kosh.experiment.hindcast.HindcastSeries> series;

        public TableContext(kz.kosh.experiment.IndicatorTable table, kz.kosh.scenario.Scenario scenario) {
            this.table = table;
            this.scenario = scenario;
        }

        @Override
        public kz.kosh.experiment.IndicatorTable table() {
            return table;
        }

        @Override
        public kz.kosh.scenario.Scenario scenario() {
            return scenario;
        }

        @Override
        public kz.kosh.experiment.hindcast.HindcastSeries series(String id) {
            if (series == null) {
                series = new java.util.HashMap<>();
                for (kz.kosh.experiment.hindcast.HindcastSeries h : kz.kosh.experiment.hindcast.HindcastSeries.all(
                        scenario, new java.util.LinkedHashSet<>(table.keys()))) {
                    series.put(h.id(), h);
                }
            }
            kz.kosh.experiment.hindcast.HindcastSeries h = series.get(id);
            if (h == null) {
                throw new IllegalArgumentException("no hindcast series " + id);
            }
            return h;
        }
    }
}
