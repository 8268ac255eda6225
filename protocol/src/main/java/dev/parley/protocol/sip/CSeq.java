package dev.parley.protocol.sip;

import java.util.Objects;
import java.util.Optional;

/**
 * The CSeq header (RFC 3261 §20.16): a sequence number below 2^31 and the request method.
 *
 * @param sequence 0 .. 2^31 - 1
 * @param method   the method of the request (a token, case as written)
 */
public record CSeq(long sequence, String method) {

    public static final long MAX = (1L << 31) - 1;

    public CSeq {
        Objects.requireNonNull(method, "method");
        if (sequence < 0 || sequence > MAX || !SipScanner.isToken(method)) {
            throw new IllegalArgumentException("bad CSeq: " + sequence + " " + method);
        }
    }

    public String write() {
        return sequence + " " + method;
    }

    @Override
    public String toString() {
        return write();
    }

    /** Parses {@code 1*DIGIT LWS Method}; leading zeros are fine, 2^31 and above are not (RFC 4475 §3.1.2.4). */
    public static Optional<CSeq> parse(String value) {
        var sc = new SipScanner(value);
        sc.skipWs();
        int start = sc.pos();
        while (sc.peek() >= '0' && sc.peek() <= '9') {
            sc.skip();
        }
        long sequence = SipScanner.parseNumber(value.substring(start, sc.pos()), 10);
        int beforeWs = sc.pos();
        sc.skipWs();
        if (sequence < 0 || sequence > MAX || sc.pos() == beforeWs) {
            return Optional.empty();
        }
        Optional<String> method = sc.token();
        sc.skipWs();
        if (method.isEmpty() || !sc.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new CSeq(sequence, method.get()));
    }
}
