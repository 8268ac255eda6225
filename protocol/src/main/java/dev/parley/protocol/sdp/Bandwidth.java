package dev.parley.protocol.sdp;

/** A {@code b=<bwtype>:<bandwidth>} line (RFC 8866 section 5.8), e.g. {@code b=AS:2000} or {@code b=TIAS:2000000}. */
public record Bandwidth(String type, long value) {

    public Bandwidth {
        Syntax.token(type, "bandwidth type");
        Syntax.range(value, 0, Long.MAX_VALUE, "bandwidth");
    }

    static Bandwidth parse(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("b= needs <type>:<bandwidth>");
        }
        return new Bandwidth(value.substring(0, colon),
                Syntax.number(value.substring(colon + 1), 0, Long.MAX_VALUE, "bandwidth"));
    }

    String sdpValue() {
        return type + ":" + value;
    }
}
