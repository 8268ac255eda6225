package dev.parley.server;

import static dev.parley.server.PlatformApiContract.assertInvalid;
import static dev.parley.server.PlatformApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.platform.telephony.InboundDestination;
import dev.parley.platform.telephony.TelephonyDirectory;
import dev.parley.platform.telephony.Trunk;
import dev.parley.server.support.ServerContract;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the phone gateway asks {@link TelephonyDirectory} about the configuration made over
 * REST, and the dynamic destination settings resource. Subclasses run it on H2 and on
 * PostgreSQL.
 */
abstract class TelephonyDirectoryContract extends ServerContract {

    static final String DDR = "/webrtc/1/dynamic-destination";

    TelephonyDirectory directory;

    @BeforeAll
    void findDirectory() {
        directory = server.server().platform().telephony();
    }

    // --- the directory ------------------------------------------------------------------

    @Test
    void inboundCallsAreRoutedByNumberToTheirAccountDestinationAndTrunk() {
        String key = newAccount("Inbound Co");
        String account = accountOf(key);
        String main = trunk(key, "{\"name\": \"main\", \"host\": \"main.example\"}");
        String backup = trunk(key, "{\"name\": \"backup\", \"host\": \"backup.example\"}");
        number(key, "+4930901820", "{\"type\": \"WEBRTC\", \"identity\": \"alice\"}", backup, true);
        number(key, "+4930901821", "{\"type\": \"ROOM\", \"room\": \"lobby\"}", null, false);

        var toAlice = directory.inboundRoute("+4930901820").orElseThrow();
        assertEquals(account, toAlice.accountId());
        assertEquals(new InboundDestination.ToIdentity("alice"), toAlice.destination());
        assertEquals(backup, toAlice.trunk().orElseThrow().id(), "the number's own trunk");
        var toLobby = directory.inboundRoute("+4930901821").orElseThrow();
        assertEquals(new InboundDestination.ToRoom("lobby"), toLobby.destination());
        assertEquals(main, toLobby.trunk().orElseThrow().id(), "else the account's default trunk");

        assertTrue(directory.inboundRoute("+4930901829").isEmpty(), "nobody's number");
        assertTrue(directory.inboundRoute("not a number").isEmpty());
    }

    @Test
    void outboundCallsTakeTheCallerIdsTrunkElseTheDefaultAndOnlyOwnNumbersCount() {
        String key = newAccount("Outbound Co");
        String account = accountOf(key);
        String other = accountOf(newAccount("Outbound Other Co"));
        assertTrue(directory.trunkFor(account, "+4930901830").isEmpty(), "no trunk yet");

        String main = trunk(key, "{\"name\": \"main\", \"host\": \"main.example\"}");
        String special = trunk(key, "{\"name\": \"special\", \"host\": \"special.example\"}");
        number(key, "+4930901830", "{\"type\": \"DYNAMIC\"}", special, true);
        number(key, "+4930901831", "{\"type\": \"DYNAMIC\"}", null, false);

        assertEquals(special, directory.trunkFor(account, "+4930901830").orElseThrow().id());
        assertEquals(main, directory.trunkFor(account, "+4930901831").orElseThrow().id());
        assertEquals(main, directory.trunkFor(account, "+4930901839").orElseThrow().id(), "unknown caller ID");
        assertTrue(directory.trunkFor(other, "+4930901830").isEmpty(), "another account's number gives nothing");

        assertTrue(directory.ownNumber(account, "+4930901830").orElseThrow().outboundEnabled());
        assertFalse(directory.ownNumber(account, "+4930901831").orElseThrow().outboundEnabled());
        assertTrue(directory.ownNumber(other, "+4930901830").isEmpty());
        assertTrue(directory.ownNumber(account, "4930901830").isEmpty());
    }

    @Test
    void sourcesAreAllowedByTheTrunksAddressRangesAndSipHostsMustBeTrunks() throws Exception {
        String key = newAccount("Source Co");
        String account = accountOf(key);
        String other = accountOf(newAccount("Source Other Co"));
        String carrier = trunk(key, "{\"name\": \"carrier\", \"host\": \"SIP.Carrier.example\","
                + " \"allowedAddresses\": [\"198.51.100.0/24\", \"2001:db8:aa::/48\"]}");
        String pbx = trunk(key, "{\"name\": \"pbx\", \"host\": \"[2001:db8::5]\", \"port\": 5080}");

        assertTrue(directory.isAllowedSource(account, InetAddress.ofLiteral("198.51.100.77")));
        assertTrue(directory.isAllowedSource(account, InetAddress.ofLiteral("2001:db8:aa:1::9")));
        assertFalse(directory.isAllowedSource(account, InetAddress.ofLiteral("198.51.101.1")));
        assertFalse(directory.isAllowedSource(other, InetAddress.ofLiteral("198.51.100.77")));
        assertEquals(List.of(carrier), directory.trunksAllowing(InetAddress.ofLiteral("198.51.100.1")).stream()
                .map(Trunk::id).toList());
        assertTrue(directory.trunksAllowing(InetAddress.ofLiteral("192.0.2.1")).isEmpty());
        assertFalse(directory.isAllowedSource(account, InetAddress.ofLiteral("2001:db8::5")),
                "empty allowedAddresses means none, not the host");

        List<String> all = directory.allTrunks().stream().map(Trunk::id).toList();
        assertTrue(all.containsAll(List.of(carrier, pbx)), all.toString());

        assertEquals(carrier, directory.trunkForSipHost(account, "sip.CARRIER.example.").orElseThrow().id());
        assertEquals(pbx, directory.trunkForSipHost(account, "[2001:0db8:0::5]").orElseThrow().id());
        assertTrue(directory.trunkForSipHost(account, "evil.example").isEmpty(), "not an open relay");
        assertTrue(directory.trunkForSipHost(other, "sip.carrier.example").isEmpty());
        assertTrue(directory.trunkForSipHost(account, "bad host").isEmpty());
    }

