package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.time.Duration;

/**
 * The INVITE client transaction (RFC 3261 §17.1.1, with RFC 6026's Accepted state):
 * <pre>
 * Calling --1xx--> Proceeding --2xx--> Accepted (timer M: 2xx retransmissions go to the TU,
 *    |  timer A: retransmit (UDP)            |                 which re-sends its ACK)
 *    |  timer B: 408                        300-699: ACK, Completed (timer D absorbs retransmissions)
 * </pre>
 * The ACK for a non-2xx final response is sent here (§17.1.1.3); the ACK for a 2xx is the
 * dialog's (§13.2.2.4).
 */
final class InviteClientTransaction extends ClientTransaction {

    private enum State { CALLING, PROCEEDING, ACCEPTED, COMPLETED }

    private State state = State.CALLING;
    private byte[] ack = new byte[0];

    InviteClientTransaction(SipCore core, SipRequest request, Target target, ClientTu tu) {
        super(core, request, target, tu);
    }

    @Override
    void begin() {
        send();
        if (!transport.isReliable()) {
            scheduleTimerA(timers().t1());
        }
        after(timers().timeout(), () -> {
            if (state == State.CALLING) {
                timeout();
            }
        });
    }

    private void scheduleTimerA(Duration interval) {
        after(interval, () -> {
            if (state == State.CALLING) {
                retransmit();
                // Timer A doubles without the T2 cap (§17.1.1.2); timer B ends it.
                scheduleTimerA(interval.multipliedBy(2));
            }
        });
    }

    @Override
    void onResponse(SipResponse response) {
        switch (state) {
            case CALLING, PROCEEDING -> {
                if (response.isProvisional()) {
                    state = State.PROCEEDING;
                    tu.onResponse(this, response);
                } else if (response.isSuccess()) {
                    state = State.ACCEPTED;
                    cancelTimers();
                    after(timers().timeout(), this::terminate);
                    tu.onResponse(this, response);
                } else {
                    state = State.COMPLETED;
                    cancelTimers();
                    ack = core.messages().ackForFailure(request, response).toBytes();
                    sendAck();
                    terminateAfter(timers().wait(transport));
                    tu.onResponse(this, response);
                }
            }
            case ACCEPTED -> {
                if (response.isSuccess()) {
                    core.counters().retransmissionsReceived.increment();
                    tu.onResponse(this, response);
                }
            }
            case COMPLETED -> {
                if (response.isFinal() && !response.isSuccess()) {
                    core.counters().retransmissionsReceived.increment();
                    sendAck();
                }
            }
        }
    }

    private void sendAck() {
        core.transports().send(target, ack, () -> { });
    }
}
