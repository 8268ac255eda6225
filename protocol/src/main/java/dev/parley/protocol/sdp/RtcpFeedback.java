package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * One {@code a=rtcp-fb:<pt> <type> [<parameter>]} (RFC 4585 section 4.2) of a codec:
 * {@code nack}, {@code nack pli}, {@code ccm fir}, {@code transport-cc}, {@code goog-remb}.
 */
public record RtcpFeedback(String type, Optional<String> parameter) {

    public static final RtcpFeedback NACK = of("nack");
    public static final RtcpFeedback NACK_PLI = of("nack", "pli");
    public static final RtcpFeedback CCM_FIR = of("ccm", "fir");
    public static final RtcpFeedback TRANSPORT_CC = of("transport-cc");
    public static final RtcpFeedback GOOG_REMB = of("goog-remb");

    public RtcpFeedback {
        Syntax.visible(type, "rtcp-fb type");
        parameter.ifPresent(p -> {
            Syntax.text(p, "rtcp-fb parameter");
            if (p.isBlank() || p.startsWith(" ") || p.endsWith(" ")) {
                throw new IllegalArgumentException("rtcp-fb parameter must be trimmed and non-empty");
            }
        });
    }

    public static RtcpFeedback of(String type) {
        return new RtcpFeedback(type, Optional.empty());
    }

    public static RtcpFeedback of(String type, String parameter) {
        return new RtcpFeedback(type, Optional.of(parameter));
    }

    /** Parses what follows the payload type. */
    static RtcpFeedback parse(String value) {
        var words = Syntax.words(value);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a=rtcp-fb needs a feedback type");
        }
        String rest = Syntax.rest(value, 1);
        return new RtcpFeedback(words.getFirst(), rest.isEmpty() ? Optional.empty() : Optional.of(rest));
    }

    String sdpValue() {
        return parameter.map(p -> type + " " + p).orElse(type);
    }
}
