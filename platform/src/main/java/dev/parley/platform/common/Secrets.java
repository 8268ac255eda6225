package dev.parley.platform.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random identifiers and secrets, and the hash under which secrets are stored.
 *
 * <p>Secrets are 256 random bits, so a fast hash is enough: a slow password hash only
 * helps against guessing low-entropy human passwords, and would make every API request pay
 * for it. Comparison is constant-time.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // 32 lower-case letters and digits without look-alikes (no l, o, 0, 1): ids are read aloud
    // and typed. Exactly 32, so a random byte masked to 5 bits picks one without bias.
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Secrets() {
    }

    /** A random identifier such as {@code ak_7k2m9x...}: {@code prefix_} then {@code length} characters. */
    public static String id(String prefix, int length) {
        var random = new byte[length];
        RANDOM.nextBytes(random);
        var text = new StringBuilder(prefix.length() + 1 + length).append(prefix).append('_');
        for (byte b : random) {
            text.append(ID_ALPHABET[b & 31]);
        }
        return text.toString();
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String secret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** The stored form of a secret: lower-case hex SHA-256. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(sha256().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code secret} hashes to {@code storedHash}, compared in constant time. */
    public static boolean matches(String secret, String storedHash) {
        byte[] actual = hash(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
