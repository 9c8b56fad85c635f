package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mechanisms that made two formerly dead switches act: state-funded academic mobility goes
 * where the state grants go (Europe, Asia, North America; none to the CIS), and a timed change of
 * a destination's diaspora shifts the current stock by the difference.
 */
class SwitchMechanismsTest {
    private static final long SEED = 11;
    private static final double SCALE = 0.05;
    private static final Set<String> NO_STATE_GRANTS = Set.of("RU", "KG", "UZ", "ROW");

    @TempDir
    Path tmp;

    private HeadlessRun.Result run(String name, String body) {
        ScenarioLoader.Loaded l = TestRuns.variant(tmp, name, TestRuns.run(2015, 2018, 4) + body, SEED, SCALE);
        return HeadlessRun.run(l, tmp.resolve("out-" + name), false, 2);
    }

    private static double mobilityTo(List<TestRuns.Flow> flows, Set<String> places) {
        return TestRuns.sum(flows, f -> f.kind().equals("study") && f.funding().equals("academic-mobility")
                && places.contains(f.destination()));
    }

    @Test
    void stateFundedMobilityGoesWhereTheGrantsGo() {
        String mobility = "policy:\n  academicMobility: {participationRatePerStudentYear: 0.05, stateFundedShare: %s}\n";
        List<TestRuns.Flow> allState = TestRuns.flows(run("all-state", String.format(mobility, "1.0")).directory());
        List<TestRuns.Flow> noState = TestRuns.flows(run("no-state", String.format(mobility, "0.0")).directory());
        double total = mobilityTo(allState, Set.of("RU", "KG", "UZ", "ROW", "TR", "GB", "DE", "PL", "CZ", "EU", "US", "CA", "KR", "CN"));
        assertTrue(total > 500, "too few mobility participants to compare: " + total);
        assertEquals(0.0, mobilityTo(allState, NO_STATE_GRANTS), 0.0, "state grants go to Europe, Asia and North America only");
        double cisShare = mobilityTo(noState, NO_STATE_GRANTS) / mobilityTo(noState,
                Set.of("RU", "KG", "UZ", "ROW", "TR", "GB", "DE", "PL", "CZ", "EU", "US", "CA", "KR", "CN"));
        assertTrue(cisShare > 0.25, "self-funded participants follow the 2024 participants (CIS and rest of world about a third): " + cisShare);
        double europe = mobilityTo(allState, Set.of("TR", "GB", "DE", "PL", "CZ", "EU")) / total;
        assertTrue(europe > 0.8 && europe < 0.95, "500 of 570 state grants go to Europe incl. Turkey: " + europe);
    }

    @Test
    void timedDiasporaChangeShiftsTheCurrentStock() {
        HeadlessRun.Result base = run("diaspora-base", "");
        HeadlessRun.Result shifted = run("diaspora-shift", "timeline:\n  - fromYear: 2017\n"
                + "    destinations: {DE: {diasporaThousands: "
                + (ScenarioLoader.load(TestRuns.BASELINE).scenario().destinations().get("DE").diasporaThousands() + 500) + "}}\n");
        // the stock at the end of 2016 is the stock on 1 January 2017, when the entry takes effect
        double before = shifted.byPlace().get(2015).get("diaspora_thousands@DE") - base.byPlace().get(2015).get("diaspora_thousands@DE");
        assertEquals(0.0, before, 0.0, "no change before the entry's year");
        double after = shifted.byPlace().get(2016).get("diaspora_thousands@DE") - base.byPlace().get(2016).get("diaspora_thousands@DE");
        assertTrue(after > 490 && after < 510, "the stock moves by the difference, 500 thousand (plus the moves it draws): " + after);
    }
}
