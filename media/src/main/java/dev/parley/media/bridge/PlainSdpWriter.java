package dev.parley.media.bridge;

import dev.parley.protocol.sdp.Codec;
import dev.parley.protocol.sdp.Direction;
import dev.parley.protocol.sdp.MediaDescription;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Writes the plain SDP a SIP far end gets from the RTP bridge, in the shape carriers expect:
 *
 * <pre>
 * v=0
 * o=parley 4858 2 IN IP4 203.0.113.1
 * s=parley
 * c=IN IP4 203.0.113.1
 * t=0 0
 * m=audio 10000 RTP/AVP 0 8 101
 * a=rtpmap:0 PCMU/8000
 * a=rtpmap:8 PCMA/8000
 * a=rtpmap:101 telephone-event/8000
 * a=fmtp:101 0-16
 * a=ptime:20
 * a=rtcp:10000
 * a=rtcp-mux
 * a=sendrecv
 * </pre>
 *
 * RTP and RTCP share Parley's one media port: {@code a=rtcp} (RFC 3605) tells a far end without
 * rtcp-mux to send its RTCP there rather than to port + 1, and {@code a=rtcp-mux} (RFC 5761)
 * offers the same to those that know it. The origin's version goes up whenever the body
 * changes and stays when it does not (RFC 3264 §8).
 */
final class PlainSdpWriter {

    private final String sessionId = Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40));
    private long version = 1;
    private String lastBody = "";

    /**
     * The full description: one audio section with {@code codecs} in order, and, for an answer,
     * the offer's other sections rejected in place ({@code others} holds the offer's sections
     * and {@code audioIndex} says which one is audio; empty for an offer).
     */
    String write(InetSocketAddress local, List<Codec> codecs, Direction direction, List<MediaDescription> others,
                 int audioIndex, boolean mux) {
        String family = local.getAddress() instanceof Inet6Address ? "IP6" : "IP4";
        String address = local.getAddress().getHostAddress();
        var body = new StringBuilder();
        body.append("s=parley\r\nc=IN ").append(family).append(' ').append(address).append("\r\nt=0 0\r\n");
        if (others.isEmpty()) {
            audio(body, local.getPort(), codecs, direction, mux);
        } else {
            for (int i = 0; i < others.size(); i++) {
                if (i == audioIndex) {
                    audio(body, local.getPort(), codecs, direction, mux);
                } else {
                    MediaDescription m = others.get(i);
                    body.append("m=").append(m.kind().sdpName()).append(" 0 ").append(m.protocol());
                    m.formats().forEach(f -> body.append(' ').append(f));
                    body.append("\r\n");
                }
            }
        }
        String text = body.toString();
        if (!text.equals(lastBody)) {
            version++;
            lastBody = text;
        }
        return "v=0\r\no=parley " + sessionId + ' ' + version + " IN " + family + ' ' + address + "\r\n" + text;
    }

    private static void audio(StringBuilder sdp, int port, List<Codec> codecs, Direction direction, boolean mux) {
        sdp.append("m=audio ").append(port).append(" RTP/AVP");
        codecs.forEach(c -> sdp.append(' ').append(c.payloadType()));
        sdp.append("\r\n");
        for (Codec c : codecs) {
            sdp.append("a=rtpmap:").append(c.payloadType()).append(' ').append(c.name()).append('/').append(c.clockRate());
            c.channels().ifPresent(ch -> sdp.append('/').append(ch));
            sdp.append("\r\n");
            if (!c.fmtp().isEmpty()) {
                sdp.append("a=fmtp:").append(c.payloadType()).append(' ').append(c.fmtp()).append("\r\n");
            }
        }
        sdp.append("a=ptime:20\r\na=rtcp:").append(port).append("\r\n");
        if (mux) {
            sdp.append("a=rtcp-mux\r\n");
        }
        sdp.append("a=").append(direction.sdpName()).append("\r\n");
    }
}
