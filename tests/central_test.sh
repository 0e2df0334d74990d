#!/bin/sh
# The region on a real PostgreSQL (issue #12): starts its own server in a temporary folder
# (as the postgres user: the server refuses to run as root), on a free port of 127.0.0.1, and
# stops it on exit. No mocks.
#   central_test.sh MFC_TRAINER
set -u
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_TEST=central_test PG_NEEDS="sqlite3 jq"
. "$(dirname "$0")/pg_server.sh"
cd "$W" || exit 1
export XDG_CONFIG_HOME="$W/cfg" XDG_DATA_HOME="$W/data" MFC_SYSTEM_CONFIG="$W/none.conf"
S="--scenarios $ROOT/scenarios"
play() { # DB PERSONNEL NAME SEED
  "$B" play passport-45-late $S --seed "$4" --random --db "$1" --trainee "$2" \
    --trainee-name "$3" >/dev/null 2>play.err || { [ -e "$1" ] || cat play.err >&2; }
}

# ---- the centre, two offices, their roles, the roster -----------------------------------
$PSQL -U mfc -d region -c "CREATE ROLE office_a LOGIN; CREATE ROLE office_b LOGIN; CREATE ROLE boss LOGIN"
"$B" central init --central "$ADMIN" >/dev/null || bad "central init"
"$B" central init --central "$ADMIN" >/dev/null && ok "central init twice is fine" || bad "central init twice"
$PSQL -U mfc -d region -c "GRANT mfc_manager TO boss"
"$B" central office IRK01 --role office_a --region 38 --central "$ADMIN" >/dev/null || bad "office IRK01"
"$B" central office IRK02 --role office_b --region 38 --central "$ADMIN" >/dev/null || bad "office IRK02"
printf 'Табельный номер;Фамилия;Имя;Отчество;Офис\r\n1001;Иванов;Иван;Иванович;IRK01\r\n1001;Петрова;Анна;Сергеевна;IRK02\r\n' > roster.csv
"$B" roster import roster.csv --central "$ADMIN" >/dev/null || bad "roster import"
printf 'Табельный номер;Фамилия;Имя;Отчество;Офис\n1002;;Иван;;IRK01\n' > broken.csv
msg=$("$B" roster import broken.csv --central "$ADMIN" 2>&1); rc=$?
check "a broken roster is refused with exit 2" "$rc" 2
case "$msg" in *broken.csv:2:*) ok "the roster message names FILE:LINE";; *) bad "roster message: $msg";; esac

# ---- the configuration file: FILE:LINE for unknown keys and bad values ------------------
mkdir -p cfg/mfc-trainer
printf 'office = IRK 01\ncolour = blue\nregion = 38\n' > cfg/mfc-trainer/mfc-trainer.conf
msg=$("$B" sync --db nowhere.db 2>&1)
case "$msg" in *mfc-trainer.conf:1:*офиса*) ok "a bad office value is named with FILE:LINE";; *) bad "conf bad value: $msg";; esac
case "$msg" in *mfc-trainer.conf:2:*colour*) ok "an unknown key is named with FILE:LINE";; *) bad "conf unknown key: $msg";; esac
rm cfg/mfc-trainer/mfc-trainer.conf

