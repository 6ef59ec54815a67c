#!/usr/bin/env bash
# Benchmark: JVM option sets side by side on a demo catalog (issue 15 item 7) — the Vector API
# module for Lucene and the garbage collector. Every variant runs in every round, in turn
# (A, B, C, A, B, C …), so a shared machine's load falls on all of them; compare the server's CPU
# time per request and the ratios of one round rather than wall-clock latencies.
#
# Usage: DATA=dir bench/jvm-options.sh [TRACKS]
#   DATA=dir        the catalog (a copy: the run adds an app and the rebuild rewrites the index)
#   VARIANTS="name=options;name=options"   default: g1, g1-vector, zgc-vector (below)
#   ROUNDS=2 HEAP=1g CONNECTIONS=16 THREADS=2 DURATION=15s WARMUP=10s
#   MIXES="tracks_by_id search similar"   the wrk families (request lists of jamendo-setup.sh)
#   INPROCESS=true  also JamendoQueryBenchmark per variant (every family, CPU per call)
#   BENCH_SECONDS=10 BENCH_WARMUP=10       its measurement and warm-up per family
#   REBUILD=true REBUILD_DATA="dir …"   instead: `stave index rebuild` of one catalog copy per
#                   variant, all at once (wall, CPU, peak RSS, heap and GC)
# Per variant and family: requests/s, p50/p99 ms, the server's CPU ms per request (all its
# threads, GC and JIT included, from /proc while wrk measured), the GC pauses in that window, and
# the server's peak RSS and largest heap after a collection.
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-1g}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
MIXES="${MIXES:-tracks_by_id search similar}"
VARIANTS="${VARIANTS:-g1=;g1-vector=--add-modules jdk.incubator.vector;zgc-vector=-XX:+UseZGC --add-modules jdk.incubator.vector}"
cd "$(dirname "$0")/.."
[[ -n "${DATA:-}" || "${REBUILD:-}" == true ]] || { echo "set DATA to a copy of a demo catalog" >&2; exit 1; }

# shellcheck source=common.sh
. bench/common.sh
WORK="$(mktemp -d -t stave-jvm-XXXXXX)"
trap 'stop_server; rm -rf "$WORK"' EXIT
print_machine
# The variants start the JDK itself, not $JAVA (which adds the launcher's own choice of options).
BARE_JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
GCLOG="-Xlog:gc,gc+phases:file=$WORK/gc.log:uptime:filecount=0"

# GC pauses in lines $2.. of gc log $1: "count, total ms, max ms" (G1: "Pause Young … 3.4ms",
# ZGC: "y: Pause Mark Start 0.01ms"), and ZGC's allocation stalls (a thread waiting for memory).
gc_pauses() {
  tail -n +"$2" "$1" | awk '$NF ~ /ms$/ { v=$NF; sub(/ms$/,"",v); v+=0 }
    /Pause/ && $NF ~ /ms$/ { n++; t+=v; if (v>m) m=v }
    /Allocation Stall/ && $NF ~ /ms$/ { s++; st+=v }
    END { printf "%d pauses, %.1f ms total, max %.2f ms", n, t, m; if (s) printf "; %d allocation stalls, %.1f ms", s, st }'
}
# The largest heap after a collection ("->123M" in G1's and ZGC's gc lines).
heap_after() {
  grep -oE -- '->[0-9]+M' "$1" | tr -dc '0-9\n' | sort -n | tail -1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)

IFS=';' read -r -a VARIANT_LIST <<<"$VARIANTS"

