package kz.kosh.example;

import kz.kosh.output.HeadlessRun;
import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plug-in contract for a programme with per-agent state (issue 17): {@link ReturnerBonus},
 * defined only in this package, declares a field of its own, marks graduates with a foreign degree
 * in its graduation hook and pays each once on the first return in its move hook, without a main
 * file naming it. A surprise payment drawing no random numbers: the flows are those of the run
 * without it.
 */
class ReturnerBonusTest {
    private static final String RUN = TestRuns.run(2015, 2020, 6);
    private static final String ON = "policy:\n  returnerBonus: {enabled: true, bonusKzt: 5000000}\n";

    @TempDir
    Path tmp;

    private HeadlessRun.Result run(String name, String body) {
        return HeadlessRun.run(TestRuns.variant(tmp, name, RUN + body, 7L, 0.03), tmp.resolve("out-" + name), false, 2);
    }

    @Test
    void aGraduationHookAndAPerAgentFieldPayEachForeignGraduateOnceOnReturn() throws Exception {
        try (AutoCloseable ignored = ReturnerBonus.PROGRAMME.register()) {
            HeadlessRun.Result off = run("bonus-off", "");
            HeadlessRun.Result on = run("bonus-on", ON);
            assertFalse(off.national().values().iterator().next().containsKey("returner_bonus_payments"),
                    "off by default: the indicator is not written");
            double paid = 0;
            for (Map<String, Double> y : on.national().values()) {
                paid += y.get("returner_bonus_payments");
            }
            // every payment is a return from abroad to Kazakhstan (first jobs at home after a foreign degree included)
            double returns = TestRuns.sum(TestRuns.flows(on.directory()),
                    f -> f.origin().length() == 2 && !f.origin().equals("KZ") && f.destination().startsWith("KZ")
                            && !f.kind().equals("study"));
            assertTrue(paid > 0, "bonuses paid: " + paid);
            assertTrue(paid <= returns, "paid " + paid + " <= returns from abroad " + returns);
            double kzt = 0;
            for (Map<String, Double> y : on.national().values()) {
                kzt += y.get("returner_bonus_payments_kzt");
            }
            assertEquals(5_000_000 * paid, kzt, 1e-6 * kzt);
            // not in the tables and no random numbers drawn: the agents do what they did without it
            assertArrayEquals(Files.readAllBytes(off.directory().resolve("flows.csv")),
                    Files.readAllBytes(on.directory().resolve("flows.csv")));
        }
    }
}
