package dev.parley.server;

import static dev.parley.server.PlatformApiContract.assertInvalid;
import static dev.parley.server.PlatformApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.account.IssuedApiKey;
import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingType;
import dev.parley.platform.recording.Recordings;
import dev.parley.server.support.Recorder;
import dev.parley.server.support.ServerContract;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording settings and recordings over HTTP against a real server and database: settings,
 * lists with every filter, sort and paging, a recording with its files, downloads whole and by
 * range compared byte for byte with the files on disk, delete, and accounts kept apart.
 * Recordings are made through the services, as the calls make them, with files written by the
 * test. Each test works in an account of its own. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class RecordingsContract extends ServerContract {

    static final String SETTINGS = "/webrtc/1/recording-settings";
    static final String RECORDINGS = "/webrtc/1/recordings";

    Recordings recordings;
    Recorder recorder;
    final HttpClient binary = HttpClient.newHttpClient();

    @Override
    protected Map<String, String> serverEnvironment() {
        return Map.of("PARLEY_RECORDINGS_DIR", recordingsDir().toString());
    }

    @BeforeAll
    void findRecordings() {
        recordings = server.server().platform().recordings();
        recorder = new Recorder(recordings);
    }

    // --- settings -----------------------------------------------------------------------

    @Test
    void settingsDefaultToNoRecordingAndArePutAndReadBack() {
        var account = createAccount("Settings Co");
        var initial = http.get(SETTINGS, auth(account.text()));
        assertEquals(200, initial.status(), initial.body());
        assertEquals("{\"recording\":\"NO_RECORDING\",\"compose\":false}", initial.body());

        var put = http.putJson(SETTINGS, account.text(), "{\"recording\": \"AUDIO_AND_VIDEO\", \"compose\": true}");
        assertEquals(200, put.status(), put.body());
        assertEquals("{\"recording\":\"AUDIO_AND_VIDEO\",\"compose\":true}", put.body());
        assertEquals(put.body(), http.get(SETTINGS, auth(account.text())).body());

        var audio = http.putJson(SETTINGS, account.text(), "{\"recording\": \"AUDIO\"}");
        assertEquals("{\"recording\":\"AUDIO\",\"compose\":false}", audio.body(), "compose left out is false");
        assertEquals(audio.body(), http.get(SETTINGS, auth(account.text())).body());
    }

    @Test
    void invalidSettingsNameTheFieldAtFault() {
        var account = createAccount("Bad Settings Co");
        for (var bad : List.of(
                List.of("{}", "recording"),
                List.of("{\"compose\": true}", "recording"),
                List.of("{\"recording\": \"VIDEO\"}", "recording"),
                List.of("{\"recording\": \"audio\"}", "recording"),
                List.of("{\"recording\": 1}", "recording"),
                List.of("{\"recording\": \"AUDIO\", \"compose\": \"yes\"}", "compose"),
                List.of("{\"recording\": \"AUDIO\", \"composition\": true}", "composition"),
                List.of("[\"AUDIO\"]", "body"))) {
            assertInvalid(http.putJson(SETTINGS, account.text(), bad.get(0)), bad.get(1));
        }
        assertProblem(http.put(SETTINGS, "text/plain", "{\"recording\": \"AUDIO\"}", "Authorization",
                "App " + account.text()), 415);
        assertProblem(http.get(SETTINGS), 401);
        assertEquals("{\"recording\":\"NO_RECORDING\",\"compose\":false}",
                http.get(SETTINGS, auth(account.text())).body(), "nothing was stored");
    }

    @Test
    void settingsBelongToOneAccount() {
        var mine = createAccount("Settings Mine");
        var theirs = createAccount("Settings Theirs");
        http.putJson(SETTINGS, mine.text(), "{\"recording\": \"AUDIO\", \"compose\": true}");
        assertEquals("{\"recording\":\"NO_RECORDING\",\"compose\":false}",
                http.get(SETTINGS, auth(theirs.text())).body());
        assertEquals(true, server.server().platform().recordingSettings().get(mine.key().accountId()).compose());
    }

    // --- lists --------------------------------------------------------------------------

    @Test
    void listFiltersEachOnTheirOwnAndCombined() throws Exception {
        var account = createAccount("Filter Co");
        String id = account.key().accountId();
        Recording call = recordOnly(id, CallType.WEBRTC_CALL, Optional.empty(),
                List.of(Participant.identity("alice"), Participant.identity("bob")));
        Thread.sleep(5);
        Recording phone = recordOnly(id, CallType.PHONE_CALL, Optional.empty(),
                List.of(Participant.identity("alice"), Participant.phoneNumber("+14155550123")));
        Thread.sleep(5);
        Recording room = recordOnly(id, CallType.ROOM_CALL, Optional.of("standup"),
                List.of(Participant.identity("bob"), Participant.identity("carol"), Participant.phoneNumber("+442071234567")));
        Thread.sleep(5);
        Recording otherRoom = recordOnly(id, CallType.ROOM_CALL, Optional.of("retro"), List.of(Participant.identity("dave")));

        String key = account.text();
        assertEquals(List.of(otherRoom.id(), room.id(), phone.id(), call.id()), ids(list(key, "")), "newest first");
        assertEquals(List.of(call.id()), ids(list(key, "callType=WEBRTC_CALL")));
        assertEquals(List.of(phone.id()), ids(list(key, "callType=PHONE_CALL")));
        assertEquals(List.of(otherRoom.id(), room.id()), ids(list(key, "callType=ROOM_CALL")));
        assertEquals(List.of(phone.id(), call.id()), ids(list(key, "identity=alice")));
        assertEquals(List.of(room.id(), call.id()), ids(list(key, "identity=bob")));
        assertEquals(List.of(), ids(list(key, "identity=nobody")));
        assertEquals(List.of(phone.id()), ids(list(key, "phoneNumber=%2B14155550123")));
        assertEquals(List.of(phone.id()), ids(list(key, "phoneNumber=+14155550123")), "a raw + reads as a space");
        assertEquals(List.of(room.id()), ids(list(key, "phoneNumber=442071234567")), "the + may be left out");
        assertEquals(List.of(room.id()), ids(list(key, "room=standup")));
        assertEquals(List.of(room.id(), phone.id()), ids(list(key, "startFrom=" + enc(phone.start())
                + "&startTo=" + enc(otherRoom.start()))), "startFrom inclusive, startTo exclusive");
        assertEquals(List.of(otherRoom.id(), room.id()), ids(list(key, "startFrom=" + enc(room.start()))));
        assertEquals(List.of(call.id()), ids(list(key, "startTo=" + enc(phone.start()))));
        String offset = room.start().atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        assertEquals(List.of(otherRoom.id(), room.id()), ids(list(key, "startFrom=" + offset.replace("+", "%2B"))),
                "a time with an offset");

        assertEquals(List.of(room.id()), ids(list(key, "callType=ROOM_CALL&identity=bob")), "combined");
        assertEquals(List.of(), ids(list(key, "callType=ROOM_CALL&identity=alice")));
        assertEquals(List.of(room.id()), ids(list(key, "identity=carol&phoneNumber=%2B442071234567&room=standup"
                + "&startFrom=" + enc(call.start()))));
        assertEquals(List.of(phone.id()), ids(list(key, "identity=alice&startFrom=" + enc(phone.start()))));
    }

    @Test
    void listSortsAndPages() throws Exception {
        var account = createAccount("Paging Co");
        String id = account.key().accountId();
        var made = new java.util.ArrayList<Recording>();
        for (int i = 0; i < 5; i++) {
            made.add(recordOnly(id, CallType.WEBRTC_CALL, Optional.empty(), Recorder.identities("user" + i)));
            Thread.sleep(3);
        }
        List<String> oldestFirst = made.stream().map(Recording::id).toList();
        List<String> newestFirst = oldestFirst.reversed();
        String key = account.text();
        assertEquals(newestFirst, ids(list(key, "")));
        assertEquals(newestFirst, ids(list(key, "sort=startTime,desc")));
        assertEquals(oldestFirst, ids(list(key, "sort=startTime,asc")));
        assertEquals(oldestFirst, ids(list(key, "sort=startTime,ASC")));
        assertEquals(newestFirst, ids(list(key, "sort=startTime")));
        assertEquals(oldestFirst, ids(list(key, "sort=endTime,asc")), "each ended after the one before");

        JsonNode first = list(key, "sort=startTime,asc&size=2");
        assertEquals(oldestFirst.subList(0, 2), ids(first));
        assertEquals("{\"page\":0,\"size\":2,\"totalPages\":3,\"totalResults\":5}", canonical(first.get("paging")));
        assertEquals(oldestFirst.subList(2, 4), ids(list(key, "sort=startTime,asc&size=2&page=1")));
        JsonNode last = list(key, "sort=startTime,asc&size=2&page=2");
        assertEquals(oldestFirst.subList(4, 5), ids(last));
        assertEquals(List.of(), ids(list(key, "sort=startTime,asc&size=2&page=3")), "past the end");
        assertEquals(5, list(key, "size=100").get("results").size());

        // A running recording (no end yet) comes last when sorted by end time, both ways.
        Recording running = recorder.begin(id, CallType.WEBRTC_CALL, RecordingType.AUDIO, Optional.empty(),
                Recorder.identities("late"));
        assertEquals(running.id(), ids(list(key, "sort=endTime,asc")).getLast());
        assertEquals(running.id(), ids(list(key, "sort=endTime,desc")).getLast());
        recordings.finish(running.id(), running.start());
    }

    @Test
    void invalidListParametersNameTheParameter() {
        var account = createAccount("Bad Query Co");
        String key = account.text();
        for (var bad : List.of(
                List.of("callType=ROOM", "callType"),
                List.of("callType=room_call", "callType"),
                List.of("identity=ab", "identity"),
                List.of("identity=" + "x".repeat(65), "identity"),
                List.of("identity=semi%3Bcolon", "identity"),
                List.of("phoneNumber=1", "phoneNumber"),
                List.of("phoneNumber=%2B0123456", "phoneNumber"),
                List.of("phoneNumber=alice", "phoneNumber"),
                List.of("room=ab", "room"),
                List.of("room=a%20room", "room"),
                List.of("startFrom=yesterday", "startFrom"),
                List.of("startFrom=2026-01-31", "startFrom"),
                List.of("startFrom=2026-01-31T09:30:00", "startFrom"),
                List.of("startTo=2026-13-01T00:00:00Z", "startTo"),
                List.of("startFrom=2026-02-01T00:00:00Z&startTo=2026-01-01T00:00:00Z", "startTo"),
                List.of("startFrom=2026-02-01T00:00:00Z&startTo=2026-02-01T00:00:00Z", "startTo"),
                List.of("sort=duration", "sort"),
                List.of("sort=startTime,up", "sort"),
                List.of("sort=startTime,asc,id", "sort"),
                List.of("page=-1", "page"),
                List.of("page=x", "page"),
                List.of("size=0", "size"),
                List.of("size=101", "size"),
                List.of("calltype=ROOM_CALL", "calltype"),
                List.of("identity=alice&identity=bob", "identity"))) {
            assertInvalid(http.get(RECORDINGS + "?" + bad.get(0), auth(key)), bad.get(1));
        }
        assertEquals(200, http.get(RECORDINGS + "?callType=&identity=", auth(key)).status(),
                "an empty parameter is no filter");
    }

    // --- one recording ------------------------------------------------------------------

    @Test
    void aRecordingIsReadWithItsFiles() {
        var account = createAccount("Read Co");
        Path alice = Recorder.bytes(workDir.resolve("read-alice.webm"), 3000, 1);
        Path phone = Recorder.bytes(workDir.resolve("read-phone.mka"), 1200, 2);
        Recording recording = recorder.record(account.key().accountId(), CallType.PHONE_CALL, RecordingType.AUDIO,
                Optional.empty(), List.of(Participant.identity("alice")), List.of(
                        Recorder.Track.of(Participant.identity("alice"), FileFormat.WEBM, List.of("OPUS"), alice,
                                Duration.ZERO, Duration.ofMillis(4500)),
                        Recorder.Track.of(Participant.phoneNumber("+14155550199"), FileFormat.MKA, List.of("PCMU"), phone,
                                Duration.ofMillis(500), Duration.ofMillis(4000))));
        var answer = http.get(RECORDINGS + "/" + recording.id(), auth(account.text()));
        assertEquals(200, answer.status(), answer.body());
        JsonNode r = answer.json();
        assertEquals(recording.id(), r.get("id").asText());
        assertTrue(r.get("id").asText().startsWith("rec_"));
        assertEquals(recording.callId(), r.get("callId").asText());
        assertEquals("PHONE_CALL", r.get("callType").asText());
        assertEquals("AUDIO", r.get("recordingType").asText());
        assertFalse(r.has("room"));
        assertEquals("[{\"address\":\"alice\",\"type\":\"IDENTITY\"},{\"address\":\"+14155550199\",\"type\":\"PHONE_NUMBER\"}]",
                canonical(r.get("participants")), "the phone joined with its file");
        assertEquals("READY", r.get("status").asText(), "an account that does not compose is READY at once");
        assertFalse(r.has("failureReason"));
        assertFalse(r.get("interrupted").asBoolean());
        assertFalse(r.get("compose").asBoolean());
        assertEquals(recording.start().toString(), r.get("startTime").asText());
        assertEquals(4500, r.get("duration").asLong());
        assertEquals(recording.start().plusMillis(4500).toString(), r.get("endTime").asText());

        JsonNode files = r.get("files");
        assertEquals(2, files.size());
        JsonNode first = files.get(0);
        assertTrue(first.get("id").asText().startsWith("rf_"));
        assertEquals(first.get("id").asText() + ".webm", first.get("name").asText());
        assertEquals("PARTICIPANT", first.get("kind").asText());
        assertEquals("alice", first.get("participant").asText());
        assertEquals("WEBM", first.get("format").asText());
        assertEquals("audio/webm", first.get("contentType").asText(), "a WebM with Opus only is audio");
        assertEquals("[\"OPUS\"]", first.get("codecs").toString());
        assertEquals(3000, first.get("size").asLong());
        assertEquals(recording.start().toString(), first.get("startTime").asText());
        assertEquals(recording.start().plusMillis(4500).toString(), first.get("endTime").asText());
        assertEquals(4500, first.get("duration").asLong());
        JsonNode second = files.get(1);
        assertEquals("+14155550199", second.get("participant").asText());
        assertEquals("MKA", second.get("format").asText());
        assertEquals("audio/x-matroska", second.get("contentType").asText());
        assertEquals(1200, second.get("size").asLong());
        assertEquals(4000, second.get("duration").asLong());
        assertEquals(recording.start().plusMillis(500).toString(), second.get("startTime").asText());

        assertEquals(r, list(account.text(), "").get("results").get(0), "the list shows the same");
        assertProblem(http.get(RECORDINGS + "/rec_doesnotexist", auth(account.text())), 404);
    }

    // --- downloads ----------------------------------------------------------------------

    @Test
    void filesDownloadWholeAndByRangeByteForByte() throws Exception {
        var account = createAccount("Download Co");
        Path content = Recorder.bytes(workDir.resolve("download.webm"), 10_000, 3);
        Recording recording = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL,
                RecordingType.AUDIO_AND_VIDEO, Optional.empty(), Recorder.identities("alice"), List.of(
                        Recorder.Track.of(Participant.identity("alice"), FileFormat.WEBM, List.of("OPUS", "VP8"),
                                content, Duration.ZERO, Duration.ofSeconds(2))));
        String fileId = recording.files().getFirst().id();
        Path onDisk = recordingsDir().resolve(recording.id()).resolve(fileId + ".webm");
        byte[] disk = Files.readAllBytes(onDisk);
        assertArrayEquals(Files.readAllBytes(content), disk, "the file is where recordings.dir says");
        String path = RECORDINGS + "/" + recording.id() + "/files/" + fileId;
        String key = account.text();

        var whole = download(key, path);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(disk, whole.body());
        assertEquals("video/webm", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("10000", whole.headers().firstValue("Content-Length").orElse(""));
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("attachment; filename=\"" + recording.id() + "-" + fileId + ".webm\"",
                whole.headers().firstValue("Content-Disposition").orElse(""));
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        var gzipAsked = download(key, path, "Accept-Encoding", "gzip");
        assertTrue(gzipAsked.headers().firstValue("Content-Encoding").isEmpty(), "media is sent as it is");
        assertArrayEquals(disk, gzipAsked.body());

        assertRange(key, path, "bytes=0-99", disk, 0, 99);
        assertRange(key, path, "bytes=5000-5999", disk, 5000, 5999);
        assertRange(key, path, "bytes=-500", disk, 9500, 9999);
        assertRange(key, path, "bytes=9000-", disk, 9000, 9999);
        assertRange(key, path, "bytes=9990-20000", disk, 9990, 9999);
        assertRange(key, path, "bytes=-20000", disk, 0, 9999);
        assertRange(key, path, "bytes=9999-9999", disk, 9999, 9999);

        for (String unsatisfiable : List.of("bytes=10000-", "bytes=10000-10005", "bytes=-0", "bytes=99999999999999999999-")) {
            var answer = download(key, path, "Range", unsatisfiable);
            assertEquals(416, answer.statusCode(), unsatisfiable);
            assertEquals("bytes */10000", answer.headers().firstValue("Content-Range").orElse(""), unsatisfiable);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(answer.headers().firstValue("Content-Disposition").isEmpty(), "a problem is not an attachment");
        }
        for (String ignored : List.of("bytes=0-10,20-30", "bytes=50-10", "bytes=abc", "items=0-10", "bytes=")) {
            var answer = download(key, path, "Range", ignored);
            assertEquals(200, answer.statusCode(), ignored + " is ignored: the whole file");
            assertArrayEquals(disk, answer.body(), ignored);
        }
        assertRange(key, path, "bytes=0-99", disk, 0, 99, "If-Range", etag);
        var changed = download(key, path, "Range", "bytes=0-99", "If-Range", "\"something-else\"");
        assertEquals(200, changed.statusCode(), "If-Range that does not match: the whole file");
        assertArrayEquals(disk, changed.body());

        var head = binary.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "App " + key).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals("10000", head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);
        var headRange = binary.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "App " + key)
                .header("Range", "bytes=-500").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, headRange.statusCode());
        assertEquals("bytes 9500-9999/10000", headRange.headers().firstValue("Content-Range").orElse(""));

        assertEquals(401, download(null, path).statusCode());
        assertEquals(404, download(key, RECORDINGS + "/" + recording.id() + "/files/rf_nosuchfile").statusCode());
        assertEquals(404, download(key, RECORDINGS + "/rec_nosuchrecording/files/" + fileId).statusCode());
    }

    @Test
    void contentTypesFollowTheFormat() throws Exception {
        var account = createAccount("Types Co");
        Path content = Recorder.bytes(workDir.resolve("types.bin"), 100, 4);
        var tracks = List.of(
                Recorder.Track.of(Participant.identity("a-webm"), FileFormat.WEBM, List.of("OPUS", "VP8"), content,
                        Duration.ZERO, Duration.ofSeconds(1)),
                Recorder.Track.of(Participant.identity("b-mkv"), FileFormat.MKV, List.of("OPUS", "H264"), content,
                        Duration.ZERO, Duration.ofSeconds(1)),
                Recorder.Track.of(Participant.identity("c-ogg"), FileFormat.OGG, List.of("OPUS"), content,
                        Duration.ZERO, Duration.ofSeconds(1)),
                Recorder.Track.of(Participant.phoneNumber("+14155550111"), FileFormat.MKA, List.of("PCMA"), content,
                        Duration.ZERO, Duration.ofSeconds(1)));
        Recording recording = recorder.record(account.key().accountId(), CallType.ROOM_CALL,
                RecordingType.AUDIO_AND_VIDEO, Optional.of("types"), List.of(), tracks);
        var expected = Map.of("a-webm", "video/webm", "b-mkv", "video/x-matroska", "c-ogg", "audio/ogg",
                "+14155550111", "audio/x-matroska");
        for (var file : recording.files()) {
            var answer = download(account.text(), RECORDINGS + "/" + recording.id() + "/files/" + file.id());
            assertEquals(200, answer.statusCode());
            assertEquals(expected.get(file.participant().orElseThrow()), answer.headers().firstValue("Content-Type")
                    .orElse(""), file.toString());
        }
    }

    @Test
    void aFileStillBeingRecordedCannotBeDownloadedNorItsRecordingDeleted() {
        var account = createAccount("Running Co");
        Recording running = recorder.begin(account.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice", "bob"));
        var started = recorder.start(running, Recorder.Track.of(Participant.identity("alice"), FileFormat.OGG,
                List.of("OPUS"), Recorder.bytes(workDir.resolve("running.ogg"), 500, 5), Duration.ZERO,
                Duration.ofSeconds(1)));
        String key = account.text();
        JsonNode shown = http.get(RECORDINGS + "/" + running.id(), auth(key)).json();
        assertEquals("RECORDING", shown.get("status").asText());
        assertFalse(shown.has("endTime"));
        assertFalse(shown.get("files").get(0).has("endTime"));
        assertProblem(http.get(RECORDINGS + "/" + running.id() + "/files/" + started.file().id(),
                auth(key)), 409);
        assertProblem(http.delete(RECORDINGS + "/" + running.id(), auth(key)), 409);
        assertTrue(Files.exists(started.path()), "nothing was removed");

        recordings.finish(running.id(), running.start().plusSeconds(1));
        assertEquals(200, http.get(RECORDINGS + "/" + running.id() + "/files/" + started.file().id(),
                auth(key)).status(), "finish closed the open file");
        assertEquals(204, http.delete(RECORDINGS + "/" + running.id(), auth(key)).status());
    }

    // --- delete -------------------------------------------------------------------------

    @Test
    void deleteRemovesTheRowsAndTheFiles() throws Exception {
        var account = createAccount("Delete Co");
        Path content = Recorder.bytes(workDir.resolve("delete.ogg"), 2000, 6);
        Recording recording = recorder.record(account.key().accountId(), CallType.WEBRTC_CALL, RecordingType.AUDIO,
                Optional.empty(), Recorder.identities("alice", "bob"), List.of(
                        Recorder.Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"), content,
                                Duration.ZERO, Duration.ofSeconds(1)),
                        Recorder.Track.of(Participant.identity("bob"), FileFormat.OGG, List.of("OPUS"), content,
                                Duration.ZERO, Duration.ofSeconds(1))));
        Path directory = recordingsDir().resolve(recording.id());
        try (var files = Files.list(directory)) {
            assertEquals(2, files.count());
        }
        String key = account.text();
        assertEquals(204, http.delete(RECORDINGS + "/" + recording.id(), auth(key)).status());
        assertFalse(Files.exists(directory), "the recording's directory is gone");
        assertProblem(http.get(RECORDINGS + "/" + recording.id(), auth(key)), 404);
        assertProblem(http.delete(RECORDINGS + "/" + recording.id(), auth(key)), 404);
        assertEquals(0, list(key, "").get("paging").get("totalResults").asInt());
        for (String table : List.of("recordings", "recording_participants", "recording_files")) {
            String column = table.equals("recordings") ? "id" : "recording_id";
            long rows = server.server().platform().database().transaction(c -> dev.parley.platform.store.Sql.count(c,
                    "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", recording.id()));
            assertEquals(0, rows, table);
        }
    }

    // --- accounts -----------------------------------------------------------------------

    @Test
    void anotherAccountsRecordingsAre404Everywhere() throws Exception {
        var mine = createAccount("Isolation Mine");
        var theirs = createAccount("Isolation Theirs");
        Path content = Recorder.bytes(workDir.resolve("isolation.ogg"), 700, 7);
        Recording recording = recorder.record(mine.key().accountId(), CallType.ROOM_CALL, RecordingType.AUDIO,
                Optional.of("private-room"), Recorder.identities("alice"), List.of(
                        Recorder.Track.of(Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"), content,
                                Duration.ZERO, Duration.ofSeconds(1))));
        String file = RECORDINGS + "/" + recording.id() + "/files/" + recording.files().getFirst().id();
        String other = theirs.text();
        assertProblem(http.get(RECORDINGS + "/" + recording.id(), auth(other)), 404);
        assertProblem(http.get(file, auth(other)), 404);
        assertEquals(404, download(other, file, "Range", "bytes=0-10").statusCode());
        assertProblem(http.delete(RECORDINGS + "/" + recording.id(), auth(other)), 404);
        assertEquals(0, list(other, "").get("paging").get("totalResults").asInt());
        assertEquals(0, list(other, "room=private-room").get("results").size());
        assertEquals(0, list(other, "identity=alice").get("results").size());
        var notFound = http.get(RECORDINGS + "/" + recording.id(), auth(other));
        assertEquals(http.get(RECORDINGS + "/rec_neverexisted", auth(other)).json().get("title"),
                notFound.json().get("title"), "the same answer as for a recording that never existed");

        assertEquals(200, http.get(file, auth(mine.text())).status(), "still there for its owner");
        assertEquals(1, list(mine.text(), "").get("results").size());
    }

    // --- helpers ------------------------------------------------------------------------

    /** A new account made through the account service: its key with the account's id. */
    IssuedApiKey createAccount(String name) {
        return server.server().platform().accounts().createAccount(name);
    }

    Path recordingsDir() {
        return workDir.resolve("recording-files");
    }

    /** A finished recording without files. */
    Recording recordOnly(String accountId, CallType type, Optional<String> room, List<Participant> participants) {
        return recorder.record(accountId, type, type == CallType.PHONE_CALL ? RecordingType.AUDIO
                : RecordingType.AUDIO_AND_VIDEO, room, participants, List.of());
    }

    JsonNode list(String key, String query) {
        var answer = http.get(RECORDINGS + (query.isEmpty() ? "" : "?" + query), auth(key));
        assertEquals(200, answer.status(), query + ": " + answer.body());
        return answer.json();
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("results").spliterator(), false).map(r -> r.get("id").asText()).toList();
    }

    static String enc(java.time.Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    static String canonical(JsonNode node) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                    .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            return mapper.writeValueAsString(mapper.treeToValue(node, Object.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<byte[]> download(String key, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            request.header("Authorization", "App " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return binary.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    void assertRange(String key, String path, String range, byte[] disk, int first, int last, String... more)
            throws Exception {
        var headers = new java.util.ArrayList<>(List.of("Range", range));
        headers.addAll(List.of(more));
        var answer = download(key, path, headers.toArray(String[]::new));
        assertEquals(206, answer.statusCode(), range);
        assertEquals("bytes " + first + "-" + last + "/" + disk.length,
                answer.headers().firstValue("Content-Range").orElse(""), range);
        assertEquals(Integer.toString(last - first + 1), answer.headers().firstValue("Content-Length").orElse(""), range);
        assertArrayEquals(Arrays.copyOfRange(disk, first, last + 1), answer.body(), range);
    }
}
