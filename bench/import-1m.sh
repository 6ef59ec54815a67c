#!/usr/bin/env bash
# Benchmark: generate a 1,000,000-track demo catalog into a fresh data directory with a 1 GB heap,
# then time the start-up of `stave serve` on that data directory.
#
# Usage: bench/import-1m.sh [TRACKS]   (default 1000000; keeps nothing unless KEEP=1;
#        STAVE_JAR=path to benchmark another build, HEAP=1g by default)
# Reports: tracks/s, wall and CPU time, peak RSS, GC heap after collections, database and index
# size, serve start-up until /actuator/health is UP. Targets (design.md §6): >= 20,000 tracks/s,
# heap <= 1 GB, start-up < 5 s.
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-1g}"
cd "$(dirname "$0")/.."

# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-bench-XXXXXX)"
DATA="$WORK/data"
cleanup() {
  stop_server
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/{print $2}') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1

echo "== import: stave demo --tracks $TRACKS (-Xmx$HEAP)"
TIME_LOG="$WORK/time.txt"
GC_LOG="$WORK/gc.log"
CMD=("$JAVA" "-Xmx$HEAP" "-Xlog:gc:file=$GC_LOG" -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA")
echo "command: ${CMD[*]}"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$TIME_LOG" "${CMD[@]}" 2>"$WORK/progress.txt" | tee "$WORK/out.txt"
else
  start=$(date +%s.%N)
  "${CMD[@]}" 2>"$WORK/progress.txt" | tee "$WORK/out.txt"
  echo "Elapsed (wall clock) time: $(echo "$(date +%s.%N) - $start" | bc) s" >"$TIME_LOG"
fi

echo "== import figures"
grep -E "Wrote" "$WORK/out.txt" | sed 's/^/reported by stave: /'
if [[ -x /usr/bin/time ]]; then
  grep -E "Elapsed|User time|System time|Maximum resident" "$TIME_LOG" | sed 's/^\s*//'
fi
# Largest heap occupancy after a collection, from the unified GC log ("... 512M->123M(1024M) ...").
grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$GC_LOG" | tr -c '0-9\n' ' ' |
  awk '{ if ($2 > peak) peak = $2; if ($1 > before) before = $1; if ($3 > cap) cap = $3 }
       END { printf "heap after GC, max: %d MiB; heap before GC, max: %d MiB; heap committed, max: %d MiB\n", peak, before, cap }'
echo "database size: $(du -sh --apparent-size "$DATA"/stave.db* | awk '{print $2": "$1}' | paste -sd' ')"
if [[ -d "$DATA/index" ]]; then
  echo "index size: $(du -sh "$DATA/index" | cut -f1)"
else
  echo "index size: no index directory (no search index in this build)"
fi

# Start-up is measured twice in a row: on an empty data directory (the baseline: JVM + Spring +
# migrations on nothing) and on the imported one; the difference is what the catalog costs.
serve_startup() { # DATA_DIR LABEL [launcher]
  local port start up=""
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(date +%s%N)
  if [[ "${3:-}" == launcher ]]; then
    # what an operator runs: ./stave, with its ahead-of-time class cache on JDK 25+
    STAVE_JAVA_OPTS="-Xmx$HEAP" ./stave serve --data "$1" --port "$port" --bind 127.0.0.1 \
      >"$WORK/serve-$2.log" 2>&1 &
  else
    "$JAVA" "-Xmx$HEAP" -jar "$JAR" serve --data "$1" --port "$port" --bind 127.0.0.1 \
      >"$WORK/serve-$2.log" 2>&1 &
  fi
  SERVE_PID=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      up=$(( ($(date +%s%N) - start) / 1000000 ))
      break
    fi
    if ! kill -0 "$SERVE_PID" 2>/dev/null; then break; fi
    sleep 0.05
  done
  if [[ -n "$up" ]]; then
    echo "serve start-up ($2 data directory) until health UP: ${up} ms;" \
      "$(grep -oE 'Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)' "$WORK/serve-$2.log" || true)"
  else
    echo "serve ($2) did not report UP; last log lines:"; tail -20 "$WORK/serve-$2.log"
  fi
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  SERVE_PID=""
}
echo "== index rebuild: stave index rebuild (-Xmx$HEAP)"
if [[ -x /usr/bin/time ]]; then
  /usr/bin/time -v -o "$WORK/time-index.txt" "$JAVA" "-Xmx$HEAP" -jar "$JAR" index rebuild --data "$DATA" 2>/dev/null | tail -1
  grep -E "Elapsed|Maximum resident" "$WORK/time-index.txt"
else
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" index rebuild --data "$DATA" 2>/dev/null | tail -1
fi
echo "index size after rebuild: $(du -sh "$DATA/index" | cut -f1)"

echo "== serve start-up"
serve_startup "$WORK/empty" empty
serve_startup "$DATA" imported
./stave --version >/dev/null # builds the launcher's class cache outside the measurement
serve_startup "$WORK/empty2" "empty, ./stave" launcher
serve_startup "$DATA" "imported, ./stave" launcher
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
