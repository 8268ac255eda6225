package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * {@code a=rid:<rid-id> <direction> [<restrictions>]} (RFC 8851 section 10): one RTP stream
 * of a simulcast offer, e.g. {@code a=rid:h send max-width=640}. Restrictions stay raw.
 */
public record Rid(String id, String direction, Optional<String> restrictions) {

    public Rid {
        Syntax.token(id, "rid id");
        if (!direction.equals("send") && !direction.equals("recv")) {
            throw new IllegalArgumentException("rid direction must be send or recv, not " + Syntax.quote(direction));
        }
        restrictions.ifPresent(r -> Syntax.visible(r, "rid restrictions"));
    }

    static Rid parse(String value) {
        var words = Syntax.words(value);
        if (words.size() < 2 || words.size() > 3) {
            throw new IllegalArgumentException("a=rid needs <rid-id> <direction> [<restrictions>]");
        }
        return new Rid(words.get(0), words.get(1), words.size() == 3 ? Optional.of(words.get(2)) : Optional.empty());
    }

    String sdpValue() {
        return id + " " + direction + restrictions.map(r -> " " + r).orElse("");
    }
}
