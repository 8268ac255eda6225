package dev.parley.platform.api;

import dev.parley.platform.common.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer, written as RFC 9457 {@code application/problem+json}. Thrown from a
 * handler, it ends the request with that answer. {@code invalid-params} names each field at
 * fault, as in the RFC's own example.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<InvalidInput.Violation> invalidParams;
    private final Map<String, String> headers;
    private final Map<String, Object> members;

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of(), Map.of());
    }

    public ApiProblem(int status, String title, String detail, List<InvalidInput.Violation> invalidParams,
                      Map<String, String> headers) {
        this(status, title, detail, invalidParams, headers, Map.of());
    }

    private ApiProblem(int status, String title, String detail, List<InvalidInput.Violation> invalidParams,
                       Map<String, String> headers, Map<String, Object> members) {
        super(detail);
        this.status = status;
        this.title = title;
        this.invalidParams = List.copyOf(invalidParams);
        this.headers = Map.copyOf(headers);
        this.members = Map.copyOf(members);
    }

    /** This problem with an extension member (RFC 9457 section 3.2), such as a link's {@code state}. */
    public ApiProblem with(String member, Object value) {
        var more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new ApiProblem(status, title, getMessage(), invalidParams, headers, more);
    }

    public static ApiProblem invalid(InvalidInput input) {
        return new ApiProblem(400, "Invalid request", input.getMessage(), input.violations(), Map.of());
    }

    public static ApiProblem invalid(String field, String reason) {
        return invalid(new InvalidInput(field, reason));
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", "App realm=\"parley\""));
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The JSON body: type, title, status, detail, instance and, for 400, invalid-params. */
    public Map<String, Object> body(String instance) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.putAll(members);
        if (!invalidParams.isEmpty()) {
            body.put("invalid-params", invalidParams.stream()
                    .map(v -> {
                        var param = new LinkedHashMap<String, String>();
                        param.put("name", v.field());
                        param.put("reason", v.reason());
                        return param;
                    })
                    .toList());
        }
        return body;
    }
}
