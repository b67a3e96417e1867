#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start` prints the URL to export as
# WORKSHOP_TEST_POSTGRES; `stop FOLDER` removes it. Unix socket only: nothing listens on the network.
# Debian's server binaries run as the postgres user when we are root (initdb refuses root).
set -euo pipefail
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
case "${1:-}" in
start)
  [ -x "$bin/initdb" ] || { echo "no PostgreSQL server binaries (apt-get install postgresql); the PostgreSQL tests need them" >&2; exit 1; }
  folder="$(mktemp -d /tmp/workshop-postgres-XXXXXX)"
  as=()
  if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; as=(runuser -u postgres --); user=postgres; else user="$(id -un)"; fi
  "${as[@]}" "$bin/initdb" -D "$folder/data" -U "$user" --auth=trust -E UTF8 >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-k $folder -c listen_addresses='' -p 5433 -c fsync=off" start >/dev/null \
    || { cat "$folder/server.log" >&2; exit 1; }
  echo "postgresql:///postgres?host=$folder&port=5433&user=$user"
  ;;
stop)
  folder="${2:?usage: test-postgres.sh stop FOLDER}"
  as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  "${as[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
  ;;
*) echo "usage: test-postgres.sh start | stop FOLDER" >&2; exit 2 ;;
esac
