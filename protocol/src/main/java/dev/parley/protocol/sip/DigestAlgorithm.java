package dev.parley.protocol.sip;

import java.util.Arrays;
import java.util.Optional;

/**
 * Digest algorithms (RFC 7616 §3.3, registered for SIP by RFC 8760): MD5 and SHA-256, each
 * also in its {@code -sess} form. SHA-512/256 is left out: the JDK names it, but no SIP peer
 * we test against offers it.
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false),
    MD5_SESS("MD5-sess", "MD5", true),
    SHA_256("SHA-256", "SHA-256", false),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true);

    private final String token;
    private final String jcaName;
    private final boolean session;

    DigestAlgorithm(String token, String jcaName, boolean session) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
    }

    /** The name on the wire ({@code algorithm=SHA-256}). */
    public String token() {
        return token;
    }

    String jcaName() {
        return jcaName;
    }

    public boolean isSession() {
        return session;
    }

    /** The algorithm a token names, without case; empty for ones not supported. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        return Arrays.stream(values()).filter(a -> a.token.equalsIgnoreCase(token)).findFirst();
    }
}
