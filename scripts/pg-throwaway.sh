#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL cluster for the tests (never the system cluster).
#   scripts/pg-throwaway.sh start DIR PORT   -> prints the DATABASE_URL
#   scripts/pg-throwaway.sh stop DIR
set -euo pipefail
action=$1 root=$2
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    port=$3
    rm -rf "$root"
    if [ "$(id -u)" -eq 0 ]; then install -d -o postgres -g postgres "$root"; else mkdir -p "$root"; fi
    # initdb refuses to run as root, hence runuser; fsync off: the data is thrown away.
    as_pg "$PGBIN/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$root/initdb.log" 2>&1
    as_pg "$PGBIN/pg_ctl" -D "$root/data" -l "$root/log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $root -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$root/data" ] && as_pg "$PGBIN/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$root"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
