# Shared part of bench/jamendo-load.sh and bench/open-load.sh (sourced from the repository root,
# after common.sh, with JAVA, JAR, WORK, DATA, TRACKS and HEAP set): creates the demo catalog in
# DATA when it is not there, an app without limits (CLIENT_ID), starts the server (SERVE_PID,
# BASE; under `taskset -c $SERVER_CPUS` when that is set) and writes the request mixes as
# WORK/<mix>.paths and WORK/<mix>.lua (for wrk).
if [[ ! -f "$DATA/stave.db" ]]; then
  echo "== catalog: stave demo --tracks $TRACKS into $DATA"
  "$JAVA" -Xmx1g -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA" 2>/dev/null | tail -2
fi
CLIENT_ID=$("$JAVA" -jar "$JAR" apps create load-bench --data "$DATA" 2>/dev/null |
  grep -oE '[0-9a-f]{32}' | head -1)
[[ -n "$CLIENT_ID" ]] || { echo "could not create an app" >&2; exit 1; }
# wrk is one caller (loopback is exempt from the per-address limits) far over any app's rate:
# lift this app's limits, so the limiter is measured counting, not refusing.
"$JAVA" -jar "$JAR" apps set-limits "$CLIENT_ID" --per-minute unlimited --monthly unlimited \
  --data "$DATA" >/dev/null 2>&1 || { echo "could not lift the bench app's limits" >&2; exit 1; }

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "== serve (-Xmx$HEAP) on $BASE"
${SERVER_CPUS:+taskset -c "$SERVER_CPUS"} "$JAVA" "-Xmx$HEAP" ${SERVER_JAVA_OPTS:-} -jar "$JAR" serve --data "$DATA" --port "$PORT" --bind 127.0.0.1 \
  >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 6000); do # an index rebuild after a schema change can take minutes
  curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$SERVE_PID" 2>/dev/null || { tail -30 "$WORK/serve.log"; exit 1; }
  sleep 0.1
done

# Request mixes: real ids sampled across the catalog, common tags, words and prefixes.
python3 - "$BASE" "$CLIENT_ID" "$WORK" "$DATA/stave.db" <<'PY'
import json, random, sqlite3, sys, urllib.request
base, cid, work, db = sys.argv[1:5]
rnd = random.Random(7)
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)
total = get(f"/v3.0/tracks?client_id={cid}&limit=1&fullcount=true")["headers"]["results_fullcount"]
ids, names = [], []
for _ in range(10):
    off = rnd.randrange(0, max(1, min(total, 100000) - 200))
    res = get(f"/v3.0/tracks?client_id={cid}&limit=200&offset={off}&order=id")["results"]
    ids += [t["id"] for t in res]
    names += [w for t in res for w in t["name"].split() if len(w) > 3]
tags = ["rock", "pop", "electronic", "ambient", "jazz", "classical", "hiphop", "metal",
        "folk", "soundtrack", "lounge", "world"]
speeds = ["low", "medium", "high"]
def recommendation_seeds(track_ids):
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        # The Jamendo dialect writes ids as strings, SQLite hands them back as integers.
        uuid = {str(i): u for i, u in con.execute(
            f"select id, uuid from tracks where id in ({','.join(map(str, track_ids))})")}
    known = [uuid[str(i)] for i in track_ids if str(i) in uuid]
    return [",".join(rnd.sample(known, rnd.choice([1, 2]))) for _ in range(len(known))]
mixes = {
  "tracks_by_id": [f"/v3.0/tracks?client_id={cid}&id={i}" for i in ids],
  "tag_musicinfo_popularity": [
      f"/v3.0/tracks?client_id={cid}&tags={rnd.choice(tags)}&vocalinstrumental=instrumental"
      f"&speed={rnd.choice(speeds)}&order=popularity_total&limit=10" for _ in range(500)],
  "search": [f"/v3.0/tracks?client_id={cid}&search={rnd.choice(names)}&limit=10"
             for _ in range(500)],
  "autocomplete": [f"/v3.0/autocomplete?client_id={cid}&prefix={rnd.choice(names)[:3].lower()}"
                   f"&limit=5" for _ in range(500)],
  "similar": [f"/v3.0/tracks/similar?client_id={cid}&id={i}&limit=10" for i in ids[:500]],
  # The ReccoBeats dialect names tracks by UUID: one or two of the same sampled tracks as seeds.
  "recommendation": [f"/v1/track/recommendation?seeds={s}&size=10"
                     for s in recommendation_seeds(ids[:500])],
  "trivial": ["/actuator/health/liveness"],
}
for name, paths in mixes.items():
    with open(f"{work}/{name}.lua", "w") as f:
        f.write("local paths = {\n" + ",\n".join(json.dumps(p) for p in paths) + "\n}\n")
        f.write("local n = 0\nrequest = function()\n  n = n + 1\n"
                "  return wrk.format('GET', paths[(n % #paths) + 1])\nend\n")
    with open(f"{work}/{name}.paths", "w") as f:
        f.write("\n".join(paths) + "\n")
print(f"catalog: {total:,} tracks; sampled {len(ids)} ids")
PY
if [[ -n "${KEEP_PATHS:-}" ]]; then # for a later in-process run (JamendoQueryBenchmark)
  mkdir -p "$KEEP_PATHS" && cp "$WORK"/*.paths "$KEEP_PATHS"/
fi
