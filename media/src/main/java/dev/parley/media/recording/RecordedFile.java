package dev.parley.media.recording;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One file of a recording: one participant's audio and camera (or a second video track of
 * theirs, such as a screen share, in a file of its own).
 *
 * @param participant who published what is in it
 * @param path        where it is
 * @param format      webm, mkv, mka or ogg
 * @param codecs      the codecs in it, lower case (opus, vp8, h264, pcmu, pcma)
 * @param start       the wall-clock time of the file's time zero (its first packet)
 * @param end         the wall-clock time of its last frame's end
 * @param bytes       its size
 * @param video       whether it holds a video track
 * @param trackIds    the room tracks recorded in it (ids as in {@code Room.tracks()}), in the order they came
 */
public record RecordedFile(String participant, Path path, String format, List<String> codecs, Instant start,
                           Instant end, long bytes, boolean video, List<String> trackIds) {

    public RecordedFile {
        codecs = List.copyOf(codecs);
        trackIds = List.copyOf(trackIds);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
