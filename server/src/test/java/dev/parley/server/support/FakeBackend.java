package dev.parley.server.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A customer's backend for tests: a real HTTP server on loopback whose answers each test
 * scripts per path, and which remembers every request it got.
 */
public final class FakeBackend implements AutoCloseable {

    /** A request as the backend received it. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** An answer: status, body, and extra headers as name/value pairs. */
    public record Reply(int status, String body, String... headers) {
        public static Reply json(String body) {
            return new Reply(200, body, "Content-Type", "application/json");
        }
    }

    /** Answers one request; may sleep to play a slow server. */
    @FunctionalInterface
    public interface Responder {
        Reply answer(Received request) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final List<Received> received = new ArrayList<>();

    private FakeBackend(HttpServer server) {
        this.server = server;
    }

    public static FakeBackend start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            var backend = new FakeBackend(server);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", backend::handle);
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public void on(String path, Responder responder) {
        responders.put(path, responder);
    }

    public List<Received> received(String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Waits until {@code path} has had {@code count} requests; fails after {@code timeout}. */
    public List<Received> await(String path, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> got = received(path);
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(path + " got " + received(path).size() + " requests, not " + count + ", in " + timeout);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body, Instant.now());
            synchronized (received) {
                received.add(request);
            }
            Reply reply;
            try {
                reply = responders.getOrDefault(request.path(), r -> new Reply(404, "")).answer(request);
            } catch (InterruptedException e) {
                return; // the server is stopping
            } catch (Exception e) {
                reply = new Reply(500, e.toString());
            }
            for (int i = 0; i + 1 < reply.headers().length; i += 2) {
                exchange.getResponseHeaders().add(reply.headers()[i], reply.headers()[i + 1]);
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // The client went away (a timeout test); nothing to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
