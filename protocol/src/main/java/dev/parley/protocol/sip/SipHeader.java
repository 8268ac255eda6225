package dev.parley.protocol.sip;

import java.util.Objects;

/**
 * One header field value. The name is canonical for the headers Parley knows (compact forms
 * expanded: {@code v} becomes {@code Via}) and kept as written otherwise; names compare
 * without case. A list header written {@code Via: a, b} becomes two values.
 *
 * @param name  the field name
 * @param value the unfolded value, without leading or trailing white space
 */
public record SipHeader(String name, String value) {

    public SipHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!SipScanner.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value with a line break: " + name);
        }
        name = HeaderNames.canonical(name);
        value = value.strip();
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(HeaderNames.canonical(otherName));
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
