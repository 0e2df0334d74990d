#!/bin/sh
# The region's report from the centre's summaries (issue #12, schema step 4), on a real
# PostgreSQL started by the test (tests/pg_server.sh). Two centres receive the same PCs:
# "region" is created at schema step 3 (as an older program left it), receives the journals,
# and is then upgraded by `central init` (step 4 back-fills the summaries from its rows);
# "fresh" is created at the newest step and keeps its summaries at intake. Both must give the
# same report, and each office's report must equal the local report of that office's PC, under
# every filter and format; the whole region's report from the summaries must equal the same
# attempts rebuilt and reported by the local report's code (a date filter that keeps them all).
#   central_report_test.sh MFC_TRAINER GEN_RESULTS
set -u
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
GEN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_TEST=central_report_test PG_NEEDS="sqlite3 jq python3"
. "$(dirname "$0")/pg_server.sh"
cd "$W" || exit 1
export XDG_CONFIG_HOME="$W/cfg" XDG_DATA_HOME="$W/data" MFC_SYSTEM_CONFIG="$W/none.conf"
S="--scenarios $ROOT/scenarios"
OLD="$ADMIN"
$PSQL -U mfc -d postgres -c "CREATE DATABASE fresh" || exit 1
NEW="host=127.0.0.1 port=$PORT user=mfc dbname=fresh"

# A PC of N generated attempts over 2025 (13 scenarios, exams, unfinished ones, skewed
# mistakes), sealed in its journal the way the program seals an older database.
make_pc() { # DB N SEED
  "$GEN" "$1" --attempts "$2" --trainees 12 --scenarios 13 --seed "$3" --json-bytes 40 >/dev/null
  sqlite3 "$1" "DROP TABLE chain; ALTER TABLE attempts DROP COLUMN pack_hash;
    ALTER TABLE attempts DROP COLUMN pack_state; ALTER TABLE attempts DROP COLUMN pack_key;
    ALTER TABLE attempts DROP COLUMN pack_version;
    CREATE TABLE t3 (id INTEGER PRIMARY KEY, surname TEXT NOT NULL, name TEXT NOT NULL,
      personnel_number TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
    INSERT INTO t3 SELECT id, surname, name, personnel_number, created_at FROM trainees;
    DROP TABLE trainees; ALTER TABLE t3 RENAME TO trainees;
    PRAGMA user_version = 3;
    UPDATE attempts SET result_json = '{\"criteria\":[{\"id\":\"legal\"},{\"id\":\"documents\"},'
      || '{\"id\":\"communication\"},{\"id\":\"time\"},{\"id\":\"personal_data\"},{\"id\":\"escalation\"}]}';"
  rm -f "$1.key" "$1".v*.bak
  "$B" report --db "$1" --format json >/dev/null || bad "sealing $1"
  rm -f "$1".v*.bak
}
make_pc a.db 300 1
make_pc b.db 200 2
# (the generated results name their criteria in the scenario's order, as the player's do: the
# report lists criteria in that order)
# Real attempts on B too: an exam, and one left unfinished (saved half-way).
"$B" play passport-45-late $S --seed 5 --random --exam --db b.db --trainee 100001 >/dev/null 2>&1
"$B" play passport-45-late $S --seed 6 --random --db b.db --trainee 100002 >/dev/null 2>&1
check "B has an unfinished attempt" "$(sqlite3 b.db "SELECT count(*) > 0 FROM attempts WHERE finished = 0")" 1
check "B has a finished exam" "$(sqlite3 b.db "SELECT count(*) > 0 FROM attempts WHERE finished = 1 AND mode = 'exam'")" 1

# ---- the older centre: schema steps 1–3 exactly as schema.sql has them -------------------
$PSQL -U mfc -d region -c "CREATE ROLE mfc_office NOLOGIN; CREATE ROLE mfc_manager NOLOGIN; CREATE ROLE boss LOGIN; GRANT mfc_manager TO boss" >/dev/null
awk '/^-- @@ schema 4/ { exit } { print }' "$ROOT/engine/central/schema.sql" > step3.sql
{ echo "BEGIN;"; cat step3.sql; echo "INSERT INTO mfc.meta VALUES ('schema', '3'); COMMIT;"; } > step3tx.sql
$PSQL -U mfc -d region -v ON_ERROR_STOP=1 -f step3tx.sql >/dev/null || bad "schema steps 1-3"
check "the older centre is at step 3" "$(q "SELECT value FROM mfc.meta WHERE key = 'schema'")" 3
"$B" central init --central "$NEW" >/dev/null || bad "central init (fresh)"
for C in "$OLD" "$NEW"; do
  "$B" central office IRK01 --region 38 --central "$C" >/dev/null || bad "office IRK01"
  "$B" central office IRK02 --region 38 --central "$C" >/dev/null || bad "office IRK02"
  "$B" enrol --central "$C" --office IRK01 --db a.db >/dev/null || bad "enrol A"
  "$B" enrol --central "$C" --office IRK02 --db b.db >/dev/null || bad "enrol B"
  "$B" sync --central "$C" --db a.db >/dev/null 2>sync.err || bad "sync A: $(cat sync.err)"
  "$B" sync --central "$C" --db b.db >/dev/null 2>sync.err || bad "sync B: $(cat sync.err)"
done
# The offices' trainees as the roster would give them to each PC.
sqlite3 a.db "UPDATE trainees SET office = 'IRK01'"; sqlite3 b.db "UPDATE trainees SET office = 'IRK02'"
check "both centres hold every attempt" \
  "$(q "SELECT count(*) FROM mfc.attempts")/$($PSQL -U mfc -d fresh -c "SELECT count(*) FROM mfc.attempts")" \
  "$(($(sqlite3 a.db 'SELECT count(*) FROM attempts') + $(sqlite3 b.db 'SELECT count(*) FROM attempts')))/$(($(sqlite3 a.db 'SELECT count(*) FROM attempts') + $(sqlite3 b.db 'SELECT count(*) FROM attempts')))"
"$B" central init --central "$OLD" >/dev/null; check "the older centre upgrades" "$?" 0
check "the upgraded centre is at step 5" "$(q "SELECT value FROM mfc.meta WHERE key = 'schema'")" 5
check "the upgrade filled the mistakes from the journal" \
  "$(q "SELECT count(*) FROM mfc.mistakes")" "$($PSQL -U mfc -d fresh -c "SELECT count(*) FROM mfc.mistakes")"
sum_rows="SELECT md5(string_agg(x, ',' ORDER BY x)) FROM (
  SELECT 't' || trainee_id || attempts || '/' || finished || '/' || passed || '/' || sum_total || '/' || exams || '/' || exams_passed || first_at || last_at AS x FROM mfc.sum_trainee
  UNION ALL SELECT office || scenario || attempts || '/' || finished || '/' || passed || '/' || sum_total || '/' || exams || '/' || coalesce(title, '') || coalesce(title_at, '') FROM mfc.sum_report_scenario
  UNION ALL SELECT office || scenario || criterion || n || '/' || score_sum || '/' || max_sum || '/' || ratio_sum::text || '/' || min_pos FROM mfc.sum_scenario_criterion
  UNION ALL SELECT trainee_id || criterion || n || '/' || score_sum || '/' || ratio_sum::text FROM mfc.sum_trainee_criterion
  UNION ALL SELECT office || scenario || action || count || '/' || critical || coalesce(feedback, '') || coalesce(kind, '') || coalesce(criterion, '') || coalesce(rule_id, '') || coalesce(rule, '') || coalesce(at, '') FROM mfc.sum_mistake
  UNION ALL SELECT office || day || attempts || '/' || passed || '/' || sum_total FROM mfc.sum_day
  UNION ALL SELECT office || scenario || day || attempts || '/' || sum_total FROM mfc.sum_scenario_day
  UNION ALL SELECT office || scenario || bucket || '/' || n FROM mfc.sum_hist
  UNION ALL SELECT trainee_id || scenario || attempts || '/' || finished || '/' || passed || '/' || sum_total || '/' || exams || first_at || last_at FROM mfc.sum_trainee_scenario
  UNION ALL SELECT trainee_id || scenario || criterion || n || '/' || ratio_sum::text FROM mfc.sum_trainee_scenario_criterion
  UNION ALL SELECT 'o' || office || attempts || '/' || finished || '/' || passed || '/' || sum_total FROM mfc.sum_office
  UNION ALL SELECT 's' || office || scenario || attempts || '/' || finished || '/' || passed || '/' || sum_total FROM mfc.sum_scenario
  UNION ALL SELECT 'c' || office || criterion || n || '/' || score_sum || '/' || max_sum || coalesce(title, '') FROM mfc.sum_criterion) u"
