package kz.kosh.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.PSquarePercentile;

/**
 * Streaming statistics of one output cell (scenario × year × indicator × place) over
 * replications, in constant memory: Commons Math {@link SummaryStatistics} for mean and
 * standard deviation, and the P² algorithm ({@link PSquarePercentile}, Jain and Chlamtac 1985)
 * for the 5th, 50th and 95th percentiles (estimates; exact up to five values).
 *
 * <p>The 95% confidence interval of the mean is mean ± t_{0.975, n−1}·sd/√n (Student's t).
 */
public final class CellStats {
    private final SummaryStatistics summary = new SummaryStatistics();
    private final PSquarePercentile p05 = new PSquarePercentile(5);
    private final PSquarePercentile p50 = new PSquarePercentile(50);
    private final PSquarePercentile p95 = new PSquarePercentile(95);

    /** Adds one replication's value; NaN values are skipped. */
    public void add(double x) {
        if (Double.isNaN(x)) {
            return;
        }
        summary.addValue(x);
        p05.increment(x);
        p50.increment(x);
        p95.increment(x);
    }

    public long n() {
        return summary.getN();
    }

    public double mean() {
        return summary.getMean();
    }

    /** Sample standard deviation (n − 1 denominator); NaN for fewer than two values. */
    public double sd() {
        return summary.getN() < 2 ? Double.NaN : summary.getStandardDeviation();
    }

    /** Half-width of the 95% confidence interval of the mean; NaN for fewer than two values. */
    public double ci95HalfWidth() {
        long n = summary.getN();
        if (n < 2) {
            return Double.NaN;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return t * summary.getStandardDeviation() / Math.sqrt(n);
    }

    public double p05() {
        return p05.getResult();
    }

    public double p50() {
        return p50.getResult();
    }

    public double p95() {
        return p95.getResult();
    }
}
