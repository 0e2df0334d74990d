#!/bin/sh
# Scenario pack files on one PC (issue #13), with the real libarchive behind the program and
# real archives: build, install, what the program then uses, refusals (untrusted key, damaged
# archive, "../", absolute path, links), kills during an install, rollback, an attempt that
# started on the old pack finishing on it, and the window's notice. No mocks.
#   pack_test.sh MFC_TRAINER SOURCE_DIR
set -u
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$2" && pwd)
for t in python3 sqlite3 jq tar; do
  command -v $t >/dev/null || { echo "pack_test: needs $t (.ci/deps.sh installs it)" >&2; exit 1; }
done
W=$(mktemp -d /tmp/mfc-pack.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$W"' EXIT INT TERM
cd "$W" || exit 1
export XDG_CONFIG_HOME="$W/cfg" XDG_DATA_HOME="$W/data" MFC_SYSTEM_CONFIG="$W/none.conf"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy MFC_LUA_TIME_MS=60000
unset MFC_SCENARIOS MFC_TRUSTED_KEYS MFC_PACK_TEST_PAUSE
KEY="$ROOT/assets/dev-signing/development-only.key"
P="$W/data/mfc-trainer/packs"
fails=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1 (got '$2', want '$3')"; fi; }
has() { case "$2" in *"$3"*) ok "$1";; *) bad "$1: '$2' lacks '$3'";; esac; }
current() { "$B" pack status --json 2>/dev/null | jq -r '.current'; }
hash_of() { # the content hash of passport-45-late as the program loads it now
  "$B" play passport-45-late --json --seed 1 --actions greet-standard "$@" 2>/dev/null | jq -r '.hash'
}

# ---- two versions of a pack from a copy of the bundled set -------------------------------
mkdir src && cp -r "$ROOT/scenarios" "$ROOT/scripts" src/ || exit 1
printf 'Первый пакет региона.\n' > ch1.txt
"$B" pack build --key "$KEY" --version 2026.11 --changelog ch1.txt --name irk src/scenarios >build.out 2>&1
check "pack build exits 0" "$?" 0
[ -s irk-2026.11.mfcpack ] && ok "pack build writes NAME-VERSION.mfcpack" || bad "no irk-2026.11.mfcpack: $(cat build.out)"
first=$(tar tzf irk-2026.11.mfcpack | head -1)
check "the signed manifest is the archive's first entry" "$first" "scenarios/pack.sig"
tar tzf irk-2026.11.mfcpack | grep -qx 'scripts/names.lua' && ok "the shared scripts are in the pack" || bad "no scripts/names.lua in the pack"
tar xzf irk-2026.11.mfcpack -O scenarios/pack.info > info.txt
has "pack.info carries the version" "$(cat info.txt)" "version 2026.11"
grep -q ' pack.info$' <<EOF2 && ok "pack.info is covered by the signature" || bad "pack.info not in the manifest"
$(tar xzf irk-2026.11.mfcpack -O scenarios/pack.sig)
EOF2
# The second version: passport-45-late gets another title; the changelog says so.
python3 - src/scenarios/passport-45-late/scenario.json <<'PY'
import sys
p = sys.argv[1]; s = open(p, encoding='utf-8').read()
s = s.replace('"title": "Сорок пять и немного опоздала"', '"title": "Сорок пять: новая редакция"', 1)
open(p, 'w', encoding='utf-8').write(s)
PY
printf 'Обновлён сценарий «Сорок пять»: новая редакция.\n' > ch2.txt
"$B" pack build --key "$KEY" --version 2026.12 --changelog ch2.txt --name irk src/scenarios >/dev/null 2>&1 \
  || bad "pack build 2026.12"
OLD=$(hash_of --scenarios "$ROOT/scenarios"); NEW=$(hash_of --scenarios "$W/src/scenarios")
[ -n "$OLD" ] && [ "$OLD" != "$NEW" ] && ok "the two versions differ" || bad "versions: '$OLD' '$NEW'"

