package dev.parley.media.bridge;

import dev.parley.media.loop.MediaLoop;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.sfu.DtmfDetector;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.ReceptionSample;
import dev.parley.media.sfu.ReceptionStats;
import dev.parley.media.sfu.RemoteReport;
import dev.parley.media.transport.UdpTransport;
import dev.parley.media.workers.LanePool;
import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.sdp.Codec;
import dev.parley.protocol.sdp.Direction;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A plain-RTP audio leg (RFC 3550, RTP/AVP of RFC 3551: no ICE, no DTLS, no SRTP) between a
 * room and a SIP far end, on the media server's one UDP port. It publishes the far end's voice
 * as a room track ({@link LegPublishing}), sends the far end what it hears of the room
 * ({@link LegHearing}), carries DTMF both ways (RFC 4733), follows SDP directions for hold,
 * and exchanges RTCP reports ({@link LegRtcp}). Packets reach it through the
 * {@link BridgeDirectory} by their source address. Media loop only; its codec work runs on its
 * own serial executor of {@link CodecWorkers}.
 */
public final class BridgeLeg {

    /** Who the leg belongs to (the room's peer): told of the track, of DTMF and of the end. */
    public interface Owner {
        void publish(PublishedTrack track);

        void unpublish(PublishedTrack track);

        void dtmf(char digit);

        void closed(String reason);
    }

    private static final long TICK_NANOS = 20_000_000L;
    /** RTCP every 5 s (RFC 3550 §6.2's minimum), the first one after 1 s so that round trips are known early. */
    private static final long REPORT_NANOS = 5_000_000_000L;
    private static final long FIRST_REPORT_NANOS = 1_000_000_000L;
    private static final int COMFORT_NOISE = 13;

    private final String id;
    private final MediaLoop loop;
    private final UdpTransport transport;
    private final BridgeDirectory directory;
    private final LanePool.Lane worker;
    private final InetSocketAddress local;
    private final List<String> preferences;
    private final boolean opusTowardsRoom;
    private final Owner owner;
    private final BridgeCounters counters = new BridgeCounters();
    private final PlainSdpWriter sdp = new PlainSdpWriter();
    private final LegRtcp rtcp;
    private final DtmfDetector dtmfIn;
    private final long ssrc = randomSsrc();
    private final long trackSsrc = randomSsrc();

    private RtpFormat format;
    private FarEnd farEnd;
    private List<String> offered = List.of();
    private boolean awaitingAnswer;
    private boolean localHold;
    private Direction localDirection = Direction.SENDRECV;
    private InetSocketAddress rtpRemote;
    private InetSocketAddress rtcpRemote;
    private boolean rtpReceived;
    private boolean rtcpReceived;
    private boolean sending;
    private boolean receiving;
    private OutboundStream out;
    private DtmfSender dtmfOut;
    private LegHearing hearing;
    private LegPublishing publishing;
    private List<PublishedTrack> wantHeard = List.of();
    private ReceptionStats reception = new ReceptionStats(8000);
    private long farSsrc = -1;
    private long nextTickNanos;
    private boolean closed;
    private String closeReason = "";

    BridgeLeg(String id, MediaLoop loop, UdpTransport transport, BridgeDirectory directory, LanePool.Lane worker,
              InetSocketAddress local, List<String> preferences, boolean opusTowardsRoom, Owner owner) {
        this.id = id;
        this.loop = loop;
        this.transport = transport;
        this.directory = directory;
        this.worker = worker;
        this.local = local;
        this.preferences = List.copyOf(preferences);
        this.opusTowardsRoom = opusTowardsRoom;
        this.owner = owner;
        this.rtcp = new LegRtcp("parley-" + id);
        this.dtmfIn = new DtmfDetector(owner::dtmf);
        directory.add(this);
        nextTickNanos = loop.nanoTime() + TICK_NANOS;
        loop.schedule(TICK_NANOS, this::tick);
        loop.schedule(FIRST_REPORT_NANOS, this::reportTick);
    }

    /** A leg of {@code owner}: Parley will offer ({@link #offer}) or answer the far end's offer ({@link #answer}). */
    public static BridgeLeg create(String id, MediaLoop loop, UdpTransport transport, BridgeDirectory directory,
                                   CodecWorkers workers, InetSocketAddress local, List<String> preferences,
                                   boolean opusTowardsRoom, Owner owner) {
        return new BridgeLeg(id, loop, transport, directory, workers.serial(), local, preferences, opusTowardsRoom, owner);
    }

