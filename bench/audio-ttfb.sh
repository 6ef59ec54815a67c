#!/usr/bin/env bash
# Benchmark: how soon audio starts. One generated 10-minute FLAC (stereo 44.1 kHz, pink noise over a
# tone, so it compresses like music rather than like silence) is scanned and served, and curl
# measures time to first byte (TTFB) and total time of:
#   (1) the first request of each transcoded format (nothing cached: ffmpeg starts, the bytes are
#       streamed as it writes them),
#   (2) a second request for mp32 started while the first one's ffmpeg is still running (it
#       follows the same run), both timed,
#   (3) the cached mp32,
# and, for comparison, ffmpeg alone making the whole mp32 into a file (what the first byte waited
# for before renditions were streamed) and ffmpeg alone writing its first byte to a pipe (the floor
# of any TTFB on this machine at its current load). Each row REPEAT times (the cache emptied before (1), (2)).
#
# Usage: bench/audio-ttfb.sh         REPEAT=3, MINUTES=10, HEAP=512m
#   FFMPEG=path   the ffmpeg that generates the file; STAVE_JAR=... another build
# Needs curl, python3. Generated files live in a temporary folder, removed at the end.
set -euo pipefail

REPEAT="${REPEAT:-3}"
MINUTES="${MINUTES:-10}"
HEAP="${HEAP:-512m}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-ttfb-XXXXXX)"
DATA="$WORK/data"
LIB="$WORK/music"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

find_ffmpeg "$WORK"
print_machine
echo "ffmpeg: $FFMPEG"

SECS=$((MINUTES * 60))
mkdir -p "$LIB/Long/Long"
FLAC="$LIB/Long/Long/01 Long.flac"
"$FFMPEG" -hide_banner -loglevel error -nostdin -y -f lavfi \
  -i "anoisesrc=duration=$SECS:color=pink:amplitude=0.3" -f lavfi -i "sine=frequency=330:duration=$SECS" \
  -filter_complex amix=inputs=2 -ac 2 -ar 44100 -c:a flac \
  -metadata title=Long -metadata artist=Long -metadata album=Long "$FLAC"
echo "== source: $MINUTES min FLAC, $(($(stat -c %s "$FLAC") / 1024 / 1024)) MB"
"$JAVA" "-Xmx$HEAP" -jar "$JAR" scan "$LIB" --data "$DATA" --no-progress >"$WORK/scan.txt" 2>&1

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
"$JAVA" "-Xmx$HEAP" -jar "$JAR" serve --data "$DATA" --port "$PORT" --bind 127.0.0.1 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
await_health "$BASE" "$WORK/serve.log"

# Signed paths, made as UrlSigner makes them: base64url(HMAC-SHA256(key, path + "\n" + exp)).
signed() {
  python3 - "$DATA" "$1" <<'PY'
import base64, hashlib, hmac, sqlite3, sys, time
data, fmt = sys.argv[1:3]
key = base64.b64decode(open(f"{data}/audio-signing.key").read().strip())
exp = int(time.time()) + 6 * 3600
track = sqlite3.connect(f"{data}/stave.db").execute(
    "SELECT track_id FROM audio_files WHERE present = 1 AND codec = 'flac'").fetchone()[0]
path = f"/audio/track/{track}/{fmt}"
sig = base64.urlsafe_b64encode(hmac.new(key, f"{path}\n{exp}".encode(), hashlib.sha256).digest())
print(f"{path}?exp={exp}&sig={sig.decode().rstrip('=')}")
PY
}

# One GET: "code ttfb total bytes"; the body goes to $2.
fetch() {
  curl -s -o "$2" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$BASE$1"
}
row() { # label, "code ttfb total bytes"
  read -r code ttfb total bytes <<<"$2"
  printf "%-34s HTTP %s  TTFB %6.3f s  total %6.2f s  %6d KB\n" "$1" "$code" "$ttfb" "$total" $((bytes / 1024))
}
empty_cache() { rm -rf "$DATA/cache/audio"; }

echo "== ffmpeg alone, whole mp32 into a file (what the first byte waited for before streaming)"
for ((i = 1; i <= REPEAT; i++)); do
  t0=$(date +%s.%N)
  "$FFMPEG" -hide_banner -loglevel error -nostdin -y -i "file:$FLAC" -map 0:a:0 -vn \
    -c:a libmp3lame -q:a 2 -f mp3 "$WORK/alone.mp3"
  printf "%-34s %6.2f s\n" "ffmpeg mp32 run $i" "$(echo "$(date +%s.%N) - $t0" | bc)"
done

echo "== ffmpeg alone, first byte of mp32 on a pipe (the floor for any server's TTFB on this machine now)"
for ((i = 1; i <= REPEAT; i++)); do
  python3 - "$FFMPEG" "$FLAC" <<'PY'
import subprocess, sys, time
ffmpeg, flac = sys.argv[1:3]
t0 = time.monotonic()
p = subprocess.Popen([ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-i", "file:" + flac,
                      "-map", "0:a:0", "-map_metadata", "0", "-vn", "-c:a", "libmp3lame", "-q:a", "2",
                      "-f", "mp3", "pipe:1"], stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
first = p.stdout.read1(65536)
print("%-34s %6.3f s (%d bytes)" % ("ffmpeg first byte", time.monotonic() - t0, len(first)))
p.kill()
PY
done

echo "== (1) first request, nothing cached (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
for fmt in mp32 mp31 ogg; do
  path=$(signed "$fmt")
  for ((i = 1; i <= REPEAT; i++)); do
    empty_cache
    row "$fmt first request, run $i" "$(fetch "$path" "$WORK/first.$fmt")"
  done
done

echo "== (2) two concurrent requests for mp32: the second starts once the first's ffmpeg runs"
path=$(signed mp32)
for ((i = 1; i <= REPEAT; i++)); do
  empty_cache
  fetch "$path" "$WORK/a.mp3" >"$WORK/a.txt" &
  A=$!
  until compgen -G "$DATA/cache/audio/*.part" >/dev/null; do sleep 0.01; done
  row "mp32 second (joins), run $i" "$(fetch "$path" "$WORK/b.mp3")"
  wait "$A"
  row "mp32 first (concurrent), run $i" "$(cat "$WORK/a.txt")"
  cmp -s "$WORK/a.mp3" "$WORK/b.mp3" || echo "  the two bodies differ!"
  cmp -s "$WORK/a.mp3" "$DATA/cache/audio/"*-mp32.mp3 || echo "  the cached file differs from the stream!"
done
echo "transcodes started by the server: $(curl -s "$BASE/actuator/metrics/stave.audio.transcodes.started" | grep -oE '"value":[0-9.]+' | cut -d: -f2)"

echo "== (3) cached mp32"
for ((i = 1; i <= REPEAT; i++)); do
  row "mp32 cached, run $i" "$(fetch "$path" "$WORK/c.mp3")"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_server
