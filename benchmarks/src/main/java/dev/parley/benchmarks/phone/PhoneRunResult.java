package dev.parley.benchmarks.phone;

import java.util.List;
import java.util.Locale;

/**
 * What one load step gave: sipp's verdict on the calls, the steady-state window's figures, and
 * the reasons it does not count as sustained (empty when it does).
 */
public record PhoneRunResult(int calls, boolean opus, int established, int networkSucceeded, int networkFailed,
                             int carrierSucceeded, int carrierFailed, long retransmissions, int networkExit,
                             LoadSample.Window window, double expectedDatagramsPerSecond, String mediaSocket,
                             List<String> problems) {

    public boolean sustained() {
        return problems.isEmpty();
    }

    /** The server's CPU per call, in percent of one core. */
    public double serverPctPerCall() {
        return window == null ? Double.NaN : window.serverPct() / calls;
    }

    public static String tableHeader() {
        return String.join("\n",
                "| calls | mode | established / succeeded / failed | server CPU, % of 1 core (user+sys) | per call | "
                        + "media loop | codec | SIP loop | virtual thr. | GC | JIT | sipp (phones + carrier) | "
                        + "rest of the machine | machine busy / steal, % of all cores | UDP datagrams/s in, out (expected) | dropped at Parley | verdict |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    }

    public String tableRow() {
        String mode = opus ? "Opus" : "G.711";
        String calls = "%,d / %,d / %,d".formatted(established, networkSucceeded, networkFailed);
        if (window == null) {
            return "| %,d | %s | %s | n/a | | | | | | | | | | | | | %s |".formatted(this.calls, mode, calls, verdict());
        }
        var w = window;
        var g = w.groupPct();
        return String.format(Locale.ROOT,
                "| %,d | %s | %s | %.1f (%.1f+%.1f) | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f (%.1f + %.1f) | "
                        + "%.1f | %.1f %% / %.1f %% | %,.0f, %,.0f (%,.0f each) | %d | %s |",
                this.calls, mode, calls, w.serverPct(), w.serverUserPct(), w.serverSystemPct(), serverPctPerCall(),
                g.get("media loop"), g.get("codec"), g.get("SIP loop"), g.get("virtual"), g.get("GC"), g.get("JIT"),
                w.networkPct() + w.carrierPct(), w.networkPct(), w.carrierPct(), w.othersPct(),
                w.machineBusyPct() / w.cores(), w.stealPct() / w.cores(), w.udpInPerSecond(), w.udpOutPerSecond(),
                expectedDatagramsPerSecond, w.serverMediaDrops(), verdict());
    }

    public String verdict() {
        return sustained() ? "sustained" : "NOT sustained";
    }

    /** The long form of one step, for the log. */
    public String details() {
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%,d %s calls: %,d established in the window; phones' sipp: %,d succeeded, "
                        + "%,d failed, %,d retransmissions, exit %d; carrier's sipp: %,d succeeded, %,d failed%n",
                calls, opus ? "Opus-transcoded" : "G.711 passthrough", established, networkSucceeded, networkFailed,
                retransmissions, networkExit, carrierSucceeded, carrierFailed));
        if (window != null) {
            var w = window;
            out.append(String.format(Locale.ROOT, "  window %.1f s: server %.1f %% of one core (user %.1f, system %.1f), "
                            + "%.2f %% per call; by thread %s; busiest codec worker %.1f%n", w.seconds(), w.serverPct(),
                    w.serverUserPct(), w.serverSystemPct(), serverPctPerCall(), groups(w),
                    w.busiestThreadPct().get("codec")));
            out.append(String.format(Locale.ROOT, "  runnable but waiting for a CPU: media loop %.1f %% of the time, "
                    + "codec workers %.1f %%%n", w.groupWaitPct().get("media loop"), w.groupWaitPct().get("codec")));
            out.append(String.format(Locale.ROOT, "  sipp: phones %.1f %%, carrier %.1f %%; harness %.1f %%; the rest %.1f %%; "
                            + "machine busy %.1f %% of its %d cores (user %.1f, system %.1f, softirq %.1f, steal %.1f; %% of one core)%n",
                    w.networkPct(), w.carrierPct(), w.harnessPct(), w.othersPct(), w.machineBusyPct() / w.cores(), w.cores(),
                    w.machineUserPct(), w.machineSystemPct(), w.machineSoftirqPct(), w.stealPct()));
            if (w.othersPct() > 10) {
                out.append(String.format(Locale.ROOT, "  WARNING: %.1f %% of a core went to other programs during the "
                        + "window: rerun on a quiet machine%n", w.othersPct()));
            }
            out.append(String.format(Locale.ROOT, "  UDP: %,.0f datagrams/s delivered, %,.0f/s sent (RTP alone, both "
                            + "ways: %,.0f each); dropped: %d at Parley's media socket, %d at any socket; %d to closed ports "
                            + "(sipp closes its RTCP ports)%n", w.udpInPerSecond(), w.udpOutPerSecond(),
                    expectedDatagramsPerSecond, w.serverMediaDrops(), w.udpBufferDrops(), w.udpNoPorts()));
        }
        out.append("  ").append(mediaSocket).append('\n');
        for (String problem : problems) {
            out.append("  NOT sustained: ").append(problem).append('\n');
        }
        return out.toString();
    }

    private static String groups(LoadSample.Window w) {
        var parts = new StringBuilder();
        w.groupPct().forEach((group, pct) -> parts.append(parts.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f", group, pct)));
        return parts.toString();
    }
}
