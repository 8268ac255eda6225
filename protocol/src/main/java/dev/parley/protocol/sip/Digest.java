package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Digest computations (RFC 2617 §3.2.2, RFC 7616 §3.4.1, RFC 8760 for SIP): the client's
 * answer to a challenge and the server's check of credentials. Only {@code qop=auth} and no
 * qop (RFC 2069 compatibility); {@code auth-int} is not offered or answered.
 *
 * <pre>
 * A1 = username ":" realm ":" password         (-sess: H(A1) ":" nonce ":" cnonce)
 * A2 = method ":" digest-uri
 * response = H(H(A1) ":" nonce ":" nc ":" cnonce ":" qop ":" H(A2))   with qop
 * response = H(H(A1) ":" nonce ":" H(A2))                            without
 * </pre>
 */
public final class Digest {

    private Digest() {
    }

    /**
     * Credentials answering {@code challenge} for a request {@code method} to {@code digestUri}
     * (the Request-URI as written). {@code cnonce} and {@code nc} are used when the challenge
     * offers {@code qop=auth}; {@code nc} counts the requests sent with this nonce, from 1.
     */
    public static DigestAuthorization authorize(DigestChallenge challenge, DigestCredentials credentials,
            String method, String digestUri, String cnonce, long nc) {
        boolean withQop = challenge.offersAuth();
        String response = response(challenge.algorithm(), credentials.username(), challenge.realm(),
                credentials.password(), method, digestUri, challenge.nonce(), withQop ? Optional.of(cnonce)
                        : Optional.empty(), withQop ? Optional.of("auth") : Optional.empty(), nc);
        return new DigestAuthorization(credentials.username(), challenge.realm(), challenge.nonce(), digestUri,
                response, challenge.algorithm(), withQop ? Optional.of(cnonce) : Optional.empty(),
                withQop ? Optional.of("auth") : Optional.empty(), withQop ? Optional.of(nc) : Optional.empty(),
                challenge.opaque());
    }

    /**
     * Whether {@code credentials} prove knowledge of {@code password} for a request
     * {@code method} (the server side). Nonce freshness and the realm are the caller's to check.
     * Compares in constant time.
     */
    public static boolean verify(DigestAuthorization credentials, String method, String password) {
        if (credentials.qop().isPresent() && (!credentials.qop().get().equalsIgnoreCase("auth")
                || credentials.cnonce().isEmpty() || credentials.nc().isEmpty())) {
            return false;
        }
        if (credentials.algorithm().isSession() && credentials.cnonce().isEmpty()) {
            return false;
        }
        String expected = response(credentials.algorithm(), credentials.username(), credentials.realm(), password,
                method, credentials.uri(), credentials.nonce(), credentials.cnonce(), credentials.qop(),
                credentials.nc().orElse(0L));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.response().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The response value (lower-case hex) for the given inputs. */
    public static String response(DigestAlgorithm algorithm, String username, String realm, String password,
            String method, String digestUri, String nonce, Optional<String> cnonce, Optional<String> qop, long nc) {
        String ha1 = hash(algorithm, username + ":" + realm + ":" + password);
        if (algorithm.isSession()) {
            ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce.orElse(""));
        }
        String ha2 = hash(algorithm, method + ":" + digestUri);
        if (qop.isPresent()) {
            String count = String.format(java.util.Locale.ROOT, "%08x", nc);
            return hash(algorithm, ha1 + ":" + nonce + ":" + count + ":" + cnonce.orElse("") + ":" + qop.get() + ":"
                    + ha2);
        }
        return hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
    }

    private static String hash(DigestAlgorithm algorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.jcaName());
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm.jcaName(), e);
        }
    }
}
