package dev.parley.protocol.container;

/**
 * Builds one Cluster (RFC 9559 §5.1.3) in memory: its Timestamp, then SimpleBlocks whose
 * timestamps are relative to it as signed 16-bit milliseconds. The size is written in 8 bytes
 * so a reader of a damaged file can tell how far the cluster was meant to go. Reused cluster
 * after cluster.
 *
 * <pre>
 * SimpleBlock data (§10.2, §10.3.1):
 *   track number (vint, here 1 byte) | timestamp (int16, relative) | flags (0x80 keyframe) | frame
 * </pre>
 */
public final class MatroskaCluster {

    private final EbmlWriter w = new EbmlWriter(64 * 1024);
    private int mark = -1;
    private long timestampMs;
    private int blocks;

    /** Starts a new cluster at {@code timestampMs}; what was built before is discarded. */
    public void start(long timestampMs) {
        w.reset();
        this.timestampMs = timestampMs;
        this.blocks = 0;
        mark = w.start(MatroskaIds.CLUSTER);
        w.uint(MatroskaIds.TIMESTAMP, timestampMs);
    }

    public boolean isOpen() {
        return mark >= 0;
    }

    public long timestampMs() {
        return timestampMs;
    }

    public int blocks() {
        return blocks;
    }

    /** Bytes so far. */
    public int size() {
        return w.size();
    }

    /** Whether a block at {@code timeMs} can go in this cluster (its relative timestamp fits 16 bits). */
    public boolean fits(long timeMs) {
        long relative = timeMs - timestampMs;
        return isOpen() && relative >= Short.MIN_VALUE && relative <= Short.MAX_VALUE;
    }

    /** Adds a SimpleBlock; the caller checked {@link #fits}. */
    public void add(int track, long timeMs, boolean keyframe, byte[] frame, int off, int len) {
        if (!fits(timeMs) || track < 1 || track > 126) {
            throw new IllegalArgumentException("block at " + timeMs + " ms does not fit the cluster at " + timestampMs);
        }
        w.header(MatroskaIds.SIMPLE_BLOCK, 4L + len);
        w.raw((byte) (0x80 | track));
        w.raw(timeMs - timestampMs, 2);
        w.raw((byte) (keyframe ? 0x80 : 0x00));
        w.raw(frame, off, len);
        blocks++;
    }

    /** Closes the cluster: its bytes are {@code buffer()[0, size())} until the next {@link #start}. */
    public void finish() {
        w.endFixed(mark);
        mark = -1;
    }

    public byte[] buffer() {
        return w.buffer();
    }
}
