package dev.parley.benchmarks.phone;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One load step against a running server: the carrier's sipp answers on the trunk's port, the
 * phones' sipp places {@code calls} calls at {@code rate} a second to the forwarding number and
 * holds each long enough that, once all are up and a settling time has passed, a measurement
 * window fits before the first hangs up. Both sides stream A-law for the whole call, so Parley
 * bridges RTP both ways on every call.
 */
public final class PhoneRun {

    /** RTP packets a second one direction of one call carries (20 ms packets). */
    static final int PACKETS_PER_SECOND = 50;
    private static final String CALLER = "+447700900001";
    /** A single thread this busy is saturated: /proc's tick sampling and steal blur the last few percent. */
    private static final double SATURATED_THREAD_PCT = 90;

    /** What every step shares. {@code cpuLimitPct} is of the whole machine. */
    public record Settings(String sipp, double rate, int settleSeconds, int windowSeconds, double cpuLimitPct,
                           int cores, Path workDir, Path networkAudio, Path carrierAudio) {
    }

    private final ParleyServerProcess server;
    private final Settings settings;
    private final int carrierPort;
    private final String dialled;
    private final boolean opus;

    public PhoneRun(ParleyServerProcess server, Settings settings, int carrierPort, String dialled, boolean opus) {
        this.server = server;
        this.settings = settings;
        this.carrierPort = carrierPort;
        this.dialled = dialled;
        this.opus = opus;
    }

    public PhoneRunResult run(int calls, String label) throws Exception {
        Path dir = settings.workDir().resolve(label);
        int ramp = (int) Math.ceil(calls / settings.rate());
        // Slack for a ramp slower than asked (a loaded server answers late), then the measurement.
        int hold = ramp + ramp / 2 + 5 + settings.settleSeconds() + settings.windowSeconds() + 5;
        var problems = new ArrayList<String>();
        try (var carrier = SippProcess.start(settings.sipp(), dir.resolve("carrier"), "carrier-uas.xml",
                settings.carrierAudio(), List.of("-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", Integer.toString(carrierPort),
                        "-min_rtp_port", "26000", "-max_rtp_port", "31999"))) {
            Thread.sleep(1000); // let it bind before the first INVITE reaches it
            if (!carrier.isAlive()) {
                throw new IllegalStateException("the carrier's sipp exited at once: see " + dir.resolve("carrier/sipp.out"));
            }
            try (var network = SippProcess.start(settings.sipp(), dir.resolve("phones"), "phone-network-uac.xml",
                    settings.networkAudio(), List.of("127.0.0.1:" + server.sipPort(), "-s", dialled,
                            "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", Integer.toString(freeUdpPort()),
                            "-min_rtp_port", "20000", "-max_rtp_port", "25999", "-key", "caller", CALLER,
                            "-m", Integer.toString(calls), "-l", Integer.toString(calls),
                            "-r", String.format(Locale.ROOT, "%.2f", settings.rate()), "-d", Integer.toString(hold * 1000),
                            "-timeout", (hold + 2 * ramp + 60) + "s", "-timeout_error"))) {
                return measure(calls, hold, ramp, network, carrier, problems);
            }
        }
    }

    private PhoneRunResult measure(int calls, int hold, int ramp, SippProcess network, SippProcess carrier,
                                   List<String> problems) throws Exception {
        long start = System.nanoTime();
        long latestStart = start + TimeUnit.SECONDS.toNanos(hold - settings.settleSeconds() - settings.windowSeconds() - 3);
        while (established(network, carrier) < calls && System.nanoTime() < latestStart && network.isAlive()) {
            Thread.sleep(500);
        }
        double rampTook = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %,d of %,d calls established after %.1f s (asked: %d s)%n",
                established(network, carrier), calls, rampTook, ramp);
        Thread.sleep(settings.settleSeconds() * 1000L);
        long establishedBefore = established(network, carrier);
        var watch = SocketWatch.start(server.mediaPort());
        double windowStart = server.uptimeSeconds();
        var before = LoadSample.take(server.pid(), network.pid(), carrier.pid());
        Thread.sleep(settings.windowSeconds() * 1000L);
        var after = LoadSample.take(server.pid(), network.pid(), carrier.pid());
        double windowEnd = server.uptimeSeconds();
        String socket = "media socket: not found in /proc/net/udp6 or udp";
        if (watch.isPresent()) {
            watch.get().close();
            socket = watch.get().summary();
        }
        socket += String.format(Locale.ROOT, "%n  server JVM uptime %.1f-%.1f s: %s", windowStart, windowEnd,
                GcLog.summary(GcLog.pauses(server.gcLog(), windowStart, windowEnd), windowStart));
        long establishedAfter = established(network, carrier);
        var window = LoadSample.Window.between(before, after, server.mediaPort(), settings.cores());
        if (Math.min(establishedBefore, establishedAfter) < calls) {
            problems.add("only %,d and %,d of %,d calls were established at the start and end of the window"
                    .formatted(establishedBefore, establishedAfter, calls));
        }

