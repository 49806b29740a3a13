#!/usr/bin/env bash
# The whole suite, on SQLite and then on PostgreSQL, browser tests included.
# Extra arguments go to pytest (e.g. scripts/test.sh -k audit).
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-test-tools.sh || exit 1

PGROOT=$(mktemp -d /tmp/pelita-pg.XXXXXX)
PGPORT=${PELITA_TEST_PGPORT:-55432}
trap 'scripts/pg-throwaway.sh stop "$PGROOT"' EXIT
PG_URL=$(scripts/pg-throwaway.sh start "$PGROOT" "$PGPORT") || { echo "PostgreSQL gagal dijalankan; lihat $PGROOT/log" >&2; exit 1; }

WORKERS=${PELITA_TEST_WORKERS:-2}
status=0
echo "=== Suite on SQLite ==="
env -u DATABASE_URL .venv/bin/python -m pytest -n "$WORKERS" -p no:cacheprovider --durations=15 "$@" || status=1
echo "=== Suite on PostgreSQL ($PG_URL) ==="
DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -n "$WORKERS" -p no:cacheprovider --durations=15 "$@" || status=1
if [ $status -eq 0 ]; then echo "Semua tes lulus di SQLite dan PostgreSQL."; else echo "Ada tes yang gagal." >&2; fi
exit $status
