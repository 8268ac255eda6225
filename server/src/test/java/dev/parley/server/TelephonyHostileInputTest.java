package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.server.support.Http;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telephony and dynamic destination routes with real ids (so requests get past the
 * path to the body) and every field of a valid body replaced by values of the wrong type,
 * size or shape: the answer is always a 4xx problem, never a 5xx. {@link HostileInputTest}
 * covers the generic hostile bodies and headers on every route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelephonyHostileInputTest {

    private static final List<String> HOSTILE_VALUES = List.of("null", "true", "0", "-1", "1e999", "1.5",
            "9223372036854775808", "\"\"", "\" \"", "\"" + "x".repeat(5000) + "\"", "\"\\u0000\"", "\"é\\n\\r\"",
            "\"[::\"", "\"sip:\"", "\"+\"", "[]", "[null]", "[1]", "[\"" + "a".repeat(300) + "\"]", "{}",
            "{\"a\": {}}", "\"%2B%00\"");

    private static final String PLACEHOLDER = "@@hostile@@";

    private TestDatabase database;
    private TestServer server;
    private Http http;
    private String key;
    private String trunkId;
    private String number = "+4930901899";

    @BeforeAll
    void start(@TempDir Path dir) {
        database = TestDatabase.h2(dir.resolve("data"));
        server = TestServer.start(database, dir, Map.of());
        http = server.http();
        key = server.firstApiKey();
        trunkId = http.postJson("/telephony/1/trunks", key, "{\"name\": \"t\", \"host\": \"t.example\"}")
                .json().get("id").asText();
        assertEquals(201, http.postJson("/telephony/1/numbers", key, "{\"number\": \"" + number
                + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}").status());
    }

    @AfterAll
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void everyFieldWithTheWrongValueGetsAClientError() throws Exception {
        String trunk = """
                {"name": "t", "host": "h.example", "port": 5060, "transport": "UDP", "username": "u", "password": "p",
                 "codecs": ["PCMU"], "webrtcAudio": "G711", "allowedAddresses": ["10.0.0.0/8"], "keepAlive": true,
                 "isDefault": true}""";
        String numberBody = """
                {"number": "+4930901898", "outboundEnabled": true, "trunkId": "%s",
                 "inbound": {"type": "SIP", "identity": "a", "room": "r", "sipUri": "sip:a@h", "phoneNumber": "+1555"}}"""
                .formatted(trunkId);
        String ddr = "{\"callbackUrl\": \"https://a.example/\", \"authorization\": \"x\", \"statusUrl\": \"http://b/\"}";
        var failures = new ArrayList<String>();
        for (String body : mutations(trunk)) {
            check(failures, "POST", "/telephony/1/trunks", body);
            check(failures, "PUT", "/telephony/1/trunks/" + trunkId, body);
        }
        for (String body : mutations(numberBody)) {
            check(failures, "POST", "/telephony/1/numbers", body);
            check(failures, "PUT", "/telephony/1/numbers/" + number, body);
        }
        for (String body : mutations(ddr)) {
            check(failures, "PUT", "/webrtc/1/dynamic-destination", body);
        }
        assertEquals(List.of(), failures);
        assertEquals(200, http.get("/health/ready").status());
    }

    @Test
    void hostilePathsAndQueriesGetClientErrors() {
        var failures = new ArrayList<String>();
        // Encoded control characters (%00, %0A) are refused by Jetty itself with 400 and a closed
        // connection, before routing (PlatformApiContract covers those); they are left out here.
        List<String> numbers = List.of("+", "%2B", "%20", "%20%20", "++1", "%2B%2B1", "1".repeat(500), "-1",
                "%2B0", "%E2%98%83", "..%2F..%2Fetc", "%252B1", "+1;x=1", "%2B1%3B", "1.5");
        for (String n : numbers) {
            for (String method : List.of("GET", "PUT", "DELETE", "POST")) {
                try {
                    var response = http.method(method, "/telephony/1/numbers/" + n, "Authorization", "App " + key);
                    if (response.status() >= 500) {
                        failures.add(method + " numbers/" + n + " -> " + response);
                    }
                } catch (RuntimeException e) {
                    failures.add(method + " numbers/" + n + " -> " + e);
                }
            }
        }
        for (String query : List.of("type=", "type=%00", "type=webrtc", "outboundEnabled=TRUE", "outboundEnabled=1",
                "type=DYNAMIC&type=ROOM", "page=1e3", "size=2147483648", "page=2147483647&size=100")) {
            for (String path : List.of("/telephony/1/numbers?", "/telephony/1/trunks?")) {
                var response = http.get(path + query, "Authorization", "App " + key);
                if (response.status() >= 500) {
                    failures.add("GET " + path + query + " -> " + response);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The body as is, without each field, and with each field (nested ones too) set to each hostile value. */
    private static List<String> mutations(String json) throws Exception {
        var bodies = new ArrayList<String>();
        ObjectNode root = (ObjectNode) Http.JSON.readTree(json);
        bodies.add(json);
        collect(root, root, bodies);
        return bodies;
    }

    /**
     * Mutates each field of {@code object} (part of {@code root}) in place and renders the
     * whole body. A placeholder string stands for the hostile value, which is spliced in as
     * raw text: some (such as {@code 1e999}) would not survive a trip through a JSON tree.
     */
    private static void collect(ObjectNode root, ObjectNode object, List<String> bodies) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        for (String field : names) {
            JsonNode original = object.get(field);
            object.remove(field);
            bodies.add(root.toString());
            object.put(field, PLACEHOLDER);
            String template = root.toString();
            for (String value : HOSTILE_VALUES) {
                bodies.add(template.replace("\"" + PLACEHOLDER + "\"", value));
            }
            object.set(field, original);
            if (original instanceof ObjectNode nested) {
                collect(root, nested, bodies);
            }
        }
    }

    private void check(List<String> failures, String method, String path, String body) {
        try {
            var response = method.equals("PUT") ? http.putJson(path, key, body) : http.postJson(path, key, body);
            if (response.status() >= 500) {
                failures.add(method + " " + path + " " + (body.length() > 120 ? body.substring(0, 120) : body)
                        + " -> " + response);
            }
        } catch (RuntimeException e) {
            failures.add(method + " " + path + " -> " + e);
        }
    }
}
