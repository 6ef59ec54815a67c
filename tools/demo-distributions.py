#!/usr/bin/env python3
"""Derives the summary statistics the demo catalog generator draws from.

Reads the shared reference data (never shipped) and writes only aggregates:
  src/main/resources/demo/distributions.json

Usage: python3 tools/demo-distributions.py [SHARED_DATA_DIR]   (default ../shared/data)
Needs Python 3.9+ and numpy. Output is deterministic (sorted keys, fixed rounding).
"""
import csv
import gzip
import json
import math
import os
import sys
from collections import Counter, defaultdict
from statistics import NormalDist

import numpy as np

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "demo", "distributions.json")

FEATURES = ["acousticness", "danceability", "energy", "instrumentalness", "liveness",
            "loudness", "speechiness", "tempo", "valence"]
CATEGORIES = {"genre": "genre", "instrument": "instrument", "mood/theme": "mood"}
MAX_TAGS = 8
PERCENTILES = list(range(0, 101))


def r(x, nd=6):
    return float(round(float(x), nd))


def spotify():
    with gzip.open(os.path.join(DATA, "spotify-features", "spotify_songs_8k.csv.gz"), "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cols = {c: np.array([float(row[c]) for row in rows]) for c in FEATURES}
    n = len(rows)
    # Gaussian copula: correlation of normal scores (mid-ranks for ties, e.g. the mass of
    # instrumentalness at 0), so that marginals and dependence can be sampled separately.
    nd = NormalDist()
    scores = []
    for c in FEATURES:
        order = cols[c].argsort(kind="mergesort")
        ranks = np.empty(n)
        vals = cols[c][order]
        i = 0
        while i < n:
            j = i
            while j + 1 < n and vals[j + 1] == vals[i]:
                j += 1
            ranks[order[i:j + 1]] = (i + j) / 2.0 + 1
            i = j + 1
        scores.append([nd.inv_cdf((x - 0.5) / n) for x in ranks])
    copula = np.corrcoef(np.array(scores))
    pearson = np.corrcoef(np.array([cols[c] for c in FEATURES]))
    keys = Counter(int(row["key"]) for row in rows)
    modes = Counter(int(row["mode"]) for row in rows)
    return {
        "source": "spotify-features/spotify_songs_8k.csv.gz",
        "rows": n,
        "names": FEATURES,
        "quantiles": {c: [r(np.percentile(cols[c], p)) for p in PERCENTILES] for c in FEATURES},
        "mean": {c: r(cols[c].mean()) for c in FEATURES},
        "std": {c: r(cols[c].std()) for c in FEATURES},
        "normalScoreCorrelation": [[r(v, 4) for v in row] for row in copula],
        "pearsonCorrelation": [[r(v, 4) for v in row] for row in pearson],
        "keyFrequency": {str(k): r(keys[k] / n) for k in sorted(keys)},
        "majorModeFrequency": r(modes[1] / n),
    }


def jamendo():
    tracks = {}  # track id -> (artist, album, duration, {category: [tags]})
    per_file_tracks = Counter()
    for name in ["genre", "instrument", "moodtheme"]:
        path = os.path.join(DATA, "jamendo", f"mtg-jamendo_autotagging_{name}.tsv.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            next(f)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                tid, artist, album, _path, duration = parts[:5]
                t = tracks.setdefault(tid, (artist, album, float(duration), defaultdict(set)))
                for tag in parts[5:]:
                    cat, _, value = tag.partition("---")
                    t[3][CATEGORIES[cat]].add(value)
                per_file_tracks[name] += 1
    n = len(tracks)
    tags = {}
    for cat in CATEGORIES.values():
        with_cat = [t[3][cat] for t in tracks.values() if t[3].get(cat)]
        freq = Counter(tag for s in with_cat for tag in s)
        counts = Counter(min(len(s), MAX_TAGS) for s in with_cat)
        tags[cat] = {
            "trackShare": r(len(with_cat) / n),
            "tagsPerTrack": [r(counts[k] / len(with_cat)) for k in range(1, MAX_TAGS + 1)],
            # share of the tracks that have this category which carry the tag
            "frequency": {tag: r(c / len(with_cat)) for tag, c in sorted(freq.items(), key=lambda e: (-e[1], e[0]))},
        }
    durations = np.array([t[2] for t in tracks.values()])
    album_tracks = Counter(t[1] for t in tracks.values())
    artist_albums = defaultdict(set)
    for t in tracks.values():
        artist_albums[t[0]].add(t[1])
    def histogram(values, cap):
        c = Counter(min(v, cap) for v in values)
        return [r(c[k] / len(values)) for k in range(1, cap + 1)]
    return {
        "source": "jamendo/mtg-jamendo_autotagging_{genre,instrument,moodtheme}.tsv.gz (union by TRACK_ID)",
        "tracks": n,
        "durationSecondsQuantiles": [r(np.percentile(durations, p), 2) for p in PERCENTILES],
        "tags": tags,
        # The MTG files hold only the tagged subset of each album, so these undercount;
        # the generator uses them as shapes, see DemoShape.
        "tracksPerAlbumHistogram": histogram(list(album_tracks.values()), 30),
        "albumsPerArtistHistogram": histogram([len(s) for s in artist_albums.values()], 30),
    }


def main():
    out = {
        "about": "Summary statistics derived by tools/demo-distributions.py from ../shared/data; no raw rows.",
        "features": spotify(),
        "jamendo": jamendo(),
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
