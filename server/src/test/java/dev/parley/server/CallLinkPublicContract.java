package dev.parley.server;

import static dev.parley.server.CallLinksContract.createConfig;
import static dev.parley.server.PlatformApiContract.assertInvalid;
import static dev.parley.server.PlatformApiContract.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.calllink.Destination;
import dev.parley.platform.calllink.LinkState;
import dev.parley.platform.telephony.InboundDestination;
import dev.parley.platform.telephony.NumberSpec;
import dev.parley.server.support.Http;
import dev.parley.server.support.MultipartUpload;
import dev.parley.server.support.ServerContract;
import dev.parley.server.support.TestImages;
import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Call links over HTTP: creating them (defaults, URL, validation naming each field), and what
 * the public call page sees: states with their texts, the configuration that applies, sessions
 * whose tokens the server's own verifier accepts with the {@code callLink} claim, one-time
 * links used up through {@code markUsed}. Subclasses run it on H2 and on PostgreSQL.
 */
abstract class CallLinkPublicContract extends ServerContract {

    static final String LINKS = CallLinksContract.LINKS;
    static final String PUBLIC = "/call-link/1/public/links/";

    @Override
    protected Map<String, String> serverEnvironment() {
        return CallLinksContract.GENEROUS_LIMITS;
    }

    @Test
    void aLinkGetsAShortRandomCodeItsUrlAndTheDefaultWindow() {
        String key = newAccount("Link Co");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode link = createLink(http, key, "{\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"},"
                + " \"customData\": {\"ticket\": \"T-1\", \"lang\": \"hr\"}}");
        Instant after = Instant.now();
        String code = link.get("code").asText();
        assertTrue(code.matches("[0-9A-Za-z]{12}"), code);
        assertEquals("https://call.example.com/l/" + code, link.get("url").asText(), "call-links.public-base-url");
        assertEquals("{\"type\":\"WEBRTC\",\"identity\":\"agent1\"}", link.get("destination").toString());
        assertEquals("{\"ticket\":\"T-1\",\"lang\":\"hr\"}", link.get("customData").toString());
        assertFalse(link.get("showIdentity").asBoolean());
        assertFalse(link.has("identity"));
        JsonNode window = link.get("validityWindow");
        assertFalse(window.get("oneTime").asBoolean());
        Instant start = Instant.parse(window.get("startTime").asText());
        assertTrue(!start.isBefore(before) && !start.isAfter(after), "starts now: " + start);
        assertEquals(start.plus(Duration.ofHours(24)), Instant.parse(window.get("endTime").asText()), "ends 24 h later");
        assertEquals("UTC", window.get("timezone").asText());
        assertEquals("[]", window.get("acceptableDays").toString());
        assertEquals("ACTIVE", link.get("state").asText());
        assertEquals(link, http.get(LINKS + "/" + link.get("id").asText(), auth(key)).json());

