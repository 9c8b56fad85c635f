package kz.kosh.sim;

import kz.kosh.experiment.IndicatorTable;
import kz.kosh.indicator.CoreIndicators;
import kz.kosh.output.Indicators;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-agent payment ledger: units priced with the costs in force, years before the policy
 * period left out, exact totals by hand; in a run, the ledger's total equals the spending
 * indicators summed over the recorded years, it survives the replication file, and recording it
 * changes no indicator.
 */
class AgentPaymentsTest {
    @TempDir
    Path tmp;

    @Test
    void pricesUnitsAndCountsOnlyThePolicyPeriod() {
        Scenario p = TestRuns.variant(tmp, "prices", "policy: {stateGrant: {costKztPerYear: 1000}, "
                + "academicMobility: {costKztPerParticipant: 500}}\nstudy: {bachelorYears: 4}\n", 1, 0.01).scenario();
        AgentPayments ledger = new AgentPayments(2026);
        // 2025: before the period, dropped
        ledger.pay(7, AgentPayments.PROGRAMME_KZT, 12_500_000);
        ledger.closeYear(2025, new YearCounters(1, 1));
        // 2026: agent 7 a state grant (1,000 x 4) and a mobility semester (500); agent 9 two qualifying
        // relocations at 3,000 each (S / Q) and a return subsidy of 1,200; agent 11 a village payment of 800
        ledger.payAtYearEnd(7, kz.kosh.policy.StateGrant.GRANT_KZT);
        ledger.pay(7, AgentPayments.PROGRAMME_KZT, 500);
        ledger.payAtYearEnd(9, kz.kosh.policy.Relocation.KZT_PER_QUALIFYING_MOVE);
        ledger.payAtYearEnd(9, kz.kosh.policy.Relocation.KZT_PER_QUALIFYING_MOVE);
        ledger.pay(9, AgentPayments.PROGRAMME_KZT, 1_200);
        ledger.pay(11, AgentPayments.PROGRAMME_KZT, 800);
        YearCounters year = new YearCounters(1, 1);
        year.set(kz.kosh.policy.Relocation.KZT_PER_QUALIFYING_MOVE, 3_000);
        // the grant's price of the year: costKztPerYear x bachelorYears = 1,000 x 4
        p.policy().get(kz.kosh.policy.StateGrant.class).closeYear(year, p, 0.01);
        assertEquals(4_000.0, year.value(kz.kosh.policy.StateGrant.GRANT_KZT));
        ledger.closeYear(2026, year);
        // 2027: agent 7 a Bolashak award of 22,500,000
        ledger.pay(7, AgentPayments.PROGRAMME_KZT, 22_500_000);
        ledger.closeYear(2027, new YearCounters(1, 1));
        ledger.leftAbroad(9);
        Map<Integer, Double> paid = ledger.paidKzt();
        assertEquals(Map.of(7, 4_000.0 + 500 + 22_500_000, 9, 7_200.0, 11, 800.0), paid);
        assertEquals(22_504_500.0 + 7_200 + 800, ledger.totalKzt());
        assertEquals(Set.of(9), ledger.abroad());
    }

    @Test
    void theLedgerAddsUpToTheSpendingIndicatorsAndChangesNothing(@TempDir Path dir) throws java.io.IOException {
        // the village programme doubled and a return grant on, so that every kind of payment occurs
        ScenarioLoader.Loaded l = TestRuns.variant(dir, "ledger", TestRuns.run(2024, 2028, 4) + "timeline:\n"
                + "  - fromYear: 2025\n    policy:\n      ruralIncentive: {lumpSumKzt: 786400}\n"
                + "      returnSupport: {enabled: true, researcherReturnGrantKzt: 10000000, citizenReturnSubsidyKzt: 500000}\n"
                + "      relocation: {subsidyKzt: 3000000}\n", 3, 0.02);
        IndicatorTable with = run(l, true);
        IndicatorTable without = run(l, false);
        assertNull(without.agents());
        // recording the ledger changes no indicator
        for (int y = 0; y < with.years().size(); y++) {
            for (String k : with.keys()) {
                assertEquals(with.value(y, k), without.value(y, k), k + " in " + with.years().get(y));
            }
        }
        double spending = 0;
        for (int y = 0; y < with.years().size(); y++) {
            for (String programme : Indicators.SPENDING_PROGRAMMES) {
                spending += with.value(y, CoreIndicators.SPENDING_KZT.of(programme) + "|KZ");
            }
        }
        AgentPayments ledger = with.agents();
        assertTrue(spending > 0);
        // persons = agents / scale
        assertEquals(spending, ledger.totalKzt() / 0.02, 1e-6 * spending);
        assertTrue(!ledger.abroad().isEmpty());
        // the ledger survives the replication file and its checksum
        Path f = dir.resolve("runs/rep-000000.csv.gz");
        with.write(f);
        IndicatorTable back = IndicatorTable.readVerified(f);
        assertEquals(ledger.paidKzt(), back.agents().paidKzt());
        assertEquals(ledger.abroad(), back.agents().abroad());
        assertEquals(2024, back.agents().fromYear());
        assertTrue(IndicatorTable.intact(f));
        // a changed ledger is a damaged replication (recomputed on resume)
        java.nio.file.Files.writeString(IndicatorTable.agentsFile(f), "agent,paid_kzt_from_2024,abroad_at_end\n");
        assertTrue(!IndicatorTable.intact(f));
        org.junit.jupiter.api.Assertions.assertThrows(IndicatorTable.DamagedFileException.class, () -> IndicatorTable.readVerified(f));
    }

    private static IndicatorTable run(ScenarioLoader.Loaded l, boolean ledger) {
        return new kz.kosh.experiment.LocalReplication(0, 0, l, l.scenario().run().seed(), ledger ? l.scenario().run().startYear() : null).run();
    }

    @Test
    void atTheEndOnlyTheAgentsLivingAbroadCountAsAbroad() {
        Scenario p = TestRuns.variant(tmp, "end", "description: ledger end\n", 1, 0.01).scenario();
        kz.kosh.world.World w = new kz.kosh.world.World(p);
        kz.kosh.population.Population pop = new kz.kosh.population.Population();
        int almaty = w.indexOf("KZ-75");
        int atHome = pop.addStudent(almaty, almaty, almaty, 25, false, kz.kosh.population.Population.MASTER,
                kz.kosh.population.Population.SELF_PAID, 0, kz.kosh.scenario.Statuses.NONE);
        int inGermany = pop.addStudent(almaty, almaty, w.indexOf("DE"), 25, true, kz.kosh.population.Population.MASTER,
                kz.kosh.population.Population.SELF_PAID, 0, kz.kosh.scenario.Statuses.NONE);
        int inAstana = pop.addStudent(almaty, almaty, w.indexOf("KZ-71"), 25, true, kz.kosh.population.Population.MASTER,
                kz.kosh.population.Population.SELF_PAID, 0, kz.kosh.scenario.Statuses.NONE);
        pop.setId(atHome, 11);
        pop.setId(inGermany, 12);
        pop.setId(inAstana, 13);
        AgentPayments ledger = new AgentPayments(2026);
        ledger.leftAbroad(1000);
        ledger.atEnd(pop, w);
        // Germany at the end, and the one who left the model while abroad
        assertEquals(Set.of(12, 1000), ledger.abroad());
    }
}
