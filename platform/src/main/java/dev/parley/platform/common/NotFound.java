package dev.parley.platform.common;

/**
 * The thing asked for does not exist for this caller. Another account's things are
 * reported exactly like missing ones, so a caller learns nothing about other tenants.
 */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what);
    }
}
