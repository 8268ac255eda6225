package dev.parley.telephony.sip;

import dev.parley.protocol.sip.DigestCredentials;
import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.SipUri;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound call to place with {@link SipStack#invite}.
 *
 * @param requestUri   whom to call: a trunk ({@code sip:+4420555@trunk.example.net}) or any SIP URI;
 *                     the request goes to its host and port unless {@code extraHeaders} carry a Route
 * @param transport    UDP or TCP (a {@code transport=} parameter on the URI wins)
 * @param from         the caller, e.g. {@code "+4411111" <sip:+4411111@parley.local>}; the stack adds the tag
 * @param to           the callee as the far end should see it
 * @param sdpOffer     the SDP offer, carried as is
 * @param credentials  answered to 401 and 407 challenges of the INVITE, its re-INVITEs and the BYE
 * @param extraHeaders added to the INVITE in order (P-Asserted-Identity, Route, X-...)
 */
public record OutgoingInvite(SipUri requestUri, Transport transport, NameAddr from, NameAddr to, String sdpOffer,
        Optional<DigestCredentials> credentials, List<SipHeader> extraHeaders) {

    public OutgoingInvite {
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sdpOffer, "sdpOffer");
        Objects.requireNonNull(credentials, "credentials");
        extraHeaders = List.copyOf(extraHeaders);
    }

    /** A call without credentials or extra headers. */
    public static OutgoingInvite of(SipUri requestUri, Transport transport, NameAddr from, NameAddr to,
            String sdpOffer) {
        return new OutgoingInvite(requestUri, transport, from, to, sdpOffer, Optional.empty(), List.of());
    }

    public OutgoingInvite withCredentials(DigestCredentials newCredentials) {
        return new OutgoingInvite(requestUri, transport, from, to, sdpOffer, Optional.of(newCredentials),
                extraHeaders);
    }
}
