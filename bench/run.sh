#!/usr/bin/env bash
# Student Records API benchmark (issue 6). See bench/README.md.
#
#   bench/run.sh [--quick] [--save] [--profile | --profile-only | --records-only | --pairs-only] [--jmh]
#                [--duration S] [--warmup S]
#                [--threads N] [--connections N] [--backup-students N] [--keep] [--jar PATH]
#
# Starts the server built by `./mvnw -pl server -am package` with a fresh data directory and a usage plan
# whose limits never interfere, seeds students straight into its SQLite file, drives it with wrk, runs the
# same 20 students from nginx as the ceiling, and prints one table. Needs root (or the tools already
# installed) for `apt-get install wrk nginx` on a fresh Debian/Ubuntu machine.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
LIB="$HERE/lib"
PY="python3 $LIB/benchlib.py"

QUICK=0
SAVE=0
PROFILE=0
PROFILE_ONLY=0
RECORDS_ONLY=0
PAIRS_ONLY=0
JMH=0
KEEP=0
JAR="$ROOT/server/target/student-api.jar"
DURATION=""
WARMUP=""
THREADS=2
CONNECTIONS=64
BACKUP_STUDENTS=""
IMPORT_STUDENTS=""
LIST_STUDENTS=10000
PROFILE_SECONDS=30

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'
Options:
  --quick              a few seconds per scenario, 100,000-student backup (CI: proves the script works)
  --save               also write the report to bench/results/<UTC date>.md
  --profile            also record the GET of 20 with JFR (gateway on, then off) and print the hot spots
  --profile-only       only the start-up scenario and the JFR profile (to iterate on a fix)
  --records-only       only the start-up scenario and the records ones (backup, restore, export, page, import)
  --pairs-only         only start-up, warm-up and the alternating pairs (gateway on/off, GET 20 vs one nginx worker)
  --jmh                also run the JMH micro-benchmarks (bench/jmh/run.sh) and add their table
  --duration S         seconds of measurement per wrk scenario (default 30, quick 3)
  --warmup S           seconds of warm-up load before each wrk scenario (default 60, quick 1)
  --threads N          wrk threads (default 2)
  --connections N      wrk connections for the maximum-throughput scenarios (default 64)
  --backup-students N  students in the backup, restore, export and page scenarios (default 1,000,000,
                       quick 100,000)
  --import-students N  students in the import scenario (default 100,000, quick 20,000)
  --keep               keep the work directory (logs, data, wrk outputs, JFR files)
  --jar PATH           server jar (default server/target/student-api.jar)
Environment: BENCH_JAVA (the java that runs the server), BENCH_JAVA_OPTS (extra JVM options for the server),
BENCH_WORKDIR (parent of the work dir).
EOF
}

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --save) SAVE=1 ;;
        --profile) PROFILE=1 ;;
        --jmh) JMH=1 ;;
        --profile-only) PROFILE=1; PROFILE_ONLY=1 ;;
        --records-only) RECORDS_ONLY=1 ;;
        --pairs-only) PAIRS_ONLY=1 ;;
        --keep) KEEP=1 ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --threads) THREADS="$2"; shift ;;
        --connections) CONNECTIONS="$2"; shift ;;
        --backup-students) BACKUP_STUDENTS="$2"; shift ;;
        --import-students) IMPORT_STUDENTS="$2"; shift ;;
        --jar) JAR="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
    esac
    shift
done

if [ "$QUICK" = 1 ]; then
    DURATION="${DURATION:-3}"; WARMUP="${WARMUP:-1}"; BACKUP_STUDENTS="${BACKUP_STUDENTS:-100000}"
    IMPORT_STUDENTS="${IMPORT_STUDENTS:-20000}"
    PROFILE_SECONDS=5
else
    # 60 s of warm-up: on 2 cores shared with wrk, C2 needs about a minute before the figures settle.
    DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-60}"; BACKUP_STUDENTS="${BACKUP_STUDENTS:-1000000}"
    IMPORT_STUDENTS="${IMPORT_STUDENTS:-100000}"
fi

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ----------------------------------------------------------------------------------------------- tools

ensure_tools() {
    command -v python3 >/dev/null || die "python3 is required"
    command -v "$JAVA_CMD" >/dev/null || die "java (17+) is required"
    JAVA_MAJOR="$(java_major)"
    command -v curl >/dev/null || die "curl is required"
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    if [ "$PROFILE" = 1 ]; then command -v jfr >/dev/null && command -v jcmd >/dev/null \
        || die "--profile needs jfr and jcmd from the JDK"; fi
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing ${missing[*]} (Debian packages)"
        command -v apt-get >/dev/null || die "install ${missing[*]} first (no apt-get here)"
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -q >/dev/null
        # On a machine with systemd the nginx package also starts the system-wide service (port 80); the
        # benchmark never uses it and runs its own nginx on a free port.
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
    NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
    [ -f "$JAR" ] || die "$JAR not found: build it first (./mvnw -q -pl server -am package -DskipTests)"
}

