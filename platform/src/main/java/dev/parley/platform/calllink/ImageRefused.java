package dev.parley.platform.calllink;

/**
 * An upload that is not an image Parley keeps: not PNG, JPEG or WebP (the HTTP edge answers
 * 415), or larger than its type allows (413). Wrong dimensions are an {@code InvalidInput}.
 */
public final class ImageRefused extends RuntimeException {

    public enum Reason { UNSUPPORTED_TYPE, TOO_LARGE }

    private final Reason reason;

    public ImageRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
