package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.support.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Call links whose destination is a phone number, in Chromium against sipp playing the carrier:
 * the end user opens the hosted call page, the page calls the number through the account's
 * trunk with the link's caller ID, and what the carrier received (INVITE, RTP, DTMF, BYE) is
 * checked on sipp's side. The trunk, numbers, configuration and links are made with the REST
 * API and the account's API key, as a business would.
 */
class CallLinkPhoneBrowserTest extends PhoneTestBase {

    private static final Duration SIPP_DONE = Duration.ofSeconds(30);

    /** Every control turned on: for a PHONE destination the page shows only mute and the keypad (and hang up). */
    private static final String ALL_OPTIONS = """
            {"mute": true, "screenShare": true, "camera": true, "switchCameraFacingMode": true, "dialPad": true,
             "settings": false, "recordingIndicator": true}""";

    private CallLinkSetup setup() {
        return new CallLinkSetup(server.http(), apiKey);
    }

    private static String config(String name, String welcome, String expiration) {
        return """
                {"name": "%s",
                 "initialOptions": {"audio": true, "video": true, "muted": false, "cameraFacingMode": "USER"},
                 "callOptions": %s,
                 "theme": {"images": {}, "messages": {"welcomeText": "%s", "inactiveText": "Not yet",
                           "expirationText": "%s"},
                           "colors": {"primary": "#0A7CFF", "primaryText": "#FFFFFF", "background": "#F4F6F8"}}}"""
                .formatted(name, ALL_OPTIONS, welcome, expiration);
    }

    private static String phoneLink(String configId, String number, String from, boolean oneTime) {
        return """
                {"destination": {"type": "PHONE", "phoneNumber": "%s", "from": "%s"}, "showIdentity": true,
                 "callLinkConfigId": "%s", "validityWindow": {"oneTime": %s}}"""
                .formatted(number, from, configId, oneTime);
    }

    /** The INVITE sipp received went to {@code number} with {@code callerId} in From. */
    private static void assertInvite(Sipp carrier, String number, String callerId) {
        String messages = carrier.messages();
        assertTrue(messages.contains("INVITE sip:" + number + "@"), "the carrier is asked for the link's number:\n"
                + messages);
        assertTrue(messages.contains("From: <sip:" + callerId + "@"), "the link's caller ID goes out in From:\n"
                + messages);
    }

    @Test
    void anEndUserCallsThePhoneNumberOfALinkHearsTheCarrierAndSendsDigitsFromTheDialPad() {
        // The carrier echoes every RTP packet, RFC 4733 events included: what the page hears and the
        // digits Parley detects on the phone's leg went to sipp and came back.
        Sipp carrier = sipp(Sipp.scenario("carrier-echo.xml").rtpEcho());
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-l1\"}");
        String callee = number();
        var setup = setup();
        String configId = setup.createConfig(config("Phone support", "Call our hotline", "Over"));
        var link = setup.createLink(phoneLink(configId, callee, callerId, false));

        LinkPage endUser = LinkPage.open(chromium, link.url());
        endUser.awaitState(15, "name");
        assertEquals("Call our hotline", endUser.text("#message"));
        assertEquals("Call to " + callee, endUser.text("#destination"), "showIdentity shows the number");
        endUser.start("Pat on the phone link");
        endUser.awaitState(15, "in-call");
        assertTrue(carrier.isAlive(), "the carrier waits for its BYE");

        // No camera for a phone call: audio only, and of the controls only mute and the keypad.
        assertEquals(List.of("mute", "keypad", "hangup"), endUser.controlsShown());
        assertEquals(0L, ((Number) endUser.page.evaluate(
                "() => parleyLink.call.localStream().getVideoTracks().length")).longValue());
        endUser.awaitAudioRising(15);
        assertEquals(true, endUser.page.evaluate("""
                () => { const a = document.getElementById('remote-audio');
                        return !a.muted && a.srcObject instanceof MediaStream && a.srcObject.getAudioTracks().length > 0; }"""),
                "the page plays the phone's audio through its own <audio>");

