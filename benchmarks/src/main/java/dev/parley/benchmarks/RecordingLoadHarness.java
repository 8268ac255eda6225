package dev.parley.benchmarks;

import dev.parley.media.MediaServer;
import dev.parley.media.MediaSettings;
import dev.parley.media.Peer;
import dev.parley.media.codec.OpusCodec;
import dev.parley.media.recording.RecordedFile;
import dev.parley.media.recording.RecordingListener;
import dev.parley.media.recording.RecordingSpec;
import dev.parley.media.testing.EncodedMedia;
import dev.parley.media.testing.SyntheticPeer;
import dev.parley.media.transport.TransportKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Load harness for the recorder: N synthetic publishers send real Opus (20 ms) and, with
 * {@code --video}, real VP8 (640x480, 30 fps, about 2.5 Mb/s, from ffmpeg) over loopback to one
 * room; the harness measures the CPU time of the media loop without recording, then with the
 * room recorded, and of the recorder's threads. The recorder's cost is the loop's extra time
 * plus the recorder threads' time; divided by the streams recorded it is the share of a core
 * one stream takes. The publishers' own sending is not counted (they stand for the network).
 *
 * <pre>
 *   java -cp ... dev.parley.benchmarks.RecordingLoadHarness --publishers 50 --seconds 10 [--video] [--pin]
 * </pre>
 * {@code --pin}: the media loop on CPU 0, the publishers on CPU 1 (Linux); the recorder's
 * threads go where the OS puts them.
 */
public final class RecordingLoadHarness {

