package dev.parley.platform.api;

import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP byte range (RFC 9110 §14.1.2) resolved against a file's size: {@code bytes=0-499},
 * {@code bytes=500-} and the suffix {@code bytes=-500}. A last position past the end is cut to
 * the end, and a suffix longer than the file selects all of it. What this does not serve is
 * ignored, as §14.2 allows, and the whole file is sent with 200: a header that does not parse,
 * another unit, and a request for several ranges (answering those would take a
 * multipart/byteranges body, which download clients and players do not need).
 */
record ByteRange(long first, long last) {

    /** What a Range header asks of a file of a given size. */
    sealed interface Request {
        /** No usable Range: send everything with 200. */
        record Whole() implements Request {
        }

        /** Send these bytes with 206. */
        record Partial(ByteRange range) implements Request {
        }

        /** No byte of the file is in the range: 416. */
        record Unsatisfiable() implements Request {
        }
    }

    long length() {
        return last - first + 1;
    }

    /** {@code bytes 0-499/1234}, for Content-Range. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    static Request parse(Optional<String> header, long size) {
        if (header.isEmpty()) {
            return new Request.Whole();
        }
        String text = header.get().strip();
        int equals = text.indexOf('=');
        if (equals < 0 || !text.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Request.Whole();
        }
        String spec = text.substring(equals + 1).strip();
        if (spec.contains(",")) {
            return new Request.Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Request.Whole();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            return suffix(to, size);
        }
        if (!digits(from) || !(to.isEmpty() || digits(to))) {
            return new Request.Whole();
        }
        long first = number(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
        if (last < first) {
            return new Request.Whole(); // invalid, so ignored (§14.1.1)
        }
        if (first >= size) {
            return new Request.Unsatisfiable();
        }
        return new Request.Partial(new ByteRange(first, Math.min(last, size - 1)));
    }

    private static Request suffix(String length, long size) {
        if (!digits(length)) {
            return new Request.Whole();
        }
        long wanted = number(length);
        if (wanted == 0 || size == 0) {
            return new Request.Unsatisfiable();
        }
        return new Request.Partial(new ByteRange(Math.max(0, size - wanted), size - 1));
    }

    private static boolean digits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value; a number too large for a long counts as the largest, which lies past any file. */
    private static long number(String digits) {
        String trimmed = digits.replaceFirst("^0+(?=.)", "");
        return trimmed.length() > 18 ? Long.MAX_VALUE : Long.parseLong(trimmed);
    }
}
