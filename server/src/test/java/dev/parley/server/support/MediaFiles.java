package dev.parley.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real media files for recording tests, made with ffmpeg's lavfi sources (a test picture and a
 * tone), and read back with ffprobe. Without ffmpeg the test is skipped, unless
 * {@code PARLEY_TEST_REQUIRE_FFMPEG=1} says it must run.
 */
public final class MediaFiles {

    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    /** One stream as ffprobe sees it. */
    public record Stream(String type, String codec, int width, int height) {
    }

    /** A file as ffprobe sees it. */
    public record Probe(Duration duration, List<Stream> streams) {
        public boolean has(String type) {
            return streams.stream().anyMatch(s -> s.type().equals(type));
        }

        public Stream video() {
            return streams.stream().filter(s -> s.type().equals("video")).findFirst()
                    .orElseThrow(() -> new AssertionError("no video stream in " + streams));
        }
    }

    private MediaFiles() {
    }

    public static void requireFfmpeg() {
        if (Files.isExecutable(FFMPEG) && Files.isExecutable(FFPROBE)) {
            return;
        }
        if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_FFMPEG"))) {
            throw new AssertionError("PARLEY_TEST_REQUIRE_FFMPEG=1 but " + FFMPEG + " or " + FFPROBE + " is missing");
        }
        Assumptions.abort("ffmpeg and ffprobe are not installed (Debian: apt-get install ffmpeg)");
    }

    /** A WebM with VP8 video of the given size and an Opus tone, {@code seconds} long. */
    public static Path webm(Path out, int width, int height, double seconds, int toneHz) {
        run(List.of(FFMPEG.toString(), "-v", "error", "-y",
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc=size=%dx%d:rate=15:duration=%.3f", width, height, seconds),
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=%d:duration=%.3f", toneHz, seconds),
                "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "150k", "-c:a", "libopus",
                "-shortest", out.toString()));
        return out;
    }

    /**
     * A WebM as a live recorder leaves it when it is killed: written as a stream (no duration
     * in its header, no cues), then cut off after {@code keepBytes}.
     */
    public static Path cutLiveWebm(Path out, int width, int height, double seconds, int keepBytes) {
        Path whole = out.resolveSibling(out.getFileName() + ".whole");
        try {
            Process process = new ProcessBuilder(FFMPEG.toString(), "-v", "error", "-y",
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "testsrc=size=%dx%d:rate=15:duration=%.3f", width, height, seconds),
                    "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=440:duration=%.3f", seconds),
                    "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "150k", "-c:a", "libopus",
                    "-shortest", "-f", "webm", "pipe:1")
                    .redirectOutput(whole.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("ffmpeg could not write a live WebM");
            }
            byte[] bytes = Files.readAllBytes(whole);
            Files.write(out, java.util.Arrays.copyOf(bytes, Math.min(keepBytes, bytes.length)));
            Files.delete(whole);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** An Ogg Opus tone, {@code seconds} long. */
    public static Path ogg(Path out, double seconds, int toneHz) {
        run(List.of(FFMPEG.toString(), "-v", "error", "-y",
                "-f", "lavfi", "-i", String.format(Locale.ROOT, "sine=frequency=%d:duration=%.3f", toneHz, seconds),
                "-c:a", "libopus", out.toString()));
        return out;
    }

    public static Probe probe(Path file) {
        String json = run(List.of(FFPROBE.toString(), "-v", "error", "-of", "json", "-show_entries",
                "format=duration:stream=codec_type,codec_name,width,height", file.toString()));
        try {
            JsonNode root = Http.JSON.readTree(json);
            var streams = new ArrayList<Stream>();
            for (JsonNode s : root.path("streams")) {
                streams.add(new Stream(s.path("codec_type").asText(), s.path("codec_name").asText(),
                        s.path("width").asInt(0), s.path("height").asInt(0)));
            }
            double seconds = Double.parseDouble(root.path("format").path("duration").asText("0"));
            return new Probe(Duration.ofMillis(Math.round(seconds * 1000)), streams);
        } catch (IOException e) {
            throw new AssertionError("ffprobe answered something that is not JSON: " + json, e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(command + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