# (sums of ratios to the last bit: the intake adds them in the order they came, as the
# back-fill does and as a PC does; step 1's summaries were kept row by row at the older centre
# and once per statement at the new one)
check "the back-filled summaries equal those kept at intake" "$(q "$sum_rows")" "$($PSQL -U mfc -d fresh -c "$sum_rows")"

# ---- reports: upgraded = fresh; office = its PC; region = the same attempts rebuilt -------
. "$(dirname "$0")/report_strip.sh"
for fmt in json csv table html; do
  COLUMNS=200 "$B" report --central "$OLD" --format $fmt > old.$fmt 2>old.err || bad "report (upgraded): $(cat old.err)"
  COLUMNS=200 "$B" report --central "$NEW" --format $fmt > new.$fmt 2>new.err || bad "report (fresh): $(cat new.err)"
  strip_offices $fmt old.$fmt > old.n; strip_offices $fmt new.$fmt > new.n
  if [ -s old.n ] && cmp -s old.n new.n; then ok "upgraded centre = fresh centre: region --format $fmt"
  else bad "upgraded != fresh ($fmt): $(diff old.n new.n | head -6)"; fi
done
jq -e '.report.trainees | length > 0' new.json >/dev/null && ok "the region report lists trainees" || bad "no trainees in the region report"
check "the region's trainees come from both offices" "$(jq -r '[.report.trainees[].office] | unique | join(",")' new.json)" "IRK01,IRK02"
# The top mistakes hold ties (equal counts): their order (by action id) is part of what is
# compared below.
check "some scenario's top mistakes have a tie" \
  "$(jq '[.report.scenarios[] | [.mistakes[].count] | (length - (unique | length))] | add > 0' new.json)" true
