package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects one media section's lines and, when the next {@code m=} or the end comes, joins
 * {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} by payload type into {@link Codec}s
 * and {@code a=ssrc} lines by SSRC into {@link Ssrc}s. Joining at the end is what lets
 * Firefox's order (all fmtp, then all rtcp-fb, then all rtpmap) read the same as Chrome's.
 */
final class MediaSectionParser {

    /** An attribute kept raw, or an fmtp/rtcp-fb waiting to learn whether its payload type has a codec. */
    private record Entry(Attribute raw, int payloadType, Optional<RtcpFeedback> feedback, String fmtp, int line) {
        boolean pending() {
            return payloadType >= 0;
        }
    }

    private static final class SsrcDraft {
        private Optional<String> cname = Optional.empty();
        private Optional<Msid> msid = Optional.empty();
        private final List<Attribute> attributes = new ArrayList<>();
    }

    private final String mLine;
    private final int mLineNumber;
    private final Set<String> sessionMids;
    private final MediaDescription.Builder builder;
    private final List<String> formats;
    private final boolean rtp;
    private final Map<Integer, Codec> rtpmaps = new LinkedHashMap<>();
    private final Map<Integer, Integer> rtpmapLines = new LinkedHashMap<>();
    private final Set<Integer> fmtpSeen = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Long, SsrcDraft> ssrcs = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<SdpLine> extraLines = new ArrayList<>();

    /** Parses the {@code m=} line; {@code sessionMids} is shared so that a mid is unique across sections. */
    MediaSectionParser(String value, int lineNumber, Set<String> sessionMids) {
        this.mLine = "m=" + value;
        this.mLineNumber = lineNumber;
        this.sessionMids = sessionMids;
        var words = Syntax.words(value);
        if (words.size() < 4) {
            throw new IllegalArgumentException("an m= line needs <media> <port> <proto> <fmt>...");
        }
        var kind = MediaKind.fromSdpName(words.get(0)).orElseThrow(
                () -> new IllegalArgumentException("unknown media type " + Syntax.quote(words.get(0))));
        builder = MediaDescription.builder(kind).noConnection();
        port(words.get(1));
        String protocol = words.get(2);
        MediaDescription.checkProtocol(protocol);
        formats = words.subList(3, words.size());
        MediaDescription.checkFormats(protocol, formats);
        rtp = MediaDescription.isRtpProtocol(protocol);
        builder.protocol(protocol).formats(formats);
    }

    private void port(String text) {
        int slash = text.indexOf('/');
        String port = slash < 0 ? text : text.substring(0, slash);
        builder.port(Syntax.integer(port, 0, 65535, "port"));
        if (slash >= 0) {
            builder.portCount(Syntax.integer(text.substring(slash + 1), 1, 65535, "port count"));
        }
    }

    String mLine() {
        return mLine;
    }

    int mLineNumber() {
        return mLineNumber;
    }

    void extraLine(SdpLine line) {
        extraLines.add(line);
    }

    void connection(Connection connection) {
        once("c=");
        builder.connection(connection);
    }

    void bandwidth(Bandwidth bandwidth) {
        builder.addBandwidth(bandwidth);
    }

    void attribute(Attribute a, int line) {
        if (a.value().isEmpty()) {
            flag(a);
        } else {
            valued(a, a.value().get(), line);
        }
    }

    private void flag(Attribute a) {
        switch (a.name()) {
            case "sendrecv", "sendonly", "recvonly", "inactive" -> {
                once("direction attribute");
                builder.direction(Direction.fromSdpName(a.name()).orElseThrow());
            }
            case "rtcp-mux" -> builder.rtcpMux(true);
            case "rtcp-rsize" -> builder.rtcpRsize(true);
            case "end-of-candidates" -> builder.endOfCandidates(true);
            case "extmap-allow-mixed" -> builder.extmapAllowMixed(true);
            default -> keep(a);
        }
    }

