#!/usr/bin/env bash
# Scale-out on one machine: moto_server (DynamoDB, S3, SES), Redis, two server instances sharing them, and nginx
# round-robin in front on one port. Verifies the SES sender, prints the key and the URL, and stops everything
# on Ctrl-C.
#
#   scripts/scale-out.sh [--port 8080] [--jar server/target/student-api.jar]
#
# Needs the built jar (./mvnw -q -DskipTests package), moto_server (pip install 'moto[server]'), redis-server and
# nginx (apt-get install redis-server nginx), curl and python3.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/server/target/student-api.jar"
PORT=8080
while [ $# -gt 0 ]; do
    case "$1" in
        --port) PORT="$2"; shift ;;
        --jar) JAR="$2"; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 64 ;;
    esac
    shift
done
for program in java moto_server redis-server nginx curl python3; do
    command -v "$program" >/dev/null || { echo "scale-out: $program is not installed (see README, Test it)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "scale-out: no server jar at $JAR: build it with ./mvnw -q -DskipTests package" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/student-scale-out.XXXXXX")"
PIDS=()
stop() {
    trap - INT TERM EXIT
    echo "scale-out: stopping"
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
    exit 0
}
trap stop INT TERM EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for URL WHAT LOG
    for _ in $(seq 1 300); do
        curl -s -o /dev/null "$1" && return 0
        sleep 0.2
    done
    echo "scale-out: $2 did not start; its log, $3:" >&2; tail -20 "$3" >&2; exit 1
}

MOTO_PORT="$(free_port)"; REDIS_PORT="$(free_port)"
moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$WORK/moto.log" 2>&1 & PIDS+=($!)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >"$WORK/redis.log" 2>&1 & PIDS+=($!)
wait_for "http://127.0.0.1:$MOTO_PORT/moto-api/" "moto_server" "$WORK/moto.log"
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null && break; sleep 0.1; done

SENDER=student-api@example.com
# SES accepts mail only from a verified identity: verify the sender (moto_server reads the region from the
# credential scope and checks no signature).
curl -s -o /dev/null -X POST "http://127.0.0.1:$MOTO_PORT/" \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0" \
    --data-urlencode "Action=VerifyEmailIdentity" --data-urlencode "EmailAddress=$SENDER"

ADMIN_ID="AKIA$(python3 -c 'import secrets,string; print("".join(secrets.choice(string.ascii_uppercase+string.digits) for _ in range(16)))')"
ADMIN_SECRET="$(python3 -c 'import secrets; print(secrets.token_urlsafe(30))')"
start_instance() {  # start_instance NAME PORT ADMIN_PORT
    env STORE=dynamodb BUCKET=s3 MAIL=ses LIMITER=redis AWS_REGION=us-east-1 \
        AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
        REDIS_URL="redis://127.0.0.1:$REDIS_PORT" SENDER_EMAIL="$SENDER" RECIPIENT_EMAIL=admin@example.com \
        ADMIN_ACCESS_KEY_ID="$ADMIN_ID" ADMIN_SECRET_ACCESS_KEY="$ADMIN_SECRET" ADMIN_PORT="$3" \
        HOST=127.0.0.1 PORT="$2" DATA_DIR="$WORK/data" TRUSTED_PROXIES=127.0.0.1 \
        PUBLIC_BASE_URL="http://127.0.0.1:$PORT" \
        java @"$ROOT/scripts/jvm.options" -jar "$JAR" serve >"$WORK/$1.out" 2>"$WORK/$1.log" & PIDS+=($!)
    wait_for "http://127.0.0.1:$2/health" "instance $1" "$WORK/$1.log"
}
A_PORT="$(free_port)"; B_PORT="$(free_port)"; A_ADMIN="$(free_port)"; B_ADMIN="$(free_port)"
start_instance a "$A_PORT" "$A_ADMIN"     # the first creates the key and the plan in DynamoDB
start_instance b "$B_PORT" "$B_ADMIN"
KEY="$(sed -n 's/^StudentApiKey: //p' "$WORK/a.out")"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    client_max_body_size 100m;
    upstream student_api { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; keepalive 32; }
    server {
        listen 127.0.0.1:$PORT;
        location / {
            proxy_pass http://student_api;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
    }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" & PIDS+=($!)
wait_for "http://127.0.0.1:$PORT/health" "nginx" "$WORK/nginx/error.log"

cat <<TEXT
Scale-out running: nginx on 127.0.0.1:$PORT, round-robin to two instances (:$A_PORT and :$B_PORT) on shared
DynamoDB, S3 and SES (moto_server :$MOTO_PORT) and Redis (:$REDIS_PORT).
KEY=$KEY
API=http://127.0.0.1:$PORT/prod
Control planes: http://127.0.0.1:$A_ADMIN and http://127.0.0.1:$B_ADMIN (ADMIN_ACCESS_KEY_ID=$ADMIN_ID ADMIN_SECRET_ACCESS_KEY=$ADMIN_SECRET)
Logs in $WORK. Ctrl-C stops everything.
TEXT
wait -n "${PIDS[@]}" || true
echo "scale-out: a process ended; see the logs above" >&2
