package dev.parley.platform.token;

/** The recording preference carried in an identity token (see the recording policy matrix). */
public enum RecordingCapability {
    DISABLED, ALWAYS, ON_DEMAND
}
