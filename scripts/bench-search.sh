#!/usr/bin/env bash
# National-scale benchmarks of issue 4 §10 (not tests; figures go to docs/benchmarks.md):
#  1. person search over ~3 000 000 persons (demo generator, 1 220 000 households) on SQLite and
#     PostgreSQL — PESEL and surname prefix through CaseService vs the bare indexed SQL, p50/p99;
#  2. eligibility re-check of 1 000 000 households vs a plain loop.
# PostgreSQL: $OSTOJA_TEST_PG_URL (a server; a database "bench3m" is created in it), or a temporary one.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/src/app/ostoja
households=${BENCH_HOUSEHOLDS:-1220000}
work=$(mktemp -d /tmp/ostoja-bench3m.XXXXXX)
pg_dir=""
cleanup() {
  [ -n "$pg_dir" ] && scripts/pg.sh stop "$pg_dir"
  rm -rf "$work" ${pg_dir:+"$pg_dir"}
}
trap cleanup EXIT
if [ -z "${OSTOJA_TEST_PG_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/ostoja-bench-pg.XXXXXX)
  OSTOJA_TEST_PG_URL=$(scripts/pg.sh start "$pg_dir" 55435)
fi
pg_db="${OSTOJA_TEST_PG_URL%/*}/bench3m"
psql "$OSTOJA_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS bench3m" -c "CREATE DATABASE bench3m"
echo "== generating $households households on SQLite and PostgreSQL"
$bin demo --database "sqlite://$work/bench.db" --households "$households" --seed 11
$bin demo --database "$pg_db" --households "$households" --seed 11
psql "$pg_db" -q -c "VACUUM ANALYZE"
echo "== person search"
OSTOJA_BENCH_SQLITE="sqlite://$work/bench.db" OSTOJA_BENCH_PG="$pg_db" build/release/bench/search_bench
echo "== eligibility re-check"
build/release/bench/eligibility_bench
psql "$OSTOJA_TEST_PG_URL" -q -c "DROP DATABASE IF EXISTS bench3m"
