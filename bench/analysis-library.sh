#!/usr/bin/env bash
# Benchmark: a whole library scanned and analysed (issue 15 item 6, "a whole library in an hour"):
# `stave scan` (hash, ffprobe, waveform peaks) then `stave analyze` (the default window: three
# 10-s windows at 25/50/75 % of each track) on GENERATED 3.5-minute files (default 2,000: half MP3 128 kbps, half Ogg
# Vorbis q3, one piece in 20 FLAC instead of Ogg, stereo 44.1 kHz) plus the real singularity-music recordings
# (scripts/fetch-test-music.sh; skipped when absent), in tracks per minute, with the CPU of each
# process (children, i.e. ffmpeg, included). Then whole-track analysis of WHOLE tracks of the same
# library (`stave analyze --whole-track`, stopped after that many) for the ratio in the same run,
# and the CPU per file of each stage measured alone on SAMPLE files of each format (sha256sum as
# the hash's stand-in, ffprobe, the 8 kHz mono decode of the waveform, the seek-and-decode of the
# 30-s window, the whole-track decode at 22,050 Hz, and the waveform and window made in one ffmpeg
# run), for the ffmpeg Stave uses (the one on PATH, else the bundled one) and the bundled build.
#
# The generated audio: BASES distinct 3.5-minute pieces (default 40; pulses of a decaying tone at
# 70–180 BPM in 12 pitches, pink or white noise at several levels, some with a noise "snare" on
# the off-beat, some without a beat), each copied with its own tags (`-c copy`), so every file has
# its own content hash (the scan treats them as different tracks) while the audio repeats every
# BASES files. Decoding and analysis cost the same whatever the audio repeats.
#
# Usage: bench/analysis-library.sh [FILES]
#   BASES=N   distinct pieces (default 40)     WHOLE=N  tracks analysed whole (default 96; 0: skip)
#   SAMPLE=N  files per format for the per-stage costs (default 10; 0: skip them)
#   KEEP=1    keep the working folder (printed)   BASES_FROM=dir  reuse the pieces of a kept run
#   LIBRARY_FROM=dir  use the generated files of an earlier run (hard links; its folder "Generated")
#                     instead of copying FILES new ones (FILES is then ignored)
set -euo pipefail
FILES="${1:-2000}"
BASES="${BASES:-40}"
WHOLE="${WHOLE:-96}"
SAMPLE="${SAMPLE:-10}"
cd "$(dirname "$0")/.."
# shellcheck source=common.sh
. bench/common.sh

WORK="$(mktemp -d -t stave-library-XXXXXX)"
LIB="$WORK/music"
cleanup() { if [[ -z "${KEEP:-}" ]]; then rm -rf "$WORK"; else echo "kept $WORK"; fi; }
trap cleanup EXIT
find_ffmpeg "$WORK"
print_machine