        // The dial pad: closed until Keypad is pressed; each key sends an RFC 4733 event.
        endUser.page.evaluate("""
                () => { window.digitsBack = [];
                        parleyLink.call.on('dtmf-received', (e) => digitsBack.push([e.digit, e.participant])); }""");
        assertFalse(endUser.visible("#dialpad"));
        endUser.locator("#keypad").click();
        endUser.locator("#dialpad").waitFor();
        assertEquals("true", endUser.locator("#keypad").getAttribute("aria-pressed"));
        List<String> pressed = List.of("4", "2", "#", "*", "0");
        for (String digit : pressed) {
            endUser.locator("#dialpad button[data-digit='" + digit + "']").click();
        }
        endUser.awaitTrue("the " + pressed.size() + " digits echoed by the carrier",
                "() => window.digitsBack.length >= " + pressed.size(), 20);
        @SuppressWarnings("unchecked")
        var back = (List<List<String>>) endUser.page.evaluate("() => window.digitsBack");
        assertEquals(pressed, back.stream().map(d -> d.get(0)).toList(), "the carrier got the keys in order");
        assertTrue(back.stream().allMatch(d -> callee.equals(d.get(1))), "detected on the phone's leg: " + back);

        endUser.locator("#hangup").click();
        endUser.awaitState(10, "ended");
        assertEquals("The call has ended.", endUser.text("#message"));
        carrier.assertPassed(SIPP_DONE); // it got its BYE and answered it
        assertInvite(carrier, callee, callerId);
        assertTrue(carrier.messages().contains("BYE sip:"), carrier.messages());

        // A link that is not one-time stays usable.
        endUser.awaitTrue("the link asked again after the call", "() => document.body.dataset.linkState === 'ACTIVE'", 10);
        assertEquals("Start again", endUser.text("#start"));
        assertEquals("ACTIVE", setup.publicView(link).path("state").asText());
    }

    @Test
    void aOneTimePhoneLinkIsUsedUpWhenThePhoneAnswers() {
        // The carrier rings with early media (an announcement) for a few seconds, then answers.
        Sipp carrier = sipp(Sipp.scenario("carrier-early-media.xml")
                .set("pcap", Sipp.PCAPS.resolve("g711a.pcap").toString()).args("-d", "5000"));
        String callerId = ownNumber(true, trunk(carrier, ""), "{\"type\": \"WEBRTC\", \"identity\": \"desk-l2\"}");
        String callee = number();
        var setup = setup();
        String configId = setup.createConfig(config("Phone once", "Call us once", "This link has been used"));
        var link = setup.createLink(phoneLink(configId, callee, callerId, true));

        LinkPage endUser = LinkPage.open(chromium, link.url());
        endUser.awaitState(15, "name");
        endUser.start("Once Caller");
        endUser.awaitTrue("the phone ringing", "() => document.getElementById('call-status').textContent === 'Ringing…'", 15);
        // The carrier's announcement is heard before the answer, through the page's <audio>.
        endUser.awaitAudioRising(10);
        assertEquals("calling", endUser.state(), "not answered yet");
        assertEquals("ACTIVE", setup.publicView(link).path("state").asText(), "a ringing call does not use the link up");

        endUser.awaitState(15, "in-call");
        // Used up once answered, while the call goes on.
        long deadline = System.nanoTime() + 10_000_000_000L;
        String state;
        while (!(state = setup.publicView(link).path("state").asText()).equals("EXPIRED") && System.nanoTime() < deadline) {
            endUser.page.waitForTimeout(100);
        }
        assertEquals("EXPIRED", state, "the one-time link is used up by the answered call");
        var view = server.http().get("/call-link/1/links/" + link.id(), "Authorization", "App " + apiKey);
        assertEquals(200, view.status(), view.toString());
        assertFalse(view.json().path("usedAt").isMissingNode(), "usedAt is set: " + view.body());
        assertEquals("in-call", endUser.state(), "using the link up does not end its call");

        endUser.locator("#hangup").click();
        endUser.awaitState(10, "ended");
        carrier.assertPassed(SIPP_DONE);
        assertInvite(carrier, callee, callerId);
        endUser.awaitTrue("the link's state asked again after the call is EXPIRED",
                "() => document.body.dataset.linkState === 'EXPIRED'", 10);
        assertEquals("This link has been used", endUser.text("#detail"));
        assertFalse(endUser.visible("#start"), "no way to start again");

        LinkPage again = LinkPage.open(chromium, link.url());
        again.awaitState(15, "expired");
        assertEquals("This link has been used", again.text("#message"));
        assertFalse(again.visible("#start"));
        assertFalse(again.visible("#name"));
        Map<String, Object> noCall = again.stats();
        assertEquals(0, ((Number) noCall.get("pcs")).intValue(), "the expired page starts no call");
    }
}
