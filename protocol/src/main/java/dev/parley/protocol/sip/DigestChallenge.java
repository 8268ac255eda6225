package dev.parley.protocol.sip;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A digest challenge from WWW-Authenticate (401) or Proxy-Authenticate (407):
 * <pre>
 * Digest realm="atlanta.example.com", nonce="84a4cc6f", opaque="", algorithm=SHA-256, qop="auth"
 * </pre>
 * (RFC 3261 §22.4, RFC 7616 §3.3, RFC 8760).
 *
 * @param realm     the protection space
 * @param nonce     the server's nonce
 * @param opaque    echoed back unchanged when present
 * @param algorithm MD5 when the challenge names none
 * @param qop       the offered qop values ({@code auth}, {@code auth-int}); empty for RFC 2069 style
 * @param stale     the previous nonce was stale, not the credentials wrong (retry is allowed)
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, DigestAlgorithm algorithm,
        List<String> qop, boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(algorithm, "algorithm");
        qop = List.copyOf(qop);
    }

    /** Whether {@code qop=auth} is offered (the only qop Parley answers with; auth-int is not done). */
    public boolean offersAuth() {
        return qop.contains("auth");
    }

    /**
     * Parses one challenge; empty when the scheme is not Digest, realm or nonce is missing,
     * the algorithm is one not supported, or the syntax is broken.
     */
    public static Optional<DigestChallenge> parse(String value) {
        Optional<AuthParams> parsed = AuthParams.parseDigest(value);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        AuthParams p = parsed.get();
        Optional<DigestAlgorithm> algorithm = p.digestAlgorithm();
        if (p.get("realm").isEmpty() || p.get("nonce").isEmpty() || algorithm.isEmpty()) {
            return Optional.empty();
        }
        List<String> qop = p.get("qop").map(q -> Arrays.stream(q.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        return Optional.of(new DigestChallenge(p.get("realm").get(), p.get("nonce").get(), p.get("opaque"),
                algorithm.get(), qop, p.get("stale").map(s -> s.equalsIgnoreCase("true")).orElse(false)));
    }

    /**
     * The challenge to answer among several headers: the strongest supported algorithm wins
     * (RFC 8760 §2.4: SHA-256 before MD5), and among equals the first.
     */
    public static Optional<DigestChallenge> choose(List<String> headerValues) {
        return headerValues.stream().map(DigestChallenge::parse).flatMap(Optional::stream)
                .filter(c -> c.qop().isEmpty() || c.offersAuth())
                .max(Comparator.comparingInt(c -> c.algorithm().jcaName().equals("SHA-256") ? 1 : 0));
    }

    /** The header value. */
    public String write() {
        var out = new StringBuilder("Digest realm=").append(SipScanner.quote(realm))
                .append(", nonce=").append(SipScanner.quote(nonce));
        opaque.ifPresent(o -> out.append(", opaque=").append(SipScanner.quote(o)));
        out.append(", algorithm=").append(algorithm.token());
        if (!qop.isEmpty()) {
            out.append(", qop=").append(SipScanner.quote(String.join(",", qop)));
        }
        if (stale) {
            out.append(", stale=true");
        }
        return out.toString();
    }
}
