# pg_server.sh — sourced (not run) by the tests on a real PostgreSQL: starts a server of its own
# in a temporary folder (as the postgres user: the server refuses to run as root), on a free
# port of 127.0.0.1, creates the database `region`, and stops it and removes the folder on exit.
# Set before sourcing: PG_TEST (the test's name, for messages and the folder) and PG_NEEDS (the
# other commands the test needs, e.g. "sqlite3 jq"). Defines W (the work folder), PORT, PSQL,
# ADMIN/OA/OB (connection strings of the owner and two office roles), start_pg, q (SQL as the
# owner), and ok/bad/check counting into fails.
PGBIN=/usr/lib/postgresql/15/bin
pg_missing=""
for c in psql $PG_NEEDS; do command -v "$c" >/dev/null 2>&1 || pg_missing="$pg_missing $c"; done
[ -x "$PGBIN/initdb" ] || pg_missing="postgresql-15$pg_missing"
if [ -n "$pg_missing" ]; then
  echo "$PG_TEST: needs $pg_missing (.ci/deps.sh installs them)" >&2
  exit 1
fi
W=$(mktemp -d "/tmp/mfc-$PG_TEST.XXXXXX")
chmod 755 "$W"
PGD="$W/pg"; mkdir "$PGD"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGD"; AS="runuser -u postgres --"; else AS=""; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stop() { $AS "$PGBIN/pg_ctl" -D "$PGD/data" -m immediate stop >/dev/null 2>&1; rm -rf "$W"; }
trap stop EXIT INT TERM
$AS "$PGBIN/initdb" -D "$PGD/data" -A trust -U mfc >/dev/null || exit 1
start_pg() { $AS "$PGBIN/pg_ctl" -D "$PGD/data" -l "$PGD/log" -w \
  -o "-p $PORT -k $PGD -c listen_addresses=127.0.0.1" start >/dev/null; }
start_pg || { cat "$PGD/log"; exit 1; }
PSQL="psql -X -q -t -A -h 127.0.0.1 -p $PORT"
$PSQL -U mfc -d postgres -c "CREATE DATABASE region" || exit 1
ADMIN="host=127.0.0.1 port=$PORT user=mfc dbname=region"
OA="host=127.0.0.1 port=$PORT user=office_a dbname=region"
OB="host=127.0.0.1 port=$PORT user=office_b dbname=region"
q() { $PSQL -U mfc -d region -c "$1"; }
fails=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1 (got '$2', want '$3')"; fi; }
