package dev.parley.telephony.sip;

import dev.parley.protocol.sip.HeaderNames;
import dev.parley.protocol.sip.SipIds;
import dev.parley.protocol.sip.SipMethods;
import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import dev.parley.protocol.sip.SipUri;
import dev.parley.protocol.sip.TelUri;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a new request passes before anything acts on it (RFC 3261 §8.2), each with its
 * refusal: 416 for a Request-URI scheme we do not serve, 483 when Max-Forwards is 0 (except
 * OPTIONS, which a UA answers itself, §11), 405 with Allow for a method we know but do not
 * do, 501 for one we do not know, 420 with Unsupported for a Require we lack, and 415 with
 * Accept for an INVITE body that is not SDP.
 */
final class InboundRules {

    static final Set<String> SUPPORTED_METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS");

    private InboundRules() {
    }

    static Optional<SipResponse> check(SipRequest request, MessageFactory messages) {
        if (!(request.requestUri() instanceof SipUri) && !(request.requestUri() instanceof TelUri)) {
            return refuse(request, messages, 416, "Unsupported URI Scheme");
        }
        if (request.maxForwards().orElse(70) == 0 && !request.is("OPTIONS")) {
            return refuse(request, messages, 483, "Too Many Hops");
        }
        if (!SUPPORTED_METHODS.contains(request.method())) {
            boolean known = SipMethods.isKnown(request.method());
            SipResponse response = messages.response(request, known ? 405 : 501,
                    known ? "Method Not Allowed" : "Not Implemented", Optional.of(SipIds.newTag()));
            return Optional.of(response.withHeaders(response.headers().with(HeaderNames.ALLOW,
                    MessageFactory.ALLOW)));
        }
        List<String> required = request.headerValues(HeaderNames.REQUIRE);
        if (!required.isEmpty() && !request.is("CANCEL") && !request.is("ACK")) {
            SipResponse response = messages.response(request, 420, "Bad Extension",
                    Optional.of(SipIds.newTag()));
            return Optional.of(response.withHeaders(response.headers().with(HeaderNames.UNSUPPORTED,
                    String.join(", ", required))));
        }
        if (request.is("INVITE") && request.hasBody() && !isSdp(request.contentType())) {
            SipResponse response = messages.response(request, 415, "Unsupported Media Type",
                    Optional.of(SipIds.newTag()));
            return Optional.of(response.withHeaders(response.headers().with(HeaderNames.ACCEPT,
                    MessageFactory.ACCEPT)));
        }
        return Optional.empty();
    }

    private static boolean isSdp(Optional<String> contentType) {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).replace(" ", "").startsWith("application/sdp"))
                .orElse(true);
    }

    private static Optional<SipResponse> refuse(SipRequest request, MessageFactory messages, int status,
            String reason) {
        return Optional.of(messages.response(request, status, reason, Optional.of(SipIds.newTag())));
    }
}
