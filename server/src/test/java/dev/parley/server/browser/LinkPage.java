package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hosted call page ({@code /l/{code}}) in a Chromium page, used as an end user does: by
 * reading what it shows and clicking. {@code pc-stats.js} only keeps the page's peer connections
 * to read what they decoded; the page plays the remote media itself.
 */
final class LinkPage {


    final Page page;
    private final PageStats stats;

    LinkPage(Page page) {
        this.page = page;
        this.stats = new PageStats(page, () -> "state " + state());
    }

    /** A new page (its own context) on {@code url}. */
    static LinkPage open(Chromium chromium, String url) {
        Page page = chromium.newPage();
        page.addInitScript(SdkPage.PC_STATS);
        // What the page's Content-Security-Policy blocked: nothing, or the page is broken somewhere.
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "(window.cspViolations = window.cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI))");
        page.navigate(url);
        return new LinkPage(page);
    }

    /** What the Content-Security-Policy blocked so far (directive and URI each). */
    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        return (List<String>) page.evaluate("() => window.cspViolations || []");
    }

    /** {@code document.body.dataset.state}. */
    String state() {
        return (String) page.evaluate("() => document.body.dataset.state");
    }

    /** Waits until the page is in one of {@code states}; returns the one it is in. */
    String awaitState(int seconds, String... states) {
        try {
            page.waitForFunction("states => states.includes(document.body.dataset.state)", Arrays.asList(states),
                    new Page.WaitForFunctionOptions().setTimeout(seconds * 1000.0).setPollingInterval(100));
        } catch (com.microsoft.playwright.TimeoutError e) {
            fail("the call page did not reach " + List.of(states) + " within " + seconds + " s; it is '" + state()
                    + "' showing: " + text("main"));
        }
        return state();
    }

    /** Waits until {@code predicate} (a JavaScript function of no arguments) returns true. */
    void awaitTrue(String what, String predicate, int seconds) {
        try {
            page.waitForFunction(predicate, null,
                    new Page.WaitForFunctionOptions().setTimeout(seconds * 1000.0).setPollingInterval(100));
        } catch (com.microsoft.playwright.TimeoutError e) {
            fail("the call page: " + what + " not within " + seconds + " s; it is '" + state() + "' showing: "
                    + text("main"));
        }
    }

    Locator locator(String selector) {
        return page.locator(selector);
    }

    boolean visible(String selector) {
        return page.locator(selector).isVisible();
    }

    String text(String selector) {
        return page.locator(selector).innerText().strip();
    }

    /** Types {@code name} into the name field and presses Start. */
    void start(String name) {
        if (name != null) {
            page.locator("#name").fill(name);
        }
        page.locator("#start").click();
    }

    /** The ids of the call controls shown. */
    @SuppressWarnings("unchecked")
    List<String> controlsShown() {
        return (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('.controls button')].filter(b => !b.hidden).map(b => b.id)");
    }

    /** Inbound statistics of the page's peer connections: videoFrames, audioEnergy, videos[{mid, framesDecoded}]. */
    Map<String, Object> stats() {
        return stats.stats();
    }

    double number(String key) {
        return stats.number(key);
    }

    Map<String, Object> awaitStats(String what, Predicate<Map<String, Object>> condition, int seconds) {
        return stats.await("call page: " + what, condition, seconds);
    }

    void awaitVideoRising(int frames, int seconds) {
        stats.awaitVideoRising(frames, seconds);
    }

    void awaitAudioRising(int seconds) {
        stats.awaitAudioRising(seconds);
    }
}
