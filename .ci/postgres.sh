#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL for the tests that run the bot on it, and
# prints the connection string the tests read from CHATCRM_TEST_POSTGRES. Loopback only.
set -euo pipefail

start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'chatcrm'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"create role chatcrm login createdb password 'chatcrm'\""
  # Dropping a test database WITH (FORCE) must be able to stop an autovacuum worker in it.
  su postgres -c "psql -qc 'grant pg_signal_backend to chatcrm'" >/dev/null
}

# Only the connection string may reach stdout: the caller captures it whole, and a server start
# after an unclean stop prints "Removed stale pid file." there. No extra descriptor is opened
# either, since the server would inherit it and keep the caller's capture waiting forever.
start_postgres >&2
echo "Host=127.0.0.1;Port=5432;Username=chatcrm;Password=chatcrm;Database=postgres"
