package dev.parley.platform.recording;

/** What a recording holds. Ordered: a call whose members ask for different types records the largest. */
public enum RecordingType {
    AUDIO,
    AUDIO_AND_VIDEO;

    /** The larger of two types: one member recording video makes the call's recording carry video. */
    public RecordingType max(RecordingType other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
