package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness follows the database: a PostgreSQL database that goes away makes the server unready, not dead. */
class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void readyTurns503WhenTheDatabaseIsGoneWhileLiveStaysUp() {
        TestDatabase database = TestDatabase.postgres();
        try (var server = TestServer.start(database, dir, Map.of())) {
            assertEquals(200, server.http().get("/health/ready").status());
            database.close(); // drops the database, closing the server's connections with it

            var ready = server.http().get("/health/ready");
            assertEquals(503, ready.status(), ready.body());
            assertTrue(ready.contentType().startsWith("application/problem+json"));
            assertEquals(200, server.http().get("/health/live").status());
            var token = server.http().postJson("/webrtc/1/token", "ak_x.y", "{\"identity\": \"alice\"}");
            assertEquals(500, token.status(), "a failing database is the server's fault, reported without details");
            assertTrue(!token.body().contains("SQL") && !token.body().contains("Exception"), token.body());
        }
    }
}
