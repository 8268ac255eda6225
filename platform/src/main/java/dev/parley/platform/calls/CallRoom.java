package dev.parley.platform.calls;

import dev.parley.platform.signaling.ClientMessage;
import dev.parley.platform.signaling.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A room of one account: created on first join, closed when its last member leaves, at most
 * {@code rooms.max-participants} members, one membership per identity. Each member knows the
 * room by its own call id. Runs on its own executor.
 */
final class CallRoom extends Conversation {

    final String name;
    /** This room's session (a room emptied and joined again is a new one): its recording's call id. */
    private final String session = dev.parley.platform.common.Secrets.id("room", 20);
    private final List<Member> members = new ArrayList<>();
    private boolean closed;

    CallRoom(CallService service, String accountId, String name) {
        super(service, accountId, accountId + "/room/" + name);
        this.name = name;
    }

    /** Joins {@code device}; false when the room closed meanwhile (the caller retries on a new one). */
    boolean join(Device device, ClientMessage.JoinRoom join) {
        if (closed) {
            return false;
        }
        if (members.stream().anyMatch(m -> m.identity().equals(device.identity()))) {
            error(device, join, ErrorCode.INVALID_STATE.info(device.identity() + " is already in room " + name));
            return true;
        }
        if (members.size() >= service.settings().maxRoomParticipants()) {
            error(device, join, ErrorCode.ROOM_FULL.info("room " + name + " has its maximum of "
                    + service.settings().maxRoomParticipants() + " participants"));
            return true;
        }
        var member = device instanceof PhoneDevice phone ? phone.member(service.newCallId(), phone.identity())
                : new Member(device, service.newCallId(), join.video() == null || join.video());
        if (!(device instanceof PhoneDevice)) {
            member.recording = recordingOutcome(device, join.recording());
        }
        var present = members.stream().map(Member::participant).toList();
        members.add(member);
        service.joined(device, this, member.callId);
        member.send(new ServerMessage.RoomJoined(join.requestId(), member.callId, name, present));
        for (Member other : others(member)) {
            other.send(new ServerMessage.ParticipantJoined(other.callId, member.participant()));
        }
        membersChanged();
        return true;
    }

    @Override
    List<Member> members() {
        return List.copyOf(members);
    }

    @Override
    Optional<Member> member(Device device, String callId) {
        return members.stream().filter(m -> m.device == device && m.callId.equals(callId)).findFirst();
    }

    @Override
    boolean mediaFlows() {
        return true;
    }

    @Override
    String kind() {
        return "room";
    }

    @Override
    boolean recordable() {
        return !closed;
    }

    @Override
    boolean audioOnlyRecording() {
        return false; // a phone member's file is audio only all the same
    }

    @Override
    dev.parley.platform.recording.CallType recordingCallType() {
        return dev.parley.platform.recording.CallType.ROOM_CALL;
    }

    @Override
    String recordingCallId() {
        return session;
    }

    @Override
    String status() {
        return "ESTABLISHED";
    }

    @Override
    List<String> callIdsOf(Device device) {
        return members.stream().filter(m -> m.device == device).map(m -> m.callId).toList();
    }

    @Override
    void handle(Device device, ClientMessage.CallScoped message) {
        Optional<Member> found = member(device, message.callId());
        if (found.isEmpty()) {
            error(device, message, ErrorCode.UNKNOWN_CALL.info("callId " + message.callId() + " is not one of your rooms"));
            return;
        }
        Member member = found.get();
        switch (message) {
            case ClientMessage.LeaveRoom leave -> leave(member, ErrorCode.NORMAL_HANGUP, leave.requestId());
            case ClientMessage.Hangup hangup -> leave(member, ErrorCode.NORMAL_HANGUP, hangup.requestId());
            case ClientMessage.Accept accept ->
                    error(device, message, ErrorCode.INVALID_STATE.info("a room membership cannot be accepted"));
            case ClientMessage.Decline decline ->
                    error(device, message, ErrorCode.INVALID_STATE.info("a room membership cannot be declined"));
            case ClientMessage.Hold hold ->
                    error(device, message, ErrorCode.INVALID_REQUEST.info("hold is for one-to-one calls"));
            default -> handleMedia(member, message);
        }
    }

    @Override
    void deviceGone(Device device) {
        for (Member member : members()) {
            if (member.device == device) {
                leave(member, ErrorCode.CONNECTION_LOST, null);
            }
        }
    }

    private void leave(Member member, ErrorCode reason, String requestId) {
        if (!members.remove(member)) {
            return;
        }
        member.send(new ServerMessage.RoomLeft(requestId, member.callId, reason.info()));
        for (Member other : members) {
            other.send(new ServerMessage.ParticipantLeft(other.callId, member.participant()));
        }
        service.left(member.device, this, member.callId);
        media.memberLeft(member);
        closeIfEmpty();
    }

    private void closeIfEmpty() {
        if (members.isEmpty() && !closed) {
            closed = true;
            recording.stop();
            media.close();
            service.roomClosed(this);
        }
    }
}
