package dev.parley.platform.calllink;

import java.security.SecureRandom;

/**
 * The random part of a link's URL: 12 base62 characters, about 71 bits, so links cannot be
 * found by guessing (at a million guesses a second, one in 10^15 per second per link).
 */
final class LinkCodes {

    static final int LENGTH = 12;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    static String next() {
        return random(LENGTH);
    }

    /** {@code length} base62 characters; 6 random bits each, values 62 and 63 drawn again so none is likelier. */
    static String random(int length) {
        var text = new StringBuilder(length);
        var buffer = new byte[length * 2];
        while (text.length() < length) {
            RANDOM.nextBytes(buffer);
            for (int i = 0; i < buffer.length && text.length() < length; i++) {
                int value = buffer[i] & 0x3F;
                if (value < ALPHABET.length) {
                    text.append(ALPHABET[value]);
                }
            }
        }
        return text.toString();
    }

    /** A code's syntax: a lookup for anything else can be answered "not found" without the database. */
    static boolean plausible(String code) {
        return code != null && code.length() == LENGTH && code.chars().allMatch(ch -> ch < 128
                && Character.isLetterOrDigit(ch));
    }
}
