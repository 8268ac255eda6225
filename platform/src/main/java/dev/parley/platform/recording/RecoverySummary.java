package dev.parley.platform.recording;

/**
 * What {@link Recordings#recoverAfterRestart()} found: recordings cut off while RECORDING (now
 * finalised and marked interrupted) and recordings whose composition was cut off (composed again).
 */
public record RecoverySummary(int interrupted, int recomposed) {
}
