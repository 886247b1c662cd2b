#!/usr/bin/env bash
# The HTTP-edge spike (issue 16): each candidate against nginx with one worker, both answering the same 20
# students' JSON behind the same x-api-key check, wrk -t1 -c32; a warm-up, then alternating 5 s pairs
# (candidate, nginx); prints each pair's ratio and the median.
#
#   bench/spike/run.sh [--jar PATH] [--warmup S] [--duration S] [--pairs N] [candidate...]
#
# Candidates: server (the product's jar, started as bench/run.sh starts it), jetty (a Jetty 12 core Handler, no
# servlets, non-blocking), jetty-blocking (the same declared blocking, as a handler that waits for a store must be),
# vertx (Vert.x 5 core HTTP server, answering on its event loops), vertx-blocking (the same answering from its
# worker pool, executeBlocking). Default: all five. Build the spike first:
#   ./mvnw -B -q -f bench/spike/pom.xml package
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="python3 $ROOT/bench/lib/benchlib.py"
JAR="$ROOT/server/target/student-api.jar"
WARMUP=20
DURATION=5
PAIRS=3
CANDIDATES=()
while [ $# -gt 0 ]; do
    case "$1" in
        --jar) JAR="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --pairs) PAIRS="$2"; shift ;;
        server|jetty|jetty-blocking|vertx|vertx-blocking) CANDIDATES+=("$1") ;;
        *) echo "unknown argument: $1" >&2; exit 64 ;;
    esac
    shift
done
[ ${#CANDIDATES[@]} -gt 0 ] || CANDIDATES=(server jetty jetty-blocking vertx vertx-blocking)

log() { printf '[spike %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/edge-spike.XXXXXX")"
PIDS=()
cleanup() {
    local status=$? pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    sleep 0.5
    for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    [ $status -eq 0 ] && rm -rf "$WORK" || log "work directory kept: $WORK"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cds_option() { local a="${JAR%.jar}.jsa"; [ -f "$a" ] && printf "%s" "-XX:SharedArchiveFile=$a" || true; }

# ------------------------------------------------------------------ the product's server, a key, 20 students
DATA="$WORK/data"
SERVER_PORT="$($PY freeport)"
server_env=(--env "PORT=$SERVER_PORT" --env "HOST=127.0.0.1" --env "ADMIN_PORT=0" --env "DATA_DIR=$DATA"
            --env "PLAN_RATE_LIMIT=1000000000" --env "PLAN_BURST_LIMIT=1000000000"
            --env "STAGE_RATE_LIMIT=1000000000" --env "STAGE_BURST_LIMIT=1000000000"
            --env "PLAN_QUOTA_LIMIT=1000000000000" --env "PLAN_QUOTA_PERIOD=DAY")
start_server() { # <log> <ready path> [header]
    local out
    # shellcheck disable=SC2046
    out="$($PY launch --log "$WORK/$1.log" --url "http://127.0.0.1:$SERVER_PORT$2" ${3:+--header "$3"} \
        "${server_env[@]}" --timeout 120 -- java $(cds_option) ${BENCH_JAVA_OPTS:-} -jar "$JAR" serve)" \
        || { tail -30 "$WORK/$1.log" >&2; die "server did not start"; }
    SERVER_PID="${out% *}"
    PIDS+=("$SERVER_PID")
}
stop_pid() {
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
}
[ -f "$JAR" ] || die "$JAR not found"
start_server first /health
KEY=""
for _ in $(seq 1 100); do
    KEY="$(sed -n 's/^StudentApiKey: \([A-Za-z0-9]*\).*/\1/p' "$WORK/first.log" | head -1)"
    [ -n "$KEY" ] && break
    sleep 0.1
done
[ -n "$KEY" ] || die "no 'StudentApiKey:' line in $WORK/first.log"
stop_pid "$SERVER_PID"
$PY seed --db "$DATA/student-api.db" --count 20 >/dev/null
STUDENTS="$WORK/students.json"

# ------------------------------------------------------------------------------------ nginx, one worker
NGX="$WORK/nginx"
mkdir -p "$NGX/www" "$NGX/tmp"
NGINX_PORT="$($PY freeport)"
start_nginx() {
    cp "$STUDENTS" "$NGX/www/students.json"
    chmod -R a+rX "$NGX"; chmod a+x "$WORK"
    cat >"$NGX/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    default_type application/json;
    etag off;
    map \$http_x_api_key \$key_ok { default 0; "$KEY" 1; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGX/www;
        location = /prod/students {
            if (\$key_ok = 0) {
                add_header x-amzn-ErrorType ForbiddenException always;
                return 403 '{"message":"Forbidden"}';
            }
            add_header x-amzn-RequestId "\$request_id" always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy no-referrer always;
            add_header Content-Security-Policy "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src *; base-uri 'none'; form-action 'self'; frame-ancestors 'none'" always;
            add_header Access-Control-Allow-Origin * always;
            add_header Access-Control-Expose-Headers Retry-After,x-amzn-ErrorType,x-amzn-RequestId always;
            try_files /students.json =404;
        }
    }
}
CONF
    local nginx; nginx="$(command -v nginx || echo /usr/sbin/nginx)"
    "$nginx" -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" >"$NGX/stdout.log" 2>&1 &
    NGINX_PID=$!
    PIDS+=("$NGINX_PID")
    $PY wait --url "http://127.0.0.1:$NGINX_PORT/prod/students" --header "x-api-key: $KEY" >/dev/null \
        || { cat "$NGX/error.log" >&2; die "nginx did not start"; }
}

# --------------------------------------------------------------------------------------------- measuring
# CPU seconds (user + system) used so far by the given processes: less sensitive than requests/s to what else the
# machine runs, since a process waiting for a core spends none.
cpu_s() {
    local ticks=0 p
    for p in "$@"; do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    python3 -c "print($ticks / $(getconf CLK_TCK))"
}
nginx_pids() { echo "$NGINX_PID" $(pgrep -P "$NGINX_PID" || true); }

# wrk_rps <url> <seconds> <out>: prints requests/s; fails on any non-2xx or socket error.
wrk_rps() {
    wrk -t1 -c32 -d"$2s" --timeout 10s -H "x-api-key: $KEY" "$1" >"$3" 2>&1 || { cat "$3" >&2; die "wrk failed"; }
    if grep -q "Non-2xx" "$3"; then cat "$3" >&2; die "non-2xx answers from $1"; fi
    awk '/^Requests\/sec:/ {print $2}' "$3"
}

# measure <name> <url> <pid>: warm-up, then PAIRS alternating runs; appends "<name> <ratio...> median" to RESULTS,
# and each run's requests/s and CPU microseconds per request (the candidate's process, nginx's master and worker).
RESULTS="$WORK/results.txt"
measure() {
    local name="$1" url="$2" pid="$3" i rps ngx ratios=() c0 c1 n0 n1 cpu ngx_cpu
    cmp -s "$STUDENTS" <(curl -fsS -H "x-api-key: $KEY" "$url") || die "$name does not serve the same body"
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 403 ] || die "$name does not check the key"
    log "$name: warm-up ${WARMUP}s (load $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk_rps "$url" "$WARMUP" "$WORK/$name.warmup.txt" >/dev/null
    wrk_rps "http://127.0.0.1:$NGINX_PORT/prod/students" 3 "$WORK/nginx.warmup.txt" >/dev/null
    for i in $(seq 1 "$PAIRS"); do
        c0="$(cpu_s "$pid")"
        rps="$(wrk_rps "$url" "$DURATION" "$WORK/$name.$i.txt")"
        c1="$(cpu_s "$pid")"
        n0="$(cpu_s $(nginx_pids))"
        ngx="$(wrk_rps "http://127.0.0.1:$NGINX_PORT/prod/students" "$DURATION" "$WORK/nginx.$name.$i.txt")"
        n1="$(cpu_s $(nginx_pids))"
        cpu="$(python3 -c "print(f'{($c1 - $c0) * 1e6 / ($rps * $DURATION):.0f}')")"
        ngx_cpu="$(python3 -c "print(f'{($n1 - $n0) * 1e6 / ($ngx * $DURATION):.0f}')")"
        ratios+=("$(python3 -c "print(f'{$rps / $ngx:.3f}')")")
        log "$name pair $i: $rps req/s ($cpu µs CPU/request) vs nginx $ngx req/s ($ngx_cpu µs), ratio ${ratios[-1]}" \
            "(load $(cut -d' ' -f1-3 /proc/loadavg))"
        echo "$name $i $rps $ngx ${ratios[-1]} load=$(cut -d' ' -f1 /proc/loadavg) cpu_us=$cpu nginx_cpu_us=$ngx_cpu" \
            >>"$WORK/pairs.txt"
    done
    local median
    median="$(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (PAIRS + 1) / 2 ))p")"
    echo "$name ${ratios[*]} median $median" >>"$RESULTS"
    log "$name: median ratio $median"
}

