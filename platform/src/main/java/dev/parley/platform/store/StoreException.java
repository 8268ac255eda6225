package dev.parley.platform.store;

/** A database operation failed for a reason the caller cannot fix (connection, SQL, schema). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
