package dev.parley.media.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * ffprobe and ffmpeg as the judges of recorded files. Tests that need them skip where they are
 * missing, and fail instead when {@code PARLEY_TEST_REQUIRE_SIPP=1} says the machine must have
 * every external tool (as {@code ./parley test} and CI do).
 */
public final class Ffprobe {

    private Ffprobe() {
    }

    /** Skips (or fails, when the tools are required) a test where ffprobe and ffmpeg are missing. */
    public static void assumeAvailable() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/ffprobe")) && Files.isExecutable(Path.of("/usr/bin/ffmpeg"))
                || onPath("ffprobe") && onPath("ffmpeg");
        if (!present) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_SIPP"))) {
                fail("ffprobe/ffmpeg are required (PARLEY_TEST_REQUIRE_SIPP=1) but not installed");
            }
            Assumptions.abort("ffprobe/ffmpeg not installed");
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** A process's exit code and output. */
    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... command) {
        try {
            Path out = Files.createTempFile("parley-probe", ".out");
            Path err = Files.createTempFile("parley-probe", ".err");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail("timed out: " + String.join(" ", command));
                }
                return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What ffprobe says of a file, flattened: {@code format.duration}, {@code format.format_name},
     * {@code streams.stream.0.codec_name}, {@code ...width}, {@code ...start_time}... Fails when it
     * does not parse.
     */
    public static Map<String, String> probe(Path file) {
        Run r = run("ffprobe", "-v", "error", "-show_entries",
                "format=duration,format_name:stream=index,codec_name,codec_type,width,height,start_time,duration,"
                        + "sample_rate,channels", "-of", "flat", file.toString());
        if (r.exit() != 0) {
            fail("ffprobe refused " + file + ": " + r.err());
        }
        var values = new LinkedHashMap<String, String>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        return values;
    }

    public static double number(Map<String, String> probe, String key) {
        String v = probe.get(key);
        if (v == null || v.equals("N/A")) {
            fail("no " + key + " in " + probe);
        }
        return Double.parseDouble(v);
    }

    /** The stream index of the first stream of {@code type} (audio, video), or -1. */
    public static int stream(Map<String, String> probe, String type) {
        for (int i = 0; i < 8; i++) {
            if (type.equals(probe.get("streams.stream." + i + ".codec_type"))) {
                return i;
            }
        }
        return -1;
    }

    /** Presentation times (s) of the packets of the first stream of {@code selector} ("a" or "v"). */
    public static List<Double> packetTimes(Path file, String selector) {
        Run r = run("ffprobe", "-v", "error", "-select_streams", selector + ":0", "-show_entries", "packet=pts_time",
                "-of", "csv=p=0", file.toString());
        if (r.exit() != 0) {
            fail("ffprobe refused " + file + ": " + r.err());
        }
        var times = new ArrayList<Double>();
        for (String line : r.out().split("\n")) {
            String t = line.trim().replace(",", "");
            if (!t.isEmpty() && !t.equals("N/A")) {
                times.add(Double.parseDouble(t));
            }
        }
        return times;
    }

    /** What ffmpeg complains about when it decodes the whole file ("" when nothing). */
    public static String decodeErrors(Path file) {
        // passthrough: frames keep their own times; a constant output frame rate would make ffmpeg
        // complain about frames that share its tick, which says nothing about the file.
        Run r = run("ffmpeg", "-v", "error", "-i", file.toString(), "-fps_mode", "passthrough", "-f", "null", "-");
        return r.exit() != 0 ? "exit " + r.exit() + ": " + r.err() : r.err();
    }
}
