#!/usr/bin/env bash
# Benchmark: the Jamendo dialect under concurrent HTTP load on a demo catalog (default 1,000,000
# tracks), next to (a) the same queries run in-process on the Lucene index and (b) a trivial
# endpoint of the same server, all measured in one run.
#
# Usage: bench/jamendo-load.sh [TRACKS]
#   DATA=dir      reuse (or create and keep) the catalog in dir; otherwise a temporary one
#   CONNECTIONS=16 THREADS=2 DURATION=20s WARMUP=20s   wrk settings; HEAP=2g for the server
#   STAVE_JAR=... benchmark another build
# Needs wrk (Debian package `wrk`). Reports requests/s, p50 and p99 for each query family and the
# ratios p50(HTTP)/p50(in-process) and p50(HTTP)/p50(trivial endpoint).
# Targets (issue 3): tracks?id= p99 < 5 ms, filtered and full-text p99 < 50 ms, autocomplete
# p99 < 10 ms, similar p99 < 30 ms. wrk shares the machine's cores with the server: the figures
# are those of one box serving and loading at once.
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-2g}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-20s}"
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-load-XXXXXX)"
DATA="${DATA:-$WORK/data}"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/{print $2}') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1

# shellcheck source=jamendo-setup.sh
. bench/jamendo-setup.sh


echo "== HTTP load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
printf "%-26s %12s %10s %10s %10s\n" query "requests/s" "p50 ms" "p99 ms" "non-2xx"
declare -A P50
for mix in trivial tracks_by_id tag_musicinfo_popularity search autocomplete similar; do
  # a warm-up so the JIT and the index caches are not part of the figures (5 s was too short:
  # throughput still rose run after run for another 20 s)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/$mix.lua" "$BASE" >/dev/null 2>&1 || true
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$mix.lua" "$BASE")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  P50[$mix]=$p50
  printf "%-26s %12s %10s %10s %10s\n" "$mix" "$rps" "$p50" "$p99" "${bad:-0}"
  # a request that answered with a failed envelope is a broken benchmark, not a fast one
  first=$(head -1 "$WORK/$mix.paths")
  if [[ "$mix" != trivial ]] && curl -fs "$BASE$first" | grep -q '"status":"failed"'; then
    echo "  warning: $first answers status failed: $(curl -fs "$BASE$first" | head -c 300)"
  fi
done
stop_server

echo "== in-process: the same queries on the Lucene index (CatalogSearch, no HTTP), $THREADS threads"
# Without Java assertions, as the server runs: Lucene asserts e.g. that every postings block it
# decodes is sorted: under surefire's default -ea that took a fifth of tracks/similar's CPU. With
# the server's JVM options (STAVE_JVM_OPTIONS: Lucene's vector module).
./mvnw -B -q test -DenableAssertions=false -Dtest=JamendoQueryBenchmark -Dstave.bench=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dstave.test.jvm-options="${STAVE_JVM_OPTIONS[*]}" \
  -Dstave.bench.data-dir="$DATA" -Dstave.bench.paths-dir="$WORK" -Dstave.bench.threads="$THREADS" \
  2>/dev/null | grep -E '^(in-process|  )' | tee "$WORK/inprocess.txt"

echo "== ratios (p50 HTTP / p50 in-process; p50 HTTP / p50 trivial endpoint)"
for mix in tracks_by_id tag_musicinfo_popularity search autocomplete similar; do
  inproc=$(awk -v m="$mix" '$1 == "in-process" && $2 == m {print $4}' "$WORK/inprocess.txt")
  awk -v m="$mix" -v h="${P50[$mix]}" -v i="${inproc:-0}" -v t="${P50[trivial]}" \
    'BEGIN { if (i > 0) printf "%-26s x%.1f in-process, x%.1f trivial\n", m, h / i, h / t;
           else printf "%-26s (no in-process figure), x%.1f trivial\n", m, h / t }'
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
