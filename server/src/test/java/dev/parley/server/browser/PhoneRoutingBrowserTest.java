package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Baresip;
import dev.parley.server.support.FakeBackend;
import dev.parley.server.support.Http;
import dev.parley.server.support.Sipp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where phone calls go: numbers routed to rooms, SIP URIs and other numbers, SIP URIs called
 * from the SDK, browsers on Opus with transcoding and on G.711 without, and every outcome of
 * dynamic destination resolving against a backend the test runs (masking and status reports
 * included). Real Chromium pages, real sipp peers.
 */
class PhoneRoutingBrowserTest extends PhoneTestBase {

    private static final Duration SIPP_DONE = Duration.ofSeconds(30);

    private FakeBackend backend;

    @Override
    Map<String, String> serverEnvironment() {
        return Map.of("PARLEY_DYNAMIC_DESTINATION_TIMEOUT_SECONDS", "1");
    }

    @BeforeAll
    void startBackend() {
        backend = FakeBackend.start();
    }

    @AfterAll
    void stopBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The plain-RTP legs the media server has now (their debug state). */
    private List<JsonNode> rtpLegs() {
        JsonNode state = Http.JSON.valueToTree(server.server().media().debugState().join());
        var legs = new ArrayList<JsonNode>();
        state.path("rooms").forEach(room -> room.path("peers").forEach(peer -> {
            if ("rtp".equals(peer.path("kind").asText())) {
                legs.add(peer);
            }
        }));
        return legs;
    }

