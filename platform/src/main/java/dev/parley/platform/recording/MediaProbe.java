package dev.parley.platform.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a media file's duration with ffprobe. A file a killed recorder left often has no
 * duration in its header (WebM and Matroska write it when they close), so then the last
 * packet's time is used, which needs a pass over the packets but no decoding.
 */
public final class MediaProbe {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path ffprobe;
    private final ObjectMapper mapper = new ObjectMapper();

    public MediaProbe(Path ffprobe) {
        this.ffprobe = ffprobe;
    }

    public boolean available() {
        return Files.isExecutable(ffprobe);
    }

    /** The duration; empty when ffprobe is missing or cannot read the file. */
    public Optional<Duration> duration(Path file) {
        if (!available() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            OptionalDouble header = seconds(run(List.of("-show_entries", "format=duration", file.toString())),
                    "format");
            if (header.isPresent()) {
                return Optional.of(toDuration(header.getAsDouble()));
            }
            OptionalDouble last = lastPacket(run(List.of("-show_entries", "packet=pts_time,duration_time",
                    file.toString())));
            return last.isPresent() ? Optional.of(toDuration(last.getAsDouble())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private JsonNode run(List<String> arguments) throws IOException {
        var command = new java.util.ArrayList<String>(List.of(ffprobe.toString(), "-v", "error", "-of", "json"));
        command.addAll(arguments);
        ChildProcess.Result result = ChildProcess.run(command, TIMEOUT);
        if (!result.succeeded()) {
            throw new IOException("ffprobe failed: " + result.reason(300));
        }
        return mapper.readTree(result.stdout());
    }

    private static OptionalDouble seconds(JsonNode root, String section) {
        JsonNode value = root.path(section).path("duration");
        return number(value);
    }

    /** The end of the last packet: its time plus its own duration, over all streams. */
    private static OptionalDouble lastPacket(JsonNode root) {
        double end = -1;
        for (JsonNode packet : root.path("packets")) {
            OptionalDouble pts = number(packet.path("pts_time"));
            if (pts.isPresent()) {
                end = Math.max(end, pts.getAsDouble() + number(packet.path("duration_time")).orElse(0));
            }
        }
        return end >= 0 ? OptionalDouble.of(end) : OptionalDouble.empty();
    }

    private static OptionalDouble number(JsonNode value) {
        try {
            double seconds = Double.parseDouble(value.asText(""));
            return Double.isFinite(seconds) && seconds >= 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
