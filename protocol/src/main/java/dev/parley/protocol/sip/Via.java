package dev.parley.protocol.sip;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via value (RFC 3261 §20.42, §18.2.1; RFC 3581 rport):
 * <pre>
 * Via: SIP/2.0/UDP host:port;branch=z9hG4bK...;received=192.0.2.1;rport=5061
 * </pre>
 * The top Via names where a response goes and, by its branch, which transaction it
 * belongs to (§17.1.3, §17.2.3).
 *
 * @param transport {@code UDP}, {@code TCP}, {@code TLS}, {@code WS}, ... in upper case
 * @param host      the sent-by host (bracketed when IPv6)
 * @param port      the sent-by port, when written
 * @param params    via-params in order
 */
public record Via(String transport, String host, OptionalInt port, Parameters params) {

    /** Branches starting with this are RFC 3261 branches, unique per transaction (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(params, "params");
        if (!SipScanner.isToken(transport) || !UriParser.isHost(host)) {
            throw new IllegalArgumentException("bad Via transport or host: " + transport + " " + host);
        }
        transport = transport.toUpperCase(Locale.ROOT);
    }

    public static Via of(String transport, String host, int port, String branch) {
        return new Via(transport, host, OptionalInt.of(port), Parameters.NONE.with("branch", branch));
    }

    public Optional<String> branch() {
        return params.value("branch");
    }

    /** Whether the branch carries the RFC 3261 magic cookie (else the sender is RFC 2543 era). */
    public boolean hasRfc3261Branch() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
    }

    public Optional<String> received() {
        return params.value("received");
    }

    /** Whether {@code rport} is present, with or without a value (RFC 3581 §3, §4). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The {@code rport} value a server filled in (RFC 3581 §4). */
    public OptionalInt rport() {
        var value = params.value("rport").map(v -> SipScanner.parseNumber(v, 5));
        return value.isPresent() && value.get() >= 0 && value.get() <= 65535
                ? OptionalInt.of(value.get().intValue()) : OptionalInt.empty();
    }

    public Via withReceived(String address) {
        return new Via(transport, host, port, params.with("received", address));
    }

    public Via withRport(int sourcePort) {
        return new Via(transport, host, port, params.with("rport", Integer.toString(sourcePort)));
    }

    /** The sent-by port, or the default for the transport (5061 for TLS, else 5060; §18.2.2). */
    public int portOrDefault() {
        return port.orElse(transport.equals("TLS") ? 5061 : 5060);
    }

    public String write() {
        var out = new StringBuilder("SIP/2.0/").append(transport).append(' ').append(host);
        port.ifPresent(p -> out.append(':').append(p));
        return out.append(params.write()).toString();
    }

    @Override
    public String toString() {
        return write();
    }

    /**
     * Parses one Via value; LWS is allowed around {@code /}, {@code :} and {@code ;}
     * (RFC 4475 §3.1.1.1). Empty on a protocol other than SIP/2.0, a bad host or port, or a
     * malformed parameter (§3.1.2.1).
     */
    public static Optional<Via> parse(String value) {
        var sc = new SipScanner(value);
        sc.skipWs();
        if (!sc.consumeIgnoreCase("SIP") || !sc.consumeSeparator('/') || !sc.consumeIgnoreCase("2.0")
                || !sc.consumeSeparator('/')) {
            return Optional.empty();
        }
        Optional<String> transport = sc.token();
        if (transport.isEmpty()) {
            return Optional.empty();
        }
        sc.skipWs();
        Optional<String> host = hostAt(sc);
        if (host.isEmpty() || !UriParser.isHost(host.get())) {
            return Optional.empty();
        }
        OptionalInt port = OptionalInt.empty();
        if (sc.consumeSeparator(':')) {
            long value2 = sc.token().map(t -> SipScanner.parseNumber(t, 5)).orElse(-1L);
            if (value2 < 0 || value2 > 65535) {
                return Optional.empty();
            }
            port = OptionalInt.of((int) value2);
        }
        Optional<Parameters> params = Parameters.parseHeaderParams(sc);
        if (params.isEmpty() || !sc.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new Via(transport.get(), host.get(), port, params.get()));
    }

    private static Optional<String> hostAt(SipScanner sc) {
        if (sc.peek() == '[') {
            int close = sc.text().indexOf(']', sc.pos());
            if (close < 0) {
                return Optional.empty();
            }
            String host = sc.text().substring(sc.pos(), close + 1);
            sc.pos(close + 1);
            return Optional.of(host);
        }
        return sc.until(":;");
    }
}
