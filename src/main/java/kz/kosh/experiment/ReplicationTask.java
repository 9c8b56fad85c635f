package kz.kosh.experiment;

/**
 * One replication of one scenario: an independent unit of work that returns the replication's
 * indicators. Local runs execute it on a thread pool; a distributed engine could run the same
 * task elsewhere and ship the {@link IndicatorTable} back.
 */
public interface ReplicationTask {
    /** Index of the scenario in the experiment. */
    int scenarioIndex();

    /** Replication number r (0-based); the seed is base + r. */
    int replication();

    /** Runs the replication. */
    IndicatorTable run();
}
