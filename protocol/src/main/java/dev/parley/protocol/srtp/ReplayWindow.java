package dev.parley.protocol.srtp;

import java.util.Arrays;

/**
 * A sliding replay window over packet indices (RFC 3711 §3.3.2): an index above the highest one
 * seen is new; one within {@code size} below it is new unless its bit is set; anything older is
 * refused. The caller checks with {@link #accepts} before authenticating and calls
 * {@link #record} only after the packet authenticated, so forged packets cannot move the window.
 *
 * <p>The bitmap is a ring: index {@code i} lives at bit {@code i mod size}. Moving the window
 * forward clears the bits of the skipped indices.
 */
final class ReplayWindow {

    private final long[] bits;
    private final int mask;
    private long highest = -1;

    /** {@code size} is a power of two and at least 64. */
    ReplayWindow(int size) {
        if (size < 64 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("window size must be a power of two >= 64: " + size);
        }
        this.bits = new long[size >>> 6];
        this.mask = size - 1;
    }

    /** The highest index recorded, or -1 before the first one. */
    long highest() {
        return highest;
    }

    /** Whether {@code index} would be new: not recorded yet and not older than the window. */
    boolean accepts(long index) {
        if (index > highest) {
            return true;
        }
        if (highest - index > mask) {
            return false;
        }
        int slot = (int) (index & mask);
        return (bits[slot >>> 6] & (1L << slot)) == 0;
    }

    /** Marks {@code index} as received, sliding the window forward when it is the new highest. */
    void record(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest > mask) {
                Arrays.fill(bits, 0L);
            } else {
                for (long skipped = highest + 1; skipped < index; skipped++) {
                    int slot = (int) (skipped & mask);
                    bits[slot >>> 6] &= ~(1L << slot);
                }
            }
            highest = index;
        }
        int slot = (int) (index & mask);
        bits[slot >>> 6] |= 1L << slot;
    }
}
