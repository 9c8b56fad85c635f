package kz.kosh.calibration;

import java.util.List;

/**
 * Morris elementary effects from a one-at-a-time design of trajectories (the layout of
 * {@code design: morris} in experiment files, kz.kosh.experiment.ExperimentSpec: r trajectories
 * of k + 1 consecutive points, each step changing one parameter). Per parameter i:
 * EE = (y(x + Δ e_i) − y(x)) / Δ with Δ the step in units of the parameter's range (so effects of
 * parameters with different units compare); mu = mean EE, mu* = mean |EE| (Campolongo et al.
 * 2007), sigma = standard deviation of EE (n − 1). Used by kz.kosh.calibration.Sensitivity
 * ({@code kosh sensitivity}, {@code kosh experiment} with a morris sweep).
 */
public final class MorrisEffects {
    private MorrisEffects() {
    }

    /** mu, mu*, sigma and the number of effects per parameter. */
    public record Effects(double[] mu, double[] muStar, double[] sigma, int[] n) {
    }

    /**
     * @param points  design points in order (parameter values), r·(k + 1) of them
     * @param outputs the model output at each point
     * @param ranges  [min, max] per parameter
     */
    public static Effects analyse(List<double[]> points, double[] outputs, List<double[]> ranges) {
        int k = ranges.size();
        if (points.size() % (k + 1) != 0 || outputs.length != points.size()) {
            throw new IllegalArgumentException("expected trajectories of " + (k + 1) + " points and one output per point, got "
                    + points.size() + " points and " + outputs.length + " outputs");
        }
        double[] sum = new double[k];
        double[] sumAbs = new double[k];
        double[] sumSq = new double[k];
        int[] n = new int[k];
        for (int t = 0; t < points.size(); t += k + 1) {
            for (int s = t; s < t + k; s++) {
                double[] x0 = points.get(s);
                double[] x1 = points.get(s + 1);
                int changed = -1;
                for (int i = 0; i < k; i++) {
                    if (x0[i] != x1[i]) {
                        if (changed >= 0) {
                            throw new IllegalArgumentException("points " + s + " and " + (s + 1) + " differ in more than one parameter");
                        }
                        changed = i;
                    }
                }
                if (changed < 0) {
                    throw new IllegalArgumentException("points " + s + " and " + (s + 1) + " are equal");
                }
                double delta = (x1[changed] - x0[changed]) / (ranges.get(changed)[1] - ranges.get(changed)[0]);
                double ee = (outputs[s + 1] - outputs[s]) / delta;
                sum[changed] += ee;
                sumAbs[changed] += Math.abs(ee);
                sumSq[changed] += ee * ee;
                n[changed]++;
            }
        }
        double[] mu = new double[k];
        double[] muStar = new double[k];
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            mu[i] = n[i] > 0 ? sum[i] / n[i] : Double.NaN;
            muStar[i] = n[i] > 0 ? sumAbs[i] / n[i] : Double.NaN;
            sigma[i] = n[i] > 1 ? Math.sqrt(Math.max(0, (sumSq[i] - n[i] * mu[i] * mu[i]) / (n[i] - 1))) : Double.NaN;
        }
        return new Effects(mu, muStar, sigma, n);
    }
}
