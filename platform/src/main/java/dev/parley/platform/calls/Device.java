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

    /** Sends without blocking; dropped when the socket is down (the client resyncs on resume). */
    void send(ServerMessage message);
}
