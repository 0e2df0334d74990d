#!/bin/sh
# Scenario packs through the centre (issue #13) on a real PostgreSQL started by the test (as in
# central_test.sh: the postgres user, a free port of 127.0.0.1, stopped on exit) and real
# archives: build → publish → sync installs → the program uses it; pack list; least privilege;
# an untrusted pack refused at the office; rollback kept by sync; schema 1 → 2. No mocks.
#   pack_central_test.sh MFC_TRAINER SOURCE_DIR
set -u
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$2" && pwd)
PG_TEST=pack_central_test PG_NEEDS="sqlite3 jq"
. "$(dirname "$0")/pg_server.sh"
qa() { $PSQL -U office_a -d region -c "$1"; }
has() { case "$2" in *"$3"*) ok "$1";; *) bad "$1: '$2' lacks '$3'";; esac; }
cd "$W" || exit 1
export XDG_CONFIG_HOME="$W/cfg" XDG_DATA_HOME="$W/data" MFC_SYSTEM_CONFIG="$W/none.conf"
export MFC_LUA_TIME_MS=60000
unset MFC_SCENARIOS MFC_TRUSTED_KEYS
KEY="$ROOT/assets/dev-signing/development-only.key"
P="$W/data/mfc-trainer/packs"
current() { "$B" pack status --json 2>/dev/null | jq -r '.current'; }

# ---- the centre, schema 1 → 2 ------------------------------------------------------------
$PSQL -U mfc -d region -c "CREATE ROLE office_a LOGIN; CREATE ROLE boss LOGIN"
"$B" central init --central "$ADMIN" >/dev/null || bad "central init"
check "a new centre is at schema 5" "$(q "SELECT value FROM mfc.meta WHERE key = 'schema'")" "5"
# A centre made by the previous release: schema 1 without the packs' tables.
q "DROP TABLE mfc.pack_installs, mfc.packs; DROP FUNCTION mfc.pack_report(uuid, text, text);
   UPDATE mfc.meta SET value = '1' WHERE key = 'schema'"
"$B" central init --central "$ADMIN" >/dev/null; check "central init upgrades a schema 1 centre" "$?" 0
check "… to schema 5" "$(q "SELECT value FROM mfc.meta WHERE key = 'schema'")" "5"
check "… with the packs table" "$(q "SELECT to_regclass('mfc.packs') IS NOT NULL")" "t"
$PSQL -U mfc -d region -c "GRANT mfc_manager TO boss"
"$B" central office IRK01 --role office_a --region 38 --central "$ADMIN" >/dev/null || bad "office IRK01"
"$B" play passport-45-late --scenarios "$ROOT/scenarios" --seed 1 --random --db a.db --trainee 1001 \
  --trainee-name "Иванов Иван" >/dev/null 2>&1
"$B" enrol --central "$OA" --office IRK01 --db a.db >/dev/null || bad "enrol"
INST=$(cat a.db.installation)

# ---- build → publish → sync installs → the program uses it --------------------------------
mkdir src && cp -r "$ROOT/scenarios" "$ROOT/scripts" src/
printf 'Пакет региона на ноябрь.\n' > ch1.txt
"$B" pack build --key "$KEY" --version 2026.11 --changelog ch1.txt --name irk src/scenarios >/dev/null 2>&1 || bad "build 2026.11"
"$B" sync --central "$OA" --db a.db >s0.out 2>&1; check "sync with nothing published exits 0" "$?" 0
check "nothing installed before a pack is published" "$(current)" "null"
msg=$("$B" pack publish --central "$OA" irk-2026.11.mfcpack 2>&1); rc=$?
check "an office role cannot publish" "$rc" 1
"$B" pack publish --central "$ADMIN" irk-2026.11.mfcpack >pub.out 2>&1; check "pack publish exits 0" "$?" 0
has "publish says so" "$(cat pub.out)" "опубликован"
"$B" pack publish --central "$ADMIN" irk-2026.11.mfcpack >pub2.out 2>&1; check "publishing the same pack again is fine" "$?" 0
check "the centre holds the pack's bytes" "$(q "SELECT size = length(data) AND size = $(stat -c %s irk-2026.11.mfcpack) FROM mfc.packs")" "t"
"$B" sync --central "$OA" --db a.db >s1.out 2>&1; check "sync exits 0" "$?" 0
has "sync says the pack was installed" "$(cat s1.out)" "2026.11 установлен из центра"
check "sync installed the published pack" "$(current)" "2026.11"
"$B" check >/dev/null 2>&1; check "the program checks the installed pack" "$?" 0
"$B" play passport-45-late --random --seed 3 --db a.db --trainee 1001 --trainee-name "Иванов Иван" >/dev/null 2>&1
check "a new attempt records the version" "$(sqlite3 a.db 'SELECT pack_version FROM attempts ORDER BY rowid DESC LIMIT 1')" "2026.11"
"$B" sync --central "$OA" --db a.db >/dev/null 2>&1
check "the centre knows which pack the attempt was played from" \
  "$(q "SELECT version FROM mfc.attempt_packs ORDER BY attempt")" "2026.11"
check "a manager may read it" \
  "$($PSQL -U boss -d region -c "SELECT count(*) FROM mfc.attempt_packs")" "1"
check "the centre knows which version the installation runs" \
  "$(q "SELECT office || '/' || version FROM mfc.pack_installs WHERE installation = '$INST'")" "IRK01/2026.11"
"$B" sync --central "$OA" --db a.db --json >s2.json 2>&1
check "a second sync changes nothing" "$(jq -r '.pack.changed' s2.json)/$(jq -r '.pack.installed' s2.json)" "false/2026.11"

