package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.ddr.CallStatus;
import dev.parley.platform.ddr.StatusReport;
import dev.parley.server.support.FakeBackend;
import dev.parley.server.support.FakeBackend.Reply;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The running server delivers status reports by itself, and a report that failed before a
 * restart is delivered by the next start. Real time here (the server's clock and the
 * default 1 s first retry), so only one short wait.
 */
class DynamicDestinationsServerTest {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aReportThatFailedBeforeARestartIsDeliveredAfterIt(String kind) throws Exception {
        try (TestDatabase database = kind.equals("h2") ? TestDatabase.h2(workDir.resolve("data")) : TestDatabase.postgres();
             var backend = FakeBackend.start()) {
            // Down for as long as the first server runs, so only the second can deliver.
            var up = new AtomicBoolean();
            backend.on("/status", request -> up.get() ? new Reply(200, "") : new Reply(503, ""));
            String account;
            try (var first = TestServer.start(database, workDir, Map.of())) {
                String key = first.firstApiKey();
                account = first.server().platform().accounts().authenticate(key).orElseThrow().accountId();
                var configured = first.http().putJson("/webrtc/1/dynamic-destination", key, "{\"callbackUrl\": \""
                        + backend.url("/route") + "\", \"authorization\": \"Bearer k\", \"statusUrl\": \""
                        + backend.url("/status") + "\"}");
                assertEquals(200, configured.status(), configured.body());
                assertTrue(first.server().platform().dynamicDestinations().reportStatus(account,
                        new StatusReport("call-1", "alice", "bob", CallStatus.FINISHED, Duration.ofSeconds(42))));
                backend.await("/status", 1, Duration.ofSeconds(5));
            }
            int failed = backend.received("/status").size();
            up.set(true);
            try (var second = TestServer.start(database, workDir, Map.of())) {
                var delivered = backend.await("/status", failed + 1, Duration.ofSeconds(10)).get(failed);
                assertEquals("Bearer k", delivered.header("Authorization").orElseThrow());
                assertTrue(delivered.body().contains("\"duration\":42"), delivered.body());
                var ddr = second.server().platform().dynamicDestinations();
                for (int i = 0; i < 100 && ddr.pendingReports(account) > 0; i++) {
                    Thread.sleep(20);
                }
                assertEquals(0, ddr.pendingReports(account));
            }
        }
    }
}