# The Java that runs the server (BENCH_JAVA, default the java on PATH) and its major version.
JAVA_CMD="${BENCH_JAVA:-java}"
java_major() { "$JAVA_CMD" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# The start-up archive used the way README runs the server: on a JDK 25 or newer the ahead-of-time cache that
# scripts/aot-cache.sh records (server/target/student-api.aot), else the class-data-sharing archive the build
# writes (student-api.jsa, for the JDK that built it); absent (an old build, --jar elsewhere): no option.
cds_option() {
    local archive="${JAR%.jar}.jsa" cache="${JAR%.jar}.aot"
    if [ "${JAVA_MAJOR:-0}" -ge 25 ] 2>/dev/null && [ -f "$cache" ]; then printf "%s" "-XX:AOTCache=$cache"
    elif [ "${JAVA_MAJOR:-0}" -lt 25 ] 2>/dev/null && [ -f "$archive" ]; then printf "%s" "-XX:SharedArchiveFile=$archive"
    fi
}

# README's JVM options (a java @argument file).
JVM_OPTIONS="$ROOT/scripts/jvm.options"
jvm_options() { if [ -f "$JVM_OPTIONS" ]; then printf "%s" "@$JVM_OPTIONS"; fi; }

# -------------------------------------------------------------------------------------- work directory

SERVER_PID=""
NGINX_PID=""
WORK=""
# servers started besides SERVER_PID (the alternating pairs run two at once)
OTHER_PIDS=()

cleanup() {
    local status=$?
    [ -n "$SERVER_PID" ] && stop_server || true
    for p in "${OTHER_PIDS[@]}"; do SERVER_PID="$p" stop_server || true; done
    [ -n "$NGINX_PID" ] && stop_nginx || true
    if [ -n "$WORK" ] && [ -d "$WORK" ]; then
        if [ "$KEEP" = 1 ] || [ $status -ne 0 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'log "failed: line $LINENO: $BASH_COMMAND"' ERR

# ---------------------------------------------------------------------------------------------- server

DATA=""
KEY=""
PORT=""
BASE=""

# start_server <log name> <ready path> <with key: 0|1> [NAME=value...]: starts the jar, sets SERVER_PID,
# STARTUP_MS (exec to first 200 on the ready path).
start_server() {
    local name="$1" ready="$2" with_key="$3"
    shift 3
    PORT="$($PY freeport)"
    BASE="http://127.0.0.1:$PORT"
    local header=()
    [ "$with_key" = 1 ] && header=(--header "x-api-key: $KEY")
    local env=(--env "PORT=$PORT" --env "HOST=127.0.0.1" --env "ADMIN_PORT=0" --env "DATA_DIR=$DATA"
               --env "PLAN_RATE_LIMIT=1000000000" --env "PLAN_BURST_LIMIT=1000000000"
               --env "STAGE_RATE_LIMIT=1000000000" --env "STAGE_BURST_LIMIT=1000000000"
               --env "PLAN_QUOTA_LIMIT=1000000000000" --env "PLAN_QUOTA_PERIOD=DAY")
    for assignment in "$@"; do env+=(--env "$assignment"); done
    local out
    # shellcheck disable=SC2086
    out="$($PY launch --log "$WORK/$name.log" --url "$BASE$ready" "${header[@]}" "${env[@]}" --timeout 120 \
        -- "$JAVA_CMD" $(cds_option) $(jvm_options) ${BENCH_JAVA_OPTS:-} -jar "$JAR" serve)" \
        || { tail -30 "$WORK/$name.log" >&2; die "server did not start"; }
    SERVER_PID="${out% *}"
    STARTUP_MS="${out#* }"
    log "server $name: pid $SERVER_PID on port $PORT, first 200 on $ready after $STARTUP_MS ms"
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# CPU seconds (user + system) used so far by the given processes.
cpu_s() {
    local ticks=0 p
    for p in "$@"; do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    python3 -c "print($ticks / $(getconf CLK_TCK))"
}
hwm_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
reset_hwm() { echo 5 > "/proc/$1/clear_refs" 2>/dev/null || log "cannot reset the peak RSS of $1 (old kernel?)"; }

# ------------------------------------------------------------------------------------------------- wrk

# run_wrk <out file> <seconds> <connections> <url> [extra wrk args...]; BENCH_* variables pass to wrk.lua.
run_wrk() {
    local out="$1" seconds="$2" connections="$3" url="$4"
    shift 4
    local threads="${WRK_THREADS:-$THREADS}"
    [ "$connections" -lt "$threads" ] && threads="$connections"
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$LIB/wrk.lua" "$@" "$url" >"$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed"; }
}

# scenario_http <id> <label> <pid whose VmHWM counts> <url> [wrk args...]: warm-up, reset peak RSS, measure.
scenario_http() {
    local id="$1" label="$2" pid="$3" url="$4"
    shift 4
    log "scenario $id: $label (warm-up ${WARMUP}s, measure ${DURATION}s)"
    BENCH_RUN="${id}w" run_wrk "$WORK/$id.warmup.txt" "$WARMUP" "$CONNECTIONS" "$url" "$@"
    reset_hwm "$pid"
    local cpu0
    cpu0="$(cpu_s "$pid")"
    BENCH_RUN="${id}m" run_wrk "$WORK/$id.txt" "$DURATION" "$CONNECTIONS" "$url" "$@"
    $PY record-wrk --results "$RESULTS" --id "$id" --label "$label" --wrk-out "$WORK/$id.txt" \
        --rss-kb "$(hwm_kb "$pid")" --note "${NOTE:-}" \
        --set "cpu_s=$(python3 -c "print($(cpu_s "$pid") - $cpu0)")" >/dev/null
}

key_header() { echo "x-api-key: $KEY"; }
count_files() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
thousands() { python3 -c "print(f'{int($1):,}')"; }

# ------------------------------------------------------------------------------------------- scenarios

scenario_startup() {
    log "scenario startup: first start on an empty data directory"
    start_server startup-cold /health 0
    local cold="$STARTUP_MS"
    for _ in $(seq 1 100); do
        KEY="$(sed -n 's/^StudentApiKey: \([A-Za-z0-9]*\).*/\1/p' "$WORK/startup-cold.log" | head -1)"
        [ -n "$KEY" ] && break
        sleep 0.1
    done
    [ -n "$KEY" ] || die "no 'StudentApiKey:' line in $WORK/startup-cold.log"
    stop_server
    $PY seed --db "$DATA/student-api.db" --count 20 >/dev/null
    log "scenario startup: start on the existing data directory, until the first authenticated GET answers 200"
    start_server main /prod/students 1
    local warm="$STARTUP_MS"
    $PY record --results "$RESULTS" --id startup --label "start-up: exec → first 200" \
        --set "cold_ms=$cold" --set "warm_ms=$warm" --set "rss_kb=$(hwm_kb "$SERVER_PID")" >/dev/null
}

scenario_get20() {
    curl -fsS -H "$(key_header)" "$BASE/prod/students" -o "$WORK/students20.json"
    [ "$($PY json-len "$WORK/students20.json")" = 20 ] || die "expected 20 students from $BASE/prod/students"
    NOTE="" scenario_http get20 "GET /prod/students, 20 students, authenticated" "$SERVER_PID" \
        "$BASE/prod/students" -H "$(key_header)"
}

# About half the maximum rate, with wrk pausing a random 0..2*D ms (mean D) after each response on each
# connection: rate ≈ connections / (D + latency). Calibrated once with a short run.
scenario_paced() {
    local max target delay=10 connections achieved
    max="$($PY result-get --results "$RESULTS" --id get20 --field rps)"
    target="$(python3 -c "print(max(1.0, $max / 2))")"
    connections="$(python3 -c "import math; print(max(1, round($target * ($delay + 0.5) / 1000)))")"
    BENCH_DELAY_MS=$delay BENCH_RUN=pacedc run_wrk "$WORK/paced20.calibrate.txt" "$((DURATION < 5 ? 2 : 5))" \
        "$connections" "$BASE/prod/students" -H "$(key_header)"
    achieved="$($PY wrk-get "$WORK/paced20.calibrate.txt" rps)"
    connections="$(python3 -c "print(max(1, round($connections * $target / max($achieved, 1))))")"
    log "scenario paced20: target $target req/s (half of $max) with $connections connections, mean pause ${delay} ms"
    reset_hwm "$SERVER_PID"
    local cpu0
    cpu0="$(cpu_s "$SERVER_PID")"
    BENCH_DELAY_MS=$delay BENCH_RUN=pacedm run_wrk "$WORK/paced20.txt" "$DURATION" "$connections" \
        "$BASE/prod/students" -H "$(key_header)"
    $PY record-wrk --results "$RESULTS" --id paced20 --label "GET 20, authenticated, paced at ~50 % of its max" \
        --wrk-out "$WORK/paced20.txt" --rss-kb "$(hwm_kb "$SERVER_PID")" \
        --set "cpu_s=$(python3 -c "print($(cpu_s "$SERVER_PID") - $cpu0)")" \
        --note "wrk, $connections conn., pause 0–$((2 * delay)) ms; target $(printf '%.0f' "$target") req/s" \
        >/dev/null
}

scenario_post() {
    local before after
    before="$(count_files "$DATA/outbox")"
    NOTE="unique students, 201 each" BENCH_MODE=post scenario_http post \
        "POST /prod/students (new students, outbox mail)" "$SERVER_PID" "$BASE/prod/students" -H "$(key_header)"
    after="$(count_files "$DATA/outbox")"
    log "scenario post: $((after - before)) e-mails written to the outbox"
}

scenario_get10k() {
    log "seeding $LIST_STUDENTS students"
    $PY seed --db "$DATA/student-api.db" --count "$LIST_STUDENTS" >/dev/null
    curl -fsS -H "$(key_header)" "$BASE/prod/students" -o "$WORK/students10k.json"
    [ "$($PY json-len "$WORK/students10k.json")" = "$LIST_STUDENTS" ] || die "expected $LIST_STUDENTS students"
    local bytes
    bytes="$(stat -c %s "$WORK/students10k.json")"
    NOTE="$(printf '%.2f' "$(python3 -c "print($bytes / 1e6)")") MB per response" scenario_http get10k \
        "GET /prod/students, $(thousands "$LIST_STUDENTS") students" "$SERVER_PID" "$BASE/prod/students" \
        -H "$(key_header)"
}

# On a freshly started server (ready on /health), so that its peak RSS is the backup's (plus start-up), not
# the heap that the earlier load scenarios grew.
scenario_backup() {
    local seconds
    stop_server
    log "seeding $BACKUP_STUDENTS students"
    seconds="$($PY seed --db "$DATA/student-api.db" --count "$BACKUP_STUDENTS")"
    start_server backup /health 0
    log "seeded in $seconds s; POST /prod/backup"
    local result status total
    result="$(curl -sS -X POST -H "$(key_header)" "$BASE/prod/backup" -o "$WORK/backup.json" \
        -w '%{http_code} %{time_total}')"
    status="${result% *}"
    total="${result#* }"
    local rss bytes count
    rss="$(hwm_kb "$SERVER_PID")"
    bytes="$($PY json-get "$WORK/backup.json" bytes 2>/dev/null || echo 0)"
    count="$($PY json-get "$WORK/backup.json" count 2>/dev/null || echo 0)"
    [ "$status" = 200 ] || log "backup answered HTTP $status: $(head -c 500 "$WORK/backup.json")"
    $PY record --results "$RESULTS" --id backup \
        --label "POST /prod/backup, $(thousands "$BACKUP_STUDENTS") students (fresh server)" \
        --set "seconds=$total" --set "bytes=$bytes" --set "count=$count" --set "status=$status" \
        --set "rss_kb=$rss" --set "mb_per_s=$(python3 -c "print(round($bytes / 1e6 / max($total, 1e-9), 1))")" \
        >/dev/null
}

# ------------------------------------------------------------------------------ records scenarios (issue 12)

# restore (replace) of the backup scenario_backup just took, on the same server: safety backup included.
scenario_restore() {
    local name result status total
    name="$($PY json-get "$WORK/backup.json" key)"
    name="${name##*/}"
    log "scenario restore: POST /prod/backups/$name/restore?mode=replace ($(thousands "$BACKUP_STUDENTS") students)"
    result="$(curl -sS -X POST -H "$(key_header)" "$BASE/prod/backups/$name/restore?mode=replace&confirm=$name" \
        -o "$WORK/restore.json" -w '%{http_code} %{time_total}')"
    status="${result% *}"
    total="${result#* }"
    [ "$status" = 200 ] || log "restore answered HTTP $status: $(head -c 500 "$WORK/restore.json")"
    $PY record --results "$RESULTS" --id restore \
        --label "restore (replace) of $(thousands "$BACKUP_STUDENTS") students, POST .../restore" \
        --set "value=$total" --set "status=$status" \
        --set "inserted=$($PY json-get "$WORK/restore.json" inserted 2>/dev/null || echo 0)" >/dev/null
    stop_server
}

# CSV export of the whole table, twice, from a freshly started server (its peak RSS includes start-up and both
# exports), then pages of 100 on the same server.
scenario_export() {
    start_server export /health 0
    log "scenario export: GET /prod/students?format=csv ($(thousands "$BACKUP_STUDENTS") students)"
    # Twice: the first runs while the JIT compiles the export (reported as "first"), the second is the figure.
    local result status total bytes first
    result="$(curl -sS -H "$(key_header)" "$BASE/prod/students?format=csv" -o /dev/null \
        -w '%{http_code} %{time_total} %{size_download}')"
    read -r status total bytes <<<"$result"
    first="$(python3 -c "print(round($bytes / 1e6 / max($total, 1e-9), 1))")"
    result="$(curl -sS -H "$(key_header)" "$BASE/prod/students?format=csv" -o "$WORK/export.csv" \
        -w '%{http_code} %{time_total} %{size_download}')"
    read -r status total bytes <<<"$result"
    local rows
    rows=$(($(wc -l <"$WORK/export.csv") - 1))
    [ "$rows" = "$BACKUP_STUDENTS" ] || log "export has $rows rows, expected $BACKUP_STUDENTS"
    $PY record --results "$RESULTS" --id export \
        --label "export of $(thousands "$rows") students as CSV (fresh server)" \
        --set "value=$(python3 -c "print(round($bytes / 1e6 / max($total, 1e-9), 1))")" --set "status=$status" \
        --set "seconds=$total" --set "bytes=$bytes" --set "first_mb_per_s=$first" \
        --set "rss_kb=$(hwm_kb "$SERVER_PID")" >/dev/null
    rm -f "$WORK/export.csv"
}

# Pages of 100 picked at random among the first 300 of the walk, at about half the maximum rate of pages
# (like paced20: the latency of a server that is not saturated).
scenario_page() {
    local pages
    pages="$($PY pages --base "$BASE" --key "$KEY" --limit 100 --count 300 --out "$WORK/pages.txt")"
    log "scenario page100: $pages page paths of GET /prod/students?limit=100 (warm-up ${WARMUP}s, measure ${DURATION}s)"
    BENCH_MODE=paths BENCH_PATHS="$WORK/pages.txt" BENCH_RUN=pgw run_wrk "$WORK/page100.warmup.txt" "$WARMUP" \
        "$CONNECTIONS" "$BASE/prod/students" -H "$(key_header)"
    BENCH_MODE=paths BENCH_PATHS="$WORK/pages.txt" BENCH_RUN=pgm run_wrk "$WORK/page100.max.txt" "$DURATION" \
        "$CONNECTIONS" "$BASE/prod/students" -H "$(key_header)"
    local max target delay=10 connections achieved
    max="$($PY wrk-get "$WORK/page100.max.txt" rps)"
    target="$(python3 -c "print(max(1.0, $max / 2))")"
    connections="$(python3 -c "import math; print(max(1, round($target * ($delay + 0.5) / 1000)))")"
    BENCH_MODE=paths BENCH_PATHS="$WORK/pages.txt" BENCH_DELAY_MS=$delay BENCH_RUN=pgc run_wrk \
        "$WORK/page100.calibrate.txt" "$((DURATION < 5 ? 2 : 5))" "$connections" "$BASE/prod/students" \
        -H "$(key_header)"
    achieved="$($PY wrk-get "$WORK/page100.calibrate.txt" rps)"
    connections="$(python3 -c "print(max(1, round($connections * $target / max($achieved, 1))))")"
    BENCH_MODE=paths BENCH_PATHS="$WORK/pages.txt" BENCH_DELAY_MS=$delay BENCH_RUN=pgp run_wrk \
        "$WORK/page100.txt" "$DURATION" "$connections" "$BASE/prod/students" -H "$(key_header)"
    local p99 rps non2xx max_p99
    p99="$($PY wrk-get "$WORK/page100.txt" p99_ms)"
    rps="$($PY wrk-get "$WORK/page100.txt" rps)"
    non2xx="$($PY wrk-get "$WORK/page100.txt" non2xx)"
    max_p99="$($PY wrk-get "$WORK/page100.max.txt" p99_ms)"
    $PY record --results "$RESULTS" --id page100 \
        --label "a page of 100 (limit=100, cursor) from $(thousands "$BACKUP_STUDENTS") students" \
        --set "value=$p99" --set "status=$([ "$non2xx" = 0 ] && echo 200 || echo 0)" \
        --set "note=\"$(printf '%.0f' "$rps") pages/s = ~50 % of the max $(printf '%.0f' "$max") ($connections conn., pause 0–$((2 * delay)) ms); at the max (wrk -c$CONNECTIONS) p99 is $(printf '%.1f' "$max_p99") ms; $non2xx non-2xx\"" \
        >/dev/null
}

# Import of IMPORT_STUDENTS new students over HTTP into an empty table (after two imports of the same file as
# warm-up), next to the sqlite3 command-line tool importing the same CSV into a table of the same schema.
scenario_import() {
    log "scenario import: emptying the table; writing $(thousands "$IMPORT_STUDENTS") students as CSV"
    $PY seed --db "$DATA/student-api.db" --count 0 >/dev/null
    local bytes
    bytes="$($PY csv --out "$WORK/import.csv" --count "$IMPORT_STUDENTS")"
    # Warm-up: the same file imported twice (and removed again), so that the measured import runs compiled code.
    for run in 1 2; do
        curl -fsS -H "$(key_header)" -H 'Content-Type: text/csv' --data-binary @"$WORK/import.csv" \
            "$BASE/prod/students/import?onConflict=replace" -o /dev/null || die "warm-up import $run failed"
    done
    $PY seed --db "$DATA/student-api.db" --count 0 >/dev/null
    log "scenario import: POST /prod/students/import ($(thousands "$IMPORT_STUDENTS") rows, $bytes bytes)"
    local result status total
    result="$(curl -sS -H "$(key_header)" -H 'Content-Type: text/csv' --data-binary @"$WORK/import.csv" \
        "$BASE/prod/students/import" -o "$WORK/import.json" -w '%{http_code} %{time_total}')"
    status="${result% *}"
    total="${result#* }"
    [ "$status" = 200 ] || log "import answered HTTP $status: $(head -c 500 "$WORK/import.json")"
    local reference=null
    if command -v sqlite3 >/dev/null; then
        rm -f "$WORK/reference.db"
        sqlite3 "$WORK/reference.db" "CREATE TABLE students (studentid TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL,
            class TEXT NOT NULL, birthdate TEXT NOT NULL, email TEXT NOT NULL) WITHOUT ROWID"
        reference="$(python3 - "$WORK/reference.db" "$WORK/import.csv" <<'PY'
import subprocess, sys, time
start = time.monotonic()
subprocess.run(["sqlite3", sys.argv[1], ".import --csv --skip 1 " + sys.argv[2] + " students"], check=True)
print(round(time.monotonic() - start, 3))
PY
)"
        rm -f "$WORK/reference.db"
    fi
    $PY record --results "$RESULTS" --id import \
        --label "import of $(thousands "$IMPORT_STUDENTS") students over HTTP (CSV, into an empty table)" \
        --set "value=$total" --set "status=$status" --set "bytes=$bytes" --set "sqlite3_s=$reference" \
        --set "inserted=$($PY json-get "$WORK/import.json" inserted 2>/dev/null || echo 0)" >/dev/null
    rm -f "$WORK/import.csv"
    stop_server
}

scenario_no_gateway() {
    log "restoring 20 students; starting the server with GATEWAY=off"
    $PY seed --db "$DATA/student-api.db" --count 20 >/dev/null
    start_server nogw /prod/students 1 GATEWAY=off
    local status
    status="$(curl -s -o /dev/null -w '%{http_code}' "$BASE/prod/students")"
    if [ "$status" != 200 ]; then
        log "GATEWAY=off is not honoured by this build (a request without a key got $status): skipped"
        $PY record --results "$RESULTS" --id get20_nogw --label "same, gateway switched off (GATEWAY=off)" \
            --set "skipped=\"GATEWAY=off not supported by this build (no-key request got $status)\"" >/dev/null
    else
        NOTE="key sent but not checked" scenario_http get20_nogw "same, gateway switched off (GATEWAY=off)" \
            "$SERVER_PID" "$BASE/prod/students" -H "$(key_header)"
    fi
    stop_server
}

# start_nginx <worker_processes>: nginx serving $WORK/students20.json at /prod/students behind the same key check
# and with the same response headers as the server; sets NGINX_PID and NGINX_PORT.
start_nginx() {
    local workers="$1" dir="$WORK/nginx" port
    mkdir -p "$dir/www" "$dir/tmp"
    cp "$WORK/students20.json" "$dir/www/students.json"
    chmod -R a+rX "$dir"; chmod a+x "$WORK"
    port="$($PY freeport)"
    # The same headers the server sends, so that the ceiling moves the same bytes.
    local headers
    headers="$(cat <<'EOF'
            add_header x-amzn-RequestId "$request_id" always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy no-referrer always;
            add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" always;
            add_header Access-Control-Allow-Origin * always;
            add_header Access-Control-Expose-Headers Retry-After,x-amzn-ErrorType,x-amzn-RequestId always;
EOF
)"
    cat >"$dir/nginx.conf" <<EOF
# Written by bench/run.sh: the 20 students as a static file behind the same x-api-key check.
daemon off;
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    default_type application/json;
    etag off;
    map \$http_x_api_key \$bench_key_ok {
        default 0;
        "$KEY" 1;
    }
    server {
        listen 127.0.0.1:$port;
        root $dir/www;
        location = /prod/students {
            if (\$bench_key_ok = 0) {
                add_header x-amzn-ErrorType ForbiddenException always;
                return 403 '{"message":"Forbidden"}';
            }
$headers
            try_files /students.json =404;
        }
    }
}
EOF
    "$NGINX" -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" || die "nginx rejected $dir/nginx.conf"
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>&1 &
    NGINX_PID=$!
    NGINX_PORT="$port"
    $PY wait --url "http://127.0.0.1:$port/prod/students" --header "$(key_header)" >/dev/null \
        || { cat "$dir/error.log" >&2; die "nginx did not start"; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/prod/students")" = 403 ] \
        || die "nginx does not check the key"
    cmp -s "$dir/www/students.json" <(curl -fsS -H "$(key_header)" "http://127.0.0.1:$port/prod/students") \
        || die "nginx does not serve the same body"
    log "nginx: pid $NGINX_PID on port $port (worker_processes $workers)"
}

