package dev.parley.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file written at its end and patched in place: appends go to the end, {@link #patch}
 * overwrites earlier bytes without moving the end. Every write completes before it returns,
 * so what a reader sees is whole up to the last write.
 */
final class FileSink implements AutoCloseable {

    private final FileChannel channel;
    private long size;

    FileSink(FileChannel channel) {
        this.channel = channel;
    }

    long size() {
        return size;
    }

    void append(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
            size += channel.write(buffer, size);
        }
    }

    void append(byte[] b) throws IOException {
        append(b, 0, b.length);
    }

    void patch(long position, byte[] b) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Asks the OS to put what was written on the disk (on finishing, and now and then). */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
