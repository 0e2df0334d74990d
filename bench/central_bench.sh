#!/bin/sh
# The region's centre at scale (issue #12; figures, not pass/fail). Starts its own PostgreSQL 15
# in a temporary folder, like tests/central_test.sh.
#  1. sync of ATTEMPTS (10,000) attempts with their actions from one PC, against the floor:
#     the same journal rows loaded with COPY by psql into a plain table, in the same run;
#  2. PCS (50) PCs syncing at once into one server (PC_ATTEMPTS, 200, attempts each);
#  3. the region over BIG (10,000,000) attempts from OFFICES (500) offices, generated in the
#     server with the running summaries of schema step 4: the per-office table's query, the
#     manager area's read, and the whole `report --central` command over the region (json,
#     html), one office, one scenario (all from the summaries) and one office's dates (which
#     rebuilds the matching attempts: none here, the generated attempts have no journal);
#  4. recording an action (store_add_action median) on a PC while its sync keeps failing against
#     an unreachable centre, against the same without any sync.
#  The manager area's read of the region (bench_region_fetch: what the window's thread runs) is
#  timed in 3 too, for every office and for one.
# Usage: bench/central_bench.sh [BUILD_DIR]; ONLY=3 runs section 3 alone.
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
GEN="$ROOT/$BUILD/bench/gen_results"
ATTEMPTS=${ATTEMPTS:-10000}
PCS=${PCS:-50}
PC_ATTEMPTS=${PC_ATTEMPTS:-200}
BIG=${BIG:-10000000}
OFFICES=${OFFICES:-500}
ONLY=${ONLY:-}
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }
PGBIN=/usr/lib/postgresql/15/bin
[ -x "$EXE" ] && [ -x "$GEN" ] || { echo "build first: make" >&2; exit 2; }
W=$(mktemp -d /tmp/mfc-cbench.XXXXXX); chmod 755 "$W"
PGD="$W/pg"; mkdir "$PGD"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGD"; AS="runuser -u postgres --"; else AS=""; fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
trap '$AS "$PGBIN/pg_ctl" -D "$PGD/data" -m immediate stop >/dev/null 2>&1; rm -rf "$W"' EXIT INT TERM
$AS "$PGBIN/initdb" -D "$PGD/data" -A trust -U mfc >/dev/null
$AS "$PGBIN/pg_ctl" -D "$PGD/data" -l "$PGD/log" -w -o "-p $PORT -k $PGD -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
PSQL="psql -X -q -t -A -h 127.0.0.1 -p $PORT -U mfc"
$PSQL -d postgres -c "CREATE DATABASE region"
ADMIN="host=127.0.0.1 port=$PORT user=mfc dbname=region"
export XDG_CONFIG_HOME="$W/cfg" MFC_SYSTEM_CONFIG="$W/none.conf"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
cd "$W"
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; PostgreSQL $($PGBIN/postgres --version | awk '{print $3}')"
"$EXE" central init --central "$ADMIN" >/dev/null
$PSQL -d region -c "CREATE ROLE office_a LOGIN"
"$EXE" central office IRK01 --role office_a --central "$ADMIN" >/dev/null
OA="host=127.0.0.1 port=$PORT user=office_a dbname=region"

