package dev.parley.protocol.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses URIs (RFC 3261 §19.1 and §25.1, RFC 3966 for {@code tel:}). No white space is
 * allowed anywhere inside a URI (RFC 4475 §3.1.2.8 and §3.1.2.11 are refused for that).
 */
final class UriParser {

    /** unreserved marks (RFC 3261 §25.1): {@code - _ . ! ~ * ' ( )}. */
    private static final String MARK = "-_.!~*'()";
    /** user-unreserved: {@code & = + $ , ; ? /}. */
    private static final String USER_UNRESERVED = "&=+$,;?/";
    /** password characters beyond unreserved: {@code & = + $ ,}. */
    private static final String PASSWORD_EXTRA = "&=+$,";
    /** param-unreserved: {@code [ ] / : & + $}. */
    private static final String PARAM_UNRESERVED = "[]/:&+$";
    /** hnv-unreserved: {@code [ ] / ? : + $}. */
    private static final String HNV_UNRESERVED = "[]/?:+$";

    private UriParser() {
    }

    static Optional<Uri> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || !isUriText(text)) {
            return Optional.empty();
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        if (!isScheme(scheme) || rest.isEmpty()) {
            return Optional.empty();
        }
        return switch (scheme) {
            case "sip" -> parseSip(false, rest).map(Uri.class::cast);
            case "sips" -> parseSip(true, rest).map(Uri.class::cast);
            case "tel" -> parseTel(rest).map(Uri.class::cast);
            default -> Optional.of(new GenericUri(scheme, rest));
        };
    }

    private static Optional<SipUri> parseSip(boolean secure, String rest) {
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = rest.indexOf('@');
        String hostPart = rest;
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            hostPart = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String u = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!isUserInfo(u, false)) {
                return Optional.empty();
            }
            user = Optional.of(u);
            if (colon >= 0) {
                String p = userInfo.substring(colon + 1);
                if (!isUserInfo(p, true)) {
                    return Optional.empty();
                }
                password = Optional.of(p);
            }
        }
        int hostEnd = hostEnd(hostPart);
        if (hostEnd <= 0) {
            return Optional.empty();
        }
        String host = hostPart.substring(0, hostEnd);
        if (!isHost(host)) {
            return Optional.empty();
        }
        int i = hostEnd;
        OptionalInt port = OptionalInt.empty();
        if (i < hostPart.length() && hostPart.charAt(i) == ':') {
            int start = ++i;
            while (i < hostPart.length() && hostPart.charAt(i) >= '0' && hostPart.charAt(i) <= '9') {
                i++;
            }
            long value = SipScanner.parseNumber(hostPart.substring(start, i), 5);
            if (value < 0 || value > 65535) {
                return Optional.empty();
            }
            port = OptionalInt.of((int) value);
        }
        String tail = hostPart.substring(i);
        int question = tail.indexOf('?');
        String paramText = question < 0 ? tail : tail.substring(0, question);
        if (!paramText.isEmpty() && paramText.charAt(0) != ';') {
            return Optional.empty();
        }
        Optional<Parameters> params = uriParams(paramText.isEmpty() ? "" : paramText.substring(1), ';', PARAM_UNRESERVED,
                false);
        Optional<Parameters> headers = question < 0 ? Optional.of(Parameters.NONE)
                : uriParams(tail.substring(question + 1), '&', HNV_UNRESERVED, true);
        if (params.isEmpty() || headers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SipUri(secure, user, password, host, port, params.get(), headers.get()));
    }

    private static int hostEnd(String hostPart) {
        if (hostPart.startsWith("[")) {
            int close = hostPart.indexOf(']');
            return close < 0 ? -1 : close + 1;
        }
        int i = 0;
        while (i < hostPart.length() && ":;?".indexOf(hostPart.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Splits {@code name[=value]} pairs separated by {@code separator}; every character must be allowed. */
    private static Optional<Parameters> uriParams(String text, char separator, String extra, boolean valueRequired) {
        if (text.isEmpty()) {
            return valueRequired ? Optional.empty() : Optional.of(Parameters.NONE);
        }
        var params = new ArrayList<Parameters.Parameter>();
        for (String pair : split(text, separator)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> value = eq < 0 ? Optional.empty() : Optional.of(pair.substring(eq + 1));
            if (!isUriChars(name, extra) || (valueRequired && value.isEmpty())
                    || value.map(v -> !v.isEmpty() && !isUriChars(v, extra)).orElse(false)) {
                return Optional.empty();
            }
            params.add(new Parameters.Parameter(name, value));
        }
        return Optional.of(new Parameters(params));
    }

    private static List<String> split(String text, char separator) {
        var parts = new ArrayList<String>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    private static Optional<TelUri> parseTel(String rest) {
        int semi = rest.indexOf(';');
        String number = semi < 0 ? rest : rest.substring(0, semi);
        if (!isTelNumber(number)) {
            return Optional.empty();
        }
        if (semi < 0) {
            return Optional.of(TelUri.of(number));
        }
        return uriParams(rest.substring(semi + 1), ';', PARAM_UNRESERVED, false)
                .map(params -> new TelUri(number, params));
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    static boolean isScheme(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!SipScanner.isAlphaNum(c) && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Printable US-ASCII without white space, quotes or angle brackets: what may appear in any URI. */
    static boolean isUriText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '"' || c == '<' || c == '>') {
                return false;
            }
        }
        return true;
    }

    /** user = 1*( unreserved / escaped / user-unreserved ); password = *( unreserved / escaped / &=+$, ). */
    static boolean isUserInfo(String s, boolean password) {
        if (s.isEmpty()) {
            return password;
        }
        return isUriChars(s, password ? PASSWORD_EXTRA : USER_UNRESERVED);
    }

    /** Every character is alphanum, a mark, one of {@code extra}, or a valid {@code %HH} escape. */
    private static boolean isUriChars(String s, String extra) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!SipScanner.isAlphaNum(c) && MARK.indexOf(c) < 0 && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    /** host = hostname / IPv4address / IPv6reference. */
    static boolean isHost(String host) {
        if (host.isEmpty() || host.length() > 255) {
            return false;
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1));
        }
        // hostname: labels of alphanum and '-', not starting or ending with '-'; IPv4 fits the same shape.
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return false;
        }
        for (String label : split(name, '.')) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!SipScanner.isAlphaNum(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        if (s.length() < 2 || s.indexOf(':') < 0) {
            return false;
        }
        int groups = 0;
        boolean compressed = s.contains("::");
        if (compressed && s.indexOf("::") != s.lastIndexOf("::")) {
            return false;
        }
        for (String part : split(s, ':')) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.contains(".")) {
                if (!isIpv4(part)) {
                    return false;
                }
                groups += 2;
                continue;
            }
            if (part.length() > 4) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (!isHex(part.charAt(i))) {
                    return false;
                }
            }
            groups++;
        }
        return compressed ? groups < 8 : groups == 8;
    }

    static boolean isIpv4(String s) {
        List<String> parts = split(s, '.');
        if (parts.size() != 4) {
            return false;
        }
        for (String part : parts) {
            long value = part.length() > 3 ? -1 : SipScanner.parseNumber(part, 3);
            if (value < 0 || value > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3966 telephone-subscriber, leniently: {@code +}, digits, hex digits, {@code * #}, visual separators. */
    static boolean isTelNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = isHex(c) || "*#-.()".indexOf(c) >= 0 || (c == '+' && i == 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