stop_nginx() {
    [ -n "$NGINX_PID" ] || return 0
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$NGINX_PID" 2>/dev/null || true
    wait "$NGINX_PID" 2>/dev/null || true
    NGINX_PID=""
}

scenario_nginx() {
    start_nginx auto
    local port="$NGINX_PORT"
    log "scenario nginx20: nginx, same 20 students (warm-up ${WARMUP}s, measure ${DURATION}s)"
    BENCH_RUN=nw run_wrk "$WORK/nginx20.warmup.txt" "$WARMUP" "$CONNECTIONS" "http://127.0.0.1:$port/prod/students" \
        -H "$(key_header)"
    local pids
    pids="$NGINX_PID $(cat /proc/"$NGINX_PID"/task/*/children 2>/dev/null)"
    for p in $pids; do reset_hwm "$p"; done
    local cpu0
    # shellcheck disable=SC2086
    cpu0="$(cpu_s $pids)"
    BENCH_RUN=nm run_wrk "$WORK/nginx20.txt" "$DURATION" "$CONNECTIONS" "http://127.0.0.1:$port/prod/students" \
        -H "$(key_header)"
    local rss=0
    for p in $pids; do rss=$((rss + $(hwm_kb "$p"))); done
    $PY record-wrk --results "$RESULTS" --id nginx20 --label "nginx: same 20 students, static file + key check" \
        --wrk-out "$WORK/nginx20.txt" --rss-kb "$rss" --note "the ceiling; RSS and CPU of master + workers" \
        --set "cpu_s=$(python3 -c "print($(cpu_s $pids) - $cpu0)")" >/dev/null
    stop_nginx
}


