package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A request (RFC 3261 §7.1): {@code Method SP Request-URI SP SIP/2.0}, headers, body.
 *
 * @param method     a token, case-sensitive ({@code INVITE}, or an extension)
 * @param requestUri the Request-URI
 * @param headers    the headers; Via, From, To, Call-ID and CSeq must be present and parse,
 *                   and the CSeq method must equal {@code method}
 * @param body       the body (copied)
 */
public record SipRequest(String method, Uri requestUri, SipHeaders headers, byte[] body) implements SipMessage {

    public SipRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(headers, "headers");
        if (!SipScanner.isToken(method)) {
            throw new IllegalArgumentException("method is not a token: " + method);
        }
        MessageRules.core(headers, Optional.of(method)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        body = body.clone();
    }

    public SipRequest(String method, Uri requestUri, SipHeaders headers) {
        this(method, requestUri, headers, new byte[0]);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean is(String otherMethod) {
        return method.equals(otherMethod);
    }

    public SipRequest withHeaders(SipHeaders newHeaders) {
        return new SipRequest(method, requestUri, newHeaders, body);
    }

    public SipRequest withBody(String contentType, String text) {
        return new SipRequest(method, requestUri, headers.set(HeaderNames.CONTENT_TYPE, contentType),
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] toBytes() {
        return MessageWriter.write(method + " " + requestUri.write() + " SIP/2.0", headers, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipRequest r && method.equals(r.method) && requestUri.equals(r.requestUri)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, requestUri, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + requestUri.write() + " (" + callId() + ", " + cseq() + ")";
    }
}
