package dev.parley.protocol.dtls;

import java.time.Duration;

/**
 * The two timers of a BouncyCastle DTLS handshake: the overall limit and the first
 * retransmission delay (doubled after each loss, RFC 6347 §4.2.4.1).
 */
record HandshakeTiming(int timeoutMillis, int initialResendMillis) {

    static HandshakeTiming of(Duration timeout, Duration initialResend) {
        return new HandshakeTiming(positiveMillis(timeout, "timeout"), positiveMillis(initialResend, "initial retransmit"));
    }

    /** BouncyCastle reads 0 as "forever", so anything shorter than a millisecond is refused. */
    private static int positiveMillis(Duration duration, String what) {
        if (duration.isNegative() || duration.toMillis() < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 ms, was " + duration);
        }
        return duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : (int) duration.toMillis();
    }
}
