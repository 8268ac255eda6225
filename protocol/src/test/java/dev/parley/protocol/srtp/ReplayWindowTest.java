package dev.parley.protocol.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void anEmptyWindowAcceptsAnything() {
        var window = new ReplayWindow(64);
        assertEquals(-1, window.highest());
        assertTrue(window.accepts(0));
        assertTrue(window.accepts(1L << 47));
    }

    @Test
    void recordedIndicesAreRefusedAndGapsAccepted() {
        var window = new ReplayWindow(64);
        window.record(100);
        window.record(102);
        assertFalse(window.accepts(100));
        assertFalse(window.accepts(102));
        assertTrue(window.accepts(101));
        assertTrue(window.accepts(103));
        window.record(101);
        assertFalse(window.accepts(101));
        assertEquals(102, window.highest());
    }

    @Test
    void indicesOlderThanTheWindowAreRefused() {
        var window = new ReplayWindow(64);
        window.record(1000);
        assertTrue(window.accepts(1000 - 63));
        assertFalse(window.accepts(1000 - 64));
        assertFalse(window.accepts(0));
    }

    @Test
    void slidingForwardForgetsTheSlotsItReuses() {
        var window = new ReplayWindow(64);
        for (int i = 0; i < 64; i++) {
            window.record(i);
        }
        // Index 70 reuses the slots of 6 and of 64..69; the skipped 64..69 must read as unseen.
        window.record(70);
        for (int i = 64; i < 70; i++) {
            assertTrue(window.accepts(i), "skipped index " + i);
        }
        assertFalse(window.accepts(7), "still recorded");
        assertFalse(window.accepts(6), "now too old");
    }

    @Test
    void aJumpLargerThanTheWindowClearsEverything() {
        var window = new ReplayWindow(128);
        for (int i = 0; i < 128; i++) {
            window.record(i);
        }
        window.record(10_000);
        for (long i = 10_000 - 127; i < 10_000; i++) {
            assertTrue(window.accepts(i), "index " + i);
        }
    }

    @Test
    void sizeMustBeAPowerOfTwoOfAtLeast64() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(32));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(100));
    }
}
