package dev.parley.server;

import static dev.parley.server.PlatformApiContract.assertInvalid;
import static dev.parley.server.PlatformApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Http;
import dev.parley.server.support.ServerContract;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * SIP trunks and phone numbers over HTTP against a real server and database: CRUD,
 * validation, defaults, the default-trunk rules, secrets never shown, and tenant isolation.
 * Each test works in an account of its own, so the tests do not depend on each other.
 * Subclasses run it on H2 and on PostgreSQL.
 */
abstract class TelephonyApiContract extends ServerContract {

    static final String TRUNKS = "/telephony/1/trunks";
    static final String NUMBERS = "/telephony/1/numbers";

    // --- trunks -------------------------------------------------------------------------

    @Test
    void aTrunkIsCreatedWithItsDefaultsReadChangedAndDeleted() {
        String key = newAccount("Trunk Co");
        var created = post(key, TRUNKS, "{\"name\": \" Carrier EU \", \"host\": \"SIP.Carrier.Example\"}");
        assertEquals(201, created.status(), created.body());
        JsonNode trunk = created.json();
        String id = trunk.get("id").asText();
        assertTrue(id.startsWith("trk_"), id);
        assertEquals("Carrier EU", trunk.get("name").asText());
        assertEquals("sip.carrier.example", trunk.get("host").asText());
        assertEquals(5060, trunk.get("port").asInt());
        assertEquals("UDP", trunk.get("transport").asText());
        assertEquals("[\"PCMU\",\"PCMA\"]", trunk.get("codecs").toString());
        assertEquals("G711", trunk.get("webrtcAudio").asText());
        assertEquals("[]", trunk.get("allowedAddresses").toString());
        assertTrue(trunk.get("keepAlive").asBoolean());
        assertTrue(trunk.get("isDefault").asBoolean(), "the first trunk is the default");
        assertFalse(trunk.get("hasPassword").asBoolean());
        assertFalse(trunk.has("username"));

        assertEquals(trunk, get(key, TRUNKS + "/" + id).json());

        var changed = put(key, TRUNKS + "/" + id, """
                {"name": "Carrier US", "host": "2001:DB8:0:0::10", "port": 5080, "transport": "TCP",
                 "username": "parley", "codecs": ["OPUS", "PCMA"], "webrtcAudio": "OPUS",
                 "allowedAddresses": ["203.0.113.7/24", "2001:db8::10", "10.1.2.3", "10.1.2.3"], "keepAlive": false}""");
        assertEquals(200, changed.status(), changed.body());
        JsonNode after = changed.json();
        assertEquals("2001:db8::10", after.get("host").asText());
        assertEquals(5080, after.get("port").asInt());
        assertEquals("TCP", after.get("transport").asText());
        assertEquals("parley", after.get("username").asText());
        assertEquals("[\"OPUS\",\"PCMA\"]", after.get("codecs").toString(), "codecs keep their order");
        assertEquals("OPUS", after.get("webrtcAudio").asText());
        assertEquals("[\"203.0.113.0/24\",\"2001:db8::10\",\"10.1.2.3\"]", after.get("allowedAddresses").toString());
        assertFalse(after.get("keepAlive").asBoolean());
        assertTrue(after.get("isDefault").asBoolean(), "PUT without isDefault keeps the role");
        assertEquals(trunk.get("createdAt"), after.get("createdAt"));

        var reset = put(key, TRUNKS + "/" + id, "{\"name\": \"Carrier US\", \"host\": \"10.0.0.1\"}");
        assertEquals(200, reset.status(), reset.body());
        assertEquals(5060, reset.json().get("port").asInt(), "PUT replaces: what is left out takes its default");
        assertFalse(reset.json().has("username"));
        assertEquals("[]", reset.json().get("allowedAddresses").toString());

        assertEquals(204, delete(key, TRUNKS + "/" + id).status());
        assertProblem(get(key, TRUNKS + "/" + id), 404);
        assertProblem(delete(key, TRUNKS + "/" + id), 404);
        assertProblem(put(key, TRUNKS + "/" + id, "{\"name\": \"x\", \"host\": \"h\"}"), 404);
    }

