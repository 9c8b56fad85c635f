package kz.kosh.sim;

import kz.kosh.decision.BonusProbe;
import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.decision.LocationUtility;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.Ethnicity;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NestSums#of} (the location phase's nest sums without the list of bonuses) gives the
 * very same numbers, bit for bit, as the list ({@link Rules#bonuses} and
 * {@link LocationTables#prepareRow}), and the same willingness to emigrate as
 * {@link LocationTables#willingnessToEmigrate}: over many random agents whose places coincide in
 * every way (home, current place, parents, partner, familiar place and kin state), under
 * parameters where bonuses are exactly 0 (their factor 1 is skipped by the list), nests with
 * λ &lt; 1 (where a touched nest takes a power), a closed destination (weight 0), the family
 * emigration factor and the relocation subsidy that a move home is not paid (a third factor at home).
 */
class NestSumsTest {
    @TempDir
    Path dir;

    private static final String[] SCENARIOS = {
        "description: defaults\n",
        "decision: {domesticNestScale: 0.8, abroadNestScale: 0.5, homeRegionBonusSdAcrossAgents: 1.0, "
                + "placeAttachmentHalfLifeYears: 3, familyEmigrationElasticity: 0.5, homeReturnObstacleShare: 0.25, "
                + "internalHomeReturnObstacleShare: 0.4, abroadAttachmentHalfLifeYears: 4}\n"
                + "destinations: {DE: {workAccess: 0.0}}\n",
        // bonuses of exactly 0: their factors of 1 are skipped, and the place may first appear later
        "decision: {homeRegionBonus: 0.0, homeReturnObstacleShare: 0.0, internalHomeReturnObstacleShare: 0.0, "
                + "parentsRegionBonus: 0.0, partnerBonusMale: 0.0, russianNetworkBonus: 0.0, domesticNestScale: 0.7, "
                + "abroadNestScale: 0.6, placeAttachmentHalfLifeYears: 2}\n",
        "decision: {partnerBonusFemale: 0.0, germanNetworkBonus: 0.0, exposureBonus: 0.0, exposureObstacleShare: 0.0, "
                + "abroadAttachmentHalfLifeYears: 0.1, stayBonus: 0.0, abroadNestScale: 0.3}\n",
        // the relocation subsidy a move home is not paid: a third factor at home
        "decision: {oneTimeMoneyWeight: 1.5, domesticNestScale: 0.8, abroadNestScale: 0.7}\n"
                + "policy: {relocation: {enabled: true, subsidyKzt: 1000000, fromRegions: [KZ-61, KZ-75], toRegions: [KZ-39, KZ-71]}}\n",
    };

    @Test
    void theSumsWithoutTheListAreTheListsBitForBit() throws IOException {
        SplittableRandom rnd = new SplittableRandom(20261206);
        int compared = 0;
        int coincident = 0;
        int summaries = 0;
        for (int sc = 0; sc < SCENARIOS.length; sc++) {
            Path f = dir.resolve("s" + sc + ".yaml");
            Files.writeString(f, SCENARIOS[sc]);
            Scenario s = ScenarioLoader.load(f).scenario();
            World w = new World(s, 2019);
            Rules rules = new Rules(w, s);
            int places = w.placeCount();
            int regions = w.regionCount();
            double[] diaspora = new double[places];
            for (int j = 0; j < places; j++) {
                diaspora[j] = rnd.nextDouble() * 200;
            }
            LocationUtility u = new LocationUtility(w, s);
            rules.withholdHomeMoney(u);
            // complete tables, or (every other scenario) rows computed when first asked for, so that the
            // kinds' summaries are read both before their rows are computed (the row is read) and after
            LocationTables t;
            if (sc % 2 == 0) {
                t = LocationTables.build(w, u, s.decision(), diaspora);
            } else {
                t = new LocationTables(w, u, s.decision());
                t.setDiaspora(diaspora);
            }
            Population pop = new Population();
            Bonuses list = new Bonuses();
            Bonuses direct = new Bonuses();
            NestSums sums = new NestSums();
            for (int n = 0; n < 20_000; n++) {
                int home = rnd.nextInt(regions);
                int cur = rnd.nextInt(4) == 0 ? home : rnd.nextInt(places);
                int parents = pick(rnd, home, cur, rnd.nextInt(regions));
                int i = pop.addStudent(home, parents, cur, 20 + rnd.nextInt(45), rnd.nextBoolean(), rnd.nextInt(3),
                        Population.SELF_PAID, 0, kz.kosh.scenario.Statuses.NONE);
                pop.set(i, Population.STUDENT, false);
                int ethnicity = rnd.nextInt(Ethnicity.COUNT);
                int kin = w.kinState(ethnicity);
                pop.setEthnicity(i, ethnicity);
                pop.setHomeAttachmentLevel(i, rnd.nextInt(Population.HOME_ATTACHMENT_LEVELS));
                pop.setYearsAtPlace(i, rnd.nextInt(80));
                if (rnd.nextBoolean()) {
                    pop.set(i, Population.EVER_ABROAD, true);
                    pop.setYearsAbroad(i, rnd.nextInt(90));
                }
                if (rnd.nextInt(3) > 0) {
                    pop.setPartner(i, pick(rnd, home, cur, rnd.nextInt(4) == 0 && kin >= 0 ? kin : rnd.nextInt(places)));
                }
                if (rnd.nextBoolean()) {
                    int foreign = regions + rnd.nextInt(places - regions);
                    pop.setExposure(i, w.isAbroad(cur) && rnd.nextInt(3) == 0 ? cur
                            : kin >= 0 && rnd.nextInt(3) == 0 ? kin : foreign);
                }
                int[] at = {home, parents, pop.partner(i), pop.exposure(i), kin};
                if (java.util.Arrays.stream(at).filter(p -> p == cur).count() > 0 || at[1] == home || at[2] == home) {
                    coincident++;
                }
                int kind = rules.kind(pop, i);
                boolean willingness = !w.isAbroad(cur) && rnd.nextBoolean();
                double wDirect = sums.of(rules, pop, i, cur, t, kind, direct, willingness);
                rules.bonuses(pop, i, list);
                t.prepareRow(t.row(kind), cur, list);
                String what = "agent " + n + " of scenario " + sc;
                assertBits(BonusProbe.stay(list), BonusProbe.stay(direct), what + ": W_c");
                assertBits(BonusProbe.domesticNest(list), BonusProbe.domesticNest(direct), what + ": N_D");
                assertBits(BonusProbe.abroadNest(list), BonusProbe.abroadNest(direct), what + ": N_A");
                if (willingness) {
                    assertBits(t.willingnessToEmigrate(list), wDirect, what + ": willingness");
                } else {
                    assertTrue(Double.isNaN(wDirect));
                }
                compared++;
                if (!willingness && allAt(list, cur)) {
                    summaries++;
                }
            }
        }
        assertEquals(SCENARIOS.length * 20_000, compared);
        assertTrue(coincident > compared / 3, "places coincide often: " + coincident);
        assertTrue(summaries > 1_000, "agents whose sums come from their kind's summary: " + summaries);
    }

    /** Whether every bonus of the list is at the current place (then NestSums reads the kind's summary). */
    private static boolean allAt(Bonuses list, int cur) {
        for (int k = 0; k < BonusProbe.count(list); k++) {
            if (BonusProbe.place(list, k) != cur) {
                return false;
            }
        }
        return true;
    }

    /** One of the agent's other places half of the time (so that bonuses merge), else {@code other}. */
    private static int pick(SplittableRandom rnd, int home, int cur, int other) {
        int k = rnd.nextInt(4);
        return k == 0 ? home : k == 1 ? cur : other;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": list " + expected + ", without the list " + actual);
    }
}