# alternate <id> <label> <seconds> <pairs> <connections> <url A> <url B>: A, B, A, B, ... (WRK_THREADS wrk
# threads), then records every pair's rates and the median of the A/B ratios. Both must be warm already.
alternate() {
    local id="$1" label="$2" seconds="$3" pairs="$4" connections="$5" url_a="$6" url_b="$7"
    local i outs=()
    for i in $(seq 1 "$pairs"); do
        BENCH_RUN="${id}a$i" run_wrk "$WORK/$id.a$i.txt" "$seconds" "$connections" "$url_a" -H "$(key_header)"
        BENCH_RUN="${id}b$i" run_wrk "$WORK/$id.b$i.txt" "$seconds" "$connections" "$url_b" -H "$(key_header)"
        outs+=("$WORK/$id.a$i.txt" "$WORK/$id.b$i.txt")
        log "  pair $i: $($PY wrk-get "$WORK/$id.a$i.txt" rps) vs $($PY wrk-get "$WORK/$id.b$i.txt" rps) req/s"
    done
    $PY record-pairs --results "$RESULTS" --id "$id" --label "$label" \
        --note "wrk -t${WRK_THREADS:-$THREADS} -c$connections, $pairs alternating pairs of ${seconds} s" "${outs[@]}" \
        >/dev/null
}

