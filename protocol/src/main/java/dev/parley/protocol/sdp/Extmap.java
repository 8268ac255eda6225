package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * An RTP header extension mapping (RFC 8285 section 5):
 *
 * <pre>
 * a=extmap:&lt;id&gt;["/"&lt;direction&gt;] &lt;URI&gt; [&lt;extensionattributes&gt;]
 * a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid
 * a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level
 * </pre>
 *
 * Ids 1-14 fit the one-byte header, up to 255 the two-byte one; 4096-4351 are the RFC 5285
 * negotiation range, so anything in 1..4351 is accepted.
 */
public record Extmap(int id, Optional<Direction> direction, String uri, Optional<String> attributes) {

    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

    public Extmap {
        Syntax.range(id, 1, 4351, "extmap id");
        Syntax.visible(uri, "extmap URI");
        attributes.ifPresent(a -> {
            Syntax.text(a, "extmap attributes");
            if (a.isBlank() || a.startsWith(" ") || a.endsWith(" ")) {
                throw new IllegalArgumentException("extmap attributes must be trimmed and non-empty");
            }
        });
    }

    public static Extmap of(int id, String uri) {
        return new Extmap(id, Optional.empty(), uri, Optional.empty());
    }

    static Extmap parse(String value) {
        var words = Syntax.words(value);
        if (words.size() < 2) {
            throw new IllegalArgumentException("a=extmap needs <id> <URI>");
        }
        String idPart = words.getFirst();
        Optional<Direction> direction = Optional.empty();
        int slash = idPart.indexOf('/');
        if (slash >= 0) {
            String name = idPart.substring(slash + 1);
            direction = Optional.of(Direction.fromSdpName(name).orElseThrow(
                    () -> new IllegalArgumentException("unknown extmap direction " + Syntax.quote(name))));
            idPart = idPart.substring(0, slash);
        }
        int id = Syntax.integer(idPart, 1, 4351, "extmap id");
        String rest = Syntax.rest(value, 2);
        return new Extmap(id, direction, words.get(1), rest.isEmpty() ? Optional.empty() : Optional.of(rest));
    }

    String sdpValue() {
        var sb = new StringBuilder().append(id);
        direction.ifPresent(d -> sb.append('/').append(d.sdpName()));
        sb.append(' ').append(uri);
        attributes.ifPresent(a -> sb.append(' ').append(a));
        return sb.toString();
    }
}
