package dev.parley.platform.recording;

/** An account's recording setting (the seed's "recording preferences"). */
public enum AccountRecording {
    NO_RECORDING,
    AUDIO,
    AUDIO_AND_VIDEO
}
