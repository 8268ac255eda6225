package dev.parley.protocol.sip;

import java.util.Objects;

/**
 * A {@code tel:} URI (RFC 3966): a telephone number with visual separators as written
 * ({@code +1-201-555-0123}) and its parameters ({@code phone-context}, {@code ext}, ...).
 *
 * @param number the telephone-subscriber part before the first {@code ;}
 * @param params the parameters after it
 */
public record TelUri(String number, Parameters params) implements Uri {

    public TelUri {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(params, "params");
        if (!UriParser.isTelNumber(number)) {
            throw new IllegalArgumentException("not a telephone number: " + number);
        }
    }

    public static TelUri of(String number) {
        return new TelUri(number, Parameters.NONE);
    }

    /** Whether the number is global ({@code +} and digits); a local number needs a {@code phone-context}. */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The digits alone, without visual separators: {@code +12015550123}. */
    public String digits() {
        var out = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')') {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String scheme() {
        return "tel";
    }

    @Override
    public String write() {
        return "tel:" + number + params.write();
    }

    @Override
    public String toString() {
        return write();
    }
}