# A PC database of N attempts (with 15 actions each), sealed in the journal the way the
# program seals an older database: rows as schema 3, then opened once (migration 3 → 6).
make_pc() { # DB N SEED
  "$GEN" "$1" --attempts "$2" --trainees 40 --scenarios 13 --seed "$3" --actions >/dev/null
  sqlite3 "$1" "DROP TABLE chain; ALTER TABLE attempts DROP COLUMN pack_hash;
    ALTER TABLE attempts DROP COLUMN pack_state; ALTER TABLE attempts DROP COLUMN pack_key;
    ALTER TABLE attempts DROP COLUMN pack_version;
    CREATE TABLE t3 (id INTEGER PRIMARY KEY, surname TEXT NOT NULL, name TEXT NOT NULL,
      personnel_number TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
    INSERT INTO t3 SELECT id, surname, name, personnel_number, created_at FROM trainees;
    DROP TABLE trainees; ALTER TABLE t3 RENAME TO trainees;
    PRAGMA user_version = 3;"
  rm -f "$1.key" "$1".v*.bak
  "$EXE" report --db "$1" --format json >/dev/null
  rm -f "$1".v*.bak
}

if want 1; then
echo "== 1. one PC, $ATTEMPTS attempts"
t0=$(now); make_pc pc.db "$ATTEMPTS" 1; t1=$(now)
ENTRIES=$(sqlite3 pc.db "SELECT count(*) FROM chain")
echo "generated and sealed in $(secs $t0 $t1) s: $ENTRIES journal entries"
"$EXE" enrol --central "$OA" --office IRK01 --db pc.db >/dev/null
t0=$(now); "$EXE" sync --central "$OA" --db pc.db --json > sync.json; t1=$(now)
SYNC=$(secs $t0 $t1)
echo "sync: $SYNC s ($(jq .sent_entries sync.json) entries, $(jq .batches sync.json) batches)"
$PSQL -d region -c "\\copy (SELECT installation, n, kind, attempt, seq, digest, mac, canon, intact FROM mfc.entries) TO '$W/entries.copy'"
$PSQL -d region -c "CREATE TABLE floor_entries (installation uuid, n bigint, kind text, attempt text, seq int, digest text, mac text, canon bytea, intact boolean, PRIMARY KEY (installation, n))"
t0=$(now); $PSQL -d region -c "\\copy floor_entries FROM '$W/entries.copy'"; t1=$(now)
FLOOR=$(secs $t0 $t1)
echo "floor (psql COPY of the same rows into a plain table): $FLOOR s"
echo "sync / floor: $(echo "scale=1; $SYNC / $FLOOR" | bc)×"
t0=$(now); "$EXE" sync --central "$OA" --db pc.db >/dev/null; t1=$(now)
echo "sync again (nothing new): $(secs $t0 $t1) s"

fi

if want 2; then
echo "== 2. $PCS PCs at once, $PC_ATTEMPTS attempts each"
i=1
while [ $i -le "$PCS" ]; do make_pc "p$i.db" "$PC_ATTEMPTS" $((100 + i)); "$EXE" enrol --central "$OA" --office IRK01 --db "p$i.db" >/dev/null; i=$((i + 1)); done
t0=$(now)
i=1
while [ $i -le "$PCS" ]; do "$EXE" sync --central "$OA" --db "p$i.db" >"p$i.out" 2>&1 & i=$((i + 1)); done
wait
t1=$(now)
okc=$(grep -l "Ждут отправки: 0" p*.out | wc -l)
echo "$PCS syncs at once: $(secs $t0 $t1) s wall; $okc of $PCS sent everything; entries at the centre: $($PSQL -d region -c 'SELECT count(*) FROM mfc.entries')"

fi

if want 3; then
echo "== 3. the region: $BIG attempts from $OFFICES offices (generated in the server)"
# Attempts spread over 2025 (20 % exams, 4 % unfinished), 100,000 trainees, 13 scenarios; the
# running summaries of step 4 added up from them by GROUP BY, as the upgrade back-fills them
# (criteria and mistakes by formula: 60 million criteria rows would take longer to generate
# than everything else together, and the report never reads them).
t0=$(now)
$PSQL -d region -c "
SET synchronous_commit = off;
INSERT INTO mfc.offices SELECT 'OFF' || lpad(o::text, 4, '0'), '38', '' FROM generate_series(1, $OFFICES) o;
INSERT INTO mfc.trainees(id, office, personnel, surname, name, status)
  SELECT t, 'OFF' || lpad((t % $OFFICES + 1)::text, 4, '0'), (1000 + t)::text, 'Фамилия' || t, 'Имя', 'matched'
  FROM generate_series(0, 99999) t;
INSERT INTO mfc.attempts(id, installation, office, trainee_id, scenario, mode, started_at, finished, total, passed, title)
  SELECT 'g' || g, '00000000-0000-4000-8000-000000000000', 'OFF' || lpad((g % 100000 % $OFFICES + 1)::text, 4, '0'),
         g % 100000, 's' || (g % 13), CASE WHEN g % 5 = 0 THEN 'exam' ELSE 'training' END,
         to_char(date '2025-01-01' + (g / 7 % 365), 'YYYY-MM-DD') || 'T10:00:00Z',
         (g % 25) <> 0, g % 101, (g % 101) >= 70, 'Сценарий ' || (g % 13)
  FROM generate_series(1, $BIG) g;
INSERT INTO mfc.sum_office SELECT office, count(*), count(*) FILTER (WHERE finished),
  count(*) FILTER (WHERE finished AND passed), coalesce(sum(total) FILTER (WHERE finished), 0)
  FROM mfc.attempts WHERE id LIKE 'g%' GROUP BY office;
INSERT INTO mfc.sum_scenario SELECT office, scenario, count(*), count(*) FILTER (WHERE finished),
  count(*) FILTER (WHERE finished AND passed), coalesce(sum(total) FILTER (WHERE finished), 0)
  FROM mfc.attempts WHERE id LIKE 'g%' GROUP BY office, scenario;
INSERT INTO mfc.sum_criterion SELECT 'OFF' || lpad(o::text, 4, '0'), c, c, $BIG / $OFFICES, (o * 7 + length(c) * 13) % 1000 * ($BIG / $OFFICES) / 100, 10 * ($BIG / $OFFICES)
  FROM generate_series(1, $OFFICES) o, unnest(ARRAY['legal','documents','communication','time','personal_data','escalation']) c;
SELECT mfc.report_backfill();
INSERT INTO mfc.sum_trainee_criterion
  SELECT s.trainee_id, c, t.office, s.finished, s.finished * ((s.trainee_id + k) % 10), s.finished * 10,
         s.finished * ((s.trainee_id + k) % 10) / 10.0
  FROM mfc.sum_trainee s JOIN mfc.trainees t ON t.id = s.trainee_id,
       unnest(ARRAY['legal','documents','communication','time','personal_data','escalation']) WITH ORDINALITY u(c, k);
INSERT INTO mfc.sum_trainee_scenario_criterion
  SELECT s.scenario, s.office, s.trainee_id, c, s.finished, s.finished * ((s.trainee_id + k + length(s.scenario)) % 10) / 10.0
  FROM mfc.sum_trainee_scenario s,
       unnest(ARRAY['legal','documents','communication','time','personal_data','escalation']) WITH ORDINALITY u(c, k);
INSERT INTO mfc.sum_scenario_criterion
  SELECT s.office, s.scenario, c, 'Критерий ' || c, s.finished, s.finished * ((length(s.office) + k) % 10),
         s.finished * 10, s.finished * ((length(s.office) + k) % 10) / 10.0, k - 1
  FROM mfc.sum_report_scenario s,
       unnest(ARRAY['legal','documents','communication','time','personal_data','escalation']) WITH ORDINALITY u(c, k);
INSERT INTO mfc.sum_mistake
  SELECT s.office, s.scenario, 'mistake-' || m, s.finished / (m + 1), CASE WHEN m % 7 = 0 THEN s.finished / (m + 3) ELSE 0 END,
         '2025-12-31T10:00:00Z', 'points', 'legal', 'Пояснение к ошибке ' || m, 'rule-' || (m % 5), 'Правило ' || (m % 5)
  FROM mfc.sum_report_scenario s, generate_series(1, 20) m;
ANALYZE;"
t1=$(now)
echo "generated in $(secs $t0 $t1) s; summary rows: $($PSQL -d region -c "SELECT (SELECT count(*) FROM mfc.sum_trainee) || ' trainees, ' || (SELECT count(*) FROM mfc.sum_trainee_criterion) || ' trainee×criterion, ' || (SELECT count(*) FROM mfc.sum_trainee_scenario_criterion) || ' trainee×scenario×criterion, ' || (SELECT count(*) FROM mfc.sum_scenario_criterion) || ' office×scenario×criterion, ' || (SELECT count(*) FROM mfc.sum_mistake) || ' office×scenario×mistake, ' || (SELECT count(*) FROM mfc.sum_day) || ' office×day, ' || (SELECT count(*) FROM mfc.sum_scenario_day) || ' office×scenario×day'")"
Q="SET jit = off; SELECT o.code, coalesce(s.attempts,0), coalesce(tc.n,0), w.criterion FROM mfc.offices o LEFT JOIN mfc.sum_office s ON s.office = o.code LEFT JOIN (SELECT office, count(*) AS n FROM mfc.trainees GROUP BY office) tc ON tc.office = o.code LEFT JOIN LATERAL (SELECT criterion, score_sum::float8 / nullif(max_sum,0) r FROM mfc.sum_criterion sc WHERE sc.office = o.code AND max_sum > 0 ORDER BY 2, 1 LIMIT 1) w ON true ORDER BY o.code"
for k in 1 2 3; do $PSQL -d region -c "\\timing on" -c "$Q" | grep '^Time' ; done | sed 's/^/per-office table query: /'
"$ROOT/$BUILD/bench/bench_region_fetch" "$ADMIN" 9 | sed 's/^/manager area, every office: /'
"$ROOT/$BUILD/bench/bench_region_fetch" "$ADMIN" 9 OFF0001 | sed 's/^/manager area, one office: /'
# The whole command, best of three (the first run also warms the server's cache).
timed() { # LABEL ARGS...
  label=$1; shift; all=""
  for k in 1 2 3; do
    t0=$(now); "$EXE" report --central "$ADMIN" "$@" >/dev/null; t1=$(now)
    all="$all $(secs $t0 $t1)"
  done
  echo "report --central $label (whole command): best $(echo $all | tr ' ' '\n' | sort -n | head -1) s of$all"
}
timed "whole region --format json" --format json
timed "whole region --format html" --format html
timed "--office OFF0001 --format table" --office OFF0001 --format table
timed "--office OFF0001 --format json" --office OFF0001 --format json
timed "--scenario s3 --format json" --scenario s3 --format json
timed "--office OFF0001 --scenario s3 --format json" --office OFF0001 --scenario s3 --format json
timed "--office OFF0001 --since 2025-06-01 --format json (attempts rebuilt)" --office OFF0001 --since 2025-06-01 --format json
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

fi

if want 4; then
echo "== 4. recording an action while sync fails against an unreachable centre"
make_pc rec.db 100 7
"$EXE" enrol --central "$OA" --office IRK01 --db rec.db >/dev/null
set +e
base=$("$GEN" rec.db --time-actions 2000 2>&1 | tr '\n' ' ')
echo "no sync:                 $base"
# A closed port on this machine: every sync fails to connect at once and starts again.
DEAD=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
( while :; do "$EXE" sync --central "host=127.0.0.1 port=$DEAD dbname=x connect_timeout=1" --db rec.db >/dev/null 2>&1; done ) &
LOOP=$!
busy=$("$GEN" rec.db --time-actions 2000 2>&1 | tr '\n' ' ')
kill $LOOP 2>/dev/null; wait $LOOP 2>/dev/null
echo "sync looping, no centre: $busy"
fi
