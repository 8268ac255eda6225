package dev.parley.media;

import dev.parley.media.endpoint.Endpoint;
import dev.parley.media.endpoint.EndpointDirectory;
import dev.parley.media.loop.MediaLoop;
import dev.parley.media.negotiation.AnswerWriter;
import dev.parley.media.negotiation.RemoteOffer;
import dev.parley.media.negotiation.SectionAnswer;
import dev.parley.media.transport.HostAddresses;
import dev.parley.media.transport.UdpTransport;
import dev.parley.media.transport.UdpTransports;
import dev.parley.protocol.demux.PacketKind;
import dev.parley.protocol.dtls.DtlsCertificate;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.stun.StunMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The media server: one UDP port, one media loop, rooms of peers. This is the
 * signaling-agnostic API that WHIP/WHEP use, and the SDK's signaling after them: a peer
 * joins a room with an SDP offer and gets an answer; what it sends is published in the room,
 * what it receives is forwarded from the room's tracks. Every method may be called from any
 * thread; the work happens on the media loop.
 */
public final class MediaServer implements AutoCloseable {

    /** The result of accepting an offer. */
    public record Answer(String peerId, String sdp) {
    }

    /**
     * An offer Parley makes to a peer, to be answered with {@link #acceptAnswer}; {@code tracks}
     * says which room track each sending section carries (inactive sections are not listed).
     */
    public record Offer(String peerId, String sdp, List<OfferedTrack> tracks) {
        public Offer {
            tracks = List.copyOf(tracks);
        }

        public Offer(String peerId, String sdp) {
            this(peerId, sdp, List.of());
        }
    }

    /** The section {@code mid} of Parley's offer carries the room track {@code trackId}; a mid never changes track. */
    public record OfferedTrack(String mid, String trackId) {
    }

    /**
     * How a plain-RTP leg (a phone or SIP endpoint) negotiates.
     *
     * @param codecs          PCMU, PCMA and/or OPUS, in order of preference (any case): offered in
     *                        this order, and the first one the far end offers is answered
     * @param opusTowardsRoom publish the far end's G.711 voice transcoded to Opus instead of as
     *                        it comes (the default keeps G.711, so subscribers that take
     *                        PCMU/PCMA decode it with no transcoding at all)
     */
    public record RtpOptions(List<String> codecs, boolean opusTowardsRoom) {
        public RtpOptions {
            codecs = dev.parley.media.bridge.CodecChoice.validate(codecs);
        }

        /** G.711 as carriers expect it: PCMU, then PCMA; the far end's codec published as it is. */
        public static RtpOptions g711() {
            return new RtpOptions(List.of("PCMU", "PCMA"), false);
        }
    }

    /**
     * A plain-RTP leg and Parley's SDP for it.
     *
     * @param peerId the leg's id, like any peer's (closePeer, linkStats, setPaused...)
     * @param sdp    Parley's offer or answer, for the SIP message body
     * @param codec  the codec settled on (PCMU, PCMA or OPUS); empty while Parley's offer awaits its answer
     */
    public record RtpLeg(String peerId, String sdp, Optional<String> codec) {
    }

    /** The default audio codec of WebRTC publishers: Opus. */
    public static final List<String> OPUS_ONLY = List.of("OPUS");

    private final MediaLoop loop;
    private final UdpTransport transport;
    private final EndpointDirectory directory = new EndpointDirectory();
    private final DtlsCertificate certificate = DtlsCertificate.generate();
    private final List<InetSocketAddress> candidates;
    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Peer> peers = new HashMap<>();
    private final RtpBridging bridging;
    private final dev.parley.media.recording.Recorder recorder;
    private long unroutable;

    private MediaServer(MediaSettings settings) {
        this.loop = new MediaLoop("parley-media");
        try {
            this.transport = UdpTransports.open(settings.transport(), loop,
                    new InetSocketAddress(settings.bindAddress(), settings.port()), this::onPacket);
        } catch (RuntimeException e) {
            loop.close();
            throw e;
        }
        List<InetAddress> addresses = settings.announcedAddresses().isEmpty()
                ? HostAddresses.discover() : settings.announcedAddresses();
        int port = transport.localPort();
        this.candidates = addresses.stream().map(a -> new InetSocketAddress(a, port)).toList();
        this.bridging = new RtpBridging(loop, transport, candidates, settings.codecPoolSize());
        this.recorder = new dev.parley.media.recording.Recorder(loop);
    }

    public static MediaServer start(MediaSettings settings) {
        return new MediaServer(settings);
    }

    public int port() {
        return transport.localPort();
    }