# ---- install: the program uses the installed pack; a build tree and --scenarios still work --
check "no pack installed yet" "$(current)" "null"
"$B" pack install irk-2026.11.mfcpack >inst.out 2>&1; check "pack install exits 0" "$?" 0
check "the installed pack is current" "$(current)" "2026.11"
check "the program's scenarios are the installed pack" \
  "$("$B" pack status --json | jq -r .scenarios)" "$P/2026.11/scenarios"
"$B" check >/dev/null 2>&1; check "check passes on the installed pack" "$?" 0
check "the installed pack is intact and signed" "$("$B" pack status --json | jq -r .intact)" "true"
"$B" check --scenarios "$ROOT/scenarios" >/dev/null 2>&1; check "--scenarios still works" "$?" 0
(cd "$ROOT" && "$B" pack status --json | jq -r .scenarios) > tree.txt
check "a build tree's ./scenarios comes before the installed pack" "$(cat tree.txt)" "scenarios"
"$B" play passport-45-late --random --seed 2 --db r.db --trainee 1001 --trainee-name "Иванов Иван" >/dev/null 2>&1
check "an attempt records the pack version" "$(sqlite3 r.db 'SELECT pack_version || "/" || pack_state FROM attempts')" "2026.11/signed"
"$B" play passport-45-late --random --seed 2 --db r2.db --trainee 1001 --trainee-name "Иванов Иван" \
  --scenarios "$ROOT/scenarios" >/dev/null 2>&1
check "an attempt from a build tree records no pack version" "$(sqlite3 r2.db 'SELECT coalesce(pack_version, "NULL") FROM attempts')" "NULL"
"$B" pack install irk-2026.11.mfcpack >again.out 2>&1
check "installing the current pack again is fine" "$?" 0
has "… and says it is already installed" "$(cat again.out)" "уже установлен"

# ---- refusals: the message names the pack file and the entry; nothing changes -------------
refused() { # NAME FILE WANT-IN-MESSAGE
  msg=$("$B" pack install "$2" 2>&1); rc=$?
  check "$1: refused with exit 1" "$rc" 1
  has "$1: the message names the file" "$msg" "$2"
  has "$1: the message says why" "$msg" "$3"
  check "$1: the current pack is unchanged" "$(current)" "2026.11"
  [ -z "$(ls -A "$P" | grep incoming)" ] && ok "$1: nothing half-written is left" || bad "$1: leftovers: $(ls -A "$P")"
}
"$B" keygen "$W/other.key" >/dev/null 2>&1
other_id=$("$B" pack build --key "$W/other.key" --version 2026.12 --name irk --output untrusted.mfcpack src/scenarios 2>/dev/null | sed -n 's/.*подписан ключом \([0-9a-f]*\).*/\1/p')
refused "an untrusted key" untrusted.mfcpack "$other_id"
head -c 150000 irk-2026.12.mfcpack > truncated.mfcpack
refused "a truncated archive" truncated.mfcpack "повреждён"
# Damaged content inside a well-formed archive: one scenario file changed after signing.
python3 - irk-2026.12.mfcpack tampered.mfcpack <<'PY'
import io, sys, tarfile
src = tarfile.open(sys.argv[1], 'r:gz'); out = tarfile.open(sys.argv[2], 'w:gz')
for m in src.getmembers():
    data = src.extractfile(m).read()
    if m.name == 'scenarios/zagran-grandmother/script.lua':
        data = data + b'\n-- changed\n'
        m.size = len(data)
    out.addfile(m, io.BytesIO(data))
