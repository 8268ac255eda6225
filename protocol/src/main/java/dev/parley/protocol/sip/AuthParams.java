package dev.parley.protocol.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code scheme name=value, name="value", ...} form of challenges and credentials
 * (RFC 3261 §25.1 challenge/credentials, RFC 7616 §3.3). Names are lower-cased; quoted
 * values are unquoted.
 *
 * @param scheme the scheme ({@code Digest})
 * @param params the parameters in order
 */
record AuthParams(String scheme, Map<String, String> params) {

    static Optional<AuthParams> parse(String value) {
        var sc = new SipScanner(value);
        sc.skipWs();
        Optional<String> scheme = sc.token();
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        var params = new LinkedHashMap<String, String>();
        sc.skipWs();
        boolean first = true;
        while (!sc.atEnd()) {
            if (!first && !sc.consumeSeparator(',')) {
                return Optional.empty();
            }
            first = false;
            Optional<String> name = sc.token();
            if (name.isEmpty() || !sc.consumeSeparator('=')) {
                return Optional.empty();
            }
            Optional<String> paramValue = sc.peek() == '"' ? sc.quotedString() : sc.token();
            if (paramValue.isEmpty()) {
                return Optional.empty();
            }
            params.putIfAbsent(name.get().toLowerCase(Locale.ROOT), paramValue.get());
            sc.skipWs();
        }
        return Optional.of(new AuthParams(scheme.get(), params));
    }

    /** {@link #parse}, and empty unless the scheme is Digest (case-insensitively): challenges and credentials both need it. */
    static Optional<AuthParams> parseDigest(String value) {
        return parse(value).filter(p -> p.scheme().equalsIgnoreCase("Digest"));
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The {@code algorithm} parameter: MD5 when absent (RFC 7616 §3.3), empty when it is one not supported. */
    Optional<DigestAlgorithm> digestAlgorithm() {
        return get("algorithm").map(DigestAlgorithm::fromToken).orElse(Optional.of(DigestAlgorithm.MD5));
    }
}
