#!/usr/bin/env bash
# Insert benchmark of one or more server jars, in alternating order: for each round and each jar, a fresh data
# directory (SQLite, outbox mail), a warm-up and a measured run of wrk posting unique students (wrk.lua's post
# mode), then one line of req/s, p99, non-2xx count, e-mails written and the load average.
#
#   bench/lib/post-bench.sh [-r ROUNDS] [-t THREADS] [-c CONNECTIONS] [-w WARMUP_S] [-d SECONDS] \
#       [-o "JVM options"] [--jfr FILE] [--data-parent DIR] JAR...
#
# --jfr records a flight recording of the measured run of the first jar (profile settings) into FILE.
# --data-parent puts the data directories under DIR (e.g. /dev/shm, to take the disk out of the figure).
set -euo pipefail

LIB="$(cd "$(dirname "$0")" && pwd)"
ROUNDS=1 THREADS=2 CONNECTIONS=64 WARMUP=20 DURATION=20 JAVA_OPTS="" JFR="" DATA_PARENT=/tmp
while [ $# -gt 0 ]; do
    case "$1" in
        -r) ROUNDS="$2"; shift 2 ;;
        -t) THREADS="$2"; shift 2 ;;
        -c) CONNECTIONS="$2"; shift 2 ;;
        -w) WARMUP="$2"; shift 2 ;;
        -d) DURATION="$2"; shift 2 ;;
        -o) JAVA_OPTS="$2"; shift 2 ;;
        --jfr) JFR="$2"; shift 2 ;;
        --data-parent) DATA_PARENT="$2"; shift 2 ;;
        *) break ;;
    esac
done
[ $# -gt 0 ] || { echo "usage: $0 [options] JAR..." >&2; exit 2; }

WORK="$(mktemp -d "$DATA_PARENT/post-bench.XXXXXX")"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# run_jar <jar> <label> <jfr file or empty>
run_jar() {
    local jar="$1" label="$2" jfr="$3" port data log key=""
    port="$(free_port)"
    data="$WORK/data-$label"
    log="$WORK/$label.log"
    rm -rf "$data"
    # shellcheck disable=SC2086
    PORT=$port HOST=127.0.0.1 ADMIN_PORT=0 DATA_DIR="$data" PLAN_RATE_LIMIT=1000000000 \
        STAGE_RATE_LIMIT=1000000000 STAGE_BURST_LIMIT=1000000000 \
        PLAN_BURST_LIMIT=1000000000 PLAN_QUOTA_LIMIT=1000000000000 PLAN_QUOTA_PERIOD=DAY \
        java $JAVA_OPTS -jar "$jar" serve >"$log" 2>&1 &
    PID=$!
    for _ in $(seq 1 300); do
        key="$(sed -n 's/^StudentApiKey: \([A-Za-z0-9]*\).*/\1/p' "$log" | head -1)"
        [ -n "$key" ] && curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        sleep 0.1
    done
    [ -n "$key" ] || { tail -20 "$log" >&2; exit 1; }
    local url="http://127.0.0.1:$port/prod/students" args=(-t"$THREADS" -c"$CONNECTIONS" --timeout 10s -s "$LIB/wrk.lua")
    BENCH_MODE=post BENCH_RUN="w$label" wrk "${args[@]}" -d"${WARMUP}s" -H "x-api-key: $key" "$url" >/dev/null
    if [ -n "$jfr" ]; then
        jcmd "$PID" JFR.start name=post settings=profile filename="$jfr" >/dev/null
    fi
    local out cpu0 cpu1
    cpu0="$(awk '{print $14 + $15}' "/proc/$PID/stat")"
    out="$(BENCH_MODE=post BENCH_RUN="m$label" wrk "${args[@]}" -d"${DURATION}s" --latency -H "x-api-key: $key" "$url")"
    cpu1="$(awk '{print $14 + $15}' "/proc/$PID/stat")"
    [ -n "$jfr" ] && jcmd "$PID" JFR.stop name=post >/dev/null
    local rps p99 non2xx mails
    rps="$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
    non2xx="$(sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' <<<"$out")"
    mails="$(find "$data/outbox" -name '*.eml' 2>/dev/null | wc -l)"
    local cpu_us
    cpu_us="$(python3 -c "print(round(($cpu1 - $cpu0) / $(getconf CLK_TCK) * 1e6 / max(1, $rps * $DURATION)))")"
    printf '%-14s %10s req/s  p99 %8s  CPU %5s µs/req  non-2xx %s  e-mails %s  load %s\n' "$label" "$rps" \
        "$p99" "$cpu_us" "${non2xx:-0}" "$mails" "$(cut -d' ' -f1-3 /proc/loadavg)"
    kill "$PID"
    wait "$PID" 2>/dev/null || true
    PID=""
}

for round in $(seq 1 "$ROUNDS"); do
    n=0
    for jar in "$@"; do
        n=$((n + 1))
        jfr=""
        [ "$round" = 1 ] && [ "$n" = 1 ] && jfr="$JFR"
        run_jar "$jar" "$(basename "$jar" .jar)-r$round" "$jfr"
    done
done
