package kz.kosh.policy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A count a programme keeps per year (payments made, KZT paid, ...), summed over the worker
 * threads and cleared each year by the simulation without knowing it. Each counter gets its
 * index when it is created (at start-up: a programme's counters are constants of its class).
 *
 * @param name  the counter's name, for messages ({@code returnSupport.payments})
 * @param index its slot in {@link Counts}
 */
public record Counter(String name, int index) {
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A new counter with the next free index. */
    public static Counter of(String name) {
        return new Counter(name, NEXT.getAndIncrement());
    }

    /** Counters created so far (the slots a year's counts need). */
    public static int count() {
        return NEXT.get();
    }
}
