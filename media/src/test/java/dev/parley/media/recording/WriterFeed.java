package dev.parley.media.recording;

import dev.parley.media.codec.OpusCodec;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.testing.Tones;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives one {@link FileWriter} the way the media loop and its lane would, with simulated
 * arrival times: packets of real encoded media, sender reports and ticks, in arrival order.
 */
final class WriterFeed {

    static final long BASE = 1_000_000_000_000L;
    static final Instant WALL = Instant.parse("2026-12-06T12:00:00Z");

    private record Event(long arrival, long order, Runnable action) {
    }

    final FileCounters counters = new FileCounters();
    final List<RecordedFile> started = new CopyOnWriteArrayList<>();
    final List<RecordedFile> finished = new CopyOnWriteArrayList<>();
    final List<Integer> keyframeRequests = new CopyOnWriteArrayList<>();
    final FileWriter writer;
    private final List<Event> events = new ArrayList<>();
    private long order;
    private final int[] sequences = new int[4];

    WriterFeed(Path dir, Container container, String name) {
        var spec = new RecordingSpec(container.video, dir, "rec");
        writer = new FileWriter("alice", "rec-" + name, spec, container, new RecordingListener() {
            @Override
            public void onFileStarted(RecordedFile file) {
                started.add(file);
            }

            @Override
            public void onFileFinished(RecordedFile file) {
                finished.add(file);
            }
        }, BASE, WALL, keyframeRequests::add, counters);
    }

    void track(int slot, MediaKind kind, String codec, int clockRate) {
        writer.addTrack(new TrackSpec(slot, "track-" + slot, kind, codec, clockRate, true));
    }

    void packet(long arrivalMillis, int slot, long timestamp, boolean marker, byte[] payload) {
        int sequence = sequences[slot]++ & 0xffff;
        long arrival = BASE + arrivalMillis * 1_000_000L;
        add(arrival, () -> writer.onPacket(slot, new TrackInput.Packet(sequence, timestamp, marker, payload, arrival)));
    }

    /** Uses up a sequence number: the packet is lost. */
    void lose(int slot) {
        sequences[slot]++;
    }

    void senderReport(long arrivalMillis, int slot, long ntp, long timestamp) {
        long arrival = BASE + arrivalMillis * 1_000_000L;
        add(arrival, () -> writer.onSenderReport(slot, ntp, timestamp, arrival));
    }

    /** Runs everything in arrival order, with a tick every 250 ms as the loop would. */
    void run() {
        long last = events.stream().mapToLong(Event::arrival).max().orElse(BASE);
        for (long t = BASE; t <= last + 3_000_000_000L; t += 250_000_000L) {
            long now = t;
            add(now, () -> writer.tick(now));
        }
        events.sort(Comparator.comparingLong(Event::arrival).thenComparingLong(Event::order));
        events.forEach(e -> e.action().run());
        events.clear();
    }

    private void add(long arrival, Runnable action) {
        events.add(new Event(arrival, order++, action));
    }

    // ---- media -----------------------------------------------------------------------------

    /** {@code frames} 20 ms Opus packets of a 440 Hz tone (Concentus, 48 kHz mono). */
    static List<byte[]> opus(int frames) {
        var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        var list = new ArrayList<byte[]>();
        byte[] out = new byte[OpusCodec.MAX_PACKET];
        for (int f = 0; f < frames; f++) {
            int n = encoder.encode(Tones.sine(440, 48_000, 8000, f * 960L, 960), 0, 960, out, 0);
            list.add(java.util.Arrays.copyOf(out, n));
        }
        return list;
    }

    /** Audio on {@code slot}: {@code packets} from {@code fromMillis}, 20 ms apart, timestamps from {@code ts0}. */
    void opusStream(int slot, List<byte[]> packets, long fromMillis, long ts0) {
        for (int i = 0; i < packets.size(); i++) {
            packet(fromMillis + 20L * i, slot, ts0 + 960L * i, i == 0, packets.get(i));
        }
    }

    /** VP8 on {@code slot}: frames 1000/fps apart from {@code fromMillis}, each arriving {@code delayMillis} later. */
    void vp8Stream(int slot, List<EncodedMedia.Frame> frames, int fps, long fromMillis, long delayMillis, long ts0) {
        for (int f = 0; f < frames.size(); f++) {
            long at = fromMillis + f * 1000L / fps + delayMillis;
            for (EncodedMedia.Payload p : EncodedMedia.packetizeVp8(frames.get(f).data(), f)) {
                packet(at, slot, ts0 + 90_000L * f / fps, p.marker(), p.data());
            }
        }
    }

    void h264Stream(int slot, List<List<byte[]>> units, int fps, long fromMillis, long ts0) {
        for (int f = 0; f < units.size(); f++) {
            long at = fromMillis + f * 1000L / fps + 20;
            for (EncodedMedia.Payload p : EncodedMedia.packetizeH264(units.get(f))) {
                packet(at, slot, ts0 + 90_000L * f / fps, p.marker(), p.data());
            }
        }
    }
}
