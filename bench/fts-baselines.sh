#!/usr/bin/env bash
# Benchmark (issue 15 item 3): the same `search=` words answered by Stave over HTTP, by PostgreSQL
# full-text search and by SQLite FTS5, on the same demo catalog, at 2 and at 16 concurrent callers,
# in one run, so that the ratios need not be taken on trust.
#
#   Stave       GET /v3.0/tracks?search=WORD&limit=10&fullcount=true (album tracks, the default),
#               closed loop (bench/OpenLoad.java closed N)
#   PostgreSQL  a tsvector over each album track's name, all its artists' names, its album's name
#               and its tags ('simple' configuration: no stemming, as Stave's index), a GIN index,
#               plainto_tsquery, ts_rank, top 10 with the exact count of matches; driven by pgbench
#               -c N -j N with a per-transaction log for the p50
#   SQLite      an FTS5 table over the same text, bm25, top 10 and the count; driven by N Python
#               processes, each with its own connection, in a closed loop (the closest thing to
#               pgbench for an embedded database)
#
# Same totals: the issue asks the baselines to return "the same totals Stave returns", so the run
# also counts the matches of every distinct word in each engine (Stave's fullcount, PostgreSQL's
# count of tsv @@ plainto_tsquery, FTS5's count(*) MATCH) and prints the words whose totals differ,
# by how much. Why they can differ at all — each engine cuts and folds words its own way:
#   Stave       Lucene's StandardTokenizer (Unicode word boundaries: "don't", "1.5" and "a.b" stay
#               one token), lower case, ASCII folding ("é" -> "e", "ß" -> "ss", "æ" -> "ae")
#   PostgreSQL  the 'simple' configuration: its own parser (an apostrophe splits "don't" into "don"
#               and "t"; "x-ray" is indexed as "x-ray", "x" and "ray"), lower case, NO accent
#               folding ("café" does not match "cafe"; the unaccent extension would be needed)
#   SQLite      unicode61 with remove_diacritics 2: every character that is not a letter or digit
#               separates tokens (apostrophes, dots, hyphens), lower case, diacritics removed
#               ("é" -> "e") but no expansion ("ß" and "æ" stay as they are)
# A word of several tokens is an AND of them in all three (plainto_tsquery's &, FTS5's phrase of
# quoted tokens is a sequence: tokens must be adjacent there, so FTS5 can only count fewer).
#
# Usage: bench/fts-baselines.sh [TRACKS]
#   DATA=dir       reuse (or create and keep) the catalog in dir; otherwise a temporary one
#   FTS_WORK=dir   keep the baselines (the words, the documents, the FTS5 database, the PostgreSQL
#                  cluster and each engine's totals) in dir and reuse them in a later run: at 10M
#                  tracks they take the best part of an hour to build, the measurement minutes
#   PREPARE_ONLY=1 build the baselines in FTS_WORK and stop (no server, nothing timed): the heavy
#                  part can run on a busy machine, the timed part later on a quiet one
#   DURATION=20    seconds per measurement; HEAP=2g the server's heap; STAVE_JAR=... another build
# Order: everything is prepared first, then the three engines are timed back to back (Stave at 2
# and 16 callers, SQLite FTS5, PostgreSQL), so that they see the same machine.
# The words: 500 draws (seed 7) from the words longer than three letters of the names of 2,000
# tracks at ten random places among the first 100,000 tracks by id, read from the catalog store
# (the way bench/jamendo-setup.sh samples its search mix over HTTP, without needing a server).
# Needs psql, pgbench and PostgreSQL's server binaries (Debian postgresql-15; initdb/pg_ctl found on
# PATH or under /usr/lib/postgresql/*/bin), python3. As root, PostgreSQL runs as the unprivileged
# `postgres` account (setpriv), as the test support does (design.md §2).
set -euo pipefail

