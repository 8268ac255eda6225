package dev.parley.media;

import dev.parley.media.bridge.BridgeLeg;
import dev.parley.media.endpoint.Endpoint;
import dev.parley.media.endpoint.EndpointListener;
import dev.parley.media.negotiation.ChosenCodec;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.negotiation.RemoteOffer;
import dev.parley.media.negotiation.SectionAnswer;
import dev.parley.media.sfu.LegFormat;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.sfu.Subscription;
import dev.parley.protocol.rtp.AudioLevel;
import dev.parley.protocol.rtp.HeaderExtensions;
import dev.parley.protocol.rtp.SdesMid;
import dev.parley.protocol.sdp.Direction;
import dev.parley.protocol.sdp.Extmap;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.Ssrc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One peer connection of a participant in a room: its endpoint plus what each of its media
 * sections carries. Sections the peer sends on become published tracks of the room; sections
 * it receives on get legs of the room's tracks. Media loop only.
 */
public final class Peer implements EndpointListener, BridgeLeg.Owner {

    /** What a peer's offer asks for. */
    public enum Intent {
        /** Publish what the offer sends (WHIP). */
        PUBLISH,
        /** Receive the room's tracks in the offer's receiving sections (WHEP). */
        PLAY,
        /** Both. */
        PUBLISH_AND_PLAY
    }

    /** A receiving section whose SSRC was not signaled: learnt from the mid of the first packet. */
    private record PendingSection(MediaDescription offered, ChosenCodec codec,
                                  int midExtensionId, int audioLevelExtensionId, String streamId, String trackId) {
    }

    private final String id = UUID.randomUUID().toString();
    private final String participant;
    private final Room room;
    private Endpoint endpoint;
    /** Set instead of the endpoint for a plain-RTP leg (a phone through the RTP bridge). */
    private BridgeLeg bridge;
    private final List<PublishedTrack> published = new ArrayList<>();
    private final List<Subscription> legs = new ArrayList<>();
    private final Map<String, PendingSection> pendingByMid = new HashMap<>();
    private int midExtensionId;
    private boolean closed;
    private ReceiverSections offered;
    /** What Parley answered to the peer's offer, repeated (with new ICE credentials) on an ICE restart. */
    private List<SectionAnswer> answered = List.of();

    Peer(String participant, Room room) {
        this.participant = participant;
        this.room = room;
    }

    public String id() {
        return id;
    }

    public String participant() {
        return participant;
    }

    public Room room() {
        return room;
    }