    /** The host candidates offered to peers. */
    public List<InetSocketAddress> candidates() {
        return candidates;
    }

    /** What crossed the media port, for load tests and metrics. */
    public dev.parley.media.transport.TransportCounters transportCounters() {
        return transport.counters();
    }

    /**
     * Turns the media port's in-SFU latency measurement on or off (see
     * {@link UdpTransport#measureLatency}); false when its transport cannot measure.
     */
    public boolean measureTransportLatency(boolean on) {
        return transport.measureLatency(on);
    }

    /** The in-SFU latency measured since the last reset: arrival at the media port to hand-off to the kernel. */
    public dev.parley.media.transport.TransportLatency transportLatency() {
        return transport.latency();
    }

    public void resetTransportLatency() {
        transport.resetLatency();
    }

    public MediaLoop loop() {
        return loop;
    }

    /**
     * Accepts {@code sdpOffer} from {@code participant} into room {@code roomKey} (created on
     * first use) and returns the answer. Fails with {@link dev.parley.media.negotiation.NegotiationException}
     * when the offer is unusable.
     */
    public CompletableFuture<Answer> acceptOffer(String roomKey, String participant, String sdpOffer, Peer.Intent intent) {
        return acceptOffer(roomKey, participant, sdpOffer, intent, OPUS_ONLY);
    }

    /**
     * Like {@link #acceptOffer(String, String, String, Peer.Intent)}, answering the publisher's
     * audio with the first of {@code audioCodecs} (OPUS, PCMU, PCMA) that it offers: a browser
     * in a phone call told to send PCMU reaches a G.711 phone with no transcoding at all.
     */
    public CompletableFuture<Answer> acceptOffer(String roomKey, String participant, String sdpOffer, Peer.Intent intent,
                                                 List<String> audioCodecs) {
        List<String> preferences = dev.parley.media.negotiation.ChosenCodec.validateAudio(audioCodecs);
        return loop.call(() -> {
            RemoteOffer offer = RemoteOffer.parse(sdpOffer);
            Room room = roomFor(roomKey);
            var peer = new Peer(participant, room);
            IceCredentials localIce = IceCredentials.random();
            var endpoint = new Endpoint(peer.id(), loop, transport, directory, certificate, localIce,
                    new Endpoint.RemoteTransport(offer.ice(), offer.fingerprint(), offer.localRole()), Ssrcs.random(), peer);
            peer.attach(endpoint);
            List<SectionAnswer> sections;
            try {
                sections = peer.negotiate(offer, intent, preferences, loop.nanoTime());
            } catch (RuntimeException e) {
                endpoint.close("negotiation failed: " + e.getMessage());
                throw e;
            }
            room.addPeer(peer);
            peers.put(peer.id(), peer);
            String answer = new AnswerWriter(localIce, certificate.fingerprintAlgorithm(), certificate.fingerprintValue(),
                    candidates, "parley").write(offer, sections);
            return new Answer(peer.id(), answer);
        });
    }

    /**
     * Parley offers: a new peer of {@code participant} in {@code roomKey} that receives the
     * room's tracks {@code trackIds}. The peer answers with {@link #acceptAnswer}.
     */
    public CompletableFuture<Offer> offerTracks(String roomKey, String participant, List<String> trackIds) {
        return loop.call(() -> {
            Room room = roomFor(roomKey);
            var peer = new Peer(participant, room);
            IceCredentials localIce = IceCredentials.random();
            var endpoint = Endpoint.awaitingAnswer(peer.id(), loop, transport, directory, certificate, localIce,
                    Ssrcs.random(), peer);
            peer.attach(endpoint);
            String sdp;
            try {
                sdp = peer.offerTracks(tracksOf(room, trackIds), offerWriter(localIce), loop.nanoTime());
            } catch (RuntimeException e) {
                endpoint.close("negotiation failed: " + e.getMessage());
                throw e;
            }
            room.addPeer(peer);
            peers.put(peer.id(), peer);
            return new Offer(peer.id(), sdp, peer.offeredTracks());
        });
    }

