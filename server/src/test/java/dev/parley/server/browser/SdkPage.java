package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Chromium page that uses the Parley SDK as an app would, through {@code sdk-harness.js}:
 * it signs in with a demo token, calls, answers, and reports every SDK event it received and
 * what its peer connections decoded.
 */
final class SdkPage {

    /** Loaded first: it keeps the page's peer connections for the harness's statistics. */
    static final Path PC_STATS = resource("/browser/pc-stats.js");
    static final Path HARNESS = resource("/browser/sdk-harness.js");

    final Page page;
    final String identity;

    private final PageStats stats;

    private SdkPage(Page page, String identity) {
        this.page = page;
        this.identity = identity;
        this.stats = new PageStats(page, () -> "events " + events().stream().map(e -> e.get("name")).toList());
    }

    /** A new page signed in as {@code identity} with a demo token. */
    static SdkPage signIn(Chromium chromium, String baseUrl, String identity) {
        return signIn(chromium, baseUrl, identity, null);
    }

    /** A new page signed in as {@code identity}, with {@code token} (or a demo token when null). */
    static SdkPage signIn(Chromium chromium, String baseUrl, String identity, String token) {
        Page page = chromium.newPage();
        page.addInitScript(PC_STATS);
        page.addInitScript(HARNESS);
        page.navigate(baseUrl + "/demo/");
        page.evaluate("([identity, token]) => harness.signIn(identity, token)", java.util.Arrays.asList(identity, token));
        return new SdkPage(page, identity);
    }

    Object eval(String script) {
        return page.evaluate(script);
    }

    Object eval(String script, Object argument) {
        return page.evaluate(script, argument);
    }

    /** The SDK events received so far, in order: {source, name, detail}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events() {
        return (List<Map<String, Object>>) page.evaluate("() => harness.events");
    }

    /** Waits until an event named {@code name} (the {@code nth}, from 1) has arrived; returns it. */
    Map<String, Object> awaitEvent(String name, int nth, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            List<Map<String, Object>> matching = events().stream().filter(e -> name.equals(e.get("name"))).toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
            if (System.nanoTime() > deadline) {
                fail(identity + " did not receive '" + name + "' #" + nth + " within " + seconds + " s; events: "
                        + events().stream().map(e -> e.get("name")).toList());
            }
            page.waitForTimeout(100);
        }
    }

    /** Waits until an event named {@code name} whose detail matches has arrived; returns the first such. */
    Map<String, Object> awaitEvent(String name, Predicate<Map<String, Object>> matches, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            var found = events().stream().filter(e -> name.equals(e.get("name"))).filter(matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                fail(identity + " did not receive a matching '" + name + "' within " + seconds + " s; events: " + events());
            }
            page.waitForTimeout(100);
        }
    }

    Map<String, Object> awaitEvent(String name, int seconds) {
        return awaitEvent(name, 1, seconds);
    }

    /** Inbound statistics over every peer connection: videoFrames, audioEnergy, videos[{mid, framesDecoded}]. */
    Map<String, Object> stats() {
        return stats.stats();
    }

    double number(String key) {
        return stats.number(key);
    }

    /** Waits until {@code condition} holds for the statistics; returns them. */
    Map<String, Object> awaitStats(String what, Predicate<Map<String, Object>> condition, int seconds) {
        return stats.await(identity + ": " + what, condition, seconds);
    }

    /** Waits until video frames decoded rise by more than {@code frames} from now. */
    void awaitVideoRising(int frames, int seconds) {
        stats.awaitVideoRising(frames, seconds);
    }

    /** Waits until received audio energy rises from now. */
    void awaitAudioRising(int seconds) {
        stats.awaitAudioRising(seconds);
    }

    private static Path resource(String name) {
        try {
            return Path.of(SdkPage.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource " + name + " missing", e);
        }
    }
}
