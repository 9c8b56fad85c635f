package kz.kosh.experiment.hindcast;

/** Error figures of a hindcast: relative error of a year and the mean absolute percentage error. */
public final class Errors {
    private Errors() {
    }

    /** (model − observed) / observed; NaN when either is NaN or observed is 0. */
    public static double relative(double model, double observed) {
        if (Double.isNaN(model) || Double.isNaN(observed) || observed == 0) {
            return Double.NaN;
        }
        return (model - observed) / observed;
    }

    /**
     * Mean absolute percentage error, in percent: 100 · mean over i of |model_i − observed_i| /
     * |observed_i|, over the pairs where both are known and observed ≠ 0; NaN when there are none.
     */
    public static double mape(double[] model, double[] observed) {
        if (model.length != observed.length) {
            throw new IllegalArgumentException("model and observed differ in length: " + model.length + " vs " + observed.length);
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < model.length; i++) {
            double r = relative(model[i], observed[i]);
            if (!Double.isNaN(r)) {
                sum += Math.abs(r);
                n++;
            }
        }
        return n == 0 ? Double.NaN : 100 * sum / n;
    }

    /** Number of pairs {@link #mape} averages over. */
    public static int count(double[] model, double[] observed) {
        int n = 0;
        for (int i = 0; i < Math.min(model.length, observed.length); i++) {
            if (!Double.isNaN(relative(model[i], observed[i]))) {
                n++;
            }
        }
        return n;
    }
}
