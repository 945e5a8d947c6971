#!/usr/bin/env bash
# Makes sure the local read replicas the replica tests use (issue 14, docs/scaling-out.md) are running and
# replicating, next to the primaries scripts/ensure-databases.sh looks after:
#   - a PostgreSQL streaming replica of the local cluster on 127.0.0.1:${PG_REPLICA_PORT:-5433}: a second
#     cluster made with pg_basebackup, in recovery (pg_is_in_recovery() is true there);
#   - a MariaDB replica on 127.0.0.1:${DB_REPLICA_PORT:-3307}: a second mariadbd with its own data directory,
#     server_id 2, replicating from the primary on 3306 by GTID. The primary needs a binary log: when it
#     runs without one, it is restarted once with --log-bin (command-line flags; no system file is changed).
#     Only databases whose name contains "replica" are replicated (replicate-wild-do-table), so the replica
#     needs no copy of the primary's other data and no other test's writes can stop replication.
# The database the replica tests use, ${REPLICA_TEST_NAME:-eloquent_replica}, is created on both primaries
# (and so on both replicas). A replica that exists but does not replicate (broken, or made from another
# primary) is rebuilt. Local servers only; needs root (or sudo) like ensure-databases.sh.
# Exit status 0 when both replicas answer and replicate; 1 otherwise (the caller decides what that means).
set -uo pipefail

log() { echo "[replicas] $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
wait_for() { # description, seconds, command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  log "$what not reached within $seconds s"; return 1
}

REPLICA_DB=${REPLICA_TEST_NAME:-eloquent_replica}
case "$REPLICA_DB" in *replica*) ;; *) log "REPLICA_TEST_NAME must contain 'replica' (only those databases are replicated)"; exit 1 ;; esac
REPLICATED='%replica%.%'
started=$(date +%s)

# ---------------------------------------------------------------- PostgreSQL
PG_PRIMARY_PORT=${PG_TEST_PORT:-5432}
PG_REPLICA_PORT=${PG_REPLICA_PORT:-5433}
PG_VERSION=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_REPLICA_DIR=${PG_REPLICA_DIR:-/var/lib/postgresql/eloquent-replica-$PG_VERSION}

pg() { # port, sql
  PGPASSWORD="${PG_TEST_PASSWORD:-}" psql -w -h 127.0.0.1 -p "$1" -U postgres -d postgres -Atqc "$2" 2>/dev/null
}
as_postgres() { as_root su postgres -s /bin/bash -c "$*"; }

pg_replica_healthy() {
  [ "$(pg "$PG_REPLICA_PORT" 'SELECT pg_is_in_recovery()')" = t ] || return 1
  # The same cluster as the primary, and streaming from it now.
  local mine theirs
  mine=$(pg "$PG_REPLICA_PORT" 'SELECT system_identifier FROM pg_control_system()')
  theirs=$(pg "$PG_PRIMARY_PORT" 'SELECT system_identifier FROM pg_control_system()')
  [ -n "$mine" ] && [ "$mine" = "$theirs" ] || return 1
  [ "$(pg "$PG_REPLICA_PORT" 'SELECT status FROM pg_stat_wal_receiver')" = streaming ]
}

pg_replica_stop() {
  [ -f "$PG_REPLICA_DIR/postmaster.pid" ] && as_postgres "'$PG_BIN/pg_ctl' -D '$PG_REPLICA_DIR' -m fast -w stop" >&2
  return 0
}

pg_replica_start() {
  as_postgres "'$PG_BIN/pg_ctl' -D '$PG_REPLICA_DIR' -l '$PG_REPLICA_DIR/replica.log' -w -t 30 start" >/dev/null 2>&1
  wait_for "PostgreSQL replica streaming on 127.0.0.1:$PG_REPLICA_PORT" 20 pg_replica_healthy
}

