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
 * VP8, else H.264 with packetization-mode 1, for video. A publisher's audio section also keeps
 * RFC 4733 telephone-event when offered: browsers send DTMF (RTCDTMFSender) only when the
 * answer lists it. Parley decodes those digits and never forwards them, so legs it sends
 * carry no telephone-event.
 */
public record ChosenCodec(Codec primary, Optional<Codec> rtx, Optional<Codec> telephoneEvent) {

    public ChosenCodec(Codec primary, Optional<Codec> rtx) {
        this(primary, rtx, Optional.empty());
    }

    /** The telephone-event payload type, or -1 when DTMF was not negotiated. */
    public int telephoneEventPayloadType() {
        return telephoneEvent.map(Codec::payloadType).orElse(-1);
    }

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

    /** The audio codecs a publisher's section may be answered with, by their option names. */
    public static final List<String> AUDIO_NAMES = List.of("OPUS", "PCMU", "PCMA");

    /** Refuses an empty list or names other than OPUS, PCMU and PCMA (any case). */
    public static List<String> validateAudio(List<String> audioCodecs) {
        if (audioCodecs.isEmpty()) {
            throw new IllegalArgumentException("at least one audio codec (OPUS, PCMU, PCMA)");
        }
        for (String name : audioCodecs) {
            if (!AUDIO_NAMES.contains(name.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown audio codec " + name + ": use OPUS, PCMU or PCMA");
            }
        }
        return List.copyOf(audioCodecs);
    }

    /** The codec Parley accepts from a publisher in {@code m}: Opus for audio. */
    public static Optional<ChosenCodec> forReceiving(MediaDescription m) {
        return forReceiving(m, List.of("OPUS"));
    }

    /**
     * The codec Parley accepts from a publisher in {@code m}; for audio the first of
     * {@code audioPreferences} (OPUS, PCMU, PCMA) that the section offers, with the
     * telephone-event at that codec's clock (8 kHz for G.711).
     */
    public static Optional<ChosenCodec> forReceiving(MediaDescription m, List<String> audioPreferences) {
        if (m.kind() == MediaKind.AUDIO) {
            for (String preference : audioPreferences) {
                Optional<Codec> codec = m.codecs().stream().filter(c -> isAudio(c, preference)).findFirst();
                if (codec.isPresent()) {
                    Codec c = codec.get();
                    return Optional.of(new ChosenCodec(c, Optional.empty(), telephoneEvent(m, c.clockRate())));
                }
            }
            return Optional.empty();
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
        boolean audio = AUDIO_NAMES.contains(primary.name().toUpperCase(Locale.ROOT));
        List<RtcpFeedback> feedback = audio ? List.of() : VIDEO_FEEDBACK;
        Codec main = new Codec(primary.payloadType(), primary.name(), primary.clockRate(), primary.channels(),
                primary.fmtp(), feedback);
        var codecs = new java.util.ArrayList<Codec>(List.of(main));
        rtx.ifPresent(r -> codecs.add(new Codec(r.payloadType(), r.name(), r.clockRate(), r.channels(), r.fmtp(),
                List.of())));
        // The peer's fmtp (normally "0-15", the DTMF events) is echoed: we take whatever it sends.
        telephoneEvent.ifPresent(t -> codecs.add(new Codec(t.payloadType(), t.name(), t.clockRate(), t.channels(),
                t.fmtp(), List.of())));
        return List.copyOf(codecs);
    }

    /**
     * The offered telephone-event to accept next to audio at {@code clockRate}: the one at the
     * audio's own rate (RFC 4733 §2.1: events share the audio stream's clock), else the 8 kHz
     * one that every endpoint offers; a browser sends DTMF with whichever the answer lists.
     */
    static Optional<Codec> telephoneEvent(MediaDescription m, int clockRate) {
        List<Codec> offered = m.codecs().stream().filter(c -> named(c, "telephone-event")).toList();
        return offered.stream().filter(c -> c.clockRate() == clockRate).findFirst()
                .or(() -> offered.stream().filter(c -> c.clockRate() == 8_000).findFirst());
    }

    private static ChosenCodec of(MediaDescription m, Codec codec) {
        Optional<Codec> rtx = m.rtxPayloadTypeFor(codec.payloadType()).stream().boxed().findFirst()
                .flatMap(m::codec);
        return new ChosenCodec(codec, rtx);
    }

    private static boolean isAudio(Codec c, String preference) {
        return switch (preference.toUpperCase(Locale.ROOT)) {
            case "OPUS" -> isOpus(c);
            case "PCMU", "PCMA" -> named(c, preference) && c.clockRate() == 8000;
            default -> false;
        };
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
