#!/usr/bin/env bash
# Benchmark: the Subsonic dialect's heavy reads on a demo catalog (default 1,000,000 tracks), as a
# player calls them: search3 (words sampled from the catalog; and the empty query a library sync
# pages through), getAlbumList2 of several types, and getArtists / getIndexes (the whole artist
# index, first call and cached), next to `ping` of the same server as the baseline, in one run.
#
# Usage: bench/subsonic-load.sh [TRACKS]
#   DATA=dir   reuse (or create and keep) the catalog in dir; otherwise a temporary one
#   N=400      requests per query family; HEAP=2g for the server; STAVE_JAR=... another build
# The in-process figures (no HTTP) come from SubsonicQueryBenchmark:
#   ./mvnw test -Dtest=SubsonicQueryBenchmark -Dstave.bench=true -Dstave.bench.data-dir=COPY_OF_DATA
# One caller at a time (no queueing): the figures are what one request costs the server, p50 and
# p99 per family and p50 as a ratio to ping's. Targets (issue 16): search3 and getAlbumList2
# p99 < 50 ms, getArtists/getIndexes on 66,000 artists < 1 s and cached until the catalog changes.
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-2g}"
N="${N:-400}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-subsonic-XXXXXX)"
DATA="${DATA:-$WORK/data}"
cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
print_machine

if [[ ! -f "$DATA/stave.db" ]]; then
  echo "== catalog: stave demo --tracks $TRACKS into $DATA"
  "$JAVA" -Xmx1g -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA" 2>/dev/null | tail -2
fi
"$JAVA" -jar "$JAR" users create subsonicbench bench@example.org --password=bench-password-1 \
  --data "$DATA" >/dev/null 2>&1 || true
API_KEY=$("$JAVA" -jar "$JAR" users subsonic-api-key subsonicbench --data "$DATA" 2>/dev/null |
  grep -oE 'stv_[0-9a-f]{64}' | head -1)
[[ -n "$API_KEY" ]] || { echo "could not create an API key" >&2; exit 1; }

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
echo "== serve (-Xmx$HEAP) on $BASE"
# one caller far over an account's per-minute limit: lift it, so the limiter counts, not refuses
STAVE_LIMITS_APP_PER_MINUTE=0 "$JAVA" "-Xmx$HEAP" -jar "$JAR" serve --data "$DATA" --port "$PORT" \
  --bind 127.0.0.1 >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
await_health "$BASE" "$WORK/serve.log"

python3 - "$BASE" "$API_KEY" "$N" <<'PY'
import json, random, statistics, sys, time, urllib.parse, urllib.request
base, key, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
rnd = random.Random(16)
auth = f"apiKey={key}&v=1.16.1&c=bench&f=json"
def call(method, query=""):
    t = time.perf_counter()
    with urllib.request.urlopen(f"{base}/rest/{method}?{auth}{query}") as r:
        body = json.load(r)["subsonic-response"]
    ms = (time.perf_counter() - t) * 1000
    assert body["status"] == "ok", body
    return ms, body
first, artists = call("getArtists")
count = sum(len(i["artist"]) for i in artists["artists"]["index"])
second, _ = call("getArtists")
idx, _ = call("getIndexes")
print(f"getArtists: {count} artists, first call {first:.0f} ms (the server builds the index in the background at start-up), then {second:.0f} ms (cached); getIndexes {idx:.0f} ms")
words = []
for _ in range(10):
    _, page = call("search3", f"&query=&artistCount=0&albumCount=0&songCount=200&songOffset={rnd.randrange(0, 90000)}")
    words += [w for s in page["searchResult3"].get("song", []) for w in s["title"].split() if len(w) > 3]
genres = [g["value"] for g in call("getGenres")[1]["genres"]["genre"]][:20] or ["rock"]
songs = call("getScanStatus")[1]["scanStatus"]["count"]
families = {
    "ping": lambda: "",
    "search3 word": lambda: "&query=" + urllib.parse.quote(rnd.choice(words)),
    "search3 empty (sync page)": lambda: f"&query=&songCount=100&songOffset={rnd.randrange(0, 90000)}",
    "search3 empty (any page to the end)": lambda: f"&query=&artistCount=0&albumCount=0&songCount=500&songOffset={rnd.randrange(0, max(1, songs - 500))}",
    "getAlbumList2 newest": lambda: f"&type=newest&size=50&offset={rnd.randrange(0, 5000)}",
    "getAlbumList2 alphabeticalByName": lambda: f"&type=alphabeticalByName&size=50&offset={rnd.randrange(0, 5000)}",
    "getAlbumList2 random": lambda: "&type=random&size=20",
    "getAlbumList2 alphabeticalByArtist": lambda: f"&type=alphabeticalByArtist&size=50&offset={rnd.randrange(0, 5000)}",
    "getAlbumList2 byGenre": lambda: "&type=byGenre&size=50&genre=" + urllib.parse.quote(rnd.choice(genres)),
    "getAlbumList2 byYear": lambda: (lambda y: f"&type=byYear&size=50&fromYear={y}&toYear={y + 2}")(rnd.randrange(2005, 2024)),
    "getRandomSongs genre": lambda: "&size=50&genre=" + urllib.parse.quote(rnd.choice(genres)),
}
method = {k: k.split()[0] for k in families}
results = {}
for name, q in families.items():
    for _ in range(20):
        call(method[name], q())  # warm-up
    times = sorted(call(method[name], q())[0] for _ in range(n))
    results[name] = (statistics.median(times), times[int(len(times) * 0.99) - 1])
base_p50 = results["ping"][0]
print(f"{'family':36} {'p50 ms':>8} {'p99 ms':>8} {'p50/ping':>9}")
for name, (p50, p99) in results.items():
    print(f"{name:36} {p50:8.2f} {p99:8.2f} {p50 / base_p50:9.1f}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