    /**
     * The WebRTC connection of this peer. A phone's plain-RTP leg has none: see
     * {@link #rtpLeg()}; asking for it there is a programming error.
     */
    public Endpoint endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("peer " + id + " is an RTP leg: it has no WebRTC endpoint");
        }
        return endpoint;
    }

    /** The plain-RTP leg when this peer is a phone or SIP endpoint bridged into the room. */
    public Optional<BridgeLeg> rtpLeg() {
        return Optional.ofNullable(bridge);
    }

    /** A JSON-ready snapshot of the connection: the endpoint's, or the RTP leg's. */
    public Map<String, Object> debugState() {
        return bridge != null ? bridge.debugState() : endpoint.debugState();
    }

    public List<PublishedTrack> published() {
        return List.copyOf(published);
    }

    public List<Subscription> legs() {
        return List.copyOf(legs);
    }

    void attach(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    void attachBridge(BridgeLeg leg) {
        this.bridge = leg;
    }

    @Override
    public void publish(PublishedTrack track) {
        published.add(track);
        room.addTrack(this, track);
    }

    @Override
    public void unpublish(PublishedTrack track) {
        published.remove(track);
        room.removeTrack(track);
    }

    @Override
    public void dtmf(char digit) {
        room.dtmf(this, digit);
    }

    @Override
    public void closed(String reason) {
        closed = true;
        room.peerClosed(this, reason);
    }

    /** Decides each section of {@code offer} and wires the tracks and legs that follow. */
    List<SectionAnswer> negotiate(RemoteOffer offer, Intent intent, List<String> audioCodecs, long nowNanos) {
        var answers = new ArrayList<SectionAnswer>();
        int audioIndex = 0;
        int videoIndex = 0;
        for (MediaDescription m : offer.description().media()) {
            Optional<MediaKind> kind = kindOf(m);
            if (kind.isEmpty() || m.port() == 0) {
                answers.add(new SectionAnswer.Rejected(m));
                continue;
            }
            Direction direction = offer.description().effectiveDirection(m);
            boolean peerSends = direction == Direction.SENDONLY || direction == Direction.SENDRECV;
            boolean peerReceives = direction == Direction.RECVONLY || direction == Direction.SENDRECV;
            List<Extmap> extmaps = dev.parley.media.negotiation.AnswerWriter.supportedExtensions(m);
            if (peerSends && intent != Intent.PLAY) {
                var codec = ChosenCodec.forReceiving(m, audioCodecs)
                        .orElseThrow(() -> new NegotiationException("media section " + m.mid().orElse("?")
                                + " offers no codec Parley forwards (audio " + audioCodecs
                                + ", VP8, H.264 packetization-mode 1)"));
                publish(m, kind.get(), codec, extmaps, nowNanos);
                answers.add(new SectionAnswer.Receive(m, codec, extmaps));
            } else if (peerReceives && intent != Intent.PUBLISH) {
                int index = kind.get() == MediaKind.AUDIO ? audioIndex++ : videoIndex++;
                answers.add(play(m, kind.get(), index, extmaps, nowNanos));
            } else {
                answers.add(ChosenCodec.forReceiving(m)
                        .<SectionAnswer>map(codec -> new SectionAnswer.Inactive(m, codec))
                        .orElseGet(() -> new SectionAnswer.Rejected(m)));
            }
        }
        answered = List.copyOf(answers);
        return answers;
    }

    /**
     * The sections to answer an ICE-restart offer with: the same as before, since a restart
     * moves the transport and changes nothing else. The re-offer must keep the sections (mids,
     * in order) and the DTLS certificate: a new certificate would need a new association.
     */
    List<SectionAnswer> sectionsForIceRestart(RemoteOffer offer) {
        if (offered != null || answered.isEmpty()) {
            throw new NegotiationException("Parley made the offer on this connection: restart ICE with a new offer from Parley");
        }
        List<String> before = answered.stream().map(a -> a.offered().mid().orElse("")).toList();
        List<String> now = offer.description().media().stream().map(m -> m.mid().orElse("")).toList();
        if (!before.equals(now)) {
            throw new NegotiationException("an ICE restart cannot change the media sections: " + now
                    + " instead of " + before);
        }
        var fingerprint = endpoint.remoteTransport().orElseThrow().fingerprint();
        if (!fingerprint.algorithm().equalsIgnoreCase(offer.fingerprint().algorithm())
                || !fingerprint.value().equalsIgnoreCase(offer.fingerprint().value())) {
            throw new NegotiationException("the DTLS fingerprint changed: a new certificate needs a new connection");
        }
        return answered;
    }

    /** Parley's offer again, unchanged but for the ICE credentials in {@code writer}: an ICE restart Parley offers. */
    String reofferForIceRestart(dev.parley.media.negotiation.OfferWriter writer, long nowNanos) {
        if (offered == null) {
            throw new NegotiationException("this peer made its own offer: it restarts ICE with a new offer of its own");
        }
        return offered.reoffer(writer, nowNanos);
    }

    /** Which room track each mid of Parley's last offer carries (empty when the peer offered). */
    List<MediaServer.OfferedTrack> offeredTracks() {
        return offered == null ? List.of() : offered.tracks();
    }

    private void publish(MediaDescription m, MediaKind kind, ChosenCodec codec,
                         List<Extmap> extmaps, long nowNanos) {
        int midId = extensionId(extmaps, SdesMid.URI);
        int levelId = extensionId(extmaps, AudioLevel.URI);
        if (midId > 0) {
            midExtensionId = midId;
        }
        // Ids the SFU hands out: unique in the server whatever the peer called its tracks; one
        // stream per publishing connection, so its audio and video stay in sync at receivers.
        String streamId = id;
        String trackId = UUID.randomUUID().toString();
        OptionalLong primary = primarySsrc(m);
        if (primary.isPresent()) {
            long rtx = m.rtxSsrcFor(primary.getAsLong()).orElse(-1);
            addTrack(new PublishedTrack.Source(trackId, streamId, kind, codec.name(), codec.primary().clockRate(),
                    codec.payloadType(), primary.getAsLong(), rtx, codec.rtx().map(r -> r.payloadType()).orElse(-1),
                    levelId, codec.primary().fmtp(), m.mid().orElse(""), codec.telephoneEventPayloadType()));
        } else if (midId > 0) {
            pendingByMid.put(m.mid().orElseThrow(), new PendingSection(m, codec, midId, levelId, streamId, trackId));
        } else {
            throw new NegotiationException("media section " + m.mid().orElse("?")
                    + " signals neither a=ssrc nor the mid header extension, so its packets cannot be told apart");
        }
    }

    private void addTrack(PublishedTrack.Source source) {
        var track = new PublishedTrack(source, id, endpoint, endpoint.feedbackSsrc());
        track.onDtmf(digit -> room.dtmf(this, digit));
        published.add(track);
        endpoint.addPublishedTrack(track);
        room.addTrack(this, track);
    }

    private SectionAnswer play(MediaDescription m, MediaKind kind, int index, List<Extmap> extmaps, long nowNanos) {
        Optional<PublishedTrack> source = room.trackFor(kind, index, participant);
        if (source.isEmpty()) {
            return ChosenCodec.forReceiving(m)
                    .<SectionAnswer>map(codec -> new SectionAnswer.Inactive(m, codec))
                    .orElseGet(() -> new SectionAnswer.Rejected(m));
        }
        PublishedTrack track = source.get();
        var codec = ChosenCodec.forSending(m, track.codecName(), "");
        if (codec.isEmpty()) {
            return new SectionAnswer.Rejected(m);
        }
        long ssrc = Ssrcs.random();
        var format = new LegFormat(codec.get().payloadType(), m.mid().orElseThrow(),
                extensionId(extmaps, SdesMid.URI), extensionId(extmaps, AudioLevel.URI));
        Subscription leg = track.subscribe(endpoint, format, ssrc, nowNanos);
        legs.add(leg);
        endpoint.addLeg(leg);
        return new SectionAnswer.Send(m, codec.get(), extmaps, ssrc, track.source().streamId(), track.id());
    }

    /**
     * An offer from Parley that sends exactly {@code tracks} to this peer (a fresh peer, or a
     * renegotiation of one that Parley offered to before).
     */
    String offerTracks(List<PublishedTrack> tracks, dev.parley.media.negotiation.OfferWriter writer, long nowNanos) {
        if (offered == null) {
            if (!legs.isEmpty() || !published.isEmpty()) {
                throw new NegotiationException("this peer made its own offer; Parley cannot offer on it");
            }
            offered = new ReceiverSections(endpoint);
        }
        String offer = offered.offer(tracks, writer, nowNanos);
        return offer;
    }

    /** The peer's answer to Parley's last offer. */
    void acceptAnswer(String sdp) {
        if (offered == null) {
            throw new NegotiationException("Parley made no offer to this peer");
        }
        offered.accept(sdp);
    }

    /**
     * This connection's link statistics; the loss Parley measures is over the interval since
     * the previous call (see {@link LinkStats#combine}).
     */
    LinkStats linkStats() {
        if (bridge != null) {
            return LinkStats.combine(bridge.remoteReport().stream().toList(), List.of(bridge.sampleReception()),
                    bridge.counters().rtpIn(), bridge.counters().rtpOut());
        }
        var reports = endpoint.legs().stream().flatMap(leg -> leg.remoteReport().stream()).toList();
        var samples = published.stream().filter(t -> !t.isClosed()).map(PublishedTrack::sampleReception).toList();
        return LinkStats.combine(reports, samples, endpoint.counters().rtpIn(), endpoint.counters().rtpOut());
    }

    /** The legs of this peer, whichever side offered. */
    public List<Subscription> allLegs() {
        var all = new ArrayList<>(legs);
        if (offered != null) {
            all.addAll(offered.legs());
        }
        return all;
    }

    @Override
    public boolean onUnknownSsrc(Endpoint from, long ssrc, byte[] packet, int offset, int length, int headerLength) {
        if (pendingByMid.isEmpty() || midExtensionId == 0) {
            return false;
        }
        long located = HeaderExtensions.locate(packet, offset, length, midExtensionId);
        if (located < 0) {
            return false;
        }
        String mid = SdesMid.read(packet, HeaderExtensions.dataOffset(located), HeaderExtensions.dataLength(located));
        PendingSection section = pendingByMid.get(mid);
        int payloadType = dev.parley.protocol.rtp.RtpHeaders.payloadType(packet, offset);
        if (section == null || payloadType != section.codec().payloadType()
                && payloadType != section.codec().telephoneEventPayloadType()) {
            return false;
        }
        pendingByMid.remove(mid);
        addTrack(new PublishedTrack.Source(section.trackId(), section.streamId(), kindOf(section.offered()).orElseThrow(),
                section.codec().name(), section.codec().primary().clockRate(), section.codec().payloadType(), ssrc,
                -1, -1, section.audioLevelExtensionId(), section.codec().primary().fmtp(), mid,
                section.codec().telephoneEventPayloadType()));
        PublishedTrack track = endpoint.trackBySsrc(ssrc);
        track.onRtp(packet, offset, length, headerLength, endpoint.nowNanos());
        return true;
    }

    @Override
    public void onClosed(Endpoint closedEndpoint, String reason) {
        closed = true;
        room.peerClosed(this, reason);
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes the connection, its published tracks (and every leg of them) and its own legs. */
    public void close(String reason) {
        if (bridge != null) {
            bridge.close(reason);
        } else if (endpoint != null) {
            endpoint.close(reason);
        }
    }

    /** Pauses or resumes forwarding of every leg of this peer that carries {@code trackId}. */
    public void setPaused(String trackId, boolean paused, long nowNanos) {
        if (bridge != null) {
            bridge.setPaused(trackId, paused);
            return;
        }
        for (Subscription leg : allLegs()) {
            if (leg.source().id().equals(trackId)) {
                if (paused) {
                    leg.pause();
                } else {
                    leg.resume(nowNanos);
                }
            }
        }
    }

    private static Optional<MediaKind> kindOf(MediaDescription m) {
        return switch (m.kind()) {
            case AUDIO -> Optional.of(MediaKind.AUDIO);
            case VIDEO -> Optional.of(MediaKind.VIDEO);
            default -> Optional.empty();
        };
    }

    private static int extensionId(List<Extmap> extmaps, String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri)).mapToInt(Extmap::id).findFirst().orElse(0);
    }

    /** The SSRC of the main stream: signaled in a=ssrc, and not the second of an FID (RTX) group. */
    private static OptionalLong primarySsrc(MediaDescription m) {
        List<Long> rtxSsrcs = m.ssrcGroupsOf("FID").stream()
                .filter(g -> g.ssrcs().size() == 2).map(g -> g.ssrcs().get(1)).toList();
        return m.ssrcs().stream().map(Ssrc::id).filter(s -> !rtxSsrcs.contains(s)).mapToLong(Long::longValue).findFirst();
    }
}