# The gateway's cost and the ratio to nginx as issue 16 measures them: two servers (GATEWAY on and off) and nginx
# with one worker run at once on 20 students; after the warm-up, three alternating pairs of 5 s each.
scenario_pairs() {
    local seconds=5 pairs=3
    [ "$QUICK" = 1 ] && seconds=1
    log "scenario pairs: restoring 20 students; servers with GATEWAY on and off, nginx with one worker"
    $PY seed --db "$DATA/student-api.db" --count 20 >/dev/null
    start_server pairs-on /prod/students 1
    local on_pid="$SERVER_PID" on_url="$BASE/prod/students"
    curl -fsS -H "$(key_header)" "$on_url" -o "$WORK/students20.json"
    OTHER_PIDS+=("$on_pid"); SERVER_PID=""
    start_server pairs-off /prod/students 1 GATEWAY=off
    local off_pid="$SERVER_PID" off_url="$BASE/prod/students"
    OTHER_PIDS+=("$off_pid"); SERVER_PID=""
    start_nginx 1
    local nginx_url="http://127.0.0.1:$NGINX_PORT/prod/students"
    log "scenario pairs: warm-up ${WARMUP}s each (gateway on, then off)"
    BENCH_RUN=gwonw run_wrk "$WORK/pairs-on.warmup.txt" "$WARMUP" "$CONNECTIONS" "$on_url" -H "$(key_header)"
    BENCH_RUN=gwoffw run_wrk "$WORK/pairs-off.warmup.txt" "$WARMUP" "$CONNECTIONS" "$off_url" -H "$(key_header)"
    log "scenario gwpairs: GATEWAY on vs off, wrk -t$THREADS -c$CONNECTIONS, $pairs pairs of ${seconds}s"
    alternate gwpairs "GET 20, gateway on vs GATEWAY=off (alternating pairs)" "$seconds" "$pairs" "$CONNECTIONS" \
        "$on_url" "$off_url"
    log "scenario ratio: GET 20 vs nginx (one worker), wrk -t1 -c32, $pairs pairs of ${seconds}s"
    WRK_THREADS=1 BENCH_RUN=ngw run_wrk "$WORK/ratio-nginx.warmup.txt" "$((seconds * 2))" 32 "$nginx_url" \
        -H "$(key_header)"
    WRK_THREADS=1 BENCH_RUN=rw run_wrk "$WORK/ratio-on.warmup.txt" "$((seconds * 2))" 32 "$on_url" -H "$(key_header)"
    WRK_THREADS=1 alternate ratio "GET 20 vs nginx with one worker, wrk -t1 -c32 (alternating pairs)" "$seconds" \
        "$pairs" 32 "$on_url" "$nginx_url"
    stop_nginx
    for p in "$on_pid" "$off_pid"; do SERVER_PID="$p" stop_server; done
    OTHER_PIDS=()
}

