package dev.parley.protocol.sdp;

/**
 * Writes descriptions as text. Lines follow RFC 8866 section 5 order (v o s i u e p c b t r
 * z k a, then per section m i c b k a); attributes follow the order libwebrtc writes, which
 * every browser reads:
 *
 * <pre>
 * session: group, extmap-allow-mixed, msid-semantic, ice-lite, ice-options, ice-ufrag,
 *          ice-pwd, fingerprint, setup, direction, extmap, then kept attributes
 * media:   rtcp, candidate, end-of-candidates, ice-ufrag, ice-pwd, ice-options, fingerprint,
 *          setup, mid, sctp-port, max-message-size, extmap-allow-mixed, extmap, direction,
 *          msid, rtcp-mux, rtcp-rsize, per codec (rtpmap, rtcp-fb, fmtp), ssrc-group, ssrc,
 *          rid, simulcast, then kept attributes
 * </pre>
 */
final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    static String write(SessionDescription s) {
        var sb = new StringBuilder(2048 + 2048 * s.media().size());
        line(sb, 'v', Integer.toString(s.version()));
        line(sb, 'o', s.origin().sdpValue());
        line(sb, 's', s.sessionName());
        s.extraLines().stream().filter(SdpLine::beforeConnection).forEach(l -> line(sb, l.type(), l.value()));
        s.connection().ifPresent(c -> line(sb, 'c', c.sdpValue()));
        s.bandwidths().forEach(b -> line(sb, 'b', b.sdpValue()));
        for (Timing timing : s.timings()) {
            line(sb, 't', timing.sdpValue());
            timing.repeats().forEach(r -> line(sb, 'r', r));
        }
        s.extraLines().stream().filter(l -> !l.beforeConnection()).forEach(l -> line(sb, l.type(), l.value()));
        writeSessionAttributes(sb, s);
        s.media().forEach(m -> writeMedia(sb, m));
        return sb.toString();
    }

    private static void writeSessionAttributes(StringBuilder sb, SessionDescription s) {
        s.groups().forEach(g -> attribute(sb, "group", g.sdpValue()));
        flag(sb, "extmap-allow-mixed", s.extmapAllowMixed());
        s.msidSemantics().forEach(m -> attribute(sb, "msid-semantic", m.sdpValue()));
        flag(sb, "ice-lite", s.iceLite());
        if (!s.iceOptions().isEmpty()) {
            attribute(sb, "ice-options", String.join(" ", s.iceOptions()));
        }
        s.iceUfrag().ifPresent(u -> attribute(sb, "ice-ufrag", u));
        s.icePwd().ifPresent(p -> attribute(sb, "ice-pwd", p));
        s.fingerprints().forEach(f -> attribute(sb, "fingerprint", f.sdpValue()));
        s.setup().ifPresent(x -> attribute(sb, "setup", x.sdpName()));
        s.direction().ifPresent(d -> flag(sb, d.sdpName(), true));
        s.extmaps().forEach(e -> attribute(sb, "extmap", e.sdpValue()));
        s.attributes().forEach(a -> line(sb, 'a', a.sdpValue()));
    }

    static void writeMedia(StringBuilder sb, MediaDescription m) {
        line(sb, 'm', mLine(m));
        m.extraLines().stream().filter(l -> l.type() == 'i').forEach(l -> line(sb, 'i', l.value()));
        m.connection().ifPresent(c -> line(sb, 'c', c.sdpValue()));
        m.bandwidths().forEach(b -> line(sb, 'b', b.sdpValue()));
        m.extraLines().stream().filter(l -> l.type() == 'k').forEach(l -> line(sb, 'k', l.value()));
        writeTransport(sb, m);
        m.mid().ifPresent(x -> attribute(sb, "mid", x));
        m.sctpPort().ifPresent(p -> attribute(sb, "sctp-port", Integer.toString(p)));
        m.maxMessageSize().ifPresent(x -> attribute(sb, "max-message-size", Long.toString(x)));
        flag(sb, "extmap-allow-mixed", m.extmapAllowMixed());
        m.extmaps().forEach(e -> attribute(sb, "extmap", e.sdpValue()));
        m.direction().ifPresent(d -> flag(sb, d.sdpName(), true));
        m.msids().forEach(x -> attribute(sb, "msid", x.sdpValue()));
        flag(sb, "rtcp-mux", m.rtcpMux());
        flag(sb, "rtcp-rsize", m.rtcpRsize());
        m.codecs().forEach(c -> writeCodec(sb, c));
        m.ssrcGroups().forEach(g -> attribute(sb, "ssrc-group", g.sdpValue()));
        m.ssrcs().forEach(x -> writeSsrc(sb, x));
        m.rids().forEach(r -> attribute(sb, "rid", r.sdpValue()));
        m.simulcast().ifPresent(x -> attribute(sb, "simulcast", x));
        m.attributes().forEach(a -> line(sb, 'a', a.sdpValue()));
    }

    private static String mLine(MediaDescription m) {
        var sb = new StringBuilder().append(m.kind().sdpName()).append(' ').append(m.port());
        if (m.portCount() > 1) {
            sb.append('/').append(m.portCount());
        }
        sb.append(' ').append(m.protocol());
        m.formats().forEach(f -> sb.append(' ').append(f));
        return sb.toString();
    }

    private static void writeTransport(StringBuilder sb, MediaDescription m) {
        m.rtcp().ifPresent(r -> attribute(sb, "rtcp", r.sdpValue()));
        m.candidates().forEach(c -> attribute(sb, "candidate", c.sdpValue()));
        flag(sb, "end-of-candidates", m.endOfCandidates());
        m.iceUfrag().ifPresent(u -> attribute(sb, "ice-ufrag", u));
        m.icePwd().ifPresent(p -> attribute(sb, "ice-pwd", p));
        if (!m.iceOptions().isEmpty()) {
            attribute(sb, "ice-options", String.join(" ", m.iceOptions()));
        }
        m.fingerprints().forEach(f -> attribute(sb, "fingerprint", f.sdpValue()));
        m.setup().ifPresent(x -> attribute(sb, "setup", x.sdpName()));
    }

    private static void writeCodec(StringBuilder sb, Codec c) {
        attribute(sb, "rtpmap", c.rtpmapValue());
        c.rtcpFeedback().forEach(f -> attribute(sb, "rtcp-fb", c.payloadType() + " " + f.sdpValue()));
        if (!c.fmtp().isEmpty()) {
            attribute(sb, "fmtp", c.payloadType() + " " + c.fmtp());
        }
    }

    private static void writeSsrc(StringBuilder sb, Ssrc s) {
        s.cname().ifPresent(c -> attribute(sb, "ssrc", s.id() + " cname:" + c));
        s.msid().ifPresent(x -> attribute(sb, "ssrc", s.id() + " msid:" + x.sdpValue()));
        s.attributes().forEach(a -> attribute(sb, "ssrc", s.id() + " " + a.sdpValue()));
    }

    private static void flag(StringBuilder sb, String name, boolean present) {
        if (present) {
            line(sb, 'a', name);
        }
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        sb.append("a=").append(name).append(':').append(value).append(CRLF);
    }

    private static void line(StringBuilder sb, char type, String value) {
        sb.append(type).append('=').append(value).append(CRLF);
    }
}
