#!/usr/bin/env bash
# Benchmark: the demo audio. (1) First start: the time until a fresh `stave serve` on an empty data
# directory answers /actuator/health, with the demo audio on (default) and off
# (STAVE_DEMO_AUDIO_ENABLED=false), RUNS times each, alternating; (2) the whole demo share made by
# the serve started last (on by default): wall time until the log says every planned track is
# playable, and the server's CPU time (user + system, children included: ffmpeg) over that span,
# read from /proc; (3) the agreement test on SAMPLE pieces (tempo, key, mode, loudness read back by
# Stave's analysis).
#
# Usage: bench/demo-audio.sh
#   RUNS=3 SAMPLE=27 (0: no agreement step) HEAP=512m STAVE_JAR=...
# Needs curl.
set -euo pipefail
RUNS="${RUNS:-3}"
SAMPLE="${SAMPLE:-27}"
HEAP="${HEAP:-512m}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-demo-audio-XXXXXX)"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
print_machine

# Starts serve on a new data directory with STAVE_DEMO_AUDIO_ENABLED=$1 (SERVE_PID); sets STARTUP
# to the seconds until it reports UP.
first_start() {
  local data="$WORK/data-$RANDOM$RANDOM" port
  echo "$data" >"$WORK/last-data"
  port="$(free_port)"
  local t0
  t0=$(date +%s.%N)
  STAVE_DEMO_AUDIO_ENABLED="$1" "$JAVA" "-Xmx$HEAP" -jar "$JAR" serve --port "$port" \
    --data "$data" >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  await_health "http://127.0.0.1:$port" "$WORK/serve.log"
  STARTUP=$(echo "$(date +%s.%N) - $t0" | bc)
}

echo "== first start until /actuator/health answers (s)"
for run in $(seq 1 "$RUNS"); do
  first_start false
  off=$STARTUP
  stop_server
  first_start true
  echo "run $run: demo audio off $off, on $STARTUP"
  [[ "$run" == "$RUNS" ]] || stop_server
done

echo "== making the demo share in the background of the last serve"
clk=$(getconf CLK_TCK)
cpu() { awk -v k="$clk" '{print ($14 + $15 + $16 + $17) / k}' "/proc/$SERVE_PID/stat"; }
c0=$(cpu)
t0=$(date +%s.%N)
until grep -qE 'demo audio: ([0-9]+) of \1 tracks playable' "$WORK/serve.log"; do
  kill -0 "$SERVE_PID" 2>/dev/null || { tail -30 "$WORK/serve.log"; exit 1; }
  sleep 1
done
t1=$(date +%s.%N)
c1=$(cpu)
grep -E 'demo audio: ([0-9]+) of \1 tracks playable' "$WORK/serve.log" | tail -1
echo "wall $(echo "$t1 - $t0" | bc) s, server CPU (ffmpeg included) $(echo "$c1 - $c0" | bc) s"
du -sh "$(cat "$WORK/last-data")/demo-audio"
stop_server

[[ "$SAMPLE" -gt 0 ]] || exit 0
echo "== agreement: analysis of $SAMPLE pieces"
./mvnw -B -q test -Dtest=DemoPiecesAgreementTest -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dstave.demo-audio.sample=$SAMPLE" 2>&1 | grep -E '^(track|[0-9]+ pieces)'