# The warm-up of the server the start-up scenario has just started: its rate in each of its first seconds of
# load, judged against the steady rate of the get20 row (measured later, after the full warm-up).
scenario_rampup() {
    local seconds=10 i series=""
    [ "$QUICK" = 1 ] && seconds=5
    log "scenario rampup: ${seconds} one-second runs on the server just started"
    for i in $(seq 1 "$seconds"); do
        BENCH_RUN="ramp$i" run_wrk "$WORK/ramp$i.txt" 1 "$CONNECTIONS" "$BASE/prod/students" -H "$(key_header)"
        series="$series${series:+, }$($PY wrk-get "$WORK/ramp$i.txt" rps)"
    done
    log "scenario rampup: req/s in each second: $series"
    $PY record --results "$RESULTS" --id rampup --label "warm-up: req/s in each of the first ${seconds} s of load" \
        --set "series=[$series]" >/dev/null
}

# JFR of the authenticated GET of 20 under the same load as scenario get20, after the same warm-up;
# profile_get20 <name> <title> [NAME=value...] (extra server environment, e.g. GATEWAY=off).
profile_get20() {
    local name="$1" title="$2"
    shift 2
    log "profile $name: JFR of $title (${PROFILE_SECONDS}s after ${WARMUP}s warm-up)"
    $PY seed --db "$DATA/student-api.db" --count 20 >/dev/null
    start_server "profile-$name" /prod/students 1 "$@"
    BENCH_RUN="p${name}w" run_wrk "$WORK/profile-$name.warmup.txt" "$WARMUP" "$CONNECTIONS" "$BASE/prod/students" \
        -H "$(key_header)"
    jcmd "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
    BENCH_RUN="p${name}m" run_wrk "$WORK/profile-$name.txt" "$PROFILE_SECONDS" "$CONNECTIONS" "$BASE/prod/students" \
        -H "$(key_header)"
    jcmd "$SERVER_PID" JFR.stop name=bench filename="$WORK/$name.jfr" >/dev/null
    stop_server
    {
        echo "### $title"
        echo
        echo "wrk -t$THREADS -c$CONNECTIONS for ${PROFILE_SECONDS}s under JFR (settings=profile) after ${WARMUP}s of" \
            "warm-up: $($PY wrk-get "$WORK/profile-$name.txt" rps) req/s while recording."
        echo
        $PY jfr-top "$WORK/$name.jfr"
        echo
    } >>"$WORK/profile.md"
    if [ "$KEEP" = 1 ]; then log "JFR recording: $WORK/$name.jfr"; fi
}

