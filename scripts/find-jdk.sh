# Sourced by ./stave, .ci/run and bench scripts: sets STAVE_JAVA_HOME to a JDK >= 21.
# Looks at JAVA_HOME, the java on PATH, then the usual JVM folders, and takes the first JDK
# (java + javac) whose major version is at least 21. Prints why when none fits.

stave_jdk_major() {
  # Major version of the JDK at $1 (e.g. 25), or nothing.
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in
    1.*) echo "${v#1.}" ;;
    *) echo "$v" ;;
  esac
}

stave_find_jdk() {
  local min=21 candidates=() seen="" c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
           "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    c=$(readlink -f "$c")
    case " $seen " in *" $c "*) continue ;; esac
    seen="$seen $c"
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(stave_jdk_major "$c")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] 2>/dev/null; then
      STAVE_JAVA_HOME="$c"
      export STAVE_JAVA_HOME
      return 0
    fi
  done
  {
    echo "stave: no JDK $min or newer found."
    echo "  Looked at: JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH, /usr/lib/jvm, /usr/java, /opt/java,"
    echo "  ~/.sdkman and ~/.jdks. Found:${seen:- nothing}"
    echo "  Install a JDK 21+ (e.g. Temurin 25) and/or set JAVA_HOME to it."
  } >&2
  return 1
}
