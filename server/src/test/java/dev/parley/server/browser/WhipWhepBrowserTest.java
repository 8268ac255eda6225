package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real Chromium pages publishing with WHIP and playing with WHEP through Parley's media port. */
class WhipWhepBrowserTest extends BrowserTestBase {

    @Test
    void onePagePublishesAnotherPlaysVideoAndAudioThroughTheSfu() throws Exception {
        Page publisher = demoPage();
        publisher.evaluate("""
                async () => {
                  const token = await parleyDemo.mintToken(window.apiKey);
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                  window.pc = await parleyDemo.publish('whip-room', token, stream);
                }""");
        Page player = demoPage();
        player.evaluate("""
                async () => {
                  const token = await parleyDemo.mintToken(window.apiKey);
                  window.pc = await parleyDemo.play('whip-room', token);
                }""");
        Map<?, ?> first = waitFor(player, "s => s.framesDecoded > 50 && s.totalAudioEnergy > 0", 30);
        Thread.sleep(2000);
        Map<?, ?> later = stats(player);
        assertTrue(((Number) later.get("totalAudioEnergy")).doubleValue() > ((Number) first.get("totalAudioEnergy")).doubleValue(),
                "audio energy keeps rising: " + first + " then " + later);
        assertTrue(((Number) later.get("framesDecoded")).intValue() > ((Number) first.get("framesDecoded")).intValue());
    }

    @Test
    void theDemoPageShowsTheCameraComingBack() {
        Page page = demoPage();
        page.fill("#apiKey", apiKey);
        page.fill("#room", "demo-room");
        page.click("#start");
        Map<?, ?> stats = waitFor(page, "s => s.framesDecoded > 50", 30, "parleyDemo.playbackStats()");
        assertTrue(((Number) stats.get("framesDecoded")).intValue() > 50);
    }

    static Map<?, ?> stats(Page page) {
        return (Map<?, ?>) page.evaluate("() => parleyDemo.receiveStats(window.pc)");
    }

    static Map<?, ?> waitFor(Page page, String condition, int seconds) {
        return waitFor(page, condition, seconds, "parleyDemo.receiveStats(window.pc)");
    }

    static Map<?, ?> waitFor(Page page, String condition, int seconds, String statsExpression) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Map<?, ?> last = Map.of();
        while (System.nanoTime() < deadline) {
            last = (Map<?, ?>) page.evaluate("async () => { const s = await " + statsExpression + "; return ("
                    + condition + ")(s) ? {...s, ok: true} : s; }");
            if (Boolean.TRUE.equals(last.get("ok"))) {
                return last;
            }
            page.waitForTimeout(250);
        }
        throw new AssertionError("not reached within " + seconds + " s: " + condition + "; last stats " + last);
    }
}
