package dev.parley.media.bridge;

/**
 * A first-in first-out ring of 16-bit PCM: the small jitter buffer between a heard track's
 * packets (which arrive when the network delivers them) and the mixer (which takes 20 ms
 * every 20 ms). Codec worker only.
 */
final class PcmFifo {

    private final short[] ring;
    private int start;
    private int size;

    PcmFifo(int capacity) {
        ring = new short[capacity];
    }

    int available() {
        return size;
    }

    int capacity() {
        return ring.length;
    }

    /** Appends {@code count} samples; the oldest are overwritten when full (a late burst beats stale audio). */
    void write(short[] pcm, int offset, int count) {
        for (int i = 0; i < count; i++) {
            int at = (start + size) % ring.length;
            ring[at] = pcm[offset + i];
            if (size < ring.length) {
                size++;
            } else {
                start = (start + 1) % ring.length;
            }
        }
    }

    /** Takes up to {@code count} samples; returns how many. */
    int read(short[] out, int offset, int count) {
        int n = Math.min(count, size);
        for (int i = 0; i < n; i++) {
            out[offset + i] = ring[(start + i) % ring.length];
        }
        start = (start + n) % ring.length;
        size -= n;
        return n;
    }

    /** Forgets the oldest {@code count} samples. */
    void skip(int count) {
        int n = Math.min(count, size);
        start = (start + n) % ring.length;
        size -= n;
    }

    void clear() {
        start = 0;
        size = 0;
    }
}
