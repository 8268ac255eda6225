package dev.parley.telephony.sip;

/** Receives new calls to a {@link SipStack}. */
@FunctionalInterface
public interface InboundHandler {

    /**
     * A new INVITE, after 100 Trying was sent. Runs on the call's serial executor: set the
     * listener here, then answer, reject or ring from here or later, from any thread. A
     * handler that throws rejects the call with 500.
     */
    void onInvite(IncomingCall call);

    /** Rejects every call with 480 Temporarily Unavailable: for stacks that only place calls. */
    InboundHandler REJECT_ALL = call -> call.reject(480, "Temporarily Unavailable");
}
