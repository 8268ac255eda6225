package dev.parley.media.negotiation;

/** An offer or answer that cannot be used; the message is meant for the remote party. */
public final class NegotiationException extends RuntimeException {
    public NegotiationException(String message) {
        super(message);
    }
}
