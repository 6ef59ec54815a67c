#!/usr/bin/env bash
# Benchmark: a demo catalog of N tracks from scratch (import, then the index build the command does
# on every core), the import rate per million tracks (does it slow down as the database grows?),
# database and index size, heap, and the start-up of `./stave serve` on the result.
#
# Usage: bench/scale.sh N [DATA_DIR]     e.g. bench/scale.sh 10000000 /tmp/me/10m
#   HEAP=4g (default)  JAVA_OPTS="..." extra JVM options for the import (e.g. -XX:+UseZGC)
#   NICE=-10 runs the import at that niceness (needs root; the figures then say so)
#   KEEP=1 keeps the data directory (default when DATA_DIR is given)
# Reports: tracks/s overall and per million, index build docs/s, wall and CPU time, peak RSS, GC
# heap after collections, sizes, serve start-up until /actuator/health is UP. Targets (issue 15):
# >= 20,000 tracks/s sustained, index of 10M tracks within 10 minutes, heap <= 4 GB, start-up < 10 s.
set -euo pipefail

TRACKS="${1:?usage: bench/scale.sh N [DATA_DIR]}"
HEAP="${HEAP:-4g}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

if [[ -n "${2:-}" ]]; then
  DATA="$2"
  WORK="$(dirname "$DATA")"
  KEEP="${KEEP:-1}"
  [[ ! -e "$DATA" ]] || { echo "$DATA exists; give a new directory" >&2; exit 1; }
else
  WORK="$(mktemp -d -t stave-scale-XXXXXX)"
  DATA="$WORK/data"
fi
mkdir -p "$WORK"
LOG="$WORK/scale-$TRACKS"
cleanup() {
  stop_server
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$DATA"; else echo "kept $DATA"; fi
}
trap cleanup EXIT

print_machine
PRIO=()
if [[ -n "${NICE:-}" ]]; then PRIO=(nice -n "$NICE"); echo "import runs at nice $NICE"; fi

# shellcheck disable=SC2206
CMD=("${PRIO[@]}" "$JAVA" "-Xmx$HEAP" ${JAVA_OPTS:-} "-Xlog:gc:file=$LOG.gc.log"
  -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA")
echo "== import and index build: ${CMD[*]}"
/usr/bin/time -v -o "$LOG.time" "${CMD[@]}" 2>"$LOG.progress" | tee "$LOG.out"

echo "== figures"
grep -E "Wrote|Bulk load|Search index open" "$LOG.out" | sed 's/^/reported by stave: /'
grep -E "Elapsed|User time|System time|Maximum resident" "$LOG.time" | sed 's/^\s*//'
# Import rate per million tracks, from the progress bar's "done/total tracks (h:mm:ss" samples.
tr '\r' '\n' <"$LOG.progress" | python3 -c '
import re, sys
last = {}
for line in sys.stdin:
    m = re.search(r"(\d+)/(\d+) tracks \((\d+):(\d+):(\d+)", line)
    if m:
        done = int(m.group(1)); t = int(m.group(3)) * 3600 + int(m.group(4)) * 60 + int(m.group(5))
        last.setdefault(done // 1000000, (done, t))
marks = sorted(last.values())
for (d0, t0), (d1, t1) in zip(marks, marks[1:]):
    if t1 > t0:
        print(f"import {d0/1e6:.1f}M..{d1/1e6:.1f}M tracks: {(d1-d0)/(t1-t0):,.0f} tracks/s")
'
grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$LOG.gc.log" | tr -c '0-9\n' ' ' |
  awk '{ if ($2 > peak) peak = $2; if ($3 > cap) cap = $3 }
       END { printf "heap after GC, max: %d MiB; heap committed, max: %d MiB\n", peak, cap }'
echo "database size: $(du -sh --apparent-size "$DATA"/stave.db* | awk '{print $2": "$1}' | paste -sd' ')"
echo "index size: $(du -sh "$DATA/index" | cut -f1)"

echo "== serve start-up through ./stave (normal start: index current, no rebuild)"
./stave --version >/dev/null # builds the launcher's class cache outside the measurement
for run in 1 2; do
  port=$(free_port)
  start=$(date +%s%N)
  STAVE_JAVA_OPTS="-Xmx$HEAP -Xlog:gc:file=$LOG.serve-gc.log" ./stave serve --data "$DATA" \
    --port "$port" --bind 127.0.0.1 >"$LOG.serve.log" 2>&1 &
  SERVE_PID=$!
  await_health "http://127.0.0.1:$port" "$LOG.serve.log"
  echo "start-up $run until health UP: $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
    "$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds' "$LOG.serve.log" || true)"
  stop_server
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
