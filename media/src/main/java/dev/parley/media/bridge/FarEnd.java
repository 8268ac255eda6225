package dev.parley.media.bridge;

import dev.parley.media.negotiation.NegotiationException;
import dev.parley.protocol.sdp.Codec;
import dev.parley.protocol.sdp.Connection;
import dev.parley.protocol.sdp.Direction;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.MediaKind;
import dev.parley.protocol.sdp.SdpParseResult;
import dev.parley.protocol.sdp.SessionDescription;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a plain-RTP far end (a SIP phone, PBX or carrier) says in its SDP about its audio:
 * where it receives RTP and RTCP, which way media flows, and its codecs. Read from the first
 * audio section; other sections (video, T.38 fax) are answered as rejected by the caller.
 *
 * <p>RTCP goes to {@code a=rtcp} (RFC 3605) when given, else to the RTP port plus one (RFC
 * 3550 §11), or to the RTP address itself when the far end does rtcp-mux (RFC 5761). A
 * {@code c=} of 0.0.0.0 (RFC 2543 hold) or a port of 0 means "send nothing here": then
 * {@link #rtp} is empty.
 *
 * @param audioIndex the index of the audio section among all m= lines, and {@code sections} their count
 */
public record FarEnd(Optional<InetSocketAddress> rtp, Optional<InetSocketAddress> rtcp, boolean rtcpMux,
                     Direction direction, List<Codec> codecs, int ptime, boolean rejected, int audioIndex,
                     List<MediaDescription> sections) {

    public FarEnd {
        codecs = List.copyOf(codecs);
        sections = List.copyOf(sections);
    }

    /** Reads {@code sdp}; a description Parley cannot use fails with {@link NegotiationException}, naming why. */
    public static FarEnd parse(String sdp) {
        SessionDescription description = switch (SessionDescription.parse(sdp)) {
            case SdpParseResult.Ok ok -> ok.description();
            case SdpParseResult.Error error -> throw new NegotiationException(
                    "invalid SDP at line " + error.lineNumber() + ": " + error.reason());
        };
        List<MediaDescription> media = description.media();
        int index = -1;
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i).kind() == MediaKind.AUDIO && media.get(i).isRtp()) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new NegotiationException("the SDP has no RTP audio section");
        }
        MediaDescription m = media.get(index);
        String profile = m.protocol().toUpperCase(Locale.ROOT);
        if (!profile.equals("RTP/AVP") && !profile.equals("RTP/AVPF")) {
            throw new NegotiationException("the audio section uses " + m.protocol()
                    + "; the RTP bridge speaks plain RTP/AVP (no SRTP, no DTLS)");
        }
        boolean rejected = m.port() == 0;
        Connection connection = description.effectiveConnection(m)
                .orElseThrow(() -> new NegotiationException("the audio section has no c= address"));
        if (!connection.isInternet()) {
            throw new NegotiationException("c=" + connection.netType() + " " + connection.addrType()
                    + " is not an IPv4 or IPv6 address");
        }
        boolean held = rejected || connection.isUnspecified();
        Optional<InetSocketAddress> rtp = held ? Optional.empty()
                : Optional.of(new InetSocketAddress(literal(connection.address()), m.port()));
        Optional<InetSocketAddress> rtcp = rtp.map(r -> rtcpAddress(m, r));
        return new FarEnd(rtp, rtcp, m.rtcpMux(), description.effectiveDirection(m), m.codecs(),
                m.ptime().orElse(20), rejected, index, media);
    }

    /** The address a packet from this far end's RTP address may come from (symmetric RTP, RFC 4961). */
    private static InetSocketAddress rtcpAddress(MediaDescription m, InetSocketAddress rtp) {
        if (m.rtcpMux()) {
            return rtp;
        }
        return m.rtcp().map(r -> new InetSocketAddress(
                        r.connection().filter(Connection::isInternet).filter(c -> !c.isUnspecified())
                                .map(c -> literal(c.address())).orElse(rtp.getAddress()), r.port()))
                .orElseGet(() -> new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1));
    }

    /**
     * The address in {@code c=}, which must be a literal: resolving a name would block the media
     * loop, and carriers and PBXs write addresses.
     */
    private static InetAddress literal(String address) {
        String bare = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException e) {
            throw new NegotiationException("c= address " + bare + " is not an IP address");
        }
    }

    /**
     * The direction as it stands: a far end that gave no address (c=0.0.0.0, the RFC 2543
     * hold) cannot receive, whatever its direction attribute says, so sendrecv reads as
     * sendonly (RFC 3264 §8.4).
     */
    public Direction effectiveDirection() {
        if (rejected) {
            return Direction.INACTIVE;
        }
        if (rtp.isEmpty()) {
            return direction.sends() ? Direction.SENDONLY : Direction.INACTIVE;
        }
        return direction;
    }

    /** Whether the far end will send media (its direction allows it and the section is not rejected). */
    public boolean sends() {
        return !rejected && direction.sends();
    }

    /** Whether the far end wants media: its direction allows it and it gave an address. */
    public boolean receives() {
        return !rejected && direction.receives() && rtp.isPresent();
    }

    /** The first offered codec named {@code name} at {@code rate}, if any. */
    public Optional<Codec> codec(String name, int rate) {
        return codecs.stream().filter(c -> c.isNamed(name) && c.clockRate() == rate).findFirst();
    }

    /** The telephone-event at {@code rate} (RFC 4733 §2.1: events share the audio's clock), if offered. */
    public Optional<Codec> telephoneEvent(int rate) {
        return codec("telephone-event", rate);
    }
}
