package kz.kosh.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a phase over the population in fixed blocks of agents on a pool of threads. Each block
 * gets its own random stream (from the seed, year, phase and block index) and each thread its
 * own {@link YearCounters}, so the outcome is the same for any number of threads.
 */
public final class BlockRunner implements AutoCloseable {
    /** Agents per block; fixed so that the streams do not depend on the thread count. */
    public static final int BLOCK = 16_384;

    /** The work of one block. */
    @FunctionalInterface
    public interface BlockTask {
        void run(int from, int to, SplittableRandom random, YearCounters counters);
    }

    private final int threads;
    private final ExecutorService pool;
    private final YearCounters[] counters;

    public BlockRunner(int threads, int regions, int places) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "kosh-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        counters = new YearCounters[this.threads];
        for (int i = 0; i < this.threads; i++) {
            counters[i] = new YearCounters(regions, places);
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} over agents [0, size) in blocks. */
    public void run(RandomStreams streams, int year, int phase, int size, BlockTask task) {
        run(streams, year, phase, 0, size, task);
    }

    /**
     * Runs {@code task} over agents [first, size) in the blocks of {@link #run(RandomStreams, int, int, int, BlockTask)}
     * (block b covers [b·BLOCK, (b+1)·BLOCK) with stream b; the first block is cut at {@code first}),
     * so a phase that skips a prefix of agents it does not act on gives every other agent the same block.
     */
    public void run(RandomStreams streams, int year, int phase, int first, int size, BlockTask task) {
        int blocks = (size + BLOCK - 1) / BLOCK;
        int firstBlock = first >= size ? blocks : Math.max(0, first) / BLOCK;
        if (pool == null || blocks - firstBlock <= 1) {
            for (int b = firstBlock; b < blocks; b++) {
                task.run(Math.max(first, b * BLOCK), Math.min(size, (b + 1) * BLOCK), streams.stream(year, phase, b), counters[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger(firstBlock);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            YearCounters c = counters[w];
            futures.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    task.run(Math.max(first, b * BLOCK), Math.min(size, (b + 1) * BLOCK), streams.stream(year, phase, b), c);
                }
            }));
        }
        await(futures);
    }

    /** Work on task t with the counters of the thread that runs it. */
    @FunctionalInterface
    public interface CountedTask {
        void run(int task, YearCounters counters);
    }

    /**
     * Runs {@code body} for 0 .. tasks−1 on the pool, each with its thread's counters (as the blocks
     * of {@link #run} have); tasks must be independent.
     */
    public void parallelFor(int tasks, CountedTask body) {
        if (pool == null) {
            for (int i = 0; i < tasks; i++) {
                body.run(i, counters[0]);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            YearCounters c = counters[w];
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    body.run(i, c);
                }
            }));
        }
        await(futures);
    }

    /** Runs {@code body} for 0 .. tasks−1 on the pool; tasks must be independent. */
    public void parallelFor(int tasks, java.util.function.IntConsumer body) {
        parallelFor(tasks, (task, counters) -> body.accept(task));
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a simulation worker failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Gives every thread's counters the run's per-agent payment ledger (null: none). */
    void payments(AgentPayments ledger) {
        for (YearCounters c : counters) {
            c.payments = ledger;
        }
    }

    /** Counters of the first thread, used by sequential phases. */
    YearCounters sequentialCounters() {
        return counters[0];
    }

    /**
     * Applies the year's net moves (arrivals − departures, in agents) of the foreign places to
     * the diaspora stocks: D_j ← max(0, D_j + net_j / scale / 1000), in thousands of persons.
     */
    void collectMovesInto(double[] diasporaThousands, double scale, int regions) {
        for (int j = regions; j < diasporaThousands.length; j++) {
            long net = 0;
            for (YearCounters c : counters) {
                net += c.arrivals[j] - c.departures[j];
            }
            diasporaThousands[j] = Math.max(0.0, diasporaThousands[j] + net / scale / 1000.0);
        }
    }

    /** The sum over all threads' counters of one array of counts (not cleared). */
    long[] sum(java.util.function.Function<YearCounters, long[]> field, int length) {
        long[] out = new long[length];
        for (YearCounters c : counters) {
            long[] a = field.apply(c);
            for (int i = 0; i < length; i++) {
                out[i] += a[i];
            }
        }
        return out;
    }

    /** Sums all threads' counters into {@code into} and clears them. */
    void collect(YearCounters into) {
        into.collect(counters);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
