package dev.parley.media.recording;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to record of a room.
 *
 * @param video      true: audio and video (WebM, or Matroska where WebM cannot hold a codec);
 *                   false: audio only (Ogg Opus, or Matroska audio for G.711); phone
 *                   participants are always recorded as audio only
 * @param directory  where the files go (created if missing)
 * @param namePrefix the start of every file name: {@code prefix-participant[-n].ext}
 */
public record RecordingSpec(boolean video, Path directory, String namePrefix) {

    public RecordingSpec {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(namePrefix, "namePrefix");
        namePrefix = FileNames.sanitize(namePrefix);
    }

    public static RecordingSpec audioAndVideo(Path directory, String namePrefix) {
        return new RecordingSpec(true, directory, namePrefix);
    }

    public static RecordingSpec audio(Path directory, String namePrefix) {
        return new RecordingSpec(false, directory, namePrefix);
    }
}
