package dev.parley.platform.calls;

import dev.parley.platform.signaling.ServerMessage;

/**
 * A party of a call or a member of a room: its device, the call id it knows the conversation
 * by, and what it says it sends. Touched only on its conversation's executor.
 */
final class Member {

    final Device device;
    final String callId;
    boolean audioMuted;
    boolean camera;
    boolean screenShare;
    boolean connected = true;
    final MemberMedia media = new MemberMedia();

    Member(Device device, String callId, boolean video) {
        this.device = device;
        this.callId = callId;
        this.camera = video;
    }

    String identity() {
        return device.identity();
    }

    ServerMessage.Participant participant() {
        return new ServerMessage.Participant(device.identity(), device.displayName(), audioMuted, camera, screenShare);
    }

    void send(ServerMessage message) {
        device.send(message);
    }
}
