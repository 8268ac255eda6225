package dev.parley.server.browser;

import com.microsoft.playwright.Page;
import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One Parley server and one Chromium for a class of browser tests; pages open the demo page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {

    TestDatabase database;
    TestServer server;
    Chromium chromium;
    String apiKey;

    @BeforeAll
    void startServerAndBrowser(@TempDir Path dir) {
        database = TestDatabase.h2(dir.resolve("data"));
        server = TestServer.start(database, dir, serverEnvironment());
        apiKey = server.firstApiKey();
        chromium = Chromium.launch();
    }

    /** Configuration variables this class's server starts with. */
    Map<String, String> serverEnvironment() {
        return Map.of();
    }

    @AfterAll
    void stopServerAndBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** A new page (its own context) on the demo page, with the API key in {@code window.apiKey}. */
    Page demoPage() {
        Page page = chromium.newPage();
        page.navigate(server.http().baseUrl() + "/demo/");
        page.evaluate("key => window.apiKey = key", apiKey);
        return page;
    }
}
