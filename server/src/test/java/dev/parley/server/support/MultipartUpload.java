package dev.parley.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends multipart/form-data uploads as a browser form would, or broken ones on purpose. */
public final class MultipartUpload {

    public static final String BOUNDARY = "----parley-test-7MA4YWxkTrZu0gW";
    /** Bodies above this ask {@code Expect: 100-continue} first. */
    private static final int LARGE = 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MultipartUpload() {
    }

    /** A body with one file part named {@code field}. */
    public static byte[] body(String field, String fileName, String contentType, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** POSTs {@code body} with {@code contentType}; the answer as the tests' {@link Http.Response}. */
    public static Http.Response post(Http http, String path, String apiKey, String contentType, byte[] body) {
        var builder = HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "App " + apiKey)
                // As curl does for large bodies: a body the server refuses by its length is never
                // sent, instead of the server closing the connection while the client still writes
                // (which the client can see as a reset rather than the 413).
                .expectContinue(body.length > LARGE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Uploads {@code content} as field {@code file} of a well-formed form. */
    public static Http.Response upload(Http http, String apiKey, String type, String fileName, byte[] content) {
        return post(http, "/call-link/1/images/upload/" + type, apiKey, "multipart/form-data; boundary=" + BOUNDARY,
                body("file", fileName, "application/octet-stream", content));
    }
}
