package dev.parley.server.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Call set-up time, as an app sees it: from {@code callWebrtc()} on the caller's page to the
 * first remote video frame shown on each side, with a callee that accepts as soon as it is
 * rung. A benchmark, not a test: it asserts nothing about speed and runs only from
 * {@code ./parley bench calls} (which sets PARLEY_BENCH=call-setup); the figures go to
 * docs/benchmarks.md.
 */
class CallSetupBenchmark extends BrowserTestBase {

    private static final int CALLS = 20;
    private static final String TIMELINE = """
            (start) => harness.wire.map(m => (m.at - start) + ' ' + m.dir + ' ' + m.type)
              .concat(harness.events.map(e => (e.at - start) + ' event ' + e.name))
              .concat([(harness.firstVideoFrameAt - start) + ' first frame'])
              .sort((a, b) => parseInt(a) - parseInt(b)).join(', ')""";

    @BeforeAll
    static void onlyWhenAsked() {
        Assumptions.assumeTrue("call-setup".equals(System.getenv("PARLEY_BENCH")), "run with ./parley bench calls");
    }

    @Test
    void callSetUpTime() {
        SdkPage caller = SdkPage.signIn(chromium, server.http().baseUrl(), "bench-caller");
        SdkPage callee = SdkPage.signIn(chromium, server.http().baseUrl(), "bench-callee");
        callee.eval("() => harness.client.on('incoming-call', (event) => event.call.accept({audio: true, video: true}))");
        List<Long> callerSide = new ArrayList<>();
        List<Long> calleeSide = new ArrayList<>();
        for (int i = 0; i < CALLS + 2; i++) {
            for (SdkPage side : List.of(caller, callee)) {
                side.eval("() => { harness.firstVideoFrameAt = null; harness.events.length = 0; harness.wire.length = 0; }");
            }
            long start = ((Number) caller.eval("""
                    async (to) => {
                      const start = Date.now();
                      await harness.callWebrtc(to, {audio: true, video: true});
                      return start;
                    }""", callee.identity)).longValue();
            long deadline = System.nanoTime() + 20_000_000_000L;
            Number callerFrame = null;
            Number calleeFrame = null;
            while ((callerFrame == null || calleeFrame == null) && System.nanoTime() < deadline) {
                callerFrame = (Number) caller.eval("() => harness.firstVideoFrameAt");
                calleeFrame = (Number) callee.eval("() => harness.firstVideoFrameAt");
                caller.page.waitForTimeout(5);
            }
            if (callerFrame == null || calleeFrame == null) {
                throw new AssertionError("call " + i + " showed no video within 20 s");
            }
            if (i >= 2) { // the first two warm up the JIT and the browser
                callerSide.add(callerFrame.longValue() - start);
                calleeSide.add(calleeFrame.longValue() - start);
            }
            if (i == CALLS + 1) { // where the time of one call goes
                System.out.println("timeline of the last call, ms after callWebrtc():");
                for (SdkPage side : List.of(caller, callee)) {
                    System.out.println("  " + side.identity + ": " + side.eval(TIMELINE, (double) start));
                }
            }
            caller.eval("() => harness.call.hangup()");
            caller.awaitEvent("hangup", 10);
            callee.awaitEvent("hangup", 10);
            caller.page.waitForTimeout(300);
        }
        report("caller (first remote frame)", callerSide);
        report("callee (first remote frame)", calleeSide);
    }

    private static void report(String side, List<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "call set-up, %s, %d calls: p50 %d ms, p95 %d ms, min %d ms, max %d ms; all %s%n",
                side, sorted.length, sorted[(int) Math.floor(0.50 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.95 * (sorted.length - 1))], sorted[0], sorted[sorted.length - 1],
                Arrays.toString(sorted));
    }
}
