package dev.parley.telephony.sip;

import dev.parley.protocol.sip.CSeq;
import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.Parameters;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipHeaders;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.SipResponses;
import dev.parley.protocol.sip.SipUri;
import dev.parley.protocol.sip.Uri;
import dev.parley.protocol.sip.Via;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds the stack's requests and responses with its own Via, Contact, User-Agent and
 * Allow: out-of-dialog requests (§8.1.1), in-dialog requests (§12.2.1.1), CANCEL (§9.1),
 * both kinds of ACK (§17.1.1.3, §13.2.2.4) and responses (§8.2.6).
 */
final class MessageFactory {

    static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS";
    static final String ACCEPT = "application/sdp";
    static final String SDP = "application/sdp";
    private static final String MAX_FORWARDS = "70";

    private final String host;
    private final int port;
    private final String userAgent;

    MessageFactory(String host, int port, String userAgent) {
        this.host = host;
        this.port = port;
        this.userAgent = userAgent;
    }

    String host() {
        return host;
    }

    /** A new top Via with a fresh branch, asking for rport (RFC 3581 §3). */
    Via via(Transport transport) {
        return new Via(transport.viaName(), host, OptionalInt.of(port),
                Parameters.NONE.with("branch", SipIds.newBranch()).withFlag("rport"));
    }

    NameAddr contact(Transport transport) {
        SipUri uri = new SipUri(false, Optional.of("parley"), Optional.empty(), host, OptionalInt.of(port),
                transport == Transport.TCP ? Parameters.NONE.with("transport", "tcp") : Parameters.NONE,
                Parameters.NONE);
        return NameAddr.of(uri);
    }

    /** A request outside any dialog: new Via, Max-Forwards, the given From (with tag), To, Call-ID and CSeq. */
    SipRequest request(String method, Uri requestUri, NameAddr from, NameAddr to, String callId, long cseq,
            Transport transport, List<SipHeader> extra, Optional<String> sdp) {
        var headers = SipHeaders.EMPTY.with(HeaderNames.VIA, via(transport).write())
                .with(HeaderNames.MAX_FORWARDS, MAX_FORWARDS)
                .with(HeaderNames.FROM, from.write())
                .with(HeaderNames.TO, to.write())
                .with(HeaderNames.CALL_ID, callId)
                .with(HeaderNames.CSEQ, new CSeq(cseq, method).write());
        if (!method.equals("ACK") && !method.equals("CANCEL")) {
            headers = headers.with(HeaderNames.CONTACT, contact(transport).write())
                    .with(HeaderNames.ALLOW, ALLOW);
        }
        headers = headers.with(HeaderNames.USER_AGENT, userAgent);
        for (SipHeader header : extra) {
            headers = headers.with(header.name(), header.value());
        }
        return withSdp(new SipRequest(method, requestUri, headers), sdp);
    }

    /** A request within {@code dialog} (§12.2.1.1) with sequence number {@code cseq}. */
    SipRequest inDialog(Dialog dialog, String method, long cseq, List<SipHeader> extra, Optional<String> sdp) {
        var headers = SipHeaders.EMPTY.with(HeaderNames.VIA, via(dialog.transport).write())
                .with(HeaderNames.MAX_FORWARDS, MAX_FORWARDS);
        for (NameAddr route : dialog.routeHeaders()) {
            headers = headers.with(HeaderNames.ROUTE, route.write());
        }
        headers = headers.with(HeaderNames.FROM, dialog.local.write())
                .with(HeaderNames.TO, dialog.remote.write())
                .with(HeaderNames.CALL_ID, dialog.callId)
                .with(HeaderNames.CSEQ, new CSeq(cseq, method).write());
        if (method.equals("INVITE")) {
            headers = headers.with(HeaderNames.CONTACT, contact(dialog.transport).write())
                    .with(HeaderNames.ALLOW, ALLOW);
        }
        headers = headers.with(HeaderNames.USER_AGENT, userAgent);
        for (SipHeader header : extra) {
            headers = headers.with(header.name(), header.value());
        }
        return withSdp(new SipRequest(method, dialog.requestUri(), headers), sdp);
    }

    /** The ACK for a 2xx (§13.2.2.4): in the dialog, the INVITE's CSeq number, its credentials, a new branch. */
    SipRequest ackFor2xx(Dialog dialog, SipRequest invite) {
        List<SipHeader> credentials = invite.headers().list().stream()
                .filter(h -> h.is(HeaderNames.AUTHORIZATION) || h.is(HeaderNames.PROXY_AUTHORIZATION)).toList();
        return inDialog(dialog, "ACK", invite.cseq().sequence(), credentials, Optional.empty());
    }

