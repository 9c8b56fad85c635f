package kz.kosh.search;

import kz.kosh.sim.AgentPayments;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deadweight agent by agent, and the costs net of it, computed by hand in a small world. */
class DeadweightTest {

    @Test
    void extraPaymentsToAgentsWhoStayedInTheReferenceAreDeadweight() {
        // reference: agent 1 paid 100, agent 2 paid 50; agent 3 ends abroad
        AgentPayments ref = new AgentPayments(2026, Map.of(1, 100.0, 2, 50.0), Set.of(3));
        // candidate: agent 1 unchanged (no extra), agent 2 +30 (stayed in the reference: deadweight),
        // agent 3 +40 (abroad in the reference: not deadweight), agent 4 +10 (not in the reference: stays),
        // agent 5 paid less than in the reference is not negative deadweight
        AgentPayments cand = new AgentPayments(2026, Map.of(1, 100.0, 2, 80.0, 3, 40.0, 4, 10.0), Set.of());
        AgentPayments ref2 = new AgentPayments(2026, Map.of(1, 100.0, 2, 50.0, 5, 70.0), Set.of(3));
        // scale 0.5: every agent stands for 2 persons. X = 2 (30 + 40 + 10) = 160, D = 2 (30 + 10) = 80
        assertArrayEquals(new double[]{80, 160}, Deadweight.of(ref, cand, 0.5), 1e-12);
        assertArrayEquals(new double[]{80, 160}, Deadweight.of(ref2, cand, 0.5), 1e-12);
        assertArrayEquals(new double[]{80, 160, 1000 - 80}, Deadweight.candidateColumns(ref, cand, 0.5, 1000), 1e-12);
        assertArrayEquals(new double[]{0, 0, 600}, Deadweight.referenceColumns(ref, 600), 1e-12);
        // a run without a ledger gives no value
        assertTrue(Double.isNaN(Deadweight.of(null, cand, 0.5)[0]));
    }

    @Test
    void theCostPerAdditionalGraduateNetOfDeadweight() {
        // columns: S (period spending), G (graduates in Kazakhstan at the end), then D, X, S − D
        Evaluation e = new Evaluation(new double[]{1});
        e.add(0, new double[]{1000, 110, 80, 160, 920}, new double[]{600, 100, 0, 0, 600});
        e.add(0, new double[]{1200, 117, 100, 200, 1100}, new double[]{700, 105, 0, 0, 700});
        e.add(0, new double[]{1100, 114, 90, 180, 1010}, new double[]{650, 103, 0, 0, 650});
        // ΔS = 400, 500, 450 (mean 450); ΔG = 10, 12, 11 (mean 11); D = 80, 100, 90 (mean 90); X mean 180
        assertEquals(450.0 / 11, e.differenceRatio(0, 1)[0], 1e-12);
        // net of deadweight: Δ(S − D) = 320, 400, 360 (mean 360) per 11 additional graduates
        assertEquals(360.0 / 11, e.differenceRatio(4, 1)[0], 1e-12);
        // the deadweight share: 90 / 180
        assertEquals(0.5, e.differenceRatio(2, 3)[0], 1e-12);
        assertEquals(90.0, e.mean(2), 1e-12);
        // the gross cost minus the net is the deadweight per additional graduate: 90 / 11
        assertEquals(90.0 / 11, e.differenceRatio(0, 1)[0] - e.differenceRatio(4, 1)[0], 1e-12);
    }
}