pg_allow_replication() {
  # pg_hba.conf's "all" does not cover replication connections: add a loopback line with the same method
  # as the loopback line for ordinary connections (trust here; scram on a fresh install, which has one).
  local rules method hba
  rules=$(pg "$PG_PRIMARY_PORT" "SELECT count(*) FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND (address = '127.0.0.1' OR address IS NULL AND type = 'host')")
  [ "${rules:-0}" != 0 ] && return 0
  method=$(pg "$PG_PRIMARY_PORT" "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' AND address = '127.0.0.1' LIMIT 1")
  hba=$(pg "$PG_PRIMARY_PORT" 'SHOW hba_file')
  log "allowing replication connections from 127.0.0.1 ($method) in $hba"
  echo "host replication all 127.0.0.1/32 ${method:-trust}" | as_root tee -a "$hba" >/dev/null || return 1
  pg "$PG_PRIMARY_PORT" 'SELECT pg_reload_conf()' >/dev/null
}

pg_replica_build() {
  log "building the PostgreSQL replica in $PG_REPLICA_DIR (pg_basebackup of 127.0.0.1:$PG_PRIMARY_PORT)"
  pg_replica_stop
  as_root rm -rf "$PG_REPLICA_DIR"
  pg_allow_replication || return 1
  # Keep enough WAL for a replica that was stopped for a while to catch up without a slot (a slot would
  # keep WAL forever for a replica nobody starts again).
  [ "$(pg "$PG_PRIMARY_PORT" 'SHOW wal_keep_size')" = 0 ] &&
    pg "$PG_PRIMARY_PORT" "ALTER SYSTEM SET wal_keep_size = '256MB'" >/dev/null &&
    pg "$PG_PRIMARY_PORT" 'SELECT pg_reload_conf()' >/dev/null
  as_postgres "PGPASSWORD='${PG_TEST_PASSWORD:-}' '$PG_BIN/pg_basebackup' -w -h 127.0.0.1 -p $PG_PRIMARY_PORT -U postgres \
      -D '$PG_REPLICA_DIR' -X stream -R -c fast" >&2 || { log "pg_basebackup failed"; return 1; }
  # Debian keeps a cluster's configuration in /etc: the copy has none, so it gets its own, small one.
  local etc=/etc/postgresql/$PG_VERSION/main
  as_root cp "$etc/pg_hba.conf" "$etc/pg_ident.conf" "$PG_REPLICA_DIR/"
  as_root tee "$PG_REPLICA_DIR/postgresql.conf" >/dev/null <<EOF
# The local streaming replica of scripts/ensure-replicas.sh.
port = $PG_REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
hot_standby_feedback = on
max_connections = 100
shared_buffers = 64MB
EOF
  as_root chown -R postgres:postgres "$PG_REPLICA_DIR"
  pg_replica_start
}

ensure_pg_replica() {
  if [ -z "$PG_VERSION" ] || [ ! -x "$PG_BIN/pg_basebackup" ]; then log "no PostgreSQL installation found"; return 1; fi
  pg "$PG_PRIMARY_PORT" "SELECT 1 FROM pg_database WHERE datname = '$REPLICA_DB'" | grep -q 1 ||
    pg "$PG_PRIMARY_PORT" "CREATE DATABASE \"$REPLICA_DB\"" >/dev/null || { log "cannot create $REPLICA_DB on the primary"; return 1; }
  if ! pg_replica_healthy; then
    if [ -f "$PG_REPLICA_DIR/standby.signal" ] && [ ! -f "$PG_REPLICA_DIR/postmaster.pid" ]; then
      log "starting the PostgreSQL replica on 127.0.0.1:$PG_REPLICA_PORT"
      pg_replica_start || pg_replica_build || return 1
    else
      pg_replica_build || return 1
    fi
  fi
  wait_for "database $REPLICA_DB on the PostgreSQL replica" 20 \
    bash -c "[ \"\$(PGPASSWORD='${PG_TEST_PASSWORD:-}' psql -w -h 127.0.0.1 -p $PG_REPLICA_PORT -U postgres -d postgres -Atqc \"SELECT 1 FROM pg_database WHERE datname = '$REPLICA_DB'\")\" = 1 ]" || return 1
  log "PostgreSQL replica ready: 127.0.0.1:$PG_REPLICA_PORT streaming from :$PG_PRIMARY_PORT"
}

