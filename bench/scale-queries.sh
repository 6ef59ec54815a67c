#!/usr/bin/env bash
# Benchmark (issue 15 item 4): the query side of one catalog size, for the 1M → 3M → 10M plot.
# On a demo catalog made by bench/scale.sh: the open-workload run of bench/open-load.sh (closed
# maximum, then p50/p99/p99.9 at 50 % and 80 % of it, per family), then the same request lists in
# process (JamendoQueryBenchmark: wall and CPU per call, no HTTP), then one line per figure
# appended to a CSV that bench/ScalePlot.java draws.
#
# Usage: bench/scale-queries.sh DATA_DIR TRACKS CSV      e.g. bench/scale-queries.sh /tmp/me/10m/data 10000000 /tmp/me/scale.csv
#   HEAP=4g the server's and the in-process run's heap; DURATION/WARMUP as bench/open-load.sh
#   (defaults here 15 s / 15 s); STAVE_JAR=... another build.
# CSV lines: tracks,family,metric,value with metric one of closed_max_rps, open80_p99_ms,
# open50_p99_ms, open80_p50_ms, inprocess_p50_ms, inprocess_cpu_p50_ms.
set -euo pipefail
DATA="${1:?usage: bench/scale-queries.sh DATA_DIR TRACKS CSV}"
TRACKS="${2:?tracks}"
CSV="${3:?csv}"
HEAP="${HEAP:-4g}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh
OUT="$(mktemp -d -t stave-scale-queries-XXXXXX)"
[[ -f "$CSV" ]] || echo "tracks,family,metric,value" >"$CSV"

echo "== open workload on $DATA ($TRACKS tracks)"
KEEP_PATHS="$OUT/paths" DATA="$DATA" HEAP="$HEAP" DURATION="${DURATION:-15}" WARMUP="${WARMUP:-15}" \
  bench/open-load.sh "$TRACKS" | tee "$OUT/open.txt"

echo "== in process: the same request lists, no HTTP (2 threads)"
./mvnw -B -q test -DenableAssertions=false -Dtest=JamendoQueryBenchmark -Dstave.bench=true \
  -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Xmx$HEAP -XX:+EnableDynamicAgentLoading" \
  -Dstave.bench.data-dir="$DATA" -Dstave.bench.paths-dir="$OUT/paths" \
  -Dstave.bench.warmup-seconds="${WARMUP:-15}" -Dstave.bench.seconds="${DURATION:-15}" \
  -Dstave.bench.mixes=tracks_by_id,tag_musicinfo_popularity,search,autocomplete,similar \
  2>/dev/null | grep -E '^(in-process|settings)' | tee "$OUT/inprocess.txt"

# "<mix> closed 16: 1234.5 req/s, p50 … p99 …" and "<mix> open 987: … p99 … [80 % of the maximum]"
awk -v n="$TRACKS" '
  $2 == "closed" { sub(":", "", $3); printf "%s,%s,closed_max_rps,%s\n", n, $1, $4 }
  $2 == "open" && /\[80 %/ { for (i = 1; i <= NF; i++) { if ($i == "p99") p99 = $(i+1); if ($i == "p50") p50 = $(i+1) }
                             printf "%s,%s,open80_p99_ms,%s\n%s,%s,open80_p50_ms,%s\n", n, $1, p99, n, $1, p50 }
  $2 == "open" && /\[50 %/ { for (i = 1; i <= NF; i++) if ($i == "p99") p99 = $(i+1)
                             printf "%s,%s,open50_p99_ms,%s\n", n, $1, p99 }
' "$OUT/open.txt" >>"$CSV"
awk -v n="$TRACKS" '
  $1 == "in-process" && $3 == "p50" { printf "%s,%s,inprocess_p50_ms,%s\n", n, $2, $4
                                      for (i = 1; i <= NF; i++) if ($i == "CPU") cpu = $(i+4)
                                      printf "%s,%s,inprocess_cpu_p50_ms,%s\n", n, $2, cpu }
' "$OUT/inprocess.txt" >>"$CSV"
echo "== appended to $CSV"
grep "^$TRACKS," "$CSV"
rm -rf "$OUT"
