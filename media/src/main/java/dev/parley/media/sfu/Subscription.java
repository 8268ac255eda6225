package dev.parley.media.sfu;

import dev.parley.protocol.rtcp.NtpTime;
import dev.parley.protocol.rtcp.SenderReport;
import dev.parley.protocol.rtp.HeaderExtensions;
import dev.parley.protocol.rtp.RtpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One published track forwarded to one subscriber: a leg. The leg has its own SSRC, its own
 * sequence numbers (one per packet actually sent) and timestamps continued across pauses and
 * source switches, so the subscriber's decoder sees one unbroken stream whatever happens
 * upstream. A new, resumed or switched video leg waits for a keyframe. Media loop only.
 */
public final class Subscription {

    private static final int HISTORY = 1024;
    private static final long RETRANSMIT_MAX_AGE_NANOS = 1_000_000_000L;
    private static final int SCRATCH = SentPacketHistory.MAX_PACKET + 64;

    private PublishedTrack source;
    private final PacketOutput out;
    private final LegFormat format;
    private final long ssrc;
    private final byte[] scratch = new byte[SCRATCH];
    private final SentPacketHistory history = new SentPacketHistory(HISTORY);
    private final byte[] midBytes;

    private int nextSequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private boolean timeBaseSet;
    private long timestampOffset;
    private long lastTimestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private long lastSentNanos;
    private boolean everSent;
    private boolean paused;
    private boolean waitingForKeyframe;
    private boolean closed;
    private long packetsSent;
    private long octetsSent;
    private long retransmissions;
    private long droppedWaitingForKeyframe;
    private RemoteReport remoteReport;

    Subscription(PublishedTrack source, PacketOutput out, LegFormat format, long ssrc) {
        this.source = source;
        this.out = out;
        this.format = format;
        this.ssrc = ssrc;
        this.midBytes = format.mid().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.waitingForKeyframe = source.kind() == MediaKind.VIDEO;
    }

    public long ssrc() {
        return ssrc;
    }

    public PublishedTrack source() {
        return source;
    }

