package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Http;
import dev.parley.server.support.MediaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls and rooms recorded as a user turns it on: the account's setting through the REST API,
 * Chromium pages through the SDK, the recordings found, downloaded (with Range) and read by
 * ffprobe, composed, and deleted.
 */
class RecordingBrowserTest extends BrowserTestBase {

    @TempDir
    Path downloads;

    @BeforeAll
    void needsFfmpeg() {
        MediaFiles.requireFfmpeg();
    }

    @AfterEach
    void closePages() {
        chromium.closePages();
    }

    private SdkPage page(String identity) {
        return SdkPage.signIn(chromium, server.http().baseUrl(), identity);
    }

    private void recordingSettings(String recording, boolean compose) {
        var response = server.http().putJson("/webrtc/1/recording-settings", apiKey,
                "{\"recording\": \"" + recording + "\", \"compose\": " + compose + "}");
        assertEquals(200, response.status(), response.toString());
    }

    private JsonNode get(String path) {
        var response = server.http().get(path, "Authorization", "App " + apiKey);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    /** The recording of {@code callId} once it is READY (or FAILED, which fails the test). */
    private JsonNode awaitReady(String query, String callId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode found = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode recording : get("/webrtc/1/recordings?" + query).path("results")) {
                if (recording.path("callId").asText().equals(callId) || callId == null) {
                    found = recording;
                }
            }
            if (found != null && !found.path("status").asText().equals("RECORDING")
                    && !found.path("status").asText().equals("PROCESSING")) {
                assertEquals("READY", found.path("status").asText(), found.toString());
                return get("/webrtc/1/recordings/" + found.path("id").asText());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no finished recording for " + callId + "; last seen " + found);
    }

    /** Downloads a file of a recording through the API. */
    private Path download(JsonNode recording, JsonNode file) throws Exception {
        var response = server.http().getBytes("/webrtc/1/recordings/" + recording.path("id").asText() + "/files/"
                + file.path("id").asText(), "Authorization", "App " + apiKey);
        assertEquals(200, response.status());
        Path out = downloads.resolve(file.path("name").asText());
        Files.write(out, response.body());
        assertEquals(file.path("size").asLong(), Files.size(out));
        return out;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @Test
    void aRecordedCallGivesEachPartyAFileOfTheCallsLengthInSyncAndPlayable() throws Exception {
        recordingSettings("AUDIO_AND_VIDEO", false);
        SdkPage alice = page("rec-alice");
        SdkPage bob = page("rec-bob");
        alice.eval("to => harness.callWebrtc(to, {audio: true, video: true})", bob.identity);
        bob.awaitEvent("incoming-call", 15);
        bob.eval("() => harness.incoming.accept({audio: true, video: true})");
        alice.awaitEvent("established", 15);
        for (SdkPage side : List.of(alice, bob)) {
            Map<String, Object> started = side.awaitEvent("recording-started", 15);
            assertEquals("AUDIO_AND_VIDEO", PhoneTestBase.detail(started, "recordingType"));
        }
        String callId = (String) alice.eval("() => harness.call.id()");
        alice.awaitVideoRising(60, 30);
        alice.page.waitForTimeout(3000);
        @SuppressWarnings("unchecked")
        var camera = (Map<String, Object>) bob.eval("() => { const s = harness.call.localStream().getVideoTracks()[0]"
                + ".getSettings(); return {width: s.width, height: s.height}; }");
        alice.eval("() => harness.call.hangup()");
        bob.awaitEvent("hangup", 10);
        // The call's recorded length: from the recording's start to the hangup, as alice saw them.
        double talked = (((Number) alice.awaitEvent("hangup", 10).get("at")).longValue()
                - ((Number) alice.awaitEvent("recording-started", 10).get("at")).longValue()) / 1000.0;

        JsonNode recording = awaitReady("callType=WEBRTC_CALL&identity=rec-alice", callId);
        assertEquals("AUDIO_AND_VIDEO", recording.path("recordingType").asText());
        assertEquals(2, recording.path("files").size(), recording.toString());
        for (JsonNode file : recording.path("files")) {
            MediaFiles.Probe probe = MediaFiles.probe(download(recording, file));
            List<String> codecs = probe.streams().stream().map(MediaFiles.Stream::codec).toList();
            assertTrue(codecs.contains("opus"), "audio is Opus: " + probe);
            assertTrue(codecs.contains("vp8") || codecs.contains("h264"), "video as published: " + probe);
            MediaFiles.Stream video = probe.streams().stream().filter(s -> s.type().equals("video")).findFirst().orElseThrow();
            // What the browser sent of its camera: the captured picture, or one Chromium scaled
            // down for the bandwidth (same aspect ratio), as the other page decoded it.
            double capturedWidth = ((Number) camera.get("width")).doubleValue();
            double capturedHeight = ((Number) camera.get("height")).doubleValue();
            assertTrue(video.width() > 0 && video.width() <= capturedWidth && video.height() <= capturedHeight,
                    probe + " vs camera " + camera);
            assertEquals(capturedWidth / capturedHeight, (double) video.width() / video.height(), 0.02,
                    probe + " vs camera " + camera);
            // The file covers the call: from its first packet (at establishment) to the hangup.
            assertTrue(Math.abs(seconds(probe.duration()) - talked) < 1.0,
                    "duration " + probe.duration() + " for a call recorded for " + talked + " s");
            assertTrue(Math.abs(file.path("duration").asLong() / 1000.0 - seconds(probe.duration())) < 1.0,
                    "the API's duration is the file's: " + file + " vs " + probe);
        }
    }

    @Test
    void aRoomOfThreeIsRecordedAndComposedIntoOneFileWithEveryone() throws Exception {
        recordingSettings("AUDIO_AND_VIDEO", true);
        List<SdkPage> members = new ArrayList<>();
        for (String name : List.of("rec-ann", "rec-ben", "rec-cat")) {
            SdkPage member = page(name);
            member.eval("() => harness.joinRoom('recorded-room', {audio: true, video: true})");
            member.awaitEvent("room-joined", 15);
            members.add(member);
        }
        for (SdkPage member : members) {
            member.awaitEvent("recording-started", 15);
            member.awaitVideoRising(30, 30);
        }
        members.getFirst().page.waitForTimeout(2000);
        for (SdkPage member : members) {
            member.eval("() => harness.call.leave()");
            member.awaitEvent("room-left", 10);
        }
        JsonNode recording = awaitReady("callType=ROOM_CALL&room=recorded-room", null);
        List<JsonNode> participantFiles = new ArrayList<>();
        JsonNode composed = null;
        for (JsonNode file : recording.path("files")) {
            if (file.path("kind").asText().equals("COMPOSED")) {
                composed = file;
            } else {
                participantFiles.add(file);
            }
        }
        assertEquals(3, participantFiles.size(), recording.toString());
        for (JsonNode file : participantFiles) {
            assertTrue(MediaFiles.probe(download(recording, file)).streams().size() >= 2, file.toString());
        }
        assertTrue(composed != null, "a composed file: " + recording);
        MediaFiles.Probe mixed = MediaFiles.probe(download(recording, composed));
        assertTrue(mixed.streams().stream().anyMatch(s -> s.type().equals("audio")), mixed.toString());
        MediaFiles.Stream grid = mixed.streams().stream().filter(s -> s.type().equals("video")).findFirst().orElseThrow();
        // Three tiles need a 2 x 2 grid: wider and taller than one tile.
        assertTrue(grid.width() > 640 && grid.height() > 360, "a grid of three: " + mixed);
    }

    @Test
    void aPhoneCallIsRecordedAsAudioOnly() throws Exception {
        dev.parley.server.support.Sipp.require();
        recordingSettings("AUDIO_AND_VIDEO", false);
        try (var carrier = dev.parley.server.support.Sipp.scenario("carrier-answer.xml")
                .set("pcap", dev.parley.server.support.Sipp.PCAPS.resolve("g711a.pcap").toString()).start()) {
            String[] hostPort = carrier.address().split(":");
            var trunk = server.http().postJson("/telephony/1/trunks", apiKey, """
                    {"name": "recorded carrier", "host": "%s", "port": %s, "codecs": ["PCMA", "PCMU"],
                     "allowedAddresses": ["127.0.0.1"], "keepAlive": false}""".formatted(hostPort[0], hostPort[1]));
            assertEquals(201, trunk.status(), trunk.toString());
            var number = server.http().postJson("/telephony/1/numbers", apiKey, """
                    {"number": "+441632968801", "outboundEnabled": true, "trunkId": "%s",
                     "inbound": {"type": "WEBRTC", "identity": "rec-desk"}}""".formatted(trunk.json().get("id").asText()));
            assertEquals(201, number.status(), number.toString());
            SdkPage alice = page("rec-phoner");
            alice.eval("() => harness.callPhoneNumber('+441632968802', {from: '+441632968801'})");
            alice.awaitEvent("established", 15);
            assertEquals("AUDIO", PhoneTestBase.detail(alice.awaitEvent("recording-started", 15), "recordingType"));
            String callId = (String) alice.eval("() => harness.call.id()");
            alice.awaitAudioRising(15);
            alice.page.waitForTimeout(1500);
            alice.eval("() => harness.call.hangup()");
            alice.awaitEvent("hangup", 10);
            JsonNode recording = awaitReady("callType=PHONE_CALL&phoneNumber=%2B441632968802", callId);
            assertEquals("AUDIO", recording.path("recordingType").asText());
            assertEquals(2, recording.path("files").size(), recording.toString());
            for (JsonNode file : recording.path("files")) {
                MediaFiles.Probe probe = MediaFiles.probe(download(recording, file));
                assertTrue(probe.streams().stream().allMatch(stream -> stream.type().equals("audio")), probe.toString());
                assertTrue(probe.duration().toMillis() > 1000, probe.toString());
            }
        }
    }

    @Test
    void filesDownloadByRangeAndARecordingDeletesWithItsFilesAndStaysInItsAccount() throws Exception {
        recordingSettings("AUDIO", false);
        SdkPage alice = page("rec-carl");
        SdkPage bob = page("rec-dina");
        alice.eval("to => harness.callWebrtc(to, {audio: true, video: false})", bob.identity);
        bob.awaitEvent("incoming-call", 15);
        bob.eval("() => harness.incoming.accept({audio: true})");
        assertEquals("AUDIO", PhoneTestBase.detail(alice.awaitEvent("recording-started", 15), "recordingType"));
        String callId = (String) alice.eval("() => harness.call.id()");
        alice.page.waitForTimeout(2000);
        alice.eval("() => harness.call.hangup()");
        bob.awaitEvent("hangup", 10);
        JsonNode recording = awaitReady("identity=rec-dina", callId);
        JsonNode file = recording.path("files").get(0);
        assertEquals("ogg", file.path("format").asText().toLowerCase(java.util.Locale.ROOT), file.toString());
        byte[] whole = Files.readAllBytes(download(recording, file));
        String filePath = "/webrtc/1/recordings/" + recording.path("id").asText() + "/files/" + file.path("id").asText();
        var range = server.http().getBytes(filePath, "Authorization", "App " + apiKey, "Range", "bytes=10-109");
        assertEquals(206, range.status());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 10, 110), range.body());

        // Another account sees nothing of it.
        String otherKey = dev.parley.server.TestAccounts.createAccount(server.config(), "recording stranger");
        assertEquals(404, server.http().get("/webrtc/1/recordings/" + recording.path("id").asText(),
                "Authorization", "App " + otherKey).status());
        assertEquals(404, server.http().getBytes(filePath, "Authorization", "App " + otherKey).status());

        var deleted = server.http().delete("/webrtc/1/recordings/" + recording.path("id").asText(),
                "Authorization", "App " + apiKey);
        assertEquals(204, deleted.status(), deleted.toString());
        assertEquals(404, server.http().get("/webrtc/1/recordings/" + recording.path("id").asText(),
                "Authorization", "App " + apiKey).status());
        Path stored = server.config().recordings().directory().resolve(recording.path("id").asText());
        assertTrue(!Files.exists(stored), "the files are gone from disk: " + stored);
    }
}
