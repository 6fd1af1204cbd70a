#!/usr/bin/env bash
# Benchmarks (not tests): figures go to docs/benchmarks.md with this command line.
#  1. HTTP, same server, same load generator (wrk), same run: unauthenticated hello endpoint vs an
#     authenticated (API token), permission-checked, scoped and durably audited JSON read of one person.
#     Then the same read's server-side CPU piece by piece, in process (bench/read_path_bench).
#  2. Storage (Google Benchmark): point lookup and insert+audit on SQLite and PostgreSQL, with baselines.
# PostgreSQL: $OSTOJA_TEST_PG_URL, or a temporary server started here.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-64}
bin=${OSTOJA_BIN:-build/release/src/app/ostoja}
work=$(mktemp -d /tmp/ostoja-bench.XXXXXX)
pg_dir=""
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && scripts/pg.sh stop "$pg_dir"
  rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
if [ -z "${OSTOJA_TEST_PG_URL:-}" ] && [ "${BENCH_STORAGE:-1}" != 0 ]; then
  pg_dir=$(mktemp -d /tmp/ostoja-bench-pg.XXXXXX)
  OSTOJA_TEST_PG_URL=$(scripts/pg.sh start "$pg_dir" 55434)
  export OSTOJA_TEST_PG_URL
fi

db="sqlite://$work/bench.db"
$bin demo --database "$db" --households "${BENCH_HOUSEHOLDS:-20000}" --seed 1 >/dev/null
token=$($bin user token dyrektor --database "$db" --name bench --days 1)
person=$(sqlite3 "$work/bench.db" "SELECT MIN(id) FROM persons")
port=18080
OSTOJA_ACCESS_LOG="$work/access.log" $bin serve --database "$db" --port $port --address 127.0.0.1 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
auth="Authorization: Bearer $token"
curl -sf -H "$auth" "http://127.0.0.1:$port/api/v1/persons/$person" >/dev/null

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }  # server user+system time, 1/100 s
idle_ticks() { awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }  # machine idle, total
run() {  # run NAME URL [HEADER] → name req/s p50 p99 non-2xx server-CPU-µs-per-request machine-idle-%
  local name=$1 url=$2
  shift 2
  local t0 t1 i0 i1
  t0=$(cpu_ticks)
  i0=$(idle_ticks)
  wrk -t1 -c"$connections" -d"${duration}s" --latency "$@" "$url" >"$work/$name.txt"
  t1=$(cpu_ticks)
  i1=$(idle_ticks)
  local rps p50 p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$work/$name.txt")
  local non2xx
  non2xx=$(awk '/Non-2xx/ {print $5}' "$work/$name.txt")
  echo "$name $rps $p50 $p99 ${non2xx:-0} $(awk -v a="$t0" -v b="$t1" -v q="$requests" 'BEGIN {printf "%.1f", (b - a) * 10000 / q}')" \
    "$(echo "$i0 $i1" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')"
}
echo "== HTTP (wrk -t1 -c$connections -d${duration}s, server and wrk on the same $(nproc)-core machine)"
run hello-warmup "http://127.0.0.1:$port/api/v1/hello" >/dev/null
hello=$(run hello "http://127.0.0.1:$port/api/v1/hello")
read_=$(run person-read "http://127.0.0.1:$port/api/v1/persons/$person" -H "$auth")
echo "endpoint req/s p50 p99 non-2xx server-cpu-us/req machine-idle-%"
echo "$hello"
echo "$read_"
h=$(echo "$hello" | awk '{print $2}')
r=$(echo "$read_" | awk '{print $2}')
echo "ratio audited-read / hello = $(awk -v r="$r" -v h="$h" 'BEGIN {printf "%.2f", r / h}')"
audited=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM audit_log WHERE action = 'read' AND entity = 'person'")
echo "audit entries written for person reads: $audited"
$bin audit verify --database "$db"
echo "== The read's server-side CPU without the network (Google Benchmark)"
build/release/bench/read_path_bench --benchmark_min_time=1

[ "${BENCH_STORAGE:-1}" = 0 ] && exit 0
echo "== Storage (Google Benchmark)"
build/release/bench/storage_bench --benchmark_min_time=1