check "the region counts every finished attempt" "$(jq '.report.summary.attempts' new.json)" \
  "$(($(sqlite3 a.db 'SELECT count(*) FROM attempts WHERE finished = 1 AND total IS NOT NULL') + $(sqlite3 b.db 'SELECT count(*) FROM attempts WHERE finished = 1 AND total IS NOT NULL')))"
# The whole region from the summaries = every attempt rebuilt from the journal and reported by
# the local report's code (a date range that keeps them all takes that path).
for filt in "" "--scenario scenario-04"; do
  for fmt in json csv table html; do
    COLUMNS=200 "$B" report --central "$NEW" $filt --format $fmt > sum.$fmt 2>sum.err || bad "report $filt: $(cat sum.err)"
    COLUMNS=200 "$B" report --central "$NEW" $filt --since 2000-01-01 --format $fmt > all.$fmt 2>all.err || bad "report $filt --since: $(cat all.err)"
    strip_offices $fmt sum.$fmt | sed 's/"since":"2000-01-01"/"since":null/' > sum.n
    strip_offices $fmt all.$fmt | sed 's/"since":"2000-01-01"/"since":null/' > all.n
    if [ "$fmt" != json ]; then # the filter line of the text formats names the date
      grep -v 'Отбор' all.n > all.m; mv all.m all.n; grep -v 'Отбор' sum.n > sum.m; mv sum.m sum.n
    fi
    if [ -s sum.n ] && cmp -s sum.n all.n; then ok "region from summaries = rebuilt attempts: $filt --format $fmt"
    else bad "region summaries != rebuilt ($filt $fmt): $(diff sum.n all.n | head -8)"; fi
  done
done
check "the region under --scenario lists every trainee" "$(jq '.report.trainees | length' sum.json)" "$(jq '.report.trainees | length' new.json)"
check "the region under --scenario counts that scenario only" "$(jq -c '[.report.scenarios[].id]' sum.json)" '["scenario-04"]'
# Each office against its PC, every filter and format (the summaries for the office alone and
# under a scenario; a trainee and dates — a range inside 60 days, one across the weekly
# switch, and one with nothing — through the attempts).
for pair in "IRK01 a.db" "IRK02 b.db"; do
  set -- $pair
  for filt in "" "--trainee 100003" "--scenario scenario-04" "--scenario passport-45-late" "--since 2025-03-01 --until 2025-04-15" \
              "--since 2025-02-01 --until 2025-06-30" "--until 2025-01-31" \
              "--since 2000-01-01 --until 2000-01-02"; do
    for fmt in json csv table html; do
      for C in "$OLD" "$NEW"; do
        COLUMNS=200 "$B" report --central "$C" --office $1 $filt --format $fmt > rf.$fmt 2>rf.err \
          || { bad "report --central --office $1 $filt --format $fmt: $(cat rf.err)"; continue; }
        COLUMNS=200 "$B" report --db $2 $filt --format $fmt > lf.$fmt 2>lf.err \
          || { bad "report --db $2 $filt --format $fmt: $(cat lf.err)"; continue; }
        strip_offices $fmt rf.$fmt > rf.n; strip_offices $fmt lf.$fmt > lf.n
        which=fresh; [ "$C" = "$OLD" ] && which=upgraded
        if [ -s rf.n ] && cmp -s rf.n lf.n; then ok "$1 ($which) = $2: $filt --format $fmt"
        else bad "$1 ($which) != $2: $filt --format $fmt: $(diff rf.n lf.n | head -6)"; fi
      done
    done
  done
done
check "a range across 60 days has a weekly trend" \
  "$("$B" report --central "$NEW" --office IRK01 --since 2025-02-01 --until 2025-06-30 --format json | jq -r .report.trend.period 2>/dev/null || echo x)" week

# ---- least privilege on the new tables ----------------------------------------------------
$PSQL -U mfc -d fresh -c "CREATE ROLE office_x LOGIN; GRANT mfc_office TO office_x" >/dev/null 2>&1
for t in mistakes sum_trainee_criterion sum_trainee_scenario sum_trainee_scenario_criterion sum_scenario_criterion sum_mistake sum_day sum_hist sum_report_scenario; do
  $PSQL -U office_x -d fresh -c "SELECT count(*) FROM mfc.$t" >/dev/null 2>&1 && bad "an office role reads mfc.$t" || ok "an office role cannot read mfc.$t"
done
check "a manager reads the report's summaries" "$($PSQL -U boss -d fresh -c "SELECT count(*) > 0 FROM mfc.sum_mistake")" t
"$B" report --central "host=127.0.0.1 port=$PORT user=boss dbname=fresh" --format json > boss.json 2>boss.err
check "a manager's role runs the region report" "$?:$(jq '.report.summary.attempts' boss.json)" "0:$(jq '.report.summary.attempts' new.json)"

echo "central_report_test: $fails failure(s)"
[ $fails -eq 0 ]
