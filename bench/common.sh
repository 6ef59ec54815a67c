# Shared set-up of the bench/ scripts (sourced, run from the repository root): finds a JDK >= 21,
# builds target/stave.jar when sources are newer, and sets JAVA and JAR. JAVA (bench/java) starts
# that JDK with the launcher's JVM options (STAVE_JVM_OPTIONS, scripts/jvm-options.sh).
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
stave_find_jdk || exit 1
export JAVA_HOME="$STAVE_JAVA_HOME"
# shellcheck source=../scripts/jvm-options.sh
. scripts/jvm-options.sh
JAVA="$PWD/bench/java"
JAR="${STAVE_JAR:-target/stave.jar}"
if [[ ! -f "$JAR" ]] || [[ -n "$(find pom.xml src/main -newer "$JAR" -print -quit)" ]]; then
  echo "building target/stave.jar ..."
  ./mvnw -B -q -DskipTests package
fi

# Stops the server a script started ($SERVE_PID), if it still runs.
stop_server() {
  if [[ -n "${SERVE_PID:-}" ]] && kill -0 "$SERVE_PID" 2>/dev/null; then
    kill "$SERVE_PID" 2>/dev/null || true
    wait "$SERVE_PID" 2>/dev/null || true
  fi
  SERVE_PID=""
}

# Sets and exports FFMPEG, the ffmpeg that generates test libraries: $FFMPEG if set, else the one on
# PATH, else the one Stave extracted to ~/.cache/stave/ffmpeg (extracted now, by a scan of an empty
# folder under $1, when not there yet); its folder goes on LD_LIBRARY_PATH (the bundled build's
# libraries lie beside it).
find_ffmpeg() {
  local work="$1"
  FFMPEG="${FFMPEG:-$(command -v ffmpeg || find "$HOME/.cache/stave/ffmpeg" -name ffmpeg -type f 2>/dev/null | head -1)}"
  if [[ -z "$FFMPEG" ]]; then
    mkdir -p "$work/empty" && "$JAVA" -jar "$JAR" scan "$work/empty" --data "$work/probe" >/dev/null 2>&1 || true
    FFMPEG="$(find "$HOME/.cache/stave/ffmpeg" -name ffmpeg -type f 2>/dev/null | head -1)"
  fi
  [[ -x "$FFMPEG" ]] || { echo "no ffmpeg found; set FFMPEG" >&2; exit 1; }
  export FFMPEG
  export LD_LIBRARY_PATH="$(dirname "$FFMPEG")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

# Prints the date, the machine and its load, and the JVM (the head of every benchmark report).
print_machine() {
  echo "== machine"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpus: $(nproc), memory: $(free -g | awk '/Mem:/{print $2}') GiB, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -version 2>&1 | head -1
}

# Waits until the server at $1 ($SERVE_PID) reports UP; prints the end of log $2 and fails when it
# stops first. Ten minutes at most: an index rebuild after a schema change can take minutes.
await_health() {
  for _ in $(seq 1 6000); do
    curl -fs "$1/actuator/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$SERVE_PID" 2>/dev/null || { tail -30 "$2"; return 1; }
    sleep 0.1
  done
  echo "the server at $1 did not report UP" >&2
  return 1
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# wrk prints latencies as 812.00us, 1.23ms or 1.02s: normalise to ms.
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'; }