    @Test
    void invalidTrunksNameEachFieldAtFault() {
        String key = newAccount("Invalid Trunk Co");
        var several = post(key, TRUNKS, "{\"host\": \"bad host\", \"port\": 0}");
        assertInvalid(several, "name");
        assertInvalid(several, "host");
        assertInvalid(several, "port");
        for (var bad : List.of(
                List.of("{\"name\": \"t\", \"host\": \"h\", \"port\": 65536}", "port"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"port\": \"5060\"}", "port"),
                List.of("{\"name\": \"\", \"host\": \"h\"}", "name"),
                List.of("{\"name\": \"" + "n".repeat(101) + "\", \"host\": \"h\"}", "name"),
                List.of("{\"name\": \"t\", \"host\": \"-pbx.example\"}", "host"),
                List.of("{\"name\": \"t\", \"host\": \"1.2.3.456\"}", "host"),
                List.of("{\"name\": \"t\", \"host\": \"[::1\"}", "host"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"transport\": \"TLS\"}", "transport"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": []}", "codecs"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": \"PCMU\"}", "codecs"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": [\"PCMU\", \"G729\"]}", "codecs[1]"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": [\"PCMU\", 8]}", "codecs[1]"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": [\"PCMU\", \"PCMU\"]}", "codecs"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"codecs\": [\"OPUS\"]}", "webrtcAudio"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"webrtcAudio\": \"G722\"}", "webrtcAudio"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"allowedAddresses\": [\"10.0.0.0/33\"]}", "allowedAddresses[0]"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"allowedAddresses\": [\"1.1.1.1\", \"carrier.example\"]}",
                        "allowedAddresses[1]"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"allowedAddresses\": [\"fe80::1%eth0\"]}", "allowedAddresses[0]"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"keepAlive\": \"yes\"}", "keepAlive"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"username\": \"a\\u0007b\"}", "username"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"password\": \"" + "p".repeat(257) + "\"}", "password"),
                List.of("{\"name\": \"t\", \"host\": \"h\", \"passwd\": \"typo\"}", "passwd"))) {
            assertInvalid(post(key, TRUNKS, bad.get(0)), bad.get(1));
        }
        var tooMany = new ArrayList<String>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("\"10.0.0." + i + "\"");
        }
        assertInvalid(post(key, TRUNKS, "{\"name\": \"t\", \"host\": \"h\", \"allowedAddresses\": " + tooMany + "}"),
                "allowedAddresses");
        assertEquals(0, list(key, TRUNKS).get("paging").get("totalResults").asInt(), "nothing was stored");
    }

    @Test
    void thePasswordIsStoredButNeverShownAndPutWithoutItKeepsIt() {
        String key = newAccount("Password Co");
        String secret = "pa55-Word!secret";
        var created = post(key, TRUNKS, "{\"name\": \"t\", \"host\": \"h.example\", \"username\": \"u\", \"password\": \""
                + secret + "\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertTrue(created.json().get("hasPassword").asBoolean());
        for (var answer : List.of(created, get(key, TRUNKS + "/" + id), get(key, TRUNKS))) {
            assertFalse(answer.body().contains(secret), answer.body());
            assertFalse(answer.body().contains("\"password\""), answer.body());
        }
        assertEquals(secret, storedTrunk(id).password().orElseThrow(), "kept in clear for digest answers");

        var kept = put(key, TRUNKS + "/" + id, "{\"name\": \"t2\", \"host\": \"h.example\", \"username\": \"u\"}");
        assertTrue(kept.json().get("hasPassword").asBoolean(), kept.body());
        assertEquals(secret, storedTrunk(id).password().orElseThrow());

        var changed = put(key, TRUNKS + "/" + id, "{\"name\": \"t2\", \"host\": \"h.example\", \"password\": \"new\"}");
        assertFalse(changed.body().contains("new\""), changed.body());
        assertEquals("new", storedTrunk(id).password().orElseThrow());

        var cleared = put(key, TRUNKS + "/" + id, "{\"name\": \"t2\", \"host\": \"h.example\", \"password\": \"\"}");
        assertFalse(cleared.json().get("hasPassword").asBoolean(), cleared.body());
        assertTrue(storedTrunk(id).password().isEmpty());
        assertFalse(storedTrunk(id).toString().contains("new"), "toString never holds the password");
    }

    @Test
    void anAccountWithTrunksHasExactlyOneDefault() {
        String key = newAccount("Default Co");
        String first = createTrunk(key, "first", "{}");
        String second = createTrunk(key, "second", "{\"isDefault\": false}");
        assertEquals(List.of(first), defaults(key), "the first trunk became the default");

        String third = createTrunk(key, "third", "{\"isDefault\": true}");
        assertEquals(List.of(third), defaults(key), "a new trunk can take the default");

        assertInvalid(put(key, TRUNKS + "/" + third, "{\"name\": \"third\", \"host\": \"h\", \"isDefault\": false}"),
                "isDefault");
        assertEquals(200, put(key, TRUNKS + "/" + second, "{\"name\": \"second\", \"host\": \"h\", \"isDefault\": true}")
                .status());
        assertEquals(List.of(second), defaults(key), "PUT isDefault=true moves it");
        assertEquals(200, put(key, TRUNKS + "/" + first, "{\"name\": \"first\", \"host\": \"h\", \"isDefault\": false}")
                .status(), "false on a trunk that is not the default changes nothing");

        assertEquals(204, delete(key, TRUNKS + "/" + second).status());
        assertEquals(List.of(first), defaults(key), "deleting the default hands it to the oldest trunk left");
        assertEquals(204, delete(key, TRUNKS + "/" + first).status());
        assertEquals(List.of(third), defaults(key));
        assertEquals(204, delete(key, TRUNKS + "/" + third).status());
        assertEquals(List.of(), defaults(key));
        assertEquals(List.of(createTrunk(key, "again", "{\"isDefault\": false}")), defaults(key),
                "the first trunk of an account becomes the default whatever it asked for");
    }

    @Test
    void requestsAtOnceKeepOneDefaultTrunkAndOneHolderPerNumber() throws Exception {
        String key = newAccount("Race Co");
        String otherKey = newAccount("Race Other Co");
        String number = uniqueNumber();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var trunks = new ArrayList<java.util.concurrent.Future<Http.Response>>();
            var numbers = new ArrayList<java.util.concurrent.Future<Http.Response>>();
            for (int i = 0; i < 8; i++) {
                String name = "race" + i;
                trunks.add(pool.submit(() -> post(key, TRUNKS, "{\"name\": \"" + name + "\", \"host\": \"h\"}")));
                String owner = i % 2 == 0 ? key : otherKey;
                numbers.add(pool.submit(() -> post(owner, NUMBERS, "{\"number\": \"" + number
                        + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}")));
            }
            for (var trunk : trunks) {
                assertEquals(201, trunk.get().status(), trunk.get().body());
            }
            var statuses = new ArrayList<Integer>();
            for (var answer : numbers) {
                statuses.add(answer.get().status());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409, 409, 409, 409, 409, 409), statuses);
        }
        assertEquals(1, defaults(key).size(), "exactly one default: " + defaults(key));
    }

    @Test
    void aTrunkThatNumbersUseCannotBeDeleted() {
        String key = newAccount("In Use Co");
        String trunk = createTrunk(key, "carrier", "{}");
        String number = uniqueNumber();
        assertEquals(201, post(key, NUMBERS, "{\"number\": \"" + number + "\", \"trunkId\": \"" + trunk
                + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}").status());
        var refused = delete(key, TRUNKS + "/" + trunk);
        assertProblem(refused, 409);
        assertTrue(refused.json().get("detail").asText().contains(number), refused.body());
        assertEquals(200, get(key, TRUNKS + "/" + trunk).status(), "still there");

        assertEquals(200, put(key, NUMBERS + "/" + number, "{\"inbound\": {\"type\": \"DYNAMIC\"}}").status());
        assertEquals(204, delete(key, TRUNKS + "/" + trunk).status(), "free once no number names it");
    }

    @Test
    void trunkListsArePaged() {
        String key = newAccount("Paging Co");
        for (int i = 0; i < 5; i++) {
            createTrunk(key, "t" + i, "{}");
        }
        JsonNode page = get(key, TRUNKS + "?page=1&size=2").json();
        assertEquals(5, page.get("paging").get("totalResults").asInt());
        assertEquals(3, page.get("paging").get("totalPages").asInt());
        assertEquals(1, page.get("paging").get("page").asInt());
        assertEquals(List.of("t2", "t3"), names(page, "name"), "oldest first");
        assertEquals(0, get(key, TRUNKS + "?page=7").json().get("results").size());
        assertInvalid(get(key, TRUNKS + "?size=0"), "size");
    }

    // --- numbers ------------------------------------------------------------------------

    @Test
    void aNumberIsAddedReadByEverySpellingChangedAndRemoved() {
        String key = newAccount("Number Co");
        String trunk = createTrunk(key, "carrier", "{}");
        String number = uniqueNumber();
        var created = post(key, NUMBERS, "{\"number\": \"" + number + "\", \"outboundEnabled\": true, \"trunkId\": \""
                + trunk + "\", \"inbound\": {\"type\": \"WEBRTC\", \"identity\": \"alice.smith\"}}");
        assertEquals(201, created.status(), created.body());
        JsonNode view = created.json();
        assertEquals(number, view.get("number").asText());
        assertTrue(view.get("outboundEnabled").asBoolean());
        assertEquals(trunk, view.get("trunkId").asText());
        assertEquals("{\"type\":\"WEBRTC\",\"identity\":\"alice.smith\"}", view.get("inbound").toString());

        for (String spelling : List.of(number, "%2B" + number.substring(1), number.substring(1))) {
            var read = get(key, NUMBERS + "/" + spelling);
            assertEquals(200, read.status(), spelling + ": " + read.body());
            assertEquals(view, read.json());
        }

        var changed = put(key, NUMBERS + "/" + number, "{\"number\": \"" + number
                + "\", \"inbound\": {\"type\": \"ROOM\", \"room\": \"support-room\"}}");
        assertEquals(200, changed.status(), changed.body());
        assertFalse(changed.json().get("outboundEnabled").asBoolean(), "PUT replaces: outboundEnabled defaults to false");
        assertFalse(changed.json().has("trunkId"));
        assertEquals("{\"type\":\"ROOM\",\"room\":\"support-room\"}", changed.json().get("inbound").toString());
        assertInvalid(put(key, NUMBERS + "/" + number, "{\"number\": \"+15550000000\", \"inbound\": {\"type\": \"DYNAMIC\"}}"),
                "number");

        for (String inbound : List.of("{\"type\": \"SIP\", \"sipUri\": \"sip:reception@pbx.example.com;transport=tcp\"}",
                "{\"type\": \"PHONE\", \"phoneNumber\": \"+41793026731\"}", "{\"type\": \"DYNAMIC\"}")) {
            var answer = put(key, NUMBERS + "/" + number, "{\"inbound\": " + inbound + "}");
            assertEquals(200, answer.status(), answer.body());
        }

        assertEquals(204, delete(key, NUMBERS + "/" + number).status());
        assertProblem(get(key, NUMBERS + "/" + number), 404);
        assertProblem(delete(key, NUMBERS + "/" + number), 404);
        assertProblem(put(key, NUMBERS + "/" + number, "{\"inbound\": {\"type\": \"DYNAMIC\"}}"), 404);
    }

    @Test
    void invalidNumbersNameEachFieldAtFault() {
        String key = newAccount("Invalid Number Co");
        String n = uniqueNumber();
        for (String bad : List.of("0123456", "+0123456", "+1", "+1234567890123456", "+1 415 555", "123")) {
            assertInvalid(post(key, NUMBERS, "{\"number\": \"" + bad + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}"),
                    "number");
        }
        for (var bad : List.of(
                List.of("{\"number\": \"" + n + "\"}", "inbound"),
                List.of("{\"inbound\": {\"type\": \"DYNAMIC\"}}", "number"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {}}", "inbound.type"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"FAX\"}}", "inbound.type"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": \"WEBRTC\"}", "inbound"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"WEBRTC\"}}", "inbound.identity"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"WEBRTC\", \"identity\": \"a b\"}}",
                        "inbound.identity"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"ROOM\", \"room\": \"ab\"}}", "inbound.room"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"ROOM\", \"room\": \"a/b/c\"}}", "inbound.room"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"SIP\", \"sipUri\": \"http://pbx.example\"}}",
                        "inbound.sipUri"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"SIP\", \"sipUri\": \"sip:a b@pbx\"}}",
                        "inbound.sipUri"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"PHONE\", \"phoneNumber\": \"555\"}}",
                        "inbound.phoneNumber"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"PHONE\", \"phoneNumber\": \"" + n + "\"}}",
                        "inbound.phoneNumber"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"DYNAMIC\", \"identity\": \"alice\"}}",
                        "inbound.identity"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"DYNAMIC\", \"url\": \"x\"}}", "inbound.url"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"DYNAMIC\"}, \"outboundEnabled\": 1}",
                        "outboundEnabled"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"DYNAMIC\"}, \"trunkId\": \"trk_nothere\"}",
                        "trunkId"),
                List.of("{\"number\": \"" + n + "\", \"inbound\": {\"type\": \"DYNAMIC\"}, \"callerId\": true}",
                        "callerId"))) {
            assertInvalid(post(key, NUMBERS, bad.get(0)), bad.get(1));
        }
        assertInvalid(get(key, NUMBERS + "/not-a-number"), "number");
        assertInvalid(get(key, NUMBERS + "?type=FAX"), "type");
        assertInvalid(get(key, NUMBERS + "?outboundEnabled=maybe"), "outboundEnabled");
        assertProblem(get(key, NUMBERS + "/" + n), 404);
    }

    @Test
    void numberListsArePagedInOrderAndFiltered() {
        String key = newAccount("Number List Co");
        var added = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            String number = uniqueNumber();
            added.add(number);
            String inbound = i % 2 == 0 ? "{\"type\": \"DYNAMIC\"}" : "{\"type\": \"WEBRTC\", \"identity\": \"agent" + i + "\"}";
            assertEquals(201, post(key, NUMBERS, "{\"number\": \"" + number + "\", \"outboundEnabled\": " + (i < 2)
                    + ", \"inbound\": " + inbound + "}").status());
        }
        added.sort(null);
        JsonNode page = get(key, NUMBERS + "?page=1&size=2").json();
        assertEquals(5, page.get("paging").get("totalResults").asInt());
        assertEquals(3, page.get("paging").get("totalPages").asInt());
        assertEquals(added.subList(2, 4), names(page, "number"));

        assertEquals(3, get(key, NUMBERS + "?type=DYNAMIC").json().get("paging").get("totalResults").asInt());
        assertEquals(2, get(key, NUMBERS + "?type=WEBRTC").json().get("paging").get("totalResults").asInt());
        assertEquals(2, get(key, NUMBERS + "?outboundEnabled=true").json().get("paging").get("totalResults").asInt());
        assertEquals(2, get(key, NUMBERS + "?type=DYNAMIC&outboundEnabled=false").json().get("paging")
                .get("totalResults").asInt());
    }

    // --- tenant isolation ---------------------------------------------------------------

    @Test
    void anotherAccountCannotReadChangeOrLearnAboutTrunksNumbersAndSettings() {
        String mine = newAccount("Mine Co");
        String theirs = newAccount("Theirs Co");
        String trunk = createTrunk(mine, "mine", "{\"password\": \"s3cret\"}");
        String number = uniqueNumber();
        assertEquals(201, post(mine, NUMBERS, "{\"number\": \"" + number + "\", \"trunkId\": \"" + trunk
                + "\", \"inbound\": {\"type\": \"WEBRTC\", \"identity\": \"alice\"}}").status());
        assertEquals(200, put(mine, "/webrtc/1/dynamic-destination",
                "{\"callbackUrl\": \"https://mine.example/route\"}").status());

        assertProblem(get(theirs, TRUNKS + "/" + trunk), 404);
        assertProblem(put(theirs, TRUNKS + "/" + trunk, "{\"name\": \"stolen\", \"host\": \"evil.example\"}"), 404);
        assertProblem(delete(theirs, TRUNKS + "/" + trunk), 404);
        assertProblem(get(theirs, NUMBERS + "/" + number), 404);
        assertProblem(put(theirs, NUMBERS + "/" + number, "{\"inbound\": {\"type\": \"DYNAMIC\"}}"), 404);
        assertProblem(delete(theirs, NUMBERS + "/" + number), 404);
        assertProblem(get(theirs, "/webrtc/1/dynamic-destination"), 404);
        assertProblem(delete(theirs, "/webrtc/1/dynamic-destination"), 404);
        assertEquals(0, list(theirs, TRUNKS).get("paging").get("totalResults").asInt());
        assertEquals(0, list(theirs, NUMBERS).get("paging").get("totalResults").asInt());

        var taken = post(theirs, NUMBERS, "{\"number\": \"" + number + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}");
        assertProblem(taken, 409);
        assertFalse(taken.body().contains(accountOf(mine)), "the holder is not named: " + taken.body());
        assertFalse(taken.body().contains("alice") || taken.body().contains(trunk), taken.body());
        assertInvalid(post(theirs, NUMBERS, "{\"number\": \"" + uniqueNumber() + "\", \"trunkId\": \"" + trunk
                + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}"), "trunkId");

        var again = post(mine, NUMBERS, "{\"number\": \"" + number + "\", \"inbound\": {\"type\": \"DYNAMIC\"}}");
        assertProblem(again, 409);

        // Untouched, and still mine.
        assertEquals("mine", get(mine, TRUNKS + "/" + trunk).json().get("name").asText());
        assertEquals("alice", get(mine, NUMBERS + "/" + number).json().get("inbound").get("identity").asText());
        assertEquals(200, get(mine, "/webrtc/1/dynamic-destination").status());
    }

    @Test
    void telephonyRoutesNeedAnApiKey() {
        for (String path : List.of(TRUNKS, NUMBERS, TRUNKS + "/trk_x", NUMBERS + "/+14155550100",
                "/webrtc/1/dynamic-destination")) {
            assertProblem(http.get(path), 401);
            assertProblem(http.get(path, "Authorization", "App ak_nothere.secret"), 401);
        }
    }

    // --- helpers ------------------------------------------------------------------------

    private int numberSeed = (int) Math.floorMod(System.nanoTime(), 1_000_000L);

    /** A number no other test of this run uses. */
    synchronized String uniqueNumber() {
        numberSeed = (numberSeed + 7919) % 10_000_000;
        return "+1415" + String.format("%07d", numberSeed);
    }

    dev.parley.platform.telephony.Trunk storedTrunk(String id) {
        return server.server().platform().telephony().allTrunks().stream()
                .filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    String createTrunk(String key, String name, String extraJson) {
        String extra = extraJson.strip();
        String body = "{\"name\": \"" + name + "\", \"host\": \"" + name + ".example\""
                + (extra.equals("{}") ? "" : ", " + extra.substring(1, extra.length() - 1)) + "}";
        return created(post(key, TRUNKS, body)).get("id").asText();
    }

    List<String> defaults(String key) {
        var ids = new ArrayList<String>();
        get(key, TRUNKS + "?size=100").json().get("results").forEach(trunk -> {
            if (trunk.get("isDefault").asBoolean()) {
                ids.add(trunk.get("id").asText());
            }
        });
        return ids;
    }

    static List<String> names(JsonNode page, String field) {
        return StreamSupport.stream(page.get("results").spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    JsonNode list(String key, String path) {
        var answer = get(key, path);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    Http.Response get(String key, String path) {
        return http.get(path, auth(key));
    }

    Http.Response post(String key, String path, String json) {
        return http.postJson(path, key, json);
    }

    Http.Response put(String key, String path, String json) {
        return http.putJson(path, key, json);
    }

    Http.Response delete(String key, String path) {
        return http.delete(path, auth(key));
    }
}
