package dev.parley.benchmarks;

import dev.parley.benchmarks.phone.ParleyServerProcess;
import dev.parley.benchmarks.phone.PhoneRun;
import dev.parley.benchmarks.phone.PhoneRunResult;
import dev.parley.benchmarks.phone.ProcStats;
import dev.parley.benchmarks.phone.SippProcess;
import dev.parley.benchmarks.phone.ToneFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How many concurrent bridged phone calls one Parley server carries, with RTP both ways, with
 * and without Opus transcoding. It starts the server jar in its own JVM on loopback, configures
 * over REST a trunk to a sipp "carrier" and a number that forwards to another number through it
 * (an INVITE from the phone network comes in and leaves through the trunk: SIP in, SIP out, both
 * plain-RTP legs in one media room), then has a second sipp, the phone network, call that
 * number {@code N} times at once. Both sipps stream A-law for the whole call. In the steady state
 * it measures the server's CPU from {@code /proc} (per thread too), the sipps' CPU (they share
 * the machine), the kernel's UDP counters, and sipp's count of established and failed calls.
 *
 * <pre>
 *   ./parley bench phone [--calls 100 | --calls 50,100,200 | --step 50:50[:1000]] [--opus]
 *                        [--rate 10] [--settle 10] [--window 30] [--repeat 1] [--cpu-limit 85]
 *                        [--heap 1g] [--jvm-arg ARG]... [--sipp PATH] [--no-warmup]
 * </pre>
 * {@code --opus} gives the trunk {@code webrtcAudio: OPUS}: each leg publishes Opus into the room
 * and decodes the other's, so each direction goes G.711 -> PCM -> Opus -> PCM -> G.711. Without
 * it both legs speak A-law and Parley passes the packets through. {@code --step} raises the count
 * until a step is not sustained: a call failed or was not up for the whole window, the server
 * used more than {@code --cpu-limit} % of the machine, its media socket dropped datagrams, or
 * fewer RTP packets flowed than the calls make. {@code --jvm-arg} passes a flag to the server's
 * JVM, e.g. {@code -XX:ActiveProcessorCount=3}, which sizes the codec worker pool (cores - 1) for
 * three cores. Needs sipp 3.7 or newer ({@code --sipp} or
 * {@code PARLEY_SIPP}) and {@code server/target/parley-server.jar}.
 */
public final class PhoneLoadHarness {

    private static final String DIALLED = "+442079460001";
    private static final String FORWARDED_TO = "+442079460002";

