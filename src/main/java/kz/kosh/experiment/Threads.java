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

    /**
     * A fixed pool of at least one daemon thread named {@code name} (daemons: a pool left behind by
     * a failure never keeps the JVM alive); replications, validation runs and calibration points run on it.
     */
    public static java.util.concurrent.ExecutorService daemonPool(int threads, String name) {
        return java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the tasks on the pool and waits for all of them, in submission order; the first failure
     * is thrown as the {@link java.util.concurrent.ExecutionException} of its task (the caller says
     * what was running).
     */
    public static void runAll(java.util.concurrent.ExecutorService pool, java.util.List<? extends Runnable> tasks)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (Runnable t : tasks) {
            futures.add(pool.submit(t));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
    }
}
