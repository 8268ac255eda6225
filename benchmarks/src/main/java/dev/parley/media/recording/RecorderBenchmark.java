package dev.parley.media.recording;

import dev.parley.media.codec.OpusCodec;
import dev.parley.media.sfu.MediaKind;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.workers.LanePool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU cost of recording one stream for one second, on the recorder's writer thread: every
 * packet of a second through reordering, depacketizing, the clock, interleaving and the
 * container, written to a real file (the page cache), plus the loop's ticks. {@code stream}:
 * Opus audio into Ogg or WebM (50 packets of 20 ms), VP8 640x480 at 30 fps and about
 * 2.5 Mb/s (a webcam's rate) into WebM, H.264 the same into Matroska. A file is started every ten minutes of media (the
 * finishing of files, with its fsync, is not in the figure). {@code loopHandOff} is the media loop's share per
 * packet: the payload copy and the hand-off to the writer's lane. It lives in the recorder's
 * package to drive its package-private writer directly. Results: docs/benchmarks.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecorderBenchmark {

    private static final long SECOND = 1_000_000_000L;
    private static final long ROTATE_SECONDS = 600;

    @Param({"ogg-opus", "webm-opus", "webm-vp8", "mkv-h264"})
    public String stream;

    private Path dir;
    private FileWriter writer;
    private List<byte[]> payloads;
    private boolean[] markers;
    private int[] timestampSteps;
    private int perSecond;
    private int clockRate;
    private long second;
    private int sequence;
    private long timestamp;
    private WriterPool pool;
    private LanePool.Lane lane;
    private byte[] packet;
    private volatile TrackInput.Packet handedOver;

    @Setup(Level.Trial)
    public void media() throws IOException {
        dir = Files.createTempDirectory("parley-recorder-bench");
        payloads = new ArrayList<>();
        var markerList = new ArrayList<Boolean>();
        var steps = new ArrayList<Integer>();
        switch (stream) {
            case "ogg-opus", "webm-opus" -> {
                clockRate = 48_000;
                var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
                byte[] out = new byte[OpusCodec.MAX_PACKET];
                for (int f = 0; f < 50; f++) {
                    short[] pcm = new short[960];
                    for (int i = 0; i < pcm.length; i++) {
                        pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (f * 960 + i) / 48_000.0));
                    }
                    payloads.add(Arrays.copyOf(out, encoder.encode(pcm, 0, 960, out, 0)));
                    markerList.add(false);
                    steps.add(960);
                }
            }
            case "webm-vp8" -> {
                clockRate = 90_000;
                var frames = EncodedMedia.vp8(640, 480, 30, 30, 30, 2500);
                for (int f = 0; f < frames.size(); f++) {
                    var packets = EncodedMedia.packetizeVp8(frames.get(f).data(), f);
                    for (int i = 0; i < packets.size(); i++) {
                        payloads.add(packets.get(i).data());
                        markerList.add(packets.get(i).marker());
                        steps.add(i == packets.size() - 1 ? 3000 : 0);
                    }
                }
            }
            case "mkv-h264" -> {
                clockRate = 90_000;
                var units = EncodedMedia.h264(640, 480, 30, 30, 30, 2500);
                for (List<byte[]> unit : units) {
                    var packets = EncodedMedia.packetizeH264(unit);
                    for (int i = 0; i < packets.size(); i++) {
                        payloads.add(packets.get(i).data());
                        markerList.add(packets.get(i).marker());
                        steps.add(i == packets.size() - 1 ? 3000 : 0);
                    }
                }
            }
            default -> throw new IllegalArgumentException(stream);
        }
        perSecond = payloads.size();
        markers = new boolean[perSecond];
        timestampSteps = new int[perSecond];
        for (int i = 0; i < perSecond; i++) {
            markers[i] = markerList.get(i);
            timestampSteps[i] = steps.get(i);
        }
        pool = new WriterPool(1);
        lane = pool.lane();
        packet = new byte[1200];
    }

    /** A new file per iteration, so that files stay the size of a long call. */
    @Setup(Level.Iteration)
    public void newFile() {
        Container container = switch (stream) {
            case "ogg-opus" -> Container.OGG;
            case "mkv-h264" -> Container.MKV;
            default -> Container.WEBM;
        };
        var spec = new RecordingSpec(container.video, dir, "bench");
        writer = new FileWriter("p", "bench-" + System.nanoTime(), spec, container, new RecordingListener() { },
                0, Instant.now(), slot -> { }, new FileCounters());
        boolean video = stream.endsWith("vp8") || stream.endsWith("h264");
        writer.addTrack(new TrackSpec(0, "t", video ? MediaKind.VIDEO : MediaKind.AUDIO,
                stream.substring(stream.indexOf('-') + 1), clockRate, true));
    }

    @TearDown(Level.Iteration)
    public void finishFile() {
        writer.finish().ifPresent(f -> delete(f.path()));
    }

    private void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        lane.close(() -> { });
        pool.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** One second of one stream on the writer thread (4 ticks of the loop included). */
    @Benchmark
    public void oneSecondOnTheWriter() throws IOException {
        if (++second % ROTATE_SECONDS == 0) {
            // Ten minutes of media per file, as a call would make, not hours: start another.
            writer.path().ifPresent(this::delete);
            writer.abandon();
            newFile();
        }
        long base = second * SECOND;
        for (int i = 0; i < perSecond; i++) {
            long arrival = base + (long) i * SECOND / perSecond;
            writer.onPacket(0, new TrackInput.Packet(sequence++ & 0xffff, timestamp & 0xffff_ffffL, markers[i],
                    payloads.get(i), arrival));
            timestamp += timestampSteps[i];
            if (i % (perSecond / 4) == 0) {
                writer.tick(arrival);
            }
        }
    }

    /** The loop's work per packet: copy the payload, hand it to the lane (whose thread drops it). */
    @Benchmark
    public void loopHandOff() {
        // The lane's thread only stores the packet: what is measured is the loop's side.
        byte[] payload = payloads.get(sequence++ % perSecond);
        System.arraycopy(payload, 0, packet, 12, payload.length);
        var copy = new TrackInput.Packet(sequence & 0xffff, timestamp, false,
                Arrays.copyOfRange(packet, 12, 12 + payload.length), sequence);
        if (!lane.execute(() -> handedOver = copy, payload.length + 64)) {
            handedOver = copy; // the lane is full (its thread fell behind): the loop would count a drop
        }
    }
}