# ---------------------------------------------------------------- MariaDB
DB_PRIMARY_PORT=${DB_TEST_PORT:-3306}
DB_REPLICA_PORT=${DB_REPLICA_PORT:-3307}
DB_REPLICA_DIR=${DB_REPLICA_DIR:-/var/lib/mysql-replica}
DB_REPLICA_SOCKET=/run/mysqld/mysqld-replica.sock

my() { # port, sql
  MYSQL_PWD="${DB_TEST_PASSWORD:-}" mysql -uroot -h127.0.0.1 -P"$1" -N -B -e "$2" 2>/dev/null
}
my_status() { # port, field of SHOW SLAVE STATUS
  MYSQL_PWD="${DB_TEST_PASSWORD:-}" mysql -uroot -h127.0.0.1 -P"$1" -e 'SHOW SLAVE STATUS\G' 2>/dev/null |
    awk -F': ' -v f="$2" '$1 ~ "^ *" f "$" { print $2 }'
}

my_replica_healthy() {
  [ "$(my "$DB_REPLICA_PORT" 'SELECT @@server_id')" = 2 ] || return 1
  [ "$(my "$DB_REPLICA_PORT" 'SELECT @@replicate_wild_do_table')" = "$REPLICATED" ] || return 1
  [ "$(my_status "$DB_REPLICA_PORT" Slave_IO_Running)" = Yes ] && [ "$(my_status "$DB_REPLICA_PORT" Slave_SQL_Running)" = Yes ]
}

my_primary_binlog() {
  [ "$(my "$DB_PRIMARY_PORT" 'SELECT @@log_bin')" = 1 ] && return 0
  [ "$DB_PRIMARY_PORT" = 3306 ] || { log "the MariaDB primary on :$DB_PRIMARY_PORT has no binary log; start it with --log-bin"; return 1; }
  log "restarting the MariaDB primary with a binary log (--log-bin --server-id=1), needed for replication"
  local pid
  pid=$(cat /run/mysqld/mysqld.pid 2>/dev/null)
  my "$DB_PRIMARY_PORT" 'SHUTDOWN' || as_root mysqladmin -uroot shutdown >&2
  for _ in $(seq 1 120); do [ -n "$pid" ] && [ -d "/proc/$pid" ] || break; sleep 0.25; done
  as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql \
    --log-bin=mariadb-bin --server-id=1 --binlog-expire-logs-seconds=86400 >&2
  wait_for "MariaDB primary on 127.0.0.1:$DB_PRIMARY_PORT" 30 bash -c "[ \"\$(MYSQL_PWD='${DB_TEST_PASSWORD:-}' mysql -uroot -h127.0.0.1 -P$DB_PRIMARY_PORT -N -B -e 'SELECT @@log_bin')\" = 1 ]"
}

my_replica_stop() {
  if [ -S "$DB_REPLICA_SOCKET" ]; then
    local pid; pid=$(cat /run/mysqld/mysqld-replica.pid 2>/dev/null)
    as_root mysql -uroot -S "$DB_REPLICA_SOCKET" -e 'SHUTDOWN' >/dev/null 2>&1 || my "$DB_REPLICA_PORT" 'SHUTDOWN'
    for _ in $(seq 1 120); do [ -n "$pid" ] && [ -d "/proc/$pid" ] || break; sleep 0.25; done
  fi
  return 0
}

