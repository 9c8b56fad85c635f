package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.population.Population;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random numbers keyed by agent ({@link AgentRandom}): a draw is a function of (seed, agent id,
 * year, decision, position) only, the numbers are uniform, ids are unique, and in a paired
 * comparison what a policy does not touch does not change.
 */
class AgentRandomTest {
    @TempDir
    Path tmp;

    @Test
    void aStartWithoutDrawsChangesNothing() {
        // an agent that draws nothing (most agents in the update phase) leaves the next agent's
        // numbers as they are: x_1 = H(k + γ) whatever was started before
        AgentRandom r = new AgentRandom(11);
        AgentRandom fresh = new AgentRandom(11);
        for (int id = 1; id < 200; id += 7) {
            r.start(id + 1, 2020, 3);
            r.start(id + 2, 2021, 2);
            long x1 = r.start(id, 2020, 2).nextLong();
            assertEquals(RandomStreams.mix(fresh.keyOf(id, 2020, 2) + 0x9E3779B97F4A7C15L), x1);
            assertEquals(new AgentRandom(11).start(id, 2020, 2).nextLong(), x1);
        }
        assertNotEquals(fresh.keyOf(1, 2020, 2), fresh.keyOf(1, 2020, 3));
        assertNotEquals(fresh.keyOf(1, 2020, 2), new AgentRandom(12).keyOf(1, 2020, 2));
    }

    @Test
    void theFormulaGivesTheHandComputedReference() {
        // seed 1, agent 1, year 2020, decision 2, computed apart from this code (the formula in
        // AgentRandom's Javadoc with 64-bit integers): b, k, x_1 and u_1
        AgentRandom r = new AgentRandom(1);
        assertEquals(0x728A8A4EAE3E481BL, r.baseOf(2020, 2));
        assertEquals(0x6CE1184928A840F8L, r.keyOf(1, 2020, 2));
        assertEquals(0x7CBC30AE3EC9D488L, r.start(1, 2020, 2).nextLong());
        assertEquals(0.48724655393633687, new AgentRandom(1).start(1, 2020, 2).nextDouble());
        // the base is cached per (year, decision): another phase in between changes nothing
        r.keyOf(1, 2021, 2);
        r.keyOf(1, 2020, 3);
        assertEquals(0x6CE1184928A840F8L, r.keyOf(1, 2020, 2));
    }

    /**
     * Neighbours in each key element draw unrelated numbers: for 100,000 keys, the first draws of
     * (a, t, d) and of the neighbour in one element (a+1, t+1 or d+1) have a correlation below
     * 4/√n, each of the 64 bits of the first draw is set in half of the draws (|z| < 5), and the
     * first draws of consecutive agents are uniform over 50 bins (chi-square below the 0.1%
     * critical value).
     */
    @Test
    void neighbouringAgentsYearsAndDecisionsDrawUnrelatedNumbers() {
        AgentRandom r = new AgentRandom(20261206L);
        AgentRandom q = new AgentRandom(20261206L);
        int n = 100_000;
        double[] x = new double[n];
        double[] agentNext = new double[n];
        double[] yearNext = new double[n];
        double[] decisionNext = new double[n];
        long[] bits = new long[64];
        long[] count = new long[50];
        for (int k = 0; k < n; k++) {
            int id = 1_000_000 + k;
            int year = 2000 + k % 50;
            int decision = k % 7;
            long v = r.start(id, year, decision).nextLong();
            x[k] = (v >>> 11) * 0x1.0p-53;
            for (int b = 0; b < 64; b++) {
                bits[b] += (v >>> b) & 1;
            }
            count[(int) (x[k] * count.length)]++;
            agentNext[k] = q.start(id + 1, year, decision).nextDouble();
            yearNext[k] = q.start(id, year + 1, decision).nextDouble();
            decisionNext[k] = q.start(id, year, decision + 1).nextDouble();
        }
        for (double[] y : new double[][]{agentNext, yearNext, decisionNext}) {
            double c = correlation(x, y);
            assertTrue(Math.abs(c) < 4 / Math.sqrt(n), "correlation " + c);
        }
        for (int b = 0; b < 64; b++) {
            double z = (bits[b] - n / 2.0) / Math.sqrt(n / 4.0);
            assertTrue(Math.abs(z) < 5, "bit " + b + " z " + z);
        }
        double chi2 = chiSquare(count, n);
        assertTrue(chi2 < 85.4, "chi-square " + chi2 + " (49 degrees of freedom, 0.1% critical value 85.4)");
    }

    private static double chiSquare(long[] count, int n) {
        double expected = (double) n / count.length;
        double chi2 = 0;
        for (long c : count) {
            chi2 += (c - expected) * (c - expected) / expected;
        }
        return chi2;
    }

    private static double correlation(double[] x, double[] y) {
        int n = x.length;
        double sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
        for (int k = 0; k < n; k++) {
            sx += x[k];
            sy += y[k];
            sxy += x[k] * y[k];
            sxx += x[k] * x[k];
            syy += y[k] * y[k];
        }
        return (sxy / n - sx / n * sy / n) / Math.sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
    }

