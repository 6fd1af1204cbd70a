#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 for tests: initdb + pg_ctl on a temporary data
# directory, its own port, trust authentication on 127.0.0.1 only.
#   scripts/pg.sh start DIR PORT   → prints the connection URL
#   scripts/pg.sh stop DIR
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
cmd=$1 dir=$2
run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    run "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
