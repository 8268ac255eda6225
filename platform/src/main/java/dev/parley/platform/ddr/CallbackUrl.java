package dev.parley.platform.ddr;

import dev.parley.platform.common.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URLs of the customer's backend that Parley calls: absolute {@code http} or {@code https}
 * with a host, no user info (credentials go in the authorization field, which is never
 * shown), no fragment.
 */
final class CallbackUrl {

    static final int MAX_LENGTH = 2048;

    private CallbackUrl() {
    }

    static URI parse(String field, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new InvalidInput(field, "must be an http or https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInput(field, "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInput(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput(field, "must not hold credentials; use the authorization field");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInput(field, "must not have a fragment");
        }
        return uri;
    }
}
