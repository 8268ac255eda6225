package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Linux says about CPU and UDP, read from {@code /proc}: no agent in the measured
 * processes, so measuring costs them nothing. CPU is in clock ticks (USER_HZ, 100 a second).
 */
public final class ProcStats {

    public static final int TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** user and system CPU ticks of a process or thread. */
    public record Cpu(long user, long system) {
        public static final Cpu NONE = new Cpu(0, 0);

        public long total() {
            return user + system;
        }

        public Cpu minus(Cpu earlier) {
            return new Cpu(user - earlier.user, system - earlier.system);
        }
    }

    /** A process's CPU from {@code /proc/PID/stat} (fields 14 and 15); zero when it is gone. */
    public static Cpu process(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** Every thread of {@code pid}: thread id to its name ({@code comm}, 15 characters at most) and CPU. */
    public static Map<Long, NamedCpu> threads(long pid) {
        var threads = new HashMap<Long, NamedCpu>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new NamedCpu(name, stat(task.resolve("stat")), runQueueWaitNanos(task)));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return threads;
    }

    /** A thread's name, CPU, and the time it was ready to run but waited for a CPU (nanoseconds). */
    public record NamedCpu(String name, Cpu cpu, long waitNanos) {
    }

    /** Field 2 of {@code schedstat}: time spent on a run queue, runnable but not running. */
    private static long runQueueWaitNanos(Path task) {
        try {
            return Long.parseLong(Files.readString(task.resolve("schedstat")).strip().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Cpu stat(Path file) {
        try {
            String stat = Files.readString(file);
            // The name (field 2) may hold spaces and parentheses: count fields after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new Cpu(Long.parseLong(fields[11]), Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return Cpu.NONE;
        }
    }

    /**
     * The machine's CPU time by kind, summed over all cores, from the {@code cpu} line of
     * {@code /proc/stat}: user, nice, system, idle, iowait, irq, softirq, steal.
     */
    public static long[] machine() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.substring(4).strip().split("\\s+");
                long[] values = new long[8];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Long.parseLong(f[i]);
                }
                return values;
            }
        }
        throw new IOException("no cpu line in /proc/stat");
    }

    /** The kernel's UDP counters ({@code Udp:} in {@code /proc/net/snmp}): InDatagrams, OutDatagrams, RcvbufErrors... */
    public static Map<String, Long> udp() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                .filter(l -> l.startsWith("Udp: ")).toList();
        String[] names = lines.get(0).substring(5).split(" ");
        String[] values = lines.get(1).substring(5).split(" ");
        var counters = new HashMap<String, Long>();
        for (int i = 0; i < names.length; i++) {
            counters.put(names[i], Long.parseLong(values[i]));
        }
        return counters;
    }

    /**
     * Datagrams the kernel dropped at each UDP socket {@code pid} holds (its receive buffer was
     * full: the process did not read fast enough), by local port; from {@code /proc/net/udp}
     * and {@code udp6}, matched to the process's socket inodes.
     */
    public static Map<Integer, Long> udpDropsByPort(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closed) {
                    // closed while we looked
                }
            }
        }
        var drops = new HashMap<Integer, Long>();
        for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                // sl local rem st tx:rx tr:when retrnsmt uid timeout inode ref pointer drops
                if (f.length >= 13 && inodes.contains(f[9])) {
                    String local = f[1];
                    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                    drops.merge(port, Long.parseLong(f[12]), Long::sum);
                }
            }
        }
        return drops;
    }
}
