package dev.parley.media.bridge;

import dev.parley.protocol.rtcp.NtpTime;
import dev.parley.protocol.rtcp.SenderReport;
import dev.parley.protocol.rtp.RtpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one RTP stream Parley sends to a far end (RFC 3550 §5.1): its own SSRC, a sequence
 * number per packet actually sent, and timestamps that run with real time whatever feeds the
 * stream. Audio comes from a passed-through room track, from the mixer, or pauses; each time
 * the source changes, {@link #rebase} makes the next packet's timestamp continue from the
 * last one plus the time that passed, so the far end's jitter buffer sees one stream with
 * gaps, never a jump backwards (the same rule as the SFU's legs). Telephone events (RFC 4733)
 * take sequence numbers from the same space. Media loop only.
 */
final class OutboundStream {

    /** Where packets go: plain UDP to the far end's RTP address. */
    interface Sender {
        void sendRtp(byte[] packet, int length);
    }

    private static final int HEADER = RtpHeaders.FIXED_HEADER_LENGTH;

    private final long ssrc;
    private final int clockRate;
    private final Sender sender;
    private final byte[] packet = new byte[HEADER + 1500];
    private int nextSequence = ThreadLocalRandom.current().nextInt(1 << 16);
    /** Audio timing: the timestamp of the last audio packet and when it left (or a random start). */
    private long lastTimestamp = ThreadLocalRandom.current().nextLong(1L << 32);
    private long lastSentNanos;
    private boolean anchored;
    private boolean based;
    private long sourceOffset;
    private boolean markNext = true;
    private long packets;
    private long octets;

    OutboundStream(long ssrc, int clockRate, Sender sender) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.sender = sender;
    }

    long ssrc() {
        return ssrc;
    }

    int clockRate() {
        return clockRate;
    }

    /** The next audio packet starts a new stretch: its timestamp continues by wall-clock time, and it carries the marker. */
    void rebase() {
        based = false;
        markNext = true;
    }

    /**
     * The RTP timestamp that "now" has on this stream: where a telephone event starting now
     * begins (RFC 4733 §2.3.1).
     */
    long timestampAt(long nowNanos) {
        if (!anchored) {
            lastSentNanos = nowNanos;
            anchored = true;
        }
        return (lastTimestamp + (nowNanos - lastSentNanos) * clockRate / 1_000_000_000L) & 0xffffffffL;
    }

    /**
     * Sends an audio payload stamped {@code sourceTimestamp} on its source's clock (same rate
     * as this stream); the first packet after {@link #rebase} fixes the offset between the two.
     */
    void sendAudio(int payloadType, byte[] payload, int offset, int length, long sourceTimestamp, boolean marker,
                   long nowNanos) {
        if (!based) {
            sourceOffset = timestampAt(nowNanos) - sourceTimestamp;
            if (packets > 0 && ((sourceTimestamp + sourceOffset - lastTimestamp) & 0xffffffffL) == 0) {
                sourceOffset++; // never two packets with one timestamp across a rebase
            }
            based = true;
        }
        long timestamp = (sourceTimestamp + sourceOffset) & 0xffffffffL;
        boolean mark = marker || markNext;
        markNext = false;
        send(payloadType, mark, timestamp, payload, offset, length);
        lastTimestamp = timestamp;
        lastSentNanos = nowNanos;
        anchored = true;
    }

    /**
     * Sends a telephone-event packet at {@code timestamp} (the event's start): it takes a
     * sequence number but leaves the audio's timing alone; the audio after it carries the marker.
     */
    void sendEvent(int payloadType, boolean marker, long timestamp, byte[] payload, int length) {
        send(payloadType, marker, timestamp, payload, 0, length);
        markNext = true;
    }

    private void send(int payloadType, boolean marker, long timestamp, byte[] payload, int offset, int length) {
        if (length > packet.length - HEADER) {
            return;
        }
        packet[0] = (byte) 0x80;
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        RtpHeaders.setSequenceNumber(packet, 0, nextSequence);
        RtpHeaders.setTimestamp(packet, 0, timestamp);
        RtpHeaders.setSsrc(packet, 0, ssrc);
        System.arraycopy(payload, offset, packet, HEADER, length);
        nextSequence = (nextSequence + 1) & 0xffff;
        packets++;
        octets += length;
        sender.sendRtp(packet, HEADER + length);
    }

    long packets() {
        return packets;
    }

    /** A sender report (RFC 3550 §6.4.1) for this stream, empty before anything was sent. */
    Optional<SenderReport> senderReport(long nowNanos, Instant wallClock) {
        if (packets == 0) {
            return Optional.empty();
        }
        return Optional.of(new SenderReport(ssrc, NtpTime.fromInstant(wallClock), timestampAt(nowNanos),
                packets & 0xffffffffL, octets & 0xffffffffL, List.of()));
    }
}
