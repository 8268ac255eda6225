package dev.parley.media.recording;

/** A recording cannot be started or stopped as asked (no such room, no such recording, an unusable directory). */
public final class RecordingException extends RuntimeException {

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