out.close()
PY
refused "a file changed after signing" tampered.mfcpack "scenarios/zagran-grandmother/script.lua"
# Entries outside the pack's folder, links, a missing manifest: crafted with Python's tarfile.
craft() { # OUT KIND
  python3 - irk-2026.12.mfcpack "$1" "$2" "$W" <<'PY'
import io, sys, tarfile
src = tarfile.open(sys.argv[1], 'r:gz'); out = tarfile.open(sys.argv[2], 'w:gz'); kind = sys.argv[3]
members = src.getmembers()
def add_file(name, data=b'evil\n'):
    t = tarfile.TarInfo(name); t.size = len(data); out.addfile(t, io.BytesIO(data))
if kind == 'nomanifest':
    members = members[1:] + members[:1]
for i, m in enumerate(members):
    out.addfile(m, src.extractfile(m))
    if i == 0 and kind == 'dotdot': add_file('scenarios/../../evil.txt')
    if i == 0 and kind == 'absolute': add_file(sys.argv[4] + '/evil-abs.txt')
    if i == 0 and kind == 'symlink':
        t = tarfile.TarInfo('scenarios/passwd'); t.type = tarfile.SYMTYPE; t.linkname = '/etc/passwd'; out.addfile(t)
    if i == 0 and kind == 'hardlink':
        t = tarfile.TarInfo('scenarios/hard'); t.type = tarfile.LNKTYPE; t.linkname = 'scenarios/pack.sig'; out.addfile(t)
    if i == 0 and kind == 'device':
        t = tarfile.TarInfo('scenarios/null'); t.type = tarfile.CHRTYPE; t.devmajor = 1; t.devminor = 3; out.addfile(t)
out.close()
PY
}
craft dotdot.mfcpack dotdot; refused "a ../ entry" dotdot.mfcpack "scenarios/../../evil.txt"
[ ! -e "$W/data/mfc-trainer/evil.txt" ] && [ ! -e "$W/data/evil.txt" ] && ok "the ../ entry was not written" || bad "evil.txt written"
craft absolute.mfcpack absolute; refused "an absolute path" absolute.mfcpack "$W/evil-abs.txt"
[ ! -e "$W/evil-abs.txt" ] && ok "the absolute entry was not written" || bad "evil-abs.txt written"
craft symlink.mfcpack symlink; refused "a symbolic link" symlink.mfcpack "scenarios/passwd"
craft hardlink.mfcpack hardlink; refused "a hard link" hardlink.mfcpack "scenarios/hard"
craft device.mfcpack device; refused "a device" device.mfcpack "scenarios/null"
craft nomanifest.mfcpack nomanifest; refused "a pack whose first entry is not the manifest" nomanifest.mfcpack "scenarios/pack.sig"

# ---- a kill during the install leaves the old pack in use --------------------------------
wait_for() { # CONDITION-COMMAND: up to 20 s
  n=0; while ! sh -c "$1" 2>/dev/null; do n=$((n + 1)); [ $n -gt 400 ] && return 1; sleep 0.05; done; return 0
}
killed_at() { # POINT CONDITION
  MFC_PACK_TEST_PAUSE=$1 "$B" pack install irk-2026.12.mfcpack >/dev/null 2>&1 &
  pid=$!
  if wait_for "$2"; then
    kill -9 $pid; wait $pid 2>/dev/null
    check "killed at $1: the old pack stays current" "$(current)" "2026.11"
    "$B" check >/dev/null 2>&1; check "killed at $1: the program still checks the old pack" "$?" 0
    check "killed at $1: the old pack is intact" "$("$B" pack status --json | jq -r .intact)" "true"
  else
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; bad "killed at $1: the install never got there"
  fi
}
killed_at entry:5 "[ \$(find '$P' -path '*incoming*' -type f | wc -l) -ge 5 ]"
killed_at renamed "[ -d '$P/2026.12' ]"
killed_at pointer "[ -f '$P/previous' ]"
# And at random moments (each run the old or the new pack is current, never anything else).
i=0
while [ $i -lt 8 ]; do
  "$B" pack install irk-2026.12.mfcpack >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$(python3 -c 'import random; print(random.randint(0, 9))')"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  c=$(current)
  case "$c" in 2026.11|2026.12) ;; *) bad "random kill $i: current is '$c'";; esac
  [ "$("$B" pack status --json | jq -r .intact)" = true ] || bad "random kill $i: current pack $c not intact"
  [ "$c" = 2026.12 ] && "$B" pack rollback >/dev/null 2>&1
  i=$((i + 1))
