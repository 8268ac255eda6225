package dev.parley.media.recording;

import dev.parley.protocol.codec.OpusToc;
import dev.parley.protocol.container.CodecPrivates;
import dev.parley.protocol.container.OggPage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ogg Opus (RFC 7845): an OpusHead page, an OpusTags page, then audio pages whose granule
 * position counts 48 kHz samples up to the end of their last packet. Ogg has no timestamps, so
 * time that passes without packets (mute, loss) is filled with packets that ask the decoder to
 * conceal: the previous packet's configuration, code 3, zero-length frames, at most 120 ms each
 * (RFC 7845 §4.1). A page goes out at least every second, so a killed writer loses at most that.
 * The last page is marked end-of-stream when the file is finished.
 */
final class OggOpusMuxer extends SinkMuxer {

    private static final int SAMPLES_PER_MS = 48;
    private static final long PAGE_SAMPLES = 48_000;
    private static final int PAGE_MAX_SEGMENTS = 200;
    private static final int PAGE_MAX_BYTES = 16 * 1024;
    /** Timestamps a little behind where the stream is (a correction) are written as they come; far behind are dropped. */
    private static final long OVERLAP_DROP_SAMPLES = 200L * SAMPLES_PER_MS;

    private final long serial = ThreadLocalRandom.current().nextLong(1L << 32);
    private final List<byte[]> pending = new ArrayList<>();
    private int pendingSegments;
    private int pendingBytes;
    private long pageStartGranule;
    private long sequence;
    private long granule;
    private boolean started;
    private int lastToc = -1;
    private byte[] lastPage;
    private long lastPageOffset;
    long concealedSamples;
    long droppedOverlapping;

    OggOpusMuxer(FileSink sink) {
        super(sink);
    }

    @Override
    public void write(TrackSpec track, long ms, Frame frame) throws IOException {
        byte[] packet = frame.data();
        if (!started) {
            started = true;
            int channels = OpusToc.stereo(packet[0]) ? 2 : 1;
            writePage(OggPage.BEGINNING, 0, List.of(CodecPrivates.opusHead(channels, 0, 48_000)));
            writePage(0, 0, List.of(CodecPrivates.opusTags("parley", List.of())));
            fillGap(ms * SAMPLES_PER_MS); // the file's time zero may be a little before its first audio
        } else {
            long target = ms * SAMPLES_PER_MS;
            if (target < granule - OVERLAP_DROP_SAMPLES) {
                droppedOverlapping++;
                return;
            }
            fillGap(target);
        }
        add(packet, frame.samples());
        lastToc = packet[0] & 0xff;
    }

    /** Conceals from where the stream is to {@code target}, in whole frames of the last configuration. */
    private void fillGap(long target) throws IOException {
        int toc = lastToc >= 0 ? lastToc : 0xF8; // before any packet: CELT fullband 20 ms
        int frame = OpusToc.frameSamples(toc);
        long frames = (target - granule) / frame;
        while (frames > 0) {
            int n = (int) Math.min(frames, OpusToc.MAX_SAMPLES / frame);
            add(OpusToc.concealment(toc, n), n * frame);
            concealedSamples += (long) n * frame;
            frames -= n;
        }
    }

    private void add(byte[] packet, int samples) throws IOException {
        if (pendingSegments + OggPage.segmentsFor(packet.length) > PAGE_MAX_SEGMENTS) {
            flushPage(0);
        }
        if (pending.isEmpty()) {
            pageStartGranule = granule;
        }
        pending.add(packet);
        pendingSegments += OggPage.segmentsFor(packet.length);
        pendingBytes += packet.length;
        granule += samples;
        if (granule - pageStartGranule >= PAGE_SAMPLES || pendingBytes >= PAGE_MAX_BYTES) {
            flushPage(0);
        }
    }

    @Override
    public void tick(long ms) throws IOException {
        if (!pending.isEmpty() && ms * SAMPLES_PER_MS - pageStartGranule >= PAGE_SAMPLES) {
            flushPage(0);
        }
    }

    private void flushPage(int flags) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        writePage(flags, granule, pending);
        pending.clear();
        pendingSegments = 0;
        pendingBytes = 0;
    }

    private void writePage(int flags, long pageGranule, List<byte[]> packets) throws IOException {
        byte[] page = OggPage.write(flags, pageGranule, serial, sequence++, packets);
        lastPageOffset = sink.size();
        lastPage = page;
        sink.append(page);
    }

    @Override
    boolean started() {
        return started;
    }

    /** The pending page, or else the last page written again, marked end-of-stream. */
    @Override
    void writeEnding() throws IOException {
        if (!pending.isEmpty()) {
            flushPage(OggPage.END);
        } else if (lastPage != null) {
            OggPage.setHeaderType(lastPage, 0, lastPage.length, lastPage[5] | OggPage.END);
            sink.patch(lastPageOffset, lastPage);
        }
    }

    @Override
    public long durationMs() {
        return granule / SAMPLES_PER_MS;
    }

    @Override
    public List<String> codecs() {
        return started ? List.of("opus") : List.of();
    }

    @Override
    public boolean hasVideo() {
        return false;
    }
}
