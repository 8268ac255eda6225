package dev.parley.telephony.sip;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A call this stack placed (the UAC side). Methods may be called from any thread; they act on
 * the stack's loop and return at once.
 */
public sealed interface OutgoingCall permits UacCall {

    /** The Call-ID, stable for the call's life (also across an authentication retry). */
    String callId();

    /** CANCEL (RFC 3261 §9.1): sent once a provisional response came, or as soon as one comes. */
    void cancel();

    /** BYE when answered, else {@link #cancel()}. */
    void hangup();

    /** Sends a re-INVITE (hold, resume, new address); the future gets the far end's SDP answer or a {@link SipException}. */
    CompletableFuture<String> reinvite(String sdpOffer);

    /**
     * What happens to the call. Called on one serial executor per call, never under a lock,
     * in the order things happened. After {@code onFailed} or {@code onRemoteHangup}
     * nothing more comes.
     */
    interface Listener {

        /** A provisional response: 180 Ringing, 183 Session Progress with the early-media SDP, ... (not 100). */
        default void onProgress(int status, String reason, Optional<String> sdp) {
        }

        /** A 2xx; the ACK is already sent. */
        default void onAnswered(String sdpAnswer) {
        }

        /**
         * The call did not connect: the final non-2xx status, 408 on a timeout, 503 on a
         * transport error, 487 after {@link #cancel()} (also when a 200 crossed the CANCEL and
         * the stack sent ACK and BYE).
         */
        default void onFailed(int status, String reason) {
        }

        /** The far end sent BYE (answered 200 already), or the dialog was lost. */
        default void onRemoteHangup() {
        }

        /** The far end sent a re-INVITE with this offer; complete with our SDP answer (a failed future answers 488). */
        default CompletableFuture<String> onReinvite(String sdpOffer) {
            return CompletableFuture.failedFuture(new SipException(488, "Not Acceptable Here"));
        }
    }
}
