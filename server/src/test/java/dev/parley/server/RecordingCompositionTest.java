package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.FileKind;
import dev.parley.platform.recording.LocalRecordingStore;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingFile;
import dev.parley.platform.recording.RecordingOptions;
import dev.parley.platform.recording.RecordingPreferences;
import dev.parley.platform.recording.RecordingStatus;
import dev.parley.platform.recording.RecordingType;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.recording.AccountRecording;
import dev.parley.server.support.MediaFiles;
import dev.parley.server.support.Recorder;
import dev.parley.server.support.Recorder.Track;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composition with the real ffmpeg: participant files made with lavfi sources are mixed into
 * one, which ffprobe must read with the expected streams and grid size; a corrupt input, a
 * missing ffmpeg and one that hangs end FAILED with a reason; a delete stops a composition
 * that runs. On H2: the database plays no part in what is tested here beyond what
 * RecordingsContract runs on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingCompositionTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private TestDatabase database;
    private TestServer server;
    private Recordings recordings;
    private Recorder recorder;
    private Path workDir;
    private Path media;

    @BeforeAll
    void start(@TempDir Path workDir) {
        MediaFiles.requireFfmpeg();
        this.workDir = workDir;
        media = workDir.resolve("media");
        database = TestDatabase.h2(workDir.resolve("data"));
        server = TestServer.start(database, workDir, Map.of());
        recordings = server.server().platform().recordings();
        recorder = new Recorder(recordings);
        try {
            Files.createDirectories(media);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoParticipantsComposeSideBySideWithMixedAudio() throws Exception {
        IssuedApiKey account = composingAccount("Two Co");
        Path alice = MediaFiles.webm(media.resolve("two-alice.webm"), 320, 240, 3, 440);
        Path bob = MediaFiles.webm(media.resolve("two-bob.webm"), 640, 360, 2, 660);
        Recording finished = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL,
                RecordingType.AUDIO_AND_VIDEO, Optional.empty(), Recorder.identities("alice", "bob"), List.of(
                        Track.of(Participant.identity("alice"), FileFormat.WEBM, List.of("OPUS", "VP8"), alice,
                                Duration.ZERO, Duration.ofSeconds(3)),
                        Track.of(Participant.identity("bob"), FileFormat.WEBM, List.of("OPUS", "VP8"), bob,
                                Duration.ofMillis(1500), Duration.ofSeconds(2))));
        assertEquals(RecordingStatus.PROCESSING, finished.status(), "composing accounts go through PROCESSING");

        Recording ready = awaitDone(account, finished);
        assertEquals(RecordingStatus.READY, ready.status(), ready.failureReason().orElse(""));
        RecordingFile composed = ready.composedFile().orElseThrow();
        assertEquals(FileFormat.MP4, composed.format());
        assertEquals(List.of("H264", "AAC"), composed.codecs());
        assertEquals(Duration.ofMillis(3500), composed.duration().orElseThrow(), "from the first start to the last end");
        assertEquals(3, ready.files().size(), "the participants' files stay");

        // Downloaded through the API, as a customer would, then read by ffprobe.
        Path downloaded = download(account, ready, composed);
        var probe = MediaFiles.probe(downloaded);
        assertEquals("h264", probe.video().codec());
        assertEquals(1280, probe.video().width());
        assertEquals(360, probe.video().height(), "two 640x360 tiles side by side");
        assertTrue(probe.has("audio"), probe.toString());
        assertTrue(Math.abs(probe.duration().toMillis() - 3500) < 300, "duration " + probe.duration());
    }

    @Test
    void threeVideosMakeAGridAndAParticipantWithoutVideoIsLeftOutOfIt() throws Exception {
        IssuedApiKey account = composingAccount("Grid Co");
        Path a = MediaFiles.webm(media.resolve("grid-a.webm"), 320, 240, 2, 300);
        Path b = MediaFiles.webm(media.resolve("grid-b.webm"), 640, 480, 2, 500);
        Path c = MediaFiles.webm(media.resolve("grid-c.webm"), 480, 270, 1.5, 700);
        Path phone = MediaFiles.ogg(media.resolve("grid-phone.ogg"), 2, 900);
        Recording finished = recorder.record(account.key().accountId(), CallType.ROOM_CALL,
                RecordingType.AUDIO_AND_VIDEO, Optional.of("grid-room"), List.of(), List.of(
                        Track.of(Participant.identity("ann"), FileFormat.WEBM, List.of("OPUS", "VP8"), a,
                                Duration.ZERO, Duration.ofSeconds(2)),
                        Track.of(Participant.identity("ben"), FileFormat.WEBM, List.of("OPUS", "VP8"), b,
                                Duration.ofMillis(500), Duration.ofSeconds(2)),
                        Track.of(Participant.identity("cat"), FileFormat.WEBM, List.of("OPUS", "VP8"), c,
                                Duration.ofSeconds(1), Duration.ofMillis(1500)),
                        Track.of(Participant.phoneNumber("+14155550100"), FileFormat.OGG, List.of("OPUS"), phone,
                                Duration.ZERO, Duration.ofSeconds(2))));
        Recording ready = awaitDone(account, finished);
        assertEquals(RecordingStatus.READY, ready.status(), ready.failureReason().orElse(""));
        var probe = MediaFiles.probe(download(account, ready, ready.composedFile().orElseThrow()));
        assertEquals(1280, probe.video().width());
        assertEquals(720, probe.video().height(), "three tiles of 640x360 in a 2x2 grid; the phone has none");
        assertTrue(probe.has("audio"));
        assertTrue(Math.abs(probe.duration().toMillis() - 2500) < 300, "duration " + probe.duration());
    }

    @Test
    void anAudioRecordingComposesToOneOggOpusFile() throws Exception {
        IssuedApiKey account = composingAccount("Audio Co");
        Path alice = MediaFiles.ogg(media.resolve("audio-alice.ogg"), 2, 440);
        Path phone = MediaFiles.ogg(media.resolve("audio-phone.ogg"), 1, 880);
        Recording finished = recorder.record(account.key().accountId(), CallType.PHONE_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice"), List.of(
                        Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"), alice,
                                Duration.ZERO, Duration.ofSeconds(2)),
                        Track.of(Participant.phoneNumber("+14155550101"), FileFormat.OGG, List.of("OPUS"), phone,
                                Duration.ofMillis(1500), Duration.ofSeconds(1))));
        Recording ready = awaitDone(account, finished);
        assertEquals(RecordingStatus.READY, ready.status(), ready.failureReason().orElse(""));
        RecordingFile composed = ready.composedFile().orElseThrow();
        assertEquals(FileFormat.OGG, composed.format());
        assertEquals("audio/ogg", composed.contentType());
        var probe = MediaFiles.probe(download(account, ready, composed));
        assertFalse(probe.has("video"));
        assertEquals("opus", probe.streams().getFirst().codec());
        assertTrue(Math.abs(probe.duration().toMillis() - 2500) < 300, "duration " + probe.duration());
    }

    @Test
    void aCorruptInputFailsTheCompositionWithFfmpegsReason() throws Exception {
        IssuedApiKey account = composingAccount("Corrupt Co");
        Path good = MediaFiles.webm(media.resolve("corrupt-good.webm"), 320, 240, 1, 440);
        Path corrupt = Recorder.bytes(media.resolve("corrupt-bad.webm"), 4000, 9);
        Recording finished = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL,
                RecordingType.AUDIO_AND_VIDEO, Optional.empty(), Recorder.identities("alice", "bob"), List.of(
                        Track.of(Participant.identity("alice"), FileFormat.WEBM, List.of("OPUS", "VP8"), good,
                                Duration.ZERO, Duration.ofSeconds(1)),
                        Track.of(Participant.identity("bob"), FileFormat.WEBM, List.of("OPUS", "VP8"), corrupt,
                                Duration.ZERO, Duration.ofSeconds(1))));
        Recording failed = awaitDone(account, finished);
        assertEquals(RecordingStatus.FAILED, failed.status());
        String reason = failed.failureReason().orElseThrow();
        assertTrue(reason.startsWith("ffmpeg failed (exit "), reason);
        assertTrue(reason.contains("Invalid data found when processing input"), reason);
        assertFalse(reason.contains(workDir.toString()), "file names, not the server's directories: " + reason);
        assertTrue(failed.composedFile().isEmpty());
        JsonNode shown = server.http().get("/webrtc/1/recordings/" + failed.id(), "Authorization", "App " + account.text())
                .json();
        assertEquals("FAILED", shown.get("status").asText());
        assertEquals(reason, shown.get("failureReason").asText());
        for (RecordingFile file : failed.files()) {
            assertEquals(200, server.http().get("/webrtc/1/recordings/" + failed.id() + "/files/" + file.id(),
                    "Authorization", "App " + account.text()).status(), "the participants' files are still there");
        }
    }

    @Test
    void aMissingFfmpegFailsTheCompositionAndSaysSo() throws Exception {
        IssuedApiKey account = composingAccount("No Ffmpeg Co");
        Path missing = workDir.resolve("no-such-ffmpeg");
        try (var withoutFfmpeg = recordingsWith(RecordingOptions.defaults(workDir.resolve("no-ffmpeg-files"))
                .withTools(missing, MediaFiles.FFPROBE))) {
            Path alice = MediaFiles.ogg(media.resolve("missing-alice.ogg"), 1, 440);
            Recording finished = new Recorder(withoutFfmpeg).record(account.key().accountId(), CallType.WEBRTC_CALL,
                    RecordingType.AUDIO, Optional.empty(), Recorder.identities("alice"), List.of(
                            Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"), alice,
                                    Duration.ZERO, Duration.ofSeconds(1))));
            Recording failed = withoutFfmpeg.awaitComposition(account.key().accountId(), finished.id(), WAIT);
            assertEquals(RecordingStatus.FAILED, failed.status());
            assertEquals("ffmpeg is not installed at " + missing + " (set recordings.ffmpeg to where it is)",
                    failed.failureReason().orElseThrow());
        }
    }

    @Test
    void aHangingFfmpegIsStoppedAtTheTimeoutAndADeleteStopsARunningComposition() throws Exception {
        IssuedApiKey account = composingAccount("Slow Co");
        Path sleeper = workDir.resolve("sleeping-ffmpeg.sh");
        Files.writeString(sleeper, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(sleeper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path alice = MediaFiles.ogg(media.resolve("slow-alice.ogg"), 1, 440);
        Track track = Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"), alice, Duration.ZERO,
                Duration.ofSeconds(1));
        Path files = workDir.resolve("slow-files");
        try (var slow = recordingsWith(RecordingOptions.defaults(files).withTools(sleeper, MediaFiles.FFPROBE)
                .withComposeTimeout(Duration.ofSeconds(1)))) {
            Recording timedOut = new Recorder(slow).record(account.key().accountId(), CallType.WEBRTC_CALL,
                    RecordingType.AUDIO, Optional.empty(), Recorder.identities("alice"), List.of(track));
            Recording failed = slow.awaitComposition(account.key().accountId(), timedOut.id(), WAIT);
            assertEquals(RecordingStatus.FAILED, failed.status());
            assertEquals("ffmpeg did not finish within 1 s", failed.failureReason().orElseThrow());
        }
        try (var slow = recordingsWith(RecordingOptions.defaults(files).withTools(sleeper, MediaFiles.FFPROBE))) {
            Recording running = new Recorder(slow).record(account.key().accountId(), CallType.WEBRTC_CALL,
                    RecordingType.AUDIO, Optional.empty(), Recorder.identities("alice"), List.of(track));
            assertEquals(RecordingStatus.PROCESSING, running.status());
            long before = System.nanoTime();
            slow.delete(account.key().accountId(), running.id());
            assertTrue(System.nanoTime() - before < Duration.ofSeconds(10).toNanos(), "the delete did not wait for ffmpeg");
            assertFalse(Files.exists(files.resolve(running.id())));
            assertEquals(404, server.http().get("/webrtc/1/recordings/" + running.id(), "Authorization",
                    "App " + account.text()).status());
        }
    }

    @Test
    void anAccountThatDoesNotComposeIsReadyAtOnceAndTheSettingIsTakenWhenTheRecordingBegins() throws Exception {
        IssuedApiKey account = composingAccount("Switch Co");
        Path alice = MediaFiles.ogg(media.resolve("switch-alice.ogg"), 1, 440);
        Recording begun = recorder.begin(account.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice"));
        server.server().platform().recordingSettings().put(account.key().accountId(),
                new RecordingPreferences(AccountRecording.AUDIO, false));
        var started = recorder.start(begun, Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"),
                alice, Duration.ZERO, Duration.ofSeconds(1)));
        Recording finished = recordings.finish(begun.id(), begun.start().plusSeconds(1));
        assertTrue(finished.compose(), "composition was asked for when the recording began");
        Recording ready = awaitDone(account, finished);
        assertEquals(RecordingStatus.READY, ready.status(), ready.failureReason().orElse(""));
        assertTrue(ready.composedFile().isPresent());
        assertEquals(FileKind.PARTICIPANT, ready.files().stream().filter(f -> f.id().equals(started.file().id()))
                .findFirst().orElseThrow().kind());

        Recording plain = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice"), List.of(Track.of(Participant.identity("alice"),
                        FileFormat.OGG, List.of("OPUS"), alice, Duration.ZERO, Duration.ofSeconds(1))));
        assertEquals(RecordingStatus.READY, plain.status(), "no composition: READY when the call ends");
        assertTrue(plain.composedFile().isEmpty());

        server.server().platform().recordingSettings().put(account.key().accountId(),
                new RecordingPreferences(AccountRecording.AUDIO, true));
        Recording empty = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice"), List.of());
        assertEquals(RecordingStatus.READY, empty.status(), "nothing to compose: READY at once");
    }

    private IssuedApiKey composingAccount(String name) {
        IssuedApiKey account = server.server().platform().accounts().createAccount(name);
        server.server().platform().recordingSettings().put(account.key().accountId(),
                new RecordingPreferences(AccountRecording.AUDIO_AND_VIDEO, true));
        return account;
    }

    private Recording awaitDone(IssuedApiKey account, Recording recording) throws InterruptedException {
        Recording after = recordings.awaitComposition(account.key().accountId(), recording.id(), WAIT);
        assertFalse(after.status() == RecordingStatus.PROCESSING, "composition did not end within " + WAIT);
        return after;
    }

    /** A second recordings service over the same database, with other tools. */
    private Recordings recordingsWith(RecordingOptions options) {
        var platform = server.server().platform();
        return new Recordings(platform.database(), Clock.systemUTC(), platform.recordingSettings(),
                new LocalRecordingStore(options.directory()), options);
    }

    private Path download(IssuedApiKey account, Recording recording, RecordingFile file) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        Path target = workDir.resolve("downloaded-" + file.name());
        var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.http().baseUrl()
                        + "/webrtc/1/recordings/" + recording.id() + "/files/" + file.id()))
                .header("Authorization", "App " + account.text()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(target));
        assertEquals(200, response.statusCode());
        assertEquals(file.contentType(), response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(file.size(), Files.size(target));
        return target;
    }
}