    private PhoneLoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        var options = Options.parse(args);
        Path jar = Path.of("server/target/parley-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./parley build");
        }
        String sippVersion = SippProcess.requireUsable(options.sipp);
        Path work = Files.createTempDirectory("parley-phone-bench");
        Path phonesAudio = work.resolve("phones.alaw");
        Path carrierAudio = work.resolve("carrier.alaw");
        ToneFile.writeAlaw(phonesAudio, 140, 2, 1);
        ToneFile.writeAlaw(carrierAudio, 210, 2, 2);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("bench phone " + String.join(" ", args));
        printMachine(sippVersion, cores, work);

        try (var server = ParleyServerProcess.start(jar, work, options.heap, options.jvmArgs)) {
            int carrierPort = freeUdpPort();
            String trunk = server.createTrunk("127.0.0.1", carrierPort, List.of("PCMA", "PCMU"),
                    options.opus ? "OPUS" : "G711");
            server.createForwardingNumber(DIALLED, FORWARDED_TO, trunk);
            System.out.printf(Locale.ROOT, "server pid %d (-Xmx%s %s): SIP on 127.0.0.1:%d, media on UDP %d; trunk %s (webrtcAudio %s) "
                            + "to the carrier's sipp on :%d; %s forwards to %s through it%n", server.pid(), options.heap,
                    String.join(" ", options.jvmArgs),
                    server.sipPort(), server.mediaPort(), trunk, options.opus ? "OPUS" : "G711", carrierPort, DIALLED,
                    FORWARDED_TO);
            var settings = new PhoneRun.Settings(options.sipp, options.rate, options.settle, options.window,
                    options.cpuLimit, cores, work, phonesAudio, carrierAudio);
            var run = new PhoneRun(server, settings, carrierPort, DIALLED, options.opus);
            if (options.warmup) {
                int warm = Math.min(20, options.counts().getFirst());
                System.out.printf("warm-up: %d calls (JIT), not counted%n", warm);
                var warmRun = new PhoneRun(server, new PhoneRun.Settings(options.sipp, options.rate, 5, 10,
                        options.cpuLimit, cores, work, phonesAudio, carrierAudio), carrierPort, DIALLED, options.opus);
                System.out.print(warmRun.run(warm, "warmup").details());
            }
            System.out.println("server at rest: " + server.restingState());
            var results = steps(server, run, options);
            report(results, options, cores);
            var trouble = ParleyServerProcess.troubleIn(work.resolve("server.log"), 10);
            if (!trouble.isEmpty()) {
                System.out.println("\nwarnings and errors in the server's log (first " + trouble.size() + "):");
                trouble.forEach(line -> System.out.println("  " + line));
            }
        }
        System.out.println("\nlogs, sipp statistics and scenarios: " + work);
    }

    private static List<PhoneRunResult> steps(ParleyServerProcess server, PhoneRun run, Options options)
            throws Exception {
        var results = new ArrayList<PhoneRunResult>();
        var counts = new ArrayList<>(options.counts());
        for (int i = 0; i < counts.size(); i++) {
            int calls = counts.get(i);
            boolean allSustained = true;
            for (int r = 1; r <= options.repeat; r++) {
                System.out.printf(Locale.ROOT, "%n%,d calls (%s), run %d of %d: ramp at %.1f calls/s, settle %d s, "
                                + "measure %d s%n", calls, options.opus ? "Opus" : "G.711", r, options.repeat,
                        options.rate, options.settle, options.window);
                String label = "step-%02d-calls-%d-run-%d".formatted(i + 1, calls, r); // a directory of its own
                PhoneRunResult result = run.run(calls, label);
                System.out.print(result.details());
                results.add(result);
                allSustained &= result.sustained();
                Thread.sleep(3000); // let the server close the last legs before the next step
                System.out.println("  server at rest: " + server.restingState());
            }
            if (options.stepSize > 0) {
                if (!allSustained) {
                    break;
                }
                if (i == counts.size() - 1 && calls + options.stepSize <= options.stepMax) {
                    counts.add(calls + options.stepSize);
                }
            }
        }
        return results;
    }

    private static void report(List<PhoneRunResult> results, Options options, int cores) {
        System.out.printf(Locale.ROOT, "%nBridged calls (SIP in, SIP out, RTP both ways), %s; CPU in %% of one core "
                + "(the machine has %d: %d %%); 'expected' = RTP packets/s of all legs in one direction%n%n",
                options.opus ? "Opus transcoding both ways" : "G.711 passed through", cores, cores * 100);
        System.out.println(PhoneRunResult.tableHeader());
        results.forEach(r -> System.out.println(r.tableRow()));
        results.stream().filter(PhoneRunResult::sustained).mapToInt(PhoneRunResult::calls).max().ifPresentOrElse(
                n -> System.out.printf(Locale.ROOT, "%nlargest sustained: %,d calls%n", n),
                () -> System.out.println("\nno step was sustained"));
    }

    private static void printMachine(String sippVersion, int cores, Path work) throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long[] a = ProcStats.machine();
        Thread.sleep(2000);
        long[] b = ProcStats.machine();
        long all = 0;
        for (int i = 0; i < a.length; i++) {
            all += b[i] - a[i];
        }
        long idle = (b[3] - a[3]) + (b[4] - a[4]);
        System.out.printf(Locale.ROOT, "%d cores (%s), Java %s, %s; before the start the machine was %.0f %% busy "
                        + "(steal %.0f %%), load average %s; work directory %s%n", cores, model,
                System.getProperty("java.version"), sippVersion, 100.0 * (all - idle) / all, 100.0 * (b[7] - a[7]) / all,
                Files.readString(Path.of("/proc/loadavg")).strip(), work);
        if (all - idle > all / 10) {
            System.out.println("WARNING: something else is using the CPU; the figures will be off");
        }
    }

    private static int freeUdpPort() throws java.io.IOException {
        try (var socket = new java.net.DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The command line. */
    private static final class Options {
        List<Integer> calls = List.of(100);
        int stepSize;
        int stepMax = 100_000;
        boolean opus;
        double rate = 10;
        int settle = 10;
        int window = 30;
        int repeat = 1;
        double cpuLimit = 85;
        String heap = "1g";
        List<String> jvmArgs = new ArrayList<>();
        String sipp = System.getenv().getOrDefault("PARLEY_SIPP", "sipp");
        boolean warmup = true;

        List<Integer> counts() {
            return calls;
        }

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--calls" -> o.calls = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
                    case "--step" -> {
                        String[] s = args[++i].split(":");
                        o.calls = List.of(Integer.parseInt(s[0]));
                        o.stepSize = Integer.parseInt(s[1]);
                        if (s.length > 2) {
                            o.stepMax = Integer.parseInt(s[2]);
                        }
                    }
                    case "--opus" -> o.opus = true;
                    case "--rate" -> o.rate = Double.parseDouble(args[++i]);
                    case "--settle" -> o.settle = Integer.parseInt(args[++i]);
                    case "--window" -> o.window = Integer.parseInt(args[++i]);
                    case "--repeat" -> o.repeat = Integer.parseInt(args[++i]);
                    case "--cpu-limit" -> o.cpuLimit = Double.parseDouble(args[++i]);
                    case "--heap" -> o.heap = args[++i];
                    case "--jvm-arg" -> o.jvmArgs.add(args[++i]);
                    case "--sipp" -> o.sipp = args[++i];
                    case "--no-warmup" -> o.warmup = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (see the class comment of PhoneLoadHarness)");
                }
            }
            return o;
        }
    }
}
