#!/bin/sh
# Faults at the level a user sees them: each gives a clear message and the right exit code,
# and nothing crashes (the same script runs under the sanitizer build).
# Usage: faults_test.sh MFC_TRAINER DB_EXEC SOURCE_DIR
set -u
EXE=$1
DBX=$2
SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_exit() { # expected-code description command...
  want=$1; shift; what=$1; shift
  "$@" >"$TMP/out" 2>"$TMP/err"
  got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, expected $want"; cat "$TMP/err" >&2; fi
}
expect_err() {
  if grep -qF -- "$1" "$TMP/err"; then ok; else bad "$2: stderr lacks «$1»"; cat "$TMP/err" >&2; fi
}
expect_file() { # file needle description
  if grep -qF -- "$2" "$1"; then ok; else bad "$3: $1 lacks «$2»"; fi
}

# A scenario pack of one, whose script fails when the trainee asks why.
mkdir -p "$TMP/sc/data" "$TMP/sc/mini"
cp "$SRC/tests/data/scenarios/data/rules.json" "$TMP/sc/data/"
cp "$SRC/tests/data/scenarios/mini/scenario.json" "$TMP/sc/mini/"
cat >"$TMP/sc/mini/script.lua" <<'LUA'
function on_action(id)
  if id == "ask-why" then
    local t = nil
    return t.x
  end
end
LUA
G="--scenarios $TMP/sc gui --scenario mini --seed 1 --size 1280x720"

# 1. A script error in the window: the debrief says the attempt does not count, the details
#    fold out with script.lua:LINE, the result JSON and the database say content_error.
cat >"$TMP/ce.keys" <<'KEYS'
act ask-why
expect debrief Попытка не засчитывается
key D
shot content-error
KEYS
mkdir -p "$TMP/shots"
expect_exit 0 "window content error" "$EXE" $G --db "$TMP/ce.db" --input-script "$TMP/ce.keys" \
  --screenshots "$TMP/shots" --result "$TMP/ce.json"
expect_file "$TMP/ce.json" '"outcome": "content_error"' "window result"
expect_file "$TMP/ce.json" 'script.lua:4:' "window result names the line"
[ -s "$TMP/shots/content-error.png" ] && ok || bad "no screenshot of the content error"
out=$("$DBX" "$TMP/ce.db" "SELECT outcome || ' ' || finished || ' ' || coalesce(total, 'none') FROM attempts")
[ "$out" = "content_error 1 none" ] && ok || bad "stored content error: «$out»"

# 2. The database turns read-only in the middle of an attempt: the banner says so, play goes
#    on, the next action after it recovers writes everything in order.
cat >"$TMP/ro.keys" <<'KEYS'
act hello
db readonly
act inspect:passport
expect office Результаты не записываются
act inspect:poa
shot db-readonly
db ok
act refuse
expect office
key Return
expect debrief
KEYS
expect_exit 0 "window read-only db" "$EXE" $G --db "$TMP/ro.db" --input-script "$TMP/ro.keys" \
  --screenshots "$TMP/shots"
out=$("$DBX" "$TMP/ro.db" "SELECT group_concat(action_id, ',') FROM (SELECT action_id FROM actions ORDER BY seq)")
[ "$out" = "hello,inspect:passport,inspect:poa,refuse" ] && ok || bad "actions after read-only: «$out»"
out=$("$DBX" "$TMP/ro.db" "SELECT outcome || ' ' || finished FROM attempts")
[ "$out" = "refused 1" ] && ok || bad "attempt after read-only: «$out»"
# Still read-only when the window closes: the message lists the actions, exit 1.
cat >"$TMP/ro2.keys" <<'KEYS'
db readonly
act hello
KEYS
expect_exit 1 "window closes with writes waiting" "$EXE" $G --db "$TMP/ro2.db" --input-script "$TMP/ro2.keys"
expect_err "Попытка не записана в базу результатов" "lost writes are reported"
expect_err "hello" "the actions are listed"

