package dev.parley.protocol.sdp;

/**
 * A line WebRTC does not use but a description may carry and a round trip must keep:
 * {@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code z=} and {@code k=} at session level,
 * {@code i=} and {@code k=} in a media section (RFC 8866 sections 5.4-5.6, 5.11, 5.12).
 */
public record SdpLine(char type, String value) {

    /** Where each type goes in RFC 8866 section 5 order; the writer relies on it. */
    private static final String ORDER = "iuepzk";

    public SdpLine {
        if (ORDER.indexOf(type) < 0) {
            throw new IllegalArgumentException("not a free-form line type: " + type);
        }
        Syntax.text(value, type + "= value");
    }

    /** Lines that come before {@code c=} (i, u, e, p) as opposed to after {@code t=} (z) or {@code b=} (k). */
    boolean beforeConnection() {
        return ORDER.indexOf(type) < 4;
    }

    int rank() {
        return ORDER.indexOf(type);
    }
}
