package kz.kosh.experiment;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;

/**
 * A replication run in this JVM on one thread (experiments parallelise across replications);
 * with {@code agentPayments} its per-agent payment ledger (from the first recorded year) is
 * attached to the table.
 */
public record LocalReplication(int scenarioIndex, int replication, ScenarioLoader.Loaded loaded, long seed,
                               boolean agentPayments) implements ReplicationTask {
    public LocalReplication(int scenarioIndex, int replication, ScenarioLoader.Loaded loaded, long seed) {
        this(scenarioIndex, replication, loaded, seed, false);
    }

    @Override
    public IndicatorTable run() {
        ScenarioLoader.Loaded l = loaded.withRun(seed, loaded.scenario().run().scale());
        KoshSim sim = new KoshSim(l.scenario(), 1);
        IndicatorTable table = new IndicatorTable();
        sim.addObserver(table);
        if (agentPayments) {
            table.attach(sim.recordAgentPayments(l.scenario().run().startYear()));
        }
        try {
            HeadlessRun.runYears(sim, false);
        } finally {
            sim.finish();
        }
        return table;
    }
}
