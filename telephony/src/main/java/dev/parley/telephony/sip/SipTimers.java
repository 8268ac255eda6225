package dev.parley.telephony.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * The base timers of RFC 3261 §17.1.1.1 and table 4; every other timer derives from them:
 * <pre>
 * A, E, G   start at T1, double (E and G up to T2)     retransmissions over UDP
 * B, F, H   64*T1                                       transaction timeouts
 * D, J      64*T1 over UDP (32 s at the default T1), 0 over TCP
 * I, K      T4 over UDP, 0 over TCP
 * L, M      64*T1 (RFC 6026 Accepted states)
 * </pre>
 * Timer D is a fixed 32 s in the RFC; here it follows T1 (the same 32 s by default) so that
 * tests which shorten T1 also shorten it.
 *
 * @param t1 round-trip estimate, default 500 ms
 * @param t2 the longest retransmission interval for non-INVITE requests and INVITE responses, default 4 s
 * @param t4 how long a message may stay in the network, default 5 s
 */
public record SipTimers(Duration t1, Duration t2, Duration t4) {

    public static final SipTimers DEFAULTS = new SipTimers(Duration.ofMillis(500), Duration.ofSeconds(4),
            Duration.ofSeconds(5));

    public SipTimers {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        if (t1.isNegative() || t1.isZero() || t2.compareTo(t1) < 0 || t4.isNegative()) {
            throw new IllegalArgumentException("need 0 < T1 <= T2 and T4 >= 0");
        }
    }

    /** 64*T1: timers B, F, H, J (UDP), L, M and the 2xx retransmission limit (§13.3.1.4). */
    Duration timeout() {
        return t1.multipliedBy(64);
    }

    /** The next retransmission interval after {@code current}: doubled, at most T2. */
    Duration backoff(Duration current) {
        Duration doubled = current.multipliedBy(2);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }

    /** Timers D and J: 64*T1 over UDP, zero over TCP. */
    Duration wait(Transport transport) {
        return transport.isReliable() ? Duration.ZERO : timeout();
    }

    /** Timers I and K: T4 over UDP, zero over TCP. */
    Duration linger(Transport transport) {
        return transport.isReliable() ? Duration.ZERO : t4;
    }
}
