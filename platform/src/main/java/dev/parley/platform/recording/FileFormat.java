package dev.parley.platform.recording;

/**
 * The container of a recording file, with the extension its generated name gets and the media
 * type it is served as. The recorder writes WEBM or MKV (Opus with VP8 or H.264), OGG (Opus,
 * audio only) and MKA (G.711 phone audio in Matroska); composition writes MP4 (H.264 and AAC)
 * or, for audio-only recordings, OGG.
 */
public enum FileFormat {
    WEBM("webm", "video/webm"),
    MKV("mkv", "video/x-matroska"),
    OGG("ogg", "audio/ogg"),
    MKA("mka", "audio/x-matroska"),
    MP4("mp4", "video/mp4");

    private final String extension;
    private final String contentType;

    FileFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** True for the containers that only ever hold audio here. */
    public boolean audioOnly() {
        return this == OGG || this == MKA;
    }
}
