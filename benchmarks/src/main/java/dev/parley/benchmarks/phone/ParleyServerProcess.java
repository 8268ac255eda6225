package dev.parley.benchmarks.phone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Parley server under test, in a JVM of its own so that its CPU is its own: started from
 * {@code server/target/parley-server.jar run} on loopback with a fresh data directory, so that it
 * creates the first account and prints its API key (read from its output, which is also kept in
 * {@code server.log}). Configures trunks and numbers over the REST API like a customer would.
 */
public final class ParleyServerProcess implements AutoCloseable {

    private static final Pattern API_KEY = Pattern.compile("^API key: (\\S+)");
    private static final Pattern MEDIA_PORT = Pattern.compile("^Media: UDP port (\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final String base;
    private final int sipPort;
    private final CompletableFuture<String> apiKey = new CompletableFuture<>();
    private final CompletableFuture<Integer> mediaPort = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Thread output;
    private final Path gcLog;
    private final long startNanos;

    private ParleyServerProcess(Process process, int httpPort, int sipPort, Path log, Path gcLog, long startNanos) {
        this.process = process;
        this.gcLog = gcLog;
        this.startNanos = startNanos;
        this.base = "http://127.0.0.1:" + httpPort;
        this.sipPort = sipPort;
        this.output = Thread.ofPlatform().daemon().name("parley-server-output").start(() -> copyOutput(log));
    }

    /**
     * Starts the jar with {@code -Xms/-Xmx heap} and {@code jvmArgs} and waits until it is ready
     * and has printed its API key.
     */
    public static ParleyServerProcess start(Path jar, Path dataDir, String heap, List<String> jvmArgs) throws Exception {
        int httpPort = freeTcpPort();
        int sipPort = freeUdpPort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path gcLog = dataDir.resolve("gc.log");
        var command = new ArrayList<>(List.of(java.toString(), "-Xms" + heap, "-Xmx" + heap, GcLog.option(gcLog)));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "run"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        var env = builder.environment();
        // The server refuses PARLEY_* variables it does not know, and this one is the harness's.
        env.remove("PARLEY_SIPP");
        env.put("PARLEY_HTTP_HOST", "127.0.0.1");
        env.put("PARLEY_HTTP_PORT", Integer.toString(httpPort));
        env.put("PARLEY_DATA_DIR", dataDir.resolve("data").toString());
        env.put("PARLEY_MEDIA_PORT", "0");
        env.put("PARLEY_SIP_PORT", Integer.toString(sipPort));
        // Everything on loopback: the SDP and the Via/Contact must name 127.0.0.1, not the
        // machine's other interfaces, or sipp would send to an address Parley does not bind.
        env.put("PARLEY_MEDIA_BIND_ADDRESS", "127.0.0.1");
        env.put("PARLEY_MEDIA_ANNOUNCED_ADDRESSES", "127.0.0.1");
        env.put("PARLEY_SIP_BIND_ADDRESS", "127.0.0.1");
        env.put("PARLEY_SIP_ADVERTISED_HOST", "127.0.0.1");
        long startNanos = System.nanoTime();
        var server = new ParleyServerProcess(builder.start(), httpPort, sipPort, dataDir.resolve("server.log"), gcLog,
                startNanos);
        server.awaitReady();
        return server;
    }

    public long pid() {
        return process.pid();
    }

    public int sipPort() {
        return sipPort;
    }

    public int mediaPort() {
        return mediaPort.join();
    }

    /** Seconds since the JVM started, close to the uptime its GC log prints (a few ms later). */
    public double uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The server JVM's {@code -Xlog:gc} file. */
    public Path gcLog() {
        return gcLog;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * A UDP trunk to {@code host:port} that accepts calls from 127.0.0.1 and offers {@code codecs};
     * {@code webrtcAudio} OPUS makes its phone legs publish Opus (transcoding), G711 passes through.
     */
    public String createTrunk(String host, int port, List<String> codecs, String webrtcAudio) throws Exception {
        String body = """
                {"name": "sipp carrier %d", "host": "%s", "port": %d, "transport": "UDP", "codecs": [%s],
                 "webrtcAudio": "%s", "allowedAddresses": ["127.0.0.1"], "keepAlive": false}"""
                .formatted(port, host, port, String.join(", ", codecs.stream().map(c -> "\"" + c + "\"").toList()),
                        webrtcAudio);
        Matcher id = ID.matcher(post("/telephony/1/trunks", body));
        if (!id.find()) {
            throw new IllegalStateException("no trunk id in the answer");
        }
        return id.group(1);
    }

    /** One of the account's numbers whose calls are forwarded to {@code forwardTo} through {@code trunkId}. */
    public void createForwardingNumber(String number, String forwardTo, String trunkId) throws Exception {
        post("/telephony/1/numbers", """
                {"number": "%s", "trunkId": "%s", "inbound": {"type": "PHONE", "phoneNumber": "%s"}}"""
                .formatted(number, trunkId, forwardTo));
    }

    private String post(String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "App " + apiKey.join())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                output.join(2000); // so that server.log holds its last words
                throw new IllegalStateException("the server exited with " + process.exitValue() + " (see server.log)");
            }
            if (apiKey.isDone() && mediaPort.isDone() && ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become ready, or printed no API key "
                + "(a data directory that already had an account?)");
    }

    private boolean ready() {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Keeps the server's output in a file and picks the API key and media port out of it. */
    private void copyOutput(Path log) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher key = API_KEY.matcher(line);
                if (key.find()) {
                    apiKey.complete(key.group(1));
                }
                Matcher media = MEDIA_PORT.matcher(line);
                if (media.find()) {
                    mediaPort.complete(Integer.parseInt(media.group(1)));
                }
            }
        } catch (IOException e) {
            // the server is gone; awaitReady or the run notices
        }
    }

    /**
     * The server at rest between steps: heap in use after a full collection ({@code jcmd}),
     * resident memory and threads. Growth from step to step with no calls up would be a leak.
     */
    public String restingState() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid()), "GC.run");
        Matcher used = HEAP_USED.matcher(run(jcmd.toString(), Long.toString(pid()), "GC.heap_info"));
        String heap = used.find() ? "%,d KiB".formatted(Long.parseLong(used.group(1))) : "unknown";
        long rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long threads;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            threads = tasks.count();
        }
        return "heap after a full GC %s, resident %,d MiB, %d threads".formatted(heap, rssKb / 1024, threads);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Lines of the server's log that report trouble (warnings and errors), at most {@code max}. */
    public static List<String> troubleIn(Path log, int max) throws IOException {
        var lines = new ArrayList<String>();
        if (!Files.exists(log)) {
            return lines;
        }
        for (String line : Files.readAllLines(log)) {
            if ((line.contains(" WARN ") || line.contains(" ERROR ")) && lines.size() < max) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        // SIP listens on UDP and TCP: a port free for both.
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freeTcpPort();
            try (var udp = new java.net.DatagramSocket(port)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }
}
