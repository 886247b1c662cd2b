#!/usr/bin/env bash
# Records an ahead-of-time cache of the server for a JDK 25 or newer (JEP 483/514/515): the classes start-up loads,
# already parsed and linked, and the method profiles of a short training load, so that the server starts faster
# and reaches its steady speed sooner. The jar itself stays built for Java 17.
#
#   scripts/aot-cache.sh [--java PATH] [--jar server/target/student-api.jar] [--seconds 20]
#
# Writes server/target/student-api.aot next to the jar; then start the server with the same JDK:
#   $JAVA -XX:AOTCache=server/target/student-api.aot @scripts/jvm.options -jar server/target/student-api.jar serve
# A cache made by another JDK or for another jar is ignored by the JVM with one warning (the server still starts).
# Needs python3 (the training load) and curl.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/student-api.jar"
SECONDS_OF_LOAD=20
JAVA="${JAVA:-}"
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift ;;
        --jar) JAR="$2"; shift ;;
        --seconds) SECONDS_OF_LOAD="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "aot-cache: unknown option: $1" >&2; exit 64 ;;
    esac
    shift
done
if [ -z "$JAVA" ]; then
    for candidate in java /usr/lib/jvm/*/bin/java; do
        if [ -x "$(command -v "$candidate" || true)" ] && [ "$("$candidate" -XshowSettings:properties -version 2>&1 \
                | sed -n 's/^ *java.specification.version = //p')" -ge 25 ] 2>/dev/null; then
            JAVA="$(command -v "$candidate")"; break
        fi
    done
fi
[ -n "$JAVA" ] || { echo "aot-cache: no JDK 25 or newer found; pass --java PATH" >&2; exit 2; }
[ -f "$JAR" ] || { echo "aot-cache: no server jar at $JAR: build it with ./mvnw -q -DskipTests package" >&2; exit 2; }
OUT="${JAR%.jar}.aot"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/student-aot.XXXXXX")"
PID=""
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

echo "aot-cache: training $JAR with $("$JAVA" -version 2>&1 | head -1) for ${SECONDS_OF_LOAD}s"
# shellcheck disable=SC2046
DATA_DIR="$WORK/data" HOST=127.0.0.1 PORT="$PORT" ADMIN_PORT=0 PLAN_RATE_LIMIT=1000000000 \
    STAGE_RATE_LIMIT=1000000000 STAGE_BURST_LIMIT=1000000000 \
    PLAN_BURST_LIMIT=1000000000 PLAN_QUOTA_LIMIT=1000000000000 \
    "$JAVA" -XX:AOTCacheOutput="$OUT" @"$ROOT/scripts/jvm.options" -jar "$JAR" serve >"$WORK/server.out" \
    2>"$WORK/server.log" &
PID=$!
for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/health" && break
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
done
KEY=""
for _ in $(seq 1 50); do
    KEY="$(sed -n 's/^StudentApiKey: //p' "$WORK/server.out")"
    [ -n "$KEY" ] && break
    sleep 0.1
done
[ -n "$KEY" ] || { echo "aot-cache: the server printed no key" >&2; exit 1; }

# The training load: what a client does most (list, read, insert, a page), on keep-alive connections.
python3 - "$PORT" "$KEY" "$SECONDS_OF_LOAD" <<'PY'
import http.client, json, sys, threading, time
port, key, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
headers = {"x-api-key": key, "Content-Type": "application/json"}
def client(number):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    end, i = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        i += 1
        if i % 50 == 0:
            body = {"studentid": f"T{number}X{i:07d}", "name": "Nguyễn Văn An", "class": "CNTT1",
                    "birthdate": "2003-02-28", "email": f"t{number}x{i}@example.com"}
            connection.request("POST", "/prod/students", json.dumps(body), headers)
        elif i % 10 == 0:
            connection.request("GET", "/prod/students?limit=5", headers=headers)
        else:
            connection.request("GET", "/prod/students", headers=headers)
        connection.getresponse().read()
threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
for t in threads: t.start()
for t in threads: t.join()
PY
kill -TERM "$PID"
wait "$PID" || true
PID=""
[ -s "$OUT" ] || { tail -20 "$WORK/server.log" >&2; echo "aot-cache: no cache was written" >&2; exit 1; }
echo "aot-cache: wrote $OUT ($(du -h "$OUT" | cut -f1)); start the server with: $JAVA -XX:AOTCache=$OUT" \
    "@scripts/jvm.options -jar $JAR serve"
