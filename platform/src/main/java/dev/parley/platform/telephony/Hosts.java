package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names and IP literals as configuration takes them. Nothing here asks DNS: a name is
 * checked for its syntax only (RFC 1123), and literals are parsed with
 * {@link InetAddress#ofLiteral}, which never resolves.
 */
public final class Hosts {

    private static final Pattern IPV4 = Pattern.compile(
            "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");
    static final String RULE = "must be a host name or an IPv4 or IPv6 address";

    private Hosts() {
    }

    /** The host in its stored form (lower case; an IPv6 literal without brackets, compressed). */
    public static String require(String field, String host) {
        if (host == null) {
            throw new InvalidInput(field, "is required");
        }
        return normalize(host).orElseThrow(() -> new InvalidInput(field, RULE));
    }

    /**
     * The canonical form of a host name or IP literal, or empty when it is neither. Two
     * spellings of one address (such as {@code [::1]} and {@code 0:0::1}) give the same form.
     */
    public static Optional<String> normalize(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return Optional.empty();
        }
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        String bare = bracketed ? host.substring(1, host.length() - 1) : host;
        Optional<InetAddress> literal = ipLiteral(bare);
        if (literal.isPresent()) {
            return literal.map(Hosts::format);
        }
        if (bracketed) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        // A name whose last label is all digits would read as a (malformed) IPv4 address.
        return labels[labels.length - 1].chars().allMatch(Character::isDigit) ? Optional.empty() : Optional.of(name);
    }

    /** An IPv4 dotted quad or an IPv6 literal (no zone); empty for anything else, names included. */
    public static Optional<InetAddress> ipLiteral(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (IPV4.matcher(text).matches()) {
                return Optional.of(InetAddress.ofLiteral(text));
            }
            if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
                return Optional.of(Inet6Address.ofLiteral(text));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An address as text: dotted quad, or IPv6 compressed as RFC 5952 says. */
    public static String format(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // The longest run of two or more zero groups becomes "::" (the first, on a tie).
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        var text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
