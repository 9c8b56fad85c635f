package kz.kosh.decision;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the fast tables against the logit of the utilities computed directly: the
 * consideration probability, and the distributions of drawIntention and drawFeasible estimated
 * by sweeping u over a fine grid u = (k + 0.5)/N.
 */
class LocationTablesTest {
    private static final int N = 200_000;
    private static final double TOL = 1e-4;

    @TempDir
    static Path dir;

    private static World world;
    private static LocationUtility utility;
    private static LocationTables tables;
    private static double[] diaspora;
    private static int almaty;
    private static int astana;
    private static int russia;
    private static int us;

    @BeforeAll
    static void build() throws IOException {
        // the reference scenario (considerationConstant -2.5, considerationGainWeight 0.8) with the US
        // closed to work migration (its workAccess 0.27 -> 0)
        Path f = dir.resolve("us-closed.yaml");
        Files.writeString(f, "extends: " + TestScenarios.referencePath() + "\n"
                + "destinations:\n  US: {workAccess: 0}\n");
        Scenario s = ScenarioLoader.load(f).scenario();
        world = new World(s);
        almaty = world.indexOf("KZ-75");
        astana = world.indexOf("KZ-71");
        russia = world.indexOf("RU");
        us = world.indexOf("US");
        assertEquals(0.0, world.workAccess(us), 0.0);
        utility = new LocationUtility(world, s);
        diaspora = new double[world.placeCount()];
        for (int j = 0; j < diaspora.length; j++) {
            diaspora[j] = world.initialDiasporaThousands(j);
        }
        tables = LocationTables.build(world, utility, s.decision(), diaspora);
    }

    /** V_j + b_j for all places of one kind, computed directly from LocationUtility. */
    private static double[] utilities(int band, double h, int c, int o, boolean e, double[] bonus) {
        double[] v = new double[world.placeCount()];
        for (int j = 0; j < v.length; j++) {
            v[j] = utility.utility(band, h, c, j, o, e, diaspora) + bonus[j];
        }
        return v;
    }

    private static double[] sweep(java.util.function.DoubleToIntFunction draw) {
        double[] freq = new double[world.placeCount()];
        for (int k = 0; k < N; k++) {
            int j = draw.applyAsInt((k + 0.5) / N);
            assertTrue(j >= 0, "no place drawn");
            freq[j] += 1.0 / N;
        }
        return freq;
    }

    private static void assertDistribution(double[] expected, double[] freq, String what) {
        double sum = 0;
        for (int j = 0; j < expected.length; j++) {
            assertEquals(expected[j], freq[j], TOL, what + " place " + world.id(j));
            if (expected[j] == 0) {
                assertEquals(0.0, freq[j], 0.0, what + ": zero-probability place " + world.id(j) + " drawn");
            }
            sum += expected[j];
        }
        assertEquals(1.0, sum, 1e-12);
    }

    /** Band 1, h = 1, in Almaty, no obligation, not eligible; bonuses at Astana, Russia, US and Almaty. */
    private static final int BAND = 1;
    private static final double H = 1.0;

    private static int kindAt(int current) {
        return AgentKind.index(BAND, AgentKind.humanCapitalBin(H), current, AgentKind.OBLIGATION_NONE, false,
                world.placeCount());
    }

    private static double[] bonusArray() {
        double[] b = new double[world.placeCount()];
        b[astana] = 1.0;        // e.g. home region
        b[russia] = 1.0 + 0.5;  // two bonuses at the same place add (factors multiply)
        b[us] = 3.0;            // exposure to the US, so that it has a visible probability
        b[almaty] = 2.0;        // partner in the current place
        return b;
    }

    private static LocationTables.Bonuses bonuses() {
        LocationTables.Bonuses b = new LocationTables.Bonuses();
        b.add(astana, Math.exp(1.0));
        b.add(russia, Math.exp(1.0));
        b.add(russia, Math.exp(0.5));
        b.add(us, Math.exp(3.0));
        b.add(almaty, Math.exp(2.0));
        return b;
    }

    @Test
    void kindIndexingMatchesHumanCapitalBin() {
        assertEquals(AgentKind.H_ZERO, AgentKind.humanCapitalBin(1.0)); // ln 1 = 0 -> bin H_ZERO
        assertEquals(1.0, AgentKind.humanCapitalOfBin(AgentKind.H_ZERO), 0.0);
    }

