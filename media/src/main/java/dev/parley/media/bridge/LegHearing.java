package dev.parley.media.bridge;

import dev.parley.media.loop.MediaLoop;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.TrackTap;
import dev.parley.media.workers.LanePool;
import dev.parley.protocol.rtp.RtpHeaders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What the far end hears of the room: the tracks the platform chose ({@code hearTracks}).
 * Exactly one track in the far end's own codec is passed through untouched but for its
 * header (SSRC, sequence number, timestamp: {@link OutboundStream}), with no decoding at all;
 * anything else (several tracks, another codec, none) goes through {@link HearingMix} on the
 * codec worker, which returns one encoded frame per 20 ms tick. Media loop only.
 */
final class LegHearing implements TrackTap {

    /** How the far end's audio is made. */
    enum Mode { PASSTHROUGH, MIX }

    private final RtpFormat format;
    private final MediaLoop loop;
    private final LanePool.Lane worker;
    private final OutboundStream out;
    private final BridgeCounters counters;
    /** Whether the far end takes media now (direction, address); false drops and skips the codec work. */
    private final BooleanSupplier sending;
    /** Whether a telephone event is on the wire: audio waits, the codec work goes on. */
    private final BooleanSupplier dtmfActive;
    private final Map<String, PublishedTrack> heard = new LinkedHashMap<>();
    private final Set<String> paused = new HashSet<>();
    private final HearingMix mix;
    private Mode mode = Mode.MIX;
    private PublishedTrack passthrough;
    private long mixTimestamp;
    private boolean closed;

    LegHearing(RtpFormat format, MediaLoop loop, LanePool.Lane worker, OutboundStream out, BridgeCounters counters,
               BooleanSupplier sending, BooleanSupplier dtmfActive) {
        this.format = format;
        this.loop = loop;
        this.worker = worker;
        this.out = out;
        this.counters = counters;
        this.sending = sending;
        this.dtmfActive = dtmfActive;
        this.mix = new HearingMix(format);
    }

    Mode mode() {
        return mode;
    }

    List<String> heardIds() {
        return List.copyOf(heard.keySet());
    }

    HearingMix mix() {
        return mix;
    }

    /** Hears exactly {@code tracks} from now on (audio ones; video is ignored). */
    void hear(List<PublishedTrack> tracks) {
        var wanted = new LinkedHashMap<String, PublishedTrack>();
        tracks.stream().filter(t -> t.kind() == MediaKind.AUDIO && !t.isClosed()).forEach(t -> wanted.put(t.id(), t));
        for (PublishedTrack old : List.copyOf(heard.values())) {
            if (!wanted.containsKey(old.id())) {
                old.removeTap(this);
                heard.remove(old.id());
                paused.remove(old.id());
            }
        }
        wanted.forEach((id, track) -> {
            if (heard.putIfAbsent(id, track) == null) {
                track.addTap(this);
            }
        });
        recompute();
    }

    /** Pauses or resumes one heard track without forgetting it. */
    void setPaused(String trackId, boolean pause) {
        if (heard.containsKey(trackId) && (pause ? paused.add(trackId) : paused.remove(trackId))) {
            recompute();
        }
    }

    /** The format changed or sending resumed: the next packet starts a new stretch of the outgoing stream. */
    void restart() {
        out.rebase();
    }

    private void recompute() {
        List<PublishedTrack> active = active();
        PublishedTrack single = active.size() == 1 && format.carries(active.getFirst().codecName(),
                active.getFirst().clockRate()) ? active.getFirst() : null;
        Mode next = single != null ? Mode.PASSTHROUGH : Mode.MIX;
        if (next != mode || single != passthrough) {
            out.rebase();
        }
        mode = next;
        passthrough = single;
        var sources = new ArrayList<HearingMix.Source>();
        if (mode == Mode.MIX) {
            active.forEach(t -> sources.add(new HearingMix.Source(t.id(), t.codecName(), t.clockRate())));
        }
        post(() -> mix.setSources(sources));
    }

    private List<PublishedTrack> active() {
        return heard.values().stream().filter(t -> !paused.contains(t.id()) && !t.isClosed()).toList();
    }

    @Override
    public void onRtp(PublishedTrack track, byte[] b, int off, int len, int headerLength, long nowNanos) {
        if (closed || paused.contains(track.id())) {
            return;
        }
        int payloadOffset = off + headerLength;
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        if (payloadLength <= 0) {
            return;
        }
        if (mode == Mode.PASSTHROUGH) {
            if (track != passthrough) {
                return;
            }
            if (!sending.getAsBoolean()) {
                counters.droppedNotSending++;
            } else if (dtmfActive.getAsBoolean()) {
                counters.droppedDuringDtmf++;
            } else {
                out.sendAudio(format.payloadType(), b, payloadOffset, payloadLength, RtpHeaders.timestamp(b, off),
                        RtpHeaders.marker(b, off), nowNanos);
                counters.passthroughOut++;
            }
            return;
        }
        if (!sending.getAsBoolean()) {
            return; // nobody listens: spare the decoding
        }
        String id = track.id();
        int sequence = RtpHeaders.sequenceNumber(b, off);
        byte[] payload = java.util.Arrays.copyOfRange(b, payloadOffset, payloadOffset + payloadLength);
        post(() -> mix.onPacket(id, sequence, payload));
    }

    @Override
    public void onTrackClosed(PublishedTrack track) {
        if (heard.remove(track.id()) != null) {
            paused.remove(track.id());
            recompute();
        }
    }

    /** 20 ms passed: in mix mode, the worker makes the next frame and hands it back to the loop. */
    void tick() {
        if (closed || mode != Mode.MIX || !sending.getAsBoolean()) {
            return;
        }
        post(() -> {
            int length = mix.tick();
            if (length > 0) {
                byte[] frame = java.util.Arrays.copyOf(mix.encoded(), length);
                loop.execute(() -> sendMixed(frame));
            }
        });
    }

    private void sendMixed(byte[] frame) {
        if (closed || mode != Mode.MIX) {
            return;
        }
        long timestamp = mixTimestamp;
        mixTimestamp += format.samplesPer20ms();
        if (!sending.getAsBoolean()) {
            counters.droppedNotSending++;
        } else if (dtmfActive.getAsBoolean()) {
            counters.droppedDuringDtmf++;
        } else {
            out.sendAudio(format.payloadType(), frame, 0, frame.length, timestamp, false, loop.nanoTime());
            counters.mixedOut++;
        }
    }

    private void post(Runnable task) {
        if (!worker.execute(task)) {
            counters.codecBacklogDrops++;
        }
    }

    /** Stops hearing everything; the worker-side mix is released by the leg. */
    void close() {
        closed = true;
        heard.values().forEach(t -> t.removeTap(this));
        heard.clear();
    }
}
