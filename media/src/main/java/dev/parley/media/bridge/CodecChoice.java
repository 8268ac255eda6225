package dev.parley.media.bridge;

import dev.parley.media.negotiation.NegotiationException;
import dev.parley.protocol.sdp.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which codecs an RTP leg offers, and which one it takes from the far end's offer or answer.
 * Parley offers its preference list in order (the payload types carriers expect: 0 for PCMU,
 * 8 for PCMA, a dynamic 111 for Opus) with telephone-event at each clock used; it answers an
 * offer with the first of its own preferences that the far end offered (so the operator's
 * order decides), and from an answer it takes the first codec listed, which the far end
 * prefers (RFC 3264 §6.1).
 */
public final class CodecChoice {

    /** The names an RtpOptions codec list may hold, compared without case. */
    public static final Set<String> NAMES = Set.of("PCMU", "PCMA", "OPUS");
    static final int OPUS_PAYLOAD_TYPE = 111;
    static final int EVENT_8K_PAYLOAD_TYPE = 101;
    static final int EVENT_48K_PAYLOAD_TYPE = 102;
    /** RFC 4733 §3.2 events 0-15 are the DTMF keys; 16 is flash, which carriers list too. */
    static final String EVENTS = "0-16";

    private CodecChoice() {
    }

    /** Refuses an empty list, unknown names and repeats, naming the problem. */
    public static List<String> validate(List<String> codecs) {
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("an RTP leg needs at least one codec (PCMU, PCMA or OPUS)");
        }
        var seen = new java.util.HashSet<String>();
        for (String codec : codecs) {
            String upper = codec.toUpperCase(Locale.ROOT);
            if (!NAMES.contains(upper)) {
                throw new IllegalArgumentException("unknown codec " + codec + ": use PCMU, PCMA or OPUS");
            }
            if (!seen.add(upper)) {
                throw new IllegalArgumentException("codec " + codec + " is listed twice");
            }
        }
        return List.copyOf(codecs);
    }

    /** The codecs of Parley's offer, in preference order, followed by the telephone-events. */
    public static List<Codec> offer(List<String> preferences) {
        var codecs = new ArrayList<Codec>();
        boolean narrow = false;
        boolean wide = false;
        for (String name : preferences) {
            switch (name.toUpperCase(Locale.ROOT)) {
                case "PCMU" -> {
                    codecs.add(Codec.of(0, RtpFormat.PCMU, 8000));
                    narrow = true;
                }
                case "PCMA" -> {
                    codecs.add(Codec.of(8, RtpFormat.PCMA, 8000));
                    narrow = true;
                }
                case "OPUS" -> {
                    codecs.add(Codec.of(OPUS_PAYLOAD_TYPE, RtpFormat.OPUS, 48_000, 2).withFmtp("minptime=20"));
                    wide = true;
                }
                default -> throw new IllegalArgumentException("unknown codec " + name);
            }
        }
        if (narrow) {
            codecs.add(Codec.of(EVENT_8K_PAYLOAD_TYPE, "telephone-event", 8000).withFmtp(EVENTS));
        }
        if (wide) {
            codecs.add(Codec.of(EVENT_48K_PAYLOAD_TYPE, "telephone-event", 48_000).withFmtp(EVENTS));
        }
        return List.copyOf(codecs);
    }

    /** The codec to answer {@code offer} with: Parley's first preference the far end offered. */
    public static RtpFormat answer(FarEnd offer, List<String> preferences) {
        for (String name : preferences) {
            Optional<Codec> offered = find(offer.codecs(), name);
            if (offered.isPresent()) {
                return format(offer, offered.get());
            }
        }
        throw new NegotiationException("no common codec: Parley takes " + preferences + ", the offer has "
                + offer.codecs().stream().map(Codec::name).toList());
    }

    /** The codec the far end's answer settled on: the first one it lists that Parley offered. */
    public static RtpFormat fromAnswer(FarEnd answer, List<String> offered) {
        for (Codec codec : answer.codecs()) {
            for (String name : offered) {
                if (matches(codec, name)) {
                    return format(answer, codec);
                }
            }
        }
        throw new NegotiationException("the answer takes none of the offered codecs " + offered + ": "
                + answer.codecs().stream().map(Codec::name).toList());
    }

    /** Whether the far end still offers {@code current} (same codec, same payload type): a re-INVITE keeps it then. */
    public static Optional<RtpFormat> keep(FarEnd offer, RtpFormat current) {
        return offer.codecs().stream()
                .filter(c -> c.payloadType() == current.payloadType() && matches(c, current.optionName()))
                .findFirst().map(c -> format(offer, c));
    }

    private static Optional<Codec> find(List<Codec> codecs, String name) {
        return codecs.stream().filter(c -> matches(c, name)).findFirst();
    }

    private static boolean matches(Codec codec, String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PCMU" -> codec.isNamed(RtpFormat.PCMU) && codec.clockRate() == 8000;
            case "PCMA" -> codec.isNamed(RtpFormat.PCMA) && codec.clockRate() == 8000;
            case "OPUS" -> codec.isNamed(RtpFormat.OPUS) && codec.clockRate() == 48_000;
            default -> false;
        };
    }

    private static RtpFormat format(FarEnd far, Codec codec) {
        int event = far.telephoneEvent(codec.clockRate()).map(Codec::payloadType).orElse(-1);
        return new RtpFormat(codec.name(), codec.payloadType(), codec.clockRate(), codec.channels().orElse(1),
                codec.fmtp(), event);
    }
}
