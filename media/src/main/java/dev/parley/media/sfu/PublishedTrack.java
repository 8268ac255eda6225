package dev.parley.media.sfu;

import dev.parley.protocol.rtcp.PictureLossIndication;
import dev.parley.protocol.rtcp.ReportBlock;
import dev.parley.protocol.rtp.HeaderExtensions;
import dev.parley.protocol.rtp.RtpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * A track a peer publishes: its SSRC (and RTX SSRC), codec, reception statistics and the legs
 * that forward it. Packets come in from the publisher's connection, already decrypted, and go
 * out on every leg. Keyframe requests from all legs reach the publisher at most once per
 * {@link #KEYFRAME_REQUEST_INTERVAL_NANOS}. Media loop only.
 */
public final class PublishedTrack {

    /** Requests closer together than this are folded into one: a keyframe costs a lot of bandwidth. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

    /**
     * Describes the incoming stream.
     *
     * @param mid                       the mid of the publisher's offered section ("" when Parley offered)
     * @param telephoneEventPayloadType the RFC 4733 payload type negotiated on this audio section, or -1
     */
    public record Source(String trackId, String streamId, MediaKind kind, String codecName, int clockRate,
                         int payloadType, long ssrc, long rtxSsrc, int rtxPayloadType, int audioLevelExtensionId,
                         String fmtp, String mid, int telephoneEventPayloadType) {

        public Source(String trackId, String streamId, MediaKind kind, String codecName, int clockRate,
                      int payloadType, long ssrc, long rtxSsrc, int rtxPayloadType, int audioLevelExtensionId,
                      String fmtp) {
            this(trackId, streamId, kind, codecName, clockRate, payloadType, ssrc, rtxSsrc, rtxPayloadType,
                    audioLevelExtensionId, fmtp, "", -1);
        }

        public boolean hasRtx() {
            return rtxSsrc >= 0;
        }
    }

    private final Source source;
    private final String publisherId;
    private final PacketOutput publisher;
    private final long feedbackSsrc;
    private final ReceptionStats reception;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<TrackTap> taps = new ArrayList<>();
    private final byte[] rtxScratch = new byte[SentPacketHistory.MAX_PACKET + 64];
    private long lastKeyframeRequestNanos = Long.MIN_VALUE / 2;
    private long packetsReceived;
    private long keyframeRequestsSent;
    private int audioLevel = 127;
    private long lastAudioLevelNanos;
    private boolean closed;
    private DtmfDetector dtmf;

    /**
     * @param publisherId  who publishes it (an endpoint id), for room bookkeeping
     * @param publisher    the publisher's connection, where keyframe requests and reports go
     * @param feedbackSsrc the SSRC the SFU uses as sender of its feedback to this publisher
     */
    public PublishedTrack(Source source, String publisherId, PacketOutput publisher, long feedbackSsrc) {
        this.source = source;
        this.publisherId = publisherId;
        this.publisher = publisher;
        this.feedbackSsrc = feedbackSsrc;
        this.reception = new ReceptionStats(source.clockRate());
    }

    public String id() {
        return source.trackId();
    }

    public Source source() {
        return source;
    }

    public String publisherId() {
        return publisherId;
    }

    public MediaKind kind() {
        return source.kind();
    }

    public String codecName() {
        return source.codecName();
    }

    public int clockRate() {
        return source.clockRate();
    }

    /**
     * Where the DTMF keys the publisher sends in band go (RFC 4733). Telephone-event packets
     * are never forwarded, listener or not: legs do not negotiate that payload type.
     */
    public void onDtmf(DtmfDetector.Listener listener) {
        dtmf = new DtmfDetector(listener);
    }

    int audioLevelExtensionId() {
        return source.audioLevelExtensionId();
    }

    /** Starts forwarding this track to {@code out} as {@code format}; the leg gets a fresh SSRC. */
    public Subscription subscribe(PacketOutput out, LegFormat format, long legSsrc, long nowNanos) {
        var subscription = new Subscription(this, out, format, legSsrc);
        addSubscription(subscription);
        // Ask now only when the leg can carry the answer. A leg still in its DTLS handshake
        // would drop the keyframe, and this request would hold back (throttle) the one its
        // first packet makes once it is ready.
        if (kind() == MediaKind.VIDEO && out.isReady()) {
            requestKeyframe(nowNanos);
        }
        return subscription;
    }

    void addSubscription(Subscription subscription) {
        subscriptions.add(subscription);
    }

    void removeSubscription(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** Hands every audio or video packet of this track to {@code tap} as well, until {@link #removeTap}. */
    public void addTap(TrackTap tap) {
        if (!closed && !taps.contains(tap)) {
            taps.add(tap);
        }
    }

    public void removeTap(TrackTap tap) {
        taps.remove(tap);
    }

    public int tapCount() {
        return taps.size();
    }

    /**
     * The audio level (RFC 6464: 0 loudest .. 127 silent) of the packet just received, for a
     * publisher that sends no audio-level header extension but whose level Parley can compute
     * (the RTP bridge's G.711); used for the room's active speaker.
     */
    public void reportAudioLevel(int level, long nowNanos) {
        audioLevel = Math.max(0, Math.min(127, level));
        lastAudioLevelNanos = nowNanos;
    }

    /** An RTP packet of this track's SSRC, decrypted; its header length already checked by the caller. */
    public void onRtp(byte[] b, int off, int len, int headerLength, long nowNanos) {
        if (closed || !reception.onPacket(RtpHeaders.sequenceNumber(b, off), RtpHeaders.timestamp(b, off), nowNanos)) {
            return;
        }
        packetsReceived++;
        // Events share the audio's SSRC and sequence numbers, so they count in the statistics
        // above (or they would look like loss), but subscribers never see them.
        if (source.telephoneEventPayloadType() >= 0
                && RtpHeaders.payloadType(b, off) == source.telephoneEventPayloadType()) {
            if (dtmf != null) {
                dtmf.onPacket(b, off, len, headerLength);
            }
            return;
        }
        if (source.audioLevelExtensionId() > 0) {
            int at = HeaderExtensions.findExtension(b, off, len, source.audioLevelExtensionId());
            if (at >= 0) {
                audioLevel = b[at] & 0x7f;
                lastAudioLevelNanos = nowNanos;
            }
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            subscriptions.get(i).forward(b, off, len, headerLength, nowNanos);
        }
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).onRtp(this, b, off, len, headerLength, nowNanos);
        }
    }

    /**
     * An RFC 4588 retransmission on the RTX SSRC: the original sequence number is the first two
     * payload bytes. It is unwrapped into the original packet and handled as if it came late.
     */
    public void onRtx(byte[] b, int off, int len, int headerLength, long nowNanos) {
        int payloadLength = len - headerLength - RtpHeaders.paddingLength(b, off, len);
        if (payloadLength <= 2 || len > rtxScratch.length) {
            return; // an empty RTX packet is a bandwidth probe
        }
        int originalSequence = ((b[off + headerLength] & 0xff) << 8) | (b[off + headerLength + 1] & 0xff);
        System.arraycopy(b, off, rtxScratch, 0, headerLength);
        rtxScratch[0] &= (byte) ~0x20; // no padding in the rebuilt packet
        RtpHeaders.setSsrc(rtxScratch, 0, source.ssrc());
        RtpHeaders.setPayloadType(rtxScratch, 0, source.payloadType());
        RtpHeaders.setSequenceNumber(rtxScratch, 0, originalSequence);
        System.arraycopy(b, off + headerLength + 2, rtxScratch, headerLength, payloadLength - 2);
        onRtp(rtxScratch, 0, headerLength + payloadLength - 2, headerLength, nowNanos);
    }

    /** The publisher sent a sender report for this track. */
    public void onSenderReport(long ntpTimestamp, long rtpTimestamp, long nowNanos) {
        reception.onSenderReport(ntpTimestamp, nowNanos);
        for (int i = 0; i < taps.size(); i++) {
            taps.get(i).onSenderReport(this, ntpTimestamp, rtpTimestamp, nowNanos);
        }
    }

    /** Asks the publisher for a keyframe, unless one was asked for very recently. */
    public void requestKeyframe(long nowNanos) {
        if (kind() != MediaKind.VIDEO || closed || nowNanos - lastKeyframeRequestNanos < KEYFRAME_REQUEST_INTERVAL_NANOS) {
            return;
        }
        lastKeyframeRequestNanos = nowNanos;
        keyframeRequestsSent++;
        var pli = new PictureLossIndication(feedbackSsrc, source.ssrc());
        byte[] packet = new byte[pli.encodedLength()];
        pli.writeTo(packet, 0);
        publisher.sendRtcp(packet, 0, packet.length);
    }

    /** The report block for this track in the SFU's next receiver report to the publisher. */
    public java.util.Optional<ReportBlock> reportBlock(long nowNanos) {
        return reception.hasPackets() ? java.util.Optional.of(reception.reportBlock(source.ssrc(), nowNanos))
                : java.util.Optional.empty();
    }

    /** Loss and jitter measured since the previous call (for link statistics; independent of the RRs). */
    public ReceptionSample sampleReception() {
        return reception.sample();
    }

    /** The last audio level heard (RFC 6464: 0 loudest .. 127 silent), if heard in the last second. */
    public int recentAudioLevel(long nowNanos) {
        return nowNanos - lastAudioLevelNanos < 1_000_000_000L ? audioLevel : 127;
    }

    /** Stops forwarding and closes every leg. */
    public void close() {
        closed = true;
        for (Subscription subscription : List.copyOf(subscriptions)) {
            subscription.close();
        }
        subscriptions.clear();
        for (TrackTap tap : List.copyOf(taps)) {
            tap.onTrackClosed(this);
        }
        taps.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    public Stats stats() {
        return new Stats(packetsReceived, reception.cumulativeLost(), reception.jitterSeconds(), keyframeRequestsSent,
                subscriptions.size());
    }

    /** Counters of one published track. */
    public record Stats(long packetsReceived, long packetsLost, double jitterSeconds, long keyframeRequestsSent,
                        int subscriptions) {
    }
}
