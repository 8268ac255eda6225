package dev.parley.platform.recording;

/**
 * Where a recording is in its life: RECORDING while the call or room runs; PROCESSING while
 * its composition runs; READY when its files are final; FAILED when composition failed (the
 * participants' files are still there, and the reason says what went wrong).
 */
public enum RecordingStatus {
    RECORDING,
    PROCESSING,
    READY,
    FAILED
}
