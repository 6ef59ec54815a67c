#!/usr/bin/env bash
# Benchmark: audio. (1) `stave scan` of a generated library of FILES short MP3s (default 5,000;
# 2 s each, tagged, 10 per album, 5 albums per artist) plus one 120 s FLAC: files/s for the first
# scan (probe, hash, catalog rows, waveform peaks) and for a rescan (nothing changed); (2) the
# transcode speed of the 120 s FLAC into each format, through the server, relative to real time;
# (3) concurrent streams of cached renditions: wrk over signed URLs of 100 tracks' ogg renditions
# (transcoded before the load, so wrk reads the cache), requests/s, MB/s, and the server's RSS.
#
# Usage: bench/audio.sh [FILES]
#   CONNECTIONS=64 THREADS=2 DURATION=20s   wrk settings; HEAP=512m for the server
#   SCAN_ONLY=1   stop after the two scans (no server, no wrk)
#   FFMPEG=path   the ffmpeg that generates the library (default: the one on PATH, else the one
#                 Stave extracted to ~/.cache/stave/ffmpeg); STAVE_JAR=... another build
# Needs wrk, curl, python3. Generated files live in a temporary folder, removed at the end.
set -euo pipefail

FILES="${1:-5000}"
HEAP="${HEAP:-512m}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
cd "$(dirname "$0")/.."

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-audio-XXXXXX)"
DATA="$WORK/data"
LIB="$WORK/music"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT

find_ffmpeg "$WORK"

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/{print $2}') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
echo "ffmpeg: $FFMPEG"

echo "== library: $FILES files of 2 s (MP3 128 kbps) + one 120 s FLAC in $LIB"
start=$(date +%s.%N)
PER_RUN=100
for ((base = 0; base < FILES; base += PER_RUN)); do
  args=(-hide_banner -loglevel error -nostdin -y -f lavfi -i "sine=frequency=$((200 + base / PER_RUN * 7)):duration=2")
  for ((i = base; i < base + PER_RUN && i < FILES; i++)); do
    artist=$((i / 50)); album=$((i / 10)); pos=$((i % 10 + 1))
    dir="$LIB/Artist $artist/Album $album"
    mkdir -p "$dir"
    args+=(-map 0:a -c:a libmp3lame -b:a 128k -metadata "title=Song $i" -metadata "artist=Artist $artist"
      -metadata "album=Album $album" -metadata "track=$pos" "$dir/$(printf %02d $pos) Song $i.mp3")
  done
  "$FFMPEG" "${args[@]}"
done
mkdir -p "$LIB/Long/Long"
"$FFMPEG" -hide_banner -loglevel error -nostdin -y -f lavfi \
  -i "anoisesrc=duration=120:color=pink:amplitude=0.3" -f lavfi -i "sine=frequency=330:duration=120" \
  -filter_complex amix=inputs=2 -ac 2 -ar 44100 -c:a flac \
  -metadata title=Long -metadata artist=Long -metadata album=Long "$LIB/Long/Long/01 Long.flac"
echo "generated in $(echo "$(date +%s.%N) - $start" | bc) s, $(du -sh "$LIB" | cut -f1)"

scan() {
  local label="$1"
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$WORK/scan-rss.txt" \
    "$JAVA" "-Xmx$HEAP" -jar "$JAR" scan "$LIB" --data "$DATA" --no-progress >"$WORK/scan-$label.txt" 2>"$WORK/scan-$label.err"
  t1=$(date +%s.%N)
  local n secs
  n=$((FILES + 1))
  secs=$(grep -oE 'in [0-9.]+ s' "$WORK/scan-$label.txt" | grep -oE '[0-9.]+')
  printf "%-8s %6d files  scan %7.1f s = %7.1f files/s   (process wall %.1f s, peak RSS %d MB)\n" \
    "$label" "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$t1 - $t0" | bc)" $(($(cat "$WORK/scan-rss.txt") / 1024))
  grep -E "added|unchanged|unreadable|waveforms|problems" "$WORK/scan-$label.txt" | sed 's/^ */         /'
}
echo "== scan (stave scan, -Xmx$HEAP; one JVM per run, times as stave reports them)"
echo "load average before the scans: $(cut -d' ' -f1-3 /proc/loadavg)"
scan first
scan rescan
echo "load average after the scans: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -n "${SCAN_ONLY:-}" ]] && exit 0

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "== serve (-Xmx$HEAP) on $BASE"
"$JAVA" "-Xmx$HEAP" -jar "$JAR" serve --data "$DATA" --port "$PORT" --bind 127.0.0.1 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 600); do
  curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$SERVE_PID" 2>/dev/null || { tail -30 "$WORK/serve.log"; exit 1; }
  sleep 0.1
