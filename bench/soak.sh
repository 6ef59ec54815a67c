#!/usr/bin/env bash
# Soak benchmark: DURATION seconds (default 600) of mixed load from both dialects on the
# 1,000,000-track demo catalog, on loopback: Jamendo reads (tracks by id, filters, search,
# autocomplete, similar, albums, artists, the user's own tracks), ReccoBeats reads (tracks, audio
# features, searches, recommendations), setuser writes with an OAuth access token (each followed
# by its undo, so the tables keep their size), audio streams (a first-time transcode every
# FRESH_EVERY seconds, cached renditions and originals otherwise) and uploads to
# POST /v1/analysis/audio-features. Closed-loop workers (bench/SoakLoad.java) for a bounded time
# and a bounded number of requests (MAX_REQUESTS).
#
# Every INTERVAL seconds it samples the server: requests/s per kind, heap used and heap live after
# GC (actuator), RSS and its anonymous part (/proc/PID/status), open file descriptors (/proc/PID/fd), live threads, ffmpeg
# children, waiting transcodes and the machine's load, into samples.csv; then plots them
# (bench/SoakPlot.java, Java2D) into PLOT (default docs/soak.png) and prints errors (must be 0)
# and heap/RSS/fd at the start and the end of the measured part (after WARMUP seconds).
#
# Usage: bench/soak.sh
#   DATA=dir        reuse (or create and keep) the 1M catalog in dir; otherwise a temporary one
#   TRACKS=1000000  catalog size when it is created;  FILES=100  audio files scanned into it
#   DURATION=600 WARMUP=120 INTERVAL=5 MAX_REQUESTS=2000000 FRESH_EVERY=2   load settings
#   HEAP=1g         the server's heap;  OUT=dir  keep samples.csv, errors.txt, the logs there
#   PLOT=docs/soak.png;  STAVE_JAR=...  another build;  FFMPEG=path  the ffmpeg that generates audio
# Needs python3 and curl (it installs nothing; it says what is missing).
set -euo pipefail

TRACKS="${TRACKS:-1000000}"
FILES="${FILES:-100}"
DURATION="${DURATION:-600}"
WARMUP="${WARMUP:-120}"
INTERVAL="${INTERVAL:-5}"
MAX_REQUESTS="${MAX_REQUESTS:-2000000}"
FRESH_EVERY="${FRESH_EVERY:-2}"
HEAP="${HEAP:-1g}"
cd "$(dirname "$0")/.."
PLOT="${PLOT:-docs/soak.png}"

missing=()
for tool in python3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
  exit 1
fi
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-soak-XXXXXX)"
DATA="${DATA:-$WORK/data}"
OUT="${OUT:-$WORK/out}"
mkdir -p "$OUT"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
find_ffmpeg "$WORK"

print_machine

if [[ ! -f "$DATA/stave.db" ]]; then
  echo "== catalog: stave demo --tracks $TRACKS into $DATA"
  "$JAVA" -Xmx1g -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA" 2>/dev/null | tail -2
fi

# Audio to stream: FILES stereo FLACs of 30 s (pink noise and a tone, 10 per album), scanned into
# the catalog; and a 20 s MP3 to upload. Renditions cached by an earlier run are removed, so the
# streams start with first-time transcodes.
LIB="$WORK/music"
echo "== audio: $FILES FLACs of 30 s in $LIB, scanned into the catalog"
for ((i = 0; i < FILES; i++)); do
  dir="$LIB/Soak Artist $((i / 20))/Soak Album $((i / 10))"
  mkdir -p "$dir"
  "$FFMPEG" -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "anoisesrc=duration=30:color=pink:amplitude=0.2:seed=$i" \
    -f lavfi -i "sine=frequency=$((220 + 5 * i)):duration=30" \
    -filter_complex amix=inputs=2 -ac 2 -ar 44100 -c:a flac \
    -metadata "title=Soak $i" -metadata "artist=Soak Artist $((i / 20))" \
    -metadata "album=Soak Album $((i / 10))" -metadata "track=$((i % 10 + 1))" \
    "$dir/$(printf %02d $((i % 10 + 1))) Soak $i.flac"
done
"$FFMPEG" -hide_banner -loglevel error -nostdin -y -f lavfi -i "sine=frequency=440:duration=20" \
  -f lavfi -i "anoisesrc=duration=20:amplitude=0.1" -filter_complex amix=inputs=2 \
  -c:a libmp3lame -b:a 128k "$WORK/upload.mp3"
"$JAVA" -Xmx512m -jar "$JAR" scan "$LIB" --data "$DATA" --no-progress 2>/dev/null | grep -E "added|unchanged" || true
rm -rf "$DATA/cache/audio"

