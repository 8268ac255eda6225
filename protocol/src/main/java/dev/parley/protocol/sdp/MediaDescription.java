package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One media section: an {@code m=} line and the lines up to the next one (RFC 8866 section
 * 5.14), with the attributes WebRTC uses (RFC 8829 section 5.2.1) parsed into fields:
 *
 * <pre>
 * m=&lt;media&gt; &lt;port&gt;[/&lt;number of ports&gt;] &lt;proto&gt; &lt;fmt&gt; ...
 * m=video 9 UDP/TLS/RTP/SAVPF 96 97
 * c=IN IP4 0.0.0.0
 * a=ice-ufrag:... a=fingerprint:... a=setup:... a=mid:1 a=extmap:... a=sendrecv a=msid:...
 * a=rtcp-mux a=rtcp-rsize a=rtpmap/rtcp-fb/fmtp per codec, a=ssrc-group, a=ssrc ...
 * </pre>
 *
 * Attributes not modelled here stay in {@link #attributes()} in their order, so a parse and
 * write keeps them. An absent single-valued attribute is an empty {@code Optional}; the
 * session-level fallbacks (ice credentials, fingerprint, setup, direction) are resolved by
 * {@link SessionDescription}'s {@code effective...} methods. Build answers with
 * {@link #builder(MediaKind)} or {@link #toBuilder()}.
 */
public record MediaDescription(
        MediaKind kind,
        int port,
        int portCount,
        String protocol,
        List<String> formats,
        List<SdpLine> extraLines,
        Optional<Connection> connection,
        List<Bandwidth> bandwidths,
        Optional<String> mid,
        Optional<Direction> direction,
        Optional<String> iceUfrag,
        Optional<String> icePwd,
        List<String> iceOptions,
        List<Fingerprint> fingerprints,
        Optional<Setup> setup,
        boolean rtcpMux,
        boolean rtcpRsize,
        Optional<Rtcp> rtcp,
        List<Candidate> candidates,
        boolean endOfCandidates,
        List<Codec> codecs,
        boolean extmapAllowMixed,
        List<Extmap> extmaps,
        List<Msid> msids,
        List<SsrcGroup> ssrcGroups,
        List<Ssrc> ssrcs,
        List<Rid> rids,
        Optional<String> simulcast,
        OptionalInt sctpPort,
        OptionalLong maxMessageSize,
        List<Attribute> attributes) {

    public static final String UDP_TLS_RTP_SAVPF = "UDP/TLS/RTP/SAVPF";
    public static final String UDP_DTLS_SCTP = "UDP/DTLS/SCTP";
    public static final String WEBRTC_DATACHANNEL = "webrtc-datachannel";

    public MediaDescription {
        Objects.requireNonNull(kind, "kind");
        Syntax.range(port, 0, 65535, "port");
        Syntax.range(portCount, 1, 65535, "port count");
        checkProtocol(protocol);
        formats = List.copyOf(formats);
        checkFormats(protocol, formats);
        extraLines = sortedExtraLines(extraLines);
        Objects.requireNonNull(connection, "connection");
        bandwidths = List.copyOf(bandwidths);
        mid.ifPresent(m -> Syntax.token(m, "mid"));
        Objects.requireNonNull(direction, "direction");
        iceUfrag.ifPresent(u -> Syntax.visible(u, "ice-ufrag"));
        icePwd.ifPresent(p -> Syntax.visible(p, "ice-pwd"));
        iceOptions = List.copyOf(iceOptions);
        iceOptions.forEach(o -> Syntax.token(o, "ice option"));
        fingerprints = List.copyOf(fingerprints);
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(rtcp, "rtcp");
        candidates = List.copyOf(candidates);
        codecs = List.copyOf(codecs);
        extmaps = List.copyOf(extmaps);
        msids = List.copyOf(msids);
        ssrcGroups = List.copyOf(ssrcGroups);
        ssrcs = List.copyOf(ssrcs);
        rids = List.copyOf(rids);
        simulcast.ifPresent(s -> Syntax.text(s, "simulcast"));
        sctpPort.ifPresent(p -> Syntax.range(p, 0, 65535, "sctp-port"));
        maxMessageSize.ifPresent(m -> Syntax.range(m, 0, Long.MAX_VALUE, "max-message-size"));
        attributes = List.copyOf(attributes);
    }

    /** RFC 8866 proto: {@code token *("/" token)}. */
    static void checkProtocol(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        for (String part : protocol.split("/", -1)) {
            Syntax.token(part, "protocol");
        }
    }

    /** At least one format; for an RTP profile each is a payload type 0..127 (RFC 3551). */
    static void checkFormats(String protocol, List<String> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        for (String format : formats) {
            Syntax.token(format, "format");
            if (isRtpProtocol(protocol)) {
                Syntax.integer(format, 0, 127, "payload type");
            }
        }
    }

    static boolean isRtpProtocol(String protocol) {
        return protocol.toUpperCase(Locale.ROOT).contains("RTP/");
    }

    private static List<SdpLine> sortedExtraLines(List<SdpLine> lines) {
        for (SdpLine line : lines) {
            if (line.type() != 'i' && line.type() != 'k') {
                throw new IllegalArgumentException(line.type() + "= is not allowed in a media section");
            }
        }
        var sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(SdpLine::rank));
        return List.copyOf(sorted);
    }

    /**
     * A builder with JSEP defaults: port 9, {@code c=IN IP4 0.0.0.0}, protocol
     * UDP/TLS/RTP/SAVPF (UDP/DTLS/SCTP with format webrtc-datachannel for application).
     */
    public static Builder builder(MediaKind kind) {
        return new Builder(kind);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the formats are RTP payload types (any {@code RTP/} profile) rather than, say, SCTP. */
    public boolean isRtp() {
        return isRtpProtocol(protocol);
    }

    /** Codecs with this encoding name, case-insensitively, in preference order. */
    public List<Codec> codecsNamed(String name) {
        return codecs.stream().filter(c -> c.isNamed(name)).toList();
    }

    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(c -> c.payloadType() == payloadType).findFirst();
    }

    /** The RTX payload type whose {@code apt=} names {@code payloadType} (RFC 4588 section 8.6). */
    public OptionalInt rtxPayloadTypeFor(int payloadType) {
        for (Codec codec : codecs) {
            if (codec.isRtx() && codec.associatedPayloadType().equals(OptionalInt.of(payloadType))) {
                return OptionalInt.of(codec.payloadType());
            }
        }
        return OptionalInt.empty();
    }

    public Optional<Extmap> extmap(String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri)).findFirst();
    }

    public Optional<Ssrc> ssrc(long id) {
        return ssrcs.stream().filter(s -> s.id() == id).findFirst();
    }

    /** Every SSRC with {@code a=ssrc} lines, in order of first appearance. */
    public List<Long> ssrcIds() {
        return ssrcs.stream().map(Ssrc::id).toList();
    }

    /**
     * The SSRCs that carry a track: those whose {@code a=ssrc msid} names it (Chrome), or,
     * when no SSRC says, all of them if the section's {@code a=msid} names it (Firefox, one
     * track per section in unified plan).
     */
    public List<Long> ssrcsOf(String trackId) {
        boolean ssrcMsids = ssrcs.stream().anyMatch(s -> s.msid().isPresent());
        if (ssrcMsids) {
            return ssrcs.stream()
                    .filter(s -> s.msid().flatMap(Msid::trackId).equals(Optional.of(trackId)))
                    .map(Ssrc::id).toList();
        }
        boolean sectionTrack = msids.stream().anyMatch(m -> m.trackId().equals(Optional.of(trackId)));
        return sectionTrack ? ssrcIds() : List.of();
    }

    public List<SsrcGroup> ssrcGroupsOf(String semantics) {
        return ssrcGroups.stream().filter(g -> g.semantics().equals(semantics)).toList();
    }

    /** The RTX SSRC paired with {@code primary} by an {@code a=ssrc-group:FID primary rtx}. */
    public OptionalLong rtxSsrcFor(long primary) {
        for (SsrcGroup group : ssrcGroupsOf(SsrcGroup.FID)) {
            if (group.ssrcs().size() >= 2 && group.ssrcs().getFirst() == primary) {
                return OptionalLong.of(group.ssrcs().get(1));
            }
        }
        return OptionalLong.empty();
    }

    /** The first kept attribute with this name. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * {@code a=ptime} (RFC 8866 section 6.4): the packet duration in milliseconds the sender
     * wants to receive; empty when absent or not a whole number (some write {@code 20.0}, read
     * as 20).
     */
    public OptionalInt ptime() {
        return attribute("ptime").flatMap(Attribute::value).map(v -> {
            String digits = v.strip();
            int dot = digits.indexOf('.');
            if (dot >= 0) {
                digits = digits.substring(0, dot);
            }
            try {
                int ms = Syntax.integer(digits, 1, 1000, "ptime");
                return OptionalInt.of(ms);
            } catch (IllegalArgumentException e) {
                return OptionalInt.empty();
            }
        }).orElse(OptionalInt.empty());
    }

    /** {@code a=bundle-only} (RFC 8843 section 6): port 0 but not rejected. */
    public boolean isBundleOnly() {
        return attribute("bundle-only").filter(a -> a.value().isEmpty()).isPresent();
    }

    /** Port 0 without bundle-only: the answerer rejected (or the offerer disabled) this section. */
    public boolean isRejected() {
        return port == 0 && !isBundleOnly();
    }

    public MediaDescription withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public MediaDescription withMid(String newMid) {
        return toBuilder().mid(newMid).build();
    }

    public MediaDescription withDirection(Direction newDirection) {
        return toBuilder().direction(newDirection).build();
    }

    /** Replaces the codecs and the m= line's format list with their payload types. */
    public MediaDescription withCodecs(List<Codec> newCodecs) {
        return toBuilder().codecs(newCodecs).build();
    }

    public MediaDescription withCandidates(List<Candidate> newCandidates) {
        return toBuilder().candidates(newCandidates).build();
    }

    public MediaDescription withSsrcs(List<SsrcGroup> groups, List<Ssrc> newSsrcs) {
        return toBuilder().ssrcGroups(groups).ssrcs(newSsrcs).build();
    }

    /** This section as SDP text with CRLF line endings, from its {@code m=} line. */
    public String write() {
        var sb = new StringBuilder(1024);
        SdpWriter.writeMedia(sb, this);
        return sb.toString();
    }

    @Override
    public String toString() {
        return write();
    }

    /** Builds a media section; lists are appended to by {@code add...} and replaced by their plural setter. */
    public static final class Builder extends SessionOrMediaBuilder<Builder> {
        private final MediaKind kind;
        private int port = 9;
        private int portCount = 1;
        private String protocol;
        private List<String> formats = new ArrayList<>();
        private Optional<String> mid = Optional.empty();
        private boolean rtcpMux;
        private boolean rtcpRsize;
        private Optional<Rtcp> rtcp = Optional.empty();
        private List<Candidate> candidates = new ArrayList<>();
        private boolean endOfCandidates;
        private List<Codec> codecs = new ArrayList<>();
        private List<Msid> msids = new ArrayList<>();
        private List<SsrcGroup> ssrcGroups = new ArrayList<>();
        private List<Ssrc> ssrcs = new ArrayList<>();
        private List<Rid> rids = new ArrayList<>();
        private Optional<String> simulcast = Optional.empty();
        private OptionalInt sctpPort = OptionalInt.empty();
        private OptionalLong maxMessageSize = OptionalLong.empty();

        private Builder(MediaKind kind) {
            super(Optional.of(Connection.ip4("0.0.0.0")));
            this.kind = Objects.requireNonNull(kind, "kind");
            if (kind == MediaKind.APPLICATION) {
                protocol = UDP_DTLS_SCTP;
                formats.add(WEBRTC_DATACHANNEL);
            } else {
                protocol = UDP_TLS_RTP_SAVPF;
            }
        }

        private Builder(MediaDescription m) {
            super(m.connection);
            kind = m.kind;
            port = m.port;
            portCount = m.portCount;
            protocol = m.protocol;
            formats = new ArrayList<>(m.formats);
            extraLines = new ArrayList<>(m.extraLines);
            bandwidths = new ArrayList<>(m.bandwidths);
            mid = m.mid;
            direction = m.direction;
            iceUfrag = m.iceUfrag;
            icePwd = m.icePwd;
            iceOptions = new ArrayList<>(m.iceOptions);
            fingerprints = new ArrayList<>(m.fingerprints);
            setup = m.setup;
            rtcpMux = m.rtcpMux;
            rtcpRsize = m.rtcpRsize;
            rtcp = m.rtcp;
            candidates = new ArrayList<>(m.candidates);
            endOfCandidates = m.endOfCandidates;
            codecs = new ArrayList<>(m.codecs);
            extmapAllowMixed = m.extmapAllowMixed;
            extmaps = new ArrayList<>(m.extmaps);
            msids = new ArrayList<>(m.msids);
            ssrcGroups = new ArrayList<>(m.ssrcGroups);
            ssrcs = new ArrayList<>(m.ssrcs);
            rids = new ArrayList<>(m.rids);
            simulcast = m.simulcast;
            sctpPort = m.sctpPort;
            maxMessageSize = m.maxMessageSize;
            attributes = new ArrayList<>(m.attributes);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder portCount(int value) {
            portCount = value;
            return this;
        }

        public Builder protocol(String value) {
            protocol = Objects.requireNonNull(value);
            return this;
        }

        /** The m= line's formats as written; {@link #codecs} and {@link #addCodec} keep them in step for RTP. */
        public Builder formats(List<String> value) {
            formats = new ArrayList<>(value);
            return this;
        }

        public Builder noConnection() {
            connection = Optional.empty();
            return this;
        }

        public Builder mid(String value) {
            mid = Optional.of(value);
            return this;
        }

        public Builder noDirection() {
            direction = Optional.empty();
            return this;
        }

        public Builder rtcpMux(boolean value) {
            rtcpMux = value;
            return this;
        }

        public Builder rtcpRsize(boolean value) {
            rtcpRsize = value;
            return this;
        }

        public Builder rtcp(Rtcp value) {
            rtcp = Optional.of(value);
            return this;
        }

        public Builder candidates(List<Candidate> value) {
            candidates = new ArrayList<>(value);
            return this;
        }

        public Builder addCandidate(Candidate value) {
            candidates.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder endOfCandidates(boolean value) {
            endOfCandidates = value;
            return this;
        }

        /** Replaces the codecs, and the m= line's formats with their payload types in this order. */
        public Builder codecs(List<Codec> value) {
            codecs = new ArrayList<>(value);
            formats = new ArrayList<>(codecs.stream().map(c -> Integer.toString(c.payloadType())).toList());
            return this;
        }

        /** Appends a codec, and its payload type to the m= line if it is not there yet. */
        public Builder addCodec(Codec value) {
            codecs.add(Objects.requireNonNull(value));
            String pt = Integer.toString(value.payloadType());
            if (!formats.contains(pt)) {
                formats.add(pt);
            }
            return this;
        }

        public Builder msids(List<Msid> value) {
            msids = new ArrayList<>(value);
            return this;
        }

        public Builder addMsid(Msid value) {
            msids.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder ssrcGroups(List<SsrcGroup> value) {
            ssrcGroups = new ArrayList<>(value);
            return this;
        }

        public Builder addSsrcGroup(SsrcGroup value) {
            ssrcGroups.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder ssrcs(List<Ssrc> value) {
            ssrcs = new ArrayList<>(value);
            return this;
        }

        public Builder addSsrc(Ssrc value) {
            ssrcs.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder rids(List<Rid> value) {
            rids = new ArrayList<>(value);
            return this;
        }

        public Builder addRid(Rid value) {
            rids.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder simulcast(String value) {
            simulcast = Optional.of(value);
            return this;
        }

        public Builder noSimulcast() {
            simulcast = Optional.empty();
            return this;
        }

        public Builder sctpPort(int value) {
            sctpPort = OptionalInt.of(value);
            return this;
        }

        public Builder maxMessageSize(long value) {
            maxMessageSize = OptionalLong.of(value);
            return this;
        }

        /** Throws {@link IllegalArgumentException} when a value is out of range or not writable. */
        public MediaDescription build() {
            return new MediaDescription(kind, port, portCount, protocol, formats, extraLines, connection, bandwidths,
                    mid, direction, iceUfrag, icePwd, iceOptions, fingerprints, setup, rtcpMux, rtcpRsize, rtcp,
                    candidates, endOfCandidates, codecs, extmapAllowMixed, extmaps, msids, ssrcGroups, ssrcs, rids,
                    simulcast, sctpPort, maxMessageSize, attributes);
        }
    }
}
