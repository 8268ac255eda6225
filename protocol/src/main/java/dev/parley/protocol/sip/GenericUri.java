package dev.parley.protocol.sip;

import java.util.Objects;

/**
 * An absolute URI of a scheme SIP does not define ({@code urn:}, {@code mailto:}, ...), kept
 * as written so it can be carried and written back (RFC 4475 §3.3.x: unknown schemes in To
 * and From are legal).
 *
 * @param scheme         lower case
 * @param schemeSpecific everything after the colon
 */
public record GenericUri(String scheme, String schemeSpecific) implements Uri {

    public GenericUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(schemeSpecific, "schemeSpecific");
        if (!UriParser.isScheme(scheme) || !UriParser.isUriText(schemeSpecific) || schemeSpecific.isEmpty()) {
            throw new IllegalArgumentException("not an absolute URI: " + scheme + ":" + schemeSpecific);
        }
    }

    @Override
    public String write() {
        return scheme + ":" + schemeSpecific;
    }

    @Override
    public String toString() {
        return write();
    }
}
