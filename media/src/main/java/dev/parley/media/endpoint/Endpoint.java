package dev.parley.media.endpoint;

import dev.parley.media.loop.MediaLoop;
import dev.parley.media.sfu.PacketOutput;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.Subscription;
import dev.parley.media.transport.UdpTransport;
import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.dtls.DtlsCertificate;
import dev.parley.protocol.dtls.DtlsConnection;
import dev.parley.protocol.dtls.DtlsException;
import dev.parley.protocol.dtls.DtlsFingerprint;
import dev.parley.protocol.dtls.DtlsResult;
import dev.parley.protocol.dtls.DtlsRole;
import dev.parley.protocol.dtls.DtlsSrtpProfile;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.ice.IceLiteAgent;
import dev.parley.protocol.rtp.RtpHeaders;
import dev.parley.protocol.srtp.SrtpProfile;
import dev.parley.protocol.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection through the SFU: ICE-lite, DTLS-SRTP and the peer's tracks in both
 * directions. Packets for it arrive on the media loop (see {@link EndpointDirectory}); it
 * decrypts them, hands RTP to its published tracks and RTCP feedback to its legs, and sends
 * what the legs forward. The DTLS handshake alone runs elsewhere, on a virtual thread of its
 * own, because BouncyCastle's handshake blocks.
 */
public final class Endpoint implements PacketOutput {

    /** Where the endpoint is in its life. */
    public enum State { NEW, CONNECTING, CONNECTED, CLOSED }

    /** The peer's transport parameters, from its SDP. */
    public record RemoteTransport(IceCredentials ice, DtlsFingerprint fingerprint, DtlsRole localRole) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final List<DtlsSrtpProfile> SRTP_PROFILES =
            List.of(DtlsSrtpProfile.AEAD_AES_128_GCM, DtlsSrtpProfile.AES_CM_128_HMAC_SHA1_80);
    private static final int SCRATCH = 1600;

    private final String id;
    private final MediaLoop loop;
    private final UdpTransport transport;
    private final EndpointDirectory directory;
    private final IceLiteAgent ice;
    private IceCredentials localIce;
    private RemoteTransport remoteTransport;
    private final DtlsCertificate certificate;
    /** Created once the peer's DTLS fingerprint and role are known (at once for peer offers, at the answer for ours). */
    private DtlsConnection dtls;
    private final java.util.ArrayDeque<byte[]> earlyDtls = new java.util.ArrayDeque<>();
    private final EndpointListener listener;
    private final RtcpHandler rtcp;
    private final Map<Long, PublishedTrack> tracksBySsrc = new HashMap<>();
    private final Map<Long, PublishedTrack> tracksByRtxSsrc = new HashMap<>();
    private final Map<Long, Subscription> legsBySsrc = new HashMap<>();
    private final byte[] rtcpScratch = new byte[SCRATCH];
    private final long feedbackSsrc;
    private final EndpointCounters counters = new EndpointCounters();

    private volatile InetSocketAddress remote;
    /** Fault injection for tests: every datagram from and to the peer is dropped (see {@link #setBlackhole}). */
    private boolean blackhole;
    /** Fault injection for tests: the share of outgoing RTP dropped on purpose (see {@link #setOutboundRtpLoss}). */
    private double outboundRtpLoss;
    private final java.util.SplittableRandom lossRandom = new java.util.SplittableRandom(7);
    private State state = State.NEW;
    private boolean handshakeStarted;
    private SrtpSession srtpOut;
    private SrtpSession srtpIn;
    private String closeReason = "";

    public Endpoint(String id, MediaLoop loop, UdpTransport transport, EndpointDirectory directory, DtlsCertificate certificate,
             IceCredentials localIce, RemoteTransport remoteTransport, long feedbackSsrc, EndpointListener listener) {
        this.id = id;
        this.loop = loop;
        this.transport = transport;
        this.directory = directory;
        this.localIce = localIce;
        this.feedbackSsrc = feedbackSsrc;
        this.listener = listener;
        this.certificate = certificate;
        this.ice = new IceLiteAgent(localIce, Optional.empty(), Duration.ofSeconds(30));
        this.rtcp = new RtcpHandler(this);
        directory.addUfrag(localIce.ufrag(), this);
        loop.schedule(REPORT_INTERVAL_NANOS, this::reportTick);
        if (remoteTransport != null) {
            setRemoteTransport(remoteTransport);
        }
    }