        var codes = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            codes.add(createLink(http, key, "{\"destination\": {\"type\": \"ROOM\", \"roomName\": \"r" + i + "oom\"}}")
                    .get("code").asText());
        }
        assertEquals(20, codes.size(), "every code differs");
        JsonNode page = http.get(LINKS + "?page=1&size=5", auth(key)).json();
        assertEquals(21, page.get("paging").get("totalResults").asInt());
        assertEquals(5, page.get("results").size());

        String id = link.get("id").asText();
        assertEquals(204, http.delete(LINKS + "/" + id, auth(key)).status());
        assertProblem(http.get(LINKS + "/" + id, auth(key)), 404);
        assertProblem(http.get(PUBLIC + code), 404);
    }

    @Test
    void invalidLinksNameEachFieldAtFault() {
        String key = newAccount("Invalid Link Co");
        var platform = server.server().platform();
        platform.numbers().create(accountId("Invalid Link Co"), "+14155550100",
                new NumberSpec(true, Optional.empty(), new InboundDestination.ToIdentity("agent1")));
        platform.numbers().create(accountId("Invalid Link Co"), "+14155550101",
                new NumberSpec(false, Optional.empty(), new InboundDestination.ToIdentity("agent1")));
        String webrtc = "\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"}";
        for (var bad : List.of(
                List.of("{}", "destination"),
                List.of("{\"destination\": {}}", "destination.type"),
                List.of("{\"destination\": {\"type\": \"SIP\"}}", "destination.type"),
                List.of("{\"destination\": {\"type\": \"WEBRTC\"}}", "destination.identity"),
                List.of("{\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"a b\"}}", "destination.identity"),
                List.of("{\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\", \"roomName\": \"x\"}}", "destination.roomName"),
                List.of("{\"identity\": \"bob\", \"destination\": {\"type\": \"ROOM\", \"roomName\": \"lobby\"}}", "identity"),
                List.of("{\"destination\": {\"type\": \"ROOM\", \"roomName\": \"x\"}}", "destination.roomName"),
                List.of("{\"destination\": {\"type\": \"PHONE\", \"phoneNumber\": \"0041791234567\", \"from\": \"+14155550100\"}}",
                        "destination.phoneNumber"),
                List.of("{\"destination\": {\"type\": \"PHONE\", \"phoneNumber\": \"+41791234567\"}}", "destination.from"),
                List.of("{\"destination\": {\"type\": \"PHONE\", \"phoneNumber\": \"+41791234567\", \"from\": \"+14155550101\"}}",
                        "destination.from"),
                List.of("{\"destination\": {\"type\": \"PHONE\", \"phoneNumber\": \"+41791234567\", \"from\": \"+14155550199\"}}",
                        "destination.from"),
                List.of("{\"identity\": \"x\", " + webrtc + "}", "identity"),
                List.of("{\"displayName\": \"" + "d".repeat(51) + "\", " + webrtc + "}", "displayName"),
                List.of("{\"displayName\": \"a\\u0000\", " + webrtc + "}", "displayName"),
                List.of("{\"showIdentity\": \"yes\", " + webrtc + "}", "showIdentity"),
                List.of("{\"customData\": {\"k\": 1}, " + webrtc + "}", "customData.k"),
                List.of("{\"customData\": {\"k\": \"" + "v".repeat(501) + "\"}, " + webrtc + "}", "customData.k"),
                List.of("{\"callLinkConfigId\": \"clc_nope\", " + webrtc + "}", "callLinkConfigId"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"startTime\": \"2026-05-01T10:00:00Z\", \"endTime\": \"2026-05-01T10:00:00Z\"}}",
                        "validityWindow.endTime"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"startTime\": \"2099-01-01T00:00:00Z\"}}", "validityWindow.endTime"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"startTime\": \"tomorrow\"}}", "validityWindow.startTime"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"endTime\": \"2026-05-01T10:00:00\"}}", "validityWindow.endTime"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"timezone\": \"Mars/Olympus\"}}", "validityWindow.timezone"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"timezone\": \"+02:00\"}}", "validityWindow.timezone"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"acceptableHours\": {\"start\": {\"hour\": 24, \"minute\": 0},"
                        + " \"end\": {\"hour\": 5, \"minute\": 0}}}}", "validityWindow.acceptableHours.start.hour"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"acceptableHours\": {\"start\": {\"hour\": 9, \"minute\": 60},"
                        + " \"end\": {\"hour\": 5, \"minute\": 0}}}}", "validityWindow.acceptableHours.start.minute"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"acceptableHours\": {\"start\": {\"hour\": 9}}}}",
                        "validityWindow.acceptableHours.end"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"acceptableHours\": {\"start\": {\"hour\": 9},"
                        + " \"end\": {\"hour\": 9}}}}", "validityWindow.acceptableHours.end"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"acceptableDays\": [\"MONDAY\", \"FUNDAY\"]}}",
                        "validityWindow.acceptableDays[1]"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"oneTime\": 1}}", "validityWindow.oneTime"),
                List.of("{" + webrtc + ", \"validityWindow\": {\"once\": true}}", "validityWindow.once"),
                List.of("{" + webrtc + ", \"destinaton\": 1}", "destinaton"))) {
            assertInvalid(post(http, key, bad.get(0)), bad.get(1));
        }
        var several = post(http, key, "{\"identity\": \"x\", \"displayName\": \"\", " + webrtc
                + ", \"validityWindow\": {\"timezone\": \"Nowhere\"}}");
        for (String field : List.of("identity", "displayName", "validityWindow.timezone")) {
            assertInvalid(several, field);
        }
        assertEquals(0, http.get(LINKS, auth(key)).json().get("paging").get("totalResults").asInt(), "nothing stored");
        JsonNode phone = createLink(http, key, "{\"destination\": {\"type\": \"PHONE\", \"phoneNumber\": \"+41791234567\","
                + " \"from\": \"+14155550100\"}}");
        assertEquals("{\"type\":\"PHONE\",\"phoneNumber\":\"+41791234567\",\"from\":\"+14155550100\"}",
                phone.get("destination").toString(), "a number with outboundEnabled is a valid caller ID");
    }

    @Test
    void thePublicViewUsesTheLinksConfigurationElseTheDefaultElseTheBuiltIn() {
        String key = newAccount("Public Co");
        JsonNode builtIn = publicView(createLink(http, key, "{\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"}}"));
        assertEquals("ACTIVE", builtIn.get("state").asText());
        assertEquals("Welcome", builtIn.get("message").asText());
        assertTrue(builtIn.get("askName").asBoolean());
        assertTrue(builtIn.get("displayName").isNull());
        assertEquals("{\"type\":\"WEBRTC\",\"name\":null}", sortedDestination(builtIn));
        assertEquals("{\"audio\":true,\"video\":false,\"muted\":false,\"cameraFacingMode\":\"USER\"}",
                builtIn.get("initialOptions").toString());
        assertEquals("{\"colors\":{\"primary\":\"#0A7CFF\",\"primaryText\":\"#FFFFFF\",\"background\":\"#F4F6F8\"},"
                + "\"logoUrl\":null,\"backgroundUrl\":null}", builtIn.get("theme").toString());

        String logo = created(MultipartUpload.upload(http, key, "LOGO", "l.png",
                TestImages.solid("png", 64, 64, Color.RED))).get("id").asText();
        String def = createConfig(http, key, "{\"name\": \"default\", \"theme\": {\"messages\": {\"welcomeText\": \"Hello from us\"},"
                + " \"colors\": {\"primary\": \"#112233\"}, \"images\": {\"logoImageId\": \"" + logo + "\"}}}");
        String own = createConfig(http, key, "{\"name\": \"own\", \"initialOptions\": {\"video\": true}, \"callOptions\": {\"dialPad\": true},"
                + " \"theme\": {\"messages\": {\"welcomeText\": \"Own welcome\"}}}");
        JsonNode withDefault = publicView(createLink(http, key, "{\"displayName\": \"Ana\", \"showIdentity\": true,"
                + " \"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"}}"));
        assertEquals("Hello from us", withDefault.get("message").asText());
        assertEquals("#112233", withDefault.get("theme").get("colors").get("primary").asText());
        assertEquals("/call-link/1/public/images/" + logo, withDefault.get("theme").get("logoUrl").asText());
        assertFalse(withDefault.get("askName").asBoolean(), "the link names the caller");
        assertEquals("Ana", withDefault.get("displayName").asText());
        assertEquals("agent1", withDefault.get("destination").get("name").asText(), "showIdentity");
        assertEquals(200, http.getBytes(withDefault.get("theme").get("logoUrl").asText()).status());

        JsonNode withOwn = publicView(createLink(http, key, "{\"callLinkConfigId\": \"" + own + "\","
                + " \"destination\": {\"type\": \"ROOM\", \"roomName\": \"support\"}}"));
        assertEquals("Own welcome", withOwn.get("message").asText());
        assertTrue(withOwn.get("initialOptions").get("video").asBoolean());
        assertTrue(withOwn.get("callOptions").get("dialPad").asBoolean());
        assertEquals("support", withOwn.get("destination").get("name").asText(), "a room is always named");
        assertTrue(withOwn.get("theme").get("logoUrl").isNull());
        // The first configuration became the default; the second did not take it over.
        assertTrue(http.get(CallLinksContract.CONFIGS + "/" + def, auth(key)).json().get("isDefault").asBoolean());
        assertFalse(http.get(CallLinksContract.CONFIGS + "/" + own, auth(key)).json().get("isDefault").asBoolean());

        assertProblem(http.get(PUBLIC + "AAAAAAAAAAAA"), 404);
        assertProblem(http.get(PUBLIC + "x"), 404);
        assertProblem(http.get("/call-link/1/public/images/img_nope"), 404);
    }

    @Test
    void statesFollowTheWindowAndTheirTexts() {
        String key = newAccount("State Co");
        createConfig(http, key, "{\"name\": \"texts\", \"theme\": {\"messages\": {\"welcomeText\": \"W\", \"inactiveText\": \"I\","
                + " \"expirationText\": \"E\"}}}");
        String dest = "\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"}";
        JsonNode future = createLink(http, key, "{" + dest + ", \"validityWindow\": {\"startTime\": \"2099-01-01T00:00:00Z\","
                + " \"endTime\": \"2099-01-02T00:00:00+02:00\"}}");
        assertEquals("INACTIVE", future.get("state").asText());
        assertEquals("2099-01-01T22:00:00Z", future.get("validityWindow").get("endTime").asText(), "offsets become UTC");
        JsonNode past = createLink(http, key, "{" + dest + ", \"validityWindow\": {\"startTime\": \"2020-01-01T00:00:00Z\","
                + " \"endTime\": \"2020-01-02T00:00:00Z\"}}");
        // Hours that exclude now: a one-hour slot twelve hours away in UTC.
        int awayHour = (java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour() + 12) % 24;
        JsonNode offHours = createLink(http, key, "{" + dest + ", \"validityWindow\": {\"acceptableHours\": {\"start\": {\"hour\": "
                + awayHour + "}, \"end\": {\"hour\": " + (awayHour + 1) % 24 + "}}, \"timezone\": \"UTC\"}}");
        JsonNode active = createLink(http, key, "{" + dest + "}");
        for (var expected : List.of(List.of(future, "INACTIVE", "I"), List.of(past, "EXPIRED", "E"),
                List.of(offHours, "INACTIVE", "I"), List.of(active, "ACTIVE", "W"))) {
            JsonNode view = publicView((JsonNode) expected.get(0));
            assertEquals(expected.get(1), view.get("state").asText(), view.toString());
            assertEquals(expected.get(2), view.get("message").asText());
            var session = session(((JsonNode) expected.get(0)).get("code").asText(), "{\"displayName\": \"Bob\"}");
            if (expected.get(1).equals("ACTIVE")) {
                assertEquals(200, session.status(), session.body());
            } else {
                assertProblem(session, 409);
                assertEquals(expected.get(1), session.json().get("state").asText(), session.body());
            }
        }
        var response = http.get(PUBLIC + active.get("code").asText());
        assertEquals("no-store", response.header("Cache-Control").orElse(""));
    }

    @Test
    void aSessionIsATokenOfTheLinksAccountCarryingTheLink() {
        String key = newAccount("Session Co");
        String accountId = accountId("Session Co");
        JsonNode anonymous = createLink(http, key, "{\"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"}}");
        String code = anonymous.get("code").asText();
        assertInvalid(session(code, "{}"), "displayName");
        assertInvalid(session(code, "{\"displayName\": \"   \"}"), "displayName");
        assertInvalid(session(code, "{\"displayName\": \"" + "b".repeat(51) + "\"}"), "displayName");
        assertInvalid(session(code, "{\"displayName\": \"Bob\", \"identity\": \"admin\"}"), "identity");
        var answer = session(code, "{\"displayName\": \" Bob \"}");
        assertEquals(200, answer.status(), answer.body());
        JsonNode body = answer.json();
        String identity = body.get("identity").asText();
        assertTrue(identity.matches("cl-[0-9A-Za-z]{16}"), identity);
        assertEquals("Bob", body.get("displayName").asText());
        assertEquals("{\"type\":\"WEBRTC\",\"identity\":\"agent1\"}", body.get("destination").toString());
        var verified = server.server().platform().tokenVerifier().identity(body.get("token").asText());
        assertEquals(identity, verified.identity());
        assertEquals(accountId, verified.accountId());
        assertEquals(Optional.of("Bob"), verified.displayName());
        assertEquals(Optional.of(anonymous.get("id").asText()), verified.callLink(), "the callLink claim");
        assertEquals(Instant.parse(body.get("expiresAt").asText()), verified.expiresAt());
        long lifetime = Duration.between(Instant.now(), verified.expiresAt()).toSeconds();
        assertTrue(lifetime > 3500 && lifetime <= 3600, "one hour: " + lifetime);
        assertTrue(server.server().platform().identities().exists(accountId, identity), "registered like /webrtc/1/token");
        assertNotEquals(identity, session(code, "{\"displayName\": \"Bob\"}").json().get("identity").asText(),
                "each session its own identity");

        JsonNode named = createLink(http, key, "{\"identity\": \"customer-42\", \"displayName\": \"Ana\","
                + " \"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent2\"}}");
        JsonNode namedSession = session(named.get("code").asText(), "{\"displayName\": \"Ignored\"}").json();
        assertEquals("customer-42", namedSession.get("identity").asText());
        assertEquals("Ana", namedSession.get("displayName").asText(), "the link's name, not the page's");

        JsonNode room = createLink(http, key, "{\"destination\": {\"type\": \"ROOM\", \"roomName\": \"support\"}}");
        JsonNode roomSession = session(room.get("code").asText(), "{\"displayName\": \"Cy\"}").json();
        assertEquals("{\"type\":\"ROOM\",\"roomName\":\"support\"}", roomSession.get("destination").toString());
        assertProblem(session("AAAAAAAAAAAA", "{\"displayName\": \"Bob\"}"), 404);
        var regular = server.server().platform().tokenVerifier().identity(
                http.postJson("/webrtc/1/token", key, "{\"identity\": \"alice\"}").json().get("token").asText());
        assertEquals(Optional.empty(), regular.callLink(), "an ordinary token names no link");
    }

    @Test
    void aOneTimeLinkIsUsedUpByMarkUsedOnceAndThenExpired() {
        String key = newAccount("One Time Co");
        String accountId = accountId("One Time Co");
        JsonNode link = createLink(http, key, "{\"displayName\": \"Ana\", \"destination\": {\"type\": \"WEBRTC\", \"identity\": \"agent1\"},"
                + " \"validityWindow\": {\"oneTime\": true}}");
        String id = link.get("id").asText();
        String code = link.get("code").asText();
        var links = server.server().platform().callLinks();
        var grant = links.grant(accountId, id).orElseThrow();
        assertEquals(new Destination.Webrtc("agent1"), grant.destination());
        assertTrue(grant.oneTime());
        assertTrue(grant.active());
        assertEquals(200, session(code, "{}").status(), "a session does not use the link up");
        assertEquals("ACTIVE", publicView(link).get("state").asText());

        assertTrue(links.markUsed(accountId, id), "the first call uses it");
        assertFalse(links.markUsed(accountId, id), "only once");
        assertEquals(LinkState.EXPIRED, links.grant(accountId, id).orElseThrow().state());
        assertFalse(links.grant(accountId, id).orElseThrow().active());
        assertEquals("EXPIRED", publicView(link).get("state").asText());
        assertEquals("This link has expired", publicView(link).get("message").asText());
        var refused = session(code, "{}");
        assertProblem(refused, 409);
        assertEquals("EXPIRED", refused.json().get("state").asText());
        JsonNode stored = http.get(LINKS + "/" + id, auth(key)).json();
        assertEquals("EXPIRED", stored.get("state").asText());
        assertTrue(stored.has("usedAt"), stored.toString());

        JsonNode room = createLink(http, key, "{\"destination\": {\"type\": \"ROOM\", \"roomName\": \"support\"},"
                + " \"validityWindow\": {\"oneTime\": true}}");
        String roomId = room.get("id").asText();
        assertFalse(links.grant(accountId, roomId).orElseThrow().oneTime(), "one-time does not apply to rooms");
        links.markUsed(accountId, roomId);
        assertEquals("ACTIVE", publicView(room).get("state").asText());
        assertTrue(links.grant(accountId, "cl_nope").isEmpty());
        assertFalse(links.markUsed(accountId, "cl_nope"));
    }

    @Test
    void theCallPageIsServedForAnyCode() {
        var page = http.get("/l/AAAAAAAAAAAA");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("/link/link.js"), "the page's script");
        assertEquals("no-referrer", page.header("Referrer-Policy").orElse(""), "the code stays out of Referer");
        String policy = page.header("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("object-src 'none'"), policy);
    }

    // --- helpers ----------------------------------------------------------------------------

    String accountId(String name) {
        return server.server().platform().accounts().listAccounts().stream().filter(a -> a.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    static Http.Response post(Http http, String key, String json) {
        return http.postJson(LINKS, key, json);
    }

    static JsonNode createLink(Http http, String key, String json) {
        return created(post(http, key, json));
    }

    JsonNode publicView(JsonNode link) {
        var response = http.get(PUBLIC + link.get("code").asText());
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    Http.Response session(String code, String json) {
        return http.post(PUBLIC + code + "/session", "application/json", json);
    }

    static String sortedDestination(JsonNode view) {
        JsonNode d = view.get("destination");
        return "{\"type\":" + d.get("type") + ",\"name\":" + d.get("name") + "}";
    }
}
