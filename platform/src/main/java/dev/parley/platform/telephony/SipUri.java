package dev.parley.platform.telephony;

import dev.parley.platform.common.InvalidInput;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1) as configuration takes it:
 * {@code sip:[user@]host[:port][;params]}. Only the parts Parley acts on are checked
 * strictly (scheme, host, port); the user part and parameters are kept as written, minus
 * anything that could break a SIP header (spaces, angle brackets, quotes, control
 * characters).
 */
public record SipUri(String text, boolean secure, Optional<String> user, String host, Optional<Integer> port) {

    static final String RULE = "must be a sip: or sips: URI such as sip:alice@pbx.example.com";
    private static final int MAX_LENGTH = 256;
    private static final Pattern SHAPE = Pattern.compile(
            "^(?i)(sips?):(?:([^@\\s<>\"]+)@)?(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9.\\-]+)(?::([0-9]{1,5}))?((?:;[^\\s<>\"?;]+)*)$");

    public static SipUri parse(String field, String text) {
        return tryParse(text).orElseThrow(() -> new InvalidInput(field, RULE));
    }

    public static Optional<SipUri> tryParse(String text) {
        if (text == null || text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<String> host = Hosts.normalize(m.group(3));
        Optional<Integer> port = Optional.ofNullable(m.group(4)).map(Integer::parseInt);
        if (host.isEmpty() || port.filter(p -> p < 1 || p > 65535).isPresent()) {
            return Optional.empty();
        }
        boolean secure = m.group(1).toLowerCase(Locale.ROOT).equals("sips");
        return Optional.of(new SipUri(text, secure, Optional.ofNullable(m.group(2)), host.get(), port));
    }
}
