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

    /**
     * Whether the address is the unspecified one ({@code 0.0.0.0} or {@code ::}): the old way
     * (RFC 2543) to put a stream on hold, which RFC 3264 section 8.4 says to read as "send
     * nothing here".
     */
    public boolean isUnspecified() {
        String bare = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
        return bare.equals("0.0.0.0") || bare.equals("::") || bare.equals("0:0:0:0:0:0:0:0");
    }

    /** {@code IP4} or {@code IP6} over {@code IN}: an address a socket can use, unlike other network types. */
    public boolean isInternet() {
        return netType.equals("IN") && (addrType.equals("IP4") || addrType.equals("IP6"));
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
