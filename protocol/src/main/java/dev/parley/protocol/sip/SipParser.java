package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Parses one SIP message from bytes (RFC 3261 §7, the ABNF of §25): a datagram, or a frame
 * {@link SipStreamFramer} cut from a stream. It never throws on bad input: {@link #parse}
 * returns empty and {@link #parseDetailed} says why, and both bump {@link #malformedCount()}.
 *
 * <p>Accepted: CRLF before the start line (§7.5), bare LF line ends, header folding
 * (§7.3.1), compact names, any case in names, comma-separated list values, a missing
 * Content-Length (the rest of the datagram is the body, §18.3) and bytes after the body
 * (ignored, as for RFC 4475's dblreq). The parsed headers leave Content-Length out: it is
 * framing, and {@code toBytes()} writes the body's true length. Refused: everything RFC 4475 §3.1.2 lists, among them
 * extra white space in the request line, a Request-URI in brackets, a Content-Length that
 * overruns the datagram or is negative, missing or repeated core headers, unterminated quotes
 * and a CSeq method other than the request's.
 */
public final class SipParser {

    /** The largest message accepted, a UDP datagram's maximum payload. */
    public static final int MAX_MESSAGE_BYTES = 65_535;
    /** Header values beyond this (after splitting lists) make the message refused. */
    public static final int MAX_HEADERS = 256;

    private static final LongAdder MALFORMED = new LongAdder();
    private static final LongAdder INTERNAL_ERRORS = new LongAdder();

    private SipParser() {
    }

    public static Optional<SipMessage> parse(byte[] bytes) {
        return parse(bytes, 0, bytes.length);
    }

    /** The message in {@code bytes[off, off + len)}, or empty (counted) when it is not a well-formed one. */
    public static Optional<SipMessage> parse(byte[] bytes, int off, int len) {
        return parseDetailed(bytes, off, len).toOptional();
    }

    public static SipParseResult parseDetailed(byte[] bytes) {
        return parseDetailed(bytes, 0, bytes.length);
    }

    /** The message in {@code bytes[off, off + len)}, or the reason it was refused and the reply owed, if any. */
    public static SipParseResult parseDetailed(byte[] bytes, int off, int len) {
        SipParseResult result;
        try {
            result = new Attempt(bytes, off, len).run();
        } catch (RuntimeException e) {
            // A bug, not bad input: callers still get a refusal, and tests watch this counter stay at zero.
            INTERNAL_ERRORS.increment();
            result = new SipParseResult.Refused("unparsable (" + e.getClass().getSimpleName() + ")", Optional.empty());
        }
        if (result instanceof SipParseResult.Refused) {
            MALFORMED.increment();
        }
        return result;
    }

    /** Messages refused since the process started. */
    public static long malformedCount() {
        return MALFORMED.sum();
    }

    /** Inputs on which the parser itself failed (a bug); stays zero. */
    public static long internalErrorCount() {
        return INTERNAL_ERRORS.sum();
    }

    /** One parse of one input; small methods share the state. */
    private static final class Attempt {

        private final byte[] bytes;
        private final int end;
        private int pos;
        private String startLine = "";
        private SipHeaders headers = SipHeaders.EMPTY;

        Attempt(byte[] bytes, int off, int len) {
            this.bytes = bytes;
            this.pos = Math.max(0, off);
            this.end = Math.min(bytes.length, Math.max(0, off) + Math.max(0, len));
        }

        SipParseResult run() {
            if (end - pos > MAX_MESSAGE_BYTES) {
                return refused("message too large");
            }
            while (pos < end && (bytes[pos] == '\r' || bytes[pos] == '\n')) {
                pos++;
            }
            int headEnd = headerEnd();
            if (headEnd < 0) {
                return refused("no empty line after the headers");
            }
            Optional<String> problem = readHead(new String(bytes, pos, headEnd - pos, StandardCharsets.UTF_8));
            if (problem.isPresent()) {
                return refused(problem.get());
            }
            pos = bodyStart(headEnd);
            List<String> lengths = headers.all(HeaderNames.CONTENT_LENGTH);
            int bodyLength = end - pos;
            if (lengths.size() > 1) {
                return refused("more than one Content-Length");
            }
            if (lengths.size() == 1) {
                long declared = SipScanner.parseNumber(lengths.get(0), 9);
                if (declared < 0) {
                    return refused("malformed Content-Length");
                }
                if (declared > bodyLength) {
                    return refused("Content-Length larger than the message");
                }
                bodyLength = (int) declared;
            }
            byte[] body = new byte[bodyLength];
            System.arraycopy(bytes, pos, body, 0, bodyLength);
            // Content-Length is framing, not content: the model leaves it out and writing recomputes it.
            headers = headers.without(HeaderNames.CONTENT_LENGTH);
            return startLine.regionMatches(true, 0, "SIP/", 0, 4) ? response(body) : request(body);
        }

        /** Index of the blank line ending the headers (the CRLF or LF that ends the last header), or -1. */
        private int headerEnd() {
            for (int i = pos; i < end; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                if (i + 1 < end && bytes[i + 1] == '\n') {
                    return i;
                }
                if (i + 2 < end && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private int bodyStart(int headEnd) {
            int i = headEnd + 1;
            if (i < end && bytes[i] == '\r') {
                i++;
            }
            return i + 1;
        }

        /** Splits the head into the start line and unfolded header lines, and reads the headers. */
        private Optional<String> readHead(String head) {
            List<String> lines = unfold(head);
            if (lines.isEmpty() || lines.get(0).isEmpty() || SipScanner.isWs(lines.get(0).charAt(0))) {
                return Optional.of("no start line");
            }
            startLine = lines.get(0);
            var values = new ArrayList<SipHeader>();
            for (String line : lines.subList(1, lines.size())) {
                Optional<String> problem = readHeader(line, values);
                if (problem.isPresent()) {
                    return problem;
                }
                if (values.size() > MAX_HEADERS) {
                    return Optional.of("too many headers");
                }
            }
            headers = new SipHeaders(values);
            return Optional.empty();
        }

        /** Lines with folding undone: a line starting with white space continues the previous one (§7.3.1). */
        private static List<String> unfold(String head) {
            var lines = new ArrayList<String>();
            for (String raw : head.split("\n", -1)) {
                String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
                if (!lines.isEmpty() && !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')
                        && lines.size() > 1) {
                    lines.set(lines.size() - 1, lines.getLast() + " " + line.strip());
                } else {
                    lines.add(line);
                }
            }
            return lines;
        }

        private static Optional<String> readHeader(String line, List<SipHeader> values) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                return Optional.of("header line without a colon");
            }
            String name = line.substring(0, colon).stripTrailing();
            String value = line.substring(colon + 1).strip();
            if (!SipScanner.isToken(name)) {
                return Optional.of("malformed header name");
            }
            if (value.indexOf('\r') >= 0) {
                return Optional.of("stray CR in " + HeaderNames.canonical(name));
            }
            String canonical = HeaderNames.canonical(name);
            if (!HeaderNames.isList(canonical) || value.isEmpty()) {
                values.add(new SipHeader(name, value));
                return Optional.empty();
            }
            Optional<List<String>> elements = splitList(value);
            if (elements.isEmpty()) {
                return Optional.of("malformed " + canonical + " list");
            }
            for (String element : elements.get()) {
                values.add(new SipHeader(name, element));
            }
            return Optional.empty();
        }

        /** Comma-separated values, commas inside quotes or angle brackets not counting; empty when an element is blank. */
        static Optional<List<String>> splitList(String value) {
            var parts = new ArrayList<String>();
            int start = 0;
            boolean inAngle = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    int close = SipScanner.quotedStringEnd(value, i);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    i = close - 1;
                } else if (c == '<') {
                    inAngle = true;
                } else if (c == '>') {
                    inAngle = false;
                } else if (c == ',' && !inAngle) {
                    parts.add(value.substring(start, i).strip());
                    start = i + 1;
                }
            }
            parts.add(value.substring(start).strip());
            return parts.stream().anyMatch(String::isEmpty) ? Optional.empty() : Optional.of(parts);
        }

        private SipParseResult request(byte[] body) {
            String[] parts = startLine.split(" ", -1);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                return refusedRequest("malformed request line", 400, parts.length > 0 ? parts[0] : "");
            }
            String method = parts[0];
            if (!SipScanner.isToken(method)) {
                return refused("malformed method");
            }
            if (!parts[2].equalsIgnoreCase("SIP/2.0")) {
                return refusedRequest("unsupported SIP version " + printable(parts[2]), 505, method);
            }
            Optional<Uri> uri = Uri.parse(parts[1]);
            if (uri.isEmpty()) {
                return refusedRequest("malformed Request-URI", 400, method);
            }
            if (uri.get() instanceof SipUri sipUri && !sipUri.headers().isEmpty()) {
                // §19.1.1's table: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11).
                return refusedRequest("headers in the Request-URI", 400, method);
            }
            Optional<String> problem = MessageRules.core(headers, Optional.of(method))
                    .or(() -> MessageRules.extended(headers));
            if (problem.isPresent()) {
                return refusedRequest(problem.get(), 400, method);
            }
            return new SipParseResult.Parsed(new SipRequest(method, uri.get(), headers, body));
        }

        private SipParseResult response(byte[] body) {
            int firstSpace = startLine.indexOf(' ');
            if (firstSpace < 0 || !startLine.substring(0, firstSpace).equalsIgnoreCase("SIP/2.0")) {
                return refused("malformed status line");
            }
            String rest = startLine.substring(firstSpace + 1);
            int secondSpace = rest.indexOf(' ');
            String code = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
            String reason = secondSpace < 0 ? "" : rest.substring(secondSpace + 1);
            if (code.length() != 3 || !SipScanner.isDigits(code) || code.charAt(0) < '1' || code.charAt(0) > '6') {
                return refused("malformed status code");
            }
            if (reason.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                return refused("control character in the reason phrase");
            }
            Optional<String> problem = MessageRules.core(headers, Optional.empty())
                    .or(() -> MessageRules.extended(headers));
            if (problem.isPresent()) {
                return refused(problem.get());
            }
            return new SipParseResult.Parsed(new SipResponse(Integer.parseInt(code), reason, headers, body));
        }

        private static SipParseResult refused(String reason) {
            return new SipParseResult.Refused(reason, Optional.empty());
        }

        /**
         * A refusal with the reply a readable request is owed; none for an ACK (§17.2.3: never
         * answered) or when the headers a response copies are themselves broken.
         */
        private SipParseResult refusedRequest(String reason, int status, String method) {
            if (method.equals(SipMethods.ACK)) {
                return refused(reason);
            }
            return new SipParseResult.Refused(reason, reply(reason, status));
        }

        private Optional<SipResponse> reply(String reason, int status) {
            Optional<String> topVia = headers.first(HeaderNames.VIA);
            if (topVia.isEmpty() || Via.parse(topVia.get()).isEmpty()) {
                return Optional.empty();
            }
            var copied = headers.without(HeaderNames.VIA).withFirst(HeaderNames.VIA, topVia.get());
            if (MessageRules.core(copied, Optional.empty()).isPresent()) {
                return Optional.empty();
            }
            String phrase = status == 505 ? SipStatus.reasonPhrase(505)
                    : SipStatus.reasonPhrase(status) + " (" + reason + ")";
            var replyHeaders = SipResponses.replyHeaders(copied, status, Optional.of(SipIds.newTag()));
            return Optional.of(new SipResponse(status, phrase, replyHeaders));
        }

        private static String printable(String s) {
            String cut = s.length() > 32 ? s.substring(0, 32) : s;
            return cut.replaceAll("[^\\x20-\\x7e]", "?").toUpperCase(Locale.ROOT);
        }
    }
}
