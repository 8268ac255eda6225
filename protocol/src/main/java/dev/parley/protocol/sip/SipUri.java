package dev.parley.protocol.sip;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SIP or SIPS URI (RFC 3261 §19.1.1):
 * <pre>
 * sip:user:password@host:port;uri-parameters?headers
 * </pre>
 * User and password are kept escaped as written ({@code %40} stays {@code %40}); the host is a
 * name, an IPv4 address or an IPv6 reference in brackets ({@code [2001:db8::1]}).
 *
 * @param secure   {@code sips:} when true
 * @param user     the user part, escaped as written
 * @param password the password part, escaped as written (deprecated by the RFC, still parsed)
 * @param host     name, IPv4, or bracketed IPv6
 * @param port     the port when written
 * @param params   uri-parameters ({@code transport}, {@code lr}, {@code user}, {@code maddr}, ...)
 * @param headers  the {@code ?h=v&h=v} part
 */
public record SipUri(boolean secure, Optional<String> user, Optional<String> password, String host,
        OptionalInt port, Parameters params, Parameters headers) implements Uri {

    public SipUri {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(headers, "headers");
        if (!UriParser.isHost(host)) {
            throw new IllegalArgumentException("not a host: " + host);
        }
        if (user.isPresent() && !UriParser.isUserInfo(user.get(), false)) {
            throw new IllegalArgumentException("not a URI user: " + user.get());
        }
        if (password.isPresent() && (user.isEmpty() || !UriParser.isUserInfo(password.get(), true))) {
            throw new IllegalArgumentException("not a URI password");
        }
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("port out of range: " + port.getAsInt());
        }
    }

    /** {@code sip:user@host}, no port or parameters. */
    public static SipUri of(String user, String host) {
        return new SipUri(false, Optional.of(user), Optional.empty(), host, OptionalInt.empty(), Parameters.NONE,
                Parameters.NONE);
    }

    /** {@code sip:host:port}. */
    public static SipUri of(String host, int port) {
        return new SipUri(false, Optional.empty(), Optional.empty(), host, OptionalInt.of(port), Parameters.NONE,
                Parameters.NONE);
    }

    /** Parses a {@code sip:} or {@code sips:} URI; empty (never an exception) for anything else. */
    public static Optional<SipUri> parse(String text) {
        return UriParser.parse(text).flatMap(u -> u instanceof SipUri s ? Optional.of(s) : Optional.empty());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The {@code transport} parameter, when present. */
    public Optional<String> transport() {
        return params.value("transport");
    }

    /** The {@code lr} flag (RFC 3261 §16.12.1.1: this element does loose routing). */
    public boolean looseRouting() {
        return params.has("lr");
    }

    /** The port, or the scheme's default (5060, 5061 for sips). */
    public int portOrDefault() {
        return port.orElse(secure ? 5061 : 5060);
    }

    /** The host without IPv6 brackets, for name or address lookup. */
    public String hostForLookup() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    public SipUri withUser(String newUser) {
        return new SipUri(secure, Optional.of(newUser), password, host, port, params, headers);
    }

    public SipUri withHostPort(String newHost, int newPort) {
        return new SipUri(secure, user, password, newHost, OptionalInt.of(newPort), params, headers);
    }

    public SipUri withParams(Parameters newParams) {
        return new SipUri(secure, user, password, host, port, newParams, headers);
    }

    public SipUri withoutHeaders() {
        return new SipUri(secure, user, password, host, port, params, Parameters.NONE);
    }

    @Override
    public String write() {
        var out = new StringBuilder(scheme()).append(':');
        user.ifPresent(u -> {
            out.append(u);
            password.ifPresent(p -> out.append(':').append(p));
            out.append('@');
        });
        out.append(host);
        port.ifPresent(p -> out.append(':').append(p));
        out.append(params.write());
        if (!headers.isEmpty()) {
            out.append('?').append(headers.write('&').substring(1));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return write();
    }
}
