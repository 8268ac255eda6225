package dev.parley.platform.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
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
        // A HEAD answer has no body: one written anyway would be read as the start of the next
        // response. A request Jetty refused (a URI it finds ambiguous) reaches here with the
        // method "BAD", so it may have been a HEAD: the connection is closed after the answer,
        // and a client cannot misread the body as its next response.
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        if ("BAD".equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, CONTENT_TYPE));
        // Jetty closes the connection after a request it could not take; saying so keeps a client
        // from sending its next request on it (and, after a HEAD, from misreading this body).
        fields.put(new HttpField(HttpHeader.CONNECTION, "close"));
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
