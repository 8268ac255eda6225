package dev.parley.media.sfu;

/** What a track carries. */
public enum MediaKind {
    AUDIO, VIDEO;

    /** The SDP media type: {@code audio} or {@code video}. */
    public String sdpName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