# An app on the read-write plan, its limits lifted (one caller far over any app's rate: the
# limiter is measured counting, not refusing), and a user who grants it access.
APP_OUT=$("$JAVA" -jar "$JAR" apps create "soak $(date +%s)" --plan read-write \
  --redirect-uri http://localhost:1410/ --data "$DATA" 2>/dev/null)
CID=$(grep -oE 'Client id: [0-9a-f]+' <<<"$APP_OUT" | awk '{print $3}')
SECRET=$(grep -oE 'Client secret: [^ ]+' <<<"$APP_OUT" | awk '{print $3}')
[[ -n "$CID" && -n "$SECRET" ]] || { echo "could not create an app: $APP_OUT" >&2; exit 1; }
"$JAVA" -jar "$JAR" apps set-limits "$CID" --per-minute unlimited --monthly unlimited \
  --data "$DATA" >/dev/null 2>&1 || { echo "could not lift the app's limits" >&2; exit 1; }
SOAK_USER="soak$(date +%s)"
"$JAVA" -jar "$JAR" users create "$SOAK_USER" "$SOAK_USER@example.org" --password='soak soak soak' \
  --data "$DATA" >/dev/null 2>&1 || { echo "could not create a user" >&2; exit 1; }

PORT=$(free_port)
S="http://127.0.0.1:$PORT"
echo "== serve (-Xmx$HEAP) on $S"
"$JAVA" "-Xmx$HEAP" "-Xlog:gc:file=$OUT/gc.log:uptime" -jar "$JAR" serve --data "$DATA" \
  --port "$PORT" --bind 127.0.0.1 >"$OUT/serve.log" 2>&1 &
SERVE_PID=$!
await_health "$S" "$OUT/serve.log"

# The authorization-code flow as the README shows it, with curl.
CJ="$WORK/cookies"; C=(curl -s -c "$CJ" -b "$CJ")
"${C[@]}" -o /dev/null "$S/v3.0/oauth/authorize?client_id=$CID&redirect_uri=http://localhost:1410/&scope=music&response_type=code&state=soak"
CSRF=$("${C[@]}" "$S/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p')
NEXT=$("${C[@]}" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$SOAK_USER" \
  --data-urlencode 'password=soak soak soak' --data-urlencode "_csrf=$CSRF" "$S/login")
CONSENT=$("${C[@]}" -o /dev/null -w '%{redirect_url}' "$NEXT")
STATE=$("${C[@]}" "$CONSENT" | sed -n 's/.*name="state" value="\([^"]*\)".*/\1/p')
BACK=$("${C[@]}" -o /dev/null -w '%{redirect_url}' --data-urlencode "client_id=$CID" \
  --data-urlencode "state=$STATE" --data-urlencode scope=music "$S/v3.0/oauth/authorize")
CODE=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$BACK")
"${C[@]}" "$S/v3.0/oauth/grant" -d "client_id=$CID" -d "client_secret=$SECRET" \
  -d grant_type=authorization_code -d "code=$CODE" -d redirect_uri=http://localhost:1410/ |
  sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' >"$WORK/token.txt"
[[ -s "$WORK/token.txt" ]] || { echo "the OAuth flow gave no access token (code: '$CODE')" >&2; exit 1; }

# Request mixes: ids sampled across the catalog, its tags, words and prefixes, the scanned tracks'
# audio URLs as Jamendo hands them out (signed), and ReccoBeats UUIDs found through its search.
python3 - "$S" "$CID" "$WORK" "$DATA" <<'PY'
import json, random, sqlite3, sys, urllib.parse, urllib.request
base, cid, work, data = sys.argv[1:5]
rnd = random.Random(7)
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)
total = get(f"/v3.0/tracks?client_id={cid}&limit=1&fullcount=true")["headers"]["results_fullcount"]
tracks = []
for _ in range(10):
    off = rnd.randrange(0, max(1, min(total, 100000) - 200))
    tracks += get(f"/v3.0/tracks?client_id={cid}&limit=200&offset={off}&order=id")["results"]
ids = [t["id"] for t in tracks]
albums = sorted({t["album_id"] for t in tracks if t.get("album_id")})
artists = sorted({t["artist_id"] for t in tracks})
names = [w for t in tracks for w in t["name"].split() if len(w) > 3 and w.isalpha()]
tags = ["rock", "pop", "electronic", "ambient", "jazz", "classical", "hiphop", "metal", "folk"]
q = urllib.parse.quote
jamendo = []
for _ in range(300):
    jamendo += [
        f"/v3.0/tracks?client_id={cid}&id={rnd.choice(ids)}",
        f"/v3.0/tracks?client_id={cid}&tags={rnd.choice(tags)}&speed=medium&order=popularity_total&limit=10",
        f"/v3.0/tracks?client_id={cid}&search={q(rnd.choice(names))}&limit=10",
        f"/v3.0/autocomplete?client_id={cid}&prefix={q(rnd.choice(names)[:3].lower())}&limit=5",
        f"/v3.0/tracks/similar?client_id={cid}&id={rnd.choice(ids)}&limit=10",
        f"/v3.0/albums?client_id={cid}&id={rnd.choice(albums)}",
        f"/v3.0/artists/tracks?client_id={cid}&id={rnd.choice(artists)}&limit=10",
    ]
uuids = []
for w in rnd.sample(names, 40):
    page = get(f"/v1/track/search?searchText={q(w)}&size=10")
    uuids += [t["id"] for t in page.get("content", [])]
uuids = sorted(set(uuids))
assert uuids, "ReccoBeats search found no tracks"
recco = []
for _ in range(300):
    u = rnd.choice(uuids)
    recco += [
        f"/v1/track/{u}",
        f"/v1/track?ids={','.join(rnd.sample(uuids, min(5, len(uuids))))}",
        f"/v1/track/{u}/audio-features",
        f"/v1/track/search?searchText={q(rnd.choice(names))}&size=10",
        f"/v1/track/recommendation?seeds={u}&size=10",
    ]
writes = []
for i in range(200):
    t, al, ar = rnd.choice(ids), rnd.choice(albums), rnd.choice(artists)
    for do, undo, param, target in [("favorite", "unfavorite", "track_id", t),
                                    ("like", "unlike", "track_id", t),
                                    ("fan", "unfan", "artist_id", ar),
                                    ("myalbum", "unmyalbum", "album_id", al)]:
        writes.append(f"/v3.0/setuser/{do}?client_id={cid}&{param}={target}")
        writes.append(f"/v3.0/setuser/{undo}?client_id={cid}&{param}={target}")
token = open(f"{work}/token.txt").read().strip()
jamendo += [f"/v3.0/users/tracks?client_id={cid}&access_token={token}&relation=favorite"] * 50
db = sqlite3.connect(f"{data}/stave.db")
scanned = [r[0] for r in db.execute("SELECT track_id FROM audio_files WHERE present = 1")]
streams = []
for tid in scanned:
    for fmt in ["mp31", "mp32", "ogg", "flac"]:
        t = get(f"/v3.0/tracks?client_id={cid}&id={tid}&audioformat={fmt}")["results"][0]
        url = urllib.parse.urlsplit(t["audio"])
        streams.append(url.path + "?" + url.query)
for name, paths in [("jamendo", jamendo), ("reccobeats", recco), ("writes", writes),
                    ("streams", streams)]:
    with open(f"{work}/{name}.paths", "w") as f:
        f.write("\n".join(paths) + "\n")
print(f"catalog: {total:,} tracks; {len(ids)} sampled ids, {len(uuids)} ReccoBeats UUIDs, "
      f"{len(scanned)} tracks with audio ({len(streams)} stream URLs)")
PY

echo "== soak: ${DURATION}s, warm-up ${WARMUP}s, sample every ${INTERVAL}s, at most $MAX_REQUESTS requests"
echo "load before the soak: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Dduration="$DURATION" -Dinterval="$INTERVAL" -DmaxRequests="$MAX_REQUESTS" \
  -DfreshEvery="$FRESH_EVERY" bench/SoakLoad.java "$WORK" "$S" "$SERVE_PID" >"$OUT/load.log"
cp "$WORK/samples.csv" "$WORK/errors.txt" "$WORK/summary.txt" "$OUT/"
echo "load after the soak: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$OUT/summary.txt"
if [[ -s "$OUT/errors.txt" ]]; then
  echo "first errors:"; head -5 "$OUT/errors.txt"
fi

echo "== start vs end of the measured part (mean of the first and the last minute after ${WARMUP}s)"
awk -F, -v warm="$WARMUP" -v dur="$DURATION" '
  NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  $1 >= warm && $1 < warm + 60 { n1++; for (i = 1; i <= NF; i++) s1[i] += $i }
  $1 >= dur - 60 { n2++; for (i = 1; i <= NF; i++) s2[i] += $i }
  END {
    split("heap_used_mb heap_live_mb rss_mb rss_anon_mb fds threads load1", names, " ")
    printf "%-14s %10s %10s\n", "", "start", "end"
    for (j = 1; j <= 7; j++) { c = col[names[j]]
      printf "%-14s %10.1f %10.1f\n", names[j], s1[c] / n1, s2[c] / n2 }
  }' "$OUT/samples.csv"
# Heap after each collection, from the unified GC log ("... 512M->123M(1024M) ..."): the lowest
# point of each minute is the live set, which must not grow.
echo "heap after GC, lowest in each minute of the server's uptime (minute:MB):" $(
  grep -E '^\[[0-9.]+s\].*[0-9]+M->[0-9]+M' "$OUT/gc.log" |
    sed -E 's/^\[([0-9.]+)s\].* [0-9]+M->([0-9]+)M.*/\1 \2/' |
    awk '{ m = int($1 / 60); if (!(m in lo) || $2 < lo[m]) lo[m] = $2; if (m > last) last = m }
         END { for (i = 0; i <= last; i++) if (i in lo) printf "%d:%d ", i, lo[i] }')
"$JAVA" bench/SoakPlot.java "$OUT/samples.csv" "$PLOT" "$WARMUP" \
  "Stave soak: $(nproc) cores, ${DURATION}s mixed load, $TRACKS-track catalog, $(date -u +%Y-%m-%d)"
echo "plot: $PLOT; samples and logs: $OUT"