        int exit = network.await(hold + 2L * ramp + 90).orElse(-1);
        double ran = (System.nanoTime() - start) / 1e9;
        awaitCarrierDone(carrier, calls);
        int networkOk = (int) network.counter("SuccessfulCall(C)");
        int networkFailed = (int) network.counter("FailedCall(C)");
        int carrierOk = (int) carrier.counter("SuccessfulCall(C)");
        int carrierFailed = (int) carrier.counter("FailedCall(C)");
        if (exit == 0 && ran < hold) {
            problems.add(String.format(Locale.ROOT, "the phones' sipp ended after %.0f s, before its calls' %d s were "
                    + "over: something stopped it (see its sipp.out)", ran, hold));
        }
        if (exit != 0 || networkOk != calls || networkFailed > 0) {
            problems.add("the phones' sipp: %,d of %,d calls succeeded, %,d failed, exit %d; last errors: %s"
                    .formatted(networkOk, calls, networkFailed, exit, network.errors(3)));
        }
        if (carrierOk != calls || carrierFailed > 0) {
            problems.add("the carrier's sipp: %,d of %,d calls succeeded, %,d failed; last errors: %s"
                    .formatted(carrierOk, calls, carrierFailed, carrier.errors(3)));
        }
        double expectedEachWay = 2.0 * calls * PACKETS_PER_SECOND; // two legs, each sending
        checkWindow(window, expectedEachWay, problems);
        if (!server.isAlive()) {
            problems.add("the server died");
        }
        return new PhoneRunResult(calls, opus, (int) Math.min(establishedBefore, establishedAfter), networkOk,
                networkFailed, carrierOk, carrierFailed, network.counter("Retransmissions(C)"), exit, window,
                expectedEachWay, socket, List.copyOf(problems));
    }

    private void checkWindow(LoadSample.Window window, double expectedEachWay, List<String> problems) {
        double machinePct = window.serverPct() / settings.cores();
        if (machinePct > settings.cpuLimitPct()) {
            problems.add(String.format(Locale.ROOT, "the server used %.1f %% of the machine (limit %.0f %%)",
                    machinePct, settings.cpuLimitPct()));
        }
        // One thread at its limit queues work even when the machine has room: the media loop
        // delays packets, a codec worker's backlog grows (up to 200 tasks a leg, 4 s of audio).
        for (String group : List.of("media loop", "codec")) {
            double busiest = window.busiestThreadPct().get(group);
            if (busiest > SATURATED_THREAD_PCT) {
                problems.add(String.format(Locale.ROOT, "a %s thread ran %.1f %% of a core (limit %.0f %%): it cannot "
                        + "keep up", group, busiest, SATURATED_THREAD_PCT));
            }
        }
        if (window.serverMediaDrops() > 0) {
            problems.add("the kernel dropped %,d datagrams at Parley's media socket (the media loop fell behind)"
                    .formatted(window.serverMediaDrops()));
        }
        // sipp's streams in, Parley's streams out: every one is delivered on loopback.
        if (window.udpInPerSecond() < 0.98 * 2 * expectedEachWay) {
            problems.add(String.format(Locale.ROOT, "%,.0f datagrams/s delivered, under 98 %% of the %,.0f RTP "
                    + "packets/s both ways should give", window.udpInPerSecond(), 2 * expectedEachWay));
        }
    }

    private static long established(SippProcess network, SippProcess carrier) throws IOException {
        return Math.min(network.established(), carrier.established());
    }

    /** The carrier's sipp counts a call once its BYE is answered and the time-wait is over. */
    private static void awaitCarrierDone(SippProcess carrier, int calls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline
                && carrier.counter("SuccessfulCall(C)") + carrier.counter("FailedCall(C)") < calls) {
            Thread.sleep(500);
        }
        Thread.sleep(1500); // one more statistics line, so the counters are final
    }

    static int freeUdpPort() throws IOException {
        try (var socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
