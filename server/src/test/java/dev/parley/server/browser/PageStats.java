package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The inbound statistics of a page's peer connections, as {@code pc-stats.js} reads them
 * (videoFrames, audioEnergy, audioPackets, videos[{mid, framesDecoded}]), and waiting on them.
 * {@code context} says what the page was doing when a wait fails.
 */
final class PageStats {

    private final Page page;
    private final Supplier<String> context;

    PageStats(Page page, Supplier<String> context) {
        this.page = page;
        this.context = context;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> stats() {
        return (Map<String, Object>) page.evaluate("() => window.pcStats()");
    }

    double number(String key) {
        return ((Number) stats().get(key)).doubleValue();
    }

    /** Waits until {@code condition} holds for the statistics; returns them. */
    Map<String, Object> await(String what, Predicate<Map<String, Object>> condition, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            Map<String, Object> stats = stats();
            if (condition.test(stats)) {
                return stats;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " not seen within " + seconds + " s; stats " + stats + "; " + context.get());
            }
            page.waitForTimeout(200);
        }
    }

    /** Waits until video frames decoded rise by more than {@code frames} from now. */
    void awaitVideoRising(int frames, int seconds) {
        double from = number("videoFrames");
        await("video frames rising by " + frames, s -> ((Number) s.get("videoFrames")).doubleValue() > from + frames,
                seconds);
    }

    /** Waits until received audio energy rises from now (Chromium measures it only for audio an element plays). */
    void awaitAudioRising(int seconds) {
        double from = number("audioEnergy");
        await("audio energy rising", s -> ((Number) s.get("audioEnergy")).doubleValue() > from + 0.01, seconds);
    }
}
