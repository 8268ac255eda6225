package dev.parley.protocol.sip;

import java.util.Optional;

/** Builds responses to requests (RFC 3261 §8.2.6): the request's Via, From, To, Call-ID and CSeq copied. */
public final class SipResponses {

    private SipResponses() {
    }

    /** A response with the default reason phrase. */
    public static SipResponse reply(SipRequest request, int status) {
        return reply(request, status, SipStatus.reasonPhrase(status), Optional.empty());
    }

    /**
     * A response to {@code request}: every Via in order, From, To (with {@code toTag} added
     * when the request's To has no tag yet, §8.2.6.2), Call-ID and CSeq; the Timestamp of a
     * request is echoed in a 100 (§8.2.6.1).
     */
    public static SipResponse reply(SipRequest request, int status, String reason, Optional<String> toTag) {
        return new SipResponse(status, reason, replyHeaders(request.headers(), status, toTag));
    }

    static SipHeaders replyHeaders(SipHeaders request, int status, Optional<String> toTag) {
        var headers = SipHeaders.EMPTY;
        for (String via : request.all(HeaderNames.VIA)) {
            headers = headers.with(HeaderNames.VIA, via);
        }
        headers = headers.with(HeaderNames.FROM, request.first(HeaderNames.FROM).orElseThrow());
        String to = request.first(HeaderNames.TO).orElseThrow();
        if (toTag.isPresent() && status != SipStatus.TRYING) {
            NameAddr address = NameAddr.parse(to).orElseThrow();
            if (address.tag().isEmpty()) {
                to = address.withTag(toTag.get()).write();
            }
        }
        headers = headers.with(HeaderNames.TO, to)
                .with(HeaderNames.CALL_ID, request.first(HeaderNames.CALL_ID).orElseThrow())
                .with(HeaderNames.CSEQ, request.first(HeaderNames.CSEQ).orElseThrow());
        if (status == SipStatus.TRYING) {
            Optional<String> timestamp = request.first(HeaderNames.TIMESTAMP);
            if (timestamp.isPresent()) {
                headers = headers.with(HeaderNames.TIMESTAMP, timestamp.get());
            }
        }
        return headers;
    }
}
