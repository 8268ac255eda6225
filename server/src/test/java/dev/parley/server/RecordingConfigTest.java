package dev.parley.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.server.config.ConfigException;
import dev.parley.server.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recordings.* keys: where files go by default and when set, the tools, the timeout. */
class RecordingConfigTest {

    @TempDir
    Path dir;

    @Test
    void recordingsLiveUnderTheDataDirectoryUnlessToldOtherwise() {
        var defaults = ConfigLoader.load(Map.of(), dir).recordings();
        assertEquals(dir.resolve("data/recordings"), defaults.directory());
        assertEquals(Path.of("/usr/bin/ffmpeg"), defaults.ffmpeg());
        assertEquals(Path.of("/usr/bin/ffprobe"), defaults.ffprobe());
        assertEquals(Duration.ofMinutes(30), defaults.composeTimeout());

        assertEquals(dir.resolve("elsewhere/recordings"),
                ConfigLoader.load(Map.of("PARLEY_DATA_DIR", "elsewhere"), dir).recordings().directory(),
                "it follows data.dir");
        var set = ConfigLoader.load(Map.of("PARLEY_RECORDINGS_DIR", "media/../rec", "PARLEY_RECORDINGS_FFMPEG",
                "/opt/ffmpeg/bin/ffmpeg", "PARLEY_RECORDINGS_FFPROBE", "tools/ffprobe",
                "PARLEY_RECORDINGS_COMPOSE_TIMEOUT_SECONDS", "600"), dir).recordings();
        assertEquals(dir.resolve("rec"), set.directory(), "relative to the working directory, normalised");
        assertEquals(Path.of("/opt/ffmpeg/bin/ffmpeg"), set.ffmpeg());
        assertEquals(dir.resolve("tools/ffprobe"), set.ffprobe());
        assertEquals(Duration.ofMinutes(10), set.composeTimeout());
    }

    @Test
    void aTimeoutOutOfRangeStopsTheStartNamingTheKey() {
        for (String bad : new String[] {"0", "9", "86401", "soon"}) {
            var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(
                    Map.of("PARLEY_RECORDINGS_COMPOSE_TIMEOUT_SECONDS", bad), dir));
            assertTrue(e.getMessage().contains("recordings.compose-timeout-seconds"), e.getMessage());
        }
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Map.of("PARLEY_RECORDINGS_FFMPEG", " "), dir));
        assertTrue(e.getMessage().contains("recordings.ffmpeg"), e.getMessage());
    }
}
