package dev.parley.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * baresip (Debian's {@code baresip-core}) as a real SIP phone in a test: it listens on
 * loopback, answers every call by itself, speaks a 440 Hz tone ({@code ausine}, which needs a
 * 48 kHz codec: Opus), and writes what it hears to a WAV file ({@code sndfile}). Its
 * configuration and log are under {@code target/baresip}.
 *
 * <p>Missing baresip skips the test, unless {@code PARLEY_TEST_REQUIRE_SIPP=1} (set by
 * {@code ./parley test}, which installs SIP peers) makes that a failure.
 */
public final class Baresip implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/baresip");
    private static final Path MODULES = Path.of("/usr/lib/baresip/modules");

    private final Process process;
    private final Path directory;
    private final int port;

    private Baresip(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts the phone of {@code user} (baresip answers only calls whose Request-URI names it),
     * auto-answering with {@code codecs} (baresip's names, e.g. {@code opus/48000/2}).
     */
    public static Baresip start(String user, String codecs, int seconds) {
        if (!Files.isExecutable(EXECUTABLE) || !Files.isDirectory(MODULES)) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_SIPP"))) {
                throw new AssertionError("baresip is required for this run but " + EXECUTABLE + " is missing");
            }
            Assumptions.abort("no baresip at " + EXECUTABLE + " (./parley test installs it)");
        }
        try {
            Path directory = Files.createDirectories(Path.of("target", "baresip").toAbsolutePath()
                    .resolve("phone-" + System.nanoTime()));
            int port = freeUdpPort();
            Files.writeString(directory.resolve("config"), String.join("\n",
                    "poll_method epoll",
                    "sip_listen 127.0.0.1:" + port,
                    "sip_trans_def udp",
                    // sndfile dumps what each call decodes (and encodes) into WAV files under snd_path.
                    "snd_path " + directory,
                    "audio_source ausine,440",
                    "audio_alert aufile,/dev/null",
                    "module_path " + MODULES,
                    "module stdio.so",
                    "module g711.so",
                    "module opus.so",
                    "module ausine.so",
                    "module aufile.so",
                    "module sndfile.so",
                    "module_app account.so",
                    "module_app menu.so",
                    "opus_bitrate 32000",
                    ""));
            Files.writeString(directory.resolve("accounts"),
                    "<sip:" + user + "@127.0.0.1>;regint=0;answermode=auto;audio_codecs=" + codecs + "\n");
            Process process = new ProcessBuilder(EXECUTABLE.toString(), "-f", directory.toString(),
                    "-t", Integer.toString(seconds))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("output.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            var phone = new Baresip(process, directory, port);
            phone.awaitReady();
            return phone;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.readString(directory.resolve("output.log")).contains("baresip is ready")) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("baresip exited: " + log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("baresip did not get ready: " + log());
    }

    public int port() {
        return port;
    }

    /** What baresip printed (its calls, codecs, errors). */
    public String log() {
        try {
            return Files.readString(directory.resolve("output.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * The root mean square of the 16-bit samples baresip heard and wrote to its WAV file
     * (0 for silence, about 0.1 for a tone at a tenth of full scale); read after the call.
     */
    public double heardRms() throws IOException {
        Path wav;
        try (var files = Files.list(directory)) {
            // sndfile names them dump-<from>=><to>-dec.wav: -dec is what the phone decoded (heard).
            wav = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).findFirst().orElse(null);
        }
        if (wav == null) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(wav);
        if (bytes.length <= 44) {
            return 0;
        }
        ByteBuffer samples = ByteBuffer.wrap(bytes, 44, bytes.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int count = 0;
        while (samples.remaining() >= 2) {
            double s = samples.getShort() / 32768.0;
            sum += s * s;
            count++;
        }
        return count == 0 ? 0 : Math.sqrt(sum / count);
    }

    /** Asks baresip to quit (it writes its WAV file out) and waits for it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().write("q".getBytes());
            process.getOutputStream().flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