    @Test
    void considerProbabilityMatchesLogSumGain() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, bonusArray());
        double[] away = v.clone();
        away[c] = Double.NEGATIVE_INFINITY;
        // G = ln sum_{j != c} exp(V_j + b_j) - (V_c + b_c); p = logistic(-2.5 + 0.8 G + boost)
        double gain = Logit.logSum(away) - v[c];
        double boost = 0.5;
        double expected = Logit.logistic(-2.5 + 0.8 * gain + boost);
        // the tables hold weights as float (relative error ~6e-8), hence 1e-6
        assertEquals(expected, tables.considerProbability(kindAt(c), c, bonuses(), boost), 1e-6);

        // without bonuses
        double[] v0 = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, new double[world.placeCount()]);
        double[] away0 = v0.clone();
        away0[c] = Double.NEGATIVE_INFINITY;
        double expected0 = Logit.logistic(-2.5 + 0.8 * (Logit.logSum(away0) - v0[c]));
        assertEquals(expected0, tables.considerProbability(kindAt(c), c, new LocationTables.Bonuses(), 0.0), 1e-6);
        // the probabilities differ: the bonuses (2.0 at the current place) enter
        assertTrue(Math.abs(expected - expected0) > 1e-3, expected + " vs " + expected0);
    }

    @Test
    void considerProbabilityForOtherKinds() {
        // band 3, h bin 20, in Russia with a Bolashak PhD obligation, eligible: no bonuses
        int c = russia;
        double h = AgentKind.humanCapitalOfBin(20);
        int kind = AgentKind.index(3, 20, c, AgentKind.OBLIGATION_BOLASHAK_PHD, true, world.placeCount());
        double[] v = utilities(3, h, c, AgentKind.OBLIGATION_BOLASHAK_PHD, true, new double[world.placeCount()]);
        double[] away = v.clone();
        away[c] = Double.NEGATIVE_INFINITY;
        double expected = Logit.logistic(-2.5 + 0.8 * (Logit.logSum(away) - v[c]));
        assertEquals(expected, tables.considerProbability(kind, c, new LocationTables.Bonuses(), 0.0), 1e-6);
    }

    @Test
    void intentionDrawMatchesLogit() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, bonusArray());
        v[c] = Double.NEGATIVE_INFINITY; // the current place is excluded
        double[] p = Logit.probabilities(v);
        LocationTables.Bonuses b = bonuses();
        int kind = kindAt(c);
        double[] freq = sweep(u -> tables.drawIntention(kind, c, b, u));
        assertDistribution(p, freq, "intention");
        // the intention ignores visas: the closed US is intended
        assertTrue(p[us] > 1e-3, "US probability " + p[us]);
        assertTrue(freq[us] > 0);
    }

    @Test
    void feasibleDrawMatchesLogitWithAccess() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, bonusArray());
        // P(j) proportional to a_j exp(V_j + b_j), a_c = 1: add ln a_j (ln 0 = -inf)
        for (int j = 0; j < v.length; j++) {
            double a = j == c ? 1.0 : world.workAccess(j);
            v[j] = a == 0 ? Double.NEGATIVE_INFINITY : v[j] + Math.log(a);
        }
        double[] p = Logit.probabilities(v);
        assertEquals(0.0, p[us], 0.0);
        LocationTables.Bonuses b = bonuses();
        int kind = kindAt(c);
        double[] freq = sweep(u -> tables.drawFeasible(kind, -1, b, u));
        assertDistribution(p, freq, "feasible");
        assertEquals(0.0, freq[us], 0.0, "US has work access 0 and must never be drawn");

        // excluding the refused intended place (say Russia) as well
        double[] vx = v.clone();
        vx[russia] = Double.NEGATIVE_INFINITY;
        double[] px = Logit.probabilities(vx);
        double[] freqx = sweep(u -> tables.drawFeasible(kind, russia, b, u));
        assertDistribution(px, freqx, "feasible excluding RU");
        assertEquals(0.0, freqx[russia], 0.0);
        assertEquals(0.0, freqx[us], 0.0);
    }

    @Test
    void feasibleDrawKeepsStayingPossibleInAClosedPlace() {
        // an agent already in the US (work access 0) may still stay: a_c = 1
        int c = us;
        int kind = kindAt(c);
        double[] v = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, new double[world.placeCount()]);
        for (int j = 0; j < v.length; j++) {
            double a = j == c ? 1.0 : world.workAccess(j);
            v[j] = a == 0 ? Double.NEGATIVE_INFINITY : v[j] + Math.log(a);
        }
        double[] p = Logit.probabilities(v);
        assertTrue(p[us] > 0.01, "staying probability " + p[us]);
        double[] freq = sweep(u -> tables.drawFeasible(kind, -1, new LocationTables.Bonuses(), u));
        assertDistribution(p, freq, "feasible from US");
    }

    @Test
    void weightRatiosAreExpUtilityDifferences() {
        // weight(kind, j, b) / weight(kind, k, b) = exp(V_j + b_j - V_k - b_k)
        int c = almaty;
        int kind = kindAt(c);
        double[] v = utilities(BAND, H, c, AgentKind.OBLIGATION_NONE, false, bonusArray());
        LocationTables.Bonuses b = bonuses();
        double ratio = tables.weight(kind, russia, b) / tables.weight(kind, astana, b);
        assertEquals(Math.exp(v[russia] - v[astana]), ratio, 1e-6 * ratio); // float weights
        // total weight = sum of the weights
        double total = 0;
        for (int j = 0; j < world.placeCount(); j++) {
            total += tables.weight(kind, j, b);
        }
        assertEquals(total, tables.totalWeight(kind, b), 1e-6 * total); // float row sum
    }
}
