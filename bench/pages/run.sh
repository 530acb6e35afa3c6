#!/usr/bin/env bash
# Public pages beside nginx serving the very same bytes, on this machine, in one run (bench/pages/README.md):
#  1. installs Debian's wrk and nginx if missing;
#  2. builds the platform and starts it on the embedded default with the demo profile in a fresh temporary data
#     folder, timing process start → /actuator/health UP, then again on the same folder; the same with class data
#     sharing (the jar extracted and a class archive made by a training start, as Spring Boot documents);
#  3. saves the home page and one record page, as sent and gzip-compressed, into an nginx root, and starts nginx
#     (Debian's build, worker_processes auto, gzip_static, its own port and temporary prefix);
#  4. runs wrk against both, page by page, alternating, with the same threads, connections, duration and
#     Accept-Encoding: gzip, and prints requests/s and the ratio;
#  5. publishes a new record through the API (draft, submit, review, approve by three users) while wrk keeps loading
#     the home page, and times approval → the title on the home page;
#  6. stops everything.
# Settings (environment): BENCH_DURATION (15s), BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_PORT (18180),
# BENCH_NGINX_PORT (18181), BENCH_SKIP_BUILD=1 to use target/*.jar as it is. Needs root or sudo to install packages.
set -euo pipefail

cd "$(dirname "$0")/../.."
DURATION=${BENCH_DURATION:-15s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PORT=${BENCH_PORT:-18180}
NGINX_PORT=${BENCH_NGINX_PORT:-18181}
ADMIN_PASSWORD='Bench-Admin-Passw0rd'
USER_PASSWORD='Bench-User-Passw0rd'
BASE="http://127.0.0.1:$PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"

log() { echo "[bench/pages] $*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)

WORK=$(mktemp -d /tmp/gongkai-bench-pages.XXXXXX)
# nginx's workers run as an unprivileged user when it is started as root: they must read the saved pages.
chmod 755 "$WORK"
APP_PID=""
WRK_PID=""
cleanup() {
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx/nginx.pid" ] && "$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  rm -rf "$WORK/app" "$WORK/training" "$WORK/data" "$WORK/data-cds"
  log "logs kept in $WORK (platform.log, training.log, nginx/logs)"
}
trap cleanup EXIT

if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  log "building (./mvnw -B -o -q package -DskipTests)"
  ./mvnw -B -o -q package -DskipTests
fi
JAR=$(ls target/gongkai-*.jar | grep -v original | head -n 1)

# start_platform <data folder> <java options…>: STARTUP is the seconds from process start to health UP.
start_platform() {
  local data=$1 t0 t1
  shift
  t0=$(date +%s%N)
  GONGKAI_DATA_DIR="$data" GONGKAI_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    java -Xmx768m "$@" --spring.profiles.active=demo --server.port="$PORT" >>"$WORK/platform.log" 2>&1 &
  APP_PID=$!
  until curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the platform stopped; see $WORK/platform.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  STARTUP=$(echo "scale=1; ($t1 - $t0) / 1000000000" | bc)
}
stop_platform() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

log "start as README says (java -jar): new data folder (database created, demo data published), then again"
start_platform "$WORK/data" -jar "$JAR"
FIRST_START=$STARTUP
stop_platform
start_platform "$WORK/data" -jar "$JAR"
SECOND_START=$STARTUP
stop_platform
# Class data sharing as Spring Boot documents it: the jar extracted, one training start that stops once the context
# is refreshed (on a throw-away folder), then every start maps the archived classes instead of loading them.
log "start with class data sharing: extracting, training, then a new data folder and again"
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP_JAR=$(ls "$WORK"/app/gongkai-*.jar | head -n 1)
GONGKAI_DATA_DIR="$WORK/training" GONGKAI_ADMIN_PASSWORD="$ADMIN_PASSWORD" java -Xmx768m \
  -XX:ArchiveClassesAtExit="$WORK/app/gongkai.jsa" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
  --spring.profiles.active=demo --server.port="$PORT" >"$WORK/training.log" 2>&1
start_platform "$WORK/data-cds" -XX:SharedArchiveFile="$WORK/app/gongkai.jsa" -jar "$APP_JAR"
CDS_FIRST_START=$STARTUP
stop_platform
start_platform "$WORK/data-cds" -XX:SharedArchiveFile="$WORK/app/gongkai.jsa" -jar "$APP_JAR"
CDS_SECOND_START=$STARTUP

# The home page and the first record it lists, as any visitor reads them.
RECORD=$(curl -sf "$BASE/" | grep -o 'href="/records/[a-z0-9]*%2F[0-9-]*"' | head -n 1 | sed 's/^href="//; s/"$//')
[ -n "$RECORD" ] || { log "no record on the home page"; exit 1; }
mkdir -p "$WORK/nginx/root/records" "$WORK/nginx/logs" "$WORK/nginx/tmp"
save() { # save <path> <file>: the bytes as sent and gzip-compressed
  curl -sf "$BASE$1" -o "$WORK/nginx/root/$2"
  curl -sf -H 'Accept-Encoding: gzip' "$BASE$1" -o "$WORK/nginx/root/$2.gz"
  cmp -s <(gzip -dc "$WORK/nginx/root/$2.gz") "$WORK/nginx/root/$2" || { log "$1: gzip form differs"; exit 1; }
}
save / index.html
save "$RECORD" record.html
cat >"$WORK/nginx/nginx.conf" <<EOF
# As Debian ships it where it matters (worker_processes auto, sendfile, keepalive), tuned as one tunes nginx for
# static files: the saved gzip files sent as they are (no compression per request), open files kept open.
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  sendfile on;
  tcp_nopush on;
  open_file_cache max=1000 inactive=60s;
  access_log off;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp;
  fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp;
  scgi_temp_path $WORK/nginx/tmp;
  default_type "text/html; charset=utf-8";
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/root;
    add_header Cache-Control no-cache;
    location = /record { try_files /record.html =404; }
  }
}
EOF
"$NGINX_BIN" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
curl -sf -H 'Accept-Encoding: gzip' "$NGINX/" -o "$WORK/check.gz"
for pair in "/|index.html" "/record|record.html"; do
  curl -sf -H 'Accept-Encoding: gzip' "$NGINX${pair%%|*}" -o "$WORK/check.gz"
  cmp -s "$WORK/check.gz" "$WORK/nginx/root/${pair#*|}.gz" || { log "nginx does not send the same bytes"; exit 1; }
