package dev.parley.protocol.sip;

import java.util.Optional;

/**
 * A cursor over one unfolded header value, with the RFC 3261 §25.1 basic rules the typed
 * header parsers share: LWS, token, quoted-string. Every method returns empty or false on
 * bad input instead of throwing, so the parsers built on it never throw either.
 */
final class SipScanner {

    private final String text;
    private int pos;

    SipScanner(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int pos() {
        return pos;
    }

    void pos(int pos) {
        this.pos = pos;
    }

    /** The next character, or -1 at the end. */
    int peek() {
        return atEnd() ? -1 : text.charAt(pos);
    }

    void skip() {
        pos++;
    }

    String rest() {
        return atEnd() ? "" : text.substring(pos);
    }

    String text() {
        return text;
    }

    /** Skips linear white space (folding has been undone before, so SP and HTAB only, but CR/LF too for safety). */
    void skipWs() {
        while (!atEnd() && isWs(text.charAt(pos))) {
            pos++;
        }
    }

    /** Skips white space, then consumes {@code c} and the white space after it; false (position kept) when {@code c} is not next. */
    boolean consumeSeparator(char c) {
        int start = pos;
        skipWs();
        if (peek() == c) {
            pos++;
            skipWs();
            return true;
        }
        pos = start;
        return false;
    }

    /** Consumes {@code c} when it is next. */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code literal} ignoring case when it is next. */
    boolean consumeIgnoreCase(String literal) {
        if (text.regionMatches(true, pos, literal, 0, literal.length())) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    /** A token (RFC 3261 §25.1), or empty when none starts here. */
    Optional<String> token() {
        int start = pos;
        while (!atEnd() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return start == pos ? Optional.empty() : Optional.of(text.substring(start, pos));
    }

    /** Characters up to (not including) any of {@code stops} or white space; empty when none. */
    Optional<String> until(String stops) {
        int start = pos;
        while (!atEnd() && stops.indexOf(text.charAt(pos)) < 0 && !isWs(text.charAt(pos))) {
            pos++;
        }
        return start == pos ? Optional.empty() : Optional.of(text.substring(start, pos));
    }

    /**
     * A quoted-string starting here: returns its content with quoted-pairs resolved, or empty
     * (position kept) when there is no opening quote or no closing one.
     */
    Optional<String> quotedString() {
        int end = quotedStringEnd(text, pos);
        if (end < 0) {
            return Optional.empty();
        }
        var content = new StringBuilder();
        for (int i = pos + 1; i < end - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                c = text.charAt(i);
            }
            content.append(c);
        }
        pos = end;
        return Optional.of(content.toString());
    }

    /** A quoted-string starting here as written, quotes and escapes included; empty when unterminated. */
    Optional<String> rawQuotedString() {
        int end = quotedStringEnd(text, pos);
        if (end < 0) {
            return Optional.empty();
        }
        String raw = text.substring(pos, end);
        pos = end;
        return Optional.of(raw);
    }

    /**
     * The index just past the quoted-string opening at {@code start}, or -1 when
     * {@code start} is not a quote or the string never closes. A quoted-pair may escape any
     * character but CR and LF (RFC 3261 §25.1).
     */
    static int quotedStringEnd(String s, int start) {
        if (start >= s.length() || s.charAt(start) != '"') {
            return -1;
        }
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 >= s.length() || s.charAt(i + 1) == '\r' || s.charAt(i + 1) == '\n') {
                    return -1;
                }
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\r' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Writes {@code value} as a quoted-string, escaping quote and backslash. */
    static String quote(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
    static boolean isTokenChar(char c) {
        return isAlphaNum(c) || "-.!%*_+`'~".indexOf(c) >= 0;
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

    static boolean isAlphaNum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A decimal number of at most {@code maxDigits} digits, as written (leading zeros allowed), or -1. */
    static long parseNumber(String s, int maxDigits) {
        String trimmed = s.strip();
        if (!isDigits(trimmed)) {
            return -1;
        }
        int first = 0;
        while (first < trimmed.length() - 1 && trimmed.charAt(first) == '0') {
            first++;
        }
        if (trimmed.length() - first > maxDigits) {
            return -1;
        }
        return Long.parseLong(trimmed.substring(first));
    }
}
