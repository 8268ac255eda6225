package dev.parley.platform.calllink;

/** The image formats a theme may use; anything else (SVG with its scripts, GIF, ...) is refused. */
public enum ImageFormat {
    PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

    private final String contentType;

    ImageFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
