package dev.parley.protocol.sdp;

/**
 * {@code a=fingerprint:<hash-function> <fingerprint>} (RFC 8122 section 5), the DTLS
 * certificate hash: {@code sha-256 AB:CD:...}. A description may carry several, one per hash
 * function or certificate.
 */
public record Fingerprint(String hashFunction, String value) {

    public Fingerprint {
        Syntax.token(hashFunction, "fingerprint hash function");
        Syntax.visible(value, "fingerprint");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
            if (c != ':' && !hex) {
                throw new IllegalArgumentException("fingerprint is not colon-separated hex: " + Syntax.quote(value));
            }
        }
    }

    static Fingerprint parse(String value) {
        var words = Syntax.words(value);
        if (words.size() != 2) {
            throw new IllegalArgumentException("a=fingerprint needs <hash-function> <fingerprint>");
        }
        return new Fingerprint(words.get(0), words.get(1));
    }

    String sdpValue() {
        return hashFunction + " " + value;
    }
}
