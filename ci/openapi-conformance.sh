#!/usr/bin/env bash
# OpenAPI conformance of the data plane (issue 12, point 10), against the server built by
# `./mvnw -pl server -am package`:
#
#   ci/openapi-conformance.sh [--jar PATH] [--examples N]     (CONFORMANCE_SEED=<n> picks other cases)
#
# Starts the jar on free ports with a fresh data directory, then creates an API key and a usage plan with the
# command line on the same data directory (the CLI refuses a folder the server has not made), runs
# `schemathesis run` when that command exists, otherwise ci/openapi-conformance.py (the same checks: no 5xx,
# only documented statuses, content types and bodies), and stops the server. Exit status is the checker's.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$ROOT/server/target/student-api.jar"
EXAMPLES=120
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift ;;
        --examples) EXAMPLES="$2"; shift ;;
        *) echo "unknown option: $1" >&2; exit 64 ;;
    esac
    shift
done
[ -f "$JAR" ] || { echo "$JAR not found: build it first (./mvnw -q -pl server -am package -DskipTests)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/openapi-conformance.XXXXXX")"
SERVER_PID=""
cleanup() {
    local status=$?
    if [ -n "$SERVER_PID" ]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    if [ $status -ne 0 ]; then
        echo "server log (last 40 lines of $WORK/server.log):" >&2
        tail -40 "$WORK/server.log" >&2 || true
    else
        rm -rf "$WORK"
    fi
    exit $status
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
export DATA_DIR="$WORK/data" PORT HOST=127.0.0.1 ADMIN_PORT=0
mkdir -p "$DATA_DIR"
cli() { java -jar "$JAR" "$@"; }

java -jar "$JAR" serve >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do
    curl -fs -o /dev/null "$BASE/health" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped during start-up" >&2; exit 1; }
    sleep 0.1
done
curl -fs -o /dev/null "$BASE/health" || { echo "the server did not start in 60 s" >&2; exit 1; }
KEY="$(cli keys create --name openapi-conformance-key | tee "$WORK/key.txt" | sed -n 's/^value: //p')"
KEY_ID="$(sed -n 's/^id: //p' "$WORK/key.txt")"
PLAN_ID="$(cli plans create --name openapi-conformance --rate 100000 --burst 100000 --quota 100000000 \
    --period DAY | sed -n 's/^id: //p')"
cli plans bind "$PLAN_ID" "$KEY_ID" >/dev/null
[ -n "$KEY" ] && [ -n "$PLAN_ID" ] || { echo "could not create a key and a plan" >&2; exit 1; }
echo "server on $BASE (data directory $DATA_DIR); key $KEY_ID on plan $PLAN_ID"

if command -v schemathesis >/dev/null; then
    # The base-URL option was renamed from --base-url (3.x) to --url (4.x).
    url_option=--url
    schemathesis run --help 2>/dev/null | grep -q -- '--base-url' && url_option=--base-url
    schemathesis run "$BASE/openapi.json" "$url_option" "$BASE/prod" --header "x-api-key: $KEY" --checks all \
        --max-examples "$EXAMPLES"
else
    echo "schemathesis is not installed: running ci/openapi-conformance.py (the same checks) instead"
    python3 "$HERE/openapi-conformance.py" --base "$BASE" --key "$KEY" --examples "$EXAMPLES" \
        ${CONFORMANCE_SEED:+--seed "$CONFORMANCE_SEED"}
fi