# 2a. A result the database refuses for good (here a trigger; once a NaN clock broke every
#     write on NOT NULL): play says the attempt is lost, lists its actions, exits 1 (issue #16).
"$EXE" --scenarios "$TMP/sc" play mini --random --seed 3 --db "$TMP/refuse.db" >/dev/null 2>&1
"$DBX" "$TMP/refuse.db" "CREATE TRIGGER no_results BEFORE INSERT ON attempt_criteria BEGIN SELECT RAISE(ABORT, 'refused'); END" >/dev/null
expect_exit 1 "a result refused for good" "$EXE" --scenarios "$TMP/sc" play mini --actions hello,refuse --db "$TMP/refuse.db"
expect_err "hello,refuse" "the lost actions are listed"
# The same in the window: the debrief says the result is not saved (no chain label as if it
# were), the banner says so on the next screen, and closing the window lists the actions, exit 1.
cat >"$TMP/refuse.keys" <<'KEYS'
act hello
act refuse
key Return
expect debrief Результат не сохранён
shot refused-for-good
key Escape
expect catalog Попытка не сохранена
KEYS
expect_exit 1 "window: a result refused for good" "$EXE" $G --db "$TMP/refuse.db" \
  --input-script "$TMP/refuse.keys" --screenshots "$TMP/shots"
expect_err "hello,refuse" "window: the lost actions are listed"

# 3. No display: an impossible video driver gives a message saying what to do, exit 1.
SDL_VIDEODRIVER=nonexistent "$EXE" --scenarios "$TMP/sc" gui --db "$TMP/nd.db" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] && ok || bad "no display: exit code"
expect_err "окно не открывается" "no display"
expect_err "play, check, report" "no display: what still works"

# 4. Fonts: a --font that does not exist, and one that is not a font: DejaVu Sans instead.
printf 'expect start\n' >"$TMP/start.keys"
expect_exit 0 "missing --font" "$EXE" --scenarios "$TMP/sc" gui --db "$TMP/f.db" \
  --font "$TMP/no-such.ttf" --input-script "$TMP/start.keys"
expect_err "используется DejaVu Sans" "missing --font falls back"
echo "not a font" >"$TMP/bad.ttf"
expect_exit 0 "broken --font" "$EXE" --scenarios "$TMP/sc" gui --db "$TMP/f.db" \
  --font "$TMP/bad.ttf" --input-script "$TMP/start.keys"
expect_err "используется DejaVu Sans" "broken --font falls back"

# 5. Garbage settings in the database: defaults, no crash.
"$EXE" --scenarios "$TMP/sc" gui --db "$TMP/s.db" --input-script "$TMP/start.keys" >/dev/null 2>&1
"$DBX" "$TMP/s.db" "INSERT OR REPLACE INTO settings(key, value) VALUES
  ('text_pct', 'огромный'), ('high_contrast', '7'), ('window_w', '-5'), ('window_h', '99999999'),
  ('timer', ''), ('mode', '2x'), ('fullscreen', 'да'), ('last_trainee', '1e999')" || bad "db_exec"
printf 'expect start\nshot settings-garbage\nkey F11\nkey F11\n' >"$TMP/garbage.keys"
expect_exit 0 "garbage settings" "$EXE" --scenarios "$TMP/sc" gui --db "$TMP/s.db" \
  --input-script "$TMP/garbage.keys" --screenshots "$TMP/shots"
out=$("$DBX" "$TMP/s.db" "SELECT value FROM settings WHERE key = 'text_pct'")
[ "$out" = "огромный" ] || [ "$out" = "100" ] && ok || bad "text_pct: «$out»"

# 6. No scenarios folder: check and play say which folder and how to name another; the
#    window still opens and says so.
expect_exit 2 "check without a folder" "$EXE" --scenarios "$TMP/nowhere" check
expect_err "папки сценариев $TMP/nowhere нет" "check without a folder"
expect_exit 2 "play without a folder" "$EXE" --scenarios "$TMP/nowhere" play mini --random
expect_err "папки сценариев $TMP/nowhere нет" "play without a folder"
expect_exit 0 "window without a folder" "$EXE" --scenarios "$TMP/nowhere" gui --db "$TMP/n.db" \
  --input-script "$TMP/start.keys"
expect_err "папки сценариев $TMP/nowhere нет" "window without a folder"

# 7. play with a script error: neutral line, report on stderr, stored as content_error.
expect_exit 1 "play content error" "$EXE" --scenarios "$TMP/sc" play mini --actions ask-why,hello \
  --db "$TMP/p.db"
expect_err "script.lua:4:" "play names the line"
out=$("$DBX" "$TMP/p.db" "SELECT outcome FROM attempts")
[ "$out" = "content_error" ] && ok || bad "play stored «$out»"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
