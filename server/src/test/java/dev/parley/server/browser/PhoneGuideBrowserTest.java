package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import dev.parley.server.support.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/phone.md's walkthrough, step by step as a new user follows it: a trunk and a number
 * made with the REST API, sipp's own {@code uas} scenario standing in for the carrier (it
 * echoes what it hears) and its {@code uac} scenario for a phone calling in, and the demo app
 * at {@code /} used by clicking to dial out and to answer.
 */
class PhoneGuideBrowserTest extends BrowserTestBase {

    @BeforeAll
    void needsSipp() {
        Sipp.require();
    }

    private Page signIn(String identity) throws Exception {
        Page page = chromium.newPage();
        // Only to read what the page decodes; the app itself is untouched.
        page.addInitScript(SdkPage.PC_STATS);
        page.addInitScript(SdkPage.HARNESS);
        page.navigate(server.http().baseUrl() + "/");
        page.fill("#identity", identity);
        page.click("#signin-button");
        page.waitForSelector("#home", new Page.WaitForSelectorOptions().setTimeout(15_000));
        return page;
    }

    private static void awaitAppEvent(Page page, String name, int nth) {
        page.waitForFunction("([name, nth]) => window.parleyApp.events.filter(e => e.name === name).length >= nth",
                List.of(name, nth), new Page.WaitForFunctionOptions().setTimeout(20_000));
    }

    private static void awaitAudioRising(Page page) {
        double from = ((Number) ((Map<?, ?>) page.evaluate("() => harness.stats()")).get("audioEnergy")).doubleValue();
        page.waitForFunction("from => harness.stats().then(s => s.audioEnergy > from + 0.01)", from,
                new Page.WaitForFunctionOptions().setTimeout(20_000).setPollingInterval(250));
    }

    @Test
    void aNewUserDialsOutAndTakesACallFromTheDemoApp() throws Exception {
        // Step 1: the carrier, sipp's uas scenario echoing every RTP packet back.
        try (Sipp carrier = Sipp.builtIn("uas").rtpEcho().timeout(Duration.ofSeconds(60)).start()) {
            // Step 2: the trunk and a number, with curl in the guide.
            String[] hostPort = carrier.address().split(":");
            var trunk = server.http().postJson("/telephony/1/trunks", apiKey, """
                    {"name": "sipp carrier", "host": "%s", "port": %s, "codecs": ["PCMU", "PCMA"],
                     "allowedAddresses": ["127.0.0.1"]}""".formatted(hostPort[0], hostPort[1]));
            assertEquals(201, trunk.status(), trunk.toString());
            var number = server.http().postJson("/telephony/1/numbers", apiKey, """
                    {"number": "+441632960200", "outboundEnabled": true,
                     "inbound": {"type": "WEBRTC", "identity": "alice"}}""");
            assertEquals(201, number.status(), number.toString());

            // Step 3: alice dials a phone number from the demo app and hears the far end.
            Page alice = signIn("alice");
            alice.fill("#phone-to", "+441632960001");
            alice.fill("#phone-from", "+441632960200");
            alice.click("#phone-button");
            awaitAppEvent(alice, "established", 1);
            awaitAudioRising(alice);
            alice.click("#hangup-button");
            awaitAppEvent(alice, "hangup", 1);
            carrier.assertPassed(Duration.ofSeconds(20));

            // Step 4: a phone calls +441632960200 (sipp's uac scenario); alice answers.
            try (Sipp phone = Sipp.builtIn("uac").rtpEcho().calling("127.0.0.1:" + server.server().sip().port())
                    .args("-s", "+441632960200", "-d", "6000").timeout(Duration.ofSeconds(60)).start()) {
                alice.waitForSelector("#incoming", new Page.WaitForSelectorOptions().setTimeout(15_000));
                alice.click("#accept-button");
                awaitAppEvent(alice, "established", 2);
                awaitAudioRising(alice);
                awaitAppEvent(alice, "hangup", 2); // the phone hangs up after 6 s
                phone.assertPassed(Duration.ofSeconds(30));
            }
        }
    }
}
