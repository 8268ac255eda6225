package dev.parley.media.recording;

import java.io.IOException;
import java.util.List;

/**
 * Writes frames, in time order, into one file's container. Writer lane only. Whatever a muxer
 * has written at any moment is a file that plays up to its last flushed part.
 */
interface Muxer {

    /** A frame at {@code ms} from the file's start. */
    void write(TrackSpec track, long ms, Frame frame) throws IOException;

    /** Time passes: flushes what has waited a second or more (the file's time {@code ms} now). */
    void tick(long ms) throws IOException;

    /** Writes what remains and the final headers, and closes the file. */
    void finish() throws IOException;

    /** Closes without finalising (the file is left as a crash would leave it, for tests of recovery). */
    void abandon();

    long bytes();

    /** The end of the last frame written, in ms from the start. */
    long durationMs();

    /** Codecs written, in the order their tracks appeared. */
    List<String> codecs();

    boolean hasVideo();
}
