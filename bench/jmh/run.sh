#!/usr/bin/env bash
# In-process micro-benchmarks (JMH) of one authenticated GET's parts. See bench/README.md.
#   bench/jmh/run.sh [--quick] [JMH options...]     e.g. bench/jmh/run.sh -t 4 gatewayAdmit
# Needs the server jar (./mvnw -q -pl server -am package -DskipTests); fetches JMH from Maven Central once.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${BENCH_SERVER_JAR:-$ROOT/server/target/student-api.jar}"
[ -f "$JAR" ] || { echo "build the server jar first: ./mvnw -q -pl server -am package -DskipTests" >&2; exit 1; }
QUICK=()
if [ "${1:-}" = "--quick" ]; then
    shift
    QUICK=(-wi 1 -w 1s -i 2 -r 1s)
fi
if [ ! -f "$HERE/target/classpath.txt" ] || [ "$JAR" -nt "$HERE/target/classes/META-INF/BenchmarkList" ] \
    || [ -n "$(find "$HERE/src" -newer "$HERE/target/classes/META-INF/BenchmarkList" -name '*.java' 2>/dev/null)" ]; then
    "$ROOT/mvnw" -q -f "$HERE/pom.xml" -Dserver.jar="$JAR" package -DskipTests >&2
fi
exec java -cp "$HERE/target/classes:$(cat "$HERE/target/classpath.txt"):$JAR" org.openjdk.jmh.Main \
    -foe true "${QUICK[@]}" "$@"
