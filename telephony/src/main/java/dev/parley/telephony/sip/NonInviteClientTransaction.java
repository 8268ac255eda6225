package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.time.Duration;

/**
 * The non-INVITE client transaction (RFC 3261 §17.1.2) for BYE, CANCEL and OPTIONS:
 * <pre>
 * Trying --1xx--> Proceeding --final--> Completed --timer K--> Terminated
 *   timer E: retransmit at T1, 2T1, ... up to T2 (T2 once Proceeding), UDP only
 *   timer F: 408 after 64*T1
 * </pre>
 */
final class NonInviteClientTransaction extends ClientTransaction {

    private enum State { TRYING, PROCEEDING, COMPLETED }

    private State state = State.TRYING;

    NonInviteClientTransaction(SipCore core, SipRequest request, Target target, ClientTu tu) {
        super(core, request, target, tu);
    }

    @Override
    void begin() {
        send();
        if (!transport.isReliable()) {
            scheduleTimerE(timers().t1());
        }
        after(timers().timeout(), () -> {
            if (state != State.COMPLETED) {
                timeout();
            }
        });
    }

    private void scheduleTimerE(Duration interval) {
        after(interval, () -> {
            if (state != State.COMPLETED) {
                retransmit();
                scheduleTimerE(state == State.PROCEEDING ? timers().t2() : timers().backoff(interval));
            }
        });
    }

    @Override
    void onResponse(SipResponse response) {
        if (state == State.COMPLETED) {
            core.counters().retransmissionsReceived.increment();
            return;
        }
        if (response.isProvisional()) {
            state = State.PROCEEDING;
            tu.onResponse(this, response);
            return;
        }
        state = State.COMPLETED;
        cancelTimers();
        terminateAfter(timers().linger(transport));
        tu.onResponse(this, response);
    }
}
