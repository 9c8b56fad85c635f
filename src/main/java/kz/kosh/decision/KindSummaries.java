package kz.kosh.decision;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Per agent kind, {@link #FLOATS} floats: N_D, N_A, u_c and N_W, copies of the header of its row of
 * {@link LocationTables} (the nest sums and the current place's weight) in an array of their own, 16
 * bytes a kind instead of a row of 168, and NaN in u_c's slot while the kind's row is not computed for
 * the tables' current diaspora stocks. What an agent whose bonuses are all at its current place needs
 * (about 40% of the deciders, kz.kosh.sim.NestSums#of): 1 MB for all kinds, of which a year reads the
 * kinds that have agents, against 10 MB of rows read at random.
 *
 * <p>A row is computed by whichever thread first needs it; its summary is published by a release
 * write of u_c after the other three, and read with an acquire of u_c ({@link #of}).
 */
public final class KindSummaries {
    /** Floats per kind: N_D, N_A, u_c and N_W (a kind never straddles a cache line). */
    private static final int FLOATS = 4;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(float[].class);
    private final float[] summary;

    KindSummaries(int kinds) {
        summary = new float[kinds * FLOATS];
        clear();
    }

    /** Bytes of the summaries of {@code kinds} kinds. */
    static long bytes(long kinds) {
        return kinds * FLOATS * Float.BYTES;
    }

    /** Voids every summary (NaN) until its kind's row is computed again. */
    void clear() {
        Arrays.fill(summary, Float.NaN);
    }

    /** Publishes the summary of a kind whose row was just computed (u_c last, with release). */
    void set(int kind, float domesticNest, float abroadNest, float stayWeight, float willingnessNest) {
        int k = kind * FLOATS;
        summary[k] = domesticNest;
        summary[k + 1] = abroadNest;
        summary[k + 3] = willingnessNest;
        SLOT.setRelease(summary, k + 2, stayWeight);
    }

    /**
     * Where the summary of a kind is, or −1 when its row is not computed for the current diaspora
     * stocks (then {@link LocationTables#row} computes it). Read with {@link #stayWeight},
     * {@link #domesticNest}, {@link #abroadNest}, {@link #willingnessNest}.
     */
    public int of(int kind) {
        int k = kind * FLOATS;
        return Float.isNaN((float) SLOT.getAcquire(summary, k + 2)) ? -1 : k;
    }

    /** u_c of a summary ({@link #of}): {@link LocationTables#stayWeight} of its kind's row. */
    public double stayWeight(int k) {
        return summary[k + 2];
    }

    /** N_D of a summary ({@link #of}): {@link LocationTables#domesticNest} of its kind's row. */
    public double domesticNest(int k) {
        return summary[k];
    }

    /** N_A of a summary ({@link #of}): {@link LocationTables#abroadNest} of its kind's row. */
    public double abroadNest(int k) {
        return summary[k + 1];
    }

    /** S_W^λ_A of a summary ({@link #of}): {@link LocationTables#willingnessNest} of its kind's row. */
    public double willingnessNest(int k) {
        return summary[k + 3];
    }
}
