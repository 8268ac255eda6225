package dev.parley.protocol.sip;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random identifiers: tags (§19.3, at least 32 random bits), branches (§8.1.1.7, magic
 * cookie plus randomness unique in space and time) and Call-IDs (§8.1.1.4).
 */
public final class SipIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SipIds() {
    }

    /** 64 random bits in hex. */
    public static String newTag() {
        return random(8);
    }

    /** {@code z9hG4bK} and 96 random bits in hex. */
    public static String newBranch() {
        return Via.MAGIC_COOKIE + random(12);
    }

    /** 128 random bits in hex; the RFC lets a Call-ID go without a host part. */
    public static String newCallId() {
        return random(16);
    }

    /** {@code n} random bytes in lower-case hex (the digest cnonce uses this too). */
    public static String random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