    /**
     * An endpoint whose peer's transport is not known yet: Parley made the offer and waits for
     * the answer. ICE checks are answered already (a lite agent needs only its own password);
     * DTLS datagrams that arrive before {@link #setRemoteTransport} are kept and replayed.
     */
    public static Endpoint awaitingAnswer(String id, MediaLoop loop, UdpTransport transport, EndpointDirectory directory,
                                          DtlsCertificate certificate, IceCredentials localIce, long feedbackSsrc,
                                          EndpointListener listener) {
        return new Endpoint(id, loop, transport, directory, certificate, localIce, null, feedbackSsrc, listener);
    }

    /** The peer's ICE credentials, DTLS fingerprint and our DTLS role, from its SDP. Once only. */
    public void setRemoteTransport(RemoteTransport remoteTransport) {
        if (dtls != null) {
            throw new IllegalStateException("endpoint " + id + " already knows its peer's transport");
        }
        ice.setRemote(remoteTransport.ice());
        this.remoteTransport = remoteTransport;
        dtls = new DtlsConnection(certificate, remoteTransport.localRole(), remoteTransport.fingerprint(),
                SRTP_PROFILES, this::sendDtls);
        if (remote != null && dtls.role() == DtlsRole.CLIENT) {
            startHandshakeIfNeeded();
        }
        for (byte[] datagram; (datagram = earlyDtls.poll()) != null; ) {
            startHandshakeIfNeeded();
            dtls.receive(datagram, 0, datagram.length);
        }
    }

    public String id() {
        return id;
    }

    public IceCredentials localIce() {
        return localIce;
    }

