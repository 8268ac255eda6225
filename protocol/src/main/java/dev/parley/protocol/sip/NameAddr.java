package dev.parley.protocol.sip;

import java.util.Objects;
import java.util.Optional;

/**
 * The value of From, To, Contact, Route and Record-Route (RFC 3261 §20.10, §25.1):
 * <pre>
 * name-addr  = [ display-name ] LAQUOT addr-spec RAQUOT
 * addr-spec  = SIP-URI / SIPS-URI / absoluteURI
 * </pre>
 * followed by header parameters ({@code ;tag=}, {@code ;expires=}, {@code ;lr} belongs to
 * the URI inside the brackets). Both forms parse; writing always uses the bracket form, which
 * is valid everywhere.
 *
 * @param displayName the display name with quoted-pairs resolved, when present
 * @param uri         the address
 * @param params      header parameters after the address
 */
public record NameAddr(Optional<String> displayName, Uri uri, Parameters params) {

    public NameAddr {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(params, "params");
        if (displayName.map(d -> d.indexOf('\r') >= 0 || d.indexOf('\n') >= 0).orElse(false)) {
            throw new IllegalArgumentException("display name with a line break");
        }
    }

    public static NameAddr of(Uri uri) {
        return new NameAddr(Optional.empty(), uri, Parameters.NONE);
    }

    public static NameAddr of(String displayName, Uri uri) {
        return new NameAddr(Optional.of(displayName), uri, Parameters.NONE);
    }

    /** The {@code tag} parameter (RFC 3261 §19.3). */
    public Optional<String> tag() {
        return params.value("tag");
    }

    public NameAddr withTag(String tag) {
        return new NameAddr(displayName, uri, params.with("tag", tag));
    }

    public NameAddr withParams(Parameters newParams) {
        return new NameAddr(displayName, uri, newParams);
    }

    /** {@code "Display" <uri>;params}. */
    public String write() {
        var out = new StringBuilder();
        displayName.ifPresent(d -> out.append(SipScanner.quote(d)).append(' '));
        return out.append('<').append(uri.write()).append('>').append(params.write()).toString();
    }

    @Override
    public String toString() {
        return write();
    }

    /**
     * Parses one value (a list header must be split first). Empty, never an exception, on an
     * unterminated quote (RFC 4475 §3.1.2.6), spaces inside the brackets (§3.1.2.14), a
     * display name that is neither tokens nor a quoted-string (§3.1.2.15), or a bad URI.
     */
    public static Optional<NameAddr> parse(String value) {
        var sc = new SipScanner(value);
        sc.skipWs();
        Optional<String> display = Optional.empty();
        if (sc.peek() == '"') {
            display = sc.quotedString();
            if (display.isEmpty()) {
                return Optional.empty();
            }
            sc.skipWs();
            if (sc.peek() != '<') {
                return Optional.empty();
            }
        } else {
            int bracket = value.indexOf('<', sc.pos());
            String before = bracket < 0 ? "" : value.substring(sc.pos(), bracket).strip();
            // A ':' before the '<' means an addr-spec whose quoted parameter holds a '<'.
            if (bracket >= 0 && before.indexOf(':') < 0) {
                if (!before.isEmpty()) {
                    if (!isTokenList(before)) {
                        return Optional.empty();
                    }
                    display = Optional.of(before);
                }
                sc.pos(bracket);
            }
        }
        Optional<Uri> uri;
        if (sc.consume('<')) {
            int close = value.indexOf('>', sc.pos());
            if (close < 0) {
                return Optional.empty();
            }
            uri = Uri.parse(value.substring(sc.pos(), close));
            sc.pos(close + 1);
        } else {
            // addr-spec: the URI ends at the first ';' (a URI with ';', ',' or '?' must be bracketed, §20.10,
            // so a '?' here is refused: RFC 4475 §3.1.2.13).
            uri = sc.until(";").filter(text -> text.indexOf('?') < 0).flatMap(Uri::parse);
        }
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        Optional<Parameters> params = Parameters.parseHeaderParams(sc);
        if (params.isEmpty() || !sc.atEnd()) {
            return Optional.empty();
        }
        return Optional.of(new NameAddr(display, uri.get(), params.get()));
    }

    private static boolean isTokenList(String tokens) {
        for (String token : tokens.split("[ \t]+")) {
            if (!SipScanner.isToken(token)) {
                return false;
            }
        }
        return true;
    }
}
