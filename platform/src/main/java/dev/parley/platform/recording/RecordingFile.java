package dev.parley.platform.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One file of a recording, as stored. {@code end} and {@code duration} are empty while the
 * recorder still writes it. {@code storageKey} is where the {@link RecordingStore} keeps it.
 */
public record RecordingFile(String id, String recordingId, FileKind kind, Optional<String> participant, String name,
                            FileFormat format, List<String> codecs, long size, Instant start, Optional<Instant> end,
                            Optional<Duration> duration, String storageKey) {

    public RecordingFile {
        codecs = List.copyOf(codecs);
    }

    public boolean finished() {
        return end.isPresent();
    }

    /** The media type it is served as: {@code audio/webm} for a WebM file without video. */
    public String contentType() {
        if (format == FileFormat.WEBM && !FileInfo.hasVideo(format, codecs) && !codecs.isEmpty()) {
            return "audio/webm";
        }
        return format.contentType();
    }

    boolean hasVideo() {
        return FileInfo.hasVideo(format, codecs);
    }

    boolean hasAudio() {
        return FileInfo.hasAudio(codecs);
    }
}
