#!/usr/bin/env bash
# Builds and runs the JMH benchmarks (called by `./parley bench`, which has found a JDK 25).
# Arguments go to JMH, e.g. `./parley bench TokenBenchmark -t 1 -f 1`. See docs/benchmarks.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
./mvnw -q -B -DskipTests install
exec "$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks.jar "$@"
