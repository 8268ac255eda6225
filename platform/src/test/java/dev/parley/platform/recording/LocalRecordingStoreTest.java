package dev.parley.platform.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRecordingStoreTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsWrittenCommittedReadByRangeAndDeletedWithItsRecording() throws Exception {
        var store = new LocalRecordingStore(dir.resolve("recordings"));
        assertFalse(Files.exists(dir.resolve("recordings")), "nothing is created before a file is written");
        Path path = store.writable("rec_abc", "rf_1.webm");
        assertEquals(dir.resolve("recordings/rec_abc/rf_1.webm"), path);
        Files.write(path, "0123456789".getBytes());
        String key = store.commit("rec_abc", "rf_1.webm");
        assertEquals("rec_abc/rf_1.webm", key);
        assertEquals(10, store.size(key));
        try (var in = store.open(key, 3, 4)) {
            assertArrayEquals("3456".getBytes(), in.readAllBytes());
        }
        try (var in = store.open(key, 8, 100)) {
            assertArrayEquals("89".getBytes(), in.readAllBytes());
        }
        assertEquals(path, store.localFile(key));
        store.delete("rec_abc");
        assertFalse(Files.exists(dir.resolve("recordings/rec_abc")));
        assertThrows(NoSuchFileException.class, () -> store.size(key));
        store.delete("rec_abc"); // nothing left is not an error
    }

    @Test
    void committingAFileNeverWrittenFails() throws Exception {
        var store = new LocalRecordingStore(dir);
        store.writable("rec_x", "rf_1.ogg");
        assertThrows(NoSuchFileException.class, () -> store.commit("rec_x", "rf_1.ogg"));
    }

    @Test
    void noIdOrNameCanReachOutsideTheDirectory() throws Exception {
        var store = new LocalRecordingStore(dir.resolve("recordings"));
        Files.createDirectories(dir.resolve("recordings"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        for (String id : List.of("..", ".", "", "../x", "a/b", "/etc", "rec_x/..", "rec.x", "rec x", "rec_\u0000",
                "x".repeat(41))) {
            assertThrows(IllegalArgumentException.class, () -> store.writable(id, "rf_1.webm"), id);
            assertThrows(IllegalArgumentException.class, () -> store.delete(id), id);
        }
        for (String name : List.of("..", "../secret.txt", "rf_1", ".webm", "a/b.webm", "rf_1.webm/..", "rf 1.webm",
                "rf_1..webm", "rf_1.WEBM", "rf_1.tar.gz")) {
            assertThrows(IllegalArgumentException.class, () -> store.writable("rec_x", name), name);
        }
        for (String key : List.of("../secret.txt", "rec_x/../../secret.txt", "secret.txt", "/etc/passwd", "rec_x/",
                "rec_x/rf_1.webm/x")) {
            assertThrows(IllegalArgumentException.class, () -> store.open(key, 0, 1), key);
            assertThrows(IllegalArgumentException.class, () -> store.size(key), key);
        }
        assertTrue(Files.exists(dir.resolve("secret.txt")));
    }
}
