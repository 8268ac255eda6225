package dev.parley.media;

import dev.parley.media.bridge.BridgeDirectory;
import dev.parley.media.bridge.BridgeLeg;
import dev.parley.media.bridge.CodecChoice;
import dev.parley.media.bridge.CodecWorkers;
import dev.parley.media.bridge.FarEnd;
import dev.parley.media.bridge.RtpFormat;
import dev.parley.media.loop.MediaLoop;
import dev.parley.media.negotiation.NegotiationException;
import dev.parley.media.sfu.PublishedTrack;
import dev.parley.media.transport.UdpTransport;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The media server's side of the RTP bridge: creating plain-RTP legs as peers of a room and
 * driving their SDP, hearing and DTMF. Everything runs on the media loop, called from
 * {@link MediaServer}; the legs themselves live in {@code media/bridge}.
 */
final class RtpBridging implements AutoCloseable {

    private final MediaLoop loop;
    private final UdpTransport transport;
    private final List<InetSocketAddress> candidates;
    private final BridgeDirectory directory = new BridgeDirectory();
    private final CodecWorkers workers;

    RtpBridging(MediaLoop loop, UdpTransport transport, List<InetSocketAddress> candidates, int codecThreads) {
        this.workers = new CodecWorkers(codecThreads);
        this.loop = loop;
        this.transport = transport;
        this.candidates = candidates;
    }

    BridgeDirectory directory() {
        return directory;
    }

    CodecWorkers workers() {
        return workers;
    }

    /** A new leg in {@code room}; the caller makes or answers its first offer, then registers the peer. */
    Peer newLeg(Room room, String participant, MediaServer.RtpOptions options, Optional<InetAddress> farAddress) {
        var peer = new Peer(participant, room);
        BridgeLeg leg = BridgeLeg.create(peer.id(), loop, transport, directory, workers, localAddress(farAddress),
                options.codecs(), options.opusTowardsRoom(), peer);
        peer.attachBridge(leg);
        return peer;
    }

    /**
     * The address written in {@code c=}: the first announced address of the far end's family
     * (a carrier on IPv4 cannot reach an IPv6 one), else the first at all.
     */
    private InetSocketAddress localAddress(Optional<InetAddress> farAddress) {
        if (candidates.isEmpty()) {
            throw new NegotiationException("the media server announces no address for RTP");
        }
        boolean v6 = farAddress.map(a -> a instanceof Inet6Address).orElse(false);
        return candidates.stream().filter(c -> (c.getAddress() instanceof Inet6Address) == v6).findFirst()
                .orElse(candidates.getFirst());
    }

    static BridgeLeg legOf(Peer peer) {
        return peer.rtpLeg().orElseThrow(() -> new NegotiationException("peer " + peer.id() + " is not an RTP leg"));
    }

    static MediaServer.RtpLeg describe(Peer peer, String sdp) {
        return new MediaServer.RtpLeg(peer.id(), sdp, legOf(peer).format().map(RtpFormat::optionName));
    }

    /** Reads a far end's offer before anything is created, so that a refusal leaves nothing behind. */
    static FarEnd readOffer(String sdp, MediaServer.RtpOptions options) {
        FarEnd offer = FarEnd.parse(sdp);
        CodecChoice.answer(offer, options.codecs()); // throws when nothing is common
        return offer;
    }

    static <T> T closingOnFailure(Peer peer, Function<BridgeLeg, T> step) {
        try {
            return step.apply(legOf(peer));
        } catch (RuntimeException e) {
            peer.close("negotiation failed: " + e.getMessage());
            throw e;
        }
    }

    static List<PublishedTrack> tracks(Room room, List<String> trackIds, Peer self) {
        var tracks = new java.util.ArrayList<PublishedTrack>();
        for (String id : trackIds) {
            PublishedTrack track = room.tracks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(
                    () -> new NegotiationException("no track " + id + " in room " + room.key()));
            if (!self.published().contains(track)) { // a leg never hears itself: mix-minus
                tracks.add(track);
            }
        }
        return tracks;
    }

    CompletableFuture<Void> sendDtmf(BridgeLeg leg, String digits) {
        return leg.sendDtmf(digits);
    }

    @Override
    public void close() {
        workers.close();
    }
}
