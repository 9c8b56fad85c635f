package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nested logit: hand-computed reference values of {@link NestedLogit}, and the fast tables
 * checked against it on the reference world: the consideration probability, the probability of
 * staying, and the distributions of the move and second-choice draws, estimated by sweeping u
 * over a fine grid u = (k + 0.5)/N.
 */
class LocationTablesTest {
    private static final int N = 200_000;
    private static final double TOL = 1e-4;

    @TempDir
    static Path dir;

    private static World world;
    private static DecisionParams d;
    private static LocationUtility utility;
    private static LocationTables tables;
    private static double[] diaspora;
    private static int almaty;
    private static int astana;
    private static int russia;
    private static int us;
    private static int germany;

    /** Built before each test: PIT links no test to code run in a @BeforeAll (see LocationUtilityTest). */
    @BeforeEach
    void build() throws IOException {
        // the reference scenario (considerationConstant -2.5, considerationGainWeight 0.8, λ_D 0.8,
        // λ_A 0.5) with the US closed to work migration (its workAccess 0.27 -> 0)
        Scenario s = referenceWith("us-closed.yaml", "destinations:\n  US: {workAccess: 0}\n");
        d = s.decision();
        assertEquals(0.8, d.domesticNestScale());
        assertEquals(0.5, d.abroadNestScale());
        world = new World(s);
        almaty = world.indexOf("KZ-75");
        astana = world.indexOf("KZ-71");
        russia = world.indexOf("RU");
        us = world.indexOf("US");
        germany = world.indexOf("DE");
        assertEquals(0.0, world.workAccess(us), 0.0);
        utility = new LocationUtility(world, s);
        diaspora = new double[world.placeCount()];
        for (int j = 0; j < diaspora.length; j++) {
            diaspora[j] = world.initialDiasporaThousands(j);
        }
        tables = LocationTables.build(world, utility, d, diaspora);
    }

