# Sourced by ./stave and bench/common.sh: the JVM options Stave runs with, as the array
# STAVE_JVM_OPTIONS, so that the launcher and the benchmarks start the same JVM. Measured in
# docs/performance.md, "JVM options (issue 15 item 7)"; an operator adds or overrides options with
# STAVE_JAVA_OPTS (README, "Configuration").
# - --enable-native-access=ALL-UNNAMED: the libraries that call native code (SQLite's driver,
#   Lucene's memory-mapped index) may do so without the JDK's warning about it.
# - --add-modules jdk.incubator.vector: Lucene 10 then uses its Panama (SIMD) code for decoding
#   postings and for vector distances. Similar tracks and autocomplete cost 10-15 % less CPU on
#   the 1M catalog; the JVM prints "WARNING: Using incubator modules" once per start.
# - no garbage collector option: the JVM's own choice (G1 on a server-class machine) held up
#   better on 2 cores than generational ZGC, which took more CPU per request and more memory.
STAVE_JVM_OPTIONS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
