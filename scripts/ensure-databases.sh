#!/usr/bin/env bash
# Makes sure the MariaDB and PostgreSQL servers the tests use are installed, running and reachable on
# 127.0.0.1, and that the test databases exist. Installs with apt where a server is missing (needs root),
# starts a stopped one, and fails when a server cannot be reached: in CI that always fails the build;
# elsewhere it warns and the server-backed tests fall back to Testcontainers or skip visibly.
#
# Then makes the local read replicas (a PostgreSQL streaming replica on 5433 and a MariaDB replica on 3307)
# with scripts/ensure-replicas.sh; ELOQUENT_REPLICAS=off leaves them out.
#
# Prints `export ...` lines for settings the tests need (for example a PostgreSQL password set on a
# fresh install); callers eval them.
set -uo pipefail

log() { echo "[databases] $*" >&2; }
ci() { [ "${CI:-}" = "true" ]; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }

MYSQL_HOST=${DB_TEST_HOST:-127.0.0.1}; MYSQL_PORT=${DB_TEST_PORT:-3306}; MYSQL_USER=${DB_TEST_USER:-root}
MYSQL_DB=${DB_TEST_NAME:-eloquent_test}
PG_HOST_=${PG_TEST_HOST:-127.0.0.1}; PG_PORT_=${PG_TEST_PORT:-5432}; PG_USER_=${PG_TEST_USER:-postgres}
PG_DB=${PG_TEST_NAME:-eloquent_test}
failures=0
apt_updated=false

apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq >&2 || return 1; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

wait_for() { # description, command...
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
  log "$what did not answer within 30 s"; return 1
}

mysql_ok() { MYSQL_PWD="${DB_TEST_PASSWORD:-}" mysql -u"$MYSQL_USER" -h"$MYSQL_HOST" -P"$MYSQL_PORT" -e 'SELECT 1'; }

ensure_mariadb() {
  if mysql_ok >/dev/null 2>&1; then :; else
    if [ "$MYSQL_HOST" != 127.0.0.1 ] && [ "$MYSQL_HOST" != localhost ]; then
      log "MariaDB/MySQL at $MYSQL_HOST:$MYSQL_PORT does not answer and is not local; check DB_TEST_HOST"; return 1
    fi
    if [ ! -x /usr/sbin/mariadbd ]; then
      log "installing mariadb-server"; apt_install mariadb-server mariadb-client || { log "apt could not install mariadb-server"; return 1; }
    fi
    log "starting MariaDB"
    as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld 2>/dev/null
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql >&2
    wait_for "MariaDB socket" as_root mysql -uroot -e 'SELECT 1' || return 1
    if ! mysql_ok >/dev/null 2>&1 && [ "$MYSQL_USER" = root ] && [ -z "${DB_TEST_PASSWORD:-}" ]; then
      # A fresh Debian install lets root in through the socket only; allow TCP with an empty password.
      log "allowing root over TCP with an empty password (fresh install)"
      as_root mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket; FLUSH PRIVILEGES;" >&2
    fi
    wait_for "MariaDB on $MYSQL_HOST:$MYSQL_PORT" mysql_ok || return 1
  fi
  MYSQL_PWD="${DB_TEST_PASSWORD:-}" mysql -u"$MYSQL_USER" -h"$MYSQL_HOST" -P"$MYSQL_PORT" \
    -e "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" >&2 || return 1
  log "MariaDB ready: $MYSQL_USER@$MYSQL_HOST:$MYSQL_PORT/$MYSQL_DB"
}

pg_ok() { PGPASSWORD="${PG_TEST_PASSWORD:-}" psql -w -h "$PG_HOST_" -p "$PG_PORT_" -U "$PG_USER_" -d postgres -Atc 'SELECT 1'; }

ensure_postgres() {
  if pg_ok >/dev/null 2>&1; then :; else
    if [ "$PG_HOST_" != 127.0.0.1 ] && [ "$PG_HOST_" != localhost ]; then
      log "PostgreSQL at $PG_HOST_:$PG_PORT_ does not answer and is not local; check PG_TEST_HOST"; return 1
    fi
    if [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
      log "installing postgresql"; apt_install postgresql postgresql-client || { log "apt could not install postgresql"; return 1; }
    fi
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start >&2
    wait_for "PostgreSQL socket" as_root su postgres -c "psql -Atc 'SELECT 1'" || return 1
    if ! pg_ok >/dev/null 2>&1 && [ "$PG_USER_" = postgres ] && [ -z "${PG_TEST_PASSWORD:-}" ]; then
      # pg_hba.conf asks for a password on 127.0.0.1 (a fresh install): give the role one and use it.
      log "setting a password for role postgres (fresh install asks for one over TCP)"
      as_root su postgres -c "psql -qc \"ALTER ROLE postgres PASSWORD 'postgres'\"" >&2
      export PG_TEST_PASSWORD=postgres
      echo "export PG_TEST_PASSWORD=postgres"
    fi
    wait_for "PostgreSQL on $PG_HOST_:$PG_PORT_" pg_ok || return 1
  fi
  if [ "$(PGPASSWORD="${PG_TEST_PASSWORD:-}" psql -w -h "$PG_HOST_" -p "$PG_PORT_" -U "$PG_USER_" -d postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    PGPASSWORD="${PG_TEST_PASSWORD:-}" psql -w -h "$PG_HOST_" -p "$PG_PORT_" -U "$PG_USER_" -d postgres \
      -qc "CREATE DATABASE \"$PG_DB\" ENCODING 'UTF8' TEMPLATE template0" >&2 || return 1
  fi
  log "PostgreSQL ready: $PG_USER_@$PG_HOST_:$PG_PORT_/$PG_DB"
}

command -v mysql >/dev/null || apt_install mariadb-client >/dev/null 2>&1 || true
command -v psql >/dev/null || apt_install postgresql-client >/dev/null 2>&1 || true
ensure_mariadb || failures=$((failures + 1))
ensure_postgres || failures=$((failures + 1))
# The read replicas of the replica tests (scripts/ensure-replicas.sh): local servers only.
if [ "$failures" = 0 ] && [ "${ELOQUENT_REPLICAS:-on}" != off ]; then
  if [ "$MYSQL_HOST" = 127.0.0.1 ] && [ "$PG_HOST_" = 127.0.0.1 ]; then
    bash "$(dirname "$0")/ensure-replicas.sh" || { log "the read replicas are not running"; failures=$((failures + 1)); }
  else
    log "servers are not local: no read replicas are made; the replica tests need PG_REPLICA_PORT/DB_REPLICA_PORT servers"
  fi
fi

if [ "$failures" -gt 0 ]; then
  if ci; then log "CI=true and $failures database server(s) cannot be reached: failing"; exit 1; fi
  log "continuing without $failures server(s): their tests use Testcontainers when Docker is available, else they skip and say so"
fi
exit 0