my_replica_start() {
  as_root mkdir -p /run/mysqld && as_root chown mysql:mysql /run/mysqld
  # --no-defaults: none of the primary's settings (data directory, port, socket) from /etc/mysql.
  as_root start-stop-daemon --start --background --pidfile /run/mysqld/mysqld-replica.pid \
    --exec /usr/sbin/mariadbd -- --no-defaults --user=mysql --datadir="$DB_REPLICA_DIR" \
    --port="$DB_REPLICA_PORT" --bind-address=127.0.0.1 --socket="$DB_REPLICA_SOCKET" \
    --pid-file=/run/mysqld/mysqld-replica.pid --log-error="$DB_REPLICA_DIR/replica.err" --server-id=2 \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
    --replicate-wild-do-table="$REPLICATED" --read-only=1 --relay-log=replica-relay-bin >&2
  wait_for "MariaDB replica socket" 30 as_root mysql -uroot -S "$DB_REPLICA_SOCKET" -e 'SELECT 1'
}

my_replica_build() {
  log "building the MariaDB replica in $DB_REPLICA_DIR (port $DB_REPLICA_PORT)"
  my_replica_stop
  as_root rm -rf "$DB_REPLICA_DIR"
  as_root mariadb-install-db --no-defaults --user=mysql --datadir="$DB_REPLICA_DIR" \
    --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1 || { log "mariadb-install-db failed"; return 1; }
  my_replica_start || return 1
  # Root over TCP with the primary's password (empty here), as the tests connect to the primary.
  as_root mysql -uroot -S "$DB_REPLICA_SOCKET" -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '${DB_TEST_PASSWORD:-}';
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;" >&2 || return 1
  # Start from the primary's current position: the replicated databases are (re)made below, after it.
  local position
  position=$(my "$DB_PRIMARY_PORT" 'SELECT @@gtid_binlog_pos')
  my "$DB_REPLICA_PORT" "SET GLOBAL gtid_slave_pos = '$position';
    CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = $DB_PRIMARY_PORT, MASTER_USER = 'root',
      MASTER_PASSWORD = '${DB_TEST_PASSWORD:-}', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1;
    START SLAVE;" || { log "could not attach the MariaDB replica"; return 1; }
  wait_for "MariaDB replication" 20 my_replica_healthy || return 1
  # A replicated database the primary made before the replica existed is not on the replica, and a write
  # to it would stop replication: make each one again, empty (they are test databases by their name).
  local name
  for name in $(my "$DB_PRIMARY_PORT" "SHOW DATABASES LIKE '%replica%'"); do
    log "making $name again on the primary, so that the replica has it too"
    my "$DB_PRIMARY_PORT" "DROP DATABASE IF EXISTS \`$name\`; CREATE DATABASE \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || return 1
  done
}

ensure_mariadb_replica() {
  command -v mariadb-install-db >/dev/null || { log "mariadb-install-db not found (package mariadb-server)"; return 1; }
  my_primary_binlog || return 1
  if ! my_replica_healthy; then
    if [ -d "$DB_REPLICA_DIR/mysql" ] && ! my "$DB_REPLICA_PORT" 'SELECT 1' >/dev/null; then
      log "starting the MariaDB replica on 127.0.0.1:$DB_REPLICA_PORT"
      { my_replica_start && wait_for "MariaDB replication" 10 my_replica_healthy; } || my_replica_build || return 1
    else
      my_replica_build || return 1
    fi
  fi
  my "$DB_PRIMARY_PORT" "CREATE DATABASE IF NOT EXISTS \`$REPLICA_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || return 1
  wait_for "database $REPLICA_DB on the MariaDB replica" 20 \
    bash -c "MYSQL_PWD='${DB_TEST_PASSWORD:-}' mysql -uroot -h127.0.0.1 -P$DB_REPLICA_PORT -N -B -e \"SHOW DATABASES LIKE '$REPLICA_DB'\" | grep -q ." || return 1
  # The error text of a stopped replication can quote a statement and its values: not printed here.
  my_replica_healthy || { log "MariaDB replication stopped (SHOW SLAVE STATUS on :$DB_REPLICA_PORT tells why); the next run rebuilds it"; return 1; }
  log "MariaDB replica ready: 127.0.0.1:$DB_REPLICA_PORT (server_id 2) replicating from :$DB_PRIMARY_PORT"
}

status=0
ensure_pg_replica || status=1
ensure_mariadb_replica || status=1
log "done in $(( $(date +%s) - started )) s"
exit $status