    public String id() {
        return id;
    }

    /** The codec settled on; empty while Parley's offer waits for its answer. */
    public Optional<RtpFormat> format() {
        return Optional.ofNullable(format);
    }

    public BridgeCounters counters() {
        return counters;
    }

    public boolean isClosed() {
        return closed;
    }

    public boolean sending() {
        return sending;
    }

    public boolean receiving() {
        return receiving;
    }

    /** The track the far end's voice is published as, once the codec is known. */
    public Optional<PublishedTrack> publishedTrack() {
        return Optional.ofNullable(publishing).map(LegPublishing::track);
    }

    /** Where RTP goes now (after latching, where it comes from). */
    public Optional<InetSocketAddress> remoteRtp() {
        return Optional.ofNullable(rtpRemote);
    }

    // ---- negotiation -------------------------------------------------------------------

    /**
     * Parley's offer: every preferred codec when none is settled yet, else the settled one (a
     * re-offer must not make the far end switch codecs under a running call); {@code sendonly}
     * when holding the far end, {@code sendrecv} otherwise. {@link #acceptAnswer} completes it.
     */
    public String offer(boolean hold) {
        localHold = hold;
        localDirection = hold ? Direction.SENDONLY : Direction.SENDRECV;
        List<Codec> codecs;
        if (format == null) {
            offered = preferences;
            codecs = CodecChoice.offer(preferences);
        } else {
            offered = List.of(format.optionName());
            codecs = answerCodecs(format);
        }
        awaitingAnswer = true;
        return sdp.write(local, codecs, localDirection, List.of(), 0, true);
    }

    /** The far end's answer to Parley's last offer; may come twice (a 183's early media, then the 200). */
    public void acceptAnswer(String sdpAnswer) {
        if (offered.isEmpty()) {
            throw new NegotiationException("Parley made no offer on RTP leg " + id);
        }
        FarEnd answer = FarEnd.parse(sdpAnswer);
        if (answer.rejected()) {
            throw new NegotiationException("the far end rejected the audio (port 0)");
        }
        RtpFormat chosen = CodecChoice.fromAnswer(answer, offered);
        apply(answer, chosen, localDirection);
        awaitingAnswer = false;
    }

    /** Answers the far end's first offer (an inbound INVITE). */
    public String answer(FarEnd offer) {
        if (offer.rejected()) {
            throw new NegotiationException("the offer rejects its audio section (port 0)");
        }
        RtpFormat chosen = CodecChoice.answer(offer, preferences);
        return applyOffer(offer, chosen);
    }

    /** The far end's new offer in a running call (re-INVITE: hold, resume, new address): Parley's answer. */
    public String update(String sdpOffer) {
        FarEnd offer = FarEnd.parse(sdpOffer);
        RtpFormat chosen = format == null ? CodecChoice.answer(offer, preferences)
                : CodecChoice.keep(offer, format).orElseGet(() -> CodecChoice.answer(offer, preferences));
        return applyOffer(offer, chosen);
    }

    private String applyOffer(FarEnd offer, RtpFormat chosen) {
        Direction wish = localHold ? Direction.SENDONLY : Direction.SENDRECV;
        Direction direction = intersect(wish, offer.effectiveDirection().reversed());
        apply(offer, chosen, direction);
        localDirection = direction;
        return sdp.write(local, answerCodecs(chosen), direction, offer.sections(), offer.audioIndex(), offer.rtcpMux());
    }

    private List<Codec> answerCodecs(RtpFormat f) {
        var codecs = new java.util.ArrayList<Codec>();
        var main = f.channels() > 1 ? Codec.of(f.payloadType(), f.name(), f.clockRate(), f.channels())
                : Codec.of(f.payloadType(), f.name(), f.clockRate());
        codecs.add(f.fmtp().isEmpty() ? main : main.withFmtp(f.fmtp()));
        if (f.hasTelephoneEvent()) {
            codecs.add(Codec.of(f.telephoneEventPayloadType(), "telephone-event", f.clockRate()).withFmtp(CodecChoice.EVENTS));
        }
        return codecs;
    }

