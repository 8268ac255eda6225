package dev.parley.platform.recording;

/** What was recorded: a one-to-one call between apps, a call with a phone or SIP endpoint, or a room. */
public enum CallType {
    WEBRTC_CALL,
    PHONE_CALL,
    ROOM_CALL
}
