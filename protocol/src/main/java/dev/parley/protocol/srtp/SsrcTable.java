package dev.parley.protocol.srtp;

import java.util.function.IntFunction;

/**
 * Per-SSRC stream state, keyed by the raw 32-bit SSRC without boxing: an open-addressing table
 * with linear probing, so looking up a stream on every packet allocates nothing. Entries are
 * never removed (a session lives as long as its DTLS association), and the table refuses to
 * grow past {@code limit} entries so that a peer holding valid keys cannot exhaust memory by
 * inventing SSRCs.
 */
final class SsrcTable<V> {

    private final int limit;
    private int[] keys = new int[16];
    private Object[] values = new Object[16];
    private int size;

    SsrcTable(int limit) {
        this.limit = limit;
    }

    int size() {
        return size;
    }

    /** Whether a new SSRC would be refused. */
    boolean full() {
        return size >= limit;
    }

    /** The state for {@code ssrc}, or {@code null} when the SSRC has none yet. */
    @SuppressWarnings("unchecked")
    V get(int ssrc) {
        int mask = keys.length - 1;
        for (int i = slot(ssrc, mask); ; i = (i + 1) & mask) {
            Object value = values[i];
            if (value == null || keys[i] == ssrc) {
                return (V) value;
            }
        }
    }

    /**
     * The state for {@code ssrc}, created with {@code factory} when absent; {@code null} when
     * it is absent and the table is full.
     */
    V getOrCreate(int ssrc, IntFunction<V> factory) {
        V existing = get(ssrc);
        if (existing != null) {
            return existing;
        }
        if (size >= limit) {
            return null;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        V created = factory.apply(ssrc);
        insert(keys, values, ssrc, created);
        size++;
        return created;
    }

    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    private static void insert(int[] keys, Object[] values, int ssrc, Object value) {
        int mask = keys.length - 1;
        int i = slot(ssrc, mask);
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = ssrc;
        values[i] = value;
    }

    private static int slot(int ssrc, int mask) {
        // Fibonacci hashing spreads sequential or structured SSRCs over the table.
        int h = ssrc * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
