package dev.parley.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * sipp (Debian's {@code sip-tester}) as a real SIP peer in a test: a carrier answering Parley's
 * calls, or a phone calling in. Each run takes a scenario from {@code src/test/resources/sipp},
 * signals on loopback, sends and receives RTP on its media port, and writes its error log and
 * message trace into a directory under {@code target/sipp} for the failure message.
 *
 * <p>Missing sipp skips the test, unless {@code PARLEY_TEST_REQUIRE_SIPP=1} (set by
 * {@code ./parley test}) makes that a failure.
 */
public final class Sipp implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/sipp");
    /** Where sipp's own pcap files are (Debian): G.711 audio and RFC 4733 digits. */
    public static final Path PCAPS = Path.of("/usr/share/sip-tester");

    private final Process process;
    private final Path directory;
    private final String ip;
    private final int sipPort;
    private final int mediaPort;

    private Sipp(Process process, Path directory, String ip, int sipPort, int mediaPort) {
        this.process = process;
        this.directory = directory;
        this.ip = ip;
        this.sipPort = sipPort;
        this.mediaPort = mediaPort;
    }

    /** Fails or skips the test when sipp is not installed. */
    public static void require() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_SIPP"))) {
                throw new AssertionError("sipp is required for this run but " + EXECUTABLE + " is missing");
            }
            Assumptions.abort("no sipp at " + EXECUTABLE + " (./parley test installs it)");
        }
    }

    /** A builder for one sipp run of {@code scenario} (a file in src/test/resources/sipp). */
    public static Builder scenario(String scenario) {
        require();
        return new Builder(scenario, false);
    }

    /** A builder for one sipp run of one of sipp's own scenarios ({@code uas}, {@code uac}), as docs/phone.md uses them. */
    public static Builder builtIn(String name) {
        require();
        return new Builder(name, true);
    }

    public static final class Builder {
        private final String scenario;
        private final boolean builtIn;
        private final List<String> extra = new ArrayList<>();
        private String remote;
        private int calls = 1;
        private Duration timeout = Duration.ofSeconds(30);
        private String transport = "u1";
        private String localIp = "127.0.0.1";

        private Builder(String scenario, boolean builtIn) {
            this.scenario = scenario;
            this.builtIn = builtIn;
        }

        /** Calls {@code host:port} (a UAC scenario); a UAS scenario waits for calls instead. */
        public Builder calling(String hostAndPort) {
            this.remote = hostAndPort;
            return this;
        }

        /** A scenario variable: {@code [name]} in the XML becomes {@code value}. */
        public Builder set(String name, String value) {
            extra.addAll(List.of("-key", name, value));
            return this;
        }

        /** Echo every RTP packet back to its sender (the far end hears itself). */
        public Builder rtpEcho() {
            extra.add("-rtp_echo");
            return this;
        }

        /** The local address sipp signals and sends media from (another 127.x.y.z looks like another host). */
        public Builder from(String ip) {
            this.localIp = ip;
            return this;
        }

        public Builder tcp() {
            transport = "t1";
            return this;
        }

        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder args(String... args) {
            extra.addAll(List.of(args));
            return this;
        }

        public Sipp start() {
            try {
                Path directory = Files.createDirectories(Path.of("target", "sipp").toAbsolutePath())
                        .resolve(scenario.replace(".xml", "") + "-" + System.nanoTime());
                Files.createDirectories(directory);
                List<String> scenarioArgs;
                if (builtIn) {
                    scenarioArgs = List.of("-sn", scenario);
                } else {
                    Path xml = directory.resolve(scenario);
                    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
                        if (in == null) {
                            throw new IllegalArgumentException("no scenario src/test/resources/sipp/" + scenario);
                        }
                        Files.copy(in, xml);
                    }
                    scenarioArgs = List.of("-sf", xml.toString());
                }
                int sipPort = freeUdpPort();
                int mediaPort = freeUdpPort();
                String ip = localIp;
                var command = new ArrayList<>(List.of(EXECUTABLE.toString()));
                command.addAll(scenarioArgs);
                command.addAll(List.of("-i", localIp, "-mi", localIp, "-p", Integer.toString(sipPort), "-mp", Integer.toString(mediaPort),
                        "-t", transport, "-m", Integer.toString(calls), "-l", Integer.toString(calls),
                        "-timeout", timeout.toSeconds() + "s", "-timeout_error", "-nostdin",
                        "-trace_err", "-error_file", directory.resolve("errors.log").toString(),
                        "-trace_msg", "-message_file", directory.resolve("messages.log").toString(),
                        "-trace_screen", "-screen_file", directory.resolve("screen.log").toString()));
                command.addAll(extra);
                if (remote != null) {
                    command.add(remote);
                }
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("output.log").toFile())
                        .start();
                return new Sipp(process, directory, ip, sipPort, mediaPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The port sipp takes SIP on (127.0.0.1). */
    public int sipPort() {
        return sipPort;
    }

    /** The port of sipp's RTP (its SDP's media port). */
    public int mediaPort() {
        return mediaPort;
    }

    /** sipp's address for a trunk or a SIP URI: ip:port. */
    public String address() {
        return ip + ":" + sipPort;
    }

    /** Waits for sipp to finish; its exit status is 0 when every call passed the scenario. */
    public int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("sipp did not finish within " + timeout + "\n" + transcript());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for sipp and fails, with its logs, unless every call passed the scenario. */
    public void assertPassed(Duration timeout) {
        int status = await(timeout);
        if (status != 0) {
            throw new AssertionError("sipp exited with " + status + "\n" + transcript());
        }
    }

    /** What sipp printed and logged, for failure messages. */
    public String transcript() {
        var text = new StringBuilder("sipp run in " + directory.toAbsolutePath() + "\n");
        for (String name : List.of("output.log", "errors.log", "messages.log")) {
            Path file = directory.resolve(name);
            try {
                if (Files.exists(file)) {
                    String content = Files.readString(file);
                    text.append("--- ").append(name).append(" ---\n")
                            .append(content.length() > 12_000 ? content.substring(content.length() - 12_000) : content)
                            .append('\n');
                }
            } catch (IOException e) {
                text.append("(").append(name).append(" unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return text.toString();
    }

    /** The SIP messages sipp sent and received (its -trace_msg file). */
    public String messages() {
        try {
            Path file = directory.resolve("messages.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static int freeUdpPort() throws IOException {
        // sipp binds its SIP port for UDP and its media port (and +2 for video echo): take a
        // free even port so port+1 (RTCP) and port+2 are likely free too.
        for (int attempt = 0; attempt < 50; attempt++) {
            try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) { // free on 127.0.0.1, likely on 127.x too
                int port = socket.getLocalPort();
                if (port % 2 == 0 && port < 65_000) {
                    return port;
                }
            }
        }
        throw new IOException("no free UDP port");
    }
}
