#!/usr/bin/env bash
# Builds and runs the benchmarks (called by `./parley bench`, which has found a JDK 25).
#   ./parley bench jmh [JMH args]        JMH benchmarks, e.g. `./parley bench jmh TokenBenchmark -t 1 -f 1`
#   ./parley bench sfu [harness args]    SFU load harness, e.g. `./parley bench sfu --size 120 --fanout 10`
#   ./parley bench jitter [--seconds N]  how late this machine runs threads (the floor under latency)
#   ./parley bench signaling [--clients N --seconds S --heap 1g]  connected signaling clients one server holds
#   ./parley bench calls                 call set-up time with two Chromium pages (needs /usr/bin/chromium)
#   ./parley bench phone [--calls N | --step A:B] [--opus]  concurrent bridged phone calls (needs sipp 3.7+)
# See docs/benchmarks.md for the figures and the commands that produced them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
./mvnw -q -B -DskipTests install
# The batched media transport's flags (the parent pom's parley.mediaIoJvmArgs); without them
# the SFU falls back to NIO. `./parley bench sfu --io nio` compares with NIO.
MEDIA_IO_FLAGS=(--add-exports java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED)
kind=${1:-jmh}
shift || true
case "$kind" in
  jmh) exec "$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "$@" ;;
  sfu) exec "$JAVA_HOME/bin/java" "${MEDIA_IO_FLAGS[@]}" -cp "benchmarks/target/benchmarks.jar" \
         dev.parley.benchmarks.SfuLoadHarness "$@" ;;
  signaling) exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/benchmarks.jar" \
         dev.parley.benchmarks.SignalingLoadHarness "$@" ;;
  calls) PARLEY_BENCH=call-setup exec ./mvnw -B -ntp -q verify -pl server -Dtest=CallSetupBenchmark \
         -Dsurefire.failIfNoSpecifiedTests=false -Dsurefire.printSummary=false "$@" ;;
  phone) exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/benchmarks.jar" dev.parley.benchmarks.PhoneLoadHarness "$@" ;;
  jitter) exec "$JAVA_HOME/bin/java" -cp "benchmarks/target/benchmarks.jar" dev.parley.benchmarks.PlatformJitter "$@" ;;
  *) echo "usage: ./parley bench jmh|sfu|jitter|signaling|calls|phone [args]" >&2; exit 2 ;;
esac
