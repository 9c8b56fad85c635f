package kz.kosh.sim;

import java.util.random.RandomGenerator;

/**
 * Random numbers keyed by agent: a counter-based generator whose n-th draw for agent a in
 * year t and decision d is a pure function of (seed, a, t, d, n):
 * <pre>
 *   b(t, d) = H(H(H(seed) ⊕ t·γ) ⊕ (d+1)·c₃)       (the phase's base: once per (year, decision) and thread)
 *   k = H(b(t, d) ⊕ a·c₁)                             (the agent's key: one finaliser per agent and decision)
 *   x_n = H(k + n·γ)                                  (n = 1, 2, ...; SplitMix64's output function)
 *   u_n = ⌊x_n / 2¹¹⌋ · 2⁻⁵³                           (a uniform double in [0, 1))
 * </pre>
 * with H the SplitMix64 finaliser ({@link RandomStreams#mix}), γ = 0x9E3779B97F4A7C15,
 * c₁ = 0x165667B19E3779F9, c₃ = 0xC2B2AE3D27D4EB4F, products and sums modulo 2⁶⁴. H is a
 * bijection with full avalanche, so distinct (t, d) give unrelated bases, and under one base
 * distinct agents give distinct keys (a ↦ a·c₁ is injective, c₁ odd) whose bits are unrelated
 * to their neighbours'; the draws of one key are SplitMix64's stream from that key. Reference
 * (hand-computed): seed 1, agent 1, year 2020, decision 2: b = 0x728A8A4EAE3E481B,
 * k = 0x6CE1184928A840F8, x₁ = 0x7CBC30AE3EC9D488, u₁ = 0.48724655393633687.
 *
 * <p>Until December 2026 the key took three finalisers per agent (seed, agent, year and decision
 * mixed in turn); folding seed, year and decision into a base computed once per phase leaves one,
 * with the same guarantees (about a fifth of the CPU time of a run went to the keys).
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
    /** The base b(t, d) of {@link #baseYear} and {@link #baseDecision}, if {@link #based}. */
    private boolean based;
    private int baseYear;
    private int baseDecision;
    private long base;
    private long key;
    private long counter;

    public AgentRandom(long seed) {
        this.seedHash = RandomStreams.mix(seed);
    }

    /** Starts the draws of agent {@code agentId} for decision {@code decision} of {@code year}. */
    public AgentRandom start(int agentId, int year, int decision) {
        key = keyOf(agentId, year, decision);
        counter = 0;
        return this;
    }

    /** The key k of (agent, year, decision) under this generator's seed (the formula above). */
    long keyOf(int agentId, int year, int decision) {
        if (!based || year != baseYear || decision != baseDecision) {
            base = baseOf(year, decision);
            baseYear = year;
            baseDecision = decision;
            based = true;
        }
        return RandomStreams.mix(base ^ (agentId * 0x165667B19E3779F9L));
    }

    /** The base b(t, d) of a year and decision under this generator's seed (the formula above). */
    long baseOf(int year, int decision) {
        long h = RandomStreams.mix(seedHash ^ (year * GAMMA));
        return RandomStreams.mix(h ^ ((decision + 1) * 0xC2B2AE3D27D4EB4FL));
    }

    /** The draw after the previous one of the current key: H(k + n·γ). */
    @Override
    public long nextLong() {
        return RandomStreams.mix(key + (++counter) * GAMMA);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
