package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.recording.AccountRecording;
import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.LocalRecordingStore;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingFile;
import dev.parley.platform.recording.RecordingOptions;
import dev.parley.platform.recording.RecordingPreferences;
import dev.parley.platform.recording.RecordingStatus;
import dev.parley.platform.recording.RecordingType;
import dev.parley.platform.recording.Recordings;
import dev.parley.platform.recording.RecoverySummary;
import dev.parley.platform.recording.StartedFile;
import dev.parley.server.support.MediaFiles;
import dev.parley.server.support.Recorder;
import dev.parley.server.support.Recorder.Track;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that stops mid-call leaves recordings RECORDING, with files a recorder never closed,
 * and compositions that never finished. The next ParleyServer on that database finalises the
 * first (marked interrupted, then composed or READY) and composes the second again.
 */
class RecordingRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aServerStartedOnRecordingsAStopLeftFinalisesThemAndComposesAgain(String kind) throws Exception {
        MediaFiles.requireFfmpeg();
        Path media = Files.createDirectories(workDir.resolve("media"));
        Path cut = MediaFiles.cutLiveWebm(media.resolve("cut.webm"), 320, 240, 3, 40_000);
        Path whole = MediaFiles.webm(media.resolve("whole.webm"), 320, 240, 1, 660);
        // The first run's "ffmpeg" never finishes, so its composition is cut off by the stop.
        Path sleeper = workDir.resolve("sleeping-ffmpeg.sh");
        Files.writeString(sleeper, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(sleeper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> files = Map.of("PARLEY_RECORDINGS_DIR", workDir.resolve("recordings").toString());
        var firstRun = new java.util.HashMap<>(files);
        firstRun.put("PARLEY_RECORDINGS_FFMPEG", sleeper.toString());

        try (TestDatabase database = kind.equals("h2") ? TestDatabase.h2(workDir.resolve("data")) : TestDatabase.postgres()) {
            IssuedApiKey plain;
            IssuedApiKey composing;
            Recording cutOff;
            Recording cutOffComposed;
            Recording done;
            Recording composingWhenStopped;
            StartedFile cutFile;
            StartedFile emptyFile;
            RecordingFile wholeFile;
            try (var first = TestServer.start(database, workDir, firstRun)) {
                var platform = first.server().platform();
                plain = platform.accounts().createAccount("Plain Co");
                composing = platform.accounts().createAccount("Composing Co");
                platform.recordingSettings().put(composing.key().accountId(),
                        new RecordingPreferences(AccountRecording.AUDIO_AND_VIDEO, true));
                var recorder = new Recorder(platform.recordings());

                cutOff = recorder.begin(plain.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO_AND_VIDEO,
                        Optional.empty(), Recorder.identities("alice", "bob", "carol"));
                cutFile = recorder.start(cutOff, webm(Participant.identity("alice"), cut));
                var closed = recorder.start(cutOff, webm(Participant.identity("bob"), whole));
                wholeFile = platform.recordings().fileFinished(cutOff.id(), closed.file().id(),
                        info(closed, cutOff.start().plusSeconds(1)));
                emptyFile = recorder.start(cutOff, webm(Participant.identity("carol"),
                        Files.write(media.resolve("empty.webm"), new byte[0])));

                cutOffComposed = recorder.begin(composing.key().accountId(), CallType.ROOM_CALL,
                        RecordingType.AUDIO_AND_VIDEO, Optional.of("cut-room"), Recorder.identities("dave"));
                recorder.start(cutOffComposed, webm(Participant.identity("dave"), cut));

                done = recorder.record(plain.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO_AND_VIDEO,
                        Optional.empty(), Recorder.identities("erin"), List.of(webm(Participant.identity("erin"), whole)));
                composingWhenStopped = recorder.record(composing.key().accountId(), CallType.WEBRTC_CALL,
                        RecordingType.AUDIO_AND_VIDEO, Optional.empty(), Recorder.identities("fay"),
                        List.of(webm(Participant.identity("fay"), whole)));
                assertEquals(RecordingStatus.PROCESSING, composingWhenStopped.status());
                assertEquals(new RecoverySummary(0, 0), first.server().recordingRecovery());
            }

            try (var second = TestServer.start(database, workDir, files)) {
                assertEquals(new RecoverySummary(2, 1), second.server().recordingRecovery(),
                        "two recordings cut off while recording, one composition cut off");
                Recordings recordings = second.server().platform().recordings();
                String plainId = plain.key().accountId();

                Recording recovered = recordings.get(plainId, cutOff.id());
                assertEquals(RecordingStatus.READY, recovered.status());
                assertTrue(recovered.interrupted());
                assertEquals(2, recovered.files().size(), "the file nothing was written to is dropped: " + recovered);
                assertTrue(recovered.files().stream().noneMatch(f -> f.id().equals(emptyFile.file().id())));
                RecordingFile finalised = file(recovered, cutFile.file().id());
                // The media module's finalizer drops the half-written cluster at the cut.
                assertTrue(finalised.size() > 10_000 && finalised.size() <= 40_000, "size " + finalised.size());
                long millis = finalised.duration().orElseThrow().toMillis();
                // Up to the last whole cluster before the cut (the file was cut after about 2 s), not the clock.
                assertTrue(millis > 500 && millis < 2200, "the cut file's own length, not the clock: " + millis);
                assertEquals(finalised.start().plusMillis(millis), finalised.end().orElseThrow());
                assertEquals(wholeFile, file(recovered, wholeFile.id()), "a file closed before the stop is as it was");
                assertEquals(finalised.end().get().isAfter(wholeFile.end().get()) ? finalised.end() : wholeFile.end(),
                        recovered.end(), "the recording ends with its last file");

                JsonNode shown = second.http().get("/webrtc/1/recordings/" + cutOff.id(), "Authorization",
                        "App " + plain.text()).json();
                assertTrue(shown.get("interrupted").asBoolean());
                assertEquals("READY", shown.get("status").asText());
                assertEquals(200, second.http().get("/webrtc/1/recordings/" + cutOff.id() + "/files/"
                        + cutFile.file().id(), "Authorization", "App " + plain.text()).status());

                String composingId = composing.key().accountId();
                Recording composed = recordings.awaitComposition(composingId, cutOffComposed.id(), WAIT);
                assertTrue(composed.interrupted());
                assertEquals(RecordingStatus.READY, composed.status(), composed.failureReason().orElse(""));
                Path mp4 = second.server().platform().recordings().store()
                        .localFile(composed.composedFile().orElseThrow().storageKey());
                assertTrue(MediaFiles.probe(mp4).has("video"), "the interrupted file composes like any other");

                Recording again = recordings.awaitComposition(composingId, composingWhenStopped.id(), WAIT);
                assertEquals(RecordingStatus.READY, again.status(), again.failureReason().orElse(""));
                assertFalse(again.interrupted(), "its call had ended: only the composition was cut off");
                assertTrue(again.composedFile().isPresent());

                Recording untouched = recordings.get(plainId, done.id());
                assertEquals(done.files(), untouched.files());
                assertFalse(untouched.interrupted());
            }
        }
    }

    @Test
    void theFinalizerHookSeesEveryOpenFileAndItsDurationIsUsed() throws Exception {
        try (TestDatabase database = TestDatabase.h2(workDir.resolve("data"));
             var server = TestServer.start(database, workDir, Map.of())) {
            var platform = server.server().platform();
            IssuedApiKey account = platform.accounts().createAccount("Hook Co");
            var recorder = new Recorder(platform.recordings());
            Recording recording = recorder.begin(account.key().accountId(), CallType.PHONE_CALL, RecordingType.AUDIO,
                    Optional.empty(), List.of(Participant.identity("alice")));
            Path bytes = Recorder.bytes(workDir.resolve("hook.mka"), 900, 11);
            var phone = recorder.start(recording, Track.of(Participant.phoneNumber("+14155550177"), FileFormat.MKA,
                    List.of("PCMU"), bytes, Duration.ofMillis(250), Duration.ZERO));
            var app = recorder.start(recording, Track.of(Participant.identity("alice"), FileFormat.OGG,
                    List.of("OPUS"), bytes, Duration.ZERO, Duration.ZERO));
            // The app's file was last written 3 s after its start; the hook fails on it.
            Files.setLastModifiedTime(app.path(), FileTime.from(recording.start().plusSeconds(3)));

            var seen = new ArrayList<String>();
            RecoverySummary summary = platform.recordings().recoverAfterRestart((file, format) -> {
                seen.add(file.getFileName() + " " + format);
                if (format == FileFormat.OGG) {
                    throw new java.io.IOException("cannot repair");
                }
                Files.write(file, new byte[1234]); // a finalizer may rewrite the file in place
                return Optional.of(Duration.ofMillis(4200));
            });
            assertEquals(new RecoverySummary(1, 0), summary);
            assertEquals(List.of(app.file().name() + " OGG", phone.file().name() + " MKA").stream().sorted().toList(),
                    seen.stream().sorted().toList());

            Recording after = platform.recordings().get(account.key().accountId(), recording.id());
            assertTrue(after.interrupted());
            assertEquals(RecordingStatus.READY, after.status());
            RecordingFile phoneFile = file(after, phone.file().id());
            assertEquals(Duration.ofMillis(4200), phoneFile.duration().orElseThrow(), "the hook's duration");
            assertEquals(1234, phoneFile.size(), "the size after the hook rewrote it");
            RecordingFile appFile = file(after, app.file().id());
            assertEquals(recording.start().plusSeconds(3), appFile.end().orElseThrow(),
                    "a failing hook keeps the file; it ends when it was last written");
            assertEquals(900, appFile.size());
            assertEquals(new RecoverySummary(0, 0), platform.recordings().recoverAfterRestart(), "nothing left to do");
        }
    }

    @Test
    void withoutFfprobeAnOpenFileEndsWhenItWasLastWritten() throws Exception {
        try (TestDatabase database = TestDatabase.h2(workDir.resolve("data"));
             var server = TestServer.start(database, workDir, Map.of())) {
            var platform = server.server().platform();
            IssuedApiKey account = platform.accounts().createAccount("No Probe Co");
            var options = RecordingOptions.defaults(workDir.resolve("no-probe"))
                    .withTools(MediaFiles.FFMPEG, workDir.resolve("no-such-ffprobe"));
            try (var recordings = new Recordings(platform.database(), Clock.systemUTC(), platform.recordingSettings(),
                    new LocalRecordingStore(options.directory()), options)) {
                var recorder = new Recorder(recordings);
                Recording recording = recorder.begin(account.key().accountId(), CallType.WEBRTC_CALL,
                        RecordingType.AUDIO, Optional.empty(), Recorder.identities("alice"));
                var open = recorder.start(recording, Track.of(Participant.identity("alice"), FileFormat.OGG,
                        List.of("OPUS"), Recorder.bytes(workDir.resolve("noprobe.ogg"), 321, 12), Duration.ZERO,
                        Duration.ZERO));
                Instant lastWritten = recording.start().plusMillis(2500);
                Files.setLastModifiedTime(open.path(), FileTime.from(lastWritten));
                assertEquals(new RecoverySummary(1, 0), recordings.recoverAfterRestart());
                Recording after = recordings.get(account.key().accountId(), recording.id());
                assertEquals(lastWritten, file(after, open.file().id()).end().orElseThrow());
                assertEquals(lastWritten, after.end().orElseThrow());
            }
        }
    }

    private static Track webm(Participant participant, Path content) {
        return Track.of(participant, FileFormat.WEBM, List.of("OPUS", "VP8"), content, Duration.ZERO, Duration.ofSeconds(1));
    }

    private static dev.parley.platform.recording.FileInfo info(StartedFile started, Instant end) {
        RecordingFile file = started.file();
        return new dev.parley.platform.recording.FileInfo(Participant.identity(file.participant().orElseThrow()),
                file.format(), file.codecs(), file.start(), Optional.of(end));
    }

    private static RecordingFile file(Recording recording, String id) {
        return recording.files().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + id + " in " + recording));
    }
}
