package dev.parley.media.recording;

/**
 * Hears when recording files start and end. Called on a recorder thread (never the media
 * loop), in order for one file: started before finished. Do not block for long: hand slow
 * work (database rows, uploads) to another thread.
 */
public interface RecordingListener {

    /** The file exists on disk with its first data; {@code end} and {@code bytes} are what they were then. */
    default void onFileStarted(RecordedFile file) {
    }

    /** The file is final: Duration, Cues and sizes written, closed. */
    default void onFileFinished(RecordedFile file) {
    }

    /**
     * Writing {@code participant}'s file failed (disk full, no permission): it stops where it
     * was, as valid as a file cut there ({@code path} is the directory when the file could not
     * be created). Reported once per file; {@link #onFileFinished} still follows if it had started.
     */
    default void onWriteError(String participant, java.nio.file.Path path, java.io.IOException error) {
    }
}
