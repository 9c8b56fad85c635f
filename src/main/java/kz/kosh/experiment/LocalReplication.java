package kz.kosh.experiment;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;

/**
 * A replication run in this JVM on one thread (experiments parallelise across replications);
 * with {@code agentPaymentsFromYear} its per-agent payment ledger (payments from that year on)
 * is attached to the table.
 */
public record LocalReplication(int scenarioIndex, int replication, ScenarioLoader.Loaded loaded, long seed,
                               Integer agentPaymentsFromYear) implements ReplicationTask {
    public LocalReplication(int scenarioIndex, int replication, ScenarioLoader.Loaded loaded, long seed) {
        this(scenarioIndex, replication, loaded, seed, null);
    }

    @Override
    public IndicatorTable run() {
        ScenarioLoader.Loaded l = loaded.withRun(seed, loaded.scenario().run().scale());
        KoshSim sim = new KoshSim(l.scenario(), 1);
        IndicatorTable table = new IndicatorTable();
        sim.addObserver(table);
        if (agentPaymentsFromYear != null) {
            table.attach(sim.recordAgentPayments(agentPaymentsFromYear));
        }
        try {
            HeadlessRun.runYears(sim, false);
        } finally {
            sim.finish();
        }
        return table;
    }
}
