package dev.parley.telephony.sip;

import dev.parley.protocol.sip.SipRequest;
import dev.parley.protocol.sip.SipResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The INVITE server transaction (RFC 3261 §17.2.1, with RFC 6026's Accepted state):
 * <pre>
 * Proceeding --2xx--> Accepted (timer L; the call retransmits its 2xx until the ACK, §13.3.1.4)
 *      |
 *      +--300-699--> Completed --ACK--> Confirmed --timer I--> Terminated
 *                      timer G: retransmit the final response (UDP)
 *                      timer H: give up waiting for the ACK
 * </pre>
 */
final class InviteServerTransaction extends ServerTransaction {

    private enum State { PROCEEDING, ACCEPTED, COMPLETED, CONFIRMED }

    private State state = State.PROCEEDING;
    private Runnable onCancel = () -> { };
    private Optional<String> localTag = Optional.empty();

    InviteServerTransaction(SipCore core, SipRequest request, Source source) {
        super(core, request, source);
    }

    /**
     * What a CANCEL matching this INVITE does while no final response was sent, and the To
     * tag the call answers with, which the 200 to the CANCEL carries too (§9.2).
     */
    void onCancel(String tag, Runnable handler) {
        localTag = Optional.of(tag);
        onCancel = handler;
    }

    Optional<String> localTag() {
        return localTag;
    }

    boolean hasFinalResponse() {
        return state != State.PROCEEDING;
    }

    /** Called for a CANCEL of this INVITE; true when it still could be cancelled. */
    boolean cancel() {
        if (state != State.PROCEEDING) {
            return false;
        }
        onCancel.run();
        return true;
    }

    @Override
    void respond(SipResponse response) {
        if (state != State.PROCEEDING) {
            return;
        }
        send(response);
        if (response.isProvisional()) {
            return;
        }
        if (response.isSuccess()) {
            state = State.ACCEPTED;
            after(timers().timeout(), this::terminate);
            return;
        }
        state = State.COMPLETED;
        if (!transport.isReliable()) {
            scheduleTimerG(timers().t1());
        }
        after(timers().timeout(), this::terminate);
    }

    private void scheduleTimerG(Duration interval) {
        after(interval, () -> {
            if (state == State.COMPLETED) {
                resendLast();
                scheduleTimerG(timers().backoff(interval));
            }
        });
    }

    @Override
    void onRetransmission() {
        core.counters().retransmissionsReceived.increment();
        // In Accepted the 2xx is the call's to retransmit; a repeated INVITE is absorbed (RFC 6026 §8.5).
        if (state == State.PROCEEDING || state == State.COMPLETED) {
            sendLast();
        }
    }

    /** The ACK for a non-2xx final response (§17.2.1). */
    void onAck() {
        if (state == State.COMPLETED) {
            state = State.CONFIRMED;
            cancelTimers();
            terminateAfter(timers().linger(transport));
        } else {
            core.counters().retransmissionsReceived.increment();
        }
    }

    boolean isCompleted() {
        return state == State.COMPLETED || state == State.CONFIRMED;
    }
}
