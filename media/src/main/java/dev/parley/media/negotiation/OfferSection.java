package dev.parley.media.negotiation;

import dev.parley.media.sfu.MediaKind;
import java.util.Optional;

/**
 * One media section of an offer Parley makes: a sending section for one leg, or an idle one
 * whose leg was removed (kept, so mids never move, and reused for the next track of its kind).
 */
public record OfferSection(String mid, MediaKind kind, int payloadType, String codecName, int clockRate, int channels,
                           String fmtp, Optional<Leg> leg) {

    /** What the section sends: the leg's SSRC and its msid. */
    public record Leg(long ssrc, String streamId, String trackId) {
    }

    /** The payload type Parley offers for a codec: G.711's static ones (RFC 3551), dynamic ones as Chrome numbers them. */
    public static int payloadTypeFor(String codecName) {
        return switch (codecName.toUpperCase(java.util.Locale.ROOT)) {
            case "PCMU" -> 0;
            case "PCMA" -> 8;
            case "OPUS" -> 111;
            case "VP8" -> 96;
            case "H264" -> 102;
            default -> 120;
        };
    }
}