TRACKS="${1:-1000000}"
HEAP="${HEAP:-2g}"
DURATION="${DURATION:-20}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)")"
[[ -x "$PG_BIN/pg_ctl" ]] || PG_BIN="$(dirname "$(command -v pg_ctl)")"
[[ -x "$PG_BIN/pg_ctl" ]] || { echo "no PostgreSQL server binaries (apt-get install postgresql)" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is not installed" >&2; exit 1; }
HDR_VERSION=2.2.2
HDR_JAR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/$HDR_VERSION/HdrHistogram-$HDR_VERSION.jar"
[[ -f "$HDR_JAR" ]] || ./mvnw -B -q dependency:get -Dartifact="org.hdrhistogram:HdrHistogram:$HDR_VERSION" >/dev/null

WORK="$(mktemp -d -t stave-fts-XXXXXX)"
chmod 755 "$WORK"
DATA="${DATA:-$WORK/data}"
[[ -n "${PREPARE_ONLY:-}" && -z "${FTS_WORK:-}" ]] && { echo "PREPARE_ONLY needs FTS_WORK" >&2; exit 1; }
KEPT="${FTS_WORK:-$WORK}" # what is worth keeping between runs
mkdir -p "$KEPT" && chmod 755 "$KEPT"
PGDATA="$KEPT/pg"
as_pg() { if [[ $(id -u) -eq 0 ]]; then setpriv --reuid=postgres --regid=postgres --clear-groups -- "$@"; else "$@"; fi; }
cleanup() {
  stop_server
  [[ -f "$PGDATA/postmaster.pid" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

print_machine
"$PG_BIN/postgres" --version; python3 -c 'import sqlite3; print("SQLite", sqlite3.sqlite_version)'
if [[ ! -f "$DATA/stave.db" ]]; then
  echo "== catalog: stave demo --tracks $TRACKS into $DATA"
  "$JAVA" -Xmx1g -jar "$JAR" demo --tracks "$TRACKS" --data "$DATA" 2>/dev/null | tail -2
fi
echo "== baselines in $KEPT ($([[ -n "${FTS_WORK:-}" ]] && echo "kept for a later run" || echo "deleted at the end"))"
# Kept baselines belong to one catalog: timing them against another would compare different words.
CATALOG="$(realpath "$DATA")"
if [[ -f "$KEPT/catalog" && "$(cat "$KEPT/catalog")" != "$CATALOG" ]]; then
  echo "$KEPT holds the baselines of $(cat "$KEPT/catalog"), not of $CATALOG: use another FTS_WORK" >&2
  exit 1
fi
echo "$CATALOG" >"$KEPT/catalog"

if [[ ! -s "$KEPT/words.txt" ]]; then
  python3 - "$DATA/stave.db" "$KEPT" <<'PY' # the words of the search mix, one a line
import random, sqlite3, sys
db, kept = sys.argv[1:3]
rnd = random.Random(7)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
total = con.execute("SELECT count(*) FROM tracks").fetchone()[0]
names = []
for _ in range(10):
    off = rnd.randrange(0, max(1, min(total, 100000) - 200))
    names += [w for (n,) in con.execute("SELECT name FROM tracks ORDER BY id LIMIT 200 OFFSET ?", (off,))
              for w in n.split() if len(w) > 3]
with open(f"{kept}/words.txt", "w", encoding="utf-8") as out:
    out.write("".join(rnd.choice(names) + "\n" for _ in range(500)))
PY
fi
sort -u "$KEPT/words.txt" >"$WORK/distinct-words.txt"
echo "words: $(wc -l <"$KEPT/words.txt") ($(wc -l <"$WORK/distinct-words.txt") distinct)"

if [[ ! -f "$KEPT/docs.done" ]]; then
  echo "== the documents: album tracks with their artists' names, album name and tags"
  sqlite3 -readonly "$DATA/stave.db" >"$KEPT/docs.tsv" <<'SQL'
.mode tabs
.headers off
SELECT t.id,
       replace(replace(t.name || ' ' || coalesce(al.name, '') || ' '
         || coalesce((SELECT group_concat(ar.name, ' ') FROM track_artists ta
                      JOIN artists ar ON ar.id = ta.artist_id WHERE ta.track_id = t.id), '') || ' '
         || coalesce((SELECT group_concat(tg.tag, ' ') FROM track_tags tg
                      WHERE tg.track_id = t.id), ''), char(9), ' '), char(10), ' ')
FROM tracks t JOIN albums al ON al.id = t.album_id;
SQL
  touch "$KEPT/docs.done"
fi
echo "documents: $(wc -l <"$KEPT/docs.tsv")"

if [[ ! -f "$KEPT/fts.done" ]]; then
  echo "== SQLite FTS5: load ($(date -u +%H:%M:%S))"
  rm -f "$KEPT/fts.db"
  python3 - "$KEPT" <<'PY'
import sqlite3, sys
kept = sys.argv[1]
db = sqlite3.connect(f"{kept}/fts.db")
db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
with open(f"{kept}/docs.tsv", encoding="utf-8") as f:
    db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)",
                   (l.rstrip("\n").split("\t", 1) for l in f))
db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
db.commit()
PY
  touch "$KEPT/fts.done"
fi
[[ -s "$KEPT/totals-sqlite.tsv" ]] || python3 - "$KEPT" "$WORK" <<'PY' # FTS5's total for each distinct word
import sqlite3, sys
kept, work = sys.argv[1:3]
db = sqlite3.connect(f"file:{kept}/fts.db?mode=ro", uri=True)
with open(f"{kept}/totals-sqlite.tsv", "w", encoding="utf-8") as out:
    for w in open(f"{work}/distinct-words.txt", encoding="utf-8").read().split("\n"):
        if w:
            m = " ".join('"' + t.replace('"', '""') + '"' for t in w.split())
            try:
                total = db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (m,)).fetchone()[0]
            except sqlite3.OperationalError:  # a word FTS5 cannot parse as a query
                total = -1
            out.write(f"{w}\t{total}\n")
PY

echo "== PostgreSQL full-text search ($(date -u +%H:%M:%S))"
if [[ ! -f "$KEPT/pg.done" ]]; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" 2>/dev/null || true
  chmod 700 "$PGDATA"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U bench --auth=trust -E UTF8 >/dev/null
fi
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w -t 600 \
  -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=40 -c maintenance_work_mem=1GB" start >/dev/null
export PGHOST=127.0.0.1 PGPORT PGUSER=bench PGDATABASE=postgres
if [[ ! -f "$KEPT/pg.done" ]]; then
  # tsv is a stored generated column: computed once as COPY writes each row (an UPDATE afterwards
  # would write every row a second time).
  psql -q -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE docs (id bigint PRIMARY KEY, body text NOT NULL,
                   tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
\copy docs (id, body) FROM '$KEPT/docs.tsv' WITH (FORMAT text)
CREATE INDEX docs_tsv ON docs USING gin (tsv);
CREATE TABLE words (i int PRIMARY KEY, word text NOT NULL);
SQL
  python3 -c '
import sys
for i, w in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\n")):
    if w: print(f"{i + 1}\t{w}")' "$KEPT/words.txt" >"$KEPT/words.tsv"
  psql -q -v ON_ERROR_STOP=1 -c "\\copy words FROM '$KEPT/words.tsv'" -c "VACUUM ANALYZE"
  touch "$KEPT/pg.done"
fi
# (minutes at 10M: every match of every distinct word is counted, so it is kept with the rest)
[[ -s "$KEPT/totals-pg.tsv" ]] || psql -At -F $'\t' -v ON_ERROR_STOP=1 -c "SELECT w.word,
  (SELECT count(*) FROM docs d WHERE d.tsv @@ plainto_tsquery('simple', w.word))
  FROM (SELECT DISTINCT word FROM words) w" >"$KEPT/totals-pg.tsv"
echo "prepared ($(date -u +%H:%M:%S)); sizes: $(du -sh "$KEPT/fts.db" | cut -f1) FTS5, $(du -sh "$PGDATA" | cut -f1) PostgreSQL"
if [[ -n "${PREPARE_ONLY:-}" ]]; then
  echo "PREPARE_ONLY: the baselines are in $KEPT; run again without PREPARE_ONLY to time them"
  exit 0
fi

echo "== Stave over HTTP"
# shellcheck source=jamendo-setup.sh
. bench/jamendo-setup.sh
python3 -c '
import sys, urllib.parse
cid = sys.argv[2]
for w in open(sys.argv[1], encoding="utf-8").read().split("\n"):
    if w:
        q = urllib.parse.urlencode({"client_id": cid, "search": w, "limit": 10, "fullcount": "true"})
        print(f"/v3.0/tracks?{q}")' "$KEPT/words.txt" "$CLIENT_ID" >"$WORK/stave-search.paths"
mkdir -p "$WORK/loadgen"
"$JAVA_HOME/bin/javac" -d "$WORK/loadgen" -cp "$HDR_JAR" bench/OpenLoad.java
declare -A RESULT
for n in 2 16; do
  out=$("$JAVA" -Xmx512m -cp "$WORK/loadgen:$HDR_JAR" OpenLoad "$BASE" "$WORK/stave-search.paths" \
    closed "$n" "$DURATION" "$DURATION")
  RESULT[stave,$n]=$(sed -E 's/.*: ([0-9.]+) req\/s, p50 ([0-9.]+).*/\1 \2/' <<<"$out")
done
python3 - "$BASE" "$CLIENT_ID" "$WORK" <<'PY' # Stave's total for each distinct word
import json, sys, urllib.parse, urllib.request
base, cid, work = sys.argv[1:4]
with open(f"{work}/totals-stave.tsv", "w", encoding="utf-8") as out:
    for w in open(f"{work}/distinct-words.txt", encoding="utf-8").read().split("\n"):
        if w:
            q = urllib.parse.urlencode({"client_id": cid, "search": w, "limit": 1, "fullcount": "true"})
            with urllib.request.urlopen(f"{base}/v3.0/tracks?{q}") as r:
                out.write(f"{w}\t{json.load(r)['headers']['results_fullcount']}\n")
PY
stop_server

echo "== SQLite FTS5"
for n in 2 16; do
  RESULT[sqlite,$n]=$(python3 - "$KEPT" "$n" "$DURATION" <<'PY'
import multiprocessing as mp, sqlite3, sys, time
kept, n, duration = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
words = [w for w in open(f"{kept}/words.txt", encoding="utf-8").read().split("\n") if w]
def fts(word):  # an FTS5 phrase of the word's tokens, as plainto_tsquery makes an AND of them
    return " ".join('"' + t.replace('"', '""') + '"' for t in word.split())
def worker(k, end, q):
    db = sqlite3.connect(f"file:{kept}/fts.db?mode=ro", uri=True)
    lat, i = [], k
    while time.monotonic() < end:
        m = fts(words[i % len(words)]); i += n
        t0 = time.perf_counter()
        db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (m,)).fetchall()
        db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (m,)).fetchone()
        lat.append(time.perf_counter() - t0)
    q.put(lat)
def run(seconds):
    q = mp.Queue(); end = time.monotonic() + seconds
    ps = [mp.Process(target=worker, args=(k, end, q)) for k in range(n)]
    [p.start() for p in ps]; lat = [x for _ in ps for x in q.get()]; [p.join() for p in ps]
    return lat
run(min(5, duration))  # warm the page cache
lat = sorted(run(duration))
print(f"{len(lat) / duration:.1f} {lat[len(lat) // 2] * 1000:.2f}")
PY
)
done

