package kz.kosh.policy;

/**
 * A year's counts as the programmes see them (one per worker thread, summed in any order to the
 * same totals): their own counters, the values they derive from the merged counts at the year's
 * end ({@link PolicyModule#closeYear}), and the breaches and repayments of the statuses they own.
 */
public interface Counts {

    /** Adds n to a counter. */
    void add(Counter counter, long n);

    /** A counter's value this year. */
    long get(Counter counter);

    /**
     * Sets a value derived from the year's merged counts ({@link PolicyModule#closeYear}: e.g. the
     * subsidised relocations of capped places, fractional agents); read back with {@link #value}.
     */
    void set(Counter counter, double value);

    /** A derived value this year (0 until {@link #set} at the year's end). */
    double value(Counter counter);

    /** Breaches this year of obligations of a status type. */
    long breaches(int status);

    /** Repayments recovered this year from breaches of obligations of a status type, KZT per agent (not scaled). */
    long repaymentsKzt(int status);
}
