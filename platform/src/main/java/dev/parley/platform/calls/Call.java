package dev.parley.platform.calls;

import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * A one-to-one call: CALLING, RINGING (callee devices told), ESTABLISHED (one accepted),
 * FINISHED. Every connected device of the callee rings; the first to accept wins. Either party
 * may be a phone or SIP endpoint ({@link PhoneDevice}): a dialled phone is the callee's one
 * "device", which rings on its SIP 18x, may send early media, and accepts with its 200; a phone
 * that called in is the caller. Runs on its own executor; {@link CallService} only creates it
 * and routes messages to it.
 */
final class Call extends Conversation {

    enum State { CALLING, RINGING, ESTABLISHED, FINISHED }

    final String callId;
    final Member caller;
    final String callee;
    /** WEBRTC, PHONE or SIP: what the callee is told the caller is. */
    private final String callerType;
    private final boolean video;
    private final Map<String, String> customData;
    private final List<Device> ringing = new ArrayList<>();
    private Member answered;
    /** A dialled phone sending early media: it hears and is heard before it answers. */
    private Member early;
    private volatile State state = State.CALLING;
    private Instant establishedAt;
    private ScheduledFuture<?> ringTimer;
    private String heldBy;
    private Consumer<Call> onEnded = call -> { };
    private ErrorCode endReason;

    Call(CallService service, String callId, Member caller, String callerType, String callee, boolean video,
         Map<String, String> customData) {
        super(service, caller.device.accountId(), caller.device.accountId() + "/call/" + callId);
        this.callId = callId;
        this.caller = caller;
        this.callerType = callerType;
        this.callee = callee;
        this.video = video;
        this.customData = customData;
    }

    State state() {
        return state;
    }

    /** Called once the call ended (on its executor): dynamic destinations report its status. */
    void onEnded(Consumer<Call> listener) {
        this.onEnded = listener;
    }

    /** Why the call ended; empty while it goes on. */
    Optional<ErrorCode> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** Milliseconds since establishment (0 when never established). */
    long duration() {
        return establishedAt == null ? 0 : Math.max(0, service.clock().millis() - establishedAt.toEpochMilli());
    }

    boolean wasEstablished() {
        return establishedAt != null;
    }

    /** Whether {@code identity} takes part (for BUSY). Read from other threads: only the volatile state. */
    boolean involves(String identity) {
        return state != State.FINISHED && (caller.device.identity().equals(identity) || callee.equals(identity));
    }

    /**
     * Rings the callee's devices; ends the call at once when there is none to ring. A WebRTC
     * device rings now; a dialled phone rings when its 18x comes.
     */
    void start(List<Device> devices) {
        ringing.addAll(devices);
        var incoming = new ServerMessage.IncomingCall(callId, caller.identity(), caller.participant().displayName(),
                callerType, video, customData);
        ringing.forEach(device -> device.send(incoming));
        if (ringing.stream().anyMatch(d -> !(d instanceof PhoneDevice phone && phone.ringsLater()))) {
            ringingNow();
        }
        ringTimer = service.schedule(service.settings().ringTimeout(), () -> executor.execute(() -> {
            if (state == State.RINGING || state == State.CALLING) {
                end(ErrorCode.NO_ANSWER);
            }
        }));
    }

    private void ringingNow() {
        if (state == State.CALLING) {
            state = State.RINGING;
            caller.send(new ServerMessage.CallRinging(callId));
        }
    }

    @Override
    void calleeRinging(Device device) {
        if (ringing.contains(device)) {
            ringingNow();
        }
    }

    @Override
    void calleeEarlyMedia(Device device) {
        if (!(device instanceof PhoneDevice phone) || !ringing.contains(device) || answered != null || early != null
                || state == State.FINISHED) {
            return;
        }
        ringingNow();
        early = phone.member(callId, phone.identity());
        caller.send(new ServerMessage.CallEarlyMedia(callId));
        membersChanged();
    }

    @Override
    void calleeRefused(Device device, ErrorCode reason, String detail) {
        if (ringing.contains(device) && state != State.FINISHED) {
            end(reason);
        }
    }

    @Override
    List<Member> members() {
        if (answered != null) {
            return List.of(caller, answered);
        }
        return early != null ? List.of(caller, early) : List.of(caller);
    }

    @Override
    Optional<Member> member(Device device, String id) {
        return members().stream().filter(m -> m.device == device).findFirst();
    }

    @Override
    boolean mediaFlows() {
        return state == State.ESTABLISHED || (early != null && state != State.FINISHED);
    }

