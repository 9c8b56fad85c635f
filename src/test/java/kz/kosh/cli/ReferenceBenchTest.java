package kz.kosh.cli;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference model of {@code kosh bench}: its utility is the formula of its Javadoc
 * (computed here by hand from the world's inputs), its choices follow the multinomial logit, it
 * makes one decision per graduate and year, and the diaspora stocks follow the net moves.
 */
class ReferenceBenchTest {
    private static final Scenario S = ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario();

    @Test
    void utilityIsTheFormulaOfTheJavadoc() {
        ReferenceBench.Model m = new ReferenceBench.Model(S, 1);
        World w = new World(S);
        DecisionParams d = S.decision();
        int almaty = w.indexOf("KZ-75");
        int abroad = w.regionCount(); // first foreign place
        int home = 0;
        for (int band = 0; band < DecisionParams.AGE_BANDS; band++) {
            double expected = d.incomeWeight()[band] * Math.log(w.wageKztPerMonth(abroad) / 100_000.0)
                    - d.distancePenalty() * Math.log1p(w.distanceKm(almaty, abroad) / 100.0)
                    + d.networkWeight() * Math.log1p(w.initialDiasporaThousands(abroad));
            assertEquals(expected, m.utility(band, home, almaty, abroad), 1e-12);
            // at home and at the current place the bonuses are added, no distance, no network
            double atHome = d.incomeWeight()[band] * Math.log(w.wageKztPerMonth(almaty) / 100_000.0)
                    + d.homeRegionBonus() + d.stayBonus();
            assertEquals(atHome, m.utility(band, almaty, almaty, almaty), 1e-12);
        }
    }

    @Test
    void choicesFollowTheLogitAndEveryGraduateDecidesOnceAYear() {
        int n = 200_000;
        ReferenceBench.Model m = new ReferenceBench.Model(S, n);
        m.start();
        // every graduate as placed at the start: tally where each one goes in the first year
        java.util.List<ReferenceBench.Graduate> grads = m.graduates;
        assertEquals(n, grads.size());
        int[] from = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = grads.get(i).location;
        }
        m.schedule.step(m);
        assertEquals(n, m.decisions);
        // expected number choosing each place = Σ_i P_i(j), against the observed count: within 5 SD
        int places = m.places;
        double[] expected = new double[places];
        double[] variance = new double[places];
        long[] observed = new long[places];
        for (int i = 0; i < n; i++) {
            ReferenceBench.Graduate g = grads.get(i);
            double[] p = new double[places];
            double total = 0;
            for (int j = 0; j < places; j++) {
                p[j] = Math.exp(m.utility(g.band, g.home, from[i], j));
                total += p[j];
            }
            for (int j = 0; j < places; j++) {
                expected[j] += p[j] / total;
                variance[j] += p[j] / total * (1 - p[j] / total);
            }
            observed[g.location]++;
        }
        long moved = 0;
        for (int i = 0; i < n; i++) {
            moved += grads.get(i).location != from[i] ? 1 : 0;
        }
        assertEquals(moved, m.moves);
        for (int j = 0; j < places; j++) {
            assertTrue(Math.abs(observed[j] - expected[j]) <= 5 * Math.sqrt(variance[j]) + 1,
                    "place " + j + ": observed " + observed[j] + ", expected " + expected[j]);
        }
        // conservation: nobody is lost; a second year is one more decision per graduate
        assertEquals(n, java.util.Arrays.stream(observed).sum());
        m.schedule.step(m);
        assertEquals(2L * n, m.decisions);
        m.finish();
    }

    @Test
    void diasporaFollowsTheNetMovesAbroad() {
        ReferenceBench.Model m = new ReferenceBench.Model(S, 1);
        int abroad = m.world.regionCount();
        double before = m.diasporaThousands[abroad];
        m.net[abroad] = 2500;
        m.net[0] = -2500;
        m.updateNetwork();
        assertEquals(before + 2.5, m.diasporaThousands[abroad], 1e-12);
        assertEquals(S.decision().networkWeight() * Math.log1p(before + 2.5), m.network[abroad], 1e-12);
        assertEquals(0.0, m.network[0]);
        assertEquals(0, m.net[abroad]);
    }
}
