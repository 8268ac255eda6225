package dev.parley.media.negotiation;

import dev.parley.protocol.sdp.Codec;
import dev.parley.protocol.sdp.MediaDescription;
import dev.parley.protocol.sdp.MediaKind;
import dev.parley.protocol.sdp.RtcpFeedback;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The codec a media section settles on, with its RTX companion when the peer offered one.
 * Parley forwards without transcoding, so a section gets exactly one codec: Opus for audio;
 * VP8, else H.264 with packetization-mode 1, for video.
 */
public record ChosenCodec(Codec primary, Optional<Codec> rtx) {

    private static final List<RtcpFeedback> VIDEO_FEEDBACK = List.of(
            new RtcpFeedback("goog-remb", Optional.empty()),
            new RtcpFeedback("ccm", Optional.of("fir")),
            new RtcpFeedback("nack", Optional.empty()),
            new RtcpFeedback("nack", Optional.of("pli")));

    public String name() {
        return primary.name();
    }

    public int payloadType() {
        return primary.payloadType();
    }

    /** The codec Parley accepts from a publisher in {@code m}, in order of preference. */
    public static Optional<ChosenCodec> forReceiving(MediaDescription m) {
        if (m.kind() == MediaKind.AUDIO) {
            return m.codecs().stream().filter(ChosenCodec::isOpus).findFirst().map(c -> of(m, c));
        }
        if (m.kind() == MediaKind.VIDEO) {
            Optional<Codec> vp8 = m.codecs().stream().filter(c -> named(c, "VP8")).findFirst();
            Optional<Codec> h264 = m.codecs().stream().filter(ChosenCodec::isH264Mode1)
                    .sorted(java.util.Comparator.comparing((Codec c) -> !fmtp(c).getOrDefault("profile-level-id", "")
                            .toLowerCase(Locale.ROOT).startsWith("42e0")))
                    .findFirst();
            return vp8.or(() -> h264).map(c -> of(m, c));
        }
        return Optional.empty();
    }

    /** The codec in a subscriber's section {@code m} that can carry {@code source} unchanged. */
    public static Optional<ChosenCodec> forSending(MediaDescription m, String sourceCodec, String sourceFmtp) {
        return m.codecs().stream()
                .filter(c -> named(c, sourceCodec))
                .filter(c -> !named(c, "H264") || isH264Mode1(c))
                .findFirst()
                .map(c -> new ChosenCodec(c, Optional.empty()));
    }

    /** The codec as written in our answer: the peer's payload type, our feedback set. */
    List<Codec> answerCodecs() {
        List<RtcpFeedback> feedback = primary.name().equalsIgnoreCase("opus") ? List.of() : VIDEO_FEEDBACK;
        Codec main = new Codec(primary.payloadType(), primary.name(), primary.clockRate(), primary.channels(),
                primary.fmtp(), feedback);
        return rtx.map(r -> List.of(main, new Codec(r.payloadType(), r.name(), r.clockRate(), r.channels(), r.fmtp(),
                List.of()))).orElse(List.of(main));
    }

    private static ChosenCodec of(MediaDescription m, Codec codec) {
        Optional<Codec> rtx = m.rtxPayloadTypeFor(codec.payloadType()).stream().boxed().findFirst()
                .flatMap(m::codec);
        return new ChosenCodec(codec, rtx);
    }

    private static boolean isOpus(Codec c) {
        return named(c, "opus") && c.clockRate() == 48_000;
    }

    private static boolean isH264Mode1(Codec c) {
        return named(c, "H264") && "1".equals(fmtp(c).get("packetization-mode"));
    }

    private static boolean named(Codec c, String name) {
        return c.name().equalsIgnoreCase(name);
    }

    static Map<String, String> fmtp(Codec c) {
        var parameters = new java.util.LinkedHashMap<String, String>();
        for (String part : c.fmtp().split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parameters.put(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        return parameters;
    }
}
