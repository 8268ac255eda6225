package dev.parley.protocol.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The header fields of a message in order, each list value on its own (RFC 3261 §7.3).
 * Unknown headers are kept where they were. Immutable: the {@code with...} methods return
 * a copy.
 *
 * @param list the values in order
 */
public record SipHeaders(List<SipHeader> list) {

    public static final SipHeaders EMPTY = new SipHeaders(List.of());

    public SipHeaders {
        list = List.copyOf(list);
    }

    public static SipHeaders of(SipHeader... headers) {
        return new SipHeaders(List.of(headers));
    }

    /** The first value of {@code name} (any case, compact or long form). */
    public Optional<String> first(String name) {
        return list.stream().filter(h -> h.is(name)).map(SipHeader::value).findFirst();
    }

    /** Every value of {@code name} in order. */
    public List<String> all(String name) {
        return list.stream().filter(h -> h.is(name)).map(SipHeader::value).toList();
    }

    public boolean has(String name) {
        return list.stream().anyMatch(h -> h.is(name));
    }

    public int count(String name) {
        return (int) list.stream().filter(h -> h.is(name)).count();
    }

    /** These headers with {@code name: value} appended. */
    public SipHeaders with(String name, String value) {
        var copy = new ArrayList<>(list);
        copy.add(new SipHeader(name, value));
        return new SipHeaders(copy);
    }

    /** These headers with {@code name: value} before any other value of that name (a new top Via). */
    public SipHeaders withFirst(String name, String value) {
        var copy = new ArrayList<>(list);
        int at = 0;
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).is(name)) {
                at = i;
                break;
            }
        }
        copy.add(at, new SipHeader(name, value));
        return new SipHeaders(copy);
    }

    /** These headers with every value of {@code name} replaced by one, where the first one was (or appended). */
    public SipHeaders set(String name, String value) {
        var copy = new ArrayList<SipHeader>();
        boolean placed = false;
        for (SipHeader h : list) {
            if (!h.is(name)) {
                copy.add(h);
            } else if (!placed) {
                copy.add(new SipHeader(name, value));
                placed = true;
            }
        }
        if (!placed) {
            copy.add(new SipHeader(name, value));
        }
        return new SipHeaders(copy);
    }

    /** These headers with the first value of {@code name} replaced (the top Via after adding received/rport). */
    public SipHeaders replaceFirst(String name, String value) {
        var copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).is(name)) {
                copy.set(i, new SipHeader(name, value));
                return new SipHeaders(copy);
            }
        }
        copy.add(new SipHeader(name, value));
        return new SipHeaders(copy);
    }

    public SipHeaders without(String name) {
        return new SipHeaders(list.stream().filter(h -> !h.is(name)).toList());
    }
}
