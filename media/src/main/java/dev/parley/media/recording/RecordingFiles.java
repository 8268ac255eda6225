package dev.parley.media.recording;


import dev.parley.protocol.container.OggPage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the best of a recording file that a killed server left behind. The platform calls
 * {@link #finalizeInterrupted} after a restart on every file of a recording that was running:
 * a Matroska/WebM file is cut after its last whole element, given Cues, a SeekHead, its
 * Duration, its Segment size and a tag {@code PARLEY_RECORDING=interrupted}; an Ogg file is cut
 * after its last whole page, which is marked end-of-stream. A file that was finished normally
 * is left as it is. Nothing here throws: a file that cannot be read says so in the result.
 */
public final class RecordingFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFiles.class);

    /**
     * What the recovery found.
     *
     * @param duration     how much the file plays (zero when nothing could be read)
     * @param bytes        its size now
     * @param wasFinished  whether it had been finished normally (then nothing was changed)
     * @param problem      empty when all went well, else what went wrong
     */
    public record Recovered(Duration duration, long bytes, boolean wasFinished, String problem) {
    }

    private RecordingFiles() {
    }

    /** Finalises a file that a killed writer left; never throws. */
    public static Recovered finalizeInterrupted(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            byte[] magic = read(channel, 0, 4);
            if (magic.length == 4 && (magic[0] & 0xff) == 0x1A && (magic[1] & 0xff) == 0x45
                    && (magic[2] & 0xff) == 0xDF && (magic[3] & 0xff) == 0xA3) {
                return MatroskaRecovery.recover(channel);
            }
            if (magic.length == 4 && magic[0] == 'O' && magic[1] == 'g' && magic[2] == 'g' && magic[3] == 'S') {
                return recoverOgg(channel);
            }
            return new Recovered(Duration.ZERO, channel.size(), false, "neither Matroska nor Ogg");
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot finalise {}: {}", file, e.toString());
            long size = 0;
            try {
                size = Files.size(file);
            } catch (IOException ignored) {
                // no size either
            }
            return new Recovered(Duration.ZERO, size, false, e.toString());
        }
    }

    /** Ogg Opus: keep the whole pages, mark the last one end-of-stream. */
    private static Recovered recoverOgg(FileChannel channel) throws IOException {
        long size = channel.size();
        long position = 0;
        long lastPage = -1;
        int lastLength = 0;
        long granule = 0;
        int preSkip = 0;
        boolean first = true;
        while (position < size) {
            byte[] head = read(channel, position, 27 + 255);
            if (head.length < 27) {
                break;
            }
            int segments = head[26] & 0xff;
            int length = 27 + segments;
            if (head.length < length) {
                break;
            }
            for (int i = 0; i < segments; i++) {
                length += head[27 + i] & 0xff;
            }
            byte[] page = read(channel, position, length);
            var parsed = OggPage.parse(page, 0, page.length);
            if (parsed.isEmpty()) {
                break;
            }
            if (first && !parsed.get().packets().isEmpty() && parsed.get().packets().getFirst().length >= 12) {
                byte[] head0 = parsed.get().packets().getFirst();
                preSkip = (head0[10] & 0xff) | (head0[11] & 0xff) << 8;
            }
            first = false;
            if (parsed.get().granule() != -1) {
                granule = Math.max(granule, parsed.get().granule());
            }
            lastPage = position;
            lastLength = length;
            position += length;
        }
        if (lastPage < 0) {
            return new Recovered(Duration.ZERO, size, false, "no whole Ogg page");
        }
        byte[] page = read(channel, lastPage, lastLength);
        boolean wasFinished = (page[5] & OggPage.END) != 0 && position == size;
        if (!wasFinished) {
            channel.truncate(position);
            OggPage.setHeaderType(page, 0, page.length, (page[5] & 0xff) | OggPage.END);
            write(channel, lastPage, page);
            channel.force(false);
        }
        long samples = Math.max(0, granule - preSkip);
        return new Recovered(Duration.ofNanos(samples * 1_000_000_000L / 48_000), channel.size(), wasFinished, "");
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        long available = Math.max(0, channel.size() - position);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, available));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    static void write(FileChannel channel, long position, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

}
