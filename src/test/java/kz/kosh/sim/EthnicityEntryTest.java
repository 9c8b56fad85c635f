package kz.kosh.sim;

import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.Ethnicity;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entrants' ethnicity: drawn from the home region's composition, and with numbers of its own, so
 * that a change of one region's composition leaves every other draw of every entrant unchanged
 * (common random numbers at the level of the agent).
 */
class EthnicityEntryTest {
    @TempDir
    Path tmp;

    /** The population after the first year's entry (2015, no spin-up). */
    private static KoshSim firstYear(Scenario s) {
        KoshSim sim = new KoshSim(s, 1);
        sim.start();
        sim.schedule.step(sim);
        return sim;
    }

    @Test
    void entrantsFollowTheirRegionsComposition() {
        Scenario s = TestRuns.variant(tmp, "eth", TestRuns.run(2015, 2016, 0), 5, 0.05).scenario();
        KoshSim sim = firstYear(s);
        World w = sim.world();
        Population pop = sim.population();
        int regions = w.regionCount();
        long[][] count = new long[regions][Ethnicity.COUNT];
        long[] total = new long[regions];
        for (int i = 0; i < pop.size(); i++) {
            count[pop.home(i)][pop.ethnicity(i)]++;
            total[pop.home(i)]++;
        }
        long all = 0;
        double[] expected = new double[Ethnicity.COUNT];
        long[] observed = new long[Ethnicity.COUNT];
        for (int r = 0; r < regions; r++) {
            all += total[r];
            for (int e = 0; e < Ethnicity.COUNT; e++) {
                expected[e] += total[r] * w.ethnicShare(r, e);
                observed[e] += count[r][e];
                // each region: within 5 binomial standard errors of its share
                double p = w.ethnicShare(r, e);
                double se = Math.sqrt(Math.max(p * (1 - p), 1e-4) / Math.max(total[r], 1));
                assertTrue(Math.abs((double) count[r][e] / total[r] - p) < 5 * se + 1e-9,
                        w.id(r) + " " + Ethnicity.NAMES.get(e) + ": " + count[r][e] + " of " + total[r] + " against " + p);
            }
        }
        assertTrue(all > 5_000, "entrants " + all);
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double p = expected[e] / all;
            double se = Math.sqrt(p * (1 - p) / all);
            assertEquals(p, (double) observed[e] / all, 4 * se, Ethnicity.NAMES.get(e));
        }
        // Kostanay (41.28% Russians) and Atyrau (5.8%) differ as their compositions do
        int kostanay = w.indexOf("KZ-39");
        int atyrau = w.indexOf("KZ-23");
        assertTrue((double) count[kostanay][Ethnicity.RUSSIAN] / total[kostanay]
                > 4 * (double) count[atyrau][Ethnicity.RUSSIAN] / total[atyrau]);
        sim.finish();
    }

    @Test
    void anotherCompositionChangesNoOtherDraw() {
        // Russia's funded places bind within the year (StudyChoice#fundedShare): their chance is shared by the
        // entrants of every region, so Kostanay's composition moves every region's study choice (asserted
        // below). Without funded places the study choice of a region depends on its own composition only,
        // which is what this test checks: the same draws for every other agent.
        String noPlaces = "study: {stateFundedPlacesPerYear: {RU: 0}}\n";
        String kostanayRussian = "regions: {KZ-39: {kazakhSharePct: 20.0, russianSharePct: 70.0}}\n";
        Scenario base = TestRuns.variant(tmp, "base", TestRuns.run(2015, 2016, 0) + noPlaces, 5, 0.1).scenario();
        Scenario moreRussians = TestRuns.variant(tmp, "more", TestRuns.run(2015, 2016, 0) + noPlaces
                + kostanayRussian, 5, 0.1).scenario();
        Scenario withPlaces = TestRuns.variant(tmp, "base-places", TestRuns.run(2015, 2016, 0), 5, 0.1).scenario();
        Scenario withPlacesMore = TestRuns.variant(tmp, "more-places", TestRuns.run(2015, 2016, 0)
                + kostanayRussian, 5, 0.1).scenario();
        kz.kosh.world.World w1 = new kz.kosh.world.World(withPlaces, 2015);
        kz.kosh.world.World w2 = new kz.kosh.world.World(withPlacesMore, 2015);
        int ru = w1.indexOf("RU");
        double phi1 = new kz.kosh.decision.StudyChoice(w1, withPlaces).fundedShare(ru);
        double phi2 = new kz.kosh.decision.StudyChoice(w2, withPlacesMore).fundedShare(ru);
        assertTrue(phi2 < phi1, "more Russians in Kostanay apply to Russia: the chance of a funded place falls for all, "
                + phi1 + " -> " + phi2);
        KoshSim a = firstYear(base);
        KoshSim b = firstYear(moreRussians);
        Population pa = a.population();
        Population pb = b.population();
        assertEquals(pa.size(), pb.size(), "the same entrants");
        int kostanay = a.world().indexOf("KZ-39");
        Map<Integer, Integer> indexB = new HashMap<>();
        for (int i = 0; i < pb.size(); i++) {
            indexB.put(pb.id(i), i);
        }
        int kostanayAgents = 0;
        int changedEthnicity = 0;
        for (int i = 0; i < pa.size(); i++) {
            int j = indexB.get(pa.id(i));
            assertEquals(pa.home(i), pb.home(j));
            assertEquals(pa.has(i, Population.FEMALE), pb.has(j, Population.FEMALE), "sex of agent " + pa.id(i));
            assertEquals(pa.parents(i), pb.parents(j), "parents of agent " + pa.id(i));
            assertEquals(pa.homeAttachmentLevel(i), pb.homeAttachmentLevel(j), "attachment of agent " + pa.id(i));
            if (pa.home(i) != kostanay) {
                // other regions: the very same agents, ethnicity and study place included
                assertEquals(pa.ethnicity(i), pb.ethnicity(j), "ethnicity of agent " + pa.id(i));
                assertEquals(pa.degreePlace(i), pb.degreePlace(j), "study place of agent " + pa.id(i));
            } else {
                kostanayAgents++;
                if (pa.ethnicity(i) != pb.ethnicity(j)) {
                    changedEthnicity++;
                    // cumulative shares K/R/G 0.4027, 0.8155, 0.8469 -> 0.2, 0.9, 0.9314: an agent's uniform
                    // draw stays, so it can only move up to Russian (from Kazakh, German or other) or
                    // from other to German
                    assertTrue(pb.ethnicity(j) == Ethnicity.RUSSIAN
                            || pa.ethnicity(i) == Ethnicity.OTHER && pb.ethnicity(j) == Ethnicity.GERMAN,
                            pa.ethnicity(i) + " -> " + pb.ethnicity(j));
                }
            }
        }
        assertTrue(kostanayAgents > 400, "Kostanay entrants " + kostanayAgents);
        // the bands [0.2, 0.4027), [0.8155, 0.9314) of the uniform draw change: 31.86% of Kostanay's entrants
        double share = (double) changedEthnicity / kostanayAgents;
        assertEquals(0.3186, share, 5 * Math.sqrt(0.3186 * 0.6814 / kostanayAgents), "share changed " + share);
        a.finish();
        b.finish();
    }
}