    /** The reference scenario with {@code yaml} added (written to {@code name} in the temporary folder). */
    private static Scenario referenceWith(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "extends: " + TestScenarios.referencePath() + "\n" + yaml);
        return ScenarioLoader.load(f).scenario();
    }

    // ---- NestedLogit: hand-computed values ----

    /**
     * Four places: stay c (V = 0), one region (V = 0), two foreign places (V = 0 each), λ_D = 1,
     * λ_A = 0.5. N_D = 1, N_A = (1 + 1)^0.5 = √2, total 2 + √2: P(c) = P(region) = 1/(2 + √2)
     * = 0.2928932, P(each foreign) = √2 / (2(2 + √2)) = 0.2071068.
     */
    @Test
    void nestedLogitHandComputed() {
        double[] v = {0, 0, 0, 0};
        int[] nest = {NestedLogit.STAY, NestedLogit.DOMESTIC, NestedLogit.ABROAD, NestedLogit.ABROAD};
        double[] p = NestedLogit.probabilities(v, nest, 1.0, 0.5, true);
        assertEquals(0.2928932, p[0], 1e-7);
        assertEquals(0.2928932, p[1], 1e-7);
        assertEquals(0.2071068, p[2], 1e-7);
        assertEquals(0.2071068, p[3], 1e-7);
        // multinomial logit when λ = 1: each 1/4
        double[] q = NestedLogit.probabilities(v, nest, 1.0, 1.0, true);
        for (double x : q) {
            assertEquals(0.25, x, 1e-12);
        }
    }

    /**
     * Second choice after the first foreign place is refused, among moves: P(first) = (√2/(1+√2))/2
     * = 0.2928932; without it N_A = 1, so P'(region) = P'(other foreign) = 1/2, while
     * P(region) = 1/(1 + √2) = 0.4142136 and P(other foreign) = 0.2928932. Second choice:
     * region (0.5 − 0.4142136)/0.2928932 = 0.2928932, other foreign (0.5 − 0.2928932)/0.2928932
     * = 0.7071068 = 1/√2. The multinomial logit would give 1/2 each (IIA): nesting redirects.
     */
    @Test
    void secondChoiceHandComputed() {
        double[] v = {0, 0, 0, 0};
        int[] nest = {NestedLogit.STAY, NestedLogit.DOMESTIC, NestedLogit.ABROAD, NestedLogit.ABROAD};
        double[] p = NestedLogit.secondChoice(v, nest, 1.0, 0.5, 2);
        assertEquals(0.0, p[0], 1e-12);
        assertEquals(0.2928932, p[1], 1e-7);
        assertEquals(0.0, p[2], 1e-12);
        assertEquals(0.7071068, p[3], 1e-7);
        double[] mnl = NestedLogit.secondChoice(v, nest, 1.0, 1.0, 2);
        assertEquals(0.5, mnl[1], 1e-12);
        assertEquals(0.5, mnl[3], 1e-12);
    }

    // ---- the tables against NestedLogit ----

    private static final int BAND = 1;
    private static final double H = 1.0;

    private static int kindAt(int current) {
        return AgentKind.index(BAND, AgentKind.humanCapitalBin(H), current, kz.kosh.scenario.Statuses.NONE, false,
                world.placeCount());
    }

    /** V_j + b_j for all places, closed destinations (other than c) removed. */
    private static double[] utilities(int band, double h, int c, int o, boolean e, double[] bonus) {
        double[] v = new double[world.placeCount()];
        for (int j = 0; j < v.length; j++) {
            v[j] = utility.utility(band, h, c, j, o, e, diaspora) + bonus[j];
            if (j != c && world.isAbroad(j) && world.workAccess(j) == 0) {
                v[j] = Double.NEGATIVE_INFINITY;
            }
        }
        return v;
    }

    private static int[] nests(int c) {
        int[] nest = new int[world.placeCount()];
        for (int j = 0; j < nest.length; j++) {
            nest[j] = j == c ? NestedLogit.STAY : world.isAbroad(j) ? NestedLogit.ABROAD : NestedLogit.DOMESTIC;
        }
        return nest;
    }

    private static double[] bonusArray() {
        double[] b = new double[world.placeCount()];
        b[astana] = 1.0;        // e.g. home region
        b[russia] = 1.0 + 0.5;  // two bonuses at the same place add (factors multiply)
        b[us] = 3.0;            // exposure to the closed US: no effect on moves
        b[germany] = 0.7;
        b[almaty] = 2.0;        // partner in the current place
        return b;
    }

    private static Bonuses bonuses(int kind, int current) {
        return bonuses(kind, current, 1.0);
    }

    /** As {@link #bonuses(int, int)}, with a bonus ln(foreignFactor) common to every foreign place. */
    private static Bonuses bonuses(int kind, int current, double foreignFactor) {
        Bonuses b = new Bonuses();
        b.addToEveryForeignPlace(foreignFactor);
        b.add(astana, Bonuses.Factor.of(1.0, d));
        b.add(russia, Bonuses.Factor.of(1.0, d));
        b.add(russia, Bonuses.Factor.of(0.5, d));
        b.add(us, Bonuses.Factor.of(3.0, d));
        b.add(germany, Bonuses.Factor.of(0.7, d));
        b.add(almaty, Bonuses.Factor.of(2.0, d));
        tables.prepare(kind, current, b);
        return b;
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
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void considerProbabilityMatchesNestedLogSumGain() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
        // G = ln(N_D + N_A) − V_c with N_m = (Σ_{k∈m} exp(V_k/λ_m))^λ_m; p = logistic(−2.5 + 0.8 G + boost)
        double gain = Math.log(nestValue(v, c, false) + nestValue(v, c, true)) - v[c];
        double boost = 0.5;
        double expected = Logit.logistic(-2.5 + 0.8 * gain + boost);
        // the tables hold weights as float (relative error ~6e-8), hence 1e-6
        assertEquals(expected, tables.considerProbability(bonuses(kindAt(c), c), boost), 1e-6);

        double[] v0 = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, new double[world.placeCount()]);
        double gain0 = Math.log(nestValue(v0, c, false) + nestValue(v0, c, true)) - v0[c];
        Bonuses none = new Bonuses();
        tables.prepare(kindAt(c), c, none);
        assertEquals(Logit.logistic(-2.5 + 0.8 * gain0), tables.considerProbability(none, 0.0), 1e-6);
        assertTrue(Math.abs(expected - Logit.logistic(-2.5 + 0.8 * gain0)) > 1e-3);
    }

    /**
     * {@link LocationTables#considers} is exactly u &lt; {@link LocationTables#considerProbability},
     * also for u at and next to the probability (where its division-free test must hand over to the
     * probability), with κ1 = 1 (the test without divisions) and κ1 = 0.8 (the reference: always the
     * probability), with and without the exchange boost, at home and abroad.
     */
    @Test
    void considersIsExactlyTheComparisonWithTheProbability() throws IOException {
        Scenario s = referenceWith("gain-weight-1.yaml", "decision:\n  considerationGainWeight: 1.0\n");
        assertEquals(1.0, s.decision().considerationGainWeight());
        LocationTables linear = LocationTables.build(world, new LocationUtility(world, s), s.decision(), diaspora);
        int checked = 0;
        for (LocationTables t : new LocationTables[]{linear, tables}) {
            for (int c : new int[]{almaty, russia}) {
                for (double boost : new double[]{0.0, 0.5}) {
                    Bonuses b = new Bonuses();
                    b.add(astana, Bonuses.Factor.of(1.0, d));
                    b.add(russia, Bonuses.Factor.of(0.5, d));
                    t.prepare(kindAt(c), c, b);
                    double p = t.considerProbability(b, boost);
                    assertTrue(p > 0 && p < 1, "a probability strictly inside (0, 1): " + p);
                    double[] near = {p, Math.nextUp(p), Math.nextDown(p), p + 1e-12, p - 1e-12, p + 1e-9, p - 1e-9,
                            p + 1e-6, p - 1e-6, 0.0, Math.nextDown(1.0)};
                    for (double u : near) {
                        assertEquals(u < p, t.considers(b, boost, u), "u = " + u + ", p = " + p);
                        checked++;
                    }
                    for (int k = 0; k < 10_000; k++) {
                        double u = (k + 0.5) / 10_000;
                        assertEquals(u < p, t.considers(b, boost, u), "u = " + u + ", p = " + p);
                        checked++;
                    }
                }
            }
        }
        assertEquals(2 * 2 * 2 * 10_011, checked);
    }

    /** N_m = (Σ_{k ∈ m, k ≠ c} exp(V_k/λ_m))^λ_m, computed directly. */
    private static double nestValue(double[] v, int c, boolean foreign) {
        double lambda = foreign ? d.abroadNestScale() : d.domesticNestScale();
        double s = 0;
        for (int j = 0; j < v.length; j++) {
            if (j != c && world.isAbroad(j) == foreign) {
                s += Math.exp(v[j] / lambda);
            }
        }
        return Math.pow(s, lambda);
    }

    @Test
    void stayProbabilityMatchesNestedLogit() {
        for (int c : new int[]{almaty, russia}) {
            double[] v = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
            double[] p = NestedLogit.probabilities(v, nests(c), d.domesticNestScale(), d.abroadNestScale(), true);
            assertEquals(p[c], tables.stayProbability(bonuses(kindAt(c), c)), 1e-6, "stay at " + world.id(c));
        }
    }

    @Test
    void moveDrawMatchesNestedLogit() {
        for (int c : new int[]{almaty, russia}) {
            double[] v = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
            double[] p = NestedLogit.probabilities(v, nests(c), d.domesticNestScale(), d.abroadNestScale(), false);
            Bonuses b = bonuses(kindAt(c), c);
            double[] freq = sweep(u -> tables.drawMove(b, u));
            assertDistribution(p, freq, "move from " + world.id(c));
            assertEquals(0.0, freq[us], 0.0, "the US is closed to work migration and must never be drawn");
            assertEquals(0.0, freq[c], 0.0);
        }
    }

    @Test
    void secondChoiceMatchesRandomUtilityIdentity() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
        double[] p = NestedLogit.secondChoice(v, nests(c), d.domesticNestScale(), d.abroadNestScale(), germany);
        Bonuses b = bonuses(kindAt(c), c);
        double[] freq = sweep(u -> tables.drawSecondChoice(b, germany, u));
        assertDistribution(p, freq, "second choice after DE");
        assertEquals(0.0, freq[germany], 0.0);
        // nesting keeps a refused emigrant abroad more often than the multinomial logit would
        double abroad = 0;
        double abroadMnl = 0;
        double[] mnl = NestedLogit.secondChoice(v, nests(c), 1.0, 1.0, germany);
        for (int j = world.regionCount(); j < v.length; j++) {
            abroad += p[j];
            abroadMnl += mnl[j];
        }
        assertTrue(abroad > abroadMnl + 0.05, abroad + " vs " + abroadMnl);
    }

    /**
     * A bonus a common to every foreign place (the family-emigration term: {@link Bonuses#addToEveryForeignPlace}
     * with exp(a)) is the nested logit with a added to each foreign utility: stay and move draws match
     * {@link NestedLogit} on V_j + a abroad (N_A grows by exp(a), the draw within the foreign nest is
     * unchanged), so the odds of the foreign nest against staying grow exactly by exp(a), and staying
     * falls monotonically as a grows. A clear() forgets it.
     */
    @Test
    void aBonusOnEveryForeignPlaceIsTheNestedLogitWithItAddedAbroad() {
        int c = almaty;
        double previousStay = 1.0;
        double[] v0 = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
        double[] p0 = NestedLogit.probabilities(v0, nests(c), d.domesticNestScale(), d.abroadNestScale(), true);
        double abroad0 = 0;
        for (int j = world.regionCount(); j < v0.length; j++) {
            abroad0 += p0[j];
        }
        for (double a : new double[] {-1.0, 0.0, 0.7, 1.5}) {
            double[] v = v0.clone();
            for (int j = world.regionCount(); j < v.length; j++) {
                v[j] += a;
            }
            double[] p = NestedLogit.probabilities(v, nests(c), d.domesticNestScale(), d.abroadNestScale(), true);
            Bonuses b = bonuses(kindAt(c), c, Math.exp(a));
            double stay = tables.stayProbability(b);
            assertEquals(p[c], stay, 1e-6, "stay at a = " + a);
            double abroad = 0;
            for (int j = world.regionCount(); j < v.length; j++) {
                abroad += p[j];
            }
            // odds of the foreign nest against the rest, by exp(a)
            assertEquals(Math.exp(a) * abroad0 / (1 - abroad0), abroad / (1 - abroad), 1e-9 + 1e-6 * Math.exp(a));
            assertTrue(stay < previousStay, "staying falls as the common foreign bonus grows");
            previousStay = stay;
            double[] pMove = NestedLogit.probabilities(v, nests(c), d.domesticNestScale(), d.abroadNestScale(), false);
            assertDistribution(pMove, sweep(u -> tables.drawMove(b, u)), "move with a = " + a);
        }
        Bonuses b = bonuses(kindAt(c), c, Math.exp(1.5));
        b.clear();
        tables.prepare(kindAt(c), c, b);
        Bonuses none = new Bonuses();
        tables.prepare(kindAt(c), c, none);
        assertEquals(tables.stayProbability(none), tables.stayProbability(b), 0.0);
    }

    @Test
    void willingnessLeavesOutTheObstacles() {
        int c = almaty;
        double[] v = utilities(BAND, H, c, kz.kosh.scenario.Statuses.NONE, false, bonusArray());
        // A = (Σ_{j abroad, open} exp((V_j + o_cj)/λ_A))^λ_A, stay = exp(V_c + o_cc)
        double s = 0;
        for (int j = world.regionCount(); j < v.length; j++) {
            s += Math.exp((v[j] + utility.obstacles(c, j)) / d.abroadNestScale());
        }
        double a = Math.pow(s, d.abroadNestScale());
        double stay = Math.exp(v[c] + utility.obstacles(c, c));
        assertEquals(a / (a + stay), tables.willingnessToEmigrate(bonuses(kindAt(c), c)), 1e-6);
    }

    /**
     * Tables that take over the row arrays of retired tables (a run's yearly rebuild) give exactly
     * the numbers of new tables, although the retired rows hold another world's values: every row
     * is computed before it is read.
     */
    @Test
    void tablesOverRetiredArraysMatchNewOnes() {
        World other = new World(ScenarioLoader.load(TestScenarios.referencePath()).scenario(), 2030);
        LocationTables retired = LocationTables.build(other, new LocationUtility(other,
                ScenarioLoader.load(TestScenarios.referencePath()).scenario()), d, diaspora);
        LocationTables reused = new LocationTables(world, utility, d, retired);
        reused.setDiaspora(diaspora);
        for (int c : new int[]{almaty, astana, russia, germany}) {
            for (int band = 0; band < DecisionParams.AGE_BANDS; band++) {
                int kind = AgentKind.index(band, AgentKind.H_ZERO, c, kz.kosh.scenario.Statuses.NONE, band % 2 == 0,
                        world.placeCount());
                Bonuses fresh = bonuses(kind, c);
                Bonuses b = bonuses(kind, c);
                reused.prepare(kind, c, b);
                assertEquals(fresh.stay, b.stay, 0.0);
                assertEquals(fresh.sD, b.sD, 0.0);
                assertEquals(fresh.sA, b.sA, 0.0);
                assertEquals(fresh.nD, b.nD, 0.0);
                assertEquals(fresh.nA, b.nA, 0.0);
                for (double u = 0.005; u < 1; u += 0.01) {
                    assertEquals(tables.drawMove(fresh, u), reused.drawMove(b, u), "kind " + kind + ", u " + u);
                }
            }
        }
    }

    @Test
    void kindIndexingMatchesHumanCapitalBin() {
        assertEquals(AgentKind.H_ZERO, AgentKind.humanCapitalBin(1.0)); // ln 1 = 0 -> bin H_ZERO
        assertEquals(1.0, AgentKind.humanCapitalOfBin(AgentKind.H_ZERO), 0.0);
    }

    @Test
    void bonusesAtOnePlaceMultiplyAndAClearForgetsThem() {
        Bonuses b = new Bonuses();
        Bonuses.Factor f = Bonuses.Factor.of(0.5, d);
        Bonuses.Factor g = Bonuses.Factor.of(-0.2, d);
        b.add(3, f);
        b.add(30, g);
        b.add(3, g);
        b.add(-1, f);                               // no place: nothing
        b.add(7, Bonuses.Factor.of(0.0, d)); // factor 1: nothing
        assertEquals(f.domestic * g.domestic, b.nestFactor(3, false), 0.0);
        assertEquals(f.abroad * g.abroad, b.nestFactor(3, true), 0.0);
        assertEquals(g.abroad, b.nestFactor(30, true), 0.0);
        assertEquals(1.0, b.nestFactor(7, false), 0.0);
        assertTrue(b.mayHave(3) && b.mayHave(30) && !b.mayHave(7) && !b.mayHave(4));
        b.clear();
        assertEquals(1.0, b.nestFactor(3, false), 0.0);
        assertTrue(!b.mayHave(3) && !b.mayHave(30));
        b.add(30, f);
        assertEquals(f.abroad, b.nestFactor(30, true), 0.0);
    }
}