    private static Direction intersect(Direction a, Direction b) {
        boolean send = a.sends() && b.sends();
        boolean receive = a.receives() && b.receives();
        return send && receive ? Direction.SENDRECV : send ? Direction.SENDONLY
                : receive ? Direction.RECVONLY : Direction.INACTIVE;
    }

    /** Takes the far end's addresses, the codec and the directions; rebuilds what the codec change needs. */
    private void apply(FarEnd far, RtpFormat chosen, Direction local) {
        rebind(far);
        farEnd = far;
        if (format == null || !format.equals(chosen)) {
            reconfigure(chosen);
        }
        boolean wasSending = sending;
        sending = local.sends() && far.receives();
        receiving = local.receives() && far.sends();
        if (!sending && dtmfOut != null) {
            dtmfOut.cancel("the far end does not take media now (hold)");
        }
        if (sending && !wasSending) {
            hearing.restart();
        }
    }

    private void rebind(FarEnd far) {
        InetSocketAddress newRtp = far.rtp().orElse(null);
        InetSocketAddress newRtcp = far.rtcp().orElse(null);
        boolean moved = !java.util.Objects.equals(newRtp, farEnd == null ? null : farEnd.rtp().orElse(null))
                || !java.util.Objects.equals(newRtcp, farEnd == null ? null : farEnd.rtcp().orElse(null));
        if (!moved && rtpRemote != null) {
            return; // same SDP address: keep what latching learnt
        }
        unbind();
        rtpRemote = newRtp;
        rtcpRemote = newRtcp;
        rtpReceived = false;
        rtcpReceived = false;
        if (rtpRemote != null) {
            directory.bind(rtpRemote, this);
            directory.bind(rtcpRemote, this);
            directory.allowLatching(rtpRemote.getAddress(), this);
            if (!rtcpRemote.getAddress().equals(rtpRemote.getAddress())) {
                directory.allowLatching(rtcpRemote.getAddress(), this);
            }
        }
    }

    private void unbind() {
        if (rtpRemote != null) {
            directory.unbind(rtpRemote, this);
        }
        if (rtcpRemote != null) {
            directory.unbind(rtcpRemote, this);
        }
        directory.stopLatching(this);
    }

    private void reconfigure(RtpFormat chosen) {
        if (publishing != null) {
            PublishedTrack old = publishing.track();
            publishing.close();
            owner.unpublish(old);
        }
        if (hearing != null) {
            hearing.close();
        }
        releaseCodecState();
        format = chosen;
        reception = new ReceptionStats(chosen.clockRate());
        farSsrc = -1;
        out = new OutboundStream(ssrc, chosen.clockRate(), this::sendRtp);
        dtmfOut = chosen.hasTelephoneEvent() ? new DtmfSender(chosen.telephoneEventPayloadType(), chosen.clockRate(), out)
                : null;
        hearing = new LegHearing(chosen, loop, worker, out, counters, () -> sending && rtpRemote != null,
                () -> dtmfOut != null && dtmfOut.active());
        hearing.hear(wantHeard);
        publishing = new LegPublishing(id, chosen, opusTowardsRoom, loop, worker, counters, trackSnapshotSsrc());
        owner.publish(publishing.track());
    }

    /** A fresh SSRC for each published track: a subscriber must not see one SSRC change codec. */
    private long trackSnapshotSsrc() {
        return publishing == null ? trackSsrc : randomSsrc();
    }

    // ---- room side -----------------------------------------------------------------------

    /** The far end hears exactly these room tracks from now on. */
    public void hear(List<PublishedTrack> tracks) {
        wantHeard = List.copyOf(tracks);
        if (hearing != null) {
            hearing.hear(wantHeard);
        }
    }

    public void setPaused(String trackId, boolean paused) {
        if (hearing != null) {
            hearing.setPaused(trackId, paused);
        }
    }

