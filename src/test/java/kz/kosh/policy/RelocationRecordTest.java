package kz.kosh.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relocation record of an agent ({@link Relocation#ORIGIN}, {@link Relocation#record}): set by
 * a qualifying move, turned into "went back" once by a move back to the region relocated from.
 */
class RelocationRecordTest {

    @Test
    void aQualifyingMoveRecordsTheRegionLeftAndAMoveBackCountsOnce() {
        // never relocated, a move that does not qualify: nothing recorded
        assertEquals(0, Relocation.record(0, 3, 4, false));
        // relocated from place 5 to 9: record 5 + 1
        assertEquals(6, Relocation.record(0, 5, 9, true));
        // moving on from 9 to 7 keeps the record; back from 7 (or 9) to 5: went back, −6
        assertEquals(6, Relocation.record(6, 9, 7, false));
        assertEquals(-6, Relocation.record(6, 7, 5, false));
        // having gone back, a further move to 5 is not counted again
        assertEquals(-6, Relocation.record(-6, 8, 5, false));
        // relocating again replaces the record
        assertEquals(6, Relocation.record(-6, 5, 9, true));
        assertEquals(3, Relocation.record(6, 2, 9, true));
    }
}
