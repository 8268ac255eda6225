package dev.parley.server.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.platform.signaling.SignalingSettings;
import dev.parley.platform.token.IdentityTokens;
import dev.parley.platform.token.TokenSigner;
import dev.parley.server.support.ServerContract;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import dev.parley.server.support.WsClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket signaling over a real server (docs/signaling.md): authentication, the codec,
 * heartbeat, calls, rooms, accounts kept apart, resumption, the demo token endpoint, what a
 * call-link token may do (its link's destination only; one-time links used up once a call is
 * established; BUSY for a second caller). Ring
 * timeout and resume window are shortened through {@link SignalingSettings}.
 */
abstract class SignalingContract extends ServerContract {

    static final Duration RING = Duration.ofMillis(2500);
    static final Duration RESUME = Duration.ofMillis(1500);

    private final List<WsClient> clients = new ArrayList<>();
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected SignalingSettings signalingSettings(SignalingSettings configured) {
        return configured.withRingTimeout(RING).withResumeWindow(RESUME).withMaxRoomParticipants(3);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(WsClient::close);
        clients.clear();
    }

    static String name(String base) {
        return base + "-" + NAMES.incrementAndGet();
    }

    String token(String identity) {
        return token(server.firstApiKey(), identity);
    }

    String token(String apiKey, String identity) {
        var response = server.http().postJson("/webrtc/1/token", apiKey,
                "{\"identity\":\"" + identity + "\",\"displayName\":\"" + identity.toUpperCase() + "\"}");
        assertEquals(200, response.status(), response.toString());
        return response.json().get("token").asText();
    }

    WsClient online(String identity) {
        return online(server.firstApiKey(), identity);
    }

    WsClient online(String apiKey, String identity) {
        var client = WsClient.register(server.http(), token(apiKey, identity));
        clients.add(client);
        return client;
    }

    WsClient connect(String token) {
        var client = WsClient.connect(server.http(), token);
        clients.add(client);
        return client;
    }

    static String call(WsClient caller, String to) {
        caller.send("{\"type\":\"call\",\"requestId\":\"r1\",\"to\":\"" + to + "\",\"video\":true,\"customData\":{\"k\":\"v\"}}");
        JsonNode created = caller.expect("call-created");
        assertEquals("r1", created.get("requestId").asText());
        return created.get("callId").asText();
    }

    /** Alice calling Bob, each online with one device, once Bob's device rings. */
    record Ringing(WsClient alice, WsClient bob, String bobName, String callId) {
    }

    Ringing aliceCallsBob() {
        String bobName = name("bob");
        var alice = online(name("alice"));
        var bob = online(bobName);
        String callId = call(alice, bobName);
        bob.expect("incoming-call");
        return new Ringing(alice, bob, bobName, callId);
    }

    // --- connecting ---

