package dev.parley.platform.calls;

import dev.parley.platform.signaling.ServerMessage;
import java.util.Optional;

/**
 * A party of a call or a member of a room: its device, the call id it knows the conversation
 * by, and what it says it sends. A phone or SIP endpoint is a member too: its device is a
 * {@link PhoneDevice} and its media a plain-RTP leg ({@link #phone}). Touched only on its
 * conversation's executor.
 */
final class Member {

    final Device device;
    final String callId;
    /**
     * The name the other members know this one by: the device's identity, or the source a
     * dynamic destination callback chose to show instead (number masking). It also names the
     * member's tracks in the SFU room, so nothing the others receive carries the real one.
     */
    private final String shownAs;
    /** The member's plain-RTP leg when it is a phone or SIP endpoint. */
    final Optional<PhoneLeg> phone;
    /** What this member's settings ask to record (RecordingPolicy); a phone asks for nothing itself. */
    Optional<dev.parley.platform.recording.RecordingType> recording = Optional.empty();
    boolean audioMuted;
    boolean camera;
    boolean screenShare;
    boolean connected = true;
    final MemberMedia media = new MemberMedia();

    Member(Device device, String callId, boolean video) {
        this(device, callId, video, device.identity(), Optional.empty());
    }

    Member(Device device, String callId, boolean video, String shownAs, Optional<PhoneLeg> phone) {
        this.device = device;
        this.callId = callId;
        this.camera = video;
        this.shownAs = shownAs;
        this.phone = phone;
    }

    /** The name others see, which also names the member's media in the SFU room. */
    String identity() {
        return shownAs;
    }

    /** How {@code to} knows this member: itself by its own identity, everyone else by {@link #identity()}. */
    String nameFor(Member to) {
        return to == this ? device.identity() : shownAs;
    }

    boolean isPhone() {
        return phone.isPresent();
    }

    ServerMessage.Participant participant() {
        return new ServerMessage.Participant(shownAs, shownAs.equals(device.identity()) ? device.displayName() : shownAs,
                audioMuted, camera, screenShare);
    }

    void send(ServerMessage message) {
        device.send(message);
    }
}
