package dev.parley.platform.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Recording files in a local directory: {@code <root>/<recordingId>/<fileName>}, and the key is
 * {@code <recordingId>/<fileName>}. Commit has nothing to do. The directory is created when the
 * first file is written, so a process that never records (the admin command line) leaves no trace.
 */
public final class LocalRecordingStore implements RecordingStore {

    // Generated ids and names only: letters, digits, _ and -, and one extension. No dots in ids and
    // no separators anywhere, so "..", absolute paths and other directories cannot be expressed.
    private static final Pattern RECORDING_ID = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");
    private static final Pattern FILE_NAME = Pattern.compile("^[A-Za-z0-9_-]{1,40}\\.[a-z0-9]{1,8}$");

    private final Path root;

    public LocalRecordingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public Path writable(String recordingId, String fileName) throws IOException {
        Path path = path(recordingId, fileName);
        Files.createDirectories(path.getParent());
        return path;
    }

    @Override
    public Path directory(String recordingId) throws IOException {
        return Files.createDirectories(directoryOf(recordingId));
    }

    @Override
    public String commit(String recordingId, String fileName) throws IOException {
        Path path = path(recordingId, fileName);
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return key(recordingId, fileName);
    }

    @Override
    public String key(String recordingId, String fileName) {
        path(recordingId, fileName);
        return recordingId + "/" + fileName;
    }

    @Override
    public Path localFile(String key) {
        return resolve(key);
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        SeekableByteChannel channel = Files.newByteChannel(resolve(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public void delete(String recordingId) throws IOException {
        Path directory = directoryOf(recordingId);
        if (!Files.isDirectory(directory)) {
            return;
        }
        // Files only: the store never makes subdirectories inside a recording's directory.
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    private Path resolve(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a recording file key: " + key);
        }
        return path(key.substring(0, slash), key.substring(slash + 1));
    }

    private Path path(String recordingId, String fileName) {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("not a generated file name: " + fileName);
        }
        Path path = directoryOf(recordingId).resolve(fileName).normalize();
        if (!path.getParent().equals(directoryOf(recordingId))) {
            throw new IllegalArgumentException("outside the recording's directory: " + fileName);
        }
        return path;
    }

    private Path directoryOf(String recordingId) {
        if (!RECORDING_ID.matcher(recordingId).matches()) {
            throw new IllegalArgumentException("not a recording id: " + recordingId);
        }
        Path directory = root.resolve(recordingId).normalize();
        if (!root.equals(directory.getParent())) {
            throw new IllegalArgumentException("outside the recordings directory: " + recordingId);
        }
        return directory;
    }

    /** Reads at most {@code remaining} bytes, then reports the end. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
