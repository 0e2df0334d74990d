#!/bin/sh
# The manager's PIN in the window: set on first entry (entered twice; a mismatch is refused),
# stored as an Argon2id hash and never as the PIN; a wrong PIN delays the next try (1 s, then
# 2 s: a right PIN during the delay is refused), the right one opens the area; an exam on an
# unsigned copy of the pack is refused in the window too.
# Usage: pin_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
run() { # keys-file what
  if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/r.db" --seed 1 \
       --size 1280x720 --input-script "$1" >"$TMP/out" 2>&1; then ok; else bad "$2: $(cat "$TMP/out")"; fi
}
printf 'key M\nexpect pin\nkey 1\nkey 2\nkey 3\nkey 4\nkey Tab\nkey 1\nkey 2\nkey 3\nkey 5\nkey Return\nexpect pin PIN не совпадают\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\nexpect manager\n' >"$TMP/set.keys"
run "$TMP/set.keys" "set the PIN"
# No PIN in the database, only its hash (the file is read as bytes: no sqlite3 needed).
if grep -a -q 'argon2id' "$TMP/r.db" "$TMP/r.db-wal" 2>/dev/null; then ok; else bad "no Argon2id hash stored"; fi
if grep -a -q 'manager.pin.*1234\|1234.*manager.pin' "$TMP/r.db" "$TMP/r.db-wal" 2>/dev/null; then
  bad "the PIN is stored in plain text"; else ok; fi
printf 'key M\nexpect pin\nkey 9\nkey 9\nkey 9\nkey 9\nkey Return\nexpect pin через 1 с\nwait 1200\nkey 9\nkey 9\nkey 9\nkey 9\nkey Return\nexpect pin через 2 с\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\nexpect pin Подождите\nwait 2200\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\nexpect manager\n' >"$TMP/wrong.keys"
run "$TMP/wrong.keys" "wrong PIN delays"
# Leaving the manager area locks it: the PIN is asked again.
printf 'key M\nexpect pin\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\nexpect manager\nkey Escape\nexpect start\nkey M\nexpect pin\n' >"$TMP/lock.keys"
run "$TMP/lock.keys" "leaving the area locks it"
# The count of wrong tries is sealed: deleting or resetting it in the settings table does not
# give free tries (the next one waits as after five wrong ones).
printf 'key M\nexpect pin\nkey 9\nkey 9\nkey 9\nkey 9\nkey Return\nexpect pin Неверный PIN\n' >"$TMP/one.keys"
run "$TMP/one.keys" "one wrong try"
if command -v sqlite3 >/dev/null; then
  sqlite3 "$TMP/r.db" "DELETE FROM settings WHERE key LIKE 'manager.pin_%'" || bad "sqlite3 delete"
  printf 'key M\nexpect pin изменён вне программы — следующая попытка через 16 с\nkey 1\nkey 2\nkey 3\nkey 4\nkey Return\nexpect pin Подождите\n' >"$TMP/tamper.keys"
  run "$TMP/tamper.keys" "a deleted count of tries"
  sqlite3 "$TMP/r.db" "UPDATE settings SET value='0|0000' WHERE key='manager.pin_tries'" || bad "sqlite3 update"
  run "$TMP/tamper.keys" "a forged count of tries"
else
  bad "sqlite3 is needed to edit the settings table (.ci/deps.sh)"
fi
# A PIN set by `pin set` opens the area at once: the command writes the sealed count too.
printf '4321\n4321\n' | "$EXE" pin set --db "$TMP/ps.db" >/dev/null 2>&1 && ok || bad "pin set --db"
printf 'key M\nexpect pin\nkey 4\nkey 3\nkey 2\nkey 1\nkey Return\nexpect manager\n' >"$TMP/ps.keys"
if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/ps.db" --seed 1 \
     --size 1280x720 --input-script "$TMP/ps.keys" >"$TMP/out" 2>&1; then ok; else bad "a PIN from pin set: $(cat "$TMP/out")"; fi
# Mouse only: the keypad, the second field and «Сохранить» (1280×720, a new database); then a
# passphrase instead of digits.
printf 'key M\nexpect pin\nclick 963 148\nclick 1029 148\nclick 1094 148\nclick 963 195\nclick 530 289\nclick 963 148\nclick 1029 148\nclick 1094 148\nclick 963 195\nclick 227 340\nexpect manager\n' >"$TMP/mouse.keys"
if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/m.db" --seed 1 \
     --size 1280x720 --input-script "$TMP/mouse.keys" >"$TMP/out" 2>&1; then ok; else bad "PIN by mouse: $(cat "$TMP/out")"; fi
printf 'key M\nexpect pin\ntext горы и море\nkey Tab\ntext горы и море\nkey Return\nexpect manager\nkey Escape\nkey M\ntext горы и мор\nkey Return\nexpect pin Неверный PIN\nwait 1200\ntext горы и море\nkey Return\nexpect manager\n' >"$TMP/phrase.keys"
if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/f.db" --seed 1 \
     --size 1280x720 --input-script "$TMP/phrase.keys" >"$TMP/out" 2>&1; then ok; else bad "a passphrase: $(cat "$TMP/out")"; fi
# An exam on an unsigned copy: refused in the window, naming why.
mkdir -p "$TMP/p/scenarios" && cp -r "$SRC/scenarios/data" "$SRC/scenarios/passport-45-late" \
  "$TMP/p/scenarios/" && cp -r "$SRC/scripts" "$TMP/p/scripts"
printf 'expect office\n' >"$TMP/exam.keys"
if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$TMP/p/scenarios" --db "$TMP/e.db" --seed 1 \
     --scenario passport-45-late --exam --input-script "$TMP/exam.keys" >"$TMP/out" 2>&1; then
  bad "an exam started on an unsigned pack in the window"
elif grep -q "Экзамен невозможен: пакет сценариев не подписан" "$TMP/out"; then ok
else bad "exam refusal message: $(cat "$TMP/out")"; fi
# Training on the same copy starts, with the warning.
if SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$TMP/p/scenarios" --db "$TMP/e.db" --seed 1 \
     --scenario passport-45-late --input-script "$TMP/exam.keys" >"$TMP/out" 2>&1; then ok
else bad "training on an unsigned pack in the window: $(cat "$TMP/out")"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