    @Override
    String kind() {
        return "call";
    }

    @Override
    boolean recordable() {
        return state == State.ESTABLISHED;
    }

    @Override
    boolean audioOnlyRecording() {
        return caller.isPhone() || members().stream().anyMatch(Member::isPhone)
                || ringing.stream().anyMatch(d -> d instanceof PhoneDevice);
    }

    @Override
    dev.parley.platform.recording.CallType recordingCallType() {
        return audioOnlyRecording() ? dev.parley.platform.recording.CallType.PHONE_CALL
                : dev.parley.platform.recording.CallType.WEBRTC_CALL;
    }

    @Override
    String recordingCallId() {
        return callId;
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
            case ClientMessage.Hold hold -> member.filter(m -> state == State.ESTABLISHED).ifPresentOrElse(
                    m -> hold(m, hold.onHold(), hold),
                    () -> error(device, message, ErrorCode.INVALID_STATE.info("the call is not established")));
            case ClientMessage.LeaveRoom leave ->
                    error(device, message, ErrorCode.INVALID_REQUEST.info("callId names a call, not a room: use hangup"));
            default -> member.ifPresentOrElse(m -> handleMedia(m, message),
                    () -> error(device, message, ErrorCode.INVALID_STATE.info("accept the call before sending media")));
        }
    }

    private void accept(Device device, ClientMessage.Accept accept) {
        // A dialled phone may answer without ringing first (200 with no 18x).
        boolean canAccept = state == State.RINGING || (state == State.CALLING && device instanceof PhoneDevice);
        if (!canAccept || !ringing.contains(device)) {
            error(device, accept, ErrorCode.INVALID_STATE.info("the call is " + state + "; only a ringing call can be accepted"));
            return;
        }
        state = State.ESTABLISHED;
        establishedAt = service.clock().instant();
        cancelRingTimer();
        answered = device instanceof PhoneDevice phone ? phone.member(callId, phone.identity())
                : new Member(device, callId, accept.video() == null || accept.video());
        if (!(device instanceof PhoneDevice)) {
            answered.recording = recordingOutcome(device, accept.recording());
        }
        early = null;
        if (!(device instanceof PhoneDevice)) {
            service.joined(answered.device, this);
        }
        for (Device other : ringing) {
            if (other != device) {
                other.send(new ServerMessage.CallEnded(callId, ErrorCode.ANSWERED_ELSEWHERE.info(), 0));
            }
        }
        ringing.clear();
        String start = establishedAt.toString();
        caller.send(new ServerMessage.CallEstablished(null, callId, start));
        answered.send(new ServerMessage.CallEstablished(accept.requestId(), callId, start));
        membersChanged();
    }

    private void hangup(Device device, Optional<Member> member) {
        if (state == State.ESTABLISHED) {
            end(ErrorCode.NORMAL_HANGUP);
        } else if (member.isPresent() && member.get() == caller) {
            end(ErrorCode.CANCELLED);
        } else {
            end(ErrorCode.REJECTED);
        }
    }

    @Override
    void phoneHeld(Member member, boolean onHold) {
        if (state == State.ESTABLISHED && members().contains(member) && onHold != (heldBy != null)) {
            hold(member, onHold, null);
        }
    }

    private void hold(Member member, boolean onHold, ClientMessage.Hold request) {
        Consumer<String> refuse = reason -> {
            if (request != null) {
                error(member.device, request, ErrorCode.INVALID_STATE.info(reason));
            }
        };
        if (onHold == (heldBy != null)) {
            refuse.accept(onHold ? "the call is already on hold" : "the call is not on hold");
            return;
        }
        if (!onHold && !heldBy.equals(member.identity())) {
            refuse.accept("only " + heldBy + ", who put the call on hold, can resume it");
            return;
        }
        heldBy = onHold ? member.identity() : null;
        media.setHeld(onHold);
        for (Member m : members()) {
            m.send(new ServerMessage.HoldChanged(callId, onHold, member.nameFor(m)));
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
        long duration = duration();
        state = State.FINISHED;
        endReason = reason;
        cancelRingTimer();
        var ended = new ServerMessage.CallEnded(callId, reason.info(), duration);
        caller.send(ended);
        if (answered != null) {
            answered.send(ended);
        }
        ringing.forEach(device -> device.send(ended));
        ringing.clear();
        recording.stop();
        media.close();
        service.finished(this);
        onEnded.accept(this);
    }

    private void cancelRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }
}
