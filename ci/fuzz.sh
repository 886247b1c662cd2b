#!/usr/bin/env bash
# Starts the server from the built jar (server/target/student-api.jar) on a fresh data directory and free ports,
# then sends it ci/fuzz.py's hostile requests; exit status 1 when the fuzzer finds a fault or the server dies.
#
#   ci/fuzz.sh [--requests N] [--seed N] [--jar PATH]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/student-api.jar"
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift ;;
        --requests|--seed) ARGS+=("$1" "$2"); shift ;;
        *) echo "unknown option: $1" >&2; exit 64 ;;
    esac
    shift
done
[ -f "$JAR" ] || { echo "no server jar at $JAR: build it with ./mvnw -pl server -am package" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/student-fuzz.XXXXXX")"
cleanup() {
    if [ -n "${SERVER_PID:-}" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
# Generous limits, so that the hostile requests reach the routes rather than the throttle or the attempt limit.
env -i PATH="$PATH" HOME="$WORK" HOST=127.0.0.1 PORT="$PORT" ADMIN_PORT=0 DATA_DIR="$WORK/data" \
    PLAN_RATE_LIMIT=1000000 PLAN_BURST_LIMIT=1000000 PLAN_QUOTA_LIMIT=100000000 AUTH_FAILURE_LIMIT=1000000 \
    java -Xmx512m -jar "$JAR" serve >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 600); do
    grep -q '^Web page:' "$WORK/server.out" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "the server did not start" >&2; exit 1; }
    sleep 0.1
done
KEY="$(sed -n 's/^StudentApiKey: //p' "$WORK/server.out")"
ADMIN="$(sed -n 's/^Control plane: \(http:[^ ]*\).*/\1/p' "$WORK/server.out")"
[ -n "$KEY" ] || { cat "$WORK/server.out" "$WORK/server.log" >&2; echo "no key printed" >&2; exit 1; }

status=0
python3 "$ROOT/ci/fuzz.py" --base "http://127.0.0.1:$PORT" --key "$KEY" ${ADMIN:+--admin "$ADMIN"} \
    ${ARGS[@]+"${ARGS[@]}"} || status=$?
kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server died during the fuzzing" >&2; status=1; }
if grep -q $'^\tat \|ERROR' "$WORK/server.log"; then
    echo "the server logged an error or a stack trace:" >&2
    grep -m 20 -B2 $'^\tat \|ERROR' "$WORK/server.log" >&2
    status=1
fi
exit "$status"
