package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A WebRTC session description (RFC 8866) as JSEP (RFC 8829) uses it for offers and
 * answers in unified plan, with BUNDLE (RFC 8843):
 *
 * <pre>
 * v=0                                       RFC 8866 5.1
 * o=- 4215775240449105457 2 IN IP4 127.0.0.1      5.2
 * s=-                                             5.3
 * t=0 0                                           5.9
 * a=group:BUNDLE 0 1                        RFC 5888, RFC 8843
 * a=extmap-allow-mixed                      RFC 8285
 * a=msid-semantic: WMS stream               RFC 8830 (draft form)
 * m=audio 9 UDP/TLS/RTP/SAVPF 111 ...       one {@link MediaDescription} per m= line
 * </pre>
 *
 * Session-level ice-ufrag, ice-pwd, fingerprint and setup apply to every media section that
 * does not have its own (RFC 8839 section 5.4, RFC 8122 section 5); the
 * {@code effective...} methods resolve that. Attributes not modelled stay in
 * {@link #attributes()} in order. {@link #parse} never throws; {@link #write()} gives
 * RFC-conformant text with CRLF line endings, attributes in the order Chrome writes them.
 */
public record SessionDescription(
        int version,
        Origin origin,
        String sessionName,
        List<SdpLine> extraLines,
        Optional<Connection> connection,
        List<Bandwidth> bandwidths,
        List<Timing> timings,
        List<Group> groups,
        boolean extmapAllowMixed,
        List<MsidSemantic> msidSemantics,
        boolean iceLite,
        List<String> iceOptions,
        Optional<String> iceUfrag,
        Optional<String> icePwd,
        List<Fingerprint> fingerprints,
        Optional<Setup> setup,
        Optional<Direction> direction,
        List<Extmap> extmaps,
        List<Attribute> attributes,
        List<MediaDescription> media) {

    public SessionDescription {
        if (version != 0) {
            throw new IllegalArgumentException("SDP version must be 0, not " + version);
        }
        Objects.requireNonNull(origin, "origin");
        Syntax.text(sessionName, "session name");
        extraLines = sorted(extraLines);
        Objects.requireNonNull(connection, "connection");
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        if (timings.isEmpty()) {
            throw new IllegalArgumentException("a description needs at least one t= line");
        }
        groups = List.copyOf(groups);
        msidSemantics = List.copyOf(msidSemantics);
        iceOptions = List.copyOf(iceOptions);
        iceOptions.forEach(o -> Syntax.token(o, "ice option"));
        iceUfrag.ifPresent(u -> Syntax.visible(u, "ice-ufrag"));
        icePwd.ifPresent(p -> Syntax.visible(p, "ice-pwd"));
        fingerprints = List.copyOf(fingerprints);
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(direction, "direction");
        extmaps = List.copyOf(extmaps);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    private static List<SdpLine> sorted(List<SdpLine> lines) {
        var copy = new ArrayList<>(lines);
        copy.sort(Comparator.comparingInt(SdpLine::rank));
        return List.copyOf(copy);
    }

    /**
     * Parses SDP text with CRLF or LF line endings. Never throws: broken input (missing
     * {@code v=}/{@code o=}/{@code s=}/{@code t=}, lines out of place, bad numbers, more than
     * 64 KiB of text, 4 KiB in a line or 64 media sections) is an {@link SdpParseResult.Error}
     * naming the line, and counts {@code Malformed.Kind.SDP}.
     */
    public static SdpParseResult parse(String text) {
        return SdpParser.parse(text);
    }

    /** A builder with session name {@code -} and timing {@code t=0 0}, as JSEP writes them. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The mids of the first BUNDLE group, the first being the tag that owns the transport; empty without one. */
    public List<String> bundleGroup() {
        return groups.stream().filter(Group::isBundle).findFirst().map(Group::mids).orElse(List.of());
    }

    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().equals(Optional.of(mid))).findFirst();
    }

    public Optional<String> effectiveIceUfrag(MediaDescription m) {
        return m.iceUfrag().or(this::iceUfrag);
    }

    public Optional<String> effectiveIcePwd(MediaDescription m) {
        return m.icePwd().or(this::icePwd);
    }

    public List<String> effectiveIceOptions(MediaDescription m) {
        return m.iceOptions().isEmpty() ? iceOptions : m.iceOptions();
    }

    public List<Fingerprint> effectiveFingerprints(MediaDescription m) {
        return m.fingerprints().isEmpty() ? fingerprints : m.fingerprints();
    }

    public Optional<Setup> effectiveSetup(MediaDescription m) {
        return m.setup().or(this::setup);
    }

    /**
     * The section's {@code c=}, else the session's (RFC 8866 section 5.7): where a plain RTP
     * peer (no ICE) receives the section's media. Empty when neither has one.
     */
    public Optional<Connection> effectiveConnection(MediaDescription m) {
        return m.connection().or(this::connection);
    }

    /** The section's direction, else the session's, else sendrecv (RFC 3264 section 5.1). */
    public Direction effectiveDirection(MediaDescription m) {
        return m.direction().or(this::direction).orElse(Direction.SENDRECV);
    }

    /** The first kept session attribute with this name. */
    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return toBuilder().media(newMedia).build();
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return toBuilder().origin(newOrigin).build();
    }

    /** The whole description as SDP text, CRLF line endings. */
    public String write() {
        return SdpWriter.write(this);
    }

    @Override
    public String toString() {
        return write();
    }

    /** Builds a description; lists are appended to by {@code add...} and replaced by their plural setter. */
    public static final class Builder extends SessionOrMediaBuilder<Builder> {
        private Origin origin;
        private String sessionName = "-";
        private List<Timing> timings = new ArrayList<>(List.of(Timing.UNBOUNDED));
        private List<Group> groups = new ArrayList<>();
        private List<MsidSemantic> msidSemantics = new ArrayList<>();
        private boolean iceLite;
        private List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            super(Optional.empty());
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        private Builder(SessionDescription s) {
            super(s.connection);
            origin = s.origin;
            sessionName = s.sessionName;
            extraLines = new ArrayList<>(s.extraLines);
            bandwidths = new ArrayList<>(s.bandwidths);
            timings = new ArrayList<>(s.timings);
            groups = new ArrayList<>(s.groups);
            extmapAllowMixed = s.extmapAllowMixed;
            msidSemantics = new ArrayList<>(s.msidSemantics);
            iceLite = s.iceLite;
            iceOptions = new ArrayList<>(s.iceOptions);
            iceUfrag = s.iceUfrag;
            icePwd = s.icePwd;
            fingerprints = new ArrayList<>(s.fingerprints);
            setup = s.setup;
            direction = s.direction;
            extmaps = new ArrayList<>(s.extmaps);
            attributes = new ArrayList<>(s.attributes);
            media = new ArrayList<>(s.media);
        }

        @Override
        Builder self() {
            return this;
        }

        public Builder origin(Origin value) {
            origin = Objects.requireNonNull(value);
            return this;
        }

        public Builder sessionName(String value) {
            sessionName = Objects.requireNonNull(value);
            return this;
        }

        public Builder addExtraLine(SdpLine value) {
            extraLines.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder timings(List<Timing> value) {
            timings = new ArrayList<>(value);
            return this;
        }

        public Builder groups(List<Group> value) {
            groups = new ArrayList<>(value);
            return this;
        }

        public Builder addGroup(Group value) {
            groups.add(Objects.requireNonNull(value));
            return this;
        }

        /** Replaces any BUNDLE group with one of these mids (the first is the tag), keeping other groups. */
        public Builder bundle(List<String> mids) {
            groups.removeIf(Group::isBundle);
            groups.addFirst(Group.bundle(mids));
            return this;
        }

        public Builder msidSemantics(List<MsidSemantic> value) {
            msidSemantics = new ArrayList<>(value);
            return this;
        }

        public Builder addMsidSemantic(MsidSemantic value) {
            msidSemantics.add(Objects.requireNonNull(value));
            return this;
        }

        public Builder iceLite(boolean value) {
            iceLite = value;
            return this;
        }

        public Builder media(List<MediaDescription> value) {
            media = new ArrayList<>(value);
            return this;
        }

        public Builder addMedia(MediaDescription value) {
            media.add(Objects.requireNonNull(value));
            return this;
        }

        /** Throws {@link IllegalArgumentException} when a value is out of range or not writable. */
        public SessionDescription build() {
            return new SessionDescription(0, origin, sessionName, extraLines, connection, bandwidths, timings, groups,
                    extmapAllowMixed, msidSemantics, iceLite, iceOptions, iceUfrag, icePwd, fingerprints, setup,
                    direction, extmaps, attributes, media);
        }
    }
}
