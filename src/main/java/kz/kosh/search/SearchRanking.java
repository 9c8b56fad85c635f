package kz.kosh.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How a policy search ranks its points: the objectives as minimised (the mean, or with
 * {@code robustPercentile} the bad tail over parameter sets), the constraints as slacks (≥ 0
 * feasible) and the non-dominated feasible candidates (the front).
 */
final class SearchRanking {
    private final SearchSpec spec;

    SearchRanking(SearchSpec spec) {
        this.spec = spec;
    }

    /** The non-dominated feasible candidates among the points, by their ranking values. */
    List<PolicySearch.FrontPoint> markFront(List<PolicySearch.FrontPoint> points) {
        List<PolicySearch.FrontPoint> out = new ArrayList<>();
        for (PolicySearch.FrontPoint p : points) {
            boolean on = false;
            if (p.kind().equals("candidate") && p.feasible()) {
                on = true;
                double[] a = rankValues(p.evaluation());
                for (PolicySearch.FrontPoint q : points) {
                    if (q != p && q.kind().equals("candidate") && q.feasible() && dominates(rankValues(q.evaluation()), a)) {
                        on = false;
                        break;
                    }
                }
            }
            out.add(new PolicySearch.FrontPoint(p.id(), p.kind(), p.name(), p.evaluation(), on, p.feasible()));
        }
        return out;
    }

    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                better = true;
            }
        }
        return better;
    }

    /**
     * The objectives as minimised by the search: the mean level over replications, or with
     * {@code robust} the p-th percentile over parameter sets of a minimised objective (the
     * (100 − p)-th of a maximised one: the bad tail either way); maximised objectives negated.
     */
    double[] rankValues(Evaluation e) {
        double[] out = new double[spec.objectives().size()];
        for (int t = 0; t < out.length; t++) {
            SearchSpec.Target o = spec.objectives().get(t);
            boolean max = o.sense() == SearchSpec.Sense.MAXIMISE;
            double v;
            if (spec.robustPercentile() != null) {
                v = e.percentileOverSets(t, max ? 100 - spec.robustPercentile() : spec.robustPercentile());
            } else {
                v = e.mean(t);
            }
            out[t] = max ? -v : v;
        }
        return out;
    }

    /**
     * The constraints as jMetal wants them (≥ 0 feasible): for each, the smaller of (max − mean)
     * and (mean − min) (the mean paired difference to the reference for a {@code difference}
     * constraint), divided by the size of the bound it is measured against (1 for a bound
     * of 0) so that violations in KZT and in shares weigh alike.
     */
    double[] constraintValues(Evaluation e) {
        int k = spec.objectives().size();
        double[] out = new double[spec.constraints().size()];
        for (int c = 0; c < out.length; c++) {
            SearchSpec.Target t = spec.constraints().get(c);
            double m = t.difference() ? e.difference(k + c) : e.mean(k + c);
            double slack = Double.POSITIVE_INFINITY;
            if (!Double.isInfinite(t.max())) {
                slack = Math.min(slack, (t.max() - m) / Math.max(1e-12, Math.abs(t.max()) > 0 ? Math.abs(t.max()) : 1));
            }
            if (!Double.isInfinite(t.min())) {
                slack = Math.min(slack, (m - t.min()) / Math.max(1e-12, Math.abs(t.min()) > 0 ? Math.abs(t.min()) : 1));
            }
            out[c] = Double.isNaN(m) ? -1 : slack;
        }
        return out;
    }

    boolean feasible(Evaluation e) {
        for (double c : constraintValues(e)) {
            if (c < 0) {
                return false;
            }
        }
        return true;
    }
}
