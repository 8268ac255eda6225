package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a byte stream (TCP, TLS) into messages (RFC 3261 §18.3): each message ends after the
 * Content-Length bytes following its empty line, and a stream message without Content-Length
 * is an error. CRLFs between messages are keep-alives (RFC 5626 §3.5.1: a double CRLF is a
 * ping that wants a single CRLF pong) and are skipped and counted. Limits on the header and
 * body size keep a peer from growing the buffer without end; once the stream breaks a rule
 * the framer refuses everything after, and the connection should be closed.
 *
 * <p>Not thread-safe: one framer per connection, fed by its one reader.
 */
public final class SipStreamFramer {

    /** The default limits: 16 KiB of headers, 64 KiB of body. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /**
     * What one {@link #feed} produced.
     *
     * @param messages complete messages, each exactly its bytes, for {@link SipParser}
     * @param pings    double-CRLF keep-alive pings seen (each wants a CRLF pong)
     * @param error    set once the stream is broken (the connection should close)
     */
    public record Output(List<byte[]> messages, int pings, Optional<String> error) {
        public Output {
            messages = List.copyOf(messages);
            Objects.requireNonNull(error, "error");
        }
    }

    private final int maxHeaderBytes;
    private final int maxBodyBytes;
    private byte[] buffer = new byte[4096];
    private int length;
    private int pendingCrlf;
    private Optional<String> error = Optional.empty();

    public SipStreamFramer() {
        this(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_BODY_BYTES);
    }

    public SipStreamFramer(int maxHeaderBytes, int maxBodyBytes) {
        if (maxHeaderBytes < 64 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("limits too small");
        }
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Appends {@code data[off, off + len)} and returns the messages it completed. */
    public Output feed(byte[] data, int off, int len) {
        if (error.isPresent()) {
            return new Output(List.of(), 0, error);
        }
        append(data, off, len);
        var messages = new ArrayList<byte[]>();
        int pings = 0;
        int start = 0;
        while (true) {
            int skipped = skipKeepAlives(start);
            pings += countPings(start, skipped);
            start = skipped;
            if (start == length) {
                break;
            }
            int headEnd = headerEnd(start);
            if (headEnd < 0) {
                if (length - start > maxHeaderBytes) {
                    error = Optional.of("headers longer than " + maxHeaderBytes + " bytes");
                }
                break;
            }
            if (headEnd - start > maxHeaderBytes) {
                error = Optional.of("headers longer than " + maxHeaderBytes + " bytes");
                break;
            }
            long bodyLength = contentLength(start, headEnd);
            if (bodyLength < 0) {
                error = Optional.of(bodyLength == -1 ? "stream message without Content-Length"
                        : "malformed Content-Length");
                break;
            }
            if (bodyLength > maxBodyBytes) {
                error = Optional.of("body longer than " + maxBodyBytes + " bytes");
                break;
            }
            int messageEnd = headEnd + (int) bodyLength;
            if (messageEnd > length) {
                break;
            }
            messages.add(Arrays.copyOfRange(buffer, start, messageEnd));
            start = messageEnd;
        }
        compact(start);
        return new Output(messages, pings, error);
    }

    /** Bytes held while a message is incomplete. */
    public int buffered() {
        return length;
    }

    private void append(byte[] data, int off, int len) {
        if (length + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + len));
        }
        System.arraycopy(data, off, buffer, length, len);
        length += len;
    }

    private void compact(int start) {
        System.arraycopy(buffer, start, buffer, 0, length - start);
        length -= start;
        if (buffer.length > 64 * 1024 && length < 4096) {
            buffer = Arrays.copyOf(buffer, 4096);
        }
    }

    private int skipKeepAlives(int start) {
        int i = start;
        while (i < length && (buffer[i] == '\r' || buffer[i] == '\n')) {
            i++;
        }
        return i;
    }

    /** A ping is CRLFCRLF; a lone CRLF (a pong) is not. Counts across feeds through {@code pendingCrlf}. */
    private int countPings(int from, int to) {
        int pings = 0;
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                pendingCrlf++;
                if (pendingCrlf == 2) {
                    pings++;
                    pendingCrlf = 0;
                }
            }
        }
        if (to < length) {
            pendingCrlf = 0;
        }
        return pings;
    }

    /** The index just past the empty line ending the headers starting at {@code start}, or -1. */
    private int headerEnd(int start) {
        for (int i = start; i + 1 < length; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            if (buffer[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < length && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Content-Length of the headers in {@code [start, headEnd)}: -1 when absent, -2 when malformed. */
    private long contentLength(int start, int headEnd) {
        String head = new String(buffer, start, headEnd - start, StandardCharsets.UTF_8);
        long found = -1;
        for (String line : head.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("l")) {
                long value = SipScanner.parseNumber(line.substring(colon + 1), 9);
                if (value < 0 || (found >= 0 && found != value)) {
                    return -2;
                }
                found = value;
            }
        }
        return found;
    }
}
