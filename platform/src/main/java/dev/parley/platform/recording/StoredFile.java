package dev.parley.platform.recording;

import java.io.IOException;
import java.io.InputStream;

/** A finished file ready to be read, whole or by byte range, with its size as the store has it. */
public record StoredFile(RecordingFile file, long size, RecordingStore store) {

    /** {@code length} bytes from {@code offset}; the caller has checked that they lie within {@link #size()}. */
    public InputStream open(long offset, long length) throws IOException {
        return store.open(file.storageKey(), offset, length);
    }
}
