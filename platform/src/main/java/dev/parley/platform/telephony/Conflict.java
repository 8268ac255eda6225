package dev.parley.platform.telephony;

import java.util.List;

/**
 * The request is valid but clashes with what exists: a phone number already taken, a trunk
 * still used by numbers. The HTTP edge answers 409. {@code names} lists the things in the way
 * that belong to the caller (never another account's).
 */
public final class Conflict extends RuntimeException {

    private final List<String> names;

    public Conflict(String message) {
        this(message, List.of());
    }

    public Conflict(String message, List<String> names) {
        super(message);
        this.names = List.copyOf(names);
    }

    public List<String> names() {
        return names;
    }
}
