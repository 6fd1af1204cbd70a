#!/usr/bin/env bash
# Runs every test tier, the way CI does:
#   1. release build → ctest: pure domain (unit_tests) and storage tests on SQLite AND PostgreSQL
#   2. black-box HTTP API tests (node:test) against the real server on SQLite and PostgreSQL
#   3. browser tests (playwright-core driving Debian's Chromium)
#   4. ASan+UBSan build → ctest and the API tests again against the sanitized server
# PostgreSQL: $OSTOJA_TEST_PG_URL if set (CI starts one), otherwise a temporary one started here.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/deps.sh

logs="$root/build/test-logs"
mkdir -p "$logs"
pg_dir=""
if [ -z "${OSTOJA_TEST_PG_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/ostoja-pg.XXXXXX)
  OSTOJA_TEST_PG_URL=$(scripts/pg.sh start "$pg_dir" 55433)
  export OSTOJA_TEST_PG_URL
  trap 'scripts/pg.sh stop "$pg_dir"; rm -rf "$pg_dir"' EXIT
fi
echo "PostgreSQL for tests: ${OSTOJA_TEST_PG_URL%%\?*}"

status=0
step() {  # step NAME LOGFILE COMMAND…
  local name=$1 log=$2
  shift 2
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "=== $name FAILED (exit $rc)"; status=1; }
}

jobs=$(nproc)
# Formatting first: .clang-format is the project's style (clang-format 14 from Debian 12).
step "format check (clang-format)" "$logs/format.log" bash -c \
  "find src tests bench -name '*.cpp' -o -name '*.h' | sort | xargs clang-format --dry-run --Werror"
step "build (release)" "$logs/build-release.log" bash -c \
  "cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build/release -j$jobs"
step "ctest (release: unit + storage on SQLite and PostgreSQL)" "$logs/ctest-release.log" \
  ctest --test-dir build/release --output-on-failure -j"$jobs"
step "API tests (release server, SQLite + PostgreSQL)" "$logs/api-release.log" \
  env OSTOJA_BIN=build/release/src/app/ostoja node --test --test-concurrency=2 tests/api/
step "browser tests (Chromium)" "$logs/e2e.log" \
  env OSTOJA_BIN=build/release/src/app/ostoja node --test --test-concurrency=1 tests/e2e/
step "build (ASan + UBSan)" "$logs/build-asan.log" bash -c \
  "cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DOSTOJA_SANITIZE=ON -DOSTOJA_BUILD_WEB=OFF -DOSTOJA_BUILD_BENCH=OFF >/dev/null && cmake --build build/asan -j$jobs"
step "ctest (ASan + UBSan)" "$logs/ctest-asan.log" \
  env ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build/asan --output-on-failure -j"$jobs"
step "API tests (ASan + UBSan server)" "$logs/api-asan.log" \
  env OSTOJA_BIN=build/asan/src/app/ostoja ASAN_OPTIONS=detect_leaks=0 node --test --test-concurrency=2 tests/api/

echo
echo "=== Summary (each runner's own closing lines)"
for f in ctest-release api-release e2e ctest-asan api-asan; do
  [ -f "$logs/$f.log" ] || continue
  echo "--- $f"
  grep -E "tests passed|tests failed out of|^# (tests|pass|fail|skipped|todo)|^ℹ (tests|pass|fail|skipped)" "$logs/$f.log" | tail -n 6
done
exit $status