done
check "after random kills the old pack is current again" "$(current)" "2026.11"
"$B" pack install irk-2026.12.mfcpack >/dev/null 2>&1; check "the install after the kills succeeds" "$?" 0
[ -z "$(ls -A "$P" | grep incoming)" ] && ok "the killed installs' leftovers are gone" || bad "leftovers: $(ls -A "$P")"
check "the new pack is current" "$(current)" "2026.12"
check "the old one is kept as previous" "$("$B" pack status --json | jq -r .previous)" "2026.11"
check "the program loads the new pack" "$(hash_of)" "$NEW"

# ---- the window: the notice at the catalogue, once ----------------------------------------
mkdir shots
printf 'key Return\nexpect catalog Новый пакет сценариев 2026.12: что изменилось — Обновлён сценарий «Сорок пять»\nshot catalog-new-pack\n' > notice.keys
"$B" gui --db g.db --size 1280x720 --input-script notice.keys --screenshots shots >gui.out 2>&1
check "the catalogue shows the new pack's changelog" "$?" 0
[ -s shots/catalog-new-pack.png ] || cat gui.out
printf 'key Return\nexpect catalog Новый пакет\n' > again.keys
"$B" gui --db g.db --size 1280x720 --input-script again.keys >/dev/null 2>&1
check "the notice is shown once" "$?" 1

# ---- rollback ------------------------------------------------------------------------------
"$B" pack rollback >rb.out 2>&1; check "pack rollback exits 0" "$?" 0
check "rollback makes the previous pack current" "$(current)" "2026.11"
check "the program loads the old pack again" "$(hash_of)" "$OLD"
check "the rolled-back version is remembered for sync" "$(cat "$P/skip")" "2026.12"

# ---- an attempt that started on the old pack finishes on it -------------------------------
mkfifo answers
( printf '1\n1\n'; while [ ! -e go ]; do sleep 0.05; done; i=0; while [ $i -lt 200 ]; do echo 1; i=$((i + 1)); done ) > answers &
"$B" play passport-45-late --seed 5 --db live.db --trainee 1002 --trainee-name "Петров Пётр" < answers > live.out 2>&1 &
player=$!
wait_for "[ \$(sqlite3 '$W/live.db' 'SELECT count(*) FROM actions' 2>/dev/null || echo 0) -ge 2 ]" \
  && ok "an attempt is under way on 2026.11" || bad "the attempt did not start"
"$B" pack install irk-2026.12.mfcpack >/dev/null 2>&1; check "2026.12 installed during the attempt" "$(current)" "2026.12"
touch go
wait $player
check "the attempt finished" "$(sqlite3 live.db 'SELECT finished FROM attempts')" "1"
check "it records the version it started on" "$(sqlite3 live.db 'SELECT pack_version FROM attempts')" "2026.11"
check "it ran the old scenario" "$(sqlite3 live.db 'SELECT scenario_hash || "/" || scenario_title FROM attempts')" "$OLD/Сорок пять и немного опоздала"
"$B" play passport-45-late --random --seed 6 --db live.db --trainee 1002 --trainee-name "Петров Пётр" >/dev/null 2>&1
check "the next attempt runs on the new pack" "$(sqlite3 live.db 'SELECT pack_version || "/" || scenario_title FROM attempts ORDER BY started_at DESC, rowid DESC LIMIT 1')" "2026.12/Сорок пять: новая редакция"

echo "$fails failed"
[ $fails -eq 0 ]
