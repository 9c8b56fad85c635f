package kz.kosh.calibration.history;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * A Gaussian-process emulator of one scalar model output over the unit cube (the free
 * parameters normalised by their bounds), after Rasmussen and Williams (2006, ch. 2) and the
 * emulators of history matching (Vernon, Goldstein and Bower 2010; Andrianakis et al. 2015):
 * <pre>
 * f(x) = h(x)ᵀβ + u(x),   u ~ GP(0, σ² c(x, x')),   y_i = f(x_i) + ε_i,   ε_i ~ N(0, τ_i² + g)
 * c(x, x') = (1 + √5 r + 5r²/3) exp(−√5 r)      (Matérn 5/2)   or   exp(−r²/2)   (squared exponential)
 * r² = Σ_k ((x_k − x'_k) / ℓ_k)²
 * </pre>
 * h(x) = (1) or (1, x_1, ..., x_d) (a linear regression mean); τ_i² the known Monte Carlo
 * variance of the i-th training value (the variance of a mean of replications), g ≥ 0 a fitted
 * nugget. β has a flat prior and is integrated out (universal kriging): with K = σ²C + diag(τ² + g),
 * A = HᵀK⁻¹H, β̂ = A⁻¹HᵀK⁻¹y, the posterior of f at x is normal with
 * <pre>
 * E[f(x)]   = h(x)ᵀβ̂ + k(x)ᵀK⁻¹(y − Hβ̂)
 * Var[f(x)] = σ² − k(x)ᵀK⁻¹k(x) + uᵀA⁻¹u,   u = h(x) − HᵀK⁻¹k(x),   k(x)_i = σ² c(x, x_i)
 * </pre>
 * The hyperparameters (ℓ, σ², g) maximise the marginal likelihood of y with β integrated out
 * (the restricted likelihood, Harville 1974):
 * <pre>
 * log L = −½ log|K| − ½ log|A| − ½ (y − Hβ̂)ᵀK⁻¹(y − Hβ̂) + const
 * </pre>
 * over log ℓ_k ∈ [log 0.05, log 20], log σ² ∈ [log 10⁻⁴, log 10], log g ∈ [log 10⁻⁸, log 1] (y is
 * standardised first), by BOBYQA from several seeded starts. Leave-one-out predictions use the
 * closed form of Dubrule (1983): with P = K⁻¹ − K⁻¹HA⁻¹HᵀK⁻¹, the prediction of y_i from the other
 * points (β re-estimated) has residual (Py)_i / P_ii and variance 1 / P_ii (noise included).
 * Linear algebra: Commons Math (Cholesky, LU).
 */
public final class GaussianProcess {
    /** The correlation function. */
    public enum Kernel {
        MATERN52, SQUARED_EXPONENTIAL;

        double correlation(double r2) {
            if (this == SQUARED_EXPONENTIAL) {
                return Math.exp(-0.5 * r2);
            }
            double s = Math.sqrt(5 * r2);
            return (1 + s + 5 * r2 / 3) * Math.exp(-s);
        }
    }

    /** The regression basis of the mean function. */
    public enum Mean {
        CONSTANT, LINEAR
    }

    /** Hyperparameters on the standardised output: length scales (unit-cube inputs), signal variance, nugget. */
    public record Hyper(double[] lengthScales, double signalVariance, double nugget) {
    }

    static final double LOG_L_MIN = Math.log(0.05);
    static final double LOG_L_MAX = Math.log(20);
    static final double LOG_S_MIN = Math.log(1e-4);
    static final double LOG_S_MAX = Math.log(10);
    static final double LOG_G_MIN = Math.log(1e-8);
    static final double LOG_G_MAX = Math.log(1);

    private final Kernel kernel;
    private final Mean meanBasis;
    private final Hyper hyper;
    private final double[][] x;
    private final double[] noise; // standardised scale
    private final double yMean;
    private final double ySd;
    private final double[] ys; // standardised
    private final double[][] lower; // Cholesky factor of K
    private final double[][] w; // L⁻¹H (n × p)
    private final double[][] aInv; // (HᵀK⁻¹H)⁻¹
    private final double[] beta;
    private final double[] alpha; // K⁻¹(y − Hβ̂)
    private final double logLikelihood;

    private GaussianProcess(double[][] x, double[] ys, double[] noise, double yMean, double ySd, Kernel kernel, Mean mean,
                            Hyper hyper) {
        this.x = x;
        this.ys = ys;
        this.noise = noise;
        this.yMean = yMean;
        this.ySd = ySd;
        this.kernel = kernel;
        this.meanBasis = mean;
        this.hyper = hyper;
        int n = x.length;
        int p = basisSize(mean, x[0].length);
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double c = hyper.signalVariance() * kernel.correlation(r2(x[i], x[j], hyper.lengthScales()));
                k[i][j] = c;
                k[j][i] = c;
            }
            k[i][i] += noise[i] + hyper.nugget();
        }
        double[][] l = cholesky(k, hyper.signalVariance());
        this.lower = l;
        double[][] h = new double[n][];
        for (int i = 0; i < n; i++) {
            h[i] = basis(mean, x[i]);
        }
        this.w = new double[n][p];
        for (int c = 0; c < p; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = h[i][c];
            }
            double[] s = forward(l, col);
            for (int i = 0; i < n; i++) {
                w[i][c] = s[i];
            }
        }
        double[] ly = forward(l, ys);
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += w[i][r] * w[i][c];
                }
                a[r][c] = s;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += w[i][r] * ly[i];
            }
            b[r] = s;
        }
        LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(a, false));
        RealMatrix ai = lu.getSolver().getInverse();
        this.aInv = ai.getData();
        this.beta = ai.operate(b);
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) {
            resid[i] = ys[i] - dot(h[i], beta);
        }
        double[] lr = forward(l, resid);
        this.alpha = backward(l, lr);
        double logDetK = 0;
        for (int i = 0; i < n; i++) {
            logDetK += 2 * Math.log(l[i][i]);
        }
        double det = lu.getDeterminant();
        this.logLikelihood = det > 0 ? -0.5 * logDetK - 0.5 * Math.log(det) - 0.5 * dot(lr, lr) : Double.NEGATIVE_INFINITY;
    }

    /**
     * Conditions a GP with given hyperparameters (on the standardised output: y is centred and
     * divided by its standard deviation before fitting).
     *
     * @param noise the known Monte Carlo variance of each y (original units), zeros for a deterministic model
     */
    public static GaussianProcess condition(double[][] x, double[] y, double[] noise, Kernel kernel, Mean mean, Hyper hyper) {
        double[] st = standardisation(y);
        return new GaussianProcess(x, scaled(y, st), scaledNoise(noise, st[1]), st[0], st[1], kernel, mean, hyper);
    }

    /** Fits the hyperparameters by maximum marginal likelihood ({@code starts} seeded BOBYQA starts). */
    /** The fewest training points a GP of d inputs with the given mean can be fitted to. */
    public static int minimumPoints(Mean mean, int d) {
        return basisSize(mean, d) + 2;
    }

    public static GaussianProcess fit(double[][] x, double[] y, double[] noise, Kernel kernel, Mean mean, int starts,
                                      long seed) {
        int n = x.length;
        int d = x[0].length;
        if (n < basisSize(mean, d) + 2) {
            throw new IllegalArgumentException("a GP of " + d + " inputs with a " + mean.name().toLowerCase()
                    + " mean needs at least " + (basisSize(mean, d) + 2) + " training points, got " + n);
        }
        double[] st = standardisation(y);
        double[] ys = scaled(y, st);
        double[] ns = scaledNoise(noise, st[1]);
        int dim = d + 2;
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        for (int k = 0; k < d; k++) {
            lo[k] = LOG_L_MIN;
            hi[k] = LOG_L_MAX;
        }
        lo[d] = LOG_S_MIN;
        hi[d] = LOG_S_MAX;
        lo[d + 1] = LOG_G_MIN;
        hi[d + 1] = LOG_G_MAX;
        double[][] bestSeen = {null};
        double[] bestSeenValue = {Double.NEGATIVE_INFINITY};
        ObjectiveFunction f = new ObjectiveFunction(t -> {
            double v;
            try {
                v = new GaussianProcess(x, ys, ns, 0, 1, kernel, mean, hyperOf(t, d)).logLikelihood;
            } catch (RuntimeException e) {
                v = Double.NEGATIVE_INFINITY;
            }
            if (v > bestSeenValue[0]) { // kept across starts: a start cut short by its budget still counts
                bestSeenValue[0] = v;
                bestSeen[0] = t.clone();
            }
            return Double.isFinite(v) ? v : -1e300;
        });
        MersenneTwister rng = new MersenneTwister(seed);
        for (int s = 0; s < Math.max(1, starts); s++) {
            double[] start = new double[dim];
            for (int k = 0; k < dim; k++) {
                start[k] = s == 0 ? (k < d ? Math.log(0.5) : k == d ? 0 : Math.log(1e-3))
                        : lo[k] + (0.1 + 0.8 * rng.nextDouble()) * (hi[k] - lo[k]);
            }
            try {
                new BOBYQAOptimizer(2 * dim + 1, 0.5, 1e-3).optimize(new MaxEval(100 + 40 * dim), f, GoalType.MAXIMIZE,
                        new InitialGuess(start), new SimpleBounds(lo, hi));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                // the best point seen so far stands
            }
        }
        double[] best = bestSeen[0];
        if (best == null) {
            throw new IllegalStateException("the marginal likelihood is not finite at any hyperparameters tried (outputs "
                    + java.util.Arrays.toString(java.util.Arrays.copyOf(y, Math.min(12, n))) + ", noise "
                    + java.util.Arrays.toString(java.util.Arrays.copyOf(noise, Math.min(3, n))) + ")");
        }
        return new GaussianProcess(x, ys, ns, st[0], st[1], kernel, mean, hyperOf(best, d));
    }

    private static Hyper hyperOf(double[] t, int d) {
        double[] l = new double[d];
        for (int k = 0; k < d; k++) {
            l[k] = Math.exp(t[k]);
        }
        return new Hyper(l, Math.exp(t[d]), Math.exp(t[d + 1]));
    }

    private static double[] standardisation(double[] y) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        s = Math.sqrt(s / Math.max(1, y.length - 1));
        // an output the parameters do not move (equal up to rounding): no scaling, or rounding noise would be blown up
        boolean constant = !(s > 1e-9 * Math.max(1, Math.abs(m))) || !Double.isFinite(s);
        return new double[]{m, constant ? 1 : s};
    }

    private static double[] scaled(double[] y, double[] st) {
        double[] o = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            o[i] = (y[i] - st[0]) / st[1];
        }
        return o;
    }

    private static double[] scaledNoise(double[] noise, double sd) {
        double[] o = new double[noise.length];
        for (int i = 0; i < noise.length; i++) {
            o[i] = noise[i] / (sd * sd);
        }
        return o;
    }

    static int basisSize(Mean m, int d) {
        return m == Mean.CONSTANT ? 1 : d + 1;
    }

    static double[] basis(Mean m, double[] x) {
        if (m == Mean.CONSTANT) {
            return new double[]{1};
        }
        double[] h = new double[x.length + 1];
        h[0] = 1;
        System.arraycopy(x, 0, h, 1, x.length);
        return h;
    }

    static double r2(double[] a, double[] b, double[] l) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double t = (a[k] - b[k]) / l[k];
            s += t * t;
        }
        return s;
    }

    private static double[][] cholesky(double[][] k, double scale) {
        int n = k.length;
        double jitter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                double[][] m = new double[n][];
                for (int i = 0; i < n; i++) {
                    m[i] = k[i].clone();
                    m[i][i] += jitter;
                }
                return new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-12, 1e-14).getL().getData();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                jitter = jitter == 0 ? 1e-10 * Math.max(scale, 1e-12) : jitter * 100;
            }
        }
        throw new IllegalStateException("covariance matrix not positive definite even with jitter");
    }

    private static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int j = 0; j < i; j++) {
                s -= li[j] * z[j];
            }
            z[i] = s / li[i];
        }
        return z;
    }

    private static double[] backward(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= l[j][i] * z[j];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private double[] kVector(double[] at) {
        double[] k = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            k[i] = hyper.signalVariance() * kernel.correlation(r2(at, x[i], hyper.lengthScales()));
        }
        return k;
    }

    /** E[f(x)] in the output's units. */
    public double mean(double[] at) {
        return yMean + ySd * (dot(basis(meanBasis, at), beta) + dot(kVector(at), alpha));
    }

    /** Var[f(x)] in the output's units squared (the emulator's uncertainty about the latent mean; no Monte Carlo noise). */
    public double variance(double[] at) {
        return varianceStd(at, kVector(at)) * ySd * ySd;
    }

    /** {E[f(x)], Var[f(x)]}. */
    public double[] predict(double[] at) {
        double[] k = kVector(at);
        double m = yMean + ySd * (dot(basis(meanBasis, at), beta) + dot(k, alpha));
        return new double[]{m, varianceStd(at, k) * ySd * ySd};
    }

    private double varianceStd(double[] at, double[] k) {
        double[] v = forward(lower, k);
        double[] h = basis(meanBasis, at);
        int p = h.length;
        double[] u = new double[p];
        for (int c = 0; c < p; c++) {
            double s = h[c];
            for (int i = 0; i < v.length; i++) {
                s -= w[i][c] * v[i];
            }
            u[c] = s;
        }
        double q = 0;
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                q += u[r] * aInv[r][c] * u[c];
            }
        }
        return Math.max(0, hyper.signalVariance() - dot(v, v) + q);
    }

    /** Leave-one-out predictions of the training values (hyperparameters fixed). */
    public record LeaveOneOut(double[] observed, double[] mean, double[] variance, double[] standardised) {
        /** Share of standardised errors within ±limit. */
        public double shareWithin(double limit) {
            int k = 0;
            for (double e : standardised) {
                if (Math.abs(e) <= limit) {
                    k++;
                }
            }
            return (double) k / standardised.length;
        }
    }

    /**
     * Leave-one-out predictions of every training value y_i from the others (Dubrule 1983):
     * mean y_i − (Py)_i / P_ii, variance 1 / P_ii (the predictive variance of the noisy value),
     * standardised error (y_i − mean) / √variance.
     */
    public LeaveOneOut leaveOneOut() {
        int n = x.length;
        double[][] kInv = new double[n][];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            kInv[c] = backward(lower, forward(lower, e)); // column c (symmetric)
        }
        int p = aInv.length;
        double[][] kih = new double[n][p]; // K⁻¹H = L⁻ᵀW
        for (int c = 0; c < p; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = w[i][c];
            }
            double[] s = backward(lower, col);
            for (int i = 0; i < n; i++) {
                kih[i][c] = s[i];
            }
        }
        double[][] pm = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double q = 0;
                for (int r = 0; r < p; r++) {
                    for (int c = 0; c < p; c++) {
                        q += kih[i][r] * aInv[r][c] * kih[j][c];
                    }
                }
                pm[i][j] = kInv[i][j] - q;
            }
        }
        double[] obs = new double[n];
        double[] mean = new double[n];
        double[] var = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            double py = dot(pm[i], ys);
            double m = ys[i] - py / pm[i][i];
            double v = 1 / pm[i][i];
            obs[i] = yMean + ySd * ys[i];
            mean[i] = yMean + ySd * m;
            var[i] = v * ySd * ySd;
            std[i] = (ys[i] - m) / Math.sqrt(v);
        }
        return new LeaveOneOut(obs, mean, var, std);
    }

    /** The hyperparameters (on the standardised output). */
    public Hyper hyper() {
        return hyper;
    }

    public Kernel kernel() {
        return kernel;
    }

    public Mean meanBasis() {
        return meanBasis;
    }

    /** The restricted log marginal likelihood at the hyperparameters (standardised output). */
    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    /** Number of training points. */
    public int size() {
        return x.length;
    }

    /** The noise variance (original units squared) of training point i, as given plus the nugget. */
    public double noiseVariance(int i) {
        return (noise[i] + hyper.nugget()) * ySd * ySd;
    }
}
