package kz.kosh.policy;

/** A year's programme counts (one per worker thread, summed in any order to the same totals). */
public interface Counts {

    /** Adds n to a counter. */
    void add(Counter counter, long n);

    /** A counter's value this year. */
    long get(Counter counter);
}
