package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * {@code a=msid:<stream-id> [<track-id>]} (RFC 8830 section 2): the MediaStream a track
 * belongs to ({@code -} for none) and the track's id. Also the value of {@code a=ssrc:<n> msid:...}.
 */
public record Msid(String streamId, Optional<String> trackId) {

    public Msid {
        Syntax.visible(streamId, "msid stream id");
        trackId.ifPresent(t -> Syntax.visible(t, "msid track id"));
    }

    public static Msid of(String streamId, String trackId) {
        return new Msid(streamId, Optional.of(trackId));
    }

    static Msid parse(String value) {
        var words = Syntax.words(value);
        if (words.isEmpty() || words.size() > 2) {
            throw new IllegalArgumentException("msid needs <stream-id> [<track-id>]");
        }
        return new Msid(words.getFirst(), words.size() == 2 ? Optional.of(words.get(1)) : Optional.empty());
    }

    String sdpValue() {
        return trackId.map(t -> streamId + " " + t).orElse(streamId);
    }
}