# ---- PC A (IRK01) and PC B (IRK02): the same personnel number, two people ---------------
for s in 1 2 3; do play a.db 1001 "Иванов Иван" $s; done
for s in 4 5; do play b.db 1001 "Петрова Анна" $s; done
"$B" sync --central "$OA" --db a.db >/dev/null 2>&1; rc=$?
check "sync before enrol is a usage error" "$rc" 2
"$B" enrol --central "$OA" --office IRK01 --db a.db >/dev/null || bad "enrol A"
"$B" enrol --central "$OA" --office IRK01 --db a.db >/dev/null && ok "enrol twice is fine" || bad "enrol twice"
msg=$("$B" enrol --central "$OA" --office IRK02 --db b.db 2>&1); rc=$?
check "an office role cannot enrol another office's PC" "$rc" 1
"$B" enrol --central "$OB" --office IRK02 --db b.db >/dev/null || bad "enrol B"
"$B" sync --central "$OA" --db a.db >/dev/null; check "sync A exits 0" "$?" 0
"$B" sync --central "$OB" --db b.db >/dev/null; check "sync B exits 0" "$?" 0
snap() { q "SELECT count(*), coalesce(sum(length(canon)),0), string_agg(hash, '' ORDER BY installation, n) FROM mfc.entries" | md5sum; }
before=$(snap); rows_before=$(q "SELECT (SELECT count(*) FROM mfc.attempts) || '/' || (SELECT sum(attempts) FROM mfc.sum_office)")
"$B" sync --central "$OA" --db a.db >/dev/null; "$B" sync --central "$OB" --db b.db >/dev/null
check "sync twice gives the same rows" "$(snap)" "$before"
check "sync twice keeps the summaries" "$(q "SELECT (SELECT count(*) FROM mfc.attempts) || '/' || (SELECT sum(attempts) FROM mfc.sum_office)")" "$rows_before"
check "two offices' 1001 stay two people" "$(q "SELECT count(*) FROM mfc.trainees WHERE personnel = '1001'")" 2
check "IRK01's 1001 has A's attempts" "$(q "SELECT count(*) FROM mfc.attempts a JOIN mfc.trainees t ON t.id = a.trainee_id WHERE t.office = 'IRK01' AND t.personnel = '1001'")" 3
check "IRK02's 1001 has B's attempts" "$(q "SELECT count(*) FROM mfc.attempts a JOIN mfc.trainees t ON t.id = a.trainee_id WHERE t.office = 'IRK02' AND t.personnel = '1001'")" 2
check "the roster's names match" "$(q "SELECT string_agg(status, ',' ORDER BY office) FROM mfc.trainees")" "matched,matched"
check "the PC received its office's roster (patronymic)" "$(sqlite3 a.db "SELECT patronymic || '/' || office FROM trainees WHERE personnel_number = '1001'")" "Иванович/IRK01"

# ---- least privilege ---------------------------------------------------------------------
$PSQL -U office_a -d region -c "SELECT count(*) FROM mfc.attempts" >/dev/null 2>&1 && bad "office reads attempts" || ok "an office role cannot read attempts"
$PSQL -U office_a -d region -c "SELECT count(*) FROM mfc.entries" >/dev/null 2>&1 && bad "office reads entries" || ok "an office role cannot read journal entries"
check "an office role reads only its own roster" "$($PSQL -U office_a -d region -c "SELECT string_agg(office, ',') FROM mfc.roster")" "IRK01"
$PSQL -U office_a -d region -c "UPDATE mfc.sum_office SET passed = 99" >/dev/null 2>&1 && bad "office updates summaries" || ok "an office role cannot change summaries"
$PSQL -U office_a -d region -c "DELETE FROM mfc.entries" >/dev/null 2>&1 && bad "office deletes" || ok "an office role cannot delete"
check "the region's summary adds up its offices" "$(q "SELECT attempts FROM mfc.sum_region WHERE region = '38'")" "$(q "SELECT count(*) FROM mfc.attempts")"
check "a manager reads the region" "$($PSQL -U boss -d region -c "SELECT count(DISTINCT office) FROM mfc.attempts")" 2

