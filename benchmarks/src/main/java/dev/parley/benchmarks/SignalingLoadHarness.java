package dev.parley.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many connected signaling clients one Parley server holds. It starts the server jar in
 * its own JVM with a fixed heap ({@code -Xmx}), mints a demo token per client, opens that many
 * WebSockets to {@code /ws}, registers each and sends the protocol's heartbeat every 5 s
 * (staggered), for the asked time. It then reports how many stayed connected and got their
 * pongs, the server's heap in use after a full collection ({@code jcmd GC.heap_info}), its
 * resident memory and the CPU it spent.
 *
 * <pre>
 *   ./parley bench signaling [--clients 10000] [--seconds 60] [--heap 1g]
 * </pre>
 * Needs {@code server/target/parley-server.jar} (built by the script) and {@code jcmd} in the
 * JDK running the harness.
 */
public final class SignalingLoadHarness {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private SignalingLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        int clients = 10_000;
        int seconds = 60;
        String heap = "1g";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--heap" -> heap = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jar = Path.of("server/target/parley-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./parley build");
        }
        Path data = Files.createTempDirectory("parley-signaling-bench");
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var builder = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-Xms" + heap, "-jar", jar.toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile());
        builder.environment().put("PARLEY_HTTP_HOST", "127.0.0.1");
        builder.environment().put("PARLEY_HTTP_PORT", Integer.toString(port));
        builder.environment().put("PARLEY_DATA_DIR", data.resolve("data").toString());
        builder.environment().put("PARLEY_MEDIA_PORT", "0");
        builder.environment().put("PARLEY_SIP_PORT", "0");
        // One client minting ten thousand tokens: lift the per-client token rate for this run.
        builder.environment().put("PARLEY_RATELIMIT_TOKEN_PER_SECOND", "1000000");
        builder.environment().put("PARLEY_RATELIMIT_TOKEN_BURST", "1000000");
        Process server = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            awaitHealthy(http, base, server);
            long mintStart = System.nanoTime();
            List<String> tokens = mintTokens(http, base, clients);
            System.out.printf(Locale.ROOT, "minted %,d demo tokens in %.1f s%n", tokens.size(),
                    (System.nanoTime() - mintStart) / 1e9);

            var counters = new Counters();
            long cpuBefore = processCpuTicks(server.pid());
            long connectStart = System.nanoTime();
            List<Client> connected = connectAll(http, port, tokens, counters);
            System.out.printf(Locale.ROOT, "connected and registered %,d of %,d in %.1f s%n", counters.registered.get(),
                    clients, (System.nanoTime() - connectStart) / 1e9);

            var heartbeats = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < connected.size(); i++) {
                Client client = connected.get(i);
                long offset = 5000L * i / connected.size(); // spread the pings over the interval
                heartbeats.scheduleAtFixedRate(client::ping, offset, 5000, TimeUnit.MILLISECONDS);
            }
            long steadyStart = System.nanoTime();
            long cpuSteadyBefore = processCpuTicks(server.pid());
            Thread.sleep(seconds * 1000L);
            long cpuSteady = processCpuTicks(server.pid()) - cpuSteadyBefore;
            double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
            String heapAfterGc = heapAfterFullGc(server.pid());
            long rssKb = rssKb(server.pid());
            heartbeats.shutdownNow();

            System.out.printf(Locale.ROOT, "after %d s: %,d still open, %,d closed by the server, %,d pings sent, %,d pongs%n",
                    seconds, connected.stream().filter(Client::open).count(), counters.closed.get(),
                    counters.pings.get(), counters.pongs.get());
            System.out.printf(Locale.ROOT, "server: -Xmx%s, heap used after a full GC %s, resident %,d MiB, "
                            + "CPU %.1f%% of one core while idle with heartbeats (%.0f s; %.1f%% during connect)%n",
                    heap, heapAfterGc, rssKb / 1024, 100.0 * cpuSteady / ticksPerSecond() / steadySeconds, steadySeconds,
                    100.0 * (cpuSteadyBefore - cpuBefore) / ticksPerSecond() / ((steadyStart - connectStart) / 1e9));
            for (Client client : connected) {
                client.close();
            }
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static final class Counters {
        final AtomicInteger registered = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicLong pings = new AtomicLong();
        final AtomicLong pongs = new AtomicLong();
    }

    /** One signaling client: registers, then answers the harness's heartbeat schedule. */
    private static final class Client implements WebSocket.Listener {
        private final Counters counters;
        private final CompletableFuture<Void> registered = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean open;

        Client(Counters counters) {
            this.counters = counters;
        }

        boolean open() {
            return open;
        }

        void ping() {
            if (open) {
                counters.pings.incrementAndGet();
                socket.sendText("{\"type\":\"ping\"}", true);
            }
        }

        void close() {
            if (open) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over");
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            open = true;
            webSocket.sendText("{\"type\":\"register\"}", true);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("\"registered\"")) {
                    counters.registered.incrementAndGet();
                    registered.complete(null);
                } else if (message.contains("\"pong\"")) {
                    counters.pongs.incrementAndGet();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open = false;
            counters.closed.incrementAndGet();
            registered.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            open = false;
            registered.completeExceptionally(error);
        }
    }

    private static List<Client> connectAll(HttpClient http, int port, List<String> tokens, Counters counters)
            throws InterruptedException {
        var clients = new ArrayList<Client>();
        var inFlight = new Semaphore(200); // connect in waves, as clients arriving over time would
        for (String token : tokens) {
            inFlight.acquire();
            var client = new Client(counters);
            clients.add(client);
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?token=" + token), client)
                    .thenCompose(ws -> client.registered)
                    .whenComplete((ok, error) -> inFlight.release());
        }
        inFlight.acquire(200);
        return clients;
    }

    private static List<String> mintTokens(HttpClient http, String base, int count) throws Exception {
        var tokens = new String[count];
        var inFlight = new Semaphore(32);
        var failures = new AtomicInteger();
        Pattern token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        for (int i = 0; i < count; i++) {
            int index = i;
            inFlight.acquire();
            var request = HttpRequest.newBuilder(URI.create(base + "/demo/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"identity\":\"load-" + i + "\"}")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                Matcher m = error == null ? token.matcher(response.body()) : null;
                if (m != null && response.statusCode() == 200 && m.find()) {
                    tokens[index] = m.group(1);
                } else {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(32);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " demo tokens could not be minted (is the demo token endpoint on?)");
        }
        return List.of(tokens);
    }

    private static void awaitHealthy(HttpClient http, String base, Process server) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy");
    }

    private static String heapAfterFullGc(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        return m.find() ? String.format(Locale.ROOT, "%,d MiB", Long.parseLong(m.group(1)) / 1024) : "unknown: " + info;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** utime + stime of a process, in clock ticks (/proc/PID/stat fields 14 and 15). */
    private static long processCpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long ticksPerSecond() {
        return 100; // USER_HZ on Linux
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
