package kz.kosh.example;

import kz.kosh.indicator.Indicator;
import kz.kosh.indicator.IndicatorRegistry;
import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ParameterTable;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plug-in contract (issue 17): a programme defined only in this package ({@link ArrivalGrant}),
 * registered by the test, loads from YAML with its own defaults and checks, shows in the parameter
 * table ({@code kosh params}), acts on the choice tables and the agents, and writes its own
 * indicator, without a main file naming it. Unregistered, its section is an unknown field again.
 */
class ArrivalGrantTest {
    private static final String RUN = TestRuns.run(2015, 2019, 6);
    private static final String ON = "policy:\n  arrivalGrant: {enabled: true, grantKzt: 40000000, regions: [KZ-61, KZ-63]}\n";

    @TempDir
    Path tmp;

    private HeadlessRun.Result run(String name, String body) {
        return HeadlessRun.run(TestRuns.variant(tmp, name, RUN + body, 5L, 0.03), tmp.resolve("out-" + name), false, 2);
    }

    private static double sum(HeadlessRun.Result r, String indicator) {
        double s = 0;
        for (Map<String, Double> y : r.national().values()) {
            s += y.getOrDefault(indicator, 0.0);
        }
        return s;
    }

    /** Graduates' moves (first jobs, internal moves, returns) into the target regions over the recorded years. */
    private static double arrivals(HeadlessRun.Result r) {
        double n = 0;
        for (TestRuns.Flow f : TestRuns.flows(r.directory())) {
            if ((f.destination().equals("KZ-61") || f.destination().equals("KZ-63")) && !f.origin().equals(f.destination())
                    && !f.kind().equals("study")) {
                n += f.count();
            }
        }
        return n;
    }

    @Test
    void aProgrammeTheMainCodeNeverNamedLoadsActsAndWritesItsIndicator() throws Exception {
        try (AutoCloseable ignored = ArrivalGrant.PROGRAMME.register()) {
            String params = ParameterTable.markdown();
            assertTrue(params.contains("policy.arrivalGrant.grantKzt"), "the parameter table lists the programme");
            assertTrue(params.contains("KZT per arriving graduate"), "with the unit of its definition");
            assertEquals(Indicator.KZT, IndicatorRegistry.unit("arrival_grant_payments_kzt"), "its indicators are registered");

            // its own checks and bounds, reported with the field path
            ScenarioException bad = assertThrows(ScenarioException.class, () -> TestRuns.variant(tmp, "bad",
                    "policy:\n  arrivalGrant: {enabled: true, grantKzt: -1, regions: [XX-1]}\n", 5L, 0.03));
            assertTrue(bad.getMessage().contains("policy.arrivalGrant.grantKzt"), bad.getMessage());
            assertTrue(bad.getMessage().contains("policy.arrivalGrant.regions"), bad.getMessage());

            HeadlessRun.Result off = run("grant-off", "");
            HeadlessRun.Result on = run("grant-on", ON);
            // off by default: nothing paid, no indicator written
            assertFalse(off.national().values().iterator().next().containsKey("arrival_grant_payments"));
            double paid = sum(on, "arrival_grant_payments");
            assertTrue(paid > 0, "grants paid: " + paid);
            assertEquals(40_000_000 * paid, sum(on, "arrival_grant_payments_kzt"), 1e-6 * 40_000_000 * paid);
            // the grant in the tables draws graduates into the target regions
            assertTrue(arrivals(on) > arrivals(off), "arrivals with the grant " + arrivals(on) + " > without " + arrivals(off));
        }
        // unregistered, the section is refused like any unknown field and its indicators are gone
        assertEquals(null, IndicatorRegistry.find("arrival_grant_payments"));
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> TestRuns.variant(tmp, "gone", ON, 5L, 0.03));
        assertTrue(unknown.getMessage().contains("policy.arrivalGrant"), unknown.getMessage());
    }
}
