package dev.parley.platform.recording;

import java.nio.file.Path;

/**
 * A participant's file just registered: its row, and the local path the recorder writes it to.
 * The name and path are generated from ids; nothing in them comes from a request.
 */
public record StartedFile(RecordingFile file, Path path) {
}
