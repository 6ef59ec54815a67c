#!/usr/bin/env bash
# Benchmark: backfill throughput of `stave analyze --all` (whole tracks, up to 10 min each) in
# tracks per minute and audio minutes per minute, on a library of the real singularity-music
# recordings (scripts/fetch-test-music.sh; skipped when absent) plus GENERATED 3-minute MP3s
# (default 16: a decaying tone on every beat at 80–155 BPM over pink noise, 128 kbps stereo).
# Runs the analysis twice: as the machine is, and with LOAD extra busy processes (default 2, one
# per core on the reference machine) competing for the CPU. Prints the load average next to each
# figure: the machine may be shared.
#
# Usage: bench/analysis-backfill.sh [GENERATED]
#   THREADS=N   files analysed at once (default: stave's default, the number of cores)
#   LOAD=N      busy processes for the second run (0: skip it)
#   WINDOW=...  analyze option for the window (default --whole-track, as measured before the
#               default became three 10-s windows; WINDOW=" " for the default window)
#   FFMPEG=path the ffmpeg that generates the library (default: on PATH, else Stave's bundled one)
set -euo pipefail
GENERATED="${1:-16}"
LOAD="${LOAD:-2}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-backfill-XXXXXX)"
LIB="$WORK/music"
BUSY=()
cleanup() {
  for pid in "${BUSY[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

find_ffmpeg "$WORK"

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), cpus: $(nproc), $("$JAVA" -version 2>&1 | head -1)"

mkdir -p "$LIB/Generated"
real="$(scripts/fetch-test-music.sh 2>/dev/null || true)"
if [[ -n "$real" && -f "$real/.complete" ]]; then
  mkdir -p "$LIB/Real" && cp "$real"/*.* "$LIB/Real/"
fi
for ((i = 0; i < GENERATED; i++)); do
  bpm=$((80 + (i * 5) % 80))
  "$FFMPEG" -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "aevalsrc=0.5*sin(2*PI*$((110 + i * 11))*t)*exp(-12*mod(t\,60/$bpm)):d=180:s=44100" \
    -f lavfi -i "anoisesrc=duration=180:color=pink:amplitude=0.05" \
    -filter_complex amix=inputs=2 -ac 2 -c:a libmp3lame -b:a 128k \
    -metadata "title=Generated $i ($bpm BPM)" -metadata artist=Generated -metadata album=Generated \
    "$LIB/Generated/$(printf %02d "$i") Generated $i.mp3"
done
files=$(find "$LIB" -type f | wc -l)
echo "== library: $files files, $(du -sh "$LIB" | cut -f1)"
"$JAVA" -jar "$JAR" scan "$LIB" --data "$WORK/data" --no-progress | tail -3
minutes=$(sqlite3 "$WORK/data/stave.db" \
  "SELECT ROUND(SUM(duration_ms) / 60000.0, 1) FROM audio_files WHERE present" 2>/dev/null || echo "?")

run() {
  local label="$1"
  local before after t0 t1 secs
  before="$(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(date +%s.%N)
  "$JAVA" -jar "$JAR" analyze --all ${WINDOW:---whole-track} --data "$WORK/data" --no-progress ${THREADS:+--threads "$THREADS"} \
    >"$WORK/analyze.txt"
  t1=$(date +%s.%N)
  after="$(cut -d' ' -f1-3 /proc/loadavg)"
  secs=$(echo "$t1 - $t0" | bc)
  printf '| %s | %d | %s | %.1f s | %.1f | %s | %s → %s |\n' "$label" "$files" "$minutes" "$secs" \
    "$(echo "$files * 60 / $secs" | bc -l)" \
    "$(if [[ "$minutes" == "?" ]]; then echo "?"; else printf '%.1f' "$(echo "$minutes * 60 / $secs" | bc -l)"; fi)" \
    "$before" "$after"
  grep -E "^(analysed|failed)" "$WORK/analyze.txt" | tr -s ' ' | sed 's/^/    /' >&2
}

echo "== stave analyze --all (JVM start-up included)"
echo "| run | tracks | audio (min) | wall | tracks/min | audio min/min | load average before → after |"
echo "|---|---|---|---|---|---|---|"
run "as the machine is"
if [[ "$LOAD" -gt 0 ]]; then
  for ((i = 0; i < LOAD; i++)); do
    (while :; do :; done) &
    BUSY+=($!)
  done
  sleep 5
  run "with $LOAD busy processes"
fi
