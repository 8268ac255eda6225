package dev.parley.media.bridge;

import dev.parley.media.codec.AudioLevels;
import dev.parley.media.codec.G711;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.codec.Resampler;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end's G.711 as Opus for the room (the {@code opusTowardsRoom} option): G.711 to
 * 8 kHz PCM, re-framed to 20 ms (a far end may send 10 or 30 ms packets; Opus has no 30 ms
 * frame), up to 48 kHz, Opus. Each frame keeps the far end's timestamp of its first sample,
 * so the loop can stamp the Opus packet on the same time line (times six). A gap in the far
 * end's timestamps (loss, silence suppression) starts a fresh frame. Codec worker only.
 */
final class FarEndToOpus {

    static final AtomicInteger LIVE = new AtomicInteger();
    private static final int FRAME_8K = 160;

    /** One encoded frame: the far end's timestamp of its start, the Opus packet, its RFC 6464 level. */
    record Frame(long farTimestamp, byte[] packet, int level) {
    }

    private final boolean alaw;
    private final Resampler up = Resampler.telephony(Resampler.Direction.UP);
    private final OpusCodec.Encoder encoder = new OpusCodec.Encoder(OpusCodec.RTP_CLOCK_RATE, 32_000, 5);
    private final short[] pending = new short[FRAME_8K * 8];
    private final short[] pcm = new short[1500];
    private final short[] wide = new short[FRAME_8K * 6];
    private final byte[] out = new byte[OpusCodec.MAX_PACKET];
    private int pendingCount;
    private long frameStart;
    private long expected = -1;
    private boolean released;
    final AtomicLong decodes = new AtomicLong();
    final AtomicLong encodes = new AtomicLong();

    FarEndToOpus(boolean alaw) {
        this.alaw = alaw;
        LIVE.incrementAndGet();
    }

    /** One G.711 payload stamped {@code timestamp}; returns the frames it completed (often one). */
    java.util.List<Frame> onPacket(long timestamp, byte[] payload) {
        if (released) {
            return java.util.List.of();
        }
        if (timestamp != expected) {
            pendingCount = 0;
            frameStart = timestamp;
            up.reset();
        }
        int n = Math.min(payload.length, pcm.length);
        G711.decode(alaw, payload, 0, pcm, 0, n);
        decodes.incrementAndGet();
        expected = (timestamp + n) & 0xffffffffL;
        var frames = new java.util.ArrayList<Frame>(2);
        int at = 0;
        while (at < n) {
            int take = Math.min(FRAME_8K - pendingCount, n - at);
            System.arraycopy(pcm, at, pending, pendingCount, take);
            pendingCount += take;
            at += take;
            if (pendingCount == FRAME_8K) {
                int level = AudioLevels.of(pending, 0, FRAME_8K);
                up.process(pending, 0, FRAME_8K, wide, 0);
                int length = encoder.encode(wide, 0, wide.length, out, 0);
                if (length > 0) {
                    encodes.incrementAndGet();
                    frames.add(new Frame(frameStart, java.util.Arrays.copyOf(out, length), level));
                }
                frameStart = (frameStart + FRAME_8K) & 0xffffffffL;
                pendingCount = 0;
            }
        }
        return frames;
    }

    void release() {
        if (!released) {
            released = true;
            LIVE.decrementAndGet();
        }
    }
}
