package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;

/**
 * The non-INVITE server transaction (RFC 3261 §17.2.2):
 * <pre>
 * Trying --1xx--> Proceeding --final--> Completed --timer J (64*T1 UDP, 0 TCP)--> Terminated
 * </pre>
 * A retransmitted request gets the last response again, or nothing while there is none.
 */
final class NonInviteServerTransaction extends ServerTransaction {

    private enum State { TRYING, PROCEEDING, COMPLETED }

    private State state = State.TRYING;

    NonInviteServerTransaction(SipCore core, SipRequest request, Source source) {
        super(core, request, source);
    }

    @Override
    void respond(SipResponse response) {
        if (state == State.COMPLETED) {
            return;
        }
        send(response);
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            return;
        }
        state = State.COMPLETED;
        terminateAfter(timers().wait(transport));
    }

    @Override
    void onRetransmission() {
        core.counters().retransmissionsReceived.increment();
        if (state != State.TRYING) {
            sendLast();
        }
    }
}
