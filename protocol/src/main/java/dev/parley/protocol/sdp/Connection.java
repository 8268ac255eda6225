package dev.parley.protocol.sdp;

/**
 * A {@code c=} line (RFC 8866 section 5.7), {@code c=IN IP4 0.0.0.0}. The address is kept as
 * written, including a multicast {@code /ttl/count} suffix if any.
 */
public record Connection(String netType, String addrType, String address) {

    public Connection {
        Syntax.token(netType, "connection network type");
        Syntax.token(addrType, "connection address type");
        Syntax.visible(address, "connection address");
    }

    /** The placeholder JSEP writes when the real addresses are in candidates: IN IP4 0.0.0.0. */
    public static Connection ip4(String address) {
        return new Connection("IN", "IP4", address);
    }

    public static Connection ip6(String address) {
        return new Connection("IN", "IP6", address);
    }

    static Connection parse(String value) {
        var words = Syntax.words(value);
        if (words.size() != 3) {
            throw new IllegalArgumentException("connection data needs 3 fields, found " + words.size());
        }
        return new Connection(words.get(0), words.get(1), words.get(2));
    }

    String sdpValue() {
        return netType + " " + addrType + " " + address;
    }
}
