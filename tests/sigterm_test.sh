#!/bin/sh
# SIGTERM closes the window cleanly: the attempt in progress is saved as unfinished, exactly as
# when the trainee leaves it with Esc, and the exit status is 0 (issue #16); so does SIGHUP (a
# closed terminal or session), which SDL leaves alone. (SIGINT is not tried: a background job of
# a non-interactive shell starts with it ignored.) The window runs headless with an input script
# that acts once and then waits; the test waits (polling the database, not the clock) until the
# action is recorded, then signals that process. Once more without a script: the window asleep
# in SDL_WaitEvent, after its first frame.
# Usage: sigterm_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is needed (.ci/deps.sh)"; exit 1; }
mkdir -p "$TMP/sc/data" "$TMP/sc/mini"
cp "$SRC/tests/data/scenarios/data/rules.json" "$TMP/sc/data/"
cp "$SRC/tests/data/scenarios/mini/scenario.json" "$TMP/sc/mini/"
printf 'act hello\nwait 600000\nact refuse\n' >"$TMP/wait.keys"
for sig in TERM HUP; do
  db="$TMP/$sig.db"
  SDL_VIDEODRIVER=dummy "$EXE" --scenarios "$TMP/sc" gui --scenario mini --seed 1 --db "$db" \
    --input-script "$TMP/wait.keys" >"$TMP/out" 2>&1 &
  pid=$!
  n=0
  until [ "$(sqlite3 "$db" 'SELECT count(*) FROM actions' 2>/dev/null)" = "1" ]; do
    n=$((n + 1))
    if [ $n -gt 600 ] || ! kill -0 $pid 2>/dev/null; then break; fi
    sleep 0.1
  done
  kill -"$sig" $pid
  wait $pid
  rc=$?
  [ $rc -eq 0 ] && ok || bad "SIG$sig: exit status $rc: $(cat "$TMP/out")"
  out=$(sqlite3 "$db" "SELECT outcome || ' ' || finished FROM attempts")
  [ "$out" = "unfinished 0" ] && ok || bad "SIG$sig: attempt saved as «$out», expected «unfinished 0»"
  out=$(sqlite3 "$db" "SELECT group_concat(action_id) FROM actions")
  [ "$out" = "hello" ] && ok || bad "SIG$sig: actions «$out»"
done
# No input script: the window idles waiting for events; SIGTERM still saves the attempt.
db="$TMP/idle.db"
SDL_VIDEODRIVER=dummy MFC_FIRST_FRAME_FILE="$TMP/first" "$EXE" --scenarios "$TMP/sc" gui \
  --scenario mini --seed 1 --db "$db" >"$TMP/out" 2>&1 &
pid=$!
n=0
until [ -s "$TMP/first" ]; do
  n=$((n + 1))
  if [ $n -gt 600 ] || ! kill -0 $pid 2>/dev/null; then break; fi
  sleep 0.1
done
kill -TERM $pid
wait $pid
rc=$?
[ $rc -eq 0 ] && ok || bad "idle window: exit status $rc: $(cat "$TMP/out")"
out=$(sqlite3 "$db" "SELECT outcome || ' ' || finished FROM attempts")
[ "$out" = "unfinished 0" ] && ok || bad "idle window: attempt saved as «$out»"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