    public LegFormat format() {
        return format;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Stops forwarding; the leg stays negotiated and keeps its numbering. */
    public void pause() {
        paused = true;
    }

    /** Forwards again, from the next keyframe for video, with timestamps that continue where they stopped. */
    public void resume(long nowNanos) {
        if (!paused) {
            return;
        }
        paused = false;
        restartTimeBase(nowNanos);
    }

    /** Forwards another track on this leg (same kind), as if it were the same stream. */
    public void switchSource(PublishedTrack newSource, long nowNanos) {
        if (newSource.kind() != source.kind()) {
            throw new IllegalArgumentException("a " + source.kind() + " leg cannot carry " + newSource.kind());
        }
        source.removeSubscription(this);
        source = newSource;
        newSource.addSubscription(this);
        restartTimeBase(nowNanos);
    }

    /** Called by the source for every packet it receives. */
    void forward(byte[] b, int off, int len, int headerLength, long nowNanos) {
        if (paused || closed || !out.isReady()) {
            return;
        }
        int payloadOffset = off + headerLength;
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        if (payloadLength <= 0) {
            return; // padding-only probes are the sender's business, not the subscriber's
        }
        if (payloadLength + 64 > SCRATCH) {
            return;
        }
        if (waitingForKeyframe) {
            if (!Keyframes.isKeyframe(source.codecName(), b, payloadOffset, payloadLength)) {
                droppedWaitingForKeyframe++;
                source.requestKeyframe(nowNanos);
                return;
            }
            waitingForKeyframe = false;
        }
        long sourceTimestamp = RtpHeaders.timestamp(b, off);
        if (!timeBaseSet) {
            long continued = everSent
                    ? lastTimestamp + (nowNanos - lastSentNanos) * source.clockRate() / 1_000_000_000L
                    : lastTimestamp;
            timestampOffset = continued - sourceTimestamp;
            timeBaseSet = true;
        }
        long timestamp = (sourceTimestamp + timestampOffset) & 0xffffffffL;
        int sequence = nextSequence;
        nextSequence = (nextSequence + 1) & 0xffff;

        int length = writeHeader(b, off, len, sequence, timestamp);
        System.arraycopy(b, payloadOffset, scratch, length, payloadLength);
        length += payloadLength;

        history.store(sequence, scratch, 0, length, nowNanos);
        lastTimestamp = timestamp;
        lastSentNanos = nowNanos;
        everSent = true;
        packetsSent++;
        octetsSent += payloadLength;
        out.sendRtp(scratch, 0, length);
    }

    /** Resends what the subscriber reports lost (its NACK carries this leg's sequence numbers). */
    public void onNack(List<Integer> lostSequences, long nowNanos) {
        for (int sequence : lostSequences) {
            int length = history.copy(sequence & 0xffff, scratch, RETRANSMIT_MAX_AGE_NANOS, nowNanos);
            if (length > 0) {
                retransmissions++;
                out.sendRtp(scratch, 0, length);
            }
        }
    }

    /** The subscriber asks for a keyframe (PLI or FIR): pass it on, throttled, to the publisher. */
    public void onKeyframeRequest(long nowNanos) {
        source.requestKeyframe(nowNanos);
    }

    /**
     * The subscriber's receiver report block about this leg, which arrived at
     * {@code arrivalCompactNtp} (wall clock, {@link NtpTime#compact}, the clock our sender
     * reports carry) so the round-trip time can be taken from its LSR and DLSR.
     */
    public void onReceiverReport(dev.parley.protocol.rtcp.ReportBlock block, long arrivalCompactNtp) {
        double rttMs = block.lastSenderReport() == 0 ? -1
                : NtpTime.roundTripTime(arrivalCompactNtp, block.lastSenderReport(), block.delaySinceLastSenderReport())
                .toNanos() / 1e6;
        remoteReport = new RemoteReport(block.fractionLost(), block.jitter() * 1000.0 / source.clockRate(), rttMs);
    }

    /** The subscriber's latest report about this leg, if one came. */
    public java.util.Optional<RemoteReport> remoteReport() {
        return java.util.Optional.ofNullable(remoteReport);
    }

    /** A sender report for this leg, or empty before anything was sent. */
    public java.util.Optional<SenderReport> senderReport(long nowNanos, Instant wallClock) {
        if (!everSent) {
            return java.util.Optional.empty();
        }
        long rtpNow = (lastTimestamp + (nowNanos - lastSentNanos) * source.clockRate() / 1_000_000_000L) & 0xffffffffL;
        return java.util.Optional.of(new SenderReport(ssrc, NtpTime.fromInstant(wallClock), rtpNow,
                packetsSent & 0xffffffffL, octetsSent & 0xffffffffL, List.of()));
    }

    /** Detaches from the source and frees the history. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.removeSubscription(this);
        history.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Bytes the retransmission history holds (0 once closed). */
    public long retainedHistoryBytes() {
        return history.retainedBytes();
    }

    public Stats stats() {
        return new Stats(packetsSent, octetsSent, retransmissions, droppedWaitingForKeyframe, paused, waitingForKeyframe);
    }

    /** Counters of one leg, for debug state and tests. */
    public record Stats(long packetsSent, long octetsSent, long retransmissions, long droppedWaitingForKeyframe,
                        boolean paused, boolean waitingForKeyframe) {
    }

    private void restartTimeBase(long nowNanos) {
        timeBaseSet = false;
        if (source.kind() == MediaKind.VIDEO) {
            waitingForKeyframe = true;
            source.requestKeyframe(nowNanos);
        }
    }

    /** Writes the leg's RTP header into the scratch buffer: 12 bytes plus this leg's extensions. */
    private int writeHeader(byte[] b, int off, int len, int sequence, long timestamp) {
        boolean withMid = format.midExtensionId() > 0 && midBytes.length > 0 && midBytes.length <= 16;
        int levelOffset = format.audioLevelExtensionId() > 0 && source.audioLevelExtensionId() > 0
                ? HeaderExtensions.findExtension(b, off, len, source.audioLevelExtensionId()) : -1;
        boolean withLevel = levelOffset >= 0;
        boolean extended = withMid || withLevel;
        scratch[0] = (byte) (extended ? 0x90 : 0x80);
        scratch[1] = (byte) ((RtpHeaders.marker(b, off) ? 0x80 : 0) | format.payloadType());
        RtpHeaders.setSequenceNumber(scratch, 0, sequence);
        RtpHeaders.setTimestamp(scratch, 0, timestamp);
        RtpHeaders.setSsrc(scratch, 0, ssrc);
        if (!extended) {
            return RtpHeaders.FIXED_HEADER_LENGTH;
        }
        int i = RtpHeaders.FIXED_HEADER_LENGTH + 4;
        if (withMid) {
            scratch[i++] = (byte) (format.midExtensionId() << 4 | (midBytes.length - 1));
            System.arraycopy(midBytes, 0, scratch, i, midBytes.length);
            i += midBytes.length;
        }
        if (withLevel) {
            scratch[i++] = (byte) (format.audioLevelExtensionId() << 4);
            scratch[i++] = b[levelOffset];
        }
        while ((i - RtpHeaders.FIXED_HEADER_LENGTH) % 4 != 0) {
            scratch[i++] = 0;
        }
        int words = (i - RtpHeaders.FIXED_HEADER_LENGTH - 4) / 4;
        scratch[12] = (byte) 0xBE;
        scratch[13] = (byte) 0xDE;
        scratch[14] = (byte) (words >> 8);
        scratch[15] = (byte) words;
        return i;
    }
}