    // --- dynamic destination settings ---------------------------------------------------

    @Test
    void dynamicDestinationSettingsAreSetReadChangedAndRemoved() {
        String key = newAccount("Dynamic Co");
        assertProblem(http.get(DDR, auth(key)), 404);
        assertProblem(http.delete(DDR, auth(key)), 404);

        var created = http.putJson(DDR, key, """
                {"callbackUrl": "https://backend.example/route?x=1", "authorization": "Bearer t0ps3cret",
                 "statusUrl": "http://backend.example:8080/status"}""");
        assertEquals(200, created.status(), created.body());
        assertEquals("https://backend.example/route?x=1", created.json().get("callbackUrl").asText());
        assertEquals("http://backend.example:8080/status", created.json().get("statusUrl").asText());
        assertTrue(created.json().get("hasAuthorization").asBoolean());
        for (var answer : List.of(created, http.get(DDR, auth(key)))) {
            assertFalse(answer.body().contains("t0ps3cret"), answer.body());
            assertFalse(answer.body().contains("\"authorization\""), answer.body());
        }
        var configs = server.server().platform().dynamicDestinationConfigs();
        assertEquals("Bearer t0ps3cret", configs.get(accountOf(key)).authorization().orElseThrow());
        assertFalse(configs.get(accountOf(key)).toString().contains("t0ps3cret"));

        var kept = http.putJson(DDR, key, "{\"callbackUrl\": \"https://backend.example/route2\"}");
        assertTrue(kept.json().get("hasAuthorization").asBoolean(), "left out: kept");
        assertFalse(kept.json().has("statusUrl"), "PUT replaces: no status URL now");
        assertEquals(created.json().get("createdAt"), kept.json().get("createdAt"));

        var cleared = http.putJson(DDR, key, "{\"callbackUrl\": \"https://backend.example/route2\", \"authorization\": \"\"}");
        assertFalse(cleared.json().get("hasAuthorization").asBoolean());
        assertTrue(configs.get(accountOf(key)).authorization().isEmpty());

        assertEquals(204, http.delete(DDR, auth(key)).status());
        assertProblem(http.get(DDR, auth(key)), 404);
    }

    @Test
    void invalidDynamicDestinationSettingsNameTheFieldAtFault() {
        String key = newAccount("Dynamic Invalid Co");
        for (var bad : List.of(
                List.of("{}", "callbackUrl"),
                List.of("{\"callbackUrl\": 5}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"ftp://backend.example/x\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"/relative\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"http://\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"https://user:pw@backend.example/\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"https://backend.example/#frag\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"https://back end.example/\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"https://backend.example/" + "x".repeat(2048) + "\"}", "callbackUrl"),
                List.of("{\"callbackUrl\": \"https://b.example/\", \"statusUrl\": \"mailto:a@b.example\"}", "statusUrl"),
                List.of("{\"callbackUrl\": \"https://b.example/\", \"authorization\": \"Bearer a\\r\\nX-Evil: 1\"}",
                        "authorization"),
                List.of("{\"callbackUrl\": \"https://b.example/\", \"authorization\": \"" + "a".repeat(1025) + "\"}",
                        "authorization"),
                List.of("{\"callbackUrl\": \"https://b.example/\", \"authorization\": \"Bearer é\"}", "authorization"),
                List.of("{\"callbackUrl\": \"https://b.example/\", \"statusURL\": \"https://b.example/s\"}", "statusURL"))) {
            assertInvalid(http.putJson(DDR, key, bad.get(0)), bad.get(1));
        }
        var both = http.putJson(DDR, key, "{\"callbackUrl\": \"gopher://x\", \"statusUrl\": \"nope\"}");
        assertInvalid(both, "callbackUrl");
        assertInvalid(both, "statusUrl");
        assertProblem(http.get(DDR, auth(key)), 404);
        assertProblem(http.post(DDR, "application/json", "{}", auth(key)), 405);
    }

    // --- helpers ------------------------------------------------------------------------

    String trunk(String key, String json) {
        return created(http.postJson(TelephonyApiContract.TRUNKS, key, json)).get("id").asText();
    }

    void number(String key, String number, String inbound, String trunkId, boolean outbound) {
        var answer = created(http.postJson(TelephonyApiContract.NUMBERS, key, "{\"number\": \"" + number
                + "\", \"inbound\": " + inbound + ", \"outboundEnabled\": " + outbound
                + (trunkId == null ? "" : ", \"trunkId\": \"" + trunkId + "\"") + "}"));
        assertInstanceOf(String.class, answer.get("number").asText());
    }
}
