package dev.parley.media.negotiation;

import dev.parley.media.sfu.MediaKind;
import dev.parley.protocol.ice.IceCredentials;
import dev.parley.protocol.rtp.AudioLevel;
import dev.parley.protocol.rtp.SdesMid;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Writes an offer from Parley to a receiving peer: one BUNDLE transport, ICE-lite, setup
 * actpass, and per section one codec (the source track's own) with the leg's SSRC and msid,
 * or {@code a=inactive} for a section whose leg is gone. Header extension ids are fixed:
 * 1 for the mid, 2 for audio levels.
 */
public final class OfferWriter {

    public static final int MID_EXTENSION_ID = 1;
    public static final int AUDIO_LEVEL_EXTENSION_ID = 2;

    private final IceCredentials ice;
    private final String fingerprint;
    private final List<InetSocketAddress> candidates;
    private final String cname;

    public OfferWriter(IceCredentials ice, String fingerprint, List<InetSocketAddress> candidates, String cname) {
        this.ice = ice;
        this.fingerprint = fingerprint;
        this.candidates = List.copyOf(candidates);
        this.cname = cname;
    }

    public String write(String sessionId, long version, List<OfferSection> sections) {
        var sdp = new StringBuilder();
        sdp.append("v=0\r\no=- ").append(sessionId).append(' ').append(version).append(" IN IP4 127.0.0.1\r\n")
                .append("s=-\r\nt=0 0\r\na=ice-lite\r\na=group:BUNDLE");
        sections.forEach(section -> sdp.append(' ').append(section.mid()));
        sdp.append("\r\na=msid-semantic: WMS *\r\n");
        boolean first = true;
        for (OfferSection section : sections) {
            writeSection(sdp, section, first);
            first = false;
        }
        return sdp.toString();
    }

    private void writeSection(StringBuilder sdp, OfferSection section, boolean withCandidates) {
        int pt = section.payloadType();
        sdp.append("m=").append(section.kind().sdpName()).append(" 9 UDP/TLS/RTP/SAVPF ").append(pt).append("\r\n")
                .append("c=IN IP4 0.0.0.0\r\n")
                .append("a=ice-ufrag:").append(ice.ufrag()).append("\r\n")
                .append("a=ice-pwd:").append(ice.password()).append("\r\n")
                .append("a=fingerprint:").append(fingerprint).append("\r\n")
                .append("a=setup:actpass\r\n")
                .append("a=mid:").append(section.mid()).append("\r\n")
                .append("a=extmap:").append(MID_EXTENSION_ID).append(' ').append(SdesMid.URI).append("\r\n");
        if (section.kind() == MediaKind.AUDIO) {
            sdp.append("a=extmap:").append(AUDIO_LEVEL_EXTENSION_ID).append(' ').append(AudioLevel.URI).append("\r\n");
        }
        sdp.append(section.leg().isPresent() ? "a=sendonly\r\n" : "a=inactive\r\n");
        section.leg().ifPresent(leg -> sdp.append("a=msid:").append(leg.streamId()).append(' ').append(leg.trackId())
                .append("\r\n"));
        sdp.append("a=rtcp-mux\r\na=rtcp-rsize\r\n");
        sdp.append("a=rtpmap:").append(pt).append(' ').append(section.codecName()).append('/').append(section.clockRate());
        if (section.channels() > 1) {
            sdp.append('/').append(section.channels());
        }
        sdp.append("\r\n");
        if (!section.fmtp().isEmpty()) {
            sdp.append("a=fmtp:").append(pt).append(' ').append(section.fmtp()).append("\r\n");
        }
        if (section.kind() == MediaKind.VIDEO) {
            for (String feedback : List.of("goog-remb", "ccm fir", "nack", "nack pli")) {
                sdp.append("a=rtcp-fb:").append(pt).append(' ').append(feedback).append("\r\n");
            }
        }
        section.leg().ifPresent(leg -> sdp.append("a=ssrc:").append(leg.ssrc()).append(" cname:").append(cname)
                .append("\r\na=ssrc:").append(leg.ssrc()).append(" msid:").append(leg.streamId()).append(' ')
                .append(leg.trackId()).append("\r\n"));
        if (withCandidates) {
            int index = 0;
            for (InetSocketAddress candidate : candidates) {
                long priority = (126L << 24) | ((65535L - index) << 8) | 255;
                sdp.append("a=candidate:").append(index + 1).append(" 1 udp ").append(priority).append(' ')
                        .append(candidate.getAddress().getHostAddress()).append(' ').append(candidate.getPort())
                        .append(" typ host\r\n");
                index++;
            }
            sdp.append("a=end-of-candidates\r\n");
        }
    }
}
