package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.server.support.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Phone calls between Chromium pages (the SDK) and sipp playing the carrier or a phone on the
 * carrier's network, through Parley's SIP stack and RTP bridge. Trunks and numbers are made
 * with the REST API, as a user would; every check is on what the other end received.
 */
class PhoneBrowserTest extends PhoneTestBase {

    private static final Duration SIPP_DONE = Duration.ofSeconds(30);

    @Override
    Map<String, String> serverEnvironment() {
        return Map.of("PARLEY_SIP_KEEP_ALIVE_SECONDS", "5"); // the keep-alive test needs no 30 s wait
    }

    @Test
    void aBrowserCallsAPhoneNumberAndHearsTheCarrier() {
        Sipp carrier = sipp(Sipp.scenario("carrier-answer.xml").set("pcap", Sipp.PCAPS.resolve("g711a.pcap").toString()));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-1\"}");
        SdkPage alice = page("alice-p1");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("ringing", 15);
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        alice.eval("() => harness.call.hangup()");
        assertEquals("NORMAL_HANGUP", errorName(alice.awaitEvent("hangup", 10)));
        carrier.assertPassed(SIPP_DONE); // it got its BYE
        String invite = carrier.messages();
        assertTrue(invite.contains("From: <sip:" + callerId + "@"), "the caller ID goes out in From:\n" + invite);
    }

    @Test
    void theCarrierReceivesTheBrowsersAudioAndDtmf() {
        // The carrier echoes every RTP packet: what the browser hears back went to sipp and back.
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-2\"}");
        String callee = number();
        SdkPage alice = page("alice-p2");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(callee, callerId));
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        // RFC 4733 events out to sipp, echoed back, detected by Parley on the phone's leg.
        alice.eval("() => harness.call.sendDTMF('15#')");
        for (int i = 1; i <= 3; i++) {
            alice.awaitEvent("dtmf-received", i, 15);
        }
        List<Object> digits = alice.events().stream().filter(e -> "dtmf-received".equals(e.get("name")))
                .map(e -> detail(e, "digit")).toList();
        assertEquals(List.of("1", "5", "#"), digits);
        assertEquals(callee, detail(alice.awaitEvent("dtmf-received", 1), "participant"));
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
    }

    @Test
    void aPhoneCallsANumberAndTheIdentityAnswersWithAudioBothWays() {
        String dialled = ownNumber(false, null, "{\"type\": \"WEBRTC\", \"identity\": \"desk-3\"}");
        // Any trunk of the account allows calls in from loopback; this one is never dialled.
        trunk(sipp(Sipp.scenario("carrier-busy.xml")), "");
        SdkPage desk = page("desk-3");
        Sipp phone = sipp(Sipp.scenario("phone-calls-in-echo.xml").rtpEcho().calling(parleySip())
                .set("caller", "+447700900123").args("-s", dialled, "-d", "8000"));
        Map<String, Object> incoming = desk.awaitEvent("incoming-call", 15);
        assertEquals("+447700900123", detail(incoming, "from"));
        assertEquals("PHONE", detail(incoming, "fromType"));
        desk.eval("() => harness.incoming.accept({audio: true})");
        desk.awaitEvent("established", 15);
        // The page's microphone reaches the phone and comes back: audio both ways.
        desk.awaitAudioRising(15);
        assertEquals("NORMAL_HANGUP", errorName(desk.awaitEvent("hangup", 20))); // the phone hung up
        phone.assertPassed(SIPP_DONE);
    }

    @Test
    void theCallerIdMustBeAnOutboundNumberOfTheAccount() {
        Sipp carrier = sipp(Sipp.scenario("carrier-busy.xml"));
        String trunk = trunk(carrier, "");
        String inboundOnly = ownNumber(false, trunk, "{\"type\": \"WEBRTC\", \"identity\": \"desk-4\"}");
        SdkPage alice = page("alice-p4");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), inboundOnly));
        assertEquals("FORBIDDEN", errorName(alice.awaitEvent("hangup", 10)));
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), "+15550100"));
        assertEquals("FORBIDDEN", errorName(alice.awaitEvent("hangup", 2, 10)));
        Object thrown = alice.eval("""
                () => { try { harness.client.callPhoneNumber('0163 2960', {from: '+15550100'}); return 'no error'; }
                        catch (e) { return e.errorCode.name; } }""");
        assertEquals("INVALID_DESTINATION", thrown);
        assertTrue(carrier.isAlive(), "no INVITE reached the carrier");
    }

    @Test
    void aCallToOneOfTheAccountsOwnNumbersStaysOnNet() {
        // The trunk leads nowhere: a call that touched it could not be answered.
        String deadTrunk = trunk(sipp(Sipp.scenario("carrier-busy.xml")), "");
        String callerId = ownNumber(true, deadTrunk, "{\"type\": \"WEBRTC\", \"identity\": \"desk-5a\"}");
        String deskNumber = ownNumber(false, deadTrunk, "{\"type\": \"WEBRTC\", \"identity\": \"desk-5\"}");
        SdkPage desk = page("desk-5");
        SdkPage alice = page("alice-p5");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(deskNumber, callerId));
        Map<String, Object> incoming = desk.awaitEvent("incoming-call", 15);
        assertEquals(callerId, detail(incoming, "from"), "the callee sees the caller ID");
        assertEquals("PHONE", detail(incoming, "fromType"));
        desk.eval("() => harness.incoming.accept({audio: true})");
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        desk.awaitAudioRising(15);
        alice.eval("() => harness.call.hangup()");
        desk.awaitEvent("hangup", 10);
    }

    @Test
    void aTrunkThatDemandsDigestAuthenticationGetsIt() {
        Sipp carrier = sipp(Sipp.scenario("carrier-digest.xml").set("user", "parley-acct").set("password", "s3cret-pw"));
        String trunk = trunk(carrier, ", \"username\": \"parley-acct\", \"password\": \"s3cret-pw\"");
        String callerId = ownNumber(true, trunk, "{\"type\": \"WEBRTC\", \"identity\": \"desk-6\"}");
        SdkPage alice = page("alice-p6");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("established", 15);
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE); // verifyauth accepted the Authorization
    }

    @Test
    void holdGoesBothWaysAsReInvites() {
        Sipp carrier = sipp(Sipp.scenario("carrier-hold.xml").args("-d", "2000"));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-7\"}");
        SdkPage alice = page("alice-p7");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("established", 15);
        alice.eval("() => harness.call.hold(true)");
        Map<String, Object> held = alice.awaitEvent("hold-changed", 1, 10);
        assertEquals(Boolean.TRUE, detail(held, "onHold"));
        assertEquals(Boolean.FALSE, detail(held, "remote"));
        alice.page.waitForTimeout(500);
        alice.eval("() => harness.call.hold(false)");
        assertEquals(Boolean.FALSE, detail(alice.awaitEvent("hold-changed", 2, 10), "onHold"));
        // Then the carrier holds (re-INVITE a=sendonly) and resumes.
        Map<String, Object> remoteHold = alice.awaitEvent("hold-changed", 3, 15);
        assertEquals(Boolean.TRUE, detail(remoteHold, "onHold"));
        assertEquals(Boolean.TRUE, detail(remoteHold, "remote"));
        assertEquals(Boolean.FALSE, detail(alice.awaitEvent("hold-changed", 4, 15), "onHold"));
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
    }

    @Test
    void earlyMediaIsHeardBeforeTheAnswer() {
        Sipp carrier = sipp(Sipp.scenario("carrier-early-media.xml")
                .set("pcap", Sipp.PCAPS.resolve("g711a.pcap").toString()).args("-d", "4000"));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-8\"}");
        SdkPage alice = page("alice-p8");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("ringing", 15);
        alice.awaitEvent("early-media", 15);
        alice.awaitAudioRising(10);
        assertTrue(alice.events().stream().noneMatch(e -> "established".equals(e.get("name"))),
                "the early media came before the answer");
        alice.awaitEvent("established", 15);
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
    }

    @Test
    void aBusyCarrierEndsTheCallWithBusy() {
        Sipp carrier = sipp(Sipp.scenario("carrier-busy.xml"));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-9\"}");
        SdkPage alice = page("alice-p9");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        assertEquals("BUSY", errorName(alice.awaitEvent("hangup", 15)));
        carrier.assertPassed(SIPP_DONE);
    }

    @Test
    void callsInFromUnknownSourcesOrToUnknownNumbersAreRefused() {
        trunk(sipp(Sipp.scenario("carrier-busy.xml")), ""); // allows 127.0.0.1 only
        String dialled = ownNumber(false, null, "{\"type\": \"WEBRTC\", \"identity\": \"desk-10\"}");
        Sipp stranger = sipp(Sipp.scenario("phone-calls-in-refused.xml").from("127.0.0.2").calling(parleySip())
                .set("caller", "+447700900999").args("-s", dialled));
        stranger.assertPassed(SIPP_DONE);
        assertTrue(stranger.messages().contains("SIP/2.0 403"), stranger.messages());
        Sipp wrongNumber = sipp(Sipp.scenario("phone-calls-in-refused.xml").calling(parleySip())
                .set("caller", "+447700900999").args("-s", "+44163200000"));
        wrongNumber.assertPassed(SIPP_DONE);
        assertTrue(wrongNumber.messages().contains("SIP/2.0 404"), wrongNumber.messages());
    }

    @Test
    void hangingUpWhileThePhoneRingsCancelsTheInvite() {
        Sipp carrier = sipp(Sipp.scenario("carrier-rings.xml"));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-13\"}");
        SdkPage alice = page("alice-p13");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("ringing", 15);
        alice.eval("() => harness.call.hangup()");
        assertEquals("CANCELLED", errorName(alice.awaitEvent("hangup", 10)));
        carrier.assertPassed(SIPP_DONE); // it got CANCEL, answered 200 and 487, and got the ACK
    }

    @Test
    void aPhoneThatGivesUpWhileRingingCancelsTheCallForTheCallee() {
        String dialled = ownNumber(false, null, "{\"type\": \"WEBRTC\", \"identity\": \"desk-14\"}");
        trunk(sipp(Sipp.scenario("carrier-busy.xml")), "");
        SdkPage desk = page("desk-14");
        Sipp phone = sipp(Sipp.scenario("phone-cancels.xml").calling(parleySip())
                .set("caller", "+447700900321").args("-s", dialled, "-d", "1500"));
        desk.awaitEvent("incoming-call", 15);
        assertEquals("CANCELLED", errorName(desk.awaitEvent("hangup", 15)));
        phone.assertPassed(SIPP_DONE); // 200 to its CANCEL, 487 to its INVITE
    }

    @Test
    void aTcpTrunkCarriesTheCall() {
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho().tcp());
        String callerId = ownNumber(true, trunk(carrier, ", \"transport\": \"TCP\""),
                "{\"type\": \"WEBRTC\", \"identity\": \"desk-12\"}");
        SdkPage alice = page("alice-p12");
        alice.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        alice.awaitEvent("established", 15);
        alice.awaitAudioRising(15);
        alice.eval("() => harness.call.hangup()");
        alice.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
        assertTrue(carrier.messages().contains("SIP/2.0/TCP"), "signalled over TCP:\n" + carrier.messages());
    }

    @Test
    void trunksWithKeepAliveArePingedWithOptions() throws Exception {
        Sipp carrier = sipp(Sipp.scenario("carrier-options.xml").calls(3));
        String trunk = trunk(carrier, ""); // keepAlive false: never pinged
        assertTrue(server.server().trunkKeepAlives().reachable(trunk).isEmpty());
        var pinged = server.http().postJson("/telephony/1/trunks", apiKey, """
                {"name": "pinged", "host": "127.0.0.1", "port": %d, "keepAlive": true}""".formatted(carrier.sipPort()));
        assertEquals(201, pinged.status(), pinged.toString());
        String pingedId = pinged.json().get("id").asText();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (server.server().trunkKeepAlives().reachable(pingedId).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(java.util.Optional.of(true), server.server().trunkKeepAlives().reachable(pingedId));
        carrier.assertPassed(SIPP_DONE); // it answered three OPTIONS
        assertTrue(carrier.messages().contains("OPTIONS sip:127.0.0.1:" + carrier.sipPort()), carrier.messages());
    }

    @Test
    void anAppWithAnAccessTokenPlacesAPhoneCall() {
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-11\"}");
        var credentials = server.http().postJson("/webrtc/1/credentials", apiKey, "{\"name\": \"phone app\"}").json();
        JsonNode token = server.http().post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=voice.webrtc", "Authorization",
                dev.parley.server.support.Http.basic(credentials.get("clientId").asText(),
                        credentials.get("clientSecret").asText())).json();
        SdkPage app = SdkPage.signIn(chromium, server.http().baseUrl(), "app", token.get("access_token").asText());
        app.eval("([to, from]) => harness.callPhoneNumber(to, {from})", List.of(number(), callerId));
        app.awaitEvent("established", 15);
        app.awaitAudioRising(15);
        app.eval("() => harness.call.hangup()");
        app.awaitEvent("hangup", 10);
        carrier.assertPassed(SIPP_DONE);
    }
}
