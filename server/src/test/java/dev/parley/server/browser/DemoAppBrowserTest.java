package dev.parley.server.browser;


import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo app at {@code /} used as a person would, by clicking: two people sign in, call each
 * other with video, mute, hold and hang up; then they meet in a room and see each other's tiles.
 */
class DemoAppBrowserTest extends BrowserTestBase {

    private Page open(String identity) throws Exception {
        Page page = chromium.newPage();
        // Only to read decoding statistics; the app itself is untouched.
        page.addInitScript(Path.of(DemoAppBrowserTest.class.getResource("/browser/sdk-harness.js").toURI()));
        page.navigate(server.http().baseUrl() + "/");
        page.fill("#identity", identity);
        page.fill("#display-name", identity.toUpperCase(java.util.Locale.ROOT));
        page.click("#signin-button");
        page.waitForSelector("#home", new Page.WaitForSelectorOptions().setTimeout(15_000));
        return page;
    }

    private static void awaitAppEvent(Page page, String name, int nth) {
        try {
            page.waitForFunction("([name, nth]) => window.parleyApp.events.filter(e => e.name === name).length >= nth",
                    List.of(name, nth), new Page.WaitForFunctionOptions().setTimeout(20_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("no '" + name + "' #" + nth + " in the app's events: "
                    + page.evaluate("() => JSON.stringify(window.parleyApp.events.map(e => e.name))"), e);
        }
    }

    private static double videoFrames(Page page) {
        return ((Number) ((Map<?, ?>) page.evaluate("() => harness.stats()")).get("videoFrames")).doubleValue();
    }

    private static void awaitVideoRising(Page page, int frames) {
        double from = videoFrames(page);
        page.waitForFunction("from => harness.stats().then(s => s.videoFrames > from)", from + frames,
                new Page.WaitForFunctionOptions().setTimeout(30_000).setPollingInterval(250));
    }

    @Test
    void twoPeopleCallWithVideoMuteHoldHangUpAndMeetInARoom() throws Exception {
        Page ann = open("ann");
        Page ben = open("ben");

        ann.fill("#callee", "ben");
        ann.check("#call-video");
        ann.click("#call-button");
        ben.waitForSelector("#incoming", new Page.WaitForSelectorOptions().setTimeout(15_000));
        ben.check("#accept-video");
        ben.click("#accept-button");
        awaitAppEvent(ann, "established", 1);
        awaitAppEvent(ben, "established", 1);
        awaitVideoRising(ann, 30);
        awaitVideoRising(ben, 30);
        // The remote video element is playing.
        ben.waitForFunction("() => document.getElementById('remote-video').videoWidth > 0");

        ann.click("#mute-button");
        awaitAppEvent(ben, "remote-muted", 1);
        ann.click("#mute-button");
        awaitAppEvent(ben, "remote-unmuted", 1);

        ann.click("#hold-button");
        awaitAppEvent(ann, "hold-changed", 1);
        awaitAppEvent(ben, "hold-changed", 1);
        ann.click("#hold-button");
        awaitAppEvent(ben, "hold-changed", 2);
        awaitVideoRising(ben, 30);

        ben.click("#hangup-button");
        awaitAppEvent(ann, "hangup", 1);
        awaitAppEvent(ben, "hangup", 1);

        for (Page page : List.of(ann, ben)) {
            page.fill("#room-name", "demo-room");
            page.check("#room-video");
            page.click("#join-button");
            awaitAppEvent(page, "room-joined", 1);
        }
        // Each sees a tile of the other whose video plays.
        ann.waitForFunction("() => { const v = document.querySelector('#grid [id*=\"ben\"] video'); return v && v.videoWidth > 0; }",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        ben.waitForFunction("() => { const v = document.querySelector('#grid [id*=\"ann\"] video'); return v && v.videoWidth > 0; }",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        ann.click("#leave-button");
        awaitAppEvent(ben, "participant-left", 1);
    }
}
