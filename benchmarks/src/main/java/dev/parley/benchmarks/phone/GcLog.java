package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's garbage-collection pauses, from the log its JVM writes with {@code -Xlog:gc}
 * (lines like {@code [42.472s][info][gc] GC(8) Pause Young (Normal) ... 58.117ms}): while the
 * collector stops the world the media loop reads nothing, and its socket fills.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("^\\[([0-9.]+)s\\].*Pause (.*?) [0-9]+M->.* ([0-9.]+)ms$");

    /** One pause: when it began (seconds of JVM uptime), its kind and length. */
    public record Pause(double uptimeSeconds, String kind, double millis) {
    }

    private GcLog() {
    }

    /** The {@code -Xlog} option that writes the log {@link #pauses} reads. */
    public static String option(Path file) {
        return "-Xlog:gc:file=" + file;
    }

    /** Pauses that ended between {@code fromSeconds} and {@code toSeconds} of JVM uptime. */
    public static List<Pause> pauses(Path file, double fromSeconds, double toSeconds) throws IOException {
        var pauses = new ArrayList<Pause>();
        if (!Files.exists(file)) {
            return pauses;
        }
        for (String line : Files.readAllLines(file)) {
            Matcher m = PAUSE.matcher(line.strip());
            if (m.find()) {
                double end = Double.parseDouble(m.group(1)); // logged when the pause is over
                double millis = Double.parseDouble(m.group(3));
                if (end >= fromSeconds && end <= toSeconds) {
                    pauses.add(new Pause(end - millis / 1000, m.group(2), millis));
                }
            }
        }
        return pauses;
    }

    /** "n pauses, longest x ms (kind) at t s into the window, y ms in all". */
    public static String summary(List<Pause> pauses, double windowStartUptime) {
        if (pauses.isEmpty()) {
            return "no GC pause";
        }
        Pause longest = pauses.stream().max((a, b) -> Double.compare(a.millis(), b.millis())).orElseThrow();
        return String.format(Locale.ROOT, "%d GC pauses, longest %.0f ms (%s) at %.2f s into the window, %.0f ms in all",
                pauses.size(), longest.millis(), longest.kind(), longest.uptimeSeconds() - windowStartUptime,
                pauses.stream().mapToDouble(Pause::millis).sum());
    }
}