    @Test
    void aMissingBadOrExpiredTokenClosesWith4401AndAReason() {
        var missing = connect(null).awaitClose();
        assertEquals(4401, missing.code());
        assertTrue(missing.reason().contains("token"), missing.reason());

        var bad = connect("not-a-jwt").awaitClose();
        assertEquals(4401, bad.code());
        assertTrue(bad.reason().contains("not a JWT"), bad.reason());

        var platform = server.server().platform();
        var past = new IdentityTokens(new TokenSigner(platform.signingKeys(),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)), server.http().baseUrl()));
        String expiredToken = past.issue(server.server().firstApiKey().orElseThrow().key().accountId(),
                new dev.parley.platform.token.IdentityTokenRequest("old-alice", java.util.Optional.empty(),
                        Duration.ofSeconds(60), java.util.Optional.empty())).token();
        var expired = connect(expiredToken).awaitClose();
        assertEquals(4401, expired.code());
        assertTrue(expired.reason().contains("expired"), expired.reason());
    }

    /** An OAuth access token (client credentials, scope voice.webrtc) for the first account. */
    String accessToken() {
        var http = server.http();
        String key = server.firstApiKey();
        var created = http.postJson("/webrtc/1/credentials", key, "{\"name\": \"signaling app\"}");
        assertEquals(201, created.status(), created.toString());
        var answer = http.post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=voice.webrtc", "Authorization",
                dev.parley.server.support.Http.basic(created.json().get("clientId").asText(),
                        created.json().get("clientSecret").asText()));
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().get("access_token").asText();
    }

    @Test
    void anAccessTokenConnectsAnAppWithNoIdentityThatPlacesNoWebrtcCallsAndJoinsNoRooms() {
        var app = connect(accessToken());
        app.send("{\"type\":\"register\"}");
        JsonNode registered = app.expect("registered");
        String name = registered.get("identity").asText();
        assertTrue(name.startsWith("app:"), name);

        String bob = name("bob");
        var bobClient = online(bob);
        app.send("{\"type\":\"call\",\"requestId\":\"a1\",\"to\":\"" + bob + "\"}");
        assertEquals("a1", app.expectCode("error", "FORBIDDEN").get("requestId").asText());
        app.send("{\"type\":\"join-room\",\"requestId\":\"a2\",\"room\":\"app-room\"}");
        assertEquals("a2", app.expectCode("error", "FORBIDDEN").get("requestId").asText());

        // Nobody can call the app: its name is no identity.
        bobClient.send("{\"type\":\"call\",\"requestId\":\"b1\",\"to\":\"" + name + "\"}");
        assertEquals("b1", bobClient.expectCode("error", "INVALID_REQUEST").get("requestId").asText());
    }

    @Test
    void phoneCallsCheckTheirDestinationAndCallerIdBeforeAnythingLeaves() {
        var alice = online(name("alice"));
        // Missing or absurd fields are request errors; a destination of the wrong form ends the call.
        alice.send("{\"type\":\"call-phone\",\"requestId\":\"p1\",\"from\":\"+441632960100\"}");
        assertEquals("p1", alice.expectCode("error", "INVALID_REQUEST").get("requestId").asText());
        alice.send("{\"type\":\"call-phone\",\"requestId\":\"p2\",\"to\":\"" + "9".repeat(300)
                + "\",\"from\":\"+441632960100\"}");
        assertEquals("p2", alice.expectCode("error", "INVALID_REQUEST").get("requestId").asText());

        alice.send("{\"type\":\"call-phone\",\"requestId\":\"p3\",\"to\":\"01632 960001\",\"from\":\"+441632960100\"}");
        JsonNode created = alice.expect("call-created");
        assertEquals("p3", created.get("requestId").asText());
        assertEquals("PHONE", created.get("toType").asText());
        assertEquals(created.get("callId").asText(), alice.expectCode("call-ended", "INVALID_DESTINATION").get("callId").asText());

        // A caller ID the account does not own with outbound calls enabled: FORBIDDEN, nothing dialled.
        alice.send("{\"type\":\"call-phone\",\"requestId\":\"p4\",\"to\":\"+441632960001\",\"from\":\"+441632960100\"}");
        alice.expect("call-created");
        alice.expectCode("call-ended", "FORBIDDEN");

        alice.send("{\"type\":\"call-sip\",\"requestId\":\"s1\",\"to\":\"mailto:bob@example.com\"}");
        alice.expect("call-created");
        alice.expectCode("call-ended", "INVALID_DESTINATION");
        // A SIP URI whose host is none of the account's trunks: Parley relays no calls to arbitrary hosts.
        alice.send("{\"type\":\"call-sip\",\"requestId\":\"s2\",\"to\":\"sip:bob@pbx.example.com\"}");
        alice.expect("call-created");
        alice.expectCode("call-ended", "FORBIDDEN");

        // No dynamic destination configured in this account.
        alice.send("{\"type\":\"call-dynamic\",\"requestId\":\"d1\",\"customData\":{\"k\":\"v\"}}");
        alice.expect("call-created");
        alice.expectCode("call-ended", "NO_DYNAMIC_DESTINATION");
        alice.send("{\"type\":\"call-dynamic\",\"requestId\":\"d2\",\"customData\":{\"k\":7}}");
        assertEquals("d2", alice.expectCode("error", "INVALID_REQUEST").get("requestId").asText());
    }

    @Test
    void anUnknownTypeIsAnsweredWithAnErrorAndTheSocketStaysOpen() {
        var alice = online(name("alice"));
        alice.send("{\"type\":\"teleport\",\"requestId\":\"q9\",\"where\":\"mars\"}");
        JsonNode error = alice.expect("error");
        assertEquals("q9", error.get("requestId").asText());
        assertEquals(10600, error.get("errorCode").get("id").asInt());
        assertTrue(error.get("errorCode").get("description").asText().contains("teleport"));
        alice.send("{\"type\":\"ping\",\"unknownField\":1}");
        alice.expect("pong");
        assertFalse(alice.isClosed());
    }

    @Test
    void badJsonOrNoTypeClosesWith4400() {
        var broken = online(name("alice"));
        broken.send("{\"type\":");
        broken.assertClosed(4400);
        var untyped = online(name("alice"));
        untyped.send("{\"to\":\"bob\"}");
        untyped.assertClosed(4400);
        var huge = online(name("alice"));
        huge.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
        huge.assertClosed(4400);
    }

    @Test
    void messagesBeforeRegisterAreRefusedAndValidationNamesTheField() {
        var raw = connect(token(name("alice")));
        raw.send("{\"type\":\"call\",\"to\":\"bob-1\"}");
        assertEquals("INVALID_STATE", raw.expect("error").get("errorCode").get("name").asText());
        raw.send("{\"type\":\"ping\"}");
        raw.expect("pong");

        var alice = online(name("alice"));
        alice.send("{\"type\":\"call\",\"requestId\":\"a\",\"to\":\"x\"}");
        assertTrue(alice.expect("error").get("errorCode").get("description").asText().startsWith("to "));
        alice.send("{\"type\":\"join-room\",\"requestId\":\"b\",\"room\":\"no/slash\"}");
        assertTrue(alice.expect("error").get("errorCode").get("description").asText().startsWith("room "));
        alice.send("{\"type\":\"call\",\"requestId\":\"c\",\"to\":\"bob-1\",\"customData\":{\"n\":5}}");
        assertTrue(alice.expect("error").get("errorCode").get("description").asText().startsWith("customData.n"));
        alice.send("{\"type\":\"call\",\"requestId\":\"d\",\"to\":\"bob-1\",\"video\":\"yes\"}");
        assertTrue(alice.expect("error").get("errorCode").get("description").asText().startsWith("video"));
        alice.send("{\"type\":\"hangup\",\"requestId\":\"e\",\"callId\":\"c_nothere\"}");
        assertEquals("UNKNOWN_CALL", alice.expect("error").get("errorCode").get("name").asText());
    }

    // --- calls ---

    @Test
    void everyDeviceRingsAndTheFirstToAcceptWins() {
        String bobName = name("bob");
        var alice = online(name("alice"));
        var bobPhone = online(bobName);
        var bobLaptop = online(bobName);
        String callId = call(alice, bobName);
        JsonNode incoming = bobPhone.expect("incoming-call");
        assertEquals(callId, incoming.get("callId").asText());
        assertEquals("v", incoming.get("customData").get("k").asText());
        bobLaptop.expect("incoming-call");
        alice.expect("call-ringing");

        bobLaptop.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\",\"video\":false}");
        bobLaptop.expect("call-established");
        alice.expect("call-established");
        bobPhone.expectCode("call-ended", "ANSWERED_ELSEWHERE");

        bobPhone.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\"}");
        assertEquals("UNKNOWN_CALL", bobPhone.expect("error").get("errorCode").get("name").asText());
        bobLaptop.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\"}");
        assertEquals("INVALID_STATE", bobLaptop.expect("error").get("errorCode").get("name").asText());

        alice.send("{\"type\":\"hangup\",\"callId\":\"" + callId + "\"}");
        alice.expectCode("call-ended", "NORMAL_HANGUP");
        bobLaptop.expectCode("call-ended", "NORMAL_HANGUP");
    }

    @Test
    void declineRejects() {
        var ringing = aliceCallsBob();
        ringing.bob().send("{\"type\":\"decline\",\"callId\":\"" + ringing.callId() + "\"}");
        ringing.alice().expectCode("call-ended", "REJECTED");
        ringing.bob().expectCode("call-ended", "REJECTED");
    }

    @Test
    void aCalleeInACallIsBusy() {
        var first = aliceCallsBob();
        first.bob().send("{\"type\":\"accept\",\"callId\":\"" + first.callId() + "\"}");
        first.alice().expect("call-established");
        var carol = online(name("carol"));
        call(carol, first.bobName());
        assertEquals(0, carol.expectCode("call-ended", "BUSY").get("duration").asLong());
        assertTrue(first.bob().quietAbout("incoming-call", 200));
    }

    @Test
    void nobodyAnsweringIsNoAnswer() {
        var ringing = aliceCallsBob();
        ringing.alice().expectCode("call-ended", "NO_ANSWER");
        ringing.bob().expectCode("call-ended", "NO_ANSWER");
    }

    @Test
    void theCallerHangingUpFirstCancels() {
        var ringing = aliceCallsBob();
        ringing.alice().send("{\"type\":\"hangup\",\"callId\":\"" + ringing.callId() + "\"}");
        ringing.bob().expectCode("call-ended", "CANCELLED");
        ringing.alice().expectCode("call-ended", "CANCELLED");
    }

    @Test
    void unknownAndOfflineDestinations() {
        var alice = online(name("alice"));
        call(alice, name("nobody"));
        alice.expectCode("call-ended", "DESTINATION_NOT_FOUND");
        String offline = name("dave");
        token(offline);
        call(alice, offline);
        alice.expectCode("call-ended", "DESTINATION_UNAVAILABLE");
    }

    // --- accounts ---

    @Test
    void anotherAccountsIdentitiesAndRoomsAreOutOfReach() {
        String otherKey = server.server().platform().accounts().createAccount("B " + name("acct")).text();
        String bobName = name("bob");
        var bobInB = online(otherKey, bobName);
        var alice = online(name("alice"));
        call(alice, bobName);
        alice.expectCode("call-ended", "DESTINATION_NOT_FOUND");
        assertTrue(bobInB.quietAbout("incoming-call", 200));

        String room = name("standup");
        bobInB.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        assertEquals(0, bobInB.expect("room-joined").get("participants").size());
        alice.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        assertEquals(0, alice.expect("room-joined").get("participants").size());
        assertTrue(bobInB.quietAbout("participant-joined", 200));
    }

    // --- rooms ---

    @Test
    void roomsTellMembersWhoJoinsAndLeavesAndHaveAMaximum() {
        String room = name("standup");
        String aliceName = name("alice");
        var alice = online(aliceName);
        var bob = online(name("bob"));
        var carol = online(name("carol"));
        var dave = online(name("dave"));
        alice.send("{\"type\":\"join-room\",\"requestId\":\"j\",\"room\":\"" + room + "\"}");
        JsonNode aliceJoined = alice.expect("room-joined");
        String aliceCall = aliceJoined.get("callId").asText();
        bob.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        JsonNode bobJoined = bob.expect("room-joined");
        assertEquals(aliceName, bobJoined.get("participants").get(0).get("identity").asText());
        assertEquals(aliceCall, alice.expect("participant-joined").get("callId").asText());
        carol.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        carol.expect("room-joined");
        dave.send("{\"type\":\"join-room\",\"requestId\":\"full\",\"room\":\"" + room + "\"}");
        assertEquals("full", dave.expectCode("error", "ROOM_FULL").get("requestId").asText());

        alice.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        alice.expectCode("error", "INVALID_STATE");
        alice.send("{\"type\":\"leave-room\",\"callId\":\"" + aliceCall + "\"}");
        alice.expectCode("room-left", "NORMAL_HANGUP");
        assertEquals(aliceName, bob.expect("participant-left").get("participant").get("identity").asText());
        dave.send("{\"type\":\"join-room\",\"room\":\"" + room + "\"}");
        assertEquals(2, dave.expect("room-joined").get("participants").size());
    }

    // --- heartbeat and resumption ---

    @Test
    void aResumedSessionKeepsItsCallsAndAnExpiredOneLosesThem() {
        String aliceName = name("alice");
        String aliceToken = token(aliceName);
        var alice = WsClient.connect(server.http(), aliceToken);
        alice.send("{\"type\":\"register\"}");
        String sessionId = alice.expect("registered").get("sessionId").asText();
        String bobName = name("bob");
        var bob = online(bobName);
        String callId = call(alice, bobName);
        bob.expect("incoming-call");
        bob.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\"}");
        alice.expect("call-established");

        alice.abort();
        assertEquals("disconnected", bob.expect("participant-connection").get("state").asText());
        var back = connect(aliceToken);
        back.send("{\"type\":\"register\",\"resume\":\"" + sessionId + "\"}");
        JsonNode registered = back.expect("registered");
        assertTrue(registered.get("resumed").asBoolean());
        assertEquals(callId, registered.get("calls").get(0).get("callId").asText());
        assertEquals("ESTABLISHED", registered.get("calls").get(0).get("status").asText());
        assertEquals("reconnected", bob.expect("participant-connection").get("state").asText());

        back.abort();
        bob.expect("participant-connection");
        bob.expectCode("call-ended", "CONNECTION_LOST");
        var late = connect(aliceToken);
        late.send("{\"type\":\"register\",\"resume\":\"" + sessionId + "\"}");
        JsonNode fresh = late.expect("registered");
        assertFalse(fresh.get("resumed").asBoolean());
        assertEquals(0, fresh.get("calls").size());
    }

    @Test
    void resumingOnASecondSocketClosesTheFirstWith4409() {
        String aliceName = name("alice");
        String aliceToken = token(aliceName);
        var first = connect(aliceToken);
        first.send("{\"type\":\"register\"}");
        String sessionId = first.expect("registered").get("sessionId").asText();
        var second = connect(aliceToken);
        second.send("{\"type\":\"register\",\"resume\":\"" + sessionId + "\"}");
        assertTrue(second.expect("registered").get("resumed").asBoolean());
        first.assertClosed(4409);
    }

    @Test
    void aSilentClientIsClosedWith4408() {
        try (var quick = TestServer.start(TestDatabase.h2(workDir.resolve("quick")), workDir.resolve("quick-work"), Map.of(),
                s -> s.withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(600)))) {
            String token = quick.http().postJson("/webrtc/1/token", quick.firstApiKey(), "{\"identity\":\"alice\"}")
                    .json().get("token").asText();
            var alice = WsClient.connect(quick.http(), token);
            alice.send("{\"type\":\"register\"}");
            assertEquals(200, alice.expect("registered").get("heartbeatIntervalMs").asInt());
            var close = alice.awaitClose();
            assertEquals(4408, close.code());
            assertTrue(close.reason().contains("no message"), close.reason());
        }
    }

    // --- demo ---

    @Test
    void theDemoTokenEndpointIsOnWithTheEmbeddedDatabaseOnlyUnlessConfigured() {
        var response = server.http().post("/demo/token", "application/json", "{\"identity\":\"demo-user\",\"displayName\":\"Demo\"}");
        if (database.kind().equals("h2")) {
            assertEquals(200, response.status(), response.toString());
            assertEquals("demo-user", response.json().get("identity").asText());
            var demo = WsClient.register(server.http(), response.json().get("token").asText());
            clients.add(demo);
            assertEquals(400, server.http().post("/demo/token", "application/json", "{\"identity\":\"x\"}").status());
        } else {
            assertEquals(404, response.status(), response.toString());
        }
        try (var off = TestServer.start(TestDatabase.h2(workDir.resolve("off")), workDir.resolve("off-work"),
                Map.of("PARLEY_DEMO_TOKEN_ENDPOINT", "off"))) {
            var refused = off.http().post("/demo/token", "application/json", "{\"identity\":\"demo-user\"}");
            assertEquals(404, refused.status());
            assertTrue(refused.contentType().startsWith("application/problem+json"));
        }
    }

    // --- call-link tokens: the link's destination only, never rung, one-time used up once established ---

    /** Creates a link and starts a session on it; returns the session's answer (token, identity). */
    private JsonNode session(String linkBody, String displayName) {
        var http = server.http();
        var created = http.postJson("/call-link/1/links", server.firstApiKey(), linkBody);
        assertEquals(201, created.status(), created.toString());
        String url = created.json().get("url").asText();
        String code = url.substring(url.lastIndexOf('/') + 1);
        var session = http.post("/call-link/1/public/links/" + code + "/session", "application/json",
                "{\"displayName\":\"" + displayName + "\"}");
        assertEquals(200, session.status(), session.toString());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) session.json()).put("code", code);
    }

    private WsClient registered(JsonNode session) {
        var client = connect(session.get("token").asText());
        client.send("{\"type\":\"register\"}");
        assertEquals(session.get("identity").asText(), client.expect("registered").get("identity").asText());
        return client;
    }

    private String linkState(JsonNode session) {
        return server.http().get("/call-link/1/public/links/" + session.get("code").asText()).json().get("state").asText();
    }

    @Test
    void aLinkTokenCallsItsDestinationOnlyAndIsNeverRung() {
        String agent = name("agent");
        var agentClient = online(agent);
        String other = name("other");
        var otherClient = online(other);
        var session = session("{\"destination\":{\"type\":\"WEBRTC\",\"identity\":\"" + agent + "\"}}", "Visitor");
        var visitor = registered(session);

        visitor.send("{\"type\":\"call\",\"requestId\":\"x1\",\"to\":\"" + other + "\"}");
        JsonNode refused = visitor.expectCode("error", "FORBIDDEN");
        assertEquals("x1", refused.get("requestId").asText());
        visitor.send("{\"type\":\"call-phone\",\"requestId\":\"x2\",\"to\":\"+441632960001\",\"from\":\"+441632960100\"}");
        assertEquals("x2", visitor.expectCode("error", "FORBIDDEN").get("requestId").asText());
        visitor.send("{\"type\":\"call-sip\",\"requestId\":\"x3\",\"to\":\"sip:bob@pbx.example.com\"}");
        assertEquals("x3", visitor.expectCode("error", "FORBIDDEN").get("requestId").asText());
        visitor.send("{\"type\":\"call-dynamic\",\"requestId\":\"x4\",\"customData\":{}}");
        assertEquals("x4", visitor.expectCode("error", "FORBIDDEN").get("requestId").asText());
        visitor.send("{\"type\":\"join-room\",\"requestId\":\"x5\",\"room\":\"lobby\"}");
        assertEquals("x5", visitor.expectCode("error", "FORBIDDEN").get("requestId").asText());
        assertTrue(otherClient.quietAbout("incoming-call", 200));

        // Nobody rings the page: a call to its identity finds no device.
        String visitorIdentity = session.get("identity").asText();
        call(otherClient, visitorIdentity);
        otherClient.expectCode("call-ended", "DESTINATION_UNAVAILABLE");
        assertTrue(visitor.quietAbout("incoming-call", 200));

        // Its own destination rings, with the name the visitor typed.
        String callId = call(visitor, agent);
        JsonNode incoming = agentClient.expect("incoming-call");
        assertEquals(callId, incoming.get("callId").asText());
        assertEquals(visitorIdentity, incoming.get("from").asText());
        assertEquals("Visitor", incoming.get("fromDisplayName").asText());
        // A reusable link stays active after its call.
        agentClient.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\",\"video\":false}");
        visitor.expect("call-established");
        assertEquals("ACTIVE", linkState(session));
    }

    @Test
    void aOneTimeLinkIsUsedUpWhenItsCallIsEstablishedNotBefore() {
        String agent = name("agent");
        var agentClient = online(agent);
        var session = session("{\"destination\":{\"type\":\"WEBRTC\",\"identity\":\"" + agent + "\"},"
                + "\"validityWindow\":{\"oneTime\":true}}", "Once");
        var visitor = registered(session);

        // A call declined does not use it up.
        String first = call(visitor, agent);
        agentClient.expect("incoming-call");
        agentClient.send("{\"type\":\"decline\",\"callId\":\"" + first + "\"}");
        visitor.expectCode("call-ended", "REJECTED");
        assertEquals("ACTIVE", linkState(session));

        String second = call(visitor, agent);
        agentClient.expect("incoming-call");
        agentClient.send("{\"type\":\"accept\",\"callId\":\"" + second + "\",\"video\":false}");
        visitor.expect("call-established");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!"EXPIRED".equals(linkState(session)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("EXPIRED", linkState(session));
        visitor.send("{\"type\":\"hangup\",\"callId\":\"" + second + "\"}");
        visitor.expectCode("call-ended", "NORMAL_HANGUP");
        agentClient.expectCode("call-ended", "NORMAL_HANGUP");

        // The same token cannot call again, and the link gives no new session.
        visitor.send("{\"type\":\"call\",\"requestId\":\"again\",\"to\":\"" + agent + "\"}");
        JsonNode refused = visitor.expectCode("error", "FORBIDDEN");
        assertTrue(refused.get("errorCode").get("description").asText().contains("expired"), refused.toString());
        assertTrue(agentClient.quietAbout("incoming-call", 200));
        var again = server.http().post("/call-link/1/public/links/" + session.get("code").asText() + "/session",
                "application/json", "{\"displayName\":\"Twice\"}");
        assertEquals(409, again.status(), again.toString());
    }

    @Test
    void aWebrtcDestinationTakesOneLinkCallerAtATime() {
        String agent = name("agent");
        var agentClient = online(agent);
        String link = "{\"destination\":{\"type\":\"WEBRTC\",\"identity\":\"" + agent + "\"}}";
        var first = registered(session(link, "First"));
        var second = registered(session(link, "Second"));
        String callId = call(first, agent);
        agentClient.expect("incoming-call");
        // Ringing already makes the agent busy for a second caller.
        call(second, agent);
        second.expectCode("call-ended", "BUSY");
        agentClient.send("{\"type\":\"accept\",\"callId\":\"" + callId + "\",\"video\":false}");
        first.expect("call-established");
        call(second, agent);
        second.expectCode("call-ended", "BUSY");
        assertTrue(agentClient.quietAbout("incoming-call", 200));
    }

    @Test
    void aRoomLinkJoinsItsRoomOnlyAndIsNeverUsedUp() {
        String room = name("support");
        String link = "{\"destination\":{\"type\":\"ROOM\",\"roomName\":\"" + room + "\"},"
                + "\"validityWindow\":{\"oneTime\":true}}";
        var session = session(link, "Guest");
        var guest = registered(session);
        guest.send("{\"type\":\"join-room\",\"requestId\":\"j0\",\"room\":\"" + room + "-other\"}");
        assertEquals("j0", guest.expectCode("error", "FORBIDDEN").get("requestId").asText());
        guest.send("{\"type\":\"join-room\",\"requestId\":\"j1\",\"room\":\"" + room + "\",\"video\":false}");
        guest.expect("room-joined");
        var second = registered(session(link, "Guest two"));
        second.send("{\"type\":\"join-room\",\"requestId\":\"j2\",\"room\":\"" + room + "\",\"video\":false}");
        second.expect("room-joined");
        assertEquals("ACTIVE", linkState(session));
    }

    @Test
    void aDeletedLinkStopsItsTokensAtOnce() {
        String agent = name("agent");
        var agentClient = online(agent);
        var session = session("{\"destination\":{\"type\":\"WEBRTC\",\"identity\":\"" + agent + "\"}}", "Gone");
        var visitor = registered(session);
        var http = server.http();
        var links = http.get("/call-link/1/links", auth(server.firstApiKey())).json().get("results");
        String id = null;
        for (JsonNode l : links) {
            if (l.get("url").asText().endsWith("/" + session.get("code").asText())) {
                id = l.get("id").asText();
            }
        }
        assertEquals(204, http.delete("/call-link/1/links/" + id, auth(server.firstApiKey())).status());
        visitor.send("{\"type\":\"call\",\"requestId\":\"d1\",\"to\":\"" + agent + "\"}");
        JsonNode refused = visitor.expectCode("error", "FORBIDDEN");
        assertTrue(refused.get("errorCode").get("description").asText().contains("no longer exists"), refused.toString());
        assertTrue(agentClient.quietAbout("incoming-call", 200));
    }
}
