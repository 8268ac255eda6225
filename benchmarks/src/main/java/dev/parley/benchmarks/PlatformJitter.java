package dev.parley.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how late the machine itself runs a thread, with nothing of Parley's running: the
 * floor under any latency figure taken here. An event-driven server's loop sleeps until a
 * packet arrives; if the machine wakes a sleeping thread milliseconds late, no server on it
 * can forward with a smaller tail than that.
 *
 * <ol>
 *   <li>Wake-up delay: a thread asks to sleep 100 µs, again and again; how much longer it
 *       slept.</li>
 *   <li>Lost time of a running thread: a thread that never sleeps reads the clock in a tight
 *       loop; a gap between two reads over 100 µs is time the thread was not running
 *       (preempted by the kernel, or its virtual CPU by the hypervisor).</li>
 *   <li>Steal: the share of CPU time the hypervisor gave to others ({@code /proc/stat}).</li>
 * </ol>
 *
 * <pre>./parley bench jitter [--seconds 10]</pre>
 */
public final class PlatformJitter {

    private static final long SLEEP_NANOS = 100_000;
    private static final long GAP_NANOS = 100_000;

    private PlatformJitter() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long[] stealBefore = cpuTicks();
        wakeUpDelay(seconds);
        lostTime(seconds);
        long[] stealAfter = cpuTicks();
        if (stealBefore.length > 0 && stealAfter.length > 0) {
            long total = stealAfter[0] - stealBefore[0];
            long steal = stealAfter[1] - stealBefore[1];
            System.out.printf(Locale.ROOT, "steal: %.1f%% of all CPU time during the run (/proc/stat)%n",
                    total == 0 ? 0.0 : 100.0 * steal / total);
        }
    }

    private static void wakeUpDelay(int seconds) {
        long[] delays = new long[seconds * 20_000];
        int count = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (count < delays.length && System.nanoTime() < end) {
            long before = System.nanoTime();
            LockSupport.parkNanos(SLEEP_NANOS);
            delays[count++] = System.nanoTime() - before - SLEEP_NANOS;
        }
        long[] sorted = Arrays.copyOf(delays, count);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "wake-up delay after a 100 us sleep, %,d sleeps: p50 %.0f us, p99 %.0f us, "
                        + "p99.9 %.0f us, max %.0f us%n", count, at(sorted, 0.50) / 1e3, at(sorted, 0.99) / 1e3,
                at(sorted, 0.999) / 1e3, sorted[count - 1] / 1e3);
    }

    private static void lostTime(int seconds) {
        long[] limits = {500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, Long.MAX_VALUE};
        String[] labels = {"0.1-0.5 ms", "0.5-1 ms", "1-2 ms", "2-5 ms", "5-10 ms", "over 10 ms"};
        int[] gaps = new int[limits.length];
        long lost = 0;
        long longest = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long previous = start;
        while (previous < end) {
            long now = System.nanoTime();
            long gap = now - previous;
            previous = now;
            if (gap > GAP_NANOS) {
                lost += gap;
                longest = Math.max(longest, gap);
                int bucket = 0;
                while (gap >= limits[bucket]) {
                    bucket++;
                }
                gaps[bucket]++;
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < gaps.length; i++) {
            line.append(i == 0 ? "" : ", ").append(labels[i]).append(": ").append(gaps[i]);
        }
        System.out.printf(Locale.ROOT, "a running thread lost %.2f%% of %d s in gaps over 100 us (%s; longest %.1f ms)%n",
                100.0 * lost / (end - start), seconds, line, longest / 1e6);
    }

    /** Total and steal ticks of all CPUs, or nothing where /proc/stat is not there. */
    private static long[] cpuTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }

    private static long at(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