    /** The peer's ICE credentials (the latest, after a restart), DTLS fingerprint and our role; empty before its SDP. */
    public Optional<RemoteTransport> remoteTransport() {
        return Optional.ofNullable(remoteTransport);
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials, and the peer's new ones when it is the
     * offerer (else they come with its answer, {@link #setRemoteIce}). Checks with the old
     * ufrag are not routed here any more. The DTLS association, SRTP contexts, tracks and legs
     * stay; media keeps going to the current address until the peer nominates one with the new
     * credentials, and then follows it there.
     */
    public void restartIce(IceCredentials newLocal, Optional<IceCredentials> newRemote) {
        loop.assertOnLoop();
        directory.addUfrag(newLocal.ufrag(), this);
        directory.removeUfrag(localIce.ufrag(), this);
        localIce = newLocal;
        if (newRemote.isPresent()) {
            ice.restart(newLocal, newRemote.get());
            remoteTransport().ifPresent(t -> remoteTransport = new RemoteTransport(newRemote.get(), t.fingerprint(),
                    t.localRole()));
        } else {
            ice.restartLocal(newLocal);
        }
    }

    /** The peer's ICE credentials from its answer to our ICE-restart offer (same DTLS association). */
    public void setRemoteIce(IceCredentials remoteIce) {
        loop.assertOnLoop();
        ice.setRemote(remoteIce);
        remoteTransport().ifPresent(t -> remoteTransport = new RemoteTransport(remoteIce, t.fingerprint(), t.localRole()));
    }

    public State state() {
        return state;
    }

    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable(remote);
    }

    public long feedbackSsrc() {
        return feedbackSsrc;
    }

    public EndpointCounters counters() {
        return counters;
    }

    /** Routes incoming RTP with {@code ssrc} (and its RTX SSRC, if any) to {@code track}. */
    public void addPublishedTrack(PublishedTrack track) {
        loop.assertOnLoop();
        tracksBySsrc.put(track.source().ssrc(), track);
        if (track.source().hasRtx()) {
            tracksByRtxSsrc.put(track.source().rtxSsrc(), track);
        }
    }

    public List<PublishedTrack> publishedTracks() {
        return List.copyOf(tracksBySsrc.values());
    }

    /** Feedback from the peer about {@code subscription}'s SSRC reaches it from now on. */
    public void addLeg(Subscription subscription) {
        loop.assertOnLoop();
        legsBySsrc.put(subscription.ssrc(), subscription);
    }

    public List<Subscription> legs() {
        return List.copyOf(legsBySsrc.values());
    }

    public PublishedTrack trackBySsrc(long ssrc) {
        return tracksBySsrc.get(ssrc);
    }

    Subscription legBySsrc(long ssrc) {
        return legsBySsrc.get(ssrc);
    }

    /** A datagram from the network for this endpoint (media loop). */
    public void onPacket(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        if (state == State.CLOSED) {
            return;
        }
        if (blackhole) {
            counters.droppedByBlackhole++;
            return;
        }
        switch (PacketKind.classify(b, off, len)) {
            case STUN -> onStun(b, off, len, from, nowNanos);
            case DTLS -> {
                if (from.equals(remote) && dtls == null) {
                    if (earlyDtls.size() < 16) {
                        earlyDtls.add(java.util.Arrays.copyOfRange(b, off, off + len));
                    }
                } else if (from.equals(remote)) {
                    startHandshakeIfNeeded();
                    dtls.receive(b, off, len);
                } else {
                    counters.droppedFromUnknownAddress++;
                }
            }
            case RTP -> onRtp(b, off, len, from, nowNanos);
            case RTCP -> onRtcp(b, off, len, from, nowNanos);
            case UNKNOWN -> counters.droppedUnknown++;
        }
    }

    private void onStun(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        IceLiteAgent.Result result = ice.handleBindingRequest(b, off, len, from, nowNanos);
        result.response().ifPresent(response -> send(response, 0, response.length, from));
        switch (result.event()) {
            case IceLiteAgent.Event.Selected selected -> select(selected.address());
            case IceLiteAgent.Event.Switched switched -> {
                directory.unbindAddress(switched.previous(), this);
                select(switched.current());
                listener.onAddressChanged(this);
            }
            default -> {
            }
        }
    }

    private void select(InetSocketAddress address) {
        if (remote != null && !remote.equals(address)) {
            directory.unbindAddress(remote, this); // consent had expired; the peer came back elsewhere
        }
        remote = address;
        directory.bindAddress(address, this);
        if (state == State.NEW) {
            state = State.CONNECTING;
        }
        if (dtls != null && dtls.role() == DtlsRole.CLIENT) {
            startHandshakeIfNeeded();
        }
    }

    private void startHandshakeIfNeeded() {
        if (handshakeStarted || dtls == null) {
            return;
        }
        handshakeStarted = true;
        DtlsConnection connection = dtls;
        Thread.ofVirtual().name("dtls-" + id).start(() -> {
            try {
                DtlsResult result = connection.handshake(HANDSHAKE_TIMEOUT);
                loop.execute(() -> onHandshakeDone(result));
            } catch (DtlsException e) {
                loop.execute(() -> close("DTLS failed: " + e.reason() + " (" + e.getMessage() + ")"));
            }
        });
    }

    private void onHandshakeDone(DtlsResult result) {
        if (state == State.CLOSED) {
            return;
        }
        SrtpProfile profile = SrtpProfile.byId(result.profileId()).orElseThrow();
        srtpOut = SrtpSession.sender(profile, result.localKey(), result.localSalt());
        srtpIn = SrtpSession.receiver(profile, result.remoteKey(), result.remoteSalt());
        state = State.CONNECTED;
        dtls.onClose(() -> loop.execute(() -> close("the peer closed DTLS")));
        LOG.debug("endpoint {} connected to {} with {}", id, remote, profile);
        listener.onConnected(this);
    }

    private void onRtp(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        if (srtpIn == null || !from.equals(remote)) {
            counters.droppedBeforeConnected++;
            return;
        }
        int plain = srtpIn.unprotectRtp(b, off, len);
        if (plain < 0) {
            counters.srtpFailures++;
            return;
        }
        int headerLength = RtpHeaders.headerLength(b, off, plain);
        if (headerLength < 0) {
            return;
        }
        counters.rtpIn++;
        long ssrc = RtpHeaders.ssrc(b, off);
        PublishedTrack track = tracksBySsrc.get(ssrc);
        if (track != null) {
            track.onRtp(b, off, plain, headerLength, nowNanos);
            return;
        }
        PublishedTrack retransmitted = tracksByRtxSsrc.get(ssrc);
        if (retransmitted != null) {
            retransmitted.onRtx(b, off, plain, headerLength, nowNanos);
            return;
        }
        if (!listener.onUnknownSsrc(this, ssrc, b, off, plain, headerLength)) {
            counters.droppedUnknownSsrc++;
        }
    }

    private void onRtcp(byte[] b, int off, int len, InetSocketAddress from, long nowNanos) {
        if (srtpIn == null || !from.equals(remote)) {
            counters.droppedBeforeConnected++;
            return;
        }
        int plain = srtpIn.unprotectRtcp(b, off, len);
        if (plain < 0) {
            counters.srtpFailures++;
            return;
        }
        counters.rtcpIn++;
        rtcp.onCompound(b, off, plain, nowNanos);
    }

    /**
     * Drops {@code share} (0..1) of the RTP this endpoint sends, at random, as a lossy network
     * would: for tests of NACK and keyframe recovery. Retransmissions are dropped alike.
     */
    public void setOutboundRtpLoss(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("loss share " + share);
        }
        outboundRtpLoss = share;
    }

    @Override
    public void sendRtp(byte[] buffer, int offset, int length) {
        if (srtpOut == null || remote == null) {
            return;
        }
        if (outboundRtpLoss > 0 && lossRandom.nextDouble() < outboundRtpLoss) {
            counters.droppedByFaultInjection++;
            return;
        }
        int protectedLength = srtpOut.protectRtp(buffer, offset, length);
        if (protectedLength > 0) {
            counters.rtpOut++;
            send(buffer, offset, protectedLength, remote);
        }
    }

    @Override
    public void sendRtcp(byte[] buffer, int offset, int length) {
        if (srtpOut == null || remote == null || length + srtpOut.maxOverhead() > rtcpScratch.length) {
            return;
        }
        System.arraycopy(buffer, offset, rtcpScratch, 0, length);
        int protectedLength = srtpOut.protectRtcp(rtcpScratch, 0, length);
        if (protectedLength > 0) {
            counters.rtcpOut++;
            send(rtcpScratch, 0, protectedLength, remote);
        }
    }

    @Override
    public boolean isReady() {
        return state == State.CONNECTED;
    }

    private void sendDtls(byte[] datagram) {
        InetSocketAddress to = remote;
        if (to != null) {
            send(datagram, 0, datagram.length, to);
        }
    }

    /**
     * Drops every datagram from and to the peer while on (STUN, DTLS, SRTP alike), counting
     * them, as a network that went away would. For tests of reconnection and ICE restart only:
     * consent expires after 30 s of it like after any outage.
     */
    public void setBlackhole(boolean on) {
        loop.assertOnLoop();
        blackhole = on;
    }

    public boolean blackhole() {
        return blackhole;
    }

    private void send(byte[] buffer, int offset, int length, InetSocketAddress to) {
        if (blackhole) {
            counters.droppedByBlackhole++;
            return;
        }
        transport.send(buffer, offset, length, to);
    }

    /** Another endpoint now owns {@code address} (a NAT reused it): stop sending there. */
    void addressTakenOver(InetSocketAddress address) {
        if (address.equals(remote)) {
            remote = null;
        }
    }

    private void reportTick() {
        if (state == State.CLOSED) {
            return;
        }
        long now = loop.nanoTime();
        if (ice.consentExpired(now) && state != State.NEW) {
            close("ICE consent expired: no checks from the peer for 30 s");
            return;
        }
        if (state == State.CONNECTED) {
            rtcp.sendReports(now);
        }
        loop.schedule(REPORT_INTERVAL_NANOS, this::reportTick);
    }

    /** Closes the endpoint and everything it owns: its published tracks (and their legs), its legs, DTLS. */
    public void close(String reason) {
        loop.assertOnLoop();
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        closeReason = reason;
        for (PublishedTrack track : new ArrayList<>(tracksBySsrc.values())) {
            track.close();
        }
        for (Subscription leg : new ArrayList<>(legsBySsrc.values())) {
            leg.close();
        }
        tracksBySsrc.clear();
        tracksByRtxSsrc.clear();
        legsBySsrc.clear();
        if (dtls != null) {
            dtls.close();
        }
        earlyDtls.clear();
        directory.removeUfrag(localIce.ufrag(), this);
        if (remote != null) {
            directory.unbindAddress(remote, this);
        }
        LOG.debug("endpoint {} closed: {}", id, reason);
        listener.onClosed(this, reason);
    }

    public String closeReason() {
        return closeReason;
    }

    /** A JSON-ready snapshot for debugging. */
    public Map<String, Object> debugState() {
        var state = new java.util.LinkedHashMap<String, Object>();
        state.put("id", id);
        state.put("state", this.state.name());
        state.put("remote", String.valueOf(remote));
        state.put("ice", ice.state().name());
        state.put("iceSuccesses", ice.stats().successes());
        state.put("iceUnauthenticated", ice.stats().unauthenticated());
        state.put("blackhole", blackhole);
        state.put("dtls", dtls == null ? "AWAITING_ANSWER" : dtls.state().name());
        state.put("counters", counters.toMap());
        state.put("published", tracksBySsrc.values().stream().map(t -> Map.of("id", t.id(), "ssrc", t.source().ssrc(),
                "stats", t.stats().toString())).toList());
        state.put("legs", legsBySsrc.values().stream().map(l -> Map.of("ssrc", l.ssrc(), "source", l.source().id(),
                "stats", l.stats().toString())).toList());
        return state;
    }

    public long nowNanos() {
        return loop.nanoTime();
    }
}