    /** A new offer to a peer Parley offered to before, now sending exactly {@code trackIds} (subscribe, unsubscribe). */
    public CompletableFuture<Offer> updateTracks(String peerId, List<String> trackIds) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            String sdp = peer.offerTracks(tracksOf(peer.room(), trackIds), offerWriter(peer.endpoint().localIce()),
                    loop.nanoTime());
            return new Offer(peerId, sdp, peer.offeredTracks());
        });
    }

    /**
     * ICE restart on a connection the peer offered (its publish connection): {@code sdpOffer} is
     * its re-offer with new ICE credentials and otherwise the same sections and certificate.
     * Parley picks new credentials too and answers with them and the same sections as before;
     * the DTLS association, SRTP, tracks and legs stay, and media follows the peer to whatever
     * address it nominates with the new credentials.
     */
    public CompletableFuture<Answer> restartIce(String peerId, String sdpOffer) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            RemoteOffer offer = RemoteOffer.parse(sdpOffer);
            List<SectionAnswer> sections = peer.sectionsForIceRestart(offer);
            Endpoint endpoint = peer.endpoint();
            IceCredentials localIce = IceCredentials.random();
            endpoint.restartIce(localIce, Optional.of(offer.ice()));
            // The DTLS roles were settled with the first offer and the association goes on.
            var sameRoles = new RemoteOffer(offer.description(), offer.ice(), offer.fingerprint(),
                    endpoint.remoteTransport().orElseThrow().localRole());
            String answer = new AnswerWriter(localIce, certificate.fingerprintAlgorithm(), certificate.fingerprintValue(),
                    candidates, "parley").write(sameRoles, sections);
            return new Answer(peerId, answer);
        });
    }

    /**
     * ICE restart on a connection Parley offered (a subscribe connection): the same offer with
     * new local ICE credentials. The peer answers through {@link #acceptAnswer}, which takes its
     * new credentials; until then its checks with our new ufrag are answered already.
     */
    public CompletableFuture<Offer> restartIceOffer(String peerId) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            IceCredentials localIce = IceCredentials.random();
            String sdp = peer.reofferForIceRestart(offerWriter(localIce), loop.nanoTime());
            peer.endpoint().restartIce(localIce, Optional.empty());
            return new Offer(peerId, sdp, peer.offeredTracks());
        });
    }

    /**
     * Loss, jitter and round-trip time of a peer's connection (see {@link LinkStats}); empty
     * when there is no such peer. Each call starts a new interval for the loss Parley measures,
     * so one caller (the network-quality ticker) should own it.
     */
    public CompletableFuture<Optional<LinkStats>> linkStats(String peerId) {
        return loop.call(() -> Optional.ofNullable(peers.get(peerId)).map(Peer::linkStats));
    }

    /**
     * Test-only fault injection, like {@link Endpoint#setOutboundRtpLoss}: while on, every
     * datagram from and to the peer's endpoint (STUN included) is dropped and counted
     * ({@link dev.parley.media.endpoint.EndpointCounters#droppedByBlackhole}), as if its network
     * went away.
     */
    public CompletableFuture<Void> setBlackhole(String peerId, boolean on) {
        return loop.call(() -> {
            requirePeer(peerId).endpoint().setBlackhole(on);
            return null;
        });
    }

    /** The peer's answer to Parley's last offer. */
    public CompletableFuture<Void> acceptAnswer(String peerId, String sdpAnswer) {
        return loop.call(() -> {
            requirePeer(peerId).acceptAnswer(sdpAnswer);
            return null;
        });
    }

    /** Pauses or resumes what {@code peerId} receives of {@code trackId}. */
    public CompletableFuture<Void> setPaused(String peerId, String trackId, boolean paused) {
        return loop.call(() -> {
            requirePeer(peerId).setPaused(trackId, paused, loop.nanoTime());
            return null;
        });
    }

    // ---- the RTP bridge: phones and SIP endpoints as peers of a room (docs/media.md) ----

    /**
     * Parley offers a plain-RTP leg (an outbound INVITE's body): a new peer of
     * {@code participant} in {@code roomKey} offering {@code options.codecs()} in order, with
     * telephone-event, on the media port. Nothing flows until {@link #acceptRtpAnswer}.
     */
    public CompletableFuture<RtpLeg> offerRtp(String roomKey, String participant, RtpOptions options) {
        return loop.call(() -> {
            Room room = roomFor(roomKey);
            Peer peer = bridging.newLeg(room, participant, options, Optional.empty());
            String sdp = RtpBridging.closingOnFailure(peer, leg -> leg.offer(false));
            room.addPeer(peer);
            peers.put(peer.id(), peer);
            return RtpBridging.describe(peer, sdp);
        });
    }

    /**
     * The far end's answer to Parley's offer ({@link #offerRtp} or {@link #reofferRtp}): its
     * address, codec and direction. It may come twice, a 183's early media then the 200; the
     * second replaces the first (a new codec publishes a new track). Fails with
     * {@link dev.parley.media.negotiation.NegotiationException} when the answer is unusable.
     */
    public CompletableFuture<RtpLeg> acceptRtpAnswer(String peerId, String sdpAnswer) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            RtpBridging.legOf(peer).acceptAnswer(sdpAnswer);
            return RtpBridging.describe(peer, "");
        });
    }

    /**
     * The far end offers (an inbound INVITE): a new peer of {@code participant} in
     * {@code roomKey}, answered with the first of {@code options.codecs()} the offer has.
     * Fails with {@link dev.parley.media.negotiation.NegotiationException}, creating nothing,
     * when the offer is unusable or shares no codec.
     */
    public CompletableFuture<RtpLeg> answerRtp(String roomKey, String participant, String sdpOffer, RtpOptions options) {
        return loop.call(() -> {
            var offer = RtpBridging.readOffer(sdpOffer, options);
            Room room = roomFor(roomKey);
            Peer peer = bridging.newLeg(room, participant, options, offer.rtp().map(InetSocketAddress::getAddress));
            String sdp = RtpBridging.closingOnFailure(peer, leg -> leg.answer(offer));
            room.addPeer(peer);
            peers.put(peer.id(), peer);
            return RtpBridging.describe(peer, sdp);
        });
    }

    /**
     * The far end's new offer on a running leg (a re-INVITE: hold, resume, a new address or
     * codec); returns Parley's answer. The settled codec is kept while the offer still has it.
     */
    public CompletableFuture<String> updateRtp(String peerId, String sdpOffer) {
        return loop.call(() -> RtpBridging.legOf(requirePeer(peerId)).update(sdpOffer));
    }

    /**
     * Parley's own re-offer (a re-INVITE): {@code sendonly} to hold the far end, whose voice is
     * then no longer published; {@code sendrecv} to resume. The far end's answer goes to
     * {@link #acceptRtpAnswer}.
     */
    public CompletableFuture<RtpLeg> reofferRtp(String peerId, boolean hold) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            return RtpBridging.describe(peer, RtpBridging.legOf(peer).offer(hold));
        });
    }

    /**
     * What the far end of an RTP leg hears from now on: exactly these audio tracks of its room
     * (its own is left out). One track in the far end's codec is passed through without
     * decoding; anything else is decoded, mixed and encoded every 20 ms on a codec worker.
     */
    public CompletableFuture<Void> hearTracks(String peerId, List<String> trackIds) {
        return loop.call(() -> {
            Peer peer = requirePeer(peerId);
            RtpBridging.legOf(peer).hear(RtpBridging.tracks(peer.room(), trackIds, peer));
            return null;
        });
    }

    /**
     * Sends DTMF keys (0-9, *, #, A-D) to the far end of an RTP leg as RFC 4733 telephone
     * events; completes when the last key has ended. Fails when the far end negotiated no
     * telephone-event or is on hold.
     */
    public CompletableFuture<Void> sendDtmf(String peerId, String digits) {
        return loop.call(() -> RtpBridging.legOf(requirePeer(peerId)).sendDtmf(digits)).thenCompose(f -> f);
    }

    // ---- the recorder (docs/media.md, "Recording") ----

    /**
     * Records every participant of room {@code roomKey}, present and future: one file each with
     * their audio and (for {@code spec.video()}) camera, following their tracks as they are
     * published and unpublished; a second concurrent video track (a screen share) gets a file of
     * its own. Packets are copied off the media loop to writer threads; nothing is decoded. The
     * recording ends with {@link #stopRecording} or when the room closes. Fails with
     * {@link dev.parley.media.recording.RecordingException} when there is no such room.
     */
    public CompletableFuture<dev.parley.media.recording.RoomRecording> startRecording(
            String roomKey, dev.parley.media.recording.RecordingSpec spec,
            dev.parley.media.recording.RecordingListener listener) {
        return loop.call(() -> {
            Room room = rooms.get(roomKey);
            if (room == null) {
                throw new dev.parley.media.recording.RecordingException("no room " + roomKey);
            }
            return recorder.start(room, spec, listener);
        });
    }

    /**
     * Stops recording {@code recordingId} and completes, once every file is finalised (Duration,
     * Cues, SeekHead, sizes), with the files. A recording that already ended because its room
     * closed answers with its files too.
     */
    public CompletableFuture<List<dev.parley.media.recording.RecordedFile>> stopRecording(String recordingId) {
        return loop.call(() -> recorder.stop(recordingId)).thenCompose(f -> f);
    }

    private Peer requirePeer(String peerId) {
        Peer peer = peers.get(peerId);
        if (peer == null) {
            throw new dev.parley.media.negotiation.NegotiationException("no peer " + peerId);
        }
        return peer;
    }

    private static List<dev.parley.media.sfu.PublishedTrack> tracksOf(Room room, List<String> trackIds) {
        var tracks = new java.util.ArrayList<dev.parley.media.sfu.PublishedTrack>();
        for (String id : trackIds) {
            tracks.add(room.tracks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                    () -> new dev.parley.media.negotiation.NegotiationException("no track " + id + " in room " + room.key())));
        }
        return tracks;
    }

    private dev.parley.media.negotiation.OfferWriter offerWriter(IceCredentials localIce) {
        return new dev.parley.media.negotiation.OfferWriter(localIce, certificate.fingerprint(), candidates, "parley");
    }

    /** The room {@code key}, created on first use; the server forgets a room's peers as they close. */
    private Room roomFor(String key) {
        return rooms.computeIfAbsent(key, k -> {
            var room = new Room(k, loop, () -> rooms.remove(k));
            room.addListener(new RoomListener() {
                @Override
                public void onPeerClosed(Room r, Peer closed, String reason) {
                    peers.remove(closed.id());
                }
            });
            return room;
        });
    }

    /** Closes a peer; false when there is no such peer (any more). */
    public CompletableFuture<Boolean> closePeer(String peerId, String reason) {
        return loop.call(() -> {
            Peer peer = peers.get(peerId);
            if (peer == null) {
                return false;
            }
            peer.close(reason);
            return true;
        });
    }

    /** Runs {@code query} on the media loop with the room, if it exists. */
    public <T> CompletableFuture<Optional<T>> withRoom(String roomKey, Function<Room, T> query) {
        return loop.call(() -> Optional.ofNullable(rooms.get(roomKey)).map(query));
    }

    /** Runs {@code query} on the media loop with the peer, if it exists. */
    public <T> CompletableFuture<Optional<T>> withPeer(String peerId, Function<Peer, T> query) {
        return loop.call(() -> Optional.ofNullable(peers.get(peerId)).map(query));
    }

    /** A JSON-ready snapshot: rooms, peers, endpoints and the port's counters. */
    public CompletableFuture<Map<String, Object>> debugState() {
        return loop.call(() -> {
            var state = new java.util.LinkedHashMap<String, Object>();
            state.put("port", port());
            state.put("candidates", candidates.stream().map(InetSocketAddress::toString).toList());
            state.put("transport", transport.kind().label());
            state.put("transportCounters", transport.counters().toString());
            state.put("unroutable", unroutable);
            state.put("rtpAmbiguous", bridging.directory().ambiguous());
            state.put("rooms", rooms.values().stream().map(r -> Map.of("key", r.key(),
                    "peers", r.peers().stream().map(Peer::debugState).toList())).toList());
            state.put("recordings", recorder.debugState());
            return state;
        });
    }

    /** Counts of live objects, for leak checks. */
    public CompletableFuture<Map<String, Integer>> census() {
        return loop.call(() -> Map.of("rooms", rooms.size(), "peers", peers.size(),
                "endpoints", directory.size(), "addresses", directory.boundAddresses(),
                "rtpLegs", bridging.directory().size(), "rtpAddresses", bridging.directory().boundAddresses(),
                "codecExecutors", bridging.workers().openSerials(),
                "recordings", recorder.recordings(), "recordingTaps", recorder.taps(),
                "recordingWriters", recorder.openLanes()));
    }

    /** Closes every room, the port and the loop. */
    @Override
    public void close() {
        if (loop.isStopped()) {
            return;
        }
        loop.call(() -> {
            for (Room room : List.copyOf(rooms.values())) {
                room.close();
            }
            rooms.clear();
            peers.clear();
            return null;
        }).join();
        recorder.close(); // closing the rooms ended the recordings: let their files be finished
        transport.close();
        loop.close();
        bridging.close();
    }

    private void onPacket(byte[] b, int off, int len, InetSocketAddress from) {
        long now = loop.nanoTime();
        if (PacketKind.classify(b, off, len) == PacketKind.STUN) {
            Optional<Endpoint> endpoint = StunMessage.parse(b, off, len)
                    .flatMap(StunMessage::username)
                    .map(username -> username.indexOf(':') > 0 ? username.substring(0, username.indexOf(':')) : username)
                    .flatMap(directory::byUfrag);
            if (endpoint.isPresent()) {
                endpoint.get().onPacket(b, off, len, from, now);
            } else {
                unroutable++;
            }
            return;
        }
        Endpoint endpoint = directory.byAddress(from);
        if (endpoint != null) {
            endpoint.onPacket(b, off, len, from, now);
        } else if (!bridging.directory().route(b, off, len, from, now)) {
            unroutable++;
        }
    }
}
