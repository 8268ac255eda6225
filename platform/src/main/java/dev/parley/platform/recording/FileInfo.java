package dev.parley.platform.recording;

import dev.parley.platform.common.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the recorder reports about one participant's file: whose it is, its container, the
 * codecs in it (such as {@code OPUS}, {@code VP8}, {@code H264}, {@code PCMU}), and when it
 * started and, once closed, ended. The size is not reported: it is read from the store, which
 * is the truth about what was written.
 */
public record FileInfo(Participant participant, FileFormat format, List<String> codecs, Instant start,
                       Optional<Instant> end) {

    private static final Pattern CODEC = Pattern.compile("^[A-Za-z0-9.\\-]{1,16}$");
    private static final int MAX_CODECS = 4;

    public FileInfo {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        codecs = List.copyOf(codecs);
        if (codecs.size() > MAX_CODECS || codecs.stream().anyMatch(codec -> !CODEC.matcher(codec).matches())) {
            throw new InvalidInput("codecs", "at most " + MAX_CODECS + " names of 1 to 16 letters, digits, . or -");
        }
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new InvalidInput("end", "must not be before start");
        }
    }

    /** A file the recorder has just opened. */
    public static FileInfo started(Participant participant, FileFormat format, List<String> codecs, Instant start) {
        return new FileInfo(participant, format, codecs, start, Optional.empty());
    }

    /** The same file, closed at {@code end}. */
    public FileInfo finishedAt(Instant end) {
        return new FileInfo(participant, format, codecs, start, Optional.of(end));
    }

    /** True when the codecs name a video codec: such a file gets a tile in a composed video. */
    public static boolean hasVideo(FileFormat format, List<String> codecs) {
        return !format.audioOnly() && codecs.stream().anyMatch(FileInfo::isVideoCodec);
    }

    /** True when the codecs name an audio codec, or name nothing at all (then the file is assumed to have audio). */
    public static boolean hasAudio(List<String> codecs) {
        return codecs.isEmpty() || codecs.stream().anyMatch(codec -> !isVideoCodec(codec));
    }

    private static boolean isVideoCodec(String codec) {
        return switch (codec.toUpperCase(java.util.Locale.ROOT)) {
            case "VP8", "VP9", "H264", "H.264", "AV1", "H265", "HEVC" -> true;
            default -> false;
        };
    }
}
