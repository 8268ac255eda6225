package dev.parley.protocol.dtls;

import java.util.Objects;

/**
 * A DTLS handshake that did not produce SRTP keys. The {@link Reason} says why in a form the
 * media layer can map to a call end reason or a metric; the message carries the detail.
 */
public final class DtlsException extends RuntimeException {

    /** Why the handshake failed. */
    public enum Reason {
        /** The peer's certificate does not match the fingerprint from its SDP, or it sent none. */
        FINGERPRINT_MISMATCH,
        /** The handshake did not finish in the time given. */
        TIMEOUT,
        /** The peer broke the protocol, sent a fatal alert, or we could not agree on parameters. */
        PROTOCOL_ERROR,
        /** The peers share no SRTP protection profile (or the peer did not offer use_srtp). */
        NO_SRTP_PROFILE,
        /** The connection was closed (locally, by the peer, or by interrupting the handshake). */
        CLOSED
    }

    private final Reason reason;

    public DtlsException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DtlsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