    private void valued(Attribute a, String value, int line) {
        switch (a.name()) {
            case "mid" -> mid(value);
            case "ice-ufrag" -> builder.iceUfrag(single("a=ice-ufrag", value));
            case "ice-pwd" -> builder.icePwd(single("a=ice-pwd", value));
            case "ice-options" -> {
                once("a=ice-options");
                builder.iceOptions(Syntax.words(value).stream().map(o -> Syntax.token(o, "ice option")).toList());
            }
            case "fingerprint" -> builder.addFingerprint(Fingerprint.parse(value));
            case "setup" -> {
                once("a=setup");
                builder.setup(Setup.parse(value));
            }
            case "rtcp" -> {
                once("a=rtcp");
                builder.rtcp(Rtcp.parse(value));
            }
            case "candidate" -> builder.addCandidate(Candidate.parseValue(value));
            case "extmap" -> builder.addExtmap(Extmap.parse(value));
            case "msid" -> builder.addMsid(Msid.parse(value));
            case "ssrc" -> ssrc(value);
            case "ssrc-group" -> builder.addSsrcGroup(SsrcGroup.parse(value));
            case "rid" -> builder.addRid(Rid.parse(value));
            case "simulcast" -> {
                once("a=simulcast");
                builder.simulcast(value);
            }
            case "sctp-port" -> builder.sctpPort(Syntax.integer(single("a=sctp-port", value), 0, 65535, "sctp-port"));
            case "max-message-size" -> builder.maxMessageSize(
                    Syntax.number(single("a=max-message-size", value), 0, Long.MAX_VALUE, "max-message-size"));
            case "rtpmap", "fmtp", "rtcp-fb" -> payloadAttribute(a, value, line);
            default -> keep(a);
        }
    }

    private void mid(String text) {
        once("a=mid");
        String value = Syntax.token(Syntax.trimSpaces(text), "mid");
        if (!sessionMids.add(value)) {
            throw new IllegalArgumentException("mid " + Syntax.quote(value) + " is already used by another section");
        }
        builder.mid(value);
    }

    /** A single-word value that may appear once; surrounding spaces are dropped. */
    private String single(String what, String value) {
        once(what);
        return Syntax.visible(Syntax.trimSpaces(value), what);
    }

    private void once(String what) {
        if (!seen.add(what)) {
            throw new IllegalArgumentException("a second " + what + " in this media section");
        }
    }

    private void keep(Attribute a) {
        entries.add(new Entry(a, -1, Optional.empty(), "", 0));
    }

    /** rtpmap, fmtp and rtcp-fb of an RTP section; elsewhere (or rtcp-fb for "*") they are kept raw. */
    private void payloadAttribute(Attribute a, String value, int line) {
        var words = Syntax.words(value);
        if (!rtp || words.isEmpty() || (a.name().equals("rtcp-fb") && words.getFirst().equals("*"))) {
            keep(a);
            return;
        }
        int pt = Syntax.integer(words.getFirst(), 0, 127, "payload type");
        switch (a.name()) {
            case "rtpmap" -> rtpmap(pt, words, line);
            case "fmtp" -> {
                if (!fmtpSeen.add(pt)) {
                    throw new IllegalArgumentException("a second a=fmtp for payload type " + pt);
                }
                entries.add(new Entry(a, pt, Optional.empty(), Syntax.rest(value, 1), line));
            }
            default -> entries.add(new Entry(a, pt, Optional.of(RtcpFeedback.parse(Syntax.rest(value, 1))), "", line));
        }
    }

