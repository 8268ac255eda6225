package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.ChildProcess;
import dev.parley.server.support.Http;
import dev.parley.server.support.MediaFiles;
import dev.parley.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL in the middle of a recorded call (a crash, the OOM killer, a
 * power cut of the process): after a restart on the same data, the recording is finished and
 * marked interrupted, and its files play up to the kill.
 */
class RecordingKillBrowserTest {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private Chromium chromium;

    @BeforeEach
    void launch() {
        MediaFiles.requireFfmpeg();
        chromium = Chromium.launch();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aRecordingCutByAKillPlaysUpToItAndIsFinishedAtTheNextStart() throws Exception {
        int port = TestServer.freePort();
        String base = "http://127.0.0.1:" + port;
        Map<String, String> env = Map.of("PARLEY_HTTP_PORT", Integer.toString(port), "PARLEY_HTTP_HOST", "127.0.0.1",
                "PARLEY_PUBLIC_URL", base, "PARLEY_MEDIA_PORT", "0", "PARLEY_SIP_PORT", "0");
        var http = new Http(base);
        String apiKey;
        String callId;
        try (var server = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
            server.awaitLine(line -> line.startsWith("Parley listening"), START);
            apiKey = server.awaitLine(line -> line.startsWith("API key: "), START).substring("API key: ".length());
            assertEquals(200, http.putJson("/webrtc/1/recording-settings", apiKey,
                    "{\"recording\": \"AUDIO_AND_VIDEO\"}").status());

            SdkPage alice = SdkPage.signIn(chromium, base, "kill-alice");
            SdkPage bob = SdkPage.signIn(chromium, base, "kill-bob");
            alice.eval("to => harness.callWebrtc(to, {audio: true, video: true})", bob.identity);
            bob.awaitEvent("incoming-call", 15);
            bob.eval("() => harness.incoming.accept({audio: true, video: true})");
            alice.awaitEvent("recording-started", 15);
            callId = (String) alice.eval("() => harness.call.id()");
            alice.awaitVideoRising(90, 30);
            alice.page.waitForTimeout(2000); // a few seconds of media on disk

            server.close(); // SIGKILL: no shutdown hook, no finished file
            server.awaitExit(Duration.ofSeconds(20));
        }
        chromium.closePages();

        try (var restarted = ChildProcess.start(ChildProcess.parley("run"), dir, env)) {
            restarted.awaitLine(line -> line.startsWith("Parley listening"), START);
            JsonNode recording = null;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                JsonNode page = http.get("/webrtc/1/recordings?identity=kill-alice", "Authorization", "App " + apiKey).json();
                for (JsonNode found : page.path("results")) {
                    if (found.path("callId").asText().equals(callId) && found.path("status").asText().equals("READY")) {
                        recording = found;
                    }
                }
                if (recording != null) {
                    break;
                }
                Thread.sleep(250);
            }
            assertTrue(recording != null, "the interrupted recording is READY after the restart\n" + restarted.transcript());
            assertTrue(recording.path("interrupted").asBoolean(), recording.toString());
            JsonNode full = http.get("/webrtc/1/recordings/" + recording.path("id").asText(), "Authorization",
                    "App " + apiKey).json();
            assertEquals(2, full.path("files").size(), full.toString());
            for (JsonNode file : full.path("files")) {
                var bytes = http.getBytes("/webrtc/1/recordings/" + full.path("id").asText() + "/files/"
                        + file.path("id").asText(), "Authorization", "App " + apiKey);
                assertEquals(200, bytes.status());
                Path copy = dir.resolve("downloaded-" + file.path("name").asText());
                Files.write(copy, bytes.body());
                MediaFiles.Probe probe = MediaFiles.probe(copy);
                assertTrue(probe.duration().toMillis() > 2000, "it plays up to the kill: " + probe);
                assertTrue(probe.streams().stream().anyMatch(s -> s.type().equals("video")), probe.toString());
                assertTrue(file.path("duration").asLong() > 2000, file.toString());
            }
            restarted.terminate();
            restarted.awaitExit(Duration.ofSeconds(30));
        }
    }
}
