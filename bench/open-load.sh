#!/usr/bin/env bash
# Benchmark (issue 15 item 2): latency of the Jamendo dialect under an OPEN workload on a demo
# catalog (default 1,000,000 tracks). For each query family it first measures the closed-loop
# maximum (CONNECTIONS callers, each waiting for its answer, as wrk does), then sends requests at a
# fixed arrival rate of 50 % and 80 % of that maximum, independent of the answers, and reports
# p50 / p99 / p99.9 measured from each request's intended send time (coordinated omission avoided:
# see bench/OpenLoad.java), with the load generator's own CPU.
#
# Usage: bench/open-load.sh [TRACKS]
#   DATA=dir           reuse (or create and keep) the catalog in dir; otherwise a temporary one
#   CONNECTIONS=16     closed-loop callers for the maximum
#   DURATION=20 WARMUP=20   seconds per measurement / of warm-up (closed loop) per family
#   HEAP=2g            the server's heap; SERVER_JAVA_OPTS=... more JVM options for it
#   SERVER_CPUS=0 LOADGEN_CPUS=1   pin the server and the load generator with taskset (default:
#                      on 4 or more cores the load generator gets the last core and the server the
#                      others; on fewer, nothing is pinned and both share the cores, as reported)
#   MIXES="tracks_by_id search"   only these families (default: all six; `recommendation` is
#                      the ReccoBeats dialect's /v1/track/recommendation, seeded by UUID)
#   OPEN_CONNECTIONS=n keep-alive connections of the open runs (default: enough for a 50 ms stall
#                      at the rate, at least 64; the line says how many requests still waited)
#   STAVE_JAR=...      benchmark another build; KEEP_PATHS=dir keeps the request lists
# Targets (issue 15, at 80 % of the maximum): p99 < 5 ms for tracks?id=, < 50 ms for filtered
# lists and search=, < 10 ms for autocomplete, < 30 ms for tracks/similar and
# /v1/track/recommendation.
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-2g}"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-20}"
MIXES="${MIXES:-tracks_by_id tag_musicinfo_popularity search autocomplete similar recommendation}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

if [[ -z "${SERVER_CPUS:-}" && -z "${LOADGEN_CPUS:-}" && "$(nproc)" -ge 4 ]]; then
  SERVER_CPUS="0-$(($(nproc) - 2))"
  LOADGEN_CPUS="$(($(nproc) - 1))"
fi
HDR_VERSION=2.2.2
HDR_JAR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/$HDR_VERSION/HdrHistogram-$HDR_VERSION.jar"
if [[ ! -f "$HDR_JAR" ]]; then
  ./mvnw -B -q dependency:get -Dartifact="org.hdrhistogram:HdrHistogram:$HDR_VERSION" >/dev/null
fi

WORK="$(mktemp -d -t stave-open-XXXXXX)"
DATA="${DATA:-$WORK/data}"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

print_machine
echo "server cpus: ${SERVER_CPUS:-all}, load generator cpus: ${LOADGEN_CPUS:-all}"

# shellcheck source=jamendo-setup.sh
. bench/jamendo-setup.sh

# Compiled once with javac, so that each of the fifteen runs starts at once.
mkdir -p "$WORK/loadgen"
"$JAVA_HOME/bin/javac" -d "$WORK/loadgen" -cp "$HDR_JAR" bench/OpenLoad.java
load() {
  ${LOADGEN_CPUS:+taskset -c "$LOADGEN_CPUS"} "$JAVA" -Xmx512m -cp "$WORK/loadgen:$HDR_JAR" \
    OpenLoad "$BASE" "$@"
}

echo "== closed-loop maximum ($CONNECTIONS callers, ${WARMUP}s warm-up, ${DURATION}s), then open"
echo "   workload at 50 % and 80 % of it (${DURATION}s each); latency from the intended send time"
for mix in $MIXES; do
  paths="$WORK/$mix.paths"
  closed=$(load "$paths" closed "$CONNECTIONS" "$DURATION" "$WARMUP")
  echo "$closed"
  max=$(sed -E 's/.*: ([0-9.]+) req\/s.*/\1/' <<<"$closed")
  for share in 50 80; do
    rate=$(awk -v m="$max" -v s="$share" 'BEGIN { r = m * s / 100; print (r < 1 ? 1 : r) }')
    echo "$(load "$paths" open "$rate" "$DURATION" 5 ${OPEN_CONNECTIONS:-}) [$share % of the maximum]"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
