package dev.parley.protocol.sdp;

import java.util.Map;
import java.util.Optional;

/**
 * The static RTP payload types of RFC 3551 section 6, for an m= line that lists one without
 * an {@code a=rtpmap} (allowed by RFC 8866 section 6.6; JSEP writes the rtpmap anyway).
 */
final class StaticPayloadTypes {

    private static final Map<Integer, Codec> TABLE = Map.ofEntries(
            Map.entry(0, Codec.of(0, "PCMU", 8000)),
            Map.entry(3, Codec.of(3, "GSM", 8000)),
            Map.entry(4, Codec.of(4, "G723", 8000)),
            Map.entry(5, Codec.of(5, "DVI4", 8000)),
            Map.entry(6, Codec.of(6, "DVI4", 16000)),
            Map.entry(7, Codec.of(7, "LPC", 8000)),
            Map.entry(8, Codec.of(8, "PCMA", 8000)),
            Map.entry(9, Codec.of(9, "G722", 8000)),
            Map.entry(10, Codec.of(10, "L16", 44100, 2)),
            Map.entry(11, Codec.of(11, "L16", 44100)),
            Map.entry(12, Codec.of(12, "QCELP", 8000)),
            Map.entry(13, Codec.of(13, "CN", 8000)),
            Map.entry(14, Codec.of(14, "MPA", 90000)),
            Map.entry(15, Codec.of(15, "G728", 8000)),
            Map.entry(16, Codec.of(16, "DVI4", 11025)),
            Map.entry(17, Codec.of(17, "DVI4", 22050)),
            Map.entry(18, Codec.of(18, "G729", 8000)),
            Map.entry(25, Codec.of(25, "CelB", 90000)),
            Map.entry(26, Codec.of(26, "JPEG", 90000)),
            Map.entry(28, Codec.of(28, "nv", 90000)),
            Map.entry(31, Codec.of(31, "H261", 90000)),
            Map.entry(32, Codec.of(32, "MPV", 90000)),
            Map.entry(33, Codec.of(33, "MP2T", 90000)),
            Map.entry(34, Codec.of(34, "H263", 90000)));

    private StaticPayloadTypes() {
    }

    static Optional<Codec> codec(int payloadType) {
        return Optional.ofNullable(TABLE.get(payloadType));
    }
}