    /**
     * The ACK for a non-2xx final response (§17.1.1.3): the INVITE's Request-URI, Call-ID,
     * From, CSeq number, top Via and Route, the response's To.
     */
    SipRequest ackForFailure(SipRequest invite, SipResponse response) {
        var headers = SipHeaders.EMPTY.with(HeaderNames.VIA, invite.headers().first(HeaderNames.VIA).orElseThrow())
                .with(HeaderNames.MAX_FORWARDS, MAX_FORWARDS);
        for (String route : invite.headerValues(HeaderNames.ROUTE)) {
            headers = headers.with(HeaderNames.ROUTE, route);
        }
        headers = headers.with(HeaderNames.FROM, invite.headers().first(HeaderNames.FROM).orElseThrow())
                .with(HeaderNames.TO, response.headers().first(HeaderNames.TO).orElseThrow())
                .with(HeaderNames.CALL_ID, invite.callId())
                .with(HeaderNames.CSEQ, new CSeq(invite.cseq().sequence(), "ACK").write());
        return new SipRequest("ACK", invite.requestUri(), headers);
    }

    /**
     * {@code request} again after a challenge (§22.2): the same Call-ID, From tag and body, the
     * CSeq one higher, a new branch, and {@code credentials} in place of any earlier ones.
     */
    SipRequest retry(SipRequest request, SipHeader credentials) {
        Transport transport = request.topVia().transport().equals("TCP") ? Transport.TCP : Transport.UDP;
        var headers = request.headers()
                .replaceFirst(HeaderNames.VIA, via(transport).write())
                .set(HeaderNames.CSEQ, new CSeq(request.cseq().sequence() + 1, request.method()).write())
                .set(credentials.name(), credentials.value());
        return request.withHeaders(headers);
    }

    /** CANCEL for {@code invite} (§9.1): same Request-URI, Call-ID, To, From, CSeq number, top Via, Route. */
    SipRequest cancel(SipRequest invite) {
        var headers = SipHeaders.EMPTY.with(HeaderNames.VIA, invite.headers().first(HeaderNames.VIA).orElseThrow())
                .with(HeaderNames.MAX_FORWARDS, MAX_FORWARDS);
        for (String route : invite.headerValues(HeaderNames.ROUTE)) {
            headers = headers.with(HeaderNames.ROUTE, route);
        }
        headers = headers.with(HeaderNames.FROM, invite.headers().first(HeaderNames.FROM).orElseThrow())
                .with(HeaderNames.TO, invite.headers().first(HeaderNames.TO).orElseThrow())
                .with(HeaderNames.CALL_ID, invite.callId())
                .with(HeaderNames.CSEQ, new CSeq(invite.cseq().sequence(), "CANCEL").write())
                .with(HeaderNames.USER_AGENT, userAgent);
        return new SipRequest("CANCEL", invite.requestUri(), headers);
    }

    /** A response with our Server header; {@code toTag} is added when the request's To has none. */
    SipResponse response(SipRequest request, int status, String reason, Optional<String> toTag) {
        SipResponse response = SipResponses.reply(request, status, reason, toTag);
        return response.withHeaders(response.headers().with(HeaderNames.SERVER, userAgent));
    }

    /** A dialog-creating response (18x, 2xx): Contact, and Allow and Supported for the 2xx. */
    SipResponse dialogResponse(SipRequest request, int status, String reason, String toTag, Transport transport,
            Optional<String> sdp) {
        SipResponse response = response(request, status, reason, Optional.of(toTag));
        var headers = response.headers().with(HeaderNames.CONTACT, contact(transport).write());
        if (status >= 200) {
            headers = headers.with(HeaderNames.ALLOW, ALLOW);
        }
        SipResponse withContact = response.withHeaders(headers);
        return sdp.map(s -> withContact.withBody(SDP, s)).orElse(withContact);
    }

    /** The answer to OPTIONS (§11.2): what we allow and accept. */
    SipResponse optionsOk(SipRequest request, Optional<String> toTag) {
        SipResponse ok = response(request, 200, "OK", toTag);
        return ok.withHeaders(ok.headers().with(HeaderNames.ALLOW, ALLOW).with(HeaderNames.ACCEPT, ACCEPT));
    }

    private static SipRequest withSdp(SipRequest request, Optional<String> sdp) {
        return sdp.map(s -> request.withBody(SDP, s)).orElse(request);
    }

    static Optional<String> sdpOf(dev.parley.protocol.sip.SipMessage message) {
        if (!message.hasBody()) {
            return Optional.empty();
        }
        return Optional.of(new String(message.body(), StandardCharsets.UTF_8));
    }
}
