#!/usr/bin/env bash
# Accuracy and cost of the audio analysis (docs/analysis.md, docs/performance.md): tempo on click
# tracks, drum patterns and a band at 60–200 BPM (exact ±2 % and octave-tolerant), key and mode of
# chord progressions in all 24 keys, loudness against ffmpeg's ebur128 on the same files, speech
# (espeak-ng, when installed: apt-get install espeak-ng) against music, and the CPU time of a
# 30-second clip. Prints a Markdown report, also written to target/analysis-accuracy.md.
#
# Usage: bench/analysis-accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v espeak-ng >/dev/null || echo "note: espeak-ng is not installed; the speech rows are skipped" >&2
./mvnw -B -q test -Dtest=AnalysisAccuracyReport -Dstave.accuracy=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true >/dev/null
cat target/analysis-accuracy.md
