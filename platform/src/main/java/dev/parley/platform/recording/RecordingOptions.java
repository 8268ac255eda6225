package dev.parley.platform.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server records: where files go, and the tools composition and finalising use.
 *
 * @param directory        the local store's directory (config {@code recordings.dir}, default
 *                         {@code <data.dir>/recordings})
 * @param ffmpeg           the ffmpeg executable that composes (default {@code /usr/bin/ffmpeg});
 *                         missing, composition fails with a reason saying so
 * @param ffprobe          the ffprobe executable that reads durations of interrupted files
 *                         (default {@code /usr/bin/ffprobe}); missing, durations come from file times
 * @param composeTimeout   how long one composition may run before it is stopped and FAILED
 * @param maxCompositions  compositions running at once; more wait their turn (ffmpeg takes every
 *                         core it is given, and calls must keep theirs)
 */
public record RecordingOptions(Path directory, Path ffmpeg, Path ffprobe, Duration composeTimeout,
                               int maxCompositions) {

    public static final Path DEFAULT_FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path DEFAULT_FFPROBE = Path.of("/usr/bin/ffprobe");
    public static final Duration DEFAULT_COMPOSE_TIMEOUT = Duration.ofMinutes(30);

    public RecordingOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(ffmpeg, "ffmpeg");
        Objects.requireNonNull(ffprobe, "ffprobe");
        if (composeTimeout.isNegative() || composeTimeout.isZero()) {
            throw new IllegalArgumentException("composeTimeout must be positive");
        }
        if (maxCompositions < 1) {
            throw new IllegalArgumentException("maxCompositions must be at least 1");
        }
    }

    /** The defaults with files under {@code directory}; one composition at a time per two cores. */
    public static RecordingOptions defaults(Path directory) {
        return new RecordingOptions(directory, DEFAULT_FFMPEG, DEFAULT_FFPROBE, DEFAULT_COMPOSE_TIMEOUT,
                Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    public RecordingOptions withTools(Path newFfmpeg, Path newFfprobe) {
        return new RecordingOptions(directory, newFfmpeg, newFfprobe, composeTimeout, maxCompositions);
    }

    public RecordingOptions withComposeTimeout(Duration timeout) {
        return new RecordingOptions(directory, ffmpeg, ffprobe, timeout, maxCompositions);
    }
}
