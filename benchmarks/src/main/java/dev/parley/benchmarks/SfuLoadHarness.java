package dev.parley.benchmarks;

import dev.parley.media.MediaServer;
import dev.parley.media.MediaSettings;
import dev.parley.media.Peer;
import dev.parley.media.testing.SyntheticPeer;
import dev.parley.media.transport.TransportKind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Load harness for the SFU: one synthetic publisher sends SRTP over loopback, the media
 * server decrypts, forwards to N synthetic players and encrypts each leg. It reports packets
 * forwarded per second, the media loop's CPU time per forwarded packet (so packets per
 * second per core), and with {@code --latency} the end-to-end delay through the SFU and, with
 * the batched transport, the delay measured inside the SFU (kernel receive timestamp to
 * {@code sendmmsg}), which leaves out the synthetic peers' own scheduling.
 *
 * <pre>
 *   java -cp ... dev.parley.benchmarks.SfuLoadHarness --size 120 --fanout 10 --seconds 10 [--rate PPS] [--latency]
 *        [--io auto|nio|batched] [--parked] [--pin]
 * </pre>
 * {@code --rate} is the publisher's packets per second (0: as fast as it can send).
 * {@code --pin}: the media loop on CPU 0, the synthetic peers on CPU 1 (Linux).
 * {@code --parked}: players stop reading once the run starts, and forwarded packets are counted
 * as the SFU hands them to the kernel; over loopback this leaves out the cost of waking each
 * player's thread, which the sender pays there and would not pay on a network card. {@code --io}
 * picks the media transport; the batched one needs
 * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED}
 * (scripts/bench.sh passes them), and {@code auto} falls back to NIO without them.
 */
public final class SfuLoadHarness {

    private record Options(int size, int fanout, int seconds, int rate, boolean latency, TransportKind io,
                           boolean parked, boolean pin) {
        static Options parse(String[] args) {
            int size = 120;
            int fanout = 10;
            int seconds = 10;
            int rate = 0;
            boolean latency = false;
            TransportKind io = TransportKind.AUTO;
            boolean parked = false;
            boolean pin = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--size" -> size = Integer.parseInt(args[++i]);
                    case "--fanout" -> fanout = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--latency" -> latency = true;
                    case "--io" -> io = TransportKind.parse(args[++i]);
                    case "--parked" -> parked = true;
                    case "--pin" -> pin = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(size, fanout, seconds, rate, latency, io, parked, pin);
        }
    }

