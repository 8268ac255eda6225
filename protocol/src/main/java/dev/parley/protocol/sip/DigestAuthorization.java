package dev.parley.protocol.sip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Digest credentials in Authorization or Proxy-Authorization (RFC 3261 §22.4, RFC 7616 §3.4):
 * <pre>
 * Digest username="bob", realm="biloxi.com", nonce="dcd98b", uri="sip:bob@biloxi.com",
 *        response="245f23415f11432b3434341c022", algorithm=MD5, cnonce="0a4f113b", qop=auth, nc=00000001
 * </pre>
 *
 * @param username  the user
 * @param realm     the challenge's realm
 * @param nonce     the challenge's nonce
 * @param uri       the digest-uri: the Request-URI as written
 * @param response  the hex digest
 * @param algorithm the challenge's algorithm
 * @param cnonce    the client nonce (with qop)
 * @param qop       {@code auth} when the challenge offered a qop
 * @param nc        the nonce count (with qop), written as 8 hex digits
 * @param opaque    the challenge's opaque, echoed
 */
public record DigestAuthorization(String username, String realm, String nonce, String uri, String response,
        DigestAlgorithm algorithm, Optional<String> cnonce, Optional<String> qop, Optional<Long> nc,
        Optional<String> opaque) {

    public DigestAuthorization {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(cnonce, "cnonce");
        Objects.requireNonNull(qop, "qop");
        Objects.requireNonNull(nc, "nc");
        Objects.requireNonNull(opaque, "opaque");
    }

    /** The header value. */
    public String write() {
        var out = new StringBuilder("Digest username=").append(SipScanner.quote(username))
                .append(", realm=").append(SipScanner.quote(realm))
                .append(", nonce=").append(SipScanner.quote(nonce))
                .append(", uri=").append(SipScanner.quote(uri))
                .append(", response=").append(SipScanner.quote(response))
                .append(", algorithm=").append(algorithm.token());
        cnonce.ifPresent(c -> out.append(", cnonce=").append(SipScanner.quote(c)));
        qop.ifPresent(q -> out.append(", qop=").append(q));
        nc.ifPresent(n -> out.append(", nc=").append(String.format(Locale.ROOT, "%08x", n)));
        opaque.ifPresent(o -> out.append(", opaque=").append(SipScanner.quote(o)));
        return out.toString();
    }

    /** Parses credentials; empty when not Digest, a required field is missing, or the syntax is broken. */
    public static Optional<DigestAuthorization> parse(String value) {
        Optional<AuthParams> parsed = AuthParams.parseDigest(value);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        AuthParams p = parsed.get();
        Optional<DigestAlgorithm> algorithm = p.digestAlgorithm();
        Optional<Long> nc = p.get("nc").map(DigestAuthorization::hex8);
        if (algorithm.isEmpty() || nc.map(n -> n < 0).orElse(false)) {
            return Optional.empty();
        }
        for (String required : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            if (p.get(required).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new DigestAuthorization(p.get("username").get(), p.get("realm").get(),
                p.get("nonce").get(), p.get("uri").get(), p.get("response").get(), algorithm.get(), p.get("cnonce"),
                p.get("qop"), nc, p.get("opaque")));
    }

    private static long hex8(String s) {
        if (s.isEmpty() || s.length() > 8) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), 16);
            if (digit < 0 || s.charAt(i) > 0x7f) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
