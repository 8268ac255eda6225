package dev.parley.telephony.sip;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link SipStack} starts.
 *
 * @param bindAddress    where to listen; the wildcard address listens everywhere
 * @param port           the one port for UDP and TCP; 0 picks a free one ({@link SipStack#port()} tells which)
 * @param advertisedHost host or address for Via and Contact; when empty, the bind address, or
 *                       for a wildcard bind the first non-loopback address found
 * @param userAgent      the User-Agent and Server header value
 * @param timers         T1, T2, T4 ({@link SipTimers#DEFAULTS}: 500 ms, 4 s, 5 s)
 */
public record SipSettings(InetAddress bindAddress, int port, Optional<String> advertisedHost, String userAgent,
        SipTimers timers) {

    public static final String DEFAULT_USER_AGENT = "Parley";

    public SipSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timers, "timers");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (userAgent.isBlank() || userAgent.indexOf('\r') >= 0 || userAgent.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad user agent");
        }
    }

    /** 127.0.0.1, an ephemeral port, default timers: for tests and local tools. */
    public static SipSettings loopback() {
        return new SipSettings(InetAddress.getLoopbackAddress(), 0, Optional.empty(), DEFAULT_USER_AGENT,
                SipTimers.DEFAULTS);
    }

    public SipSettings withPort(int newPort) {
        return new SipSettings(bindAddress, newPort, advertisedHost, userAgent, timers);
    }

    public SipSettings withTimers(SipTimers newTimers) {
        return new SipSettings(bindAddress, port, advertisedHost, userAgent, newTimers);
    }
}
