package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SessionDescription.Builder} and {@link MediaDescription.Builder} share: the lines
 * and attributes that may stand at session level or in a media section (i=/k=, c=, b=, the ICE
 * credentials and options, fingerprints, setup, direction, extmaps, kept attributes). A media
 * section's value overrides the session's; {@link SessionDescription}'s {@code effective...}
 * methods resolve that. Lists are appended to by {@code add...} and replaced by their plural
 * setter.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
abstract sealed class SessionOrMediaBuilder<B extends SessionOrMediaBuilder<B>>
        permits SessionDescription.Builder, MediaDescription.Builder {

    List<SdpLine> extraLines = new ArrayList<>();
    Optional<Connection> connection;
    List<Bandwidth> bandwidths = new ArrayList<>();
    Optional<Direction> direction = Optional.empty();
    Optional<String> iceUfrag = Optional.empty();
    Optional<String> icePwd = Optional.empty();
    List<String> iceOptions = new ArrayList<>();
    List<Fingerprint> fingerprints = new ArrayList<>();
    Optional<Setup> setup = Optional.empty();
    boolean extmapAllowMixed;
    List<Extmap> extmaps = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();

    SessionOrMediaBuilder(Optional<Connection> defaultConnection) {
        connection = defaultConnection;
    }

    abstract B self();

    public B extraLines(List<SdpLine> value) {
        extraLines = new ArrayList<>(value);
        return self();
    }

    public B connection(Connection value) {
        connection = Optional.of(value);
        return self();
    }

    public B bandwidths(List<Bandwidth> value) {
        bandwidths = new ArrayList<>(value);
        return self();
    }

    public B addBandwidth(Bandwidth value) {
        bandwidths.add(Objects.requireNonNull(value));
        return self();
    }

    public B direction(Direction value) {
        direction = Optional.of(value);
        return self();
    }

    public B iceUfrag(String value) {
        iceUfrag = Optional.of(value);
        return self();
    }

    public B icePwd(String value) {
        icePwd = Optional.of(value);
        return self();
    }

    public B iceOptions(List<String> value) {
        iceOptions = new ArrayList<>(value);
        return self();
    }

    public B fingerprints(List<Fingerprint> value) {
        fingerprints = new ArrayList<>(value);
        return self();
    }

    public B addFingerprint(Fingerprint value) {
        fingerprints.add(Objects.requireNonNull(value));
        return self();
    }

    public B setup(Setup value) {
        setup = Optional.of(value);
        return self();
    }

    public B extmapAllowMixed(boolean value) {
        extmapAllowMixed = value;
        return self();
    }

    public B extmaps(List<Extmap> value) {
        extmaps = new ArrayList<>(value);
        return self();
    }

    public B addExtmap(Extmap value) {
        extmaps.add(Objects.requireNonNull(value));
        return self();
    }

    public B attributes(List<Attribute> value) {
        attributes = new ArrayList<>(value);
        return self();
    }

    public B addAttribute(Attribute value) {
        attributes.add(Objects.requireNonNull(value));
        return self();
    }
}
