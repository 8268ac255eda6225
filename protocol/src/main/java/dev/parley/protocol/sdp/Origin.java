package dev.parley.protocol.sdp;

/**
 * The {@code o=} line (RFC 8866 section 5.2):
 *
 * <pre>
 * o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;
 * o=- 4215775240449105457 2 IN IP4 127.0.0.1
 * </pre>
 *
 * The session id is kept as written (browsers use up to 64-bit numbers); the version is a
 * number because an offerer must raise it on every new offer (RFC 3264 section 8).
 */
public record Origin(String username, String sessId, long sessVersion, String netType, String addrType,
        String address) {

    public Origin {
        Syntax.visible(username, "origin username");
        Syntax.visible(sessId, "origin session id");
        Syntax.range(sessVersion, 0, Long.MAX_VALUE, "origin session version");
        Syntax.token(netType, "origin network type");
        Syntax.token(addrType, "origin address type");
        Syntax.visible(address, "origin address");
    }

    /** The usual JSEP origin: username "-", IN IP4 127.0.0.1 (RFC 8829 section 5.2.1). */
    public static Origin of(String sessId, long sessVersion) {
        return new Origin("-", sessId, sessVersion, "IN", "IP4", "127.0.0.1");
    }

    public Origin withSessVersion(long version) {
        return new Origin(username, sessId, version, netType, addrType, address);
    }

    static Origin parse(String value) {
        var words = Syntax.words(value);
        if (words.size() != 6) {
            throw new IllegalArgumentException("o= needs 6 fields, found " + words.size());
        }
        return new Origin(words.get(0), words.get(1),
                Syntax.number(words.get(2), 0, Long.MAX_VALUE, "origin session version"),
                words.get(3), words.get(4), words.get(5));
    }

    String sdpValue() {
        return username + " " + sessId + " " + sessVersion + " " + netType + " " + addrType + " " + address;
    }
}