    /** Sends {@code digits} as RFC 4733 events; the future completes when the last one has ended. */
    public CompletableFuture<Void> sendDtmf(String digits) {
        if (!DtmfSender.valid(digits)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "DTMF digits are 0-9, *, #, A-D: " + digits));
        }
        if (dtmfOut == null) {
            return CompletableFuture.failedFuture(new NegotiationException(format == null
                    ? "the RTP leg has no codec yet" : "the far end did not negotiate telephone-event"));
        }
        if (!sending || rtpRemote == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the far end does not take media now (hold)"));
        }
        var done = new CompletableFuture<Void>();
        dtmfOut.enqueue(digits, done);
        return done;
    }

    // ---- network side --------------------------------------------------------------------

    /** Whether a datagram of {@code kind} from an unknown port of the far end's IP may be taken as its address. */
    boolean mayLatch(PacketKind kind, int payloadType) {
        if (closed || format == null || rtpRemote == null) {
            return false;
        }
        if (kind == PacketKind.RTCP) {
            return !rtcpReceived;
        }
        return !rtpReceived && (payloadType == format.payloadType() || payloadType == format.telephoneEventPayloadType()
                || payloadType == COMFORT_NOISE || otherLaw(payloadType));
    }

    /** The far end sends from {@code from}: send there from now on (symmetric RTP). */
    void latch(PacketKind kind, InetSocketAddress from) {
        counters.latched++;
        if (kind == PacketKind.RTP) {
            boolean muxed = rtcpRemote.equals(rtpRemote);
            directory.unbind(rtpRemote, this);
            rtpRemote = from;
            if (muxed || !rtcpReceived) {
                // RTCP follows: on the same port with rtcp-mux, else on the next one (RFC 3550 §11).
                directory.unbind(rtcpRemote, this);
                rtcpRemote = muxed ? from : new InetSocketAddress(from.getAddress(), from.getPort() + 1);
                directory.bind(rtcpRemote, this);
            }
            directory.bind(from, this);
        } else {
            if (!rtcpRemote.equals(rtpRemote)) {
                directory.unbind(rtcpRemote, this);
            }
            rtcpRemote = from;
            directory.bind(from, this);
        }
    }

    /** A datagram from one of the far end's addresses. Never throws: what does not fit is counted and dropped. */
    void onDatagram(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        if (closed) {
            return;
        }
        switch (PacketKind.classify(b, off, len)) {
            case RTP -> onRtp(b, off, len, from, nowNanos);
            case RTCP -> onRtcp(b, off, len, from, nowNanos);
            default -> counters.notRtp++;
        }
    }

    private void onRtp(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        int headerLength = RtpHeaders.headerLength(b, off, len);
        if (headerLength < 0) {
            counters.malformed++;
            return;
        }
        if (format == null) {
            counters.beforeAnswer++;
            return;
        }
        if (from.equals(rtpRemote) && !rtpReceived) {
            rtpReceived = true;
            if (rtcpReceived || rtcpRemote.equals(rtpRemote)) {
                directory.stopLatching(this);
            }
        }
        counters.rtpIn++;
        long packetSsrc = RtpHeaders.ssrc(b, off);
        if (packetSsrc != farSsrc) {
            farSsrc = packetSsrc;
            reception = new ReceptionStats(format.clockRate()); // RFC 3550 A.1: a new source starts over
        }
        reception.onPacket(RtpHeaders.sequenceNumber(b, off), RtpHeaders.timestamp(b, off), nowNanos);
        int payloadType = RtpHeaders.payloadType(b, off);
        if (payloadType == format.telephoneEventPayloadType()) {
            counters.eventsIn++;
            if (receiving) {
                dtmfIn.onPacket(b, off, len, headerLength);
            }
            return;
        }
        if (payloadType == COMFORT_NOISE) {
            counters.comfortNoise++; // RFC 3389: the far end went quiet; nothing to publish
            return;
        }
        boolean other = otherLaw(payloadType);
        if (payloadType != format.payloadType() && !other) {
            counters.unknownPayloadType++;
            return;
        }
        if (!receiving) {
            counters.droppedNotReceiving++;
            return;
        }
        publishing.onAudio(b, off, len, headerLength, other, nowNanos);
    }

    private boolean otherLaw(int payloadType) {
        return format.isPcmu() && payloadType == 8 || format.isPcma() && payloadType == 0;
    }

    private void onRtcp(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        if (format == null) {
            counters.beforeAnswer++;
            return;
        }
        if (!rtcp.onCompound(b, off, len, ssrc, format.clockRate(), reception, farSsrc, nowNanos)) {
            counters.malformed++;
            return;
        }
        counters.rtcpIn++;
        if (from.equals(rtcpRemote) && !rtcpReceived) {
            rtcpReceived = true;
            if (rtpReceived) {
                directory.stopLatching(this);
            }
        }
    }

    private void sendRtp(byte[] packet, int length) {
        if (rtpRemote != null) {
            counters.rtpOut++;
            transport.send(packet, 0, length, rtpRemote);
        }
    }

    // ---- timers --------------------------------------------------------------------------

    private void tick() {
        if (closed) {
            return;
        }
        long now = loop.nanoTime();
        if (hearing != null && sending && rtpRemote != null) {
            if (dtmfOut != null) {
                dtmfOut.tick(now);
            }
            hearing.tick();
        }
        // A fixed cadence, not "20 ms after this one": timer lateness must not add up.
        nextTickNanos += TICK_NANOS;
        if (nextTickNanos - now < 0) {
            nextTickNanos = now + TICK_NANOS;
        }
        loop.schedule(nextTickNanos - now, this::tick);
    }

    private void reportTick() {
        if (closed) {
            return;
        }
        sendReport(false);
        // RFC 3550 §6.3.1: randomised between 0.5 and 1.5 times the interval, so reports of many legs never align.
        long next = (long) (REPORT_NANOS * (0.5 + ThreadLocalRandom.current().nextDouble()));
        loop.schedule(next, this::reportTick);
    }

    private void sendReport(boolean bye) {
        if (out == null || rtcpRemote == null || !sending && !receiving && !bye) {
            return;
        }
        int length = rtcp.compose(out, reception, farSsrc, loop.nanoTime(), bye);
        counters.rtcpOut++;
        transport.send(rtcp.buffer(), 0, length, rtcpRemote);
    }

    // ---- statistics, state, end ------------------------------------------------------------

    /** The far end's latest report about Parley's stream. */
    public Optional<RemoteReport> remoteReport() {
        return rtcp.remoteReport();
    }

    /** Loss and jitter of the far end's stream since the previous call. */
    public ReceptionSample sampleReception() {
        return reception.sample();
    }

    /** Whether the mixer or the Opus transcoder decoded anything (never in passthrough). */
    public long decodes() {
        long mixed = hearing == null ? 0 : hearing.mix().decodes.get();
        return mixed + (publishing == null ? 0 : publishing.transcoderDecodes());
    }

    public Map<String, Object> debugState() {
        var state = new LinkedHashMap<String, Object>();
        state.put("id", id);
        state.put("kind", "rtp");
        state.put("state", closed ? "CLOSED" : format == null ? "AWAITING_ANSWER" : "ACTIVE");
        state.put("codec", format == null ? "" : format.name() + "/" + format.clockRate());
        state.put("remoteRtp", String.valueOf(rtpRemote));
        state.put("remoteRtcp", String.valueOf(rtcpRemote));
        state.put("direction", localDirection.sdpName());
        state.put("sending", sending);
        state.put("receiving", receiving);
        state.put("ssrc", ssrc);
        state.put("farSsrc", farSsrc);
        state.put("mode", hearing == null ? "" : hearing.mode().name());
        state.put("heard", hearing == null ? List.of() : hearing.heardIds());
        state.put("published", publishedTrack().map(PublishedTrack::id).orElse(""));
        state.put("transcodesToRoom", publishing != null && publishing.transcodes());
        state.put("counters", counters.toMap());
        state.put("codecDrops", worker.dropped());
        return state;
    }

    /** Closes the leg: RTCP BYE to the far end, its track and every leg of it, its taps, its codec state. */
    public void close(String reason) {
        if (closed) {
            return;
        }
        sendReport(true);
        closed = true;
        closeReason = reason;
        if (dtmfOut != null) {
            dtmfOut.cancel("the RTP leg closed");
        }
        if (hearing != null) {
            hearing.close();
        }
        if (publishing != null) {
            publishing.close();
        }
        unbind();
        directory.remove(this);
        Runnable release = releaser();
        worker.close(release);
        owner.closed(reason);
    }

    public String closeReason() {
        return closeReason;
    }

    private void releaseCodecState() {
        if (hearing != null || publishing != null) {
            Runnable release = releaser();
            worker.execute(release);
        }
    }

    private Runnable releaser() {
        HearingMix mix = hearing == null ? null : hearing.mix();
        Runnable publisher = publishing == null ? () -> { } : publishing.releaser();
        return () -> {
            if (mix != null) {
                mix.release();
            }
            publisher.run();
        };
    }

    private static long randomSsrc() {
        long value;
        do {
            value = ThreadLocalRandom.current().nextLong(1L << 32);
        } while (value == 0);
        return value;
    }
}
