package dev.parley.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) already read into memory under a bound,
 * split into its parts. Small on purpose: the one upload route needs a field's name, file
 * name and bytes, and every malformed body must become a 400 naming what is wrong, which a
 * servlet container's parser (exceptions, temporary files, its own limits) does not give.
 */
final class Multipart {

    /** One part: its field name, its file name when it has one, and its content. */
    record Part(String name, Optional<String> fileName, byte[] content) {
    }

    private static final int MAX_PARTS = 10;
    private static final int MAX_HEADER_BYTES = 8192;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    private Multipart() {
    }

    /** The boundary of a {@code multipart/form-data} Content-Type; a 415 or 400 problem otherwise. */
    static String boundary(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!bare.equals("multipart/form-data")) {
            throw new ApiProblem(415, "Unsupported media type", "the body must be multipart/form-data with a field"
                    + " 'file'" + (contentType == null ? ", and Content-Type is missing" : ", not " + contentType));
        }
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw ApiProblem.invalid("Content-Type", "must name the multipart boundary");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        if (at < 0 || (at > 0 && indexOf(body, next, 0) != at - 2)) {
            throw malformed("no part starts with the boundary");
        }
        int pos = at + delimiter.length;
        var parts = new ArrayList<Part>();
        while (true) {
            if (startsAt(body, pos, new byte[] {'-', '-'})) {
                return parts; // the closing delimiter; an epilogue after it is ignored
            }
            if (!startsAt(body, pos, CRLF)) {
                throw malformed("a boundary is not followed by a line break");
            }
            int headersStart = pos + 2;
            int headersEnd = indexOf(body, HEADERS_END, headersStart);
            if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
                throw malformed("a part's headers do not end");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(body, next, contentStart);
            if (contentEnd < 0) {
                throw malformed("the last part is not closed by the boundary");
            }
            if (parts.size() == MAX_PARTS) {
                throw malformed("more than " + MAX_PARTS + " parts");
            }
            parts.add(part(headers, java.util.Arrays.copyOfRange(body, contentStart, contentEnd)));
            pos = contentEnd + next.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                String value = line.substring(colon + 1);
                if (!value.strip().toLowerCase(Locale.ROOT).startsWith("form-data")) {
                    throw malformed("a part's Content-Disposition is not form-data");
                }
                Matcher name = NAME.matcher(value);
                if (!name.find()) {
                    throw malformed("a part has no name");
                }
                Matcher file = FILE_NAME.matcher(value);
                return new Part(name.group(1), file.find() ? Optional.of(file.group(1)) : Optional.empty(), content);
            }
        }
        throw malformed("a part has no Content-Disposition");
    }

    private static ApiProblem malformed(String why) {
        return ApiProblem.invalid("body", "is not valid multipart/form-data: " + why);
    }

    private static boolean startsAt(byte[] body, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > body.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
