package kz.kosh.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run over [first, size) gives every agent from {@code first} on the block, and so the random
 * stream, of the run over [0, size), on any number of threads (the study phase skips the graduates
 * in front this way).
 */
class BlockRunnerTest {
    /** Per agent index: the first number of its block's stream, for agents visited in [first, size). */
    private static Map<Integer, Long> visit(int threads, int first, int size) {
        Map<Integer, Long> seen = new TreeMap<>();
        try (BlockRunner runner = new BlockRunner(threads, 2, 3)) {
            runner.run(new RandomStreams(7), 2020, 1, first, size, (from, to, random, c) -> {
                long x = random.nextLong();
                synchronized (seen) {
                    for (int i = from; i < to; i++) {
                        seen.put(i, x);
                    }
                }
            });
        }
        return seen;
    }

    @Test
    void skippingAPrefixKeepsEveryOtherAgentsBlock() {
        int size = 5 * BlockRunner.BLOCK + 123;
        Map<Integer, Long> all = visit(1, 0, size);
        assertEquals(size, all.size());
        for (int first : new int[] {0, 1, BlockRunner.BLOCK - 1, BlockRunner.BLOCK, 3 * BlockRunner.BLOCK + 7, size - 1, size, size + 5}) {
            for (int threads : new int[] {1, 2, 3}) {
                Map<Integer, Long> part = visit(threads, first, size);
                assertEquals(Math.max(0, size - first), part.size(), "first " + first);
                for (Map.Entry<Integer, Long> e : part.entrySet()) {
                    assertEquals(all.get(e.getKey()), e.getValue(), "agent " + e.getKey() + ", first " + first);
                }
            }
        }
    }
}
