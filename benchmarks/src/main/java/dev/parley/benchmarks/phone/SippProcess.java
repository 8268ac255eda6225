package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One sipp process of the load: the carrier behind Parley's trunk (UAS) or the phone network
 * calling in (UAC). Each runs in a directory of its own holding its scenario (copied from this
 * jar's {@code sipp/} resources), the A-law file its {@code rtp_stream} plays, its statistics
 * CSV ({@code -trace_stat}, one line a second), error log and final screen.
 */
public final class SippProcess implements AutoCloseable {

    /** sipp 3.7 is the first whose {@code rtp_stream} gives every call a media port of its own. */
    private static final int MIN_MINOR = 7;
    private static final Pattern VERSION = Pattern.compile("SIPp v(\\d+)\\.(\\d+)");

    private final Process process;
    private final Path dir;

    private SippProcess(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Checks that {@code sipp} is a sipp that can stream RTP per call, and says why not. Older
     * ones (Debian 12 has 3.6.1) send every call's {@code rtp_stream} from the one {@code -mp}
     * port: a far end that tells calls apart by address, as Parley does, cannot use that.
     */
    public static String requireUsable(String sipp) throws Exception {
        String out;
        try {
            Process p = new ProcessBuilder(sipp, "-v").redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run sipp as '" + sipp + "' (" + e.getMessage()
                    + "); install sip-tester 3.7 or newer, or pass --sipp PATH / set PARLEY_SIPP", e);
        }
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("'" + sipp + " -v' printed no version: " + out.strip());
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 3 || (major == 3 && minor < MIN_MINOR)) {
            throw new IllegalStateException(("'%s' is sipp %d.%d; this benchmark needs 3.%d or newer: older sipps "
                    + "send every call's rtp_stream from one port, so the media server cannot tell the calls apart. "
                    + "Debian 13 has sip-tester 3.7; elsewhere build it (docs/benchmarks.md says how) and pass "
                    + "--sipp PATH or set PARLEY_SIPP.").formatted(sipp, major, minor, MIN_MINOR));
        }
        return m.group();
    }

    /**
     * Starts sipp in {@code dir} with {@code scenario} (a resource name under {@code sipp/}) and
     * an A-law file {@code audio}, plus the role's arguments.
     */
    public static SippProcess start(String sipp, Path dir, String scenario, Path audio, List<String> roleArgs)
            throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = SippProcess.class.getResourceAsStream("/sipp/" + scenario)) {
            if (in == null) {
                throw new IOException("scenario sipp/" + scenario + " is not in the jar");
            }
            Files.copy(in, dir.resolve(scenario));
        }
        // sipp 3.7 looks for rtp_stream files next to the scenario.
        Files.copy(audio, dir.resolve("audio.alaw"));
        var command = new ArrayList<String>(List.of(sipp));
        command.addAll(roleArgs);
        command.addAll(List.of("-sf", scenario, "-nostdin",
                "-trace_stat", "-stf", "stats.csv", "-fd", "1",
                "-trace_counts", "-trace_err", "-error_file", "errors.log",
                "-trace_screen", "-screen_file", "screen.log"));
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sipp.out").toFile()).start();
        return new SippProcess(process, dir);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last complete line of the statistics CSV, by column name; empty before the first. */
    public Map<String, String> stats() throws IOException {
        return lastRow(dir.resolve("stats.csv"));
    }

    /**
     * Calls in progress past the ACK and before the BYE, from the per-message counts
     * ({@code -trace_counts}): the calls that are established now, on either side.
     */
    public long established() throws IOException {
        Optional<Path> file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().endsWith("_counts.csv")).findFirst();
        }
        if (file.isEmpty()) {
            return 0;
        }
        long established = 0;
        for (var column : lastRow(file.get()).entrySet()) {
            String name = column.getKey();
            if (name.endsWith("_ACK_Sent") || name.endsWith("_ACK_Recv")) {
                established += Long.parseLong(column.getValue());
            } else if (name.endsWith("_BYE_Sent") || name.endsWith("_BYE_Recv")) {
                established -= Long.parseLong(column.getValue());
            }
        }
        return established;
    }

    /** sipp's CSVs: a header, then a line per period; the last line may be half written. */
    private static Map<String, String> lastRow(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return Map.of();
        }
        String text = Files.readString(csv, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        if (!text.endsWith("\n") && !lines.isEmpty()) {
            lines.removeLast();
        }
        if (lines.size() < 2) {
            return Map.of();
        }
        String[] header = lines.getFirst().split(";");
        String[] values = lines.getLast().split(";", -1);
        if (values.length < header.length) {
            return Map.of();
        }
        var row = new HashMap<String, String>();
        for (int c = 0; c < header.length; c++) {
            if (!header[c].isBlank()) {
                row.put(header[c].strip(), values[c].strip());
            }
        }
        return row;
    }

    /** A cumulative counter of the statistics, e.g. {@code SuccessfulCall(C)}; 0 before the first line. */
    public long counter(String column) throws IOException {
        String value = stats().get(column);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    /** Waits for the exit; the exit code (0: every call succeeded), or empty on timeout. */
    public Optional<Integer> await(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** The last {@code max} lines of sipp's error log, to say why calls failed. */
    public List<String> errors(int max) throws IOException {
        Path log = dir.resolve("errors.log");
        if (!Files.exists(log)) {
            try (Stream<Path> files = Files.list(dir)) {
                log = files.filter(p -> p.getFileName().toString().endsWith("_errors.log")).findFirst().orElse(null);
            }
            if (log == null) {
                return List.of();
            }
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                .filter(l -> !l.isBlank() && !l.contains("next to the scenario")).toList();
        return lines.subList(Math.max(0, lines.size() - max), lines.size());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