report() {
    local commit dirty
    commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    dirty="$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -c . || true)"
    echo "# Benchmark $(date -u +%Y-%m-%d) ($([ "$QUICK" = 1 ] && echo quick || echo full) run)"
    echo
    echo "- machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1))," \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM, Linux $(uname -r);" \
        "wrk and the server share the machine"
    echo "- load average (1/5/15 min): $LOAD_BEFORE before, $LOAD_AFTER after"
    echo "- java: $("$JAVA_CMD" -version 2>&1 | head -1); JVM options: $(cds_option) $(jvm_options)" \
        "${BENCH_JAVA_OPTS:-} (as README runs it: $(grep -v '^#' "$JVM_OPTIONS" 2>/dev/null | tr '\n' ' ')and the" \
        "start-up archive next to the jar, when there)"
    echo "- $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $("$NGINX" -v 2>&1)"
    echo "- jar: ${JAR#"$ROOT"/} built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC'), commit $commit" \
        "($dirty uncommitted paths in the working tree)"
    echo "- load: wrk -t$THREADS -c$CONNECTIONS --timeout 10s, ${WARMUP}s warm-up then ${DURATION}s measured per" \
        "scenario; usage plan rate 1e9/s, burst 1e9, quota 1e12/day (never refuses); total run ${ELAPSED}s"
    echo "- latencies are wrk's (closed loop, from write to full response); p99.9 from wrk's histogram via Lua;" \
        "peak RSS is VmHWM of the server process, reset (clear_refs) after each warm-up"
    if [ "$PROFILE_ONLY" = 0 ]; then
        echo
        $PY report --results "$RESULTS" --meta "$WORK/meta.json"
    fi
    if [ -f "$WORK/jmh.txt" ]; then
        echo
        echo "## JMH: the parts of one authenticated GET, in process (single thread, µs per call)"
        echo
        echo '```'
        sed -n '/^Benchmark  /,$p' "$WORK/jmh.txt"
        echo '```'
    fi
    if [ -f "$WORK/profile.md" ]; then
        echo
        echo "## Profile"
        echo
        cat "$WORK/profile.md"
    fi
}

