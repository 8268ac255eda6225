package dev.parley.media.sfu;

/**
 * The last packets sent on a leg, by the leg's own sequence number, so a NACK from the
 * subscriber can be answered without asking the publisher. Fixed memory: {@code capacity}
 * slots of {@code MAX_PACKET} bytes, reused in a ring.
 */
final class SentPacketHistory {

    static final int MAX_PACKET = 1500;

    private final byte[][] packets;
    private final int[] lengths;
    private final int[] sequences;
    private final long[] sentNanos;
    private final int mask;

    SentPacketHistory(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        packets = new byte[capacity][];
        lengths = new int[capacity];
        sequences = new int[capacity];
        sentNanos = new long[capacity];
        mask = capacity - 1;
        java.util.Arrays.fill(sequences, -1);
    }

    void store(int sequence, byte[] buffer, int offset, int length, long nowNanos) {
        if (length > MAX_PACKET) {
            return;
        }
        int slot = sequence & mask;
        if (packets[slot] == null) {
            packets[slot] = new byte[MAX_PACKET];
        }
        System.arraycopy(buffer, offset, packets[slot], 0, length);
        lengths[slot] = length;
        sequences[slot] = sequence;
        sentNanos[slot] = nowNanos;
    }

    /** Copies packet {@code sequence} into {@code into}; returns its length, or -1 when it is no longer kept. */
    int copy(int sequence, byte[] into, long maxAgeNanos, long nowNanos) {
        int slot = sequence & mask;
        if (sequences[slot] != sequence || nowNanos - sentNanos[slot] > maxAgeNanos) {
            return -1;
        }
        System.arraycopy(packets[slot], 0, into, 0, lengths[slot]);
        return lengths[slot];
    }

    /** Frees the buffers (when the leg closes). */
    void clear() {
        java.util.Arrays.fill(packets, null);
        java.util.Arrays.fill(sequences, -1);
    }

    long retainedBytes() {
        long bytes = 0;
        for (byte[] packet : packets) {
            bytes += packet == null ? 0 : packet.length;
        }
        return bytes;
    }
}
