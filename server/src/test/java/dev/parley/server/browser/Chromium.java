package dev.parley.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless with fake camera and microphone, driven by Playwright. Each
 * launch gets a fresh profile directory (Playwright makes and removes one per launch). Without Chromium the browser tests are skipped,
 * unless PARLEY_TEST_REQUIRE_BROWSER=1 (set by {@code ./parley test}) makes that a failure.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--autoplay-policy=no-user-gesture-required");

    private final Playwright playwright;
    private final Browser browser;
    private final List<Page> pages = new ArrayList<>();

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if ("1".equals(System.getenv("PARLEY_TEST_REQUIRE_BROWSER"))) {
                throw new AssertionError("Chromium is required for this run but " + EXECUTABLE + " is missing");
            }
            Assumptions.abort("no Chromium at " + EXECUTABLE + " (./parley test installs it)");
        }
        var playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(FLAGS));
        return new Chromium(playwright, browser);
    }

    /** A new page in its own context (its own cookies and media devices). */
    public Page newPage() {
        Page page = browser.newContext().newPage();
        page.onConsoleMessage(message -> System.out.println("[browser " + pages.indexOf(page) + "] " + message.text()));
        pages.add(page);
        return page;
    }

    /** Closes every page opened so far (their contexts, so their media stops). */
    public void closePages() {
        for (Page page : pages) {
            page.context().close();
        }
        pages.clear();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
