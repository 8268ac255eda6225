package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything measured at one instant: the server's CPU (in total and per thread), the two
 * sipps' and this harness's CPU, the machine's CPU by kind (steal included) and the kernel's
 * UDP counters. Two samples make a {@link Window}, the figures of the steady state between.
 */
public record LoadSample(long nanos, ProcStats.Cpu server, Map<Long, ProcStats.NamedCpu> serverThreads,
                         ProcStats.Cpu network, ProcStats.Cpu carrier, ProcStats.Cpu harness, long[] machine,
                         Map<String, Long> udp, Map<Integer, Long> serverDrops) {

    /** The parts of the server's CPU worth telling apart, in print order. */
    public static final String[] THREAD_GROUPS = {"media loop", "codec", "SIP loop", "virtual", "GC", "JIT", "other"};

    public static LoadSample take(long serverPid, long networkPid, long carrierPid) throws IOException {
        return new LoadSample(System.nanoTime(), ProcStats.process(serverPid), ProcStats.threads(serverPid),
                ProcStats.process(networkPid), ProcStats.process(carrierPid),
                ProcStats.process(ProcessHandle.current().pid()), ProcStats.machine(), ProcStats.udp(),
                ProcStats.udpDropsByPort(serverPid));
    }

    /** Which part of Parley a thread is, by the name the JVM gave the OS (15 characters at most). */
    static String groupOf(String threadName) {
        if (threadName.equals("parley-media")) {
            return "media loop";
        } else if (threadName.startsWith("parley-codec")) {
            return "codec";
        } else if (threadName.startsWith("parley-sip")) {
            return "SIP loop";
        } else if (threadName.startsWith("ForkJoinPool")) {
            return "virtual"; // carriers of virtual threads: SIP I/O, call logic, listeners, HTTP
        } else if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "GC";
        } else if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT";
        }
        return "other";
    }

    /** The steady state between two samples; CPU figures are percent of one core. */
    public record Window(int cores, double seconds, double serverPct, double serverUserPct, double serverSystemPct,
                         Map<String, Double> groupPct, Map<String, Double> busiestThreadPct,
                         Map<String, Double> groupWaitPct, double networkPct, double carrierPct, double harnessPct,
                         double machineBusyPct, double machineUserPct, double machineSystemPct, double machineSoftirqPct,
                         double stealPct, double udpInPerSecond, double udpOutPerSecond, long udpBufferDrops,
                         long udpNoPorts, long serverMediaDrops) {

        /**
         * What the rest of the machine used (the busy time no measured process accounts for:
         * other programs, and kernel work charged to no process), in percent of one core.
         */
        public double othersPct() {
            return Math.max(0, machineBusyPct - serverPct - networkPct - carrierPct - harnessPct);
        }

        public static Window between(LoadSample a, LoadSample b, int serverMediaPort, int cores) {
            double seconds = (b.nanos - a.nanos) / 1e9;
            double tickPct = 100.0 / ProcStats.TICKS_PER_SECOND / seconds;
            var server = b.server.minus(a.server);
            var groups = new LinkedHashMap<String, Double>();
            var busiest = new LinkedHashMap<String, Double>();
            var waits = new LinkedHashMap<String, Double>();
            for (String group : THREAD_GROUPS) {
                groups.put(group, 0.0);
                busiest.put(group, 0.0);
                waits.put(group, 0.0);
            }
            b.serverThreads.forEach((tid, now) -> {
                ProcStats.NamedCpu before = a.serverThreads.get(tid);
                double pct = (now.cpu().total() - (before == null ? 0 : before.cpu().total())) * tickPct;
                groups.merge(groupOf(now.name()), pct, Double::sum);
                busiest.merge(groupOf(now.name()), pct, Math::max);
                long waited = now.waitNanos() - (before == null ? 0 : before.waitNanos());
                waits.merge(groupOf(now.name()), waited / 1e7 / seconds, Double::sum);
            });
            long[] m = new long[8];
            long all = 0;
            for (int i = 0; i < m.length; i++) {
                m[i] = b.machine[i] - a.machine[i];
                all += m[i];
            }
            double perCore = all == 0 ? 0 : 100.0 * cores / all; // machine figures also in % of one core
            long idle = m[3] + m[4];
            return new Window(cores, seconds, server.total() * tickPct, server.user() * tickPct, server.system() * tickPct,
                    groups, busiest, waits, b.network.minus(a.network).total() * tickPct, b.carrier.minus(a.carrier).total() * tickPct,
                    b.harness.minus(a.harness).total() * tickPct,
                    (all - idle) * perCore, (m[0] + m[1]) * perCore, (m[2] + m[5]) * perCore, m[6] * perCore,
                    m[7] * perCore,
                    (b.udp.get("InDatagrams") - a.udp.get("InDatagrams")) / seconds,
                    (b.udp.get("OutDatagrams") - a.udp.get("OutDatagrams")) / seconds,
                    b.udp.get("RcvbufErrors") - a.udp.get("RcvbufErrors"),
                    b.udp.get("NoPorts") - a.udp.get("NoPorts"),
                    b.serverDrops.getOrDefault(serverMediaPort, 0L) - a.serverDrops.getOrDefault(serverMediaPort, 0L));
        }
    }
}
