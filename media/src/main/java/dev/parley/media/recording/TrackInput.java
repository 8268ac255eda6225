package dev.parley.media.recording;

import dev.parley.media.sfu.MediaKind;
import dev.parley.protocol.codec.OpusToc;
import dev.parley.protocol.rtp.VideoDepacketizer;
import dev.parley.protocol.rtp.VideoFrame;
import java.util.TreeMap;

/**
 * One track of a file on the writer side: packets are put back in sequence order (a short
 * reordering wait), video is depacketized into frames and held back until a keyframe (again
 * after a loss, asking the publisher for one), and every frame gets its capture time from the
 * {@link TrackClock}. Writer lane only.
 */
final class TrackInput {

    /** How long a missing packet is waited for, measured in later arrivals. */
    private static final long REORDER_WAIT_NANOS = 60_000_000L;
    private static final int REORDER_MAX = 64;
    private static final long MIN_STEP_NANOS = 1_000_000L;

    /** An RTP packet handed over by the media loop (a copy of its payload). */
    record Packet(int sequence, long timestamp, boolean marker, byte[] payload, long arrivalNanos) {
    }

    /** Where frames go, and how to ask for a keyframe. */
    interface Sink {
        void frame(Frame frame);

        void keyframeWanted(int slot);
    }

    final TrackSpec spec;
    private final TrackClock clock;
    private final VideoDepacketizer depacketizer;
    private final TreeMap<Long, Packet> waiting = new TreeMap<>();
    private long nextSequence = -1;
    private long highestSequence;
    private boolean needKeyframe = true;
    private long lastNanos = Long.MIN_VALUE;
    private long arrivalOfFrame;
    private long order;
    long packets;
    long late;
    long lostFrames;
    long droppedWaitingForKeyframe;
    long malformed;

    TrackInput(TrackSpec spec, TrackClock.SenderClock sender) {
        this.spec = spec;
        this.clock = new TrackClock(spec.clockRate(), sender, spec.syncedBySenderReports());
        this.depacketizer = spec.kind() == MediaKind.VIDEO
                ? VideoDepacketizer.forCodec(spec.codec()).orElseThrow() : null;
    }

    void onSenderReport(long ntp, long timestamp, long arrivalNanos) {
        clock.onSenderReport(ntp, timestamp, arrivalNanos);
    }

    void onPacket(Packet p, Sink sink) {
        packets++;
        long extended = extend(p.sequence());
        if (nextSequence < 0) {
            nextSequence = extended;
        }
        if (extended < nextSequence) {
            late++;
            return;
        }
        if (extended == nextSequence) {
            deliver(p, sink);
            nextSequence++;
            releaseInOrder(sink);
        } else {
            waiting.put(extended, p);
        }
        while (!waiting.isEmpty() && (waiting.size() > REORDER_MAX
                || p.arrivalNanos() - waiting.firstEntry().getValue().arrivalNanos() > REORDER_WAIT_NANOS)) {
            nextSequence = waiting.firstKey(); // give up on what is missing before it
            releaseInOrder(sink);
        }
    }

    /** The track ended: what waits goes out, in order. */
    void flush(Sink sink) {
        while (!waiting.isEmpty()) {
            nextSequence = waiting.firstKey();
            releaseInOrder(sink);
        }
    }

    long framesDropped() {
        return depacketizer == null ? 0 : depacketizer.framesDropped();
    }

    long reanchors() {
        return clock.reanchors();
    }

    boolean synced() {
        return clock.synced();
    }

    private void releaseInOrder(Sink sink) {
        Packet next;
        while ((next = waiting.remove(nextSequence)) != null) {
            deliver(next, sink);
            nextSequence++;
        }
    }

    private long extend(int sequence) {
        if (nextSequence < 0) {
            highestSequence = sequence;
            return sequence;
        }
        long extended = highestSequence + (short) (sequence - (int) (highestSequence & 0xffff));
        highestSequence = Math.max(highestSequence, extended);
        return extended;
    }

    private void deliver(Packet p, Sink sink) {
        if (depacketizer == null) {
            audio(p, sink);
            return;
        }
        arrivalOfFrame = p.arrivalNanos();
        byte[] payload = p.payload();
        depacketizer.push(p.sequence(), p.timestamp(), p.marker(), payload, 0, payload.length, f -> video(f, sink));
    }

    private void audio(Packet p, Sink sink) {
        byte[] payload = p.payload();
        int samples = spec.codec().equals("opus") ? OpusToc.packetSamples(payload, 0, payload.length) : payload.length;
        if (samples <= 0) {
            malformed++;
            return;
        }
        sink.frame(new Frame(spec.slot(), monotonic(clock.map(p.timestamp(), p.arrivalNanos())), true, payload,
                samples, order++));
    }

    private void video(VideoFrame f, Sink sink) {
        if (f.afterLoss() && !f.keyframe()) {
            lostFrames++;
            if (!needKeyframe) {
                needKeyframe = true;
                sink.keyframeWanted(spec.slot());
            }
        }
        if (needKeyframe && !f.keyframe()) {
            droppedWaitingForKeyframe++;
            return;
        }
        needKeyframe = false;
        sink.frame(new Frame(spec.slot(), monotonic(clock.map(f.timestamp(), arrivalOfFrame)), f.keyframe(), f.data(),
                0, order++));
    }

    /** One track's times never go back: a correction that would is folded into the next millisecond. */
    private long monotonic(long nanos) {
        long result = lastNanos == Long.MIN_VALUE ? nanos : Math.max(nanos, lastNanos + MIN_STEP_NANOS);
        lastNanos = result;
        return result;
    }
}