    @Test
    void drawsAreAFunctionOfTheKeyAndPosition() {
        AgentRandom a = new AgentRandom(7);
        AgentRandom b = new AgentRandom(7);
        double[] first = {a.start(12345, 2020, 2).nextDouble(), a.nextDouble(), a.nextDouble()};
        // other agents' draws in between do not shift them
        b.start(999, 2020, 2).nextDouble();
        b.start(12345, 2021, 2).nextDouble();
        double[] again = {b.start(12345, 2020, 2).nextDouble(), b.nextDouble(), b.nextDouble()};
        assertEquals(first[0], again[0]);
        assertEquals(first[1], again[1]);
        assertEquals(first[2], again[2]);
        assertNotEquals(first[0], first[1]);
        // each key element changes the numbers
        assertNotEquals(first[0], a.start(12346, 2020, 2).nextDouble());
        assertNotEquals(first[0], a.start(12345, 2021, 2).nextDouble());
        assertNotEquals(first[0], a.start(12345, 2020, 3).nextDouble());
        assertNotEquals(first[0], new AgentRandom(8).start(12345, 2020, 2).nextDouble());
    }

    @Test
    void firstDrawsOfConsecutiveAgentsAreUniformAndUncorrelated() {
        // consecutive ids of one cohort, one draw each: chi-square over 20 bins and the lag-1
        // correlation of the first and second draw, for 200,000 agents
        AgentRandom r = new AgentRandom(20240917L);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        long[] count = new long[20];
        for (int k = 0; k < n; k++) {
            r.start(Population.entrantId(2020, 3, false, k), 2025, KoshSim.PHASE_LOCATION);
            x[k] = r.nextDouble();
            y[k] = r.nextDouble();
            assertTrue(x[k] >= 0 && x[k] < 1);
            count[(int) (x[k] * count.length)]++;
        }
        double chi2 = chiSquare(count, n);
        assertTrue(chi2 < 43.8, "chi-square " + chi2 + " (19 degrees of freedom, 0.1% critical value 43.8)");
        double corr = correlation(x, y);
        assertTrue(Math.abs(corr) < 4 / Math.sqrt(n), "correlation " + corr);
    }

    @Test
    void entrantIdsAreUniqueAndBounded() {
        Set<Integer> ids = new HashSet<>();
        for (int year : new int[]{1990, 2025, 2155}) {
            for (int region = 0; region < 32; region += 7) {
                for (boolean college : new boolean[]{false, true}) {
                    for (int k : new int[]{0, 1, 262_143}) {
                        assertTrue(ids.add(Population.entrantId(year, region, college, k)));
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Population.entrantId(2025, 0, false, 262_144));
        assertThrows(IllegalArgumentException.class, () -> Population.entrantId(2025, 32, false, 0));
        assertThrows(IllegalArgumentException.class, () -> Population.entrantId(1899, 0, false, 0));
    }

    private static final String RUN = TestRuns.run(2015, 2020, 6);

    @Test
    void aTimelineEntryThatChangesNothingChangesNoOutput() throws IOException {
        ScenarioLoader.Loaded base = TestRuns.variant(tmp, "base", RUN, 11L, 0.03);
        // the baseline's own relocation subsidy, set again from 2017
        ScenarioLoader.Loaded same = TestRuns.variant(tmp, "same", RUN + "timeline:\n  - fromYear: 2017\n    policy:\n"
                + "      relocation:\n        subsidyKzt: " + (long) base.scenario().policy().get(kz.kosh.policy.Relocation.class).subsidyKzt() + "\n", 11L, 0.03);
        HeadlessRun.Result a = HeadlessRun.run(base, tmp.resolve("a"), false, 2);
        HeadlessRun.Result b = HeadlessRun.run(same, tmp.resolve("b"), false, 1);
        for (String f : new String[]{"flows.csv", "stocks.csv", "indicators.csv"}) {
            assertEquals(-1, Files.mismatch(a.directory().resolve(f), b.directory().resolve(f)), f);
        }
    }

    @Test
    void aPolicyForGraduatesLeavesTheStudentsProgrammesAlone() {
        // tripling the relocation subsidy changes graduates' moves in Kazakhstan; who wins a
        // Bolashak award or goes on academic mobility (students' draws) must not change at all,
        // although other graduates draw more or fewer numbers than in the baseline
        ScenarioLoader.Loaded base = TestRuns.variant(tmp, "base", RUN, 11L, 0.03);
        ScenarioLoader.Loaded tripled = TestRuns.variant(tmp, "tripled", RUN + "timeline:\n  - fromYear: 2016\n    policy:\n"
                + "      relocation:\n        subsidyKzt: "
                + (long) (3 * base.scenario().policy().get(kz.kosh.policy.Relocation.class).subsidyKzt()) + "\n", 11L, 0.03);
        HeadlessRun.Result a = HeadlessRun.run(base, tmp.resolve("a"), false, 2);
        HeadlessRun.Result b = HeadlessRun.run(tripled, tmp.resolve("b"), false, 2);
        List<TestRuns.Flow> internalA = select(a.directory(), "internal", null);
        List<TestRuns.Flow> internalB = select(b.directory(), "internal", null);
        assertNotEquals(internalA, internalB, "the policy should change internal moves");
        for (String funding : new String[]{"bolashak", "academic-mobility"}) {
            List<TestRuns.Flow> fa = select(a.directory(), "study", funding);
            assertTrue(!fa.isEmpty(), funding);
            assertEquals(fa, select(b.directory(), "study", funding), funding + " study flows");
        }
    }

    private static List<TestRuns.Flow> select(Path dir, String kind, String funding) {
        return TestRuns.flows(dir).stream()
                .filter(f -> f.kind().equals(kind) && (funding == null || f.funding().equals(funding)))
                .collect(Collectors.toList());
    }
}
