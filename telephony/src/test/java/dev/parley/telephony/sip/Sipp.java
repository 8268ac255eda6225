package dev.parley.telephony.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * sipp (Debian's sip-tester) as a child process on loopback: one call ({@code -m 1} unless
 * asked otherwise), a global timeout that counts as an error, no background mode, and its
 * output, unexpected-message log and message trace under {@code target/sipp/<name>/}. Without
 * sipp the tests are skipped, unless PARLEY_TEST_REQUIRE_SIPP=1 (set by {@code ./parley test})
 * makes that a failure.
 */
final class Sipp implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/sipp");

    /** How a sipp run ended: its exit code, what it printed, and its error log (empty when none). */
    record Result(int exitCode, String output, String errors, String messages) {

        /** Asserts the run succeeded (exit code 0: every call ran to the end of its scenario). */
        Result assertSuccess() {
            if (exitCode != 0) {
                fail("sipp exited with " + exitCode + "\n--- errors ---\n" + errors + "\n--- messages ---\n"
                        + messages + "\n--- output ---\n" + tail(output));
            }
            return this;
        }
    }

    private final Process process;
    private final Path directory;
    private final int port;

    private Sipp(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    static void require() {
        if (!Files.isExecutable(BINARY)) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_SIPP"))) {
                throw new AssertionError("sipp is required for this run but " + BINARY + " is missing");
            }
            Assumptions.abort("no sipp at " + BINARY + " (./parley test installs sip-tester)");
        }
    }

    /**
     * Starts sipp on a free loopback port with {@code arguments} (a scenario and, for a UAC,
     * the target), returning once it listens.
     */
    static Sipp start(String name, List<String> arguments) {
        require();
        Path directory = Path.of("target", "sipp", name).toAbsolutePath();
        int port = freePort();
        try {
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-i", "127.0.0.1", "-p",
                    Integer.toString(port), "-nostdin", "-timeout", "20s", "-timeout_error", "-trace_err",
                    "-error_file", directory.resolve("errors.log").toString(), "-trace_msg", "-message_file",
                    directory.resolve("messages.log").toString()));
            if (!arguments.contains("-m")) {
                command.addAll(List.of("-m", "1"));
            }
            command.addAll(arguments);
            Files.writeString(directory.resolve("command.txt"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("output.log").toFile()).start();
            var sipp = new Sipp(process, directory, port);
            sipp.awaitListening(arguments.contains("t1") || arguments.contains("-t"));
            return sipp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scenario file from {@code src/test/resources/sipp}. */
    static String scenario(String file) {
        try {
            return Path.of(Sipp.class.getResource("/sipp/" + file).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    /** Waits for sipp to exit (at most {@code timeout}, then it is killed and the test fails) and reads its logs. */
    Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("sipp did not finish within " + timeout + "\n" + read("errors.log") + "\n"
                        + tail(read("output.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(process.exitValue(), read("output.log"), read("errors.log"), read("messages.log"));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String read(String file) {
        Path path = directory.resolve(file);
        try {
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** sipp binds its port a moment after it starts; a UAC starts sending at once, which is fine. */
    private void awaitListening(boolean tcp) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (taken(tcp)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean taken(boolean tcp) {
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            if (tcp) {
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(address);
                }
            } else {
                try (DatagramSocket probe = new DatagramSocket(address)) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int freePort() {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return udp.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String text) {
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }
}
