package kz.kosh.sim;

/**
 * Per-thread scratch of one block of agents ({@link BlockRunner#BLOCK}): the indices of the agents a
 * phase acts on, their kinds and their random keys, computed in a loop of their own before the
 * agents' decisions ({@link AgentRandom#keyOf}): the three dependent hash finalisers of one agent's
 * key then overlap with those of the next instead of delaying its first decision. Not shared
 * between threads; a phase may use it only within one block task.
 */
final class BlockScratch {
    final int[] index = new int[BlockRunner.BLOCK];
    final int[] kind = new int[BlockRunner.BLOCK];
    final long[] key = new long[BlockRunner.BLOCK];

    private static final ThreadLocal<BlockScratch> OF_THREAD = ThreadLocal.withInitial(BlockScratch::new);

    /** The calling thread's scratch. */
    static BlockScratch get() {
        return OF_THREAD.get();
    }
}