# ---- lrs push --central: the region's statements, each with its office and installation ---
# (issue #13; the real LRS is in tests/lrs — here a python3 server that accepts and keeps them)
python3 "$ROOT/tests/lrs/fake_lrs.py" "$W/lrs.port" 200 & LRSPID=$!
i=0; while [ ! -f "$W/lrs.port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
EP="http://127.0.0.1:$(cat "$W/lrs.port")/xAPI/"
BOSS="host=127.0.0.1 port=$PORT user=boss dbname=region"
"$B" central init --central "$ADMIN" >/dev/null; check "central init again is fine" "$?" 0
check "the centre's schema is at version 5" "$(q "SELECT value FROM mfc.meta WHERE key = 'schema'")" 5
"$B" lrs push --central "$BOSS" --endpoint "$EP" --user u --password pw $S --json > lrs1.json 2>lrs1.err
rc=$?; [ $rc -eq 0 ] || cat lrs1.err >&2
check "lrs push --central exits 0" "$rc" 0
n_region=$(jq .statements lrs1.json)
check "every region statement sent" "$(jq .sent lrs1.json)" "$n_region"
check "mfc.lrs_sent holds them" "$(q "SELECT count(*) FROM mfc.lrs_sent WHERE status = 'sent'")" "$n_region"
check "the two offices' 1001 are two actors" "$(jq -r .actor.account.name "$W/lrs.port.statements" | sort -u | tr '\n' ' ')" "IRK01/1001 IRK02/1001 "
inst_a=$(cat a.db.installation 2>/dev/null | tr -d '\n')
check "A's statements carry A's installation and office" "$(jq -r 'select(.actor.account.name == "IRK01/1001") | .context.extensions["https://mfc-trainer.local/xapi/ext/installation"] + "/" + .context.extensions["https://mfc-trainer.local/xapi/ext/office"]' "$W/lrs.port.statements" | sort -u)" "$inst_a/IRK01"
check "answers come from the centre's journal too" "$(jq -r 'select(.verb.id | endswith("answered")) | .id' "$W/lrs.port.statements" | wc -l | tr -d ' ' | sed 's/^0$/none/;s/^[1-9][0-9]*$/some/')" some
"$B" lrs push --central "$BOSS" --endpoint "$EP" --user u --password pw $S --json > lrs2.json 2>&1
check "a second push from the centre sends nothing" "$(jq .sent lrs2.json)/$(jq .known lrs2.json)/$(jq .posts lrs2.json)" "0/$n_region/0"
# the PC's own push gives A's attempts the same ids and the same actor
mv "$W/lrs.port.statements" "$W/lrs.region"
"$B" lrs push --db a.db --endpoint "$EP" --user u --password pw $S --json > lrs3.json 2>&1
check "lrs push from PC A exits 0" "$?" 0
check "the PC's statements have the centre's ids" "$(jq -r .id "$W/lrs.port.statements" | sort | md5sum)" "$(jq -r 'select(.actor.account.name == "IRK01/1001") | .id' "$W/lrs.region" | sort | md5sum)"
check "the PC's actor is IRK01/1001" "$(jq -r .actor.account.name "$W/lrs.port.statements" | sort -u)" "IRK01/1001"
$PSQL -U office_a -d region -c "SELECT count(*) FROM mfc.lrs_sent" >/dev/null 2>&1 && bad "office reads lrs_sent" || ok "an office role cannot read mfc.lrs_sent"
kill $LRSPID 2>/dev/null; wait $LRSPID 2>/dev/null

# ---- the region report equals the local report for the same attempts ---------------------
"$B" report --central "$ADMIN" --office IRK02 --format json > region.json || bad "report --central"
"$B" report --db b.db --format json > local.json || bad "local report"
fig='[.summary, (.scenarios | map(del(.id?))), .criteria, .mistakes] | tostring'
r1=$(jq -c ".report | del(.generated_at, .database, .db) | $fig" region.json 2>/dev/null)
r2=$(jq -c "del(.generated_at, .database, .db) | $fig" local.json 2>/dev/null)
if [ -n "$r1" ] && [ "$r1" = "$r2" ]; then ok "a region report equals the local report"; else bad "region report differs: $r1 vs $r2"; fi
# Every filter and every format: the region's report of IRK02 (its figures, without the
# per-office table placed in front) equals the local report of B's database.
# The day B's attempts were recorded (from its database, not the clock).
today=$(sqlite3 b.db "SELECT substr(min(started_at), 1, 10) FROM attempts")
. "$(dirname "$0")/report_strip.sh"
for filt in "" "--trainee 1001" "--scenario passport-45-late" "--since $today" "--until $today" \
            "--since 2000-01-01 --until 2000-01-02"; do
  for fmt in json csv table html; do
    COLUMNS=200 "$B" report --central "$ADMIN" --office IRK02 $filt --format $fmt > rf.$fmt 2>rf.err \
      || { bad "report --central --office IRK02 $filt --format $fmt: $(cat rf.err)"; continue; }
    COLUMNS=200 "$B" report --db b.db $filt --format $fmt > lf.$fmt 2>lf.err \
      || { bad "report --db b.db $filt --format $fmt: $(cat lf.err)"; continue; }
    strip_offices $fmt rf.$fmt > rf.n; strip_offices $fmt lf.$fmt > lf.n
    if [ -s rf.n ] && cmp -s rf.n lf.n; then ok "region = local: $filt --format $fmt"
    else bad "region != local: $filt --format $fmt: $(diff rf.n lf.n | head -6)"; fi
  done
done
check "the per-office table counts IRK02" "$(jq -c '.offices[] | select(.office == "IRK02") | .attempts' region.json)" 2
# Wide enough for the table layout (a file is laid out for 80 columns otherwise).
COLUMNS=250 "$B" report --central "$ADMIN" --format table > region.txt
grep -q 'IRK01' region.txt && ok "the table report has the offices" || bad "table report offices"
COLUMNS=80 "$B" report --central "$ADMIN" --format table > region80.txt
check "the region's table fits 80 columns" \
  "$(python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")) <= 80)' region80.txt)" True