    private void rtpmap(int pt, List<String> words, int line) {
        if (words.size() != 2) {
            throw new IllegalArgumentException("a=rtpmap needs <payload type> <encoding>/<clock rate>[/<channels>]");
        }
        String[] parts = words.get(1).split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("a=rtpmap needs <encoding>/<clock rate>[/<channels>]");
        }
        var codec = Codec.of(pt, parts[0], Syntax.integer(parts[1], 1, Integer.MAX_VALUE, "clock rate"));
        if (parts.length == 3) {
            codec = Codec.of(pt, parts[0], codec.clockRate(), Syntax.integer(parts[2], 1, 255, "channels"));
        }
        if (rtpmaps.putIfAbsent(pt, codec) != null) {
            throw new IllegalArgumentException("a second a=rtpmap for payload type " + pt);
        }
        rtpmapLines.put(pt, line);
    }

    private void ssrc(String value) {
        var words = Syntax.words(value);
        if (words.size() < 2) {
            throw new IllegalArgumentException("a=ssrc needs <ssrc-id> <attribute>[:<value>]");
        }
        long id = Syntax.number(words.getFirst(), 0, 0xffffffffL, "ssrc");
        var attribute = Attribute.parse(Syntax.rest(value, 1));
        var draft = ssrcs.computeIfAbsent(id, k -> new SsrcDraft());
        var attributeValue = attribute.value();
        if ((attribute.name().equals("cname") || attribute.name().equals("msid")) && attributeValue.isEmpty()) {
            throw new IllegalArgumentException("a=ssrc " + attribute.name() + " needs a value");
        }
        if (attribute.name().equals("cname") && draft.cname.isEmpty() && attributeValue.isPresent()) {
            draft.cname = attributeValue;
        } else if (attribute.name().equals("msid") && draft.msid.isEmpty() && attributeValue.isPresent()) {
            draft.msid = Optional.of(Msid.parse(attributeValue.get()));
        } else {
            draft.attributes.add(attribute);
        }
    }

    MediaDescription finish(List<SdpParseResult.Note> notes) {
        var codecs = codecs(notes);
        var byPayloadType = new LinkedHashMap<Integer, Codec>();
        codecs.forEach(c -> byPayloadType.put(c.payloadType(), c));
        var kept = new ArrayList<Attribute>();
        for (Entry entry : entries) {
            Codec codec = entry.pending() ? byPayloadType.get(entry.payloadType()) : null;
            if (codec == null) {
                if (entry.pending()) {
                    notes.add(new SdpParseResult.Note(entry.line(), "a=" + entry.raw().name()
                            + " for payload type " + entry.payloadType() + " that has no codec; kept as written"));
                }
                kept.add(entry.raw());
            } else if (entry.feedback().isPresent()) {
                var feedback = new ArrayList<>(codec.rtcpFeedback());
                feedback.add(entry.feedback().get());
                byPayloadType.put(codec.payloadType(), codec.withRtcpFeedback(feedback));
            } else {
                byPayloadType.put(codec.payloadType(), codec.withFmtp(entry.fmtp()));
            }
        }
        var ssrcList = new ArrayList<Ssrc>();
        ssrcs.forEach((id, d) -> ssrcList.add(new Ssrc(id, d.cname, d.msid, d.attributes)));
        // codecs(...) set the formats; put them back, they are the m= line as written.
        return builder.codecs(List.copyOf(byPayloadType.values())).formats(formats).extraLines(extraLines)
                .ssrcs(ssrcList).attributes(kept).build();
    }

    /** Codecs in m= line order (the preference order), then rtpmaps the m= line does not list. */
    private List<Codec> codecs(List<SdpParseResult.Note> notes) {
        var codecs = new LinkedHashMap<Integer, Codec>();
        if (!rtp) {
            return List.of();
        }
        for (String format : formats) {
            int pt = Syntax.integer(format, 0, 127, "payload type");
            if (codecs.containsKey(pt)) {
                continue;
            }
            Codec codec = rtpmaps.get(pt);
            if (codec == null) {
                codec = StaticPayloadTypes.codec(pt).orElse(null);
            }
            if (codec == null) {
                notes.add(new SdpParseResult.Note(mLineNumber, "payload type " + pt + " has no a=rtpmap"));
            } else {
                codecs.put(pt, codec);
            }
        }
        rtpmaps.forEach((pt, codec) -> {
            if (!codecs.containsKey(pt)) {
                notes.add(new SdpParseResult.Note(rtpmapLines.get(pt),
                        "a=rtpmap for payload type " + pt + " that the m= line does not list"));
                codecs.put(pt, codec);
            }
        });
        return List.copyOf(codecs.values());
    }
}
