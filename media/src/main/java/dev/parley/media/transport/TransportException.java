package dev.parley.media.transport;

/** The media port cannot be set up as asked (an unknown transport kind, batched I/O unavailable). */
public final class TransportException extends RuntimeException {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
