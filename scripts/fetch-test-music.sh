#!/usr/bin/env bash
# Fetches real recordings for the real-data audio tests: Debian's `singularity-music` package
# (the soundtrack of the game Endgame: Singularity, freely licensed), downloaded with
# `apt-get download` (no root needed) and unpacked with `dpkg-deb -x`. The audio files land in
# $STAVE_TEST_MUSIC, by default ~/.cache/stave/test-music (outside the repository). Idempotent:
# a second run finds the files and does nothing. Prints the folder.
set -euo pipefail

dest="${STAVE_TEST_MUSIC:-${XDG_CACHE_HOME:-$HOME/.cache}/stave/test-music}"
if [[ -f "$dest/.complete" ]]; then
  echo "$dest"
  exit 0
fi
for tool in apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "fetch-test-music: $tool is needed (Debian/Ubuntu)" >&2; exit 1; }
done

work="$(mktemp -d)"
chmod 755 "$work" # apt-get hands the download to its unprivileged _apt user
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download singularity-music >&2)
deb="$(find "$work" -maxdepth 1 -name 'singularity-music_*.deb' | head -n 1)"
[[ -n "$deb" ]] || { echo "fetch-test-music: the download left no .deb" >&2; exit 1; }
dpkg-deb -x "$deb" "$work/root"

mkdir -p "$dest"
count=0
while IFS= read -r -d '' f; do
  cp -p "$f" "$dest/"
  count=$((count + 1))
done < <(find "$work/root" -type f \( -iname '*.ogg' -o -iname '*.mp3' -o -iname '*.flac' \
  -o -iname '*.wav' -o -iname '*.opus' \) -print0)
[[ $count -gt 0 ]] || { echo "fetch-test-music: no audio files in $(basename "$deb")" >&2; exit 1; }
basename "$deb" > "$dest/.complete"
echo "fetch-test-music: $count files from $(basename "$deb")" >&2
echo "$dest"
