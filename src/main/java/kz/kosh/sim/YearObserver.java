package kz.kosh.sim;

/** Observes each recorded year after all phases ran (recorders, GUI charts). Must not change the model. */
public interface YearObserver {
    /**
     * @param sim      the simulation (read only)
     * @param year     the calendar year just simulated
     * @param counters what happened during the year
     * @param stocks   where agents are at the end of the year
     * @param previous where agents were at the end of the previous year
     */
    void observe(KoshSim sim, int year, YearCounters counters, Stocks stocks, Stocks previous);
}
