package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Watches one UDP socket's receive queue and drop counter every few milliseconds, from
 * {@code /proc/net/udp6} or {@code udp}: when a media loop falls behind, this shows whether the
 * queue fills slowly (not enough CPU on average) or in episodes (the loop stalled), and for how
 * long. Only the table holding the socket is read, so a sample costs little.
 */
public final class SocketWatch implements AutoCloseable {

    /** Time between samples. */
    private static final long PERIOD_NANOS = 10_000_000;

    /** Consecutive samples during which the kernel dropped datagrams. */
    public record Episode(double startSeconds, double lengthSeconds, long drops) {
    }

    private final Path table;
    private final String localPortHex;
    private final Thread thread;
    private final List<Episode> episodes = new ArrayList<>();
    private volatile boolean stop;
    private long maxQueueBytes;
    private long samples;

    private SocketWatch(Path table, int port) {
        this.table = table;
        this.localPortHex = String.format(Locale.ROOT, ":%04X", port);
        this.thread = Thread.ofPlatform().daemon().name("socket-watch").start(this::watch);
    }

    /** Starts watching the socket bound to {@code port}; empty when no table lists it. */
    public static Optional<SocketWatch> start(int port) throws IOException {
        for (String name : List.of("/proc/net/udp6", "/proc/net/udp")) {
            Path table = Path.of(name);
            if (read(table, String.format(Locale.ROOT, ":%04X", port)) != null) {
                return Optional.of(new SocketWatch(table, port));
            }
        }
        return Optional.empty();
    }

    private void watch() {
        long start = System.nanoTime();
        long[] last = null;
        double episodeStart = -1;
        long episodeDrops = 0;
        double previous = 0;
        while (!stop) {
            try {
                long[] now = read(table, localPortHex);
                double t = (System.nanoTime() - start) / 1e9;
                if (now != null) {
                    samples++;
                    maxQueueBytes = Math.max(maxQueueBytes, now[0]);
                    long dropped = last == null ? 0 : now[1] - last[1];
                    if (dropped > 0) {
                        episodeStart = episodeStart < 0 ? previous : episodeStart;
                        episodeDrops += dropped;
                    } else if (episodeStart >= 0) {
                        record(episodeStart, previous, episodeDrops);
                        episodeStart = -1;
                        episodeDrops = 0;
                    }
                    last = now;
                }
                previous = t;
                Thread.sleep(PERIOD_NANOS / 1_000_000);
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
        if (episodeStart >= 0) {
            record(episodeStart, previous, episodeDrops);
        }
    }

    private synchronized void record(double start, double end, long drops) {
        episodes.add(new Episode(start, end - start, drops));
    }

    /** rx_queue (bytes waiting) and drops of the socket on {@code port}, or null. */
    private static long[] read(Path table, String portHex) throws IOException {
        for (String line : Files.readAllLines(table)) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 13 && f[1].endsWith(portHex)) {
                String queues = f[4]; // tx_queue:rx_queue, hex
                return new long[] {Long.parseLong(queues.substring(queues.indexOf(':') + 1), 16), Long.parseLong(f[12])};
            }
        }
        return null;
    }

    /** What was seen: the fullest the queue got, and the drop episodes (the largest few). */
    public synchronized String summary() {
        long total = episodes.stream().mapToLong(Episode::drops).sum();
        var out = new StringBuilder(String.format(Locale.ROOT, "media socket, sampled every %d ms (%,d samples): receive "
                + "queue at most %,d KiB; %d drop episodes, %,d datagrams", PERIOD_NANOS / 1_000_000, samples,
                maxQueueBytes / 1024, episodes.size(), total));
        episodes.stream().sorted((a, b) -> Long.compare(b.drops(), a.drops())).limit(5).forEach(e -> out.append(
                String.format(Locale.ROOT, "; at %.2f s for %.0f ms: %,d", e.startSeconds(), e.lengthSeconds() * 1000,
                        e.drops())));
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(1000);
    }
}