    private record Options(int publishers, int seconds, boolean video, boolean pin) {
        static Options parse(String[] args) {
            int publishers = 20;
            int seconds = 10;
            boolean video = false;
            boolean pin = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--publishers" -> publishers = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--video" -> video = true;
                    case "--pin" -> pin = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(publishers, seconds, video, pin);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecordingLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.pin()) {
            Affinity.pinCurrentThread(1);
        }
        List<byte[]> opus = opus(50);
        List<List<EncodedMedia.Payload>> vp8 = new ArrayList<>();
        if (options.video()) {
            var frames = EncodedMedia.vp8(640, 480, 30, 60, 60, 2500);
            for (int f = 0; f < frames.size(); f++) {
                vp8.add(EncodedMedia.packetizeVp8(frames.get(f).data(), f));
            }
        }
        Path dir = Files.createTempDirectory("parley-recording-load");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        var peers = new ArrayList<SyntheticPeer>();
        try (MediaServer media = MediaServer.start(new MediaSettings(0, loopback, List.of(loopback), TransportKind.AUTO))) {
            if (options.pin()) {
                media.loop().execute(() -> Affinity.pinCurrentThread(0));
            }
            for (int i = 0; i < options.publishers(); i++) {
                peers.add(SyntheticPeer.join(media, "load", "p" + i, Peer.Intent.PUBLISH, 0));
            }
            awaitConnected(media, options.publishers());
            var sender = new Sender(peers, opus, vp8);
            sender.start();
            Thread.sleep(2000); // warm up
            long loopBefore = loopCpu();
            Thread.sleep(options.seconds() * 1000L);
            long idleLoop = loopCpu() - loopBefore;

            var recording = media.startRecording("load", new RecordingSpec(options.video(), dir, "load"),
                    new RecordingListener() { }).get(5, TimeUnit.SECONDS);
            Thread.sleep(2000);
            long loopStart = loopCpu();
            long recorderStart = recorderCpu();
            long packetsStart = sender.packets;
            Thread.sleep(options.seconds() * 1000L);
            long recordingLoop = loopCpu() - loopStart;
            long recorderThreads = recorderCpu() - recorderStart;
            long packets = sender.packets - packetsStart;
            var state = media.debugState().get(5, TimeUnit.SECONDS).get("recordings").toString();
            List<RecordedFile> files = media.stopRecording(recording.id()).get(60, TimeUnit.SECONDS);
            sender.stop();

            int streams = options.publishers() * (options.video() ? 2 : 1);
            double seconds = options.seconds();
            double extraLoop = Math.max(0, recordingLoop - idleLoop) / 1e9 / seconds;
            double writers = recorderThreads / 1e9 / seconds;
            double perStream = (extraLoop + writers) / streams;
            System.out.printf(Locale.ROOT, "publishers %d, streams recorded %d (%s), %d s, %.0f packets/s in%n",
                    options.publishers(), streams, options.video() ? "Opus + VP8" : "Opus", options.seconds(),
                    packets / seconds);
            System.out.printf(Locale.ROOT, "media loop: %.2f %% of a core without recording, %.2f %% with%n",
                    idleLoop / 1e9 / seconds * 100, recordingLoop / 1e9 / seconds * 100);
            System.out.printf(Locale.ROOT, "recorder threads: %.2f %% of a core%n", writers * 100);
            System.out.printf(Locale.ROOT, "recorder per stream: %.4f %% of a core (loop %.4f %%, writers %.4f %%)%n",
                    perStream * 100, extraLoop / streams * 100, writers / streams * 100);
            System.out.printf(Locale.ROOT, "files: %d, %.1f MB; %s%n", files.size(),
                    files.stream().mapToLong(RecordedFile::bytes).sum() / 1e6, summary(state));
        } finally {
            peers.forEach(SyntheticPeer::close);
            try (var list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String summary(String state) {
        int at = state.indexOf("totals=");
        return at < 0 ? state : state.substring(at, Math.min(state.length(), state.indexOf('}', at) + 1));
    }

    /** Paces every publisher: an Opus packet each 20 ms, a VP8 frame each 33 ms. */
    private static final class Sender implements Runnable {
        private final List<SyntheticPeer> peers;
        private final List<byte[]> opus;
        private final List<List<EncodedMedia.Payload>> vp8;
        private volatile boolean running = true;
        private volatile long packets;
        private Thread thread;

        Sender(List<SyntheticPeer> peers, List<byte[]> opus, List<List<EncodedMedia.Payload>> vp8) {
            this.peers = peers;
            this.opus = opus;
            this.vp8 = vp8;
        }

        void start() {
            thread = Thread.ofPlatform().name("recording-load-sender").start(this);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            long begin = System.nanoTime();
            long tick = 0;
            int videoFrame = 0;
            long count = 0;
            while (running) {
                byte[] audio = opus.get((int) (tick % opus.size()));
                for (SyntheticPeer peer : peers) {
                    peer.sendAudioPayload(audio, audio.length, 960L * tick);
                    count++;
                }
                while (!vp8.isEmpty() && videoFrame * 1000L / 30 <= tick * 20) {
                    for (SyntheticPeer peer : peers) {
                        for (EncodedMedia.Payload p : vp8.get(videoFrame % vp8.size())) {
                            peer.sendVideoPayload(p.data(), 3000L * videoFrame, p.marker());
                            count++;
                        }
                    }
                    videoFrame++;
                }
                packets = count;
                tick++;
                long wait = begin + tick * 20_000_000L - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }
    }

    private static List<byte[]> opus(int frames) {
        var encoder = new OpusCodec.Encoder(48_000, 32_000, 5);
        var list = new ArrayList<byte[]>();
        byte[] out = new byte[OpusCodec.MAX_PACKET];
        for (int f = 0; f < frames; f++) {
            short[] pcm = new short[960];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (f * 960 + i) / 48_000.0));
            }
            list.add(Arrays.copyOf(out, encoder.encode(pcm, 0, 960, out, 0)));
        }
        return list;
    }

    private static void awaitConnected(MediaServer media, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (media.withRoom("load", r -> r.peers().stream()
                        .filter(p -> p.endpoint().state() == dev.parley.media.endpoint.Endpoint.State.CONNECTED).count())
                .get(5, TimeUnit.SECONDS).orElse(0L) < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("publishers did not connect");
            }
            Thread.sleep(50);
        }
    }

    private static long loopCpu() {
        return cpuOf("parley-media");
    }

    private static long recorderCpu() {
        return cpuOf("parley-recorder-");
    }

    private static long cpuOf(String prefix) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(prefix) || prefix.endsWith("-") && t.getName().startsWith(prefix)) {
                long cpu = THREADS.getThreadCpuTime(t.threadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
