package dev.parley.media.recording;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to record of a room.
 *
 * @param video      true: audio and video (WebM, or Matroska where WebM cannot hold a codec);
 *                   false: audio only (Ogg Opus, or Matroska audio for G.711); phone
 *                   participants are always recorded as audio only
 * @param directory  where the files go (created if missing)
 * @param namePrefix the start of every file name: {@code prefix-participant[-n].ext}
 * @param fileNames  when present, names each new file instead (given the participant, it
 *                   answers the name without extension; called on the media loop, so it must
 *                   not block): a platform that lists files by its own ids names them so; the
 *                   answer is sanitized like a participant
 */
public record RecordingSpec(boolean video, Path directory, String namePrefix,
                            Optional<Function<String, String>> fileNames) {

    public RecordingSpec {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(fileNames, "fileNames");
        namePrefix = FileNames.sanitize(namePrefix);
    }

    public RecordingSpec(boolean video, Path directory, String namePrefix) {
        this(video, directory, namePrefix, Optional.empty());
    }

    public static RecordingSpec audioAndVideo(Path directory, String namePrefix) {
        return new RecordingSpec(true, directory, namePrefix);
    }

    public static RecordingSpec audio(Path directory, String namePrefix) {
        return new RecordingSpec(false, directory, namePrefix);
    }

    /** The name (without extension) of the next file of {@code participant}, the {@code nth} of the recording. */
    String fileName(String participant, int nth) {
        return fileNames.map(names -> FileNames.sanitize(names.apply(participant)))
                .orElseGet(() -> namePrefix + "-" + FileNames.sanitize(participant) + (nth <= 1 ? "" : "-" + nth));
    }
}
