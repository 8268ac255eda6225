package dev.parley.platform.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Makes a file that a stopped recorder never closed as playable as it can be, in place, and
 * tells its media duration when it knows it. Used after a restart on the files of recordings
 * that were RECORDING when the server stopped. The integrator wires the media module's
 * finalizer here (which can rewrite a WebM's cues and duration); the default,
 * {@link #probing(MediaProbe)}, keeps the file as it is and reads its duration with ffprobe.
 */
@FunctionalInterface
public interface FileFinalizer {

    Optional<Duration> finalizeFile(Path file, FileFormat format) throws IOException;

    /** Keeps the file as is; the duration from ffprobe, when it is installed and can read the file. */
    static FileFinalizer probing(MediaProbe probe) {
        return (file, format) -> probe.duration(file);
    }
}