    private void configureDynamicDestination() {
        var response = server.http().putJson("/webrtc/1/dynamic-destination", apiKey, """
                {"callbackUrl": "%s", "authorization": "Bearer backend-secret", "statusUrl": "%s"}"""
                .formatted(backend.url("/route"), backend.url("/status")));
        assertEquals(200, response.status(), response.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> participant(Map<String, Object> event) {
        return (Map<String, Object>) detail(event, "participant");
    }

    /** The status report of {@code callId}, once the backend got it. */
    private JsonNode statusOf(Object callId) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (FakeBackend.Received report : backend.received("/status")) {
                JsonNode json = Http.JSON.readTree(report.body());
                if (json.path("callId").asText().equals(callId)) {
                    return json;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no status report for " + callId + "; got " + backend.received("/status"));
    }

    // --- inbound destinations ------------------------------------------------------------------

    @Test
    void aPhoneCallingARoomNumberJoinsTheRoomAndHearsEveryone() {
        trunk(sipp(Sipp.scenario("carrier-busy.xml")), "");
        String roomNumber = ownNumber(false, null, "{\"type\": \"ROOM\", \"room\": \"phone-room\"}");
        SdkPage ann = page("ann-r1");
        SdkPage ben = page("ben-r1");
        for (SdkPage member : List.of(ann, ben)) {
            member.eval("() => harness.joinRoom('phone-room', {audio: true, video: false})");
            member.awaitEvent("room-joined", 15);
        }
        Sipp phone = sipp(Sipp.scenario("phone-calls-in-echo.xml").rtpEcho().calling(parleySip())
                .set("caller", "+447700900555").args("-s", roomNumber, "-d", "8000"));
        for (SdkPage member : List.of(ann, ben)) {
            member.awaitEvent("participant-joined", e -> "+447700900555".equals(participant(e).get("identity")), 15);
        }
        // The phone hears both pages mixed and echoes the mix: each page hears the room through the phone.
        ann.awaitAudioRising(15);
        ben.awaitAudioRising(15);
        JsonNode leg = rtpLegs().getFirst();
        assertEquals(2, leg.path("heard").size(), "the phone hears both members: " + leg);
        assertTrue(leg.path("counters").path("mixedOut").asLong() > 0, "two voices are mixed: " + leg);
        ann.awaitEvent("participant-left", e -> "+447700900555".equals(participant(e).get("identity")), 20);
        phone.assertPassed(SIPP_DONE);
    }

    @Test
    void aNumberForwardedToAnotherNumberBridgesTwoPhoneCalls() {
        Sipp carrier = sipp(Sipp.scenario("carrier-answer.xml").set("pcap", Sipp.PCAPS.resolve("g711a.pcap").toString()));
        String trunk = trunk(carrier, "");
        String forwarded = number();
        String dialled = ownNumber(false, trunk, "{\"type\": \"PHONE\", \"phoneNumber\": \"" + forwarded + "\"}");
        Sipp phone = sipp(Sipp.scenario("phone-calls-in-echo.xml").rtpEcho().calling(parleySip())
                .set("caller", "+447700900666").args("-s", dialled, "-d", "4000"));
        phone.assertPassed(SIPP_DONE);
        carrier.assertPassed(SIPP_DONE); // its call ended with a BYE when the phone hung up
        String invite = carrier.messages();
        assertTrue(invite.contains("INVITE sip:" + forwarded + "@"), invite);
        assertTrue(invite.contains("From: <sip:+447700900666@"), "the caller's number is shown:\n" + invite);
    }

    @Test
    void aNumberRoutedToASipUriCallsIt() {
        Sipp pbx = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        trunk(pbx, "");
        String dialled = ownNumber(false, null,
                "{\"type\": \"SIP\", \"sipUri\": \"sip:reception@127.0.0.1:" + pbx.sipPort() + "\"}");
        Sipp phone = sipp(Sipp.scenario("phone-calls-in-echo.xml").rtpEcho().calling(parleySip())
                .set("caller", "+447700900777").args("-s", dialled, "-d", "3000"));
        phone.assertPassed(SIPP_DONE);
        pbx.assertPassed(SIPP_DONE);
        assertTrue(pbx.messages().contains("INVITE sip:reception@127.0.0.1:" + pbx.sipPort()), pbx.messages());
    }

    // --- SIP URIs and codecs from the SDK --------------------------------------------------------

    @Test
    void theSdkCallsASipUriOnATrunkAndNoOtherHost() {
        Sipp pbx = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        trunk(pbx, "");
        SdkPage alice = page("alice-s1");
        alice.eval("uri => harness.callSip(uri, {audio: true})", "sip:support@127.0.0.1:" + pbx.sipPort());
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        pbx.assertPassed(SIPP_DONE);
        assertTrue(pbx.messages().contains("From: <sip:alice-s1@"), pbx.messages());

        alice.eval("uri => harness.callSip(uri, {audio: true})", "sip:someone@pbx.elsewhere.example");
        assertEquals("FORBIDDEN", errorName(alice.awaitEvent("hangup", 2, 10)));
    }

    @Test
    void aG711TrunkPassesTheBrowsersAudioThroughAndAnOpusTrunkTranscodes() {
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-c1\"}");
        SdkPage alice = page("alice-c1");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        JsonNode passthrough = rtpLegs().getFirst();
        assertEquals("PASSTHROUGH", passthrough.path("mode").asText(), passthrough.toString());
        assertTrue(passthrough.path("counters").path("passthroughOut").asLong() > 0, passthrough.toString());
        assertEquals(0, passthrough.path("counters").path("mixedOut").asLong(), passthrough.toString());
        assertFalse(passthrough.path("transcodesToRoom").asBoolean(), passthrough.toString());
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);

        Sipp opusCarrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        String opusCallerId = ownNumber(true, trunk(opusCarrier, ", \"webrtcAudio\": \"OPUS\""),
                "{\"type\": \"WEBRTC\", \"identity\": \"desk-c2\"}");
        SdkPage bob = page("bob-c2");
        bob.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), opusCallerId));
        bob.awaitEvent("established", 15);
        bob.awaitAudioRising(15); // Opus -> G.711 -> echo -> G.711 -> Opus
        JsonNode transcoding = rtpLegs().getFirst();
        assertTrue(transcoding.path("transcodesToRoom").asBoolean(), transcoding.toString());
        assertTrue(transcoding.path("counters").path("mixedOut").asLong() > 0, transcoding.toString());
        bob.eval("() => harness.call.hangup()");
        bob.awaitEvent("hangup", 10);
        opusCarrier.assertPassed(SIPP_DONE);
    }

    @Test
    void anOpusTrunkTalksOpusEndToEndWithAPhoneThatTakesIt() throws Exception {
        String callee = number();
        try (Baresip phone = Baresip.start(callee, "opus/48000/2,PCMU", 60)) {
            var response = server.http().postJson("/telephony/1/trunks", apiKey, """
                    {"name": "baresip", "host": "127.0.0.1", "port": %d, "codecs": ["OPUS", "PCMU"],
                     "webrtcAudio": "OPUS", "keepAlive": false}""".formatted(phone.port()));
            assertEquals(201, response.status(), response.toString());
            String callerId = ownNumber(true, response.json().get("id").asText(),
                    "{\"type\": \"WEBRTC\", \"identity\": \"desk-o1\"}");
            SdkPage alice = page("alice-o1");
            alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(callee, callerId));
            alice.awaitEvent("established", 15);
            alice.awaitAudioRising(15); // baresip's 440 Hz tone
            JsonNode leg = rtpLegs().getFirst();
            assertTrue(leg.path("codec").asText().toLowerCase(java.util.Locale.ROOT).startsWith("opus"), leg.toString());
            assertEquals("PASSTHROUGH", leg.path("mode").asText(), "Opus both ways, nothing transcoded: " + leg);
            assertFalse(leg.path("transcodesToRoom").asBoolean(), leg.toString());
            alice.page.waitForTimeout(1500);
            alice.eval("() => harness.call.hangup()");
            alice.awaitEvent("hangup", 10);
            phone.close(); // writes out what it heard
            assertTrue(phone.heardRms() > 0.01, "baresip heard the page's microphone: rms " + phone.heardRms()
                    + "\n" + phone.log());
        }
    }

    // --- dynamic destinations ----------------------------------------------------------------------

    @Test
    void aDynamicDestinationRoutesAnAppsCallToAnIdentityUnderAnotherNameAndReportsItsEnd() throws Exception {
        configureDynamicDestination();
        backend.on("/route", request -> FakeBackend.Reply.json(
                "{\"action\": \"call\", \"destination\": \"ddr-bob\", \"source\": \"a-customer\"}"));
        backend.on("/status", request -> new FakeBackend.Reply(200, ""));
        SdkPage bob = page("ddr-bob");
        SdkPage alice = page("ddr-alice");
        alice.eval("() => harness.callDynamicDestination({customData: {ticket: '42'}})");
        Map<String, Object> incoming = bob.awaitEvent("incoming-call", 15);
        assertEquals("a-customer", detail(incoming, "from"), "the callee sees the masked source");
        bob.eval("() => harness.incoming.accept({audio: true})");
        alice.awaitEvent("established", 15);
        bob.awaitAudioRising(15);
        assertEquals("ddr-bob", alice.eval("() => harness.call.destination().identity"));

        FakeBackend.Received question = backend.received("/route").getLast();
        JsonNode asked = Http.JSON.readTree(question.body());
        assertEquals("ddr-alice", asked.get("source").asText());
        assertEquals("42", asked.get("customData").get("ticket").asText());
        assertEquals("Bearer backend-secret", question.header("Authorization").orElse(""));

        alice.eval("() => harness.call.hangup()");
        bob.awaitEvent("hangup", 10);
        JsonNode status = statusOf(alice.eval("() => harness.call.id()"));
        assertEquals("finished", status.get("status").asText());
        assertEquals("ddr-alice", status.get("source").asText());
        assertEquals("ddr-bob", status.get("destination").asText());
        assertTrue(status.get("duration").asLong() >= 0, status.toString());
    }

    @Test
    void aDynamicDestinationSendsAnAppsCallToAPhoneNumberWithAMaskedCallerId() throws Exception {
        configureDynamicDestination();
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        trunk(carrier, ", \"isDefault\": true");
        String callee = number();
        backend.on("/route", request -> FakeBackend.Reply.json(
                "{\"action\": \"call_phone_number\", \"destination\": \"" + callee + "\", \"source\": \"+441632969999\"}"));
        backend.on("/status", request -> new FakeBackend.Reply(200, ""));
        SdkPage alice = page("ddr-alice2");
        alice.eval("() => harness.callDynamicDestination({})");
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        assertEquals(callee, alice.eval("() => harness.call.destination().identity"));
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
        assertTrue(carrier.messages().contains("From: <sip:+441632969999@"), "the masked number is shown:\n"
                + carrier.messages());
        JsonNode status = statusOf(alice.eval("() => harness.call.id()"));
        assertEquals("finished", status.get("status").asText());
        assertEquals(callee, status.get("destination").asText());
    }

    @Test
    void aPhoneCallToADynamicNumberAsksTheBackendWhichIdentityRings() throws Exception {
        configureDynamicDestination();
        trunk(sipp(Sipp.scenario("carrier-busy.xml")), "");
        String dialled = ownNumber(false, null, "{\"type\": \"DYNAMIC\"}");
        backend.on("/route", request -> FakeBackend.Reply.json(
                "{\"action\": \"call\", \"destination\": \"ddr-desk\", \"source\": \"caller-7\"}"));
        backend.on("/status", request -> new FakeBackend.Reply(200, ""));
        SdkPage desk = page("ddr-desk");
        Sipp phone = sipp(Sipp.scenario("phone-calls-in-echo.xml").rtpEcho().calling(parleySip())
                .set("caller", "+447700900888").args("-s", dialled, "-d", "4000"));
        Map<String, Object> incoming = desk.awaitEvent("incoming-call", 15);
        assertEquals("caller-7", detail(incoming, "from"));
        JsonNode asked = Http.JSON.readTree(backend.received("/route").getLast().body());
        assertEquals("+447700900888", asked.get("source").asText());
        assertEquals(dialled, asked.get("destination").asText());
        desk.eval("() => harness.incoming.accept({audio: true})");
        desk.awaitAudioRising(15);
        desk.awaitEvent("hangup", 20);
        phone.assertPassed(SIPP_DONE);
    }

    @Test
    void aCallbackThatFailsFailsTheCallWithItsCode() {
        configureDynamicDestination();
        backend.on("/status", request -> new FakeBackend.Reply(200, ""));
        SdkPage alice = page("ddr-alice3");
        List<FakeBackend.Responder> failures = List.of(
                request -> {
                    Thread.sleep(3_000); // past the 1 s timeout
                    return FakeBackend.Reply.json("{}");
                },
                request -> new FakeBackend.Reply(404, "no such route"),
                request -> FakeBackend.Reply.json("{\"action\": \"teleport\", \"destination\": \"mars\"}"));
        List<String> expected = List.of("URL_UNREACHABLE", "URL_NOT_FOUND", "INVALID_RESPONSE");
        for (int i = 0; i < failures.size(); i++) {
            backend.on("/route", failures.get(i));
            alice.eval("() => harness.callDynamicDestination({})");
            assertEquals(expected.get(i), errorName(alice.awaitEvent("hangup", i + 1, 15)));
        }
        var removed = server.http().delete("/webrtc/1/dynamic-destination", "Authorization", "App " + apiKey);
        assertEquals(204, removed.status(), removed.toString());
        alice.eval("() => harness.callDynamicDestination({})");
        assertEquals("NO_DYNAMIC_DESTINATION", errorName(alice.awaitEvent("hangup", 4, 15)));
    }
}
