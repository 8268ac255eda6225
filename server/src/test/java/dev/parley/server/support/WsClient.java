package dev.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A signaling client for tests: {@code java.net.http.WebSocket}, messages as JSON, the close it got. */
public final class WsClient implements AutoCloseable {

    /** How the server closed the socket. */
    public record Close(int code, String reason) {
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(String url) {
        this.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Listener()).join();
    }

    /** Connects to {@code /ws} with {@code token} (none when null). */
    public static WsClient connect(Http http, String token) {
        String base = http.baseUrl().replaceFirst("^http", "ws") + "/ws";
        return new WsClient(token == null ? base : base + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** Connects and registers; returns the client with {@code registered} consumed. */
    public static WsClient register(Http http, String token) {
        var client = connect(http, token);
        client.send("{\"type\":\"register\"}");
        client.expect("registered");
        return client;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(ObjectNode message) {
        send(message.toString());
    }

    /** The next message of {@code type}, skipping others (kept for {@link #next}). */
    public JsonNode expect(String type) {
        return expect(type, m -> true);
    }

    public JsonNode expect(String type, Predicate<JsonNode> also) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (var it = skipped.iterator(); it.hasNext(); ) {
            JsonNode m = it.next();
            if (type.equals(m.path("type").asText()) && also.test(m)) {
                it.remove();
                return m;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m;
            try {
                m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (m == null) {
                throw new AssertionError("no '" + type + "' within 10 s; got " + skipped + (closed.isDone() ? ", closed " + closed.join() : ""));
            }
            if (type.equals(m.path("type").asText()) && also.test(m)) {
                return m;
            }
            skipped.add(m);
        }
    }

    /** The call-ended or error with this code. */
    public JsonNode expectCode(String type, String code) {
        return expect(type, m -> code.equals(m.path("errorCode").path("name").asText()));
    }

    /** True when nothing of {@code type} arrives within {@code millis}. */
    public boolean quietAbout(String type, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        JsonNode m;
        while ((m = messages.poll()) != null) {
            skipped.add(m);
        }
        return skipped.stream().noneMatch(s -> type.equals(s.path("type").asText()));
    }

    public Close awaitClose() {
        try {
            return closed.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close the socket", e);
        }
    }

    public void assertClosed(int code) {
        assertEquals(code, awaitClose().code(), "close code");
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close handshake, as a lost network would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    messages.add(Http.JSON.readTree(text.toString()));
                } catch (java.io.IOException e) {
                    throw new AssertionError("server sent non-JSON: " + text, e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Close(-1, String.valueOf(error)));
        }
    }
}
