package dev.parley.platform.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before a request reaches Javalin (a malformed or
 * ambiguous URI, oversized headers, a bad request line), written as problem+json like every
 * other Parley error, without stack traces or server internals.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final String CONTENT_TYPE = ApiServer.PROBLEM;

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, CONTENT_TYPE));
        return ByteBuffer.wrap(body(status));
    }

    @Override
    public boolean isShowStacks() {
        return false;
    }

    private static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 400 -> "the request is malformed (for example its URI or request line)";
            case 414 -> "the URI is too long";
            case 431 -> "the request headers are too large";
            default -> reason;
        };
        String json = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
