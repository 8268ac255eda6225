package dev.parley.protocol.sdp;

import java.util.Optional;

/**
 * An attribute line this package keeps as written: {@code a=<name>} (a property attribute) or
 * {@code a=<name>:<value>} (RFC 8866 section 5.13). Unknown attributes travel through a parse
 * and write unchanged, in their order.
 */
public record Attribute(String name, Optional<String> value) {

    public Attribute {
        Syntax.token(name, "attribute name");
        value.ifPresent(v -> Syntax.text(v, "attribute value"));
    }

    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    static Attribute parse(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? flag(text) : of(text.substring(0, colon), text.substring(colon + 1));
    }

    /** The text after {@code a=}. */
    public String sdpValue() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
