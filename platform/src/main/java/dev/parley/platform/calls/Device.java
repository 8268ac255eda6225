package dev.parley.platform.calls;

import dev.parley.platform.signaling.ServerMessage;

/** One registered client (a signaling session) as calls and rooms see it. */
public interface Device {

    String sessionId();

    String accountId();

    String identity();

    String displayName();

    /** True while its socket is up; false while the session is held for resumption. */
    boolean isOnline();

    /** The recording capability of the device's token (none for phones and apps). */
    default java.util.Optional<dev.parley.platform.token.RecordingCapability> recordingCapability() {
        return java.util.Optional.empty();
    }

    /** Sends without blocking; dropped when the socket is down (the client resyncs on resume). */
    void send(ServerMessage message);
}