check "the trainees' table has an office column and both 1001s" \
  "$(grep -c '^ *1001 .*IRK0[12]' region.txt)" 2
grep -q 'Петрова Анна Сергеевна' region.txt && ok "the patronymic is shown" || bad "patronymic: $(grep Петрова region.txt)"
"$B" report --central "$ADMIN" --format csv > region.csv
head -c 3 region.csv | od -An -tx1 | grep -q 'ef bb bf' && ok "the region CSV starts with one BOM" || bad "CSV BOM"
[ "$(grep -c "$(printf '\357\273\277')" region.csv)" = 1 ] && ok "no second BOM inside the CSV" || bad "second BOM in CSV"
"$B" report --central "$ADMIN" --format html > region.html
grep -q '<section><h2>По офисам' region.html && ok "the HTML report has the per-office table" || bad "html offices"
jq -e '.offices and .report' region.json >/dev/null && ok "the region JSON is one document" || bad "region json"

# ---- verify --central: clean, then an edited, a truncated and a rolled-back office -------
"$B" verify --central "$ADMIN" >/dev/null; check "verify --central is clean" "$?" 0
cp a.db a-backup.db; cp a.db.key a-backup.db.key 2>/dev/null
play a.db 1001 "Иванов Иван" 7; "$B" sync --central "$OA" --db a.db >/dev/null
# rolled back: the old copy comes back and records more
cp a-backup.db a.db; rm -f a.db-wal a.db-shm
play a.db 1001 "Иванов Иван" 8
msg=$("$B" sync --central "$OA" --db a.db 2>&1); rc=$?
check "sync of a rolled-back database exits 1" "$rc" 1
case "$msg" in *расходится*) ok "the PC says its journal diverges";; *) bad "rollback message: $msg";; esac
out=$("$B" verify --central "$ADMIN" --office IRK01); rc=$?
check "verify --central catches the rollback" "$rc" 1
case "$out" in *IRK01*rollback*) ok "the finding names the office";; *) bad "rollback finding: $out";; esac
# edited: B changes a result that was already sent, then one not yet sent
play b.db 1001 "Петрова Анна" 9
sqlite3 b.db "UPDATE attempts SET total = 100, passed = 1 WHERE rowid = (SELECT max(rowid) FROM attempts)"
"$B" sync --central "$OB" --db b.db >/dev/null 2>&1
out=$("$B" verify --central "$ADMIN" --office IRK02); rc=$?
check "verify --central catches an edited office database" "$rc" 1
case "$out" in *IRK02*changed*) ok "an edited record is named";; *) bad "edited finding: $out";; esac
check "an edited result is not counted" "$(q "SELECT count(*) FROM mfc.attempts WHERE office = 'IRK02' AND total = 100")" 0
# truncated: B loses its last journal entries
sqlite3 b.db "DELETE FROM chain WHERE n > (SELECT max(n) - 3 FROM chain)"
"$B" sync --central "$OB" --db b.db >/dev/null 2>&1; rc=$?
check "sync of a truncated database exits 1" "$rc" 1
q "SELECT detail FROM mfc.audit WHERE office = 'IRK02' AND kind = 'rollback'" | grep -q . && ok "a truncated database is recorded" || bad "truncation not recorded"

# ---- the server stops in the middle; the PC keeps recording; a later sync completes -------
play c.db 2001 "Сидоров Пётр" 11
"$B" enrol --central "$OA" --office IRK01 --db c.db >/dev/null || bad "enrol C"
"$B" sync --central "$OA" --db c.db >/dev/null || bad "first sync C"
$AS "$PGBIN/pg_ctl" -D "$PGD/data" -m immediate stop >/dev/null
for s in 12 13 14; do play c.db 2001 "Сидоров Пётр" $s || bad "recording while the centre is down"; done
msg=$("$B" sync --central "$OA" --db c.db 2>&1); rc=$?
check "sync with the centre down exits 1" "$rc" 1
case "$msg" in *"нет связи с центром"*) ok "the PC says there is no link";; *) bad "offline message: $msg";; esac
start_pg || bad "restart"
"$B" sync --central "$OA" --db c.db >/dev/null; check "a later sync completes" "$?" 0
inst_c=$(cut -c1-36 c.db.installation)
check "every entry of C arrived" "$(q "SELECT last_n FROM mfc.installations WHERE id = '$inst_c'")" "$(sqlite3 c.db 'SELECT max(n) FROM chain')"

