package dev.parley.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.platform.common.InvalidInput;
import dev.parley.platform.common.Page;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading requests at the edge: bounded bodies, content types, paging parameters. */
final class Requests {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final String BODY_READ = "parley.body-read";

    private final ObjectMapper mapper;
    private final long maxBodyBytes;

    Requests(ObjectMapper mapper, long maxBodyBytes) {
        this.mapper = mapper;
        this.maxBodyBytes = maxBodyBytes;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The body as a JSON object; an empty body is an empty object. */
    JsonBody json(Context ctx) {
        byte[] body = body(ctx);
        if (body.length > 0) {
            requireContentType(ctx, JSON);
        }
        return JsonBody.parse(mapper, body);
    }

    /** The body as {@code application/x-www-form-urlencoded} fields (none when empty); a repeated field is refused. */
    Map<String, String> form(Context ctx) {
        byte[] body = body(ctx);
        if (body.length > 0) {
            requireContentType(ctx, FORM);
        }
        var fields = new LinkedHashMap<String, String>();
        for (String pair : new String(body, java.nio.charset.StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), "body");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), name);
            if (fields.putIfAbsent(name, value) != null) {
                throw ApiProblem.invalid(name, "must not be repeated");
            }
        }
        return fields;
    }

    /** The page and size query parameters, with defaults. */
    Page.Request page(Context ctx) {
        return new Page.Request(intParam(ctx, "page", 0), intParam(ctx, "size", Page.DEFAULT_SIZE));
    }

    /** The list envelope: {@code {results, paging{page, size, totalPages, totalResults}}}. */
    static Map<String, Object> pageBody(Page<?> page, List<?> results) {
        return Map.of("results", results, "paging", Map.of(
                "page", page.page(), "size", page.size(),
                "totalPages", page.totalPages(), "totalResults", page.totalResults()));
    }

    /** Reads the body, refusing more than the configured maximum whatever Content-Length said. */
    byte[] body(Context ctx) {
        return body(ctx, maxBodyBytes);
    }

    /** Reads the body, refusing more than {@code limit} bytes: for the one route allowed more than the maximum. */
    byte[] body(Context ctx, long limit) {
        ctx.attribute(BODY_READ, Boolean.TRUE);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiProblem.invalid("body", "cannot be read");
        }
    }

    /**
     * Reads and discards a body that no handler read (an error answered first), so the
     * connection can carry the next request. Closing with unread bytes in the socket would
     * make the kernel reset it, and the client could lose the answer with it. A body larger
     * than the maximum is not read: then the answer says {@code Connection: close}.
     */
    void discardUnreadBody(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody || ctx.attribute(BODY_READ) != null) {
            return;
        }
        ctx.attribute(BODY_READ, Boolean.TRUE);
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            ctx.header("Connection", "close");
            return;
        }
        try (InputStream in = ctx.bodyInputStream()) {
            // skip() may stop early; read to the end, or until the body proves too large.
            byte[] sink = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(sink)) >= 0; ) {
                total += n;
                if (total > maxBodyBytes) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            ctx.header("Connection", "close");
        }
    }

    ApiProblem tooLarge() {
        return tooLarge(maxBodyBytes);
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "Content too large", "the request body is larger than " + limit + " bytes");
    }

    static void requireContentType(Context ctx, String expected) {
        String type = ctx.contentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!bare.equals(expected)) {
            throw new ApiProblem(415, "Unsupported media type",
                    "the body must be " + expected + (type == null ? ", and Content-Type is missing" : ", not " + type),
                    List.of(new InvalidInput.Violation("Content-Type", "must be " + expected)), Map.of());
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "must be a whole number");
        }
    }

    private static String decode(String text, String field) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "is not valid form encoding");
        }
    }
}
