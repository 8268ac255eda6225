package dev.parley.media.recording;

import dev.parley.media.sfu.Keyframes;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.TrackTap;
import dev.parley.protocol.rtp.RtpHeaders;
import java.util.Arrays;

/**
 * A published track being recorded: the tap that copies its packets to its file's writer. A
 * video track is held back until a keyframe, asking the publisher for one (through the track's
 * throttled path); the file's slot is claimed with the first packet that will be written, so
 * the file's container is chosen when the participant's tracks are known. Media loop only;
 * the copies go to the writer's lane, and a full lane drops (and counts) rather than waits.
 */
final class RecordedTrack implements TrackTap {

    private static final long KEYFRAME_REQUEST_NANOS = 300_000_000L;
    /** Lane accounting per packet beyond its payload: the record and task objects. */
    private static final int OVERHEAD = 64;

    private final RoomRecorder owner;
    final PublishedTrack track;
    final String participant;
    private final String codec;
    private FileRoute route;
    private int slot;
    private boolean waitingForKeyframe;
    private boolean ended;
    private long lastKeyframeRequest = Long.MIN_VALUE / 2;
    /** The latest sender report before the track had a file: {ntp, rtp timestamp, arrival}, handed over with the first packet. */
    private long[] earlyReport;

    RecordedTrack(RoomRecorder owner, PublishedTrack track, String participant) {
        this.owner = owner;
        this.track = track;
        this.participant = participant;
        this.codec = Container.codecKey(track.codecName());
        this.waitingForKeyframe = track.kind() == MediaKind.VIDEO;
    }

    MediaKind kind() {
        return track.kind();
    }

    String codec() {
        return codec;
    }

    @Override
    public void onRtp(PublishedTrack source, byte[] b, int off, int len, int headerLength, long nowNanos) {
        if (ended) {
            return;
        }
        int payloadOffset = off + headerLength;
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        if (payloadLength <= 0) {
            return;
        }
        if (waitingForKeyframe) {
            if (!Keyframes.isKeyframe(track.codecName(), b, payloadOffset, payloadLength)) {
                (route != null ? route.counters : owner.unrouted).droppedBeforeKeyframe.incrementAndGet();
                requestKeyframe(nowNanos);
                return;
            }
            waitingForKeyframe = false;
        }
        if (route == null) {
            RoomRecorder.Claim claim = owner.route(this);
            if (claim == null) {
                ended = true; // no file takes it (a codec no container here holds)
                return;
            }
            route = claim.route();
            slot = claim.slot();
            if (earlyReport != null) {
                long[] r = earlyReport;
                earlyReport = null;
                onSenderReport(source, r[0], r[1], r[2]);
            }
        }
        var packet = new TrackInput.Packet(RtpHeaders.sequenceNumber(b, off), RtpHeaders.timestamp(b, off),
                RtpHeaders.marker(b, off), Arrays.copyOfRange(b, payloadOffset, payloadOffset + payloadLength), nowNanos);
        FileRoute target = route;
        int targetSlot = slot;
        if (target.lane.execute(() -> target.writer.onPacket(targetSlot, packet), payloadLength + OVERHEAD)) {
            target.counters.packetsIn.incrementAndGet();
        } else {
            target.counters.queueDrops.incrementAndGet();
            if (kind() == MediaKind.VIDEO) {
                waitingForKeyframe = true; // what follows the hole would not decode
            }
        }
    }

    @Override
    public void onSenderReport(PublishedTrack source, long ntp, long rtpTimestamp, long nowNanos) {
        if (!ended && route == null) {
            earlyReport = new long[] {ntp, rtpTimestamp, nowNanos}; // audio reports come every 5 s: keep it
        } else if (!ended) {
            FileRoute target = route;
            int targetSlot = slot;
            target.lane.execute(() -> target.writer.onSenderReport(targetSlot, ntp, rtpTimestamp, nowNanos), 0);
        }
    }

    @Override
    public void onTrackClosed(PublishedTrack source) {
        owner.detach(track);
    }

    /** Asks the publisher for a keyframe (at most every 300 ms from here; the track throttles all askers too). */
    void requestKeyframe(long nowNanos) {
        if (kind() != MediaKind.VIDEO || ended || nowNanos - lastKeyframeRequest < KEYFRAME_REQUEST_NANOS) {
            return;
        }
        lastKeyframeRequest = nowNanos;
        (route != null ? route.counters : owner.unrouted).keyframeRequests.incrementAndGet();
        track.requestKeyframe(nowNanos);
    }

    /** The writer lost video: wait for the next keyframe and ask for one. */
    void keyframeWanted(long nowNanos) {
        if (!ended) {
            requestKeyframe(nowNanos);
        }
    }

    /** Stops recording this track; its file's slot is freed. */
    void end() {
        if (ended && route == null) {
            return;
        }
        ended = true;
        if (route != null) {
            route.release(this, slot);
            route = null;
        }
    }
}
