package dev.parley.protocol.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A response (RFC 3261 §7.2): {@code SIP/2.0 SP Status-Code SP Reason-Phrase}, headers, body.
 *
 * @param status  100..699
 * @param reason  the reason phrase (may be empty, RFC 4475 §3.1.1.13; no line breaks)
 * @param headers the headers; Via, From, To, Call-ID and CSeq must be present and parse
 * @param body    the body (copied)
 */
public record SipResponse(int status, String reason, SipHeaders headers, byte[] body) implements SipMessage {

    public SipResponse {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase with a line break");
        }
        MessageRules.core(headers, Optional.empty()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        body = body.clone();
    }

    public SipResponse(int status, String reason, SipHeaders headers) {
        this(status, reason, headers, new byte[0]);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public boolean isProvisional() {
        return SipStatus.isProvisional(status);
    }

    public boolean isSuccess() {
        return SipStatus.isSuccess(status);
    }

    public boolean isFinal() {
        return SipStatus.isFinal(status);
    }

    public SipResponse withHeaders(SipHeaders newHeaders) {
        return new SipResponse(status, reason, newHeaders, body);
    }

    public SipResponse withBody(String contentType, String text) {
        return new SipResponse(status, reason, headers.set(HeaderNames.CONTENT_TYPE, contentType),
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] toBytes() {
        return MessageWriter.write("SIP/2.0 " + status + " " + reason, headers, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipResponse r && status == r.status && reason.equals(r.reason)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, reason, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return status + " " + reason + " (" + callId() + ", " + cseq() + ")";
    }
}
