package dev.parley.media.recording;

import java.io.IOException;

/**
 * What every {@link Muxer} does with its file the same way: finishing it once (a second
 * {@link #finish} does nothing) and closing it even when writing the ending fails, abandoning
 * it as a crash would leave it, and its size. The container writes its own ending.
 */
abstract class SinkMuxer implements Muxer {

    final FileSink sink;
    private boolean closed;

    SinkMuxer(FileSink sink) {
        this.sink = sink;
    }

    /** Whether the file has its header yet; one without is closed as it is, with no ending. */
    abstract boolean started();

    /** Writes what is still buffered and the final headers; the file is forced to disk after. */
    abstract void writeEnding() throws IOException;

    @Override
    public final void finish() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (started()) {
                writeEnding();
                sink.force();
            }
        } finally {
            sink.close();
        }
    }

    @Override
    public final void abandon() {
        closed = true;
        try {
            sink.close();
        } catch (IOException e) {
            // abandoning anyway
        }
    }

    @Override
    public final long bytes() {
        return sink.size();
    }
}