start_server main /prod/students "x-api-key: $KEY"
curl -fsS -H "x-api-key: $KEY" "http://127.0.0.1:$SERVER_PORT/prod/students" -o "$STUDENTS"
[ "$($PY json-len "$STUDENTS")" = 20 ] || die "expected 20 students"
start_nginx
log "nginx: one worker on $NGINX_PORT; $(wc -c <"$STUDENTS") bytes of students; $(nproc) cores"

CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt" 2>/dev/null || true)"
for candidate in "${CANDIDATES[@]}"; do
    case "$candidate" in
        server)
            measure server "http://127.0.0.1:$SERVER_PORT/prod/students" "$SERVER_PID" ;;
        jetty|jetty-blocking|vertx|vertx-blocking)
            [ -f "$HERE/target/classpath.txt" ] || die "build the spike first: ./mvnw -q -f bench/spike/pom.xml package"
            port="$($PY freeport)"
            main=dev.studentapi.spike.JettyCoreSpike
            mode=""
            case "$candidate" in *-blocking) mode=blocking ;; esac
            case "$candidate" in vertx*) main=dev.studentapi.spike.VertxSpike ;; esac
            out="$($PY launch --log "$WORK/$candidate.log" --url "http://127.0.0.1:$port/prod/students" \
                --header "x-api-key: $KEY" --timeout 60 -- java ${BENCH_JAVA_OPTS:-} -cp "$CP" "$main" \
                "$port" "$KEY" "$STUDENTS" $mode)" || { cat "$WORK/$candidate.log" >&2; die "$candidate did not start"; }
            PIDS+=("${out% *}")
            measure "$candidate" "http://127.0.0.1:$port/prod/students" "${out% *}"
            stop_pid "${out% *}" ;;
    esac
done
echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$WORK/pairs.txt" | sed 's/^/pair /'
cat "$RESULTS"