done

rps() { # rps <url>: requests/s of one wrk run
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -H 'Accept-Encoding: gzip' "$1" \
    | awk '/Requests\/sec/ {print $2}'
}
log "warming up (the JVM compiles what it runs)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -H 'Accept-Encoding: gzip' "$BASE/" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$BASE$RECORD" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$NGINX/" >/dev/null

echo
echo "Public pages on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -n 1)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION -H 'Accept-Encoding: gzip' (each page: nginx, platform, nginx, platform)"
printf '%-34s %12s %12s %8s\n' "page (gzip bytes)" "nginx req/s" "gongkai" "ratio"
for page in "/|/|index.html" "$RECORD|/record|record.html"; do
  IFS='|' read -r path nginx_path file <<<"$page"
  n1=$(rps "$NGINX$nginx_path"); g1=$(rps "$BASE$path")
  n2=$(rps "$NGINX$nginx_path"); g2=$(rps "$BASE$path")
  n=$(echo "scale=0; ($n1 + $n2) / 2" | bc); g=$(echo "scale=0; ($g1 + $g2) / 2" | bc)
  printf '%-34s %12s %12s %8s\n' "$path ($(stat -c %s "$WORK/nginx/root/$file.gz"))" "$n" "$g" \
    "$(printf '%.2f' "$(echo "scale=4; $g / $n" | bc)")"
done

# A publication, while the home page is under load: how long until a visitor sees it there.
api() { # api <user:password> <method> <path> [json]: prints the answer, stops the run on an error
  local body=() out
  [ $# -ge 4 ] && body=(-d "$4")
  out=$(curl -s -w '\n%{http_code}' -u "$1" -X "$2" -H 'Content-Type: application/json' "${body[@]}" "$BASE$3")
  case "${out##*$'\n'}" in
    2??) echo "${out%$'\n'*}" ;;
    *) log "$2 $3: ${out%$'\n'*}"; exit 1 ;;
  esac
}
ORG=ycswjw
for role in EDITOR REVIEWER APPROVER; do
  api "admin:$ADMIN_PASSWORD" POST /api/v1/users "{\"username\":\"bench-${role,,}\",\"password\":\"$USER_PASSWORD\",\"displayName\":\"基准测试\",\"org\":\"$ORG\",\"roles\":[\"$role\"]}" >/dev/null
done
# No long runs of digits in the title: the privacy guard would take them for a bank card number.
TITLE="基准测试发布（$(date +%H时%M分%S秒)）"
DRAFT=$(api "bench-editor:$USER_PASSWORD" POST /api/v1/records "{\"catalogItem\":\"he-campaign\",\"org\":\"$ORG\",\"region\":\"360900\",\"title\":\"$TITLE\",\"writtenOn\":\"$(date +%F)\",\"body\":\"<p>示例数据：基准测试。</p>\",\"audience\":\"public\"}" \
  | grep -o '"indexNo":"[^"]*"' | cut -d'"' -f4)
api "bench-editor:$USER_PASSWORD" POST "/api/v1/records/$DRAFT/submit" >/dev/null
api "bench-reviewer:$USER_PASSWORD" POST "/api/v1/records/$DRAFT/review" '{"decision":"PASS"}' >/dev/null
on_home() { [[ "$(curl -s "$BASE/")" == *"$TITLE"* ]]; }
on_home && { log "the title is on the home page before approval"; exit 1; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d30s -H 'Accept-Encoding: gzip' "$BASE/" >/dev/null &
WRK_PID=$!
sleep 2
api "bench-approver:$USER_PASSWORD" POST "/api/v1/records/$DRAFT/approve" '{"decision":"PASS","comment":"同意"}' >/dev/null
t0=$(date +%s%N)
until on_home; do
  [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt 10000 ] || { log "not on the home page after 10 s"; exit 1; }
done
VISIBLE_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
kill "$WRK_PID" 2>/dev/null; wait "$WRK_PID" 2>/dev/null || true; WRK_PID=""

echo
echo "start to health UP, embedded default, demo profile (first: new folder, database created, demo data published; second: same folder again):"
echo "  java -jar:                first ${FIRST_START} s, second ${SECOND_START} s"
echo "  with class data sharing:  first ${CDS_FIRST_START} s, second ${CDS_SECOND_START} s"
echo "publication approved → on the home page (under load): ${VISIBLE_MS} ms"
