package kz.kosh.sim;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from the scenario seed only: one per (year, phase, block
 * of agents or region). A stream does not depend on which thread runs it, so results are the
 * same whatever the number of threads. The model draws the sizes of the entering cohorts from
 * them (one stream per region and year); agents draw from their own {@link AgentRandom}.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        if (seed == 0) {
            throw new IllegalArgumentException("seed 0 is not allowed (MASON rejects it); use a seed of at least 1");
        }
        this.seed = seed;
    }

    /** The stream of one block of one phase in one year. */
    public SplittableRandom stream(int year, int phase, int block) {
        long h = mix(seed);
        h = mix(h ^ (year * 0x9E3779B97F4A7C15L));
        h = mix(h ^ (phase * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ (block * 0x165667B19E3779F9L));
        return new SplittableRandom(h);
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