# ------------------------------------------------------------------------------------------------ main

# Everything runs from this function, so that bash has read the whole file before the first scenario
# (editing or updating the script while it runs cannot change what it does).
main() {
    ensure_tools
    WORK="$(mktemp -d "${BENCH_WORKDIR:-${TMPDIR:-/tmp}}/student-bench.XXXXXX")"
    chmod 755 "$WORK"
    DATA="$WORK/data"
    RESULTS="$WORK/results.jsonl"
    : >"$RESULTS"
    STARTED_AT="$(date +%s)"
    LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
    log "work directory $WORK; mode $([ "$QUICK" = 1 ] && echo quick || echo full); load average $LOAD_BEFORE"

    scenario_startup
    if [ "$PROFILE_ONLY" = 1 ]; then
        stop_server
    elif [ "$PAIRS_ONLY" = 1 ]; then
        scenario_rampup
        stop_server
        scenario_pairs
    elif [ "$RECORDS_ONLY" = 1 ]; then
        scenario_backup
        scenario_restore
        scenario_export
        scenario_page
        scenario_import
    else
        scenario_rampup
        scenario_get20
        scenario_paced
        scenario_post
        scenario_get10k
        scenario_backup
        scenario_restore
        scenario_export
        scenario_page
        scenario_import
        scenario_no_gateway
        scenario_nginx
        scenario_pairs
        "$HERE/auth-flood.sh" --jar "$JAR" $([ "$QUICK" = 1 ] && echo --quick) | tee "$WORK/auth-flood.txt" || die "auth flood: see $WORK/auth-flood.txt"
    fi
    if [ "$PROFILE" = 1 ]; then
        profile_get20 get20 "GET /prod/students, 20 students, authenticated"
        profile_get20 get20-nogw "GET /prod/students, 20 students, GATEWAY=off" GATEWAY=off
    fi
    if [ "$JMH" = 1 ]; then
        log "JMH micro-benchmarks (bench/jmh/run.sh)"
        if [ "$QUICK" = 1 ]; then "$HERE/jmh/run.sh" --quick >"$WORK/jmh.txt" 2>&1
        else "$HERE/jmh/run.sh" >"$WORK/jmh.txt" 2>&1; fi \
            || { tail -40 "$WORK/jmh.txt" >&2; die "JMH failed"; }
    fi

    ELAPSED=$(( $(date +%s) - STARTED_AT ))
    LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "{\"quick\": $([ "$QUICK" = 1 ] && echo true || echo false)}" >"$WORK/meta.json"

    REPORT="$(report)"
    echo "$REPORT"
    if [ "$SAVE" = 1 ]; then
        mkdir -p "$HERE/results"
        out="$HERE/results/$(date -u +%Y-%m-%d).md"
        echo "$REPORT" >"$out"
        log "saved $out"
    fi
    log "done in ${ELAPSED}s"
    if [ "$PROFILE_ONLY" = 0 ] && [ "$RECORDS_ONLY" = 0 ] && [ "$PAIRS_ONLY" = 0 ]; then
        $PY report --results "$RESULTS" --meta "$WORK/meta.json" --check >/dev/null
    fi
}

main; exit $?
