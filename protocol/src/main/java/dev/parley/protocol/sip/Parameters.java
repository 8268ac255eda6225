package dev.parley.protocol.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered list of {@code ;name[=value]} parameters: header parameters (RFC 3261 §25.1
 * generic-param) or URI parameters (§19.1.1). Names compare without case; values are kept as
 * written (a quoted value keeps its quotes), so writing gives back what was parsed.
 *
 * @param list the parameters in order
 */
public record Parameters(List<Parameter> list) {

    public static final Parameters NONE = new Parameters(List.of());

    /**
     * One parameter; {@code value} is empty for a flag such as {@code lr} or {@code rport}.
     *
     * @param name  a token
     * @param value the value as written, empty for a flag
     */
    public record Parameter(String name, Optional<String> value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty parameter name");
            }
            if (containsBreak(name) || value.map(Parameters::containsBreak).orElse(false)) {
                throw new IllegalArgumentException("parameter would not survive writing: " + name + "=" + value);
            }
        }
    }

    public Parameters {
        list = List.copyOf(list);
    }

    /** The value of the first parameter called {@code name}; empty when absent or a flag. */
    public Optional<String> value(String name) {
        return find(name).flatMap(Parameter::value);
    }

    /** Whether a parameter called {@code name} is present, with or without a value. */
    public boolean has(String name) {
        return find(name).isPresent();
    }

    public Optional<Parameter> find(String name) {
        return list.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** These parameters with {@code name=value}, replacing an existing one in place or appending. */
    public Parameters with(String name, String value) {
        return put(new Parameter(name, Optional.of(value)));
    }

    /** These parameters with the flag {@code name} (no value), replacing an existing one in place or appending. */
    public Parameters withFlag(String name) {
        return put(new Parameter(name, Optional.empty()));
    }

    public Parameters without(String name) {
        return new Parameters(list.stream().filter(p -> !p.name().equalsIgnoreCase(name)).toList());
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** {@code ;a=b;c}, or the empty string. */
    public String write() {
        return write(';');
    }

    /** The parameters each preceded by {@code separator} (URI headers use {@code ?} then {@code &}). */
    String write(char separator) {
        var out = new StringBuilder();
        for (Parameter p : list) {
            out.append(separator).append(p.name());
            p.value().ifPresent(v -> out.append('=').append(v));
        }
        return out.toString();
    }

    private Parameters put(Parameter parameter) {
        var copy = new ArrayList<>(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equalsIgnoreCase(parameter.name())) {
                copy.set(i, parameter);
                return new Parameters(copy);
            }
        }
        copy.add(parameter);
        return new Parameters(copy);
    }

    /** Whether {@code s} would break the parameter list when written: a line break, or a separator outside quotes. */
    private static boolean containsBreak(String s) {
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            return true;
        }
        if (s.startsWith("\"")) {
            return SipScanner.quotedStringEnd(s, 0) != s.length();
        }
        for (int i = 0; i < s.length(); i++) {
            if ("; ,\t<>\"".indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Header parameters at the scanner: {@code *( SEMI generic-param )} with LWS allowed
     * around {@code ;} and {@code =}; a value is a quoted-string or a run of token, host and
     * IPv6 characters. Empty when a parameter is malformed ({@code ;;}, a missing name, an
     * unterminated quote).
     */
    static Optional<Parameters> parseHeaderParams(SipScanner sc) {
        var params = new ArrayList<Parameter>();
        while (sc.consumeSeparator(';')) {
            Optional<String> name = sc.token();
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> value = Optional.empty();
            if (sc.consumeSeparator('=')) {
                value = sc.peek() == '"' ? sc.rawQuotedString() : genValue(sc);
                if (value.isEmpty()) {
                    return Optional.empty();
                }
            }
            params.add(new Parameter(name.get(), value));
        }
        sc.skipWs();
        return Optional.of(new Parameters(params));
    }

    private static Optional<String> genValue(SipScanner sc) {
        int start = sc.pos();
        while (!sc.atEnd()) {
            char c = (char) sc.peek();
            if (SipScanner.isTokenChar(c) || c == ':' || c == '[' || c == ']') {
                sc.skip();
            } else {
                break;
            }
        }
        return start == sc.pos() ? Optional.empty() : Optional.of(sc.text().substring(start, sc.pos()));
    }
}
