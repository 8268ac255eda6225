package dev.parley.platform.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error of the OAuth token endpoint (RFC 6749 §5.2). The body is {@code application/json}
 * as OAuth clients expect, with {@code error} and {@code error_description}, and carries the
 * RFC 9457 members too, so it reads like every other Parley error.
 */
final class OAuthError extends RuntimeException {

    private final int status;
    private final String error;
    private final Map<String, String> headers;

    OAuthError(int status, String error, String description, Map<String, String> headers) {
        super(description);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description, Map.of());
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description,
                Map.of("WWW-Authenticate", "Basic realm=\"parley\", charset=\"UTF-8\""));
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    Map<String, Object> body(String instance) {
        var body = new LinkedHashMap<String, Object>();
        body.put("error", error);
        body.put("error_description", getMessage());
        body.put("type", "about:blank");
        body.put("title", error);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        return body;
    }
}
