package dev.parley.telephony.sip;

import dev.parley.protocol.sip.NameAddr;
import dev.parley.protocol.sip.SipHeader;
import dev.parley.protocol.sip.Uri;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call to this stack (the UAS side), handed to {@link InboundHandler#onInvite} after 100
 * Trying was sent. Actions may be called from any thread and act on the stack's loop; ones
 * that no longer apply (answer after reject, ringing after answer) are ignored.
 */
public sealed interface IncomingCall permits UasCall {

    /** The address the INVITE came from, for source checks (403 through {@link #reject}). */
    InetSocketAddress source();

    Transport transport();

    Uri requestUri();

    NameAddr from();

    NameAddr to();

    String callId();

    /** The SDP offer, empty for an offer-less INVITE. */
    Optional<String> sdpOffer();

    /** The first value of a header of the INVITE (any case, compact or long name). */
    Optional<String> header(String name);

    /** A final non-2xx response, 300 to 699 (404 for an unknown number, 403 for a refused source, 486 busy). */
    void reject(int status, String reason);

    /**
     * {@link #reject(int, String)} with extra headers: WWW-Authenticate on a 401 challenge,
     * Retry-After on a 503, Contact on a 3xx redirect.
     */
    void reject(int status, String reason, List<SipHeader> headers);

    /** 180 Ringing. */
    void ringing();

    /** 183 Session Progress with early-media SDP. */
    void progress(String sdp);

    /** 200 OK with the SDP answer, retransmitted until the ACK (RFC 3261 §13.3.1.4). */
    void answer(String sdpAnswer);

    /** BYE once answered (after the ACK, if it has not come yet); 603 Decline before. */
    void hangup();

    /** A re-INVITE from our side, once the call is answered and acknowledged. */
    CompletableFuture<String> reinvite(String sdpOffer);

    /** Sets the listener; set it in {@link InboundHandler#onInvite} so no event is missed. */
    void setListener(Listener listener);

    /** What happens to an incoming call; called on one serial executor per call, never under a lock. */
    interface Listener {

        /** The caller sent CANCEL before the answer; 487 went to the INVITE. */
        default void onCancelled() {
        }

        /** The ACK for our 200 came. */
        default void onAcked() {
        }

        /** The caller sent BYE (answered 200 already). */
        default void onRemoteHangup() {
        }

        /** The caller re-INVITEs with this offer; complete with our SDP answer (a failed future answers 488). */
        default CompletableFuture<String> onReinvite(String sdpOffer) {
            return CompletableFuture.failedFuture(new SipException(488, "Not Acceptable Here"));
        }

        /** No ACK came for our 200 within 64*T1; the stack sent BYE. */
        default void onAckTimeout() {
        }
    }
}