# ---- pack list -----------------------------------------------------------------------------
list=$("$B" pack list --central "$ADMIN" 2>&1); check "pack list exits 0" "$?" 0
has "pack list shows the published version" "$list" "2026.11"
has "pack list shows the office's version" "$list" "офис IRK01"
check "pack list --json: published and installed" \
  "$("$B" pack list --central "$ADMIN" --json | jq -r '[.published[0].version, .installations[0].office, .installations[0].version] | join("/")')" \
  "2026.11/IRK01/2026.11"
"$B" pack list --central "host=127.0.0.1 port=$PORT user=boss dbname=region" >/dev/null 2>&1
check "a manager may list" "$?" 0

# ---- least privilege ------------------------------------------------------------------------
check "an office role may read the packs" "$(qa "SELECT count(*) FROM mfc.packs")" "1"
qa "INSERT INTO mfc.packs(name, version, hash, key_id, size, data) VALUES ('x','y','z','k',0,'')" >/dev/null 2>&1 \
  && bad "an office role wrote a pack" || ok "an office role cannot add packs"
qa "DELETE FROM mfc.packs" >/dev/null 2>&1 && bad "an office role deleted packs" || ok "an office role cannot delete packs"
qa "SELECT count(*) FROM mfc.pack_installs" >/dev/null 2>&1 && bad "an office role read pack_installs" || ok "an office role cannot read other installations' versions"
qa "UPDATE mfc.pack_installs SET version = 'x'" >/dev/null 2>&1 && bad "an office role changed pack_installs" || ok "an office role cannot change versions directly"
q "INSERT INTO mfc.offices VALUES ('IRK02', '38', ''); INSERT INTO mfc.installations(id, office, public_key) VALUES ('00000000-0000-4000-8000-000000000002', 'IRK02', 'x')"
qa "SELECT mfc.pack_report('00000000-0000-4000-8000-000000000002', '2026.11', '$(printf '%064d' 0)')" >/dev/null 2>&1 \
  && bad "an office reported another office's version" || ok "an office reports only its own installations"
qa "SELECT mfc.pack_report('$INST', '../x', '$(printf '%064d' 0)')" >/dev/null 2>&1 \
  && bad "a bad version was accepted" || ok "a malformed version is refused by the centre"

# ---- a newer pack: sync installs it and keeps the previous ----------------------------------
sed -i 's/"title": "Сорок пять и немного опоздала"/"title": "Сорок пять: новая редакция"/' src/scenarios/passport-45-late/scenario.json
printf 'Обновлён сценарий «Сорок пять».\n' > ch2.txt
"$B" pack build --key "$KEY" --version 2026.12 --changelog ch2.txt --name irk src/scenarios >/dev/null 2>&1 || bad "build 2026.12"
"$B" pack publish --central "$ADMIN" irk-2026.12.mfcpack >/dev/null 2>&1 || bad "publish 2026.12"
"$B" sync --central "$OA" --db a.db >/dev/null 2>&1; check "sync with a newer pack exits 0" "$?" 0
check "the newest pack is installed" "$(current)" "2026.12"
check "the previous is kept" "$("$B" pack status --json | jq -r .previous)" "2026.11"
check "the centre sees the new version" "$(q "SELECT version FROM mfc.pack_installs WHERE installation = '$INST'")" "2026.12"
# Another pack under a published version is refused at publishing.
"$B" pack build --key "$KEY" --version 2026.12 --name irk --output clash.mfcpack "$ROOT/scenarios" >/dev/null 2>&1
msg=$("$B" pack publish --central "$ADMIN" clash.mfcpack 2>&1); rc=$?
check "another pack under a published version is refused" "$rc" 1
has "… saying the version is taken" "$msg" "уже опубликована"

# ---- rollback: sync does not bring the left version back -----------------------------------
"$B" pack rollback >/dev/null 2>&1; check "rollback to 2026.11" "$(current)" "2026.11"
"$B" sync --central "$OA" --db a.db >s3.out 2>&1; check "sync after a rollback exits 0" "$?" 0
check "sync keeps the rolled-back-to pack" "$(current)" "2026.11"
has "… and says why" "$(cat s3.out)" "pack rollback"
check "the centre sees the rollback" "$(q "SELECT version FROM mfc.pack_installs WHERE installation = '$INST'")" "2026.11"

# ---- an untrusted pack at the centre is refused at the office --------------------------------
"$B" keygen "$W/other.key" >/dev/null 2>&1
"$B" pack build --key "$W/other.key" --version 2027.01 --name irk --output other.mfcpack src/scenarios >/dev/null 2>&1
msg=$("$B" pack publish --central "$ADMIN" other.mfcpack 2>&1); rc=$?
check "publish refuses a pack this installation does not trust" "$rc" 1
# The centre's own installation trusts that key (a misconfigured centre): the offices must not.
MFC_TRUSTED_KEYS="$W/other.key.pub" "$B" pack publish --central "$ADMIN" other.mfcpack >/dev/null 2>&1 \
  || bad "publish with the key trusted"
msg=$("$B" sync --central "$OA" --db a.db 2>&1); rc=$?
check "sync refuses an untrusted pack with exit 1" "$rc" 1
has "the message names the pack" "$msg" "«2027.01» из центра"
has "the message names the key" "$msg" "ключом"
check "the office keeps its pack" "$(current)" "2026.11"
check "the centre's audit records the refusal" "$(q "SELECT count(*) FROM mfc.audit WHERE kind = 'pack' AND installation = '$INST'")" "1"
[ -z "$(ls -A "$P" | grep -e incoming -e 2027)" ] && ok "nothing of the refused pack is on disk" || bad "leftovers: $(ls -A "$P")"

echo "$fails failed"
[ $fails -eq 0 ]
