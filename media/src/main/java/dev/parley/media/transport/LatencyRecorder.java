package dev.parley.media.transport;

import java.util.Arrays;

/**
 * The latest latency samples in a ring allocated once, so recording a sample on the media
 * loop allocates nothing. Used on the media loop only; readers go through the loop.
 */
final class LatencyRecorder {

    /** 8 MB: over two minutes of samples at 7,500 packets a second. */
    static final int CAPACITY = 1 << 20;

    private final long[] ring = new long[CAPACITY];
    private long count;

    void record(long nanos) {
        ring[(int) (count & (CAPACITY - 1))] = nanos;
        count++;
    }

    void reset() {
        count = 0;
    }

    long count() {
        return count;
    }

    /** Percentiles over the kept samples; copies and sorts them, so not for the packet path. */
    TransportLatency summary() {
        int kept = (int) Math.min(count, CAPACITY);
        if (kept == 0) {
            return TransportLatency.NONE;
        }
        long[] sorted = Arrays.copyOf(ring, kept);
        Arrays.sort(sorted);
        return new TransportLatency(count, kept, sorted[0], percentile(sorted, 0.50), percentile(sorted, 0.99),
                percentile(sorted, 0.999), sorted[kept - 1]);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
