package dev.parley.platform.signaling;

import java.time.Duration;

/**
 * Timings and limits of WebSocket signaling. The heartbeat, resume and quality timings are
 * part of the protocol (docs/signaling.md), so they are not configuration keys; tests shorten
 * them through this record.
 *
 * @param heartbeatInterval   how often a client pings (told to it in {@code registered})
 * @param heartbeatTimeout    silence after which the socket is closed with 4408
 * @param resumeWindow        how long a dropped session is held for {@code register} with {@code resume}
 * @param ringTimeout         a call nobody accepts within this ends with NO_ANSWER
 * @param maxRoomParticipants members a room holds at most
 * @param qualityInterval     how often network quality is computed per member
 */
public record SignalingSettings(Duration heartbeatInterval, Duration heartbeatTimeout, Duration resumeWindow,
                                Duration ringTimeout, int maxRoomParticipants, Duration qualityInterval) {

    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    public static SignalingSettings defaults() {
        return new SignalingSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofSeconds(60), 50, Duration.ofSeconds(2));
    }

    public SignalingSettings withHeartbeat(Duration interval, Duration timeout) {
        return new SignalingSettings(interval, timeout, resumeWindow, ringTimeout, maxRoomParticipants, qualityInterval);
    }

    public SignalingSettings withResumeWindow(Duration window) {
        return new SignalingSettings(heartbeatInterval, heartbeatTimeout, window, ringTimeout, maxRoomParticipants,
                qualityInterval);
    }

    public SignalingSettings withRingTimeout(Duration timeout) {
        return new SignalingSettings(heartbeatInterval, heartbeatTimeout, resumeWindow, timeout, maxRoomParticipants,
                qualityInterval);
    }

    public SignalingSettings withMaxRoomParticipants(int max) {
        return new SignalingSettings(heartbeatInterval, heartbeatTimeout, resumeWindow, ringTimeout, max, qualityInterval);
    }
}
