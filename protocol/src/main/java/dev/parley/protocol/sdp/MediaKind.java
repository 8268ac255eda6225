package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * The {@code <media>} of an {@code m=} line (RFC 8866 section 5.14). WebRTC uses audio, video
 * and application (data channels); the others are registered and accepted so that an answer
 * can reject them with port 0 instead of failing the whole offer.
 */
public enum MediaKind {
    AUDIO("audio"),
    VIDEO("video"),
    APPLICATION("application"),
    TEXT("text"),
    MESSAGE("message"),
    IMAGE("image");

    private final String sdpName;

    MediaKind(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    public static Optional<MediaKind> fromSdpName(String name) {
        for (MediaKind kind : values()) {
            if (kind.sdpName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
