package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.recording.CallType;
import dev.parley.platform.recording.FileFormat;
import dev.parley.platform.recording.Participant;
import dev.parley.platform.recording.Recording;
import dev.parley.platform.recording.RecordingType;
import dev.parley.server.support.Http;
import dev.parley.server.support.Recorder;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording routes with a real recording and file (so requests get past the ids) and
 * hostile query parameters, path ids and Range headers: the answer is always a 2xx or a 4xx
 * problem, never a 5xx. {@link HostileInputTest} covers hostile bodies and headers on every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingHostileInputTest {

    private static final List<String> HOSTILE = List.of("", "%00", "%ZZ", "%", "x".repeat(5000), "%E2%98%83",
            "%27%3B%20DROP%20TABLE%20recordings%3B--", "..%2F..%2Fetc%2Fpasswd", "-1", "99999999999999999999",
            "1e999", "NaN", "%0D%0AX-Injected:%201", "+", "%2B", "2026-02-30T00:00:00Z", "9999999-01-01T00:00:00Z",
            "startTime,desc,desc", ",", "null", "[]", "{}");

    private TestDatabase database;
    private TestServer server;
    private Http http;
    private String key;
    private Recording recording;
    private String filePath;

    @BeforeAll
    void start(@TempDir Path dir) {
        database = TestDatabase.h2(dir.resolve("data"));
        server = TestServer.start(database, dir, Map.of());
        http = server.http();
        key = server.firstApiKey();
        var platform = server.server().platform();
        String accountId = platform.accounts().authenticate(key).orElseThrow().accountId();
        recording = new Recorder(platform.recordings()).record(accountId, CallType.ROOM_CALL, RecordingType.AUDIO,
                Optional.of("hostile-room"), Recorder.identities("alice"), List.of(Recorder.Track.of(
                        Participant.identity("alice"), FileFormat.OGG, List.of("OPUS"),
                        Recorder.bytes(dir.resolve("hostile.ogg"), 4096, 13), Duration.ZERO, Duration.ofSeconds(1))));
        filePath = "/webrtc/1/recordings/" + recording.id() + "/files/" + recording.files().getFirst().id();
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void hostileListParametersGetClientErrors() {
        var failures = new ArrayList<String>();
        for (String name : List.of("callType", "identity", "phoneNumber", "room", "startFrom", "startTo", "sort",
                "page", "size", "unknown", "%00", "x".repeat(300))) {
            for (String value : HOSTILE) {
                send(failures, "GET", "/webrtc/1/recordings?" + name + "=" + value);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void malformedEscapesTheHttpClientWillNotSendGetClientErrors() throws Exception {
        var failures = new ArrayList<String>();
        for (String target : List.of("/webrtc/1/recordings?identity=%ZZ", "/webrtc/1/recordings?room=%",
                "/webrtc/1/recordings?%=1", "/webrtc/1/recordings?startFrom=2026-01-01T00:00:00%2", "/webrtc/1/recordings?sort=[]",
                "/webrtc/1/recordings/%ZZ", "/webrtc/1/recordings/rec_x/files/%", "/webrtc/1/recordings/{}",
                filePath + "?x=%ZZ")) {
            for (String method : List.of("GET", "HEAD", "DELETE")) {
                int status = rawStatus(method, target);
                if (status >= 500 || status < 200) {
                    failures.add(method + " " + target + " -> " + status);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The status of a request written by hand on a new connection, for targets java.net.URI refuses. */
    private int rawStatus(String method, String target) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: App " + key
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            String statusLine = reader.readLine();
            return statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void hostileIdsGetNotFound() {
        var failures = new ArrayList<String>();
        for (String id : HOSTILE) {
            if (id.isEmpty()) {
                continue;
            }
            for (String path : List.of("/webrtc/1/recordings/" + id, "/webrtc/1/recordings/" + id + "/files/" + id,
                    "/webrtc/1/recordings/" + recording.id() + "/files/" + id,
                    "/webrtc/1/recordings/" + id + "/files/" + recording.files().getFirst().id())) {
                for (String method : List.of("GET", "HEAD", "DELETE")) {
                    send(failures, method, path);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(200, http.get("/webrtc/1/recordings/" + recording.id(), "Authorization", "App " + key).status(),
                "the recording is still there");
    }

    @Test
    void hostileRangeHeadersGetTheFileOrAClientError() {
        var failures = new ArrayList<String>();
        var ranges = new ArrayList<>(List.of("bytes=", "bytes=-", "bytes=--1", "bytes=-1-2", "bytes=1--2",
                "bytes=99999999999999999999-", "bytes=0-99999999999999999999", "bytes=-99999999999999999999",
                "bytes=9223372036854775807-", "bytes=0-9223372036854775807", "bytes=4095-4095", "bytes=4096-4096",
                "bytes= 0 - 10 ", "BYTES=0-10", "bytes=0-10,", "bytes=,0-10", "bytes=" + "0-1,".repeat(2000) + "0-1",
                "bytes=a-b", "bytes=1.5-2", "bytes=０-１", "bytes=0x10-0x20", "=0-10", "bytes", "none",
                "bytes=\u0000-1"));
        for (String range : ranges) {
            for (String method : List.of("GET", "HEAD")) {
                try {
                    var answer = http.method(method, filePath, "Authorization", "App " + key, "Range", range);
                    boolean clientError = answer.status() >= 400 && answer.status() < 500;
                    if (!(answer.status() == 200 || answer.status() == 206 || clientError)) {
                        failures.add(method + " Range: " + abbreviate(range) + " -> " + answer.status());
                    }
                } catch (IllegalArgumentException e) {
                    // The client refuses to send a header with a NUL; nothing reached the server.
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(http.get(filePath, "Authorization", "App " + key, "Range", "bytes=0-0").status() == 206);
    }

    private void send(List<String> failures, String method, String path) {
        Http.Response answer;
        try {
            answer = http.method(method, path, "Authorization", "App " + key);
        } catch (IllegalArgumentException e) {
            return; // not a URI the client will send ("%ZZ", "[]"); nothing reached the server
        } catch (java.io.UncheckedIOException e) {
            failures.add(method + " " + abbreviate(path) + " -> " + e.getMessage());
            return;
        }
        if (answer.status() >= 500) {
            failures.add(method + " " + abbreviate(path) + " -> " + answer);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
