package kz.kosh.experiment;

/** The worker threads of a command. */
public final class Threads {
    private Threads() {
    }

    /**
     * Worker threads of a command: the --threads value (checked before the command runs, see
     * kz.kosh.cli.Checks), else all cores. Results never depend on it.
     */
    public static int orCores(Integer threads) {
        return threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    }
}
