package dev.parley.server.support;

import dev.parley.server.ParleyServer;
import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ParleyConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A whole Parley server in this JVM, on a free loopback port, over a test database. */
public final class TestServer implements AutoCloseable {

    private final ParleyConfig config;
    private final ParleyServer server;
    private final Http http;

    private TestServer(ParleyConfig config, ParleyServer server) {
        this.config = config;
        this.server = server;
        this.http = new Http("http://127.0.0.1:" + server.port());
    }

    /** Starts a server; {@code extra} adds or overrides configuration variables. */
    public static TestServer start(TestDatabase database, Path workDir, Map<String, String> extra) {
        return start(database, workDir, extra, java.util.function.UnaryOperator.identity());
    }

    /** Starts a server whose signaling timings {@code signaling} adjusts (shorter heartbeats, ring timeouts). */
    public static TestServer start(TestDatabase database, Path workDir, Map<String, String> extra,
                                   java.util.function.UnaryOperator<dev.parley.platform.signaling.SignalingSettings> signaling) {
        var env = new HashMap<String, String>(database.environment());
        int port = freePort();
        env.put("PARLEY_HTTP_HOST", "127.0.0.1");
        env.put("PARLEY_HTTP_PORT", Integer.toString(port));
        env.put("PARLEY_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("PARLEY_MEDIA_PORT", "0");
        env.put("PARLEY_SIP_PORT", "0");
        env.putAll(extra);
        ParleyConfig config = ConfigLoader.load(env, workDir);
        return new TestServer(config, ParleyServer.start(config, Clock.systemUTC(), signaling.apply(config.signaling())));
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new AssertionError("no free port", e);
        }
    }

    public ParleyConfig config() {
        return config;
    }

    public ParleyServer server() {
        return server;
    }

    public Http http() {
        return http;
    }

    /** The first account's key; only present on the start that created the account. */
    public String firstApiKey() {
        return server.firstApiKey().orElseThrow(() -> new AssertionError("no first account created")).text();
    }

    @Override
    public void close() {
        server.close();
    }
}