    private SfuLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.pin()) {
            // The harness and every thread it starts (the synthetic peers) on CPU 1; the media
            // loop moves itself to CPU 0 below. JVM threads (GC, JIT) stay free to use both.
            Affinity.pinCurrentThread(1);
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (MediaServer media = MediaServer.start(new MediaSettings(0, loopback, List.of(loopback), options.io()))) {
            if (options.pin()) {
                media.loop().call(() -> {
                    Affinity.pinCurrentThread(0);
                    return null;
                }).join();
            }
            var publisher = SyntheticPeer.join(media, "bench/room", "publisher", Peer.Intent.PUBLISH, 0);
            var players = new ArrayList<SyntheticPeer>();
            for (int i = 0; i < options.fanout(); i++) {
                SyntheticPeer player = SyntheticPeer.join(media, "bench/room", "player" + i, Peer.Intent.PLAY, 1);
                player.decryptIncoming(false);
                players.add(player);
            }
            boolean inSfuLatency = options.latency() && media.measureTransportLatency(true);
            long[] latencies = new long[4_000_000];
            int[] latencyCount = {0};
            // Only packets sent during the measured run count: the warm-up's may still be queued.
            long[] measureFrom = {Long.MAX_VALUE};
            if (options.latency()) {
                SyntheticPeer probe = players.getFirst();
                probe.decryptIncoming(true);
                probe.onPayloadTimestamp(sent -> {
                    long delay = System.nanoTime() - sent;
                    if (sent >= measureFrom[0] && latencyCount[0] < latencies.length) {
                        latencies[latencyCount[0]++] = delay;
                    }
                });
            }
            // The server installs SRTP keys a moment after a client's handshake returns: wait for it.
            long connectDeadline = System.nanoTime() + 10_000_000_000L;
            while (media.withRoom("bench/room", room -> room.peers().stream()
                    .allMatch(p -> p.endpoint().state() == dev.parley.media.endpoint.Endpoint.State.CONNECTED))
                    .join().orElse(false) == Boolean.FALSE) {
                if (System.nanoTime() > connectDeadline) {
                    throw new IllegalStateException("peers did not connect");
                }
                Thread.sleep(20);
            }
            boolean video = options.size() > 300;
            // Warm up: JIT, and for video the keyframe that opens every leg.
            run(publisher, options, video, 2, true);
            Thread.sleep(500); // drain the warm-up's backlog before counting
            latencyCount[0] = 0;
            media.resetTransportLatency();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long loopThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("parley-media")).findFirst().orElseThrow().threadId();
            if (options.parked()) {
                // Players stop reading (the latency probe excepted); forwarded packets are then
                // counted where the SFU hands them to the kernel.
                players.stream().skip(options.latency() ? 1 : 0).forEach(p -> p.park(true));
            }
            long receivedBefore = players.stream().mapToLong(SyntheticPeer::rtpReceived).sum();
            long sentOutBefore = media.transportCounters().packetsOut();
            long cpuBefore = threads.getThreadCpuTime(loopThread);
            long userBefore = threads.getThreadUserTime(loopThread);
            var allocation = (com.sun.management.ThreadMXBean) threads;
            long allocatedBefore = allocation.getThreadAllocatedBytes(loopThread);
            long start = System.nanoTime();
            measureFrom[0] = start;
            long sent = run(publisher, options, video, options.seconds(), false);
            Thread.sleep(200); // let the last packets through
            long elapsed = System.nanoTime() - start;
            // Before the probe's and players' teardown can add samples of their own.
            var transportLatency = media.transportLatency();
            long cpu = threads.getThreadCpuTime(loopThread) - cpuBefore;
            long user = threads.getThreadUserTime(loopThread) - userBefore;
            long allocated = allocation.getThreadAllocatedBytes(loopThread) - allocatedBefore;
            long forwarded = options.parked()
                    ? media.transportCounters().packetsOut() - sentOutBefore
                    : players.stream().mapToLong(SyntheticPeer::rtpReceived).sum() - receivedBefore;

            double seconds = elapsed / 1e9;
            System.out.printf(Locale.ROOT, "packet size %d B, fan-out 1->%d, %d s, %s transport%n", options.size(),
                    options.fanout(), options.seconds(), media.debugState().join().get("transport"));
            System.out.printf(Locale.ROOT, "published   %,12.0f packets/s%n", sent / seconds);
            System.out.printf(Locale.ROOT, "forwarded   %,12.0f packets/s (%.1f%% of %d x published)%n",
                    forwarded / seconds, 100.0 * forwarded / Math.max(1, sent * options.fanout()), options.fanout());
            System.out.printf(Locale.ROOT, "media loop  %5.1f%% of a core, %,6.0f ns CPU per forwarded packet, "
                    + "%,12.0f forwarded packets/s per core%n", 100.0 * cpu / elapsed, (double) cpu / forwarded,
                    forwarded / (cpu / 1e9));
            // Over loopback the kernel time includes the receiving side: delivering each datagram
            // to a player's socket and waking its thread happen in the sender's system call.
            System.out.printf(Locale.ROOT, "            %,6.0f ns of it in user space, %,6.0f ns in the kernel%n",
                    (double) user / forwarded, (double) (cpu - user) / forwarded);
            // Heap the loop allocates per forwarded packet: what the garbage collector must clear.
            System.out.printf(Locale.ROOT, "            %,6.0f bytes allocated on the heap per forwarded packet%n",
                    (double) allocated / forwarded);
            System.out.println("transport   " + media.debugState().join().get("transportCounters"));
            if (options.latency()) {
                if (System.getenv("PARLEY_HARNESS_TRACE") != null) {
                    int per = Math.max(1, latencyCount[0] / 20);
                    for (int i = 0; i + per <= latencyCount[0]; i += per) {
                        long[] chunk = Arrays.copyOfRange(latencies, i, i + per);
                        Arrays.sort(chunk);
                        System.out.printf(Locale.ROOT, "  slice %2d: p50 %6.0f us  max %8.0f us%n", i / per,
                                chunk[chunk.length / 2] / 1e3, chunk[chunk.length - 1] / 1e3);
                    }
                }
                long[] sample = Arrays.copyOf(latencies, latencyCount[0]);
                Arrays.sort(sample);
                System.out.printf(Locale.ROOT, "end-to-end latency over %,d packets: p50 %.0f us, p99 %.0f us, "
                        + "p99.9 %.0f us, max %.0f us%n", sample.length, percentile(sample, 0.50) / 1e3,
                        percentile(sample, 0.99) / 1e3, percentile(sample, 0.999) / 1e3,
                        sample.length == 0 ? 0 : sample[sample.length - 1] / 1e3);
                if (inSfuLatency) {
                    System.out.printf(Locale.ROOT, "in-SFU latency over %,d packets: p50 %.1f us, p99 %.1f us, "
                            + "p99.9 %.1f us, max %.1f us%s%n", transportLatency.count(),
                            transportLatency.p50Nanos() / 1e3, transportLatency.p99Nanos() / 1e3,
                            transportLatency.p999Nanos() / 1e3, transportLatency.maxNanos() / 1e3,
                            transportLatency.kept() < transportLatency.count()
                                    ? String.format(Locale.ROOT, " (percentiles of the last %,d)", transportLatency.kept())
                                    : "");
                } else {
                    System.out.println("in-SFU latency: not measured (needs the batched transport)");
                }
            }
            publisher.close();
            players.forEach(SyntheticPeer::close);
        }
    }

    /** Sends for {@code seconds} at the configured rate; returns the number of packets sent. */
    private static long run(SyntheticPeer publisher, Options options, boolean video, int seconds, boolean warmup) {
        long interval = options.rate() > 0 ? 1_000_000_000L / options.rate() : 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long next = System.nanoTime();
        long sent = 0;
        long timestamp = 0;
        while (System.nanoTime() < end) {
            if (video) {
                publisher.sendVideo(options.size(), timestamp, sent % 1000 == 0);
                timestamp += sent % 10 == 0 ? 3000 : 0;
            } else {
                publisher.sendAudio(options.size(), timestamp);
                timestamp += 960;
            }
            sent++;
            if (interval > 0) {
                // Sleep rather than spin to the next send: on two cores a spinning publisher
                // would compete with the SFU and the receivers it is measuring.
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (-wait > 2 * interval) {
                    // Overslept: a camera or microphone does not send its missed frames in a
                    // burst afterwards, so neither does the harness; it resumes the pace from now.
                    next = System.nanoTime();
                }
            }
        }
        return sent;
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
