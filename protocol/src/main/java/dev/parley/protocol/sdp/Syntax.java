package dev.parley.protocol.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks shared by the records' constructors and the parser. A check that fails throws
 * {@link IllegalArgumentException}: for code building a description that is a programming
 * error, and the parser turns it into an {@link SdpParseResult.Error} naming the line.
 *
 * <p>The character classes follow RFC 8866 section 9: {@code token-char} for names, and
 * {@code byte-string} (anything but NUL, CR and LF) for free text, so that no value can ever
 * smuggle a line break into written SDP.
 */
final class Syntax {

    private Syntax() {
    }

    /** RFC 8866 token-char: visible ASCII except the separators the ABNF leaves out (quote, parentheses, comma, slash, colon...). */
    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2a || c == 0x2b || c == 0x2d || c == 0x2e
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x5e && c <= 0x7e);
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String token(String s, String what) {
        Objects.requireNonNull(s, what);
        if (!isToken(s)) {
            throw new IllegalArgumentException(what + " is not a token: " + quote(s));
        }
        return s;
    }

    /** Non-empty, no spaces or control characters; non-ASCII is let through (mDNS names, odd ids). */
    static String visible(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw new IllegalArgumentException(what + " has a space or control character: " + quote(s));
            }
        }
        return s;
    }

    /** RFC 8866 byte-string or empty: anything but NUL, CR and LF. */
    static String text(String s, String what) {
        Objects.requireNonNull(s, what);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                throw new IllegalArgumentException(what + " has a NUL, CR or LF");
            }
        }
        return s;
    }

    static int integer(String s, int min, int max, String what) {
        return (int) number(s, min, max, what);
    }

    /** Decimal digits only (no sign, no spaces), within [min, max]. */
    static long number(String s, long min, long max, String what) {
        if (s.isEmpty() || s.length() > 19) {
            throw new IllegalArgumentException(what + " is not a number: " + quote(s));
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " is not a number: " + quote(s));
            }
            value = value * 10 + (c - '0');
            if (value < 0) {
                throw new IllegalArgumentException(what + " is too large: " + quote(s));
            }
        }
        return range(value, min, max, what);
    }

    static long range(long value, long min, long max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", not " + value);
        }
        return value;
    }

    /** Space-separated words; runs of spaces count as one separator, as lenient parsers do. */
    static List<String> words(String s) {
        var words = new ArrayList<String>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                words.add(s.substring(start, i));
            }
        }
        return words;
    }

    /** The words after the first {@code skip} words, as written (inner spacing kept), trimmed. */
    static String rest(String s, int skip) {
        int i = 0;
        for (int w = 0; w < skip; w++) {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            while (i < s.length() && s.charAt(i) != ' ') {
                i++;
            }
        }
        return trimSpaces(s.substring(i));
    }

    static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }

    static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
}
