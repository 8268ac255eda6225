package dev.parley.platform.calls;

import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * A one-to-one call: CALLING, RINGING (callee devices told), ESTABLISHED (one accepted),
 * FINISHED. Every connected device of the callee rings; the first to accept wins. Runs on its
 * own executor; {@link CallService} only creates it and routes messages to it.
 */
final class Call extends Conversation {

    enum State { CALLING, RINGING, ESTABLISHED, FINISHED }

    final String callId;
    final Member caller;
    final String callee;
    private final boolean video;
    private final Map<String, String> customData;
    private final List<Device> ringing = new ArrayList<>();
    private Member answered;
    private volatile State state = State.CALLING;
    private Instant establishedAt;
    private ScheduledFuture<?> ringTimer;
    private String heldBy;

    Call(CallService service, String callId, Device caller, String callee, boolean video, Map<String, String> customData) {
        super(service, caller.accountId(), caller.accountId() + "/call/" + callId);
        this.callId = callId;
        this.caller = new Member(caller, callId, video);
        this.callee = callee;
        this.video = video;
        this.customData = customData;
    }

    State state() {
        return state;
    }

    /** Whether {@code identity} takes part (for BUSY). Read from other threads: only the volatile state. */
    boolean involves(String identity) {
        return state != State.FINISHED && (caller.identity().equals(identity) || callee.equals(identity));
    }

    /** Rings the callee's devices; ends the call at once when there is none to ring. */
    void start(List<Device> devices) {
        ringing.addAll(devices);
        var incoming = new ServerMessage.IncomingCall(callId, caller.identity(), caller.device.displayName(), video,
                customData);
        ringing.forEach(device -> device.send(incoming));
        state = State.RINGING;
        caller.send(new ServerMessage.CallRinging(callId));
        ringTimer = service.schedule(service.settings().ringTimeout(), () -> executor.execute(() -> {
            if (state == State.RINGING) {
                end(ErrorCode.NO_ANSWER);
            }
        }));
    }

    @Override
    List<Member> members() {
        return answered == null ? List.of(caller) : List.of(caller, answered);
    }

    @Override
    Optional<Member> member(Device device, String id) {
        return members().stream().filter(m -> m.device == device).findFirst();
    }

    @Override
    boolean mediaFlows() {
        return state == State.ESTABLISHED;
    }

    @Override
    String kind() {
        return "call";
    }

    @Override
    String status() {
        return state.name();
    }

    @Override
    List<String> callIdsOf(Device device) {
        return List.of(callId);
    }

    @Override
    void handle(Device device, ClientMessage.CallScoped message) {
        if (state == State.FINISHED) {
            error(device, message, ErrorCode.UNKNOWN_CALL.info("call " + callId + " has ended"));
            return;
        }
        boolean rung = ringing.contains(device);
        Optional<Member> member = member(device, callId);
        if (!rung && member.isEmpty()) {
            error(device, message, ErrorCode.UNKNOWN_CALL.info("callId " + callId + " is not one of your calls"));
            return;
        }
        switch (message) {
            case ClientMessage.Accept accept -> accept(device, accept);
            case ClientMessage.Decline decline -> {
                if (!rung || state != State.RINGING) {
                    error(device, message, ErrorCode.INVALID_STATE.info("only a ringing callee can decline"));
                } else {
                    end(ErrorCode.REJECTED);
                }
            }
            case ClientMessage.Hangup hangup -> hangup(device, member);
            case ClientMessage.Hold hold -> member.ifPresentOrElse(m -> hold(m, hold),
                    () -> error(device, message, ErrorCode.INVALID_STATE.info("the call is not established")));
            case ClientMessage.LeaveRoom leave ->
                    error(device, message, ErrorCode.INVALID_REQUEST.info("callId names a call, not a room: use hangup"));
            default -> member.ifPresentOrElse(m -> handleMedia(m, message),
                    () -> error(device, message, ErrorCode.INVALID_STATE.info("accept the call before sending media")));
        }
    }

    private void accept(Device device, ClientMessage.Accept accept) {
        if (state != State.RINGING || !ringing.contains(device)) {
            error(device, accept, ErrorCode.INVALID_STATE.info("the call is " + state + "; only a ringing call can be accepted"));
            return;
        }
        state = State.ESTABLISHED;
        establishedAt = service.clock().instant();
        cancelRingTimer();
        answered = new Member(device, callId, accept.video() == null || accept.video());
        service.joined(answered.device, this);
        for (Device other : ringing) {
            if (other != device) {
                other.send(new ServerMessage.CallEnded(callId, ErrorCode.ANSWERED_ELSEWHERE.info(), 0));
            }
        }
        ringing.clear();
        String start = establishedAt.toString();
        caller.send(new ServerMessage.CallEstablished(null, callId, start));
        answered.send(new ServerMessage.CallEstablished(accept.requestId(), callId, start));
        media.membersChanged();
    }

    private void hangup(Device device, Optional<Member> member) {
        if (state == State.ESTABLISHED) {
            end(ErrorCode.NORMAL_HANGUP);
        } else if (member.isPresent()) {
            end(ErrorCode.CANCELLED);
        } else {
            end(ErrorCode.REJECTED);
        }
    }

    private void hold(Member member, ClientMessage.Hold hold) {
        if (state != State.ESTABLISHED) {
            error(member.device, hold, ErrorCode.INVALID_STATE.info("only an established call can be held"));
            return;
        }
        boolean onHold = hold.onHold();
        if (onHold == (heldBy != null)) {
            error(member.device, hold, ErrorCode.INVALID_STATE.info(onHold ? "the call is already on hold" : "the call is not on hold"));
            return;
        }
        if (!onHold && !heldBy.equals(member.identity())) {
            error(member.device, hold, ErrorCode.INVALID_STATE.info("only " + heldBy + ", who put the call on hold, can resume it"));
            return;
        }
        heldBy = onHold ? member.identity() : null;
        media.setHeld(onHold);
        for (Member m : members()) {
            m.send(new ServerMessage.HoldChanged(callId, onHold, member.identity()));
        }
    }

    boolean held() {
        return heldBy != null;
    }

    @Override
    void deviceGone(Device device) {
        if (state == State.FINISHED) {
            return;
        }
        if (members().stream().anyMatch(m -> m.device == device)) {
            end(ErrorCode.CONNECTION_LOST);
        } else {
            // A ringing device that went away: the others keep ringing until the timeout.
            ringing.remove(device);
        }
    }

    /** Ends the call for everyone involved, closes its media and forgets it. */
    void end(ErrorCode reason) {
        if (state == State.FINISHED) {
            return;
        }
        boolean wasEstablished = state == State.ESTABLISHED;
        state = State.FINISHED;
        cancelRingTimer();
        long duration = wasEstablished ? Math.max(0, service.clock().millis() - establishedAt.toEpochMilli()) : 0;
        var ended = new ServerMessage.CallEnded(callId, reason.info(), duration);
        caller.send(ended);
        if (answered != null) {
            answered.send(ended);
        }
        ringing.forEach(device -> device.send(ended));
        ringing.clear();
        media.close();
        service.finished(this);
    }

    private void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }
}
