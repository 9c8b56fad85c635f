package kz.kosh.sim;

import java.util.random.RandomGenerator;

/**
 * Random numbers keyed by agent: a counter-based generator whose n-th draw for agent a in
 * year t and decision d is a pure function of (seed, a, t, d, n):
 * <pre>
 *   k = H(H(H(H(seed) ⊕ a·c₁) ⊕ t·c₂) ⊕ d·c₃)        (H the SplitMix64 finaliser, c the usual odd constants)
 *   x_n = H(k + n·γ),  γ = 0x9E3779B97F4A7C15         (n = 1, 2, ...; SplitMix64's output function)
 *   u_n = ⌊x_n / 2¹¹⌋ · 2⁻⁵³                           (a uniform double in [0, 1))
 * </pre>
 * An agent's draws therefore do not depend on what other agents draw, on the order in which
 * blocks of agents run, or on the number of threads: in a paired comparison, an agent whose state
 * a policy does not change draws the same numbers and makes the same choices in both scenarios
 * (common random numbers at the level of the agent).
 *
 * <p>One instance is reused for many agents on one thread ({@link #start}); not thread-safe.
 */
public final class AgentRandom implements RandomGenerator {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private final long seedHash;
    private int agentId;
    private int year;
    private int decision;
    /** Whether {@link #key} is that of the current (agent, year, decision); computed at the first draw. */
    private boolean keyed;
    private long key;
    private long counter;

    public AgentRandom(long seed) {
        this.seedHash = RandomStreams.mix(seed);
    }

    /** Starts the draws of agent {@code agentId} for decision {@code decision} of {@code year}. */
    public AgentRandom start(int agentId, int year, int decision) {
        key = keyOf(agentId, year, decision);
        keyed = true;
        counter = 0;
        return this;
    }

    /**
     * As {@link #start}, computing the key (three SplitMix finalisers) only at the first draw: for
     * a phase where most agents draw nothing (the update phase). The numbers are the same. Where
     * the agent draws at once, {@link #start} is faster: its key is computed while the agent's
     * other work goes on, not just before the draw.
     */
    public AgentRandom startLazily(int agentId, int year, int decision) {
        this.agentId = agentId;
        this.year = year;
        this.decision = decision;
        keyed = false;
        counter = 0;
        return this;
    }

    private void key() {
        key = keyOf(agentId, year, decision);
        keyed = true;
    }

    /** The key k of (agent, year, decision) under this generator's seed (the formula above). */
    long keyOf(int agentId, int year, int decision) {
        long h = RandomStreams.mix(seedHash ^ (agentId * 0x165667B19E3779F9L));
        h = RandomStreams.mix(h ^ (year * 0x9E3779B97F4A7C15L));
        return RandomStreams.mix(h ^ ((decision + 1) * 0xC2B2AE3D27D4EB4FL));
    }

    /** The draw after the previous one of the current key: H(k + n·γ). */
    @Override
    public long nextLong() {
        if (!keyed) {
            key();
        }
        return RandomStreams.mix(key + (++counter) * GAMMA);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
