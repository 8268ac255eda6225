package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcTableTest {

    @Test
    void behavesLikeAMapThroughGrowth() {
        var table = new SsrcTable<String>(10_000);
        var reference = new HashMap<Integer, String>();
        var random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            int ssrc = i % 3 == 0 ? i : random.nextInt();
            String value = table.getOrCreate(ssrc, Integer::toHexString);
            reference.putIfAbsent(ssrc, value);
            assertSame(reference.get(ssrc), value);
        }
        reference.forEach((ssrc, value) -> assertSame(value, table.get(ssrc)));
        assertEquals(reference.size(), table.size());
        int absent = 1;
        while (reference.containsKey(absent)) {
            absent += 3;
        }
        assertNull(table.get(absent));
    }

    @Test
    void zeroAndNegativeSsrcsAreOrdinaryKeys() {
        var table = new SsrcTable<String>(10);
        assertNull(table.get(0));
        assertEquals("0", table.getOrCreate(0, Integer::toString));
        assertEquals("-1", table.getOrCreate(-1, Integer::toString));
        assertEquals("0", table.get(0));
        assertEquals("-1", table.get(-1));
    }

    @Test
    void refusesNewEntriesAtTheLimit() {
        var table = new SsrcTable<String>(3);
        for (int i = 0; i < 3; i++) {
            table.getOrCreate(i, Integer::toString);
        }
        assertTrue(table.full());
        assertNull(table.getOrCreate(99, Integer::toString));
        assertEquals("2", table.getOrCreate(2, Integer::toString), "existing entries are still found");
        assertEquals(3, table.size());
    }
}