# ---- the window syncs in the background after a finished attempt -------------------------
mkdir -p gui/scenarios cfg/mfc-trainer
cp -r "$ROOT/scenarios/data" "$ROOT/scenarios/passport-45-late" gui/scenarios/ && cp -r "$ROOT/scripts" gui/scripts
printf 'office = IRK01\ncentral = %s\n' "$OA" > cfg/mfc-trainer/mfc-trainer.conf
"$B" enrol --db w.db >/dev/null || bad "enrol W from the configuration file"
{ printf 'key N\ntext Волкова\nkey Tab\ntext Ольга\nkey Tab\ntext 5005\nkey Return\nkey Return\nkey Return\n'
  for a in greet-standard ask-name explain-time inspect:passport inspect:photos inspect:receipt \
           inspect:marriage flag:passport.birth_date:expired start-check explain-overdue \
           calm-explain receipt-ok service:passport-45 ask-marks form-application \
           consent-explain finish-standard; do echo "act $a"; done
  printf 'wait 3000\nshot synced\n'; } > gui.keys
mkdir -p shots
SDL_VIDEODRIVER=dummy "$B" gui --scenarios "$W/gui/scenarios" --db w.db --seed 1 \
  --input-script gui.keys --screenshots shots --result gui.json >/dev/null 2>gui.err
check "the window ran with central set" "$?" 0
inst_w=$(cut -c1-36 w.db.installation)
check "the window sent the finished attempt in the background" \
  "$(q "SELECT count(*) || '/' || max(total) FROM mfc.attempts WHERE installation = '$inst_w' AND finished")" "1/100"
printf 'office = IRK01\ncentral = host=127.0.0.1 port=1 dbname=x connect_timeout=2\n' > cfg/mfc-trainer/mfc-trainer.conf
SDL_VIDEODRIVER=dummy "$B" gui --scenarios "$W/gui/scenarios" --db w2.db --seed 1 \
  --input-script gui.keys --screenshots shots --result gui2.json >/dev/null 2>gui2.err
check "with the centre unreachable the window still records" "$?:$(sqlite3 w2.db 'SELECT count(*) FROM attempts WHERE finished = 1')" "0:1"
rm cfg/mfc-trainer/mfc-trainer.conf

# ---- SIGKILL at random moments, 100 times: nothing lost, nothing twice --------------------
for s in $(seq 100 160); do play k.db 3001 "Кузнецов Олег" $s; done
"$B" enrol --central "$OA" --office IRK01 --db k.db >/dev/null || bad "enrol K"
i=0
while [ $i -lt 100 ]; do
  "$B" sync --central "$OA" --db k.db --batch 7 >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$(( (i * 37) % 10 ))"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  [ $((i % 10)) -eq 5 ] && play k.db 3001 "Кузнецов Олег" $((200 + i))
  i=$((i + 1))
done
"$B" sync --central "$OA" --db k.db >/dev/null; check "after 100 kills a sync completes" "$?" 0
inst_k=$(cut -c1-36 k.db.installation)
check "no entry lost" "$(q "SELECT count(*) || '/' || max(n) FROM mfc.entries WHERE installation = '$inst_k'")" \
  "$(sqlite3 k.db 'SELECT count(*) || "/" || max(n) FROM chain')"
check "no attempt twice or lost" "$(q "SELECT count(*) FROM mfc.attempts WHERE installation = '$inst_k'")" \
  "$(sqlite3 k.db 'SELECT count(*) FROM attempts')"
check "the summary counts each attempt once" "$(q "SELECT sum(attempts) FROM mfc.sum_trainee s JOIN mfc.trainees t ON t.id = s.trainee_id WHERE t.personnel = '3001'")" \
  "$(sqlite3 k.db 'SELECT count(*) FROM attempts')"

