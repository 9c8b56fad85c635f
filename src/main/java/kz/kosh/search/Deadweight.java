package kz.kosh.search;

import kz.kosh.sim.AgentPayments;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deadweight of a candidate in one replication, measured agent by agent: agent ids are the
 * same in the reference and the candidate run of a replication (agent-keyed common random
 * numbers, kz.kosh.sim.AgentRandom), so for every agent a the payments of the policy period in
 * both runs, P(a) and P_ref(a), and whether it lived abroad at the end of the reference run are
 * known ({@link AgentPayments}). With k = 1 / scale (persons per agent):
 * <pre>
 *   X = k · Σ_a max(0, P(a) − P_ref(a))                        extra payments
 *   D = k · Σ_a [not abroad_ref(a)] · max(0, P(a) − P_ref(a))  deadweight: extra payments to graduates
 *                                                              who would have stayed anyway
 * </pre>
 * "Would have stayed anyway" means: in the reference run the agent lived in Kazakhstan at the end
 * (as a graduate or a student), or left the model at the decision age while living there; an
 * agent the reference run never had (an entrant the candidate alone creates) counts as staying.
 * Payments before the policy period are the same in both runs (same scenario, same draws) and
 * cancel in P − P_ref. Assumptions: the reference run is the counterfactual of the same person;
 * payments are on the commitment basis of the spending indicators; repayments (recovered from
 * breaches) are not payments; a payment that the candidate takes away (P < P_ref) saves money but
 * is not negative deadweight.
 *
 * <p>Derived columns of an {@link Evaluation} (after the targets): {@code D}, {@code X} and
 * {@code S − D} (S the period total of net programme spending), with the reference's row
 * {@code 0, 0, S_ref}, so that the paired difference of the last column is ΔS − D.
 */
final class Deadweight {
    /** Number of derived columns after the targets. */
    static final int COLUMNS = 3;
    static final int D = 0;
    static final int X = 1;
    static final int NET_SPENDING = 2;

    private Deadweight() {
    }

    /** {D, X} in KZT (persons), NaN when a run kept no ledger. */
    static double[] of(AgentPayments reference, AgentPayments candidate, double scale) {
        if (reference == null || candidate == null) {
            return new double[]{Double.NaN, Double.NaN};
        }
        Map<Integer, Double> pr = reference.paidKzt();
        Map<Integer, Double> pc = candidate.paidKzt();
        Set<Integer> abroad = reference.abroad();
        Set<Integer> ids = new TreeSet<>(pc.keySet());
        double d = 0;
        double x = 0;
        for (int a : ids) {
            double extra = pc.get(a) - pr.getOrDefault(a, 0.0);
            if (extra > 0) {
                x += extra;
                if (!abroad.contains(a)) {
                    d += extra;
                }
            }
        }
        return new double[]{d / scale, x / scale};
    }

    /**
     * The derived columns of a candidate's replication: {D, X, S − D}; {@code spending} is the
     * candidate's S (period total of net programme spending).
     */
    static double[] candidateColumns(AgentPayments reference, AgentPayments candidate, double scale, double spending) {
        double[] dx = of(reference, candidate, scale);
        return new double[]{dx[0], dx[1], spending - dx[0]};
    }

    /** The reference's derived columns: {0, 0, S_ref}. */
    static double[] referenceColumns(AgentPayments reference, double spending) {
        return reference == null ? new double[]{Double.NaN, Double.NaN, Double.NaN} : new double[]{0, 0, spending};
    }
}
