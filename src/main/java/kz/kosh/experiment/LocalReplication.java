package kz.kosh.experiment;

import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;

/** A replication run in this JVM on one thread (experiments parallelise across replications). */
public record LocalReplication(int scenarioIndex, int replication, ScenarioLoader.Loaded loaded, long seed)
        implements ReplicationTask {
    @Override
    public IndicatorTable run() {
        ScenarioLoader.Loaded l = loaded.withRun(seed, loaded.scenario().run().scale());
        KoshSim sim = new KoshSim(l.scenario(), 1);
        IndicatorTable table = new IndicatorTable();
        sim.addObserver(table);
        try {
            HeadlessRun.runYears(sim, false);
        } finally {
            sim.finish();
        }
        return table;
    }
}
