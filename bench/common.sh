# Shared set-up of the bench/ scripts (sourced, run from the repository root): finds a JDK >= 21,
# builds target/stave.jar when sources are newer, and sets JAVA and JAR.
# shellcheck source=../scripts/find-jdk.sh
. scripts/find-jdk.sh
stave_find_jdk || exit 1
export JAVA_HOME="$STAVE_JAVA_HOME"
JAVA="$JAVA_HOME/bin/java"
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
