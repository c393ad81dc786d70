#!/usr/bin/env bash
# Load test of the public read endpoints during an episode: starts the packaged application (demo data, its own
# data directory), issues warnings for three units, then drives GET /api/public/warnings (with and without
# If-None-Match) and GET /cap/alerts.atom with wrk on loopback at 2, 4 and 8 connections (1, 2 and 4 per core on a
# 2-core machine). Prints requests/s and the latency percentiles, and the server's resident memory idle and after.
#   mvn -q package -DskipTests && src/test/bench/public-load.sh        (needs wrk: apt-get install wrk)
# JAVA_OPTS are passed to the server's JVM, e.g. JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" for the memory figures.
set -euo pipefail
cd "$(dirname "$0")/../../.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
port=${PORT:-18180}
duration=${DURATION:-20s}
data=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
AIRWARN_DATA_DIR="$data" QUARKUS_HTTP_PORT=$port AIRWARN_DISPATCH_EVERY=off java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar \
  > "$data/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -fs "localhost:$port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done
base="http://localhost:$port"
issue() {  # unit level approver
  onset=$(TZ=Asia/Shanghai date -d '+30 hours' +%Y-%m-%dT%H:00:00+08:00)
  end=$(TZ=Asia/Shanghai date -d '+80 hours' +%Y-%m-%dT%H:00:00+08:00)
  id=$(curl -fs -u duty:duty-demo -H 'Content-Type: application/json' \
    -d "{\"city\":\"$1\",\"level\":\"$2\",\"onset\":\"$onset\",\"expectedEnd\":\"$end\"}" "$base/api/warnings" \
    | sed 's/.*"id":\([0-9]*\).*/\1/')
  curl -fs -o /dev/null -u duty:duty-demo -H 'Content-Type: application/json' -d '{"action":"SUBMIT"}' "$base/api/warnings/$id/actions"
  curl -fs -o /dev/null -u "$3:$3-demo" -H 'Content-Type: application/json' -d '{"action":"APPROVE"}' "$base/api/warnings/$id/actions"
}
issue 220100 RED commander
issue 220200 ORANGE commander
issue 220300 YELLOW approver
sleep 6  # the public list is re-read at most every AIRWARN_PUBLIC_CACHE (5 s)
echo "warnings in force on the public list: $(curl -fs "$base/api/public/warnings" | grep -o '"unit"' | wc -l)"
etag=$(curl -fsI "$base/api/public/warnings" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
rss() { echo "$(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"; }
echo "AirWarn public endpoints under wrk ($(nproc) cores, $duration per run, $(date -u +%Y-%m-%dT%H:%MZ), JAVA_OPTS: ${JAVA_OPTS:-none})"
echo "resident memory, idle: $(rss)"
for path in /api/public/warnings /cap/alerts.atom; do
  for c in 2 4 8; do
    out=$(wrk -t2 -c$c -d"$duration" --latency "$base$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    echo "GET $path  connections $c: $rps req/s  p50 $p50  p99 $p99 $(echo "$out" | grep -E 'Non-2xx|Socket errors' | tr -s ' ' || true)"
  done
done
for c in 2 4 8; do
  out=$(wrk -t2 -c$c -d"$duration" --latency -H "If-None-Match: $etag" "$base/api/public/warnings")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  echo "GET /api/public/warnings (If-None-Match, 304)  connections $c: $rps req/s  p50 $p50  p99 $p99"
done
echo "resident memory, after the load: $(rss)"