echo "== generating $FILES files from $BASES pieces of 3.5 min (ffmpeg on every core)"
mkdir -p "$WORK/bases" "$LIB/Generated"
gen_base() {
  local i="$1" bpm=$((70 + (i * 37) % 111)) hz=$((110 + (i * 47) % 660)) noise color snare beat
  colors=(pink white brown)
  color=${colors[$((i % 3))]}
  noise="0.0$((2 + i % 7))"
  beat="exp(-$((6 + i % 10))*mod(t\,60/$bpm))"
  ((i % 9 == 8)) && beat="0.6+0.4*sin(2*PI*0.1*t)" # no beat: a slow swell
  snare="0"
  ((i % 3 == 1)) && snare="0.3*(random(0)-0.5)*exp(-25*mod(t+30/$bpm\,60/$bpm))"
  local ext=mp3 codec=(-c:a libmp3lame -b:a 128k)
  ((i % 2 == 1)) && ext=ogg codec=(-c:a libvorbis -q:a 3)
  ((i % 20 == 19)) && ext=flac codec=(-c:a flac) # one piece in 20: lossless, 10× the bytes
  "$FFMPEG" -hide_banner -loglevel error -nostdin -y \
    -f lavfi -i "aevalsrc=0.4*sin(2*PI*$hz*t)*$beat+0.2*sin(2*PI*$((hz * 3 / 2))*t)*$beat+$snare:d=210:s=44100" \
    -f lavfi -i "anoisesrc=duration=210:color=$color:amplitude=$noise:seed=$i" \
    -filter_complex "amix=inputs=2:normalize=0,pan=stereo|c0=c0|c1=0.9*c0" "${codec[@]}" \
    "$WORK/bases/$i.$ext"
}
export -f gen_base
export WORK FFMPEG
if [[ -n "${BASES_FROM:-}" ]]; then # pieces kept from an earlier run (KEEP=1: $WORK/bases)
  cp "$BASES_FROM"/* "$WORK/bases/"
else
  seq 0 $((BASES - 1)) | xargs -P "$(nproc)" -I{} bash -c 'gen_base {}'
fi
copy_one() {
  local n="$1" base=$(( $1 % BASES )) ext src
  src="$(ls "$WORK/bases/$base".*)"
  ext="${src##*.}"
  mkdir -p "$LIB/Generated/Album $((n / 20))"
  "$FFMPEG" -hide_banner -loglevel error -nostdin -y -i "$src" -c copy -map_metadata -1 \
    -metadata "title=Track $n" -metadata "artist=Artist $((n / 100))" \
    -metadata "album=Album $((n / 20))" -metadata "track=$((n % 20 + 1))" \
    "$LIB/Generated/Album $((n / 20))/$(printf %05d "$n").$ext"
}
export -f copy_one
export LIB BASES
if [[ -n "${LIBRARY_FROM:-}" ]]; then # copies made by an earlier run: link them, same files
  rmdir "$LIB/Generated" && cp -al "$LIBRARY_FROM/Generated" "$LIB/Generated"
else
  seq 0 $((FILES - 1)) | xargs -P "$(nproc)" -I{} bash -c 'copy_one {}'
fi
real="$(scripts/fetch-test-music.sh 2>/dev/null || true)"
if [[ -n "$real" && -f "$real/.complete" ]]; then
  mkdir -p "$LIB/Real" && cp "$real"/*.* "$LIB/Real/"
fi
files=$(find "$LIB" -type f | wc -l)
echo "library: $files files, $(du -sh "$LIB" | cut -f1)"

# Runs a command under /usr/bin/time; prints "wall user sys" (children included).
timed() {
  /usr/bin/time -f "%e %U %S" -o "$WORK/time" "$@" >"$WORK/out" 2>"$WORK/err" || true
  tail -1 "$WORK/time" # "Command exited with non-zero status N" may come first
}
row() { # label count wall user sys load-before
  printf '| %s | %d | %.1f s | **%.0f** | %.1f s | %.0f ms | %.0f / min | %s → %s |\n' "$1" "$2" "$3" \
    "$(echo "$2 * 60 / $3" | bc -l)" "$(echo "$4 + $5" | bc -l)" \
    "$(echo "($4 + $5) * 1000 / $2" | bc -l)" "$(echo "$(nproc) * 60 * $2 / ($4 + $5)" | bc -l)" \
    "$6" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
echo
echo "== CPU per file of each stage alone ($SAMPLE files per format; ffmpeg processes, start-up included)"
stage() { # ffmpeg-dir label command...; prints mean CPU ms per file for mp3 and ogg
  local label="$1" ext total n f
  shift
  printf '| %s |' "$label"
  for ext in mp3 ogg flac; do
    total=0 n=0
    for f in $(find "$WORK/bases" -name "*.$ext" | head -"$SAMPLE"); do
      read -r _ u s < <(timed "${@//FILE/$f}")
      total=$(echo "$total + $u + $s" | bc -l)
      n=$((n + 1))
    done
    printf ' %.0f ms |' "$(echo "$total * 1000 / ($n + (n == 0))" | bc -l)"
  done
  echo
}
SYS_FFMPEG="$(command -v ffmpeg || true)"
BUNDLED="$(find "$HOME/.cache/stave/ffmpeg" -name ffmpeg -type f 2>/dev/null | head -1)"
((SAMPLE > 0)) || SYS_FFMPEG="" BUNDLED=""
for ff in $SYS_FFMPEG $BUNDLED; do
  probe="$(dirname "$ff")/ffprobe"
  export LD_LIBRARY_PATH="$(dirname "$ff")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" # the bundled build's libraries
  echo
  echo "ffmpeg: $ff ($("$ff" -version | head -1 | cut -d' ' -f1-3))"
  echo "| stage | MP3 | Ogg Vorbis | FLAC |"
  echo "|---|---|---|---|"
  stage "start-up only (\`ffmpeg -version\`)" "$ff" -hide_banner -version
  stage "SHA-256 of the file (sha256sum)" sha256sum FILE
  stage "ffprobe (format, streams, tags as JSON)" "$probe" -v error -show_format -show_streams -of json FILE
  stage "waveform before: whole track to 8 kHz mono s16" "$ff" -v error -nostdin -i FILE -ac 1 -ar 8000 -f s16le -y /dev/null
  stage "waveform now: whole track, own rate, mono float" "$ff" -v error -nostdin -i FILE -rematrix_maxval 1 -ac 1 -c:a pcm_f32le -f f32le -y /dev/null
  stage "decode only (\`-f null\`, the floor of any full decode)" "$ff" -v error -nostdin -i FILE -f null -
  stage "window: seek to 90 s, 30 s to 22,050 Hz WAV" "$ff" -v error -nostdin -ss 90 -t 30 -i FILE -ar 22050 -f wav -y /dev/null
  stage "window without seeking (-ss after -i)" "$ff" -v error -nostdin -i FILE -ss 90 -t 30 -ar 22050 -f wav -y /dev/null
  stage "three 10-s windows (3 inputs, concat)" "$ff" -v error -nostdin -ss 47.5 -t 10 -i FILE -ss 100 -t 10 -i FILE -ss 152.5 -t 10 -i FILE -filter_complex "[0:a][1:a][2:a]concat=n=3:v=0:a=1[a]" -map "[a]" -ar 22050 -f wav -y /dev/null
  stage "whole track to 22,050 Hz WAV (whole-track analysis)" "$ff" -v error -nostdin -i FILE -ar 22050 -f wav -y /dev/null
  stage "waveform + window in one run (asplit, atrim)" "$ff" -v error -nostdin -i FILE -filter_complex "[0:a]asplit[w][x];[w]aresample=8000,pan=mono|c0=0.5*c0+0.5*c1[wo];[x]atrim=90:120,aresample=22050[xo]" -map "[wo]" -f s16le -y /dev/null -map "[xo]" -f wav -y /dev/null
done
echo
echo "== the library, end to end (JVM start-up included; CPU = process + its ffmpeg children)"
# CPU per track is the figure that survives a shared machine; the idle estimate is what all cores,
# fully used, would do at that CPU per track (cores × 60 CPU-s per minute ÷ CPU per track).
echo "| step | tracks | wall | tracks/min | CPU | CPU per track | idle $(nproc)-core estimate | load average before → after |"
echo "|---|---|---|---|---|---|---|---|"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r w u s < <(timed "$JAVA" -jar "$JAR" scan "$LIB" --data "$WORK/data" --no-progress)
row "stave scan (hash, ffprobe, waveform)" "$files" "$w" "$u" "$s" "$load"
scan_w=$w scan_c=$(echo "$u + $s" | bc -l)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r w u s < <(timed "$JAVA" -jar "$JAR" analyze --data "$WORK/data" --no-progress)
analysed=$(awk '/^analysed +[0-9]/{gsub(",","",$2); print $2}' "$WORK/out")
row "stave analyze (default window: $(awk -F'over +' '/^analysed over/{print $2}' "$WORK/out"))" "${analysed:-0}" "$w" "$u" "$s" "$load"
grep -E "^(failed|analysed over)" "$WORK/out" | sed 's/^/    /' >&2 || true
total_c=$(echo "$scan_c + $u + $s" | bc -l)
printf '| scan + analyse | %d | %.1f s | **%.0f** | %.1f s | %.0f ms | %.0f / min | |\n' "$files" \
  "$(echo "$scan_w + $w" | bc -l)" "$(echo "$files * 60 / ($scan_w + $w)" | bc -l)" "$total_c" \
  "$(echo "$total_c * 1000 / $files" | bc -l)" "$(echo "$(nproc) * 60 * $files / $total_c" | bc -l)"
if ((WHOLE > 0)); then
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  read -r w u s < <(timed "$JAVA" -jar "$JAR" analyze --whole-track --data "$WORK/data" --no-progress \
    --batch-size 16 --stop-after-batches $((WHOLE / 16)))
  analysed=$(awk '/^analysed +[0-9]/{gsub(",","",$2); print $2}' "$WORK/out")
  row "stave analyze --whole-track (stopped after $WHOLE)" "${analysed:-0}" "$w" "$u" "$s" "$load"
fi

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