echo "== PostgreSQL"
NWORDS=$(wc -l <"$KEPT/words.tsv")
cat >"$WORK/search.sql" <<SQL
\set i random(1, $NWORDS)
WITH q AS (SELECT plainto_tsquery('simple', word) AS q FROM words WHERE i = :i),
     hits AS (SELECT d.id, ts_rank(d.tsv, q.q) AS rank FROM docs d, q WHERE d.tsv @@ q.q)
SELECT (SELECT count(*) FROM hits) AS total, id FROM hits ORDER BY rank DESC LIMIT 10;
SQL
for n in 2 16; do
  pgbench -n -c "$n" -j "$n" -T 5 -f "$WORK/search.sql" >/dev/null 2>&1 # warm-up
  (cd "$WORK" && rm -f pgbench_log.* && pgbench -n -c "$n" -j "$n" -T "$DURATION" -l \
    -f "$WORK/search.sql" >"$WORK/pgbench-$n.txt" 2>&1)
  tps=$(awk '/^tps/ {print $3; exit}' "$WORK/pgbench-$n.txt")
  p50=$(cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int(NR/2)+1]/1000}')
  RESULT[pg,$n]="$(printf '%.1f' "$tps") $p50"
done
echo "== searches/s and p50 (ms) for the same words, same catalog, same run"
printf "%-22s %14s %10s %14s %10s %16s\n" engine "2 callers/s" "p50" "16 callers/s" "p50" "Stave ÷ it (16)"
for e in stave pg sqlite; do
  read -r r2 p2 <<<"${RESULT[$e,2]}"
  read -r r16 p16 <<<"${RESULT[$e,16]}"
  read -r s16 _ <<<"${RESULT[stave,16]}"
  name=Stave; [[ $e == pg ]] && name="PostgreSQL FTS"; [[ $e == sqlite ]] && name="SQLite FTS5"
  printf "%-22s %14s %10s %14s %10s %16s\n" "$name" "$r2" "$p2" "$r16" "$p16" \
    "$(awk -v s="$s16" -v r="$r16" 'BEGIN { if (r > 0) printf "x%.1f", s / r }')"
done
echo "== the same totals? (each distinct word counted by every engine; why they may differ: see the"
echo "   head of this script)"
python3 - "$WORK" "$KEPT" <<'PY'
import sys
work, kept = sys.argv[1:3]
def totals(folder, name):
    out = {}
    for line in open(f"{folder}/totals-{name}.tsv", encoding="utf-8"):
        w, _, n = line.rstrip("\n").rpartition("\t")
        out[w] = int(n)
    return out
stave, pg, lite = totals(work, "stave"), totals(kept, "pg"), totals(kept, "sqlite")
differ = [(w, stave[w], pg.get(w, -1), lite.get(w, -1)) for w in sorted(stave)
          if not stave[w] == pg.get(w) == lite.get(w)]
print(f"{len(stave) - len(differ)} of {len(stave)} distinct words have the same total in all three")
if differ:
    print(f"{'word':<24} {'Stave':>9} {'PostgreSQL (diff)':>20} {'SQLite FTS5 (diff)':>20}")
    for w, s, p, q in sorted(differ, key=lambda d: -max(abs(d[2] - d[1]), abs(d[3] - d[1]))):
        print(f"{w[:24]:<24} {s:>9} {p:>10} ({p - s:+7}) {q:>10} ({q - s:+7})")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
