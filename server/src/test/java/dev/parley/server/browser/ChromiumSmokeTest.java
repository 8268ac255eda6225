package dev.parley.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.server.support.TestDatabase;
import dev.parley.server.support.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tool chain works: Chromium loads a Parley page and has fake media devices. */
class ChromiumSmokeTest {

    @TempDir
    Path dir;

    @Test
    void chromiumReachesParleyAndHasFakeDevices() {
        try (var database = TestDatabase.h2(dir.resolve("data"));
             var server = TestServer.start(database, dir, Map.of());
             var chromium = Chromium.launch()) {
            var page = chromium.newPage();
            page.navigate(server.http().baseUrl() + "/health/live");
            Object tracks = page.evaluate("""
                    async () => {
                      const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: true});
                      return stream.getTracks().map(t => t.kind).sort().join(',');
                    }""");
            assertEquals("audio,video", tracks);
        }
    }
}