if [[ "${REBUILD:-false}" == true ]]; then
  # All variants at the same time, each rebuilding its own copy of the catalog (REBUILD_DATA="dir1
  # dir2 …", one per variant, in VARIANTS' order): whatever else runs on the machine weighs on
  # each alike; CPU seconds are the comparable figure, wall seconds only within the run.
  read -r -a DIRS <<<"${REBUILD_DATA:?set REBUILD_DATA to one catalog copy per variant}"
  [[ ${#DIRS[@]} -eq ${#VARIANT_LIST[@]} ]] || { echo "one REBUILD_DATA dir per variant" >&2; exit 1; }
  echo "== index rebuild, -Xmx$HEAP, ${#DIRS[@]} variants at once (load before $(cut -d' ' -f1-3 /proc/loadavg))"
  for i in "${!VARIANT_LIST[@]}"; do
    v="${VARIANT_LIST[$i]}"
    # shellcheck disable=SC2086 # the options are words
    /usr/bin/time -f '%e %U %S %M' -o "$WORK/time-$i" "${BARE_JAVA[@]}" "-Xmx$HEAP" ${v#*=} \
      "-Xlog:gc,gc+phases:file=$WORK/gc-$i.log:uptime:filecount=0" \
      -jar "$JAR" index rebuild --data "${DIRS[$i]}" >"$WORK/rebuild-$i.log" 2>&1 &
  done
  wait
  printf "%-12s %9s %9s %9s %10s  %s\n" variant "wall s" "CPU s" "RSS MiB" "heap MiB" "GC (pauses; stalls)"
  for i in "${!VARIANT_LIST[@]}"; do
    read -r wall user sys rss <"$WORK/time-$i"
    printf "%-12s %9.1f %9.1f %9.0f %10s  %s\n" "${VARIANT_LIST[$i]%%=*}" "$wall" "$(echo "$user + $sys" | bc)" \
      "$((rss / 1024))" "$(heap_after "$WORK/gc-$i.log")" "$(gc_pauses "$WORK/gc-$i.log" 1)"
    tail -2 "$WORK/rebuild-$i.log" | sed 's/^/    /'
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# The app, the request lists (WORK/<mix>.paths, .lua) and a first server, stopped at once.
# shellcheck source=jamendo-setup.sh
. bench/jamendo-setup.sh
stop_server

serve_variant() { # $1 name, $2 options: one server, wrk on each of MIXES
  local name="$1" opts="$2" port out rps p50 p99 c0 c1 g0 n
  port=$(free_port)
  BASE="http://127.0.0.1:$port"
  # shellcheck disable=SC2086 # the options are words
  "${BARE_JAVA[@]}" "-Xmx$HEAP" $opts "$GCLOG" -jar "$JAR" serve --data "$DATA" --port "$port" \
    --bind 127.0.0.1 --logging.level.org.apache.lucene.internal.vectorization=INFO \
    >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  await_health "$BASE" "$WORK/serve.log"
  echo "  lucene: $(grep -oE 'Java vector incubator (API enabled[^$]*|module is not readable)' "$WORK/serve.log" | head -1)"
  for mix in $MIXES; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/$mix.lua" "$BASE" >/dev/null 2>&1 || true
    g0=$(($(wc -l <"$WORK/gc.log") + 1))
    c0=$(cpu_ticks "$SERVE_PID")
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/$mix.lua" "$BASE")
    c1=$(cpu_ticks "$SERVE_PID")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
    p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
    printf "  %-12s %-14s %9s req/s  p50 %7s  p99 %7s ms  server CPU %.3f ms/req  %s\n" "$name" "$mix" \
      "$rps" "$p50" "$p99" "$(echo "($c1 - $c0) * 1000 / $TICK / ${n:-0}" | bc -l 2>/dev/null || echo 0)" "$(gc_pauses "$WORK/gc.log" "$g0")"
  done
  printf "  %-12s peak RSS %d MiB, largest heap after GC %s MiB, whole run: %s\n" "$name" \
    "$(($(awk '/VmHWM/ {print $2}' "/proc/$SERVE_PID/status") / 1024))" \
    "$(heap_after "$WORK/gc.log")" "$(gc_pauses "$WORK/gc.log" 1)"
  stop_server
}

inprocess_variant() { # $1 name, $2 options: JamendoQueryBenchmark in a JVM with them
  # Without Java assertions, as the server runs (see jamendo-load.sh).
  ./mvnw -B -q test -DenableAssertions=false -Dtest=JamendoQueryBenchmark -Dstave.bench=true \
    -Dsurefire.failIfNoSpecifiedTests=false -Dstave.test.jvm-options="-Xmx$HEAP --enable-native-access=ALL-UNNAMED $2" \
    -Dstave.bench.data-dir="$DATA" -Dstave.bench.paths-dir="$WORK" -Dstave.bench.threads="$THREADS" \
    -Dstave.bench.seconds="${BENCH_SECONDS:-10}" -Dstave.bench.warmup-seconds="${BENCH_WARMUP:-10}" \
    2>/dev/null | grep -E '^in-process' | sed "s/^/  $1 /"
}

for round in $(seq 1 "$ROUNDS"); do
  for v in "${VARIANT_LIST[@]}"; do
    name="${v%%=*}" opts="${v#*=}"
    echo "== round $round, $name: -Xmx$HEAP $opts (load before $(cut -d' ' -f1-3 /proc/loadavg))"
    serve_variant "$name" "$opts"
    [[ "${INPROCESS:-true}" == true ]] && inprocess_variant "$name" "$opts"
    echo "  load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