done
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$SERVE_PID/status"; }
echo "server RSS after start: $(rss)"

# Signed URLs, made as UrlSigner makes them: base64url(HMAC-SHA256(key, path + "\n" + exp)).
python3 - "$DATA" "$WORK" <<'PY'
import base64, hashlib, hmac, json, sqlite3, sys, time
data, work = sys.argv[1:3]
key = base64.b64decode(open(f"{data}/audio-signing.key").read().strip())
exp = int(time.time()) + 6 * 3600
def signed(path):
    sig = base64.urlsafe_b64encode(hmac.new(key, f"{path}\n{exp}".encode(), hashlib.sha256).digest())
    return f"{path}?exp={exp}&sig={sig.decode().rstrip('=')}"
db = sqlite3.connect(f"{data}/stave.db")
rows = db.execute("SELECT track_id, codec FROM audio_files WHERE present = 1 ORDER BY track_id").fetchall()
long_id = [t for t, c in rows if c == "flac"][0]
short = [t for t, c in rows if c == "mp3"][:100]
with open(f"{work}/long.txt", "w") as f:
    for fmt in ["mp31", "mp32", "ogg", "flac"]:
        f.write(f"{fmt} {signed(f'/audio/track/{long_id}/{fmt}')}\n")
paths = [signed(f"/audio/track/{t}/ogg") for t in short]
with open(f"{work}/ogg.paths", "w") as f:
    f.write("\n".join(paths) + "\n")
with open(f"{work}/ogg.lua", "w") as f:
    f.write("local paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
    f.write("local n = 0\nrequest = function()\n  n = n + 1\n"
            "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n")
PY

echo "== transcode of the 120 s FLAC (first request of each format: ffmpeg runs, then the file is sent)"
while read -r fmt path; do
  out=$(curl -s -o "$WORK/out.$fmt" -w '%{http_code} %{time_total} %{size_download}' "$BASE$path")
  read -r code secs bytes <<<"$out"
  note=""; [[ "$fmt" == flac ]] && note=" — the original itself, no transcode"
  printf "%-5s HTTP %s  %6.2f s  = %5.1fx real time  (%d KB)%s\n" "$fmt" "$code" "$secs" "$(echo "120 / $secs" | bc -l)" $((bytes / 1024)) "$note"
done <"$WORK/long.txt"

echo "== warm the cache: ogg renditions of 100 two-second tracks"
t0=$(date +%s.%N)
while read -r path; do curl -fs -o /dev/null "$BASE$path"; done <"$WORK/ogg.paths"
echo "100 transcodes in $(printf %.1f "$(echo "$(date +%s.%N) - $t0" | bc)") s, $(du -sh "$DATA/cache/audio" | cut -f1) cached; server RSS $(rss)"

echo "== concurrent streams from the cache: wrk -t$THREADS -c$CONNECTIONS -d$DURATION (whole files)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$WORK/ogg.lua" "$BASE" >/dev/null 2>&1 || true
out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/ogg.lua" "$BASE")
echo "$out" | grep -E "Requests/sec|Transfer/sec|Non-2xx|50%|99%" | sed 's/^ */  /'
echo "server RSS after the load: $(rss); peak: $(awk '/VmHWM/ {printf "%d MB", $2/1024}' "/proc/$SERVE_PID/status")"
stop_server
