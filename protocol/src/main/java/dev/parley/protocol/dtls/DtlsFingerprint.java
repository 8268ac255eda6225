package dev.parley.protocol.dtls;

import dev.parley.protocol.Malformed;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate fingerprint as carried by the SDP {@code a=fingerprint} attribute
 * (RFC 8122 §5, used for DTLS-SRTP by RFC 5763 §5):
 *
 * <pre>
 *   a=fingerprint:sha-256 4A:AD:B9:B1:3F:...:E5:7C:AB
 *                 ^^^^^^^ ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 *                 hash    upper-case hex bytes of the hash over the DER certificate, ':'-separated
 * </pre>
 *
 * <p>The hash is computed over the DER encoding of the end-entity certificate. Supported hash
 * names: {@code sha-1}, {@code sha-224}, {@code sha-256}, {@code sha-384}, {@code sha-512}
 * (RFC 8122 forbids md2 and md5). The record is normalised: the algorithm in lower case, the
 * value in upper case, so two spellings of one fingerprint are {@code equals}.
 *
 * @param algorithm the hash function's textual name from the IANA registry, e.g. {@code sha-256}
 * @param value     the digest as upper-case hex byte pairs separated by colons
 */
public record DtlsFingerprint(String algorithm, String value) {

    private static final Map<String, String> JDK_NAMES = Map.of(
            "sha-1", "SHA-1", "sha-224", "SHA-224", "sha-256", "SHA-256", "sha-384", "SHA-384",
            "sha-512", "SHA-512");
    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    /**
     * Normalises and checks the fingerprint.
     *
     * @throws IllegalArgumentException when the algorithm is not supported or the value is not
     *         colon-separated hex of the algorithm's digest length; use {@link #of} or
     *         {@link #parse} for input from the network
     */
    public DtlsFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        value = value.toUpperCase(Locale.ROOT);
        String jdkName = JDK_NAMES.get(algorithm);
        if (jdkName == null) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm " + algorithm);
        }
        if (!isHexPairs(value, digest(jdkName).getDigestLength())) {
            throw new IllegalArgumentException("malformed " + algorithm + " fingerprint " + value);
        }
    }

    /** The fingerprint from an algorithm and a value, or empty (counted as malformed SDP) when either is wrong. */
    public static Optional<DtlsFingerprint> of(String algorithm, String value) {
        try {
            return Optional.of(new DtlsFingerprint(algorithm, value));
        } catch (IllegalArgumentException | NullPointerException e) {
            Malformed.count(Malformed.Kind.SDP);
            return Optional.empty();
        }
    }

    /** Parses the value of an {@code a=fingerprint} attribute, {@code "sha-256 AB:CD:..."}. */
    public static Optional<DtlsFingerprint> parse(String attributeValue) {
        String trimmed = attributeValue.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            Malformed.count(Malformed.Kind.SDP);
            return Optional.empty();
        }
        return of(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
    }

    /** The fingerprint of a DER-encoded certificate under the named hash. */
    public static DtlsFingerprint compute(String algorithm, byte[] derCertificate) {
        String lower = algorithm.toLowerCase(Locale.ROOT);
        String jdkName = JDK_NAMES.get(lower);
        if (jdkName == null) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm " + algorithm);
        }
        return new DtlsFingerprint(lower, HEX.formatHex(digest(jdkName).digest(derCertificate)));
    }

    /** True when this is the fingerprint of the given DER-encoded certificate. */
    public boolean matches(byte[] derCertificate) {
        byte[] expected = HEX.parseHex(value);
        byte[] actual = digest(JDK_NAMES.get(algorithm)).digest(derCertificate);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The SDP form, {@code "sha-256 AB:CD:..."}, as written after {@code a=fingerprint:}. */
    public String toSdp() {
        return algorithm + " " + value;
    }

    private static boolean isHexPairs(String value, int bytes) {
        if (value.length() != bytes * 3 - 1) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest digest(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }
}