# ---- a PC without a link: a signed bundle, imported twice, and a tampered one -------------
for s in 21 22; do play d.db 4001 "Орлова Мария" $s; done
"$B" enrol --central "$OA" --office IRK01 --db d.db >/dev/null || bad "enrol D"
"$B" sync --export d.bundle --db d.db >/dev/null; check "sync --export" "$?" 0
sqlite3 d.bundle "SELECT count(*) FROM settings" | grep -qx 0 && ok "a bundle carries no settings (no PIN)" || bad "bundle settings"
"$B" sync --import d.bundle --central "$ADMIN" >/dev/null; check "sync --import" "$?" 0
inst_d=$(cut -c1-36 d.db.installation)
once=$(q "SELECT count(*) FROM mfc.entries WHERE installation = '$inst_d'")
"$B" sync --import d.bundle --central "$ADMIN" >/dev/null; check "the same bundle imported twice" "$?" 0
check "a second import changes nothing" "$(q "SELECT count(*) FROM mfc.entries WHERE installation = '$inst_d'")" "$once"
play d.db 4001 "Орлова Мария" 23
"$B" sync --export d2.bundle --db d.db >/dev/null
sqlite3 d2.bundle "UPDATE attempts SET total = 100 WHERE rowid = (SELECT max(rowid) FROM attempts)"
msg=$("$B" sync --import d2.bundle --central "$ADMIN" 2>&1); rc=$?
check "a tampered bundle is refused" "$rc" 1
case "$msg" in *IRK01*"№"*) ok "the refusal names the office and the record";; *) bad "tamper message: $msg";; esac
"$B" sync --export d3.bundle --db d.db >/dev/null
sqlite3 d3.bundle "UPDATE bundle_meta SET value = '0000' || substr(value, 5) WHERE key = 'head_hash'"
"$B" sync --import d3.bundle --central "$ADMIN" >/dev/null 2>&1; check "a bundle with a forged head is refused" "$?" 1

# ---- PCs of one office syncing at once ----------------------------------------------------
# Six PCs of IRK01, each with the same new trainee (5001), send at the same moment: every one
# gets through (no deadlock, no duplicate trainee), and the trainee's summary counts all 12.
for k in 1 2 3 4 5 6; do
  play "m$k.db" 5001 "Соколова Вера" $((300 + k)); play "m$k.db" 5001 "Соколова Вера" $((310 + k))
  "$B" enrol --central "$OA" --office IRK01 --db "m$k.db" >/dev/null || bad "enrol m$k"
done
pids=""
for k in 1 2 3 4 5 6; do "$B" sync --central "$OA" --db "m$k.db" >"m$k.out" 2>&1 & pids="$pids $!"; done
failed=0
for p in $pids; do wait "$p" || failed=$((failed + 1)); done
check "six PCs of one office synced at once" "$failed" 0
check "one trainee 5001 at IRK01" "$(q "SELECT count(*) FROM mfc.trainees WHERE office = 'IRK01' AND personnel = '5001'")" 1
check "its summary counts the attempts of all six" \
  "$(q "SELECT attempts FROM mfc.sum_trainee s JOIN mfc.trainees t ON t.id = s.trainee_id WHERE t.office = 'IRK01' AND t.personnel = '5001'")" \
  "$(q "SELECT count(*) FROM mfc.attempts a JOIN mfc.trainees t ON t.id = a.trainee_id WHERE t.office = 'IRK01' AND t.personnel = '5001'")"
check "… which are 12" "$(q "SELECT count(*) FROM mfc.attempts a JOIN mfc.trainees t ON t.id = a.trainee_id WHERE t.office = 'IRK01' AND t.personnel = '5001'")" 12

# ---- verify of a copy without its key -----------------------------------------------------
mkdir copy; cp k.db copy/results-copy.db
msg=$("$B" verify --db copy/results-copy.db 2>&1); rc=$?
check "a copy without its key verifies what it can" "$rc" 0
[ -e copy/results-copy.db.key ] && bad "verify wrote a key beside a copy" || ok "no key file is written beside a copy"
case "$msg" in *"не проверено"*) ok "it says what it could not check";; *) bad "keyless message: $msg";; esac
sqlite3 copy/results-copy.db "UPDATE attempts SET total = 99 WHERE rowid = 1"
"$B" verify --db copy/results-copy.db >/dev/null 2>&1; check "an edit in a keyless copy is still found" "$?" 1

echo "central_test: $fails failure(s)"
[ $fails -eq 0 ]
