#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `initdb` in a folder of our own and `pg_ctl` on a free loopback port, with no
# system cluster or service. Prints the connection string the tests read from CHATCRM_TEST_POSTGRES.
#
#   bash .ci/postgres.sh [start] [DIR]   start (or reuse) the server whose data lives in DIR, print its connection string
#   bash .ci/postgres.sh stop [DIR]      stop it and delete DIR
#
# DIR defaults to $TMPDIR/chatcrm-pg. The server package is installed from Debian only when no initdb is found (that
# needs root); the server itself never runs as root: under root it runs as the `postgres` user.
set -euo pipefail

command=${1:-start}
dir=${2:-${TMPDIR:-/tmp}/chatcrm-pg}
user=chatcrm
password=chatcrm

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -n "$found" && -x "$found/initdb" ]]; then
    echo "$found"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

bin=$(find_bin)
if [[ -z "$bin" && "$command" == start ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL's server package is not installed and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(find_bin)
fi

# Under root the server runs as `postgres` (initdb refuses root); otherwise as whoever runs this.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

stop() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

start() {
  if [[ -f "$dir/port" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    return 0
  fi

  rm -rf "$dir"
  mkdir -p "$dir"
  printf '%s\n' "$password" >"$dir/password"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres: "$dir"
  fi

  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" --auth=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  free_port >"$dir/port"
  # Loopback only, no Unix socket outside our folder; fsync off: a test database is thrown away anyway.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$(cat "$dir/port") -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$dir/server.log" >&2; return 1; }
}

case "$command" in
  start)
    # Only the connection string may reach stdout: the caller captures it whole. The server inherits no descriptor of
    # the caller's capture either (its output goes to its log file), or the capture would wait for it forever.
    start >&2 </dev/null
    echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=$user;Password=$password;Database=postgres"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 [start|stop] [DIR]" >&2
    exit 2
    ;;
esac
