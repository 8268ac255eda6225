package dev.parley.protocol.ice;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * An ICE username fragment and password (RFC 8445 §5.3, SDP grammar in RFC 8839 §5.4): both
 * made of ice-char ({@code ALPHA / DIGIT / "+" / "/"}), the ufrag 4 to 256 characters, the
 * password 22 to 256. Construction refuses anything else, so signaling must check a peer's SDP
 * values with {@link #isValidUfrag} and {@link #isValidPassword} before building one.
 *
 * <p>Because ice-char is ASCII, the password's UTF-8 bytes are already what OpaqueString
 * (SASLprep) would produce, and they are the MESSAGE-INTEGRITY key as they are ({@link #key}).
 */
public record IceCredentials(String ufrag, String password) {

    public static final int MIN_UFRAG = 4;
    public static final int MIN_PASSWORD = 22;
    public static final int MAX_LENGTH = 256;

    /** Generated ufrags carry 48 random bits (RFC 8445 asks for at least 24). */
    static final int GENERATED_UFRAG = 8;
    /** Generated passwords carry 144 random bits (RFC 8445 asks for at least 128). */
    static final int GENERATED_PASSWORD = 24;

    private static final String ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials {
        if (!isValidUfrag(ufrag)) {
            throw new IllegalArgumentException("an ICE ufrag is 4-256 characters of A-Z a-z 0-9 + /");
        }
        if (!isValidPassword(password)) {
            throw new IllegalArgumentException("an ICE password is 22-256 characters of A-Z a-z 0-9 + /");
        }
    }

    /** Fresh local credentials from a {@link SecureRandom}. */
    public static IceCredentials random() {
        return random(new SecureRandom());
    }

    /** Fresh credentials from {@code random}, which must be a cryptographic generator outside tests. */
    public static IceCredentials random(RandomGenerator random) {
        return new IceCredentials(randomIceChars(random, GENERATED_UFRAG), randomIceChars(random, GENERATED_PASSWORD));
    }

    public static boolean isValidUfrag(String ufrag) {
        return ufrag.length() >= MIN_UFRAG && ufrag.length() <= MAX_LENGTH && allIceChars(ufrag);
    }

    public static boolean isValidPassword(String password) {
        return password.length() >= MIN_PASSWORD && password.length() <= MAX_LENGTH && allIceChars(password);
    }

    /** The MESSAGE-INTEGRITY key for short-term credentials: the password's bytes. */
    public byte[] key() {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=(" + password.length() + " chars)]";
    }

    private static boolean allIceChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String randomIceChars(RandomGenerator random, int length) {
        var chars = new char[length];
        for (int i = 0; i < length; i++) {
            // 64 symbols: nextInt(64) is uniform, so every character carries exactly 6 bits.
            chars[i] = ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length()));
        }
        return new String(chars);
    }
}
