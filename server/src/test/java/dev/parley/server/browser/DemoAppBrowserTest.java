package dev.parley.server.browser;


import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo app at {@code /} used as a person would, by clicking: two people sign in, call each
 * other with video, mute, share a screen, press keypad digits, hold and hang up; then they and
 * two more meet in a room and each sees the other three's tiles.
 */
class DemoAppBrowserTest extends BrowserTestBase {

    private Page open(String identity) throws Exception {
        Page page = chromium.newPage();
        // Only to read decoding statistics; the app itself is untouched.
        page.addInitScript(SdkPage.PC_STATS);
        page.addInitScript(SdkPage.HARNESS);
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

    /** For a person to look at: target/screenshots/NAME. */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)).setFullPage(true));
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

        ann.click("#screen-button");
        awaitAppEvent(ben, "remote-screen-share-added", 1);
        ben.waitForFunction("() => document.getElementById('remote-screen').videoWidth > 0", null,
                new Page.WaitForFunctionOptions().setTimeout(20_000));
        screenshot(ben, "demo-call-callee.png");
        ann.click("#screen-button");
        awaitAppEvent(ben, "remote-screen-share-removed", 1);

        for (String digit : List.of("1", "5", "#")) {
            ann.click("#keypad button[data-digit='" + digit + "']");
        }
        ben.waitForFunction("() => [...document.querySelectorAll('#dtmf-log li')].map(li => li.textContent).join('') === '15#'",
                null, new Page.WaitForFunctionOptions().setTimeout(20_000));

        ann.click("#hold-button");
        awaitAppEvent(ann, "hold-changed", 1);
        awaitAppEvent(ben, "hold-changed", 1);
        ann.click("#hold-button");
        awaitAppEvent(ben, "hold-changed", 2);
        awaitVideoRising(ben, 30);

        // Both network-quality indicators fill in (the server reports every 2 s from RTCP).
        for (Page page : List.of(ann, ben)) {
            page.waitForFunction("() => ['quality-self', 'quality-remote'].every(id => document.getElementById(id).dataset.q !== '0')",
                    null, new Page.WaitForFunctionOptions().setTimeout(20_000));
        }
        screenshot(ben, "demo-call-callee-resumed.png");
        ben.click("#hangup-button");
        awaitAppEvent(ann, "hangup", 1);
        awaitAppEvent(ben, "hangup", 1);

        List<String> names = List.of("ann", "ben", "cat", "dan");
        List<Page> pages = List.of(ann, ben, open("cat"), open("dan"));
        for (Page page : pages) {
            page.fill("#room-name", "demo-room");
            page.check("#room-video");
            page.click("#join-button");
            awaitAppEvent(page, "room-joined", 1);
        }
        // Each of the four sees a tile of each other one whose video plays.
        for (int i = 0; i < pages.size(); i++) {
            for (String other : names) {
                if (!other.equals(names.get(i))) {
                    pages.get(i).waitForFunction("name => { const v = document.querySelector(`#grid [id*=\"${name}\"] video`); return v && v.videoWidth > 0; }",
                            other, new Page.WaitForFunctionOptions().setTimeout(30_000));
                }
            }
        }
        screenshot(ben, "demo-room.png");
        ann.click("#leave-button");
        for (Page page : pages.subList(1, 4)) {
            awaitAppEvent(page, "participant-left", 1);
        }
    }
}
