package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.support.ChildProcess;
import dev.parley.server.support.Http;
import dev.parley.server.support.TestServer;
import dev.parley.server.support.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parley as a user runs it: a separate server process with the default embedded database,
 * its printed API key, an admin command from a second process while it runs, SIGTERM, and a
 * restart that finds everything still valid.
 */
class ServerProcessTest {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void runPrintTheKeyMintTokensStopAndRestart() throws Exception {
        int port = TestServer.freePort();
        Map<String, String> env = Map.of("PARLEY_HTTP_PORT", Integer.toString(port), "PARLEY_HTTP_HOST", "127.0.0.1",
                "PARLEY_MEDIA_PORT", "0", "PARLEY_SIP_PORT", "0");
        var http = new Http("http://127.0.0.1:" + port);
        String apiKey;
        String token;
        String basic;

        try (var server = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
            server.awaitLine(line -> line.startsWith("Parley listening on http://localhost:" + port), START);
            apiKey = server.awaitLine(line -> line.startsWith("API key: "), START).substring("API key: ".length());
            assertEquals(1, server.stdout().stream().filter(l -> l.startsWith("API key: ")).count());

            var minted = http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"alice\"}");
            assertEquals(200, minted.status(), minted.body());
            token = minted.json().get("token").asText();
            var credential = http.postJson("/webrtc/1/credentials", apiKey, "{}").json();
            basic = Http.basic(credential.get("clientId").asText(), credential.get("clientSecret").asText());
            assertEquals(200, oauth(http, basic).status());

            // An operator command from another process while the server holds the database.
            String account = Tokens.verify(http, token).getStringClaim("account");
            try (var admin = ChildProcess.start(ChildProcess.parley("admin", "create-api-key", account, "ops"), dir, env)) {
                assertEquals(0, admin.awaitExit(START), admin.transcript());
                String last = admin.stdout().getLast();
                assertTrue(last.startsWith("API key: "), admin.transcript());
                String opsKey = last.substring("API key: ".length());
                assertNotEquals(apiKey, opsKey);
                assertEquals(200, http.postJson("/webrtc/1/token", opsKey, "{\"identity\": \"bob\"}").status());
            }

            server.terminate();
            int exit = server.awaitExit(Duration.ofSeconds(30));
            assertTrue(server.stdout().contains("Parley stopped"), "exit " + exit + "\n" + server.transcript());
            assertTrue(exit == 0 || exit == 143, "exit status after SIGTERM: " + exit);
        }

        try (var restarted = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
            restarted.awaitLine(line -> line.startsWith("Parley listening"), START);
            assertTrue(restarted.stdout().stream().noneMatch(l -> l.startsWith("API key: ")),
                    "the key is printed on the first start only");
            assertEquals("alice", Tokens.verify(http, token).getStringClaim("identity"));
            assertEquals(200, http.postJson("/webrtc/1/token", apiKey, "{\"identity\": \"carol\"}").status());
            assertEquals(200, oauth(http, basic).status());
            restarted.terminate();
            restarted.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void anUnknownConfigurationKeyStopsTheStartAndIsNamed() throws Exception {
        var env = Map.of("PARLEY_HTTP_PROT", "9000", "PARLEY_DATA_DIR", dir.resolve("data").toString());
        try (var server = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
            int exit = server.awaitExit(START);
            assertNotEquals(0, exit);
            assertTrue(String.join("\n", server.stderr()).contains("PARLEY_HTTP_PROT"), server.transcript());
        }
    }

    @Test
    void aBusyPortIsReportedPlainly() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            var env = Map.of("PARLEY_HTTP_PORT", Integer.toString(taken.getLocalPort()),
                    "PARLEY_HTTP_HOST", "127.0.0.1", "PARLEY_DATA_DIR", dir.resolve("data").toString(),
                    "PARLEY_MEDIA_PORT", "0", "PARLEY_SIP_PORT", "0");
            try (var server = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
                assertEquals(1, server.awaitExit(START), server.transcript());
                String err = String.join("\n", server.stderr());
                assertTrue(err.contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), err);
                assertTrue(!err.contains("\tat "), "no stack trace: " + err);
            }
        }
    }

    private static Http.Response oauth(Http http, String basic) {
        return http.post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=voice.webrtc", "Authorization", basic);
    }
}
