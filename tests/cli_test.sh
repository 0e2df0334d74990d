#!/bin/sh
# Command-line contract: exit codes and messages for bad input (no scenario, bad flags,
# unknown action ids, broken scenarios), --save/--resume, and a hostile scenario script that
# cannot touch the file system. Usage: cli_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1
SRC=$2
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
expect_err() { # needle description
  if grep -qF -- "$1" "$TMP/err"; then ok; else bad "$2: stderr lacks «$1»"; cat "$TMP/err" >&2; fi
}
expect_out() {
  if grep -qF -- "$1" "$TMP/out"; then ok; else bad "$2: stdout lacks «$1»"; head -20 "$TMP/out" >&2; fi
}

S="--scenarios $SRC/scenarios"
expect_exit 2 "unknown command" "$EXE" fly
expect_err "неизвестная команда «fly»" "unknown command"
expect_exit 2 "unknown flag" "$EXE" play passport-45-late --fast $S
expect_err "неизвестный параметр «--fast»" "unknown flag"
expect_exit 2 "bad seed" "$EXE" play passport-45-late --seed -4 $S --random
expect_err "--seed" "bad seed"
expect_exit 2 "bad --lua-time-ms" "$EXE" play passport-45-late --lua-time-ms 0 $S --random
expect_err "--lua-time-ms: ожидалось целое число от 1 до 600000" "bad --lua-time-ms"
expect_exit 2 "bad MFC_LUA_MEM_MB" env MFC_LUA_MEM_MB=lots "$EXE" check $S
expect_err "MFC_LUA_MEM_MB: ожидалось целое число" "bad MFC_LUA_MEM_MB"
expect_exit 0 "budget flags" "$EXE" check --lua-time-ms 1000 --lua-mem-mb 32 $S
expect_exit 2 "unknown scenario" "$EXE" play no-such-scenario --random $S
expect_err "сценарий «no-such-scenario» не найден" "unknown scenario"
expect_exit 2 "unknown action" "$EXE" play passport-45-late --actions nope --json $S
expect_err "действие №1 «nope»" "unknown action"
expect_exit 2 "actions and random" "$EXE" play passport-45-late --actions a --random $S
# An empty file name is a mistake, not a throw-away database (issue #16).
expect_exit 2 "empty --db" "$EXE" play passport-45-late --random --db "" $S
expect_err "у --db пустое значение" "empty --db"
expect_exit 2 "empty --output" "$EXE" report --output "" --db "$TMP/none.db"
expect_err "у --output пустое значение" "empty --output"
# Names go into results, reports and xAPI: bytes that are not UTF-8 and terminal escapes are
# refused (issue #16).
expect_exit 2 "a name that is not UTF-8" "$EXE" play passport-45-late --random --db "$TMP/n.db" \
  --trainee 1 --trainee-name "$(printf 'Ив\377анова')" $S
expect_err "--trainee-name: ожидался текст в UTF-8" "a name that is not UTF-8"
expect_exit 2 "a name with an escape" "$EXE" play passport-45-late --random --db "$TMP/n.db" \
  --trainee "$(printf '1\033[2J')" $S
expect_err "--trainee: ожидался текст в UTF-8" "a name with an escape"
expect_exit 0 "help" "$EXE" --help
expect_out "mfc-trainer play" "help"

# The checker: exit 1 for a broken scenario with FILE:LINE:COL, others still checked.
mkdir -p "$TMP/sc/data" "$TMP/sc/broken" "$TMP/sc/good"
cp "$SRC/tests/data/scenarios/data/rules.json" "$TMP/sc/data/"
sed 's/"id": "mini"/"id": "good"/' "$SRC/tests/data/scenarios/mini/scenario.json" >"$TMP/sc/good/scenario.json"
sed -e 's/"id": "mini"/"id": "broken"/' -e 's/"end": "refused"/"end": "refusd"/' \
  "$SRC/tests/data/scenarios/mini/scenario.json" >"$TMP/sc/broken/scenario.json"
expect_exit 1 "check broken" "$EXE" check "$TMP/sc"
expect_err "broken/scenario.json:" "check broken"
expect_err "неизвестная концовка «refusd»; возможно, имелось в виду «refused»?" "check broken"
expect_out "ок: $TMP/sc/good" "check still loads the good one"
expect_exit 0 "check good" "$EXE" check "$TMP/sc/good"
expect_exit 1 "play broken" "$EXE" play "$TMP/sc/broken" --random

# Ten processes creating one new database at once all succeed: only the first creates it
# (once 20 of 50 failed; issue #16).
i=0 pids=""
while [ $i -lt 10 ]; do
  "$EXE" play passport-45-late $S --random --seed $i --db "$TMP/many.db" --quiet >/dev/null 2>"$TMP/many.$i" &
  pids="$pids $!"
  i=$((i + 1))
done
failed=0
for p in $pids; do wait "$p" || failed=$((failed + 1)); done
if [ "$failed" -eq 0 ]; then ok; else bad "$failed of 10 concurrent first opens failed: $(cat "$TMP"/many.* | head -3)"; fi

# A FIFO where a file belongs is reported, not waited on forever (issue #16).
mkfifo "$TMP/sc/good/script.lua"
expect_exit 1 "check with a FIFO as script.lua" timeout 20 "$EXE" check "$TMP/sc/good"
expect_err "не обычный файл" "FIFO as script.lua"
rm -f "$TMP/sc/good/script.lua"
mkfifo "$TMP/fifo.db.key"
expect_exit 1 "play with a FIFO as the database secret" timeout 20 "$EXE" play passport-45-late $S \
  --random --db "$TMP/fifo.db"
expect_err "не обычный файл" "FIFO as the secret"
rm -f "$TMP/fifo.db.key" "$TMP/fifo.db"

# A valid 3.8 MB scenario on one line loads in well under a second: positions are counted
# once per line, not from the line's start for every value (it once took 730 s; issue #16).
mkdir -p "$TMP/one/big" "$TMP/one/data"
cp "$SRC/tests/data/scenarios/data/rules.json" "$TMP/one/data/"
awk '/"goals":/ { printf "  \"goals\": ["; for (i = 0; i < 27000; i++) printf "%s\"Цель номер %d: проверить, что длинная строка не тормозит загрузку сценария.\"", (i ? "," : ""), i; print "],"; next }
     { sub(/"id": "mini"/, "\"id\": \"big\""); print }' \
  "$SRC/tests/data/scenarios/mini/scenario.json" | tr -d '\n' >"$TMP/one/big/scenario.json"
expect_exit 0 "a one-line 3.8 MB scenario" timeout 60 "$EXE" check "$TMP/one/big"
[ "$(wc -l <"$TMP/one/big/scenario.json")" -eq 0 ] && ok || bad "the big scenario is not on one line"

# An error in setup() under --actions is reported as the content error it is (with the
# script's line), as --random reports it, not as a rejected action (issue #16).
printf 'function setup()\n  error("boom in setup")\nend\n' >"$TMP/sc/good/script.lua"
expect_exit 1 "setup error under --actions" "$EXE" play "$TMP/sc/good" --actions hello --json
expect_err "script.lua:2: boom in setup" "setup error under --actions"
expect_out '"outcome": "content_error"' "setup error under --actions"
rm -f "$TMP/sc/good/script.lua"

# A Lua syntax error is reported with script.lua:LINE.
printf 'function setup()\n  local x = \nend\n' >"$TMP/sc/good/script.lua"
expect_exit 1 "check lua syntax" "$EXE" check "$TMP/sc/good"
expect_err "script.lua:3:" "lua syntax error line"

# A hostile script: no file is created, the error names the line, and the runtime error stops
# the attempt as a content error (exit 1; not a failed attempt, not scored).
cat >"$TMP/sc/good/script.lua" <<'LUA'
function on_action(id)
  local f = io.open("PWNED", "w")
end
LUA
(cd "$TMP" && "$EXE" play "$TMP/sc/good" --actions hello,refuse --json >"$TMP/out" 2>"$TMP/err")
if [ $? -eq 1 ]; then ok; else bad "hostile script play exit"; fi
if [ ! -e "$TMP/PWNED" ]; then ok; else bad "hostile script wrote a file"; fi
expect_out "script.lua:2:" "hostile script error names the line"
expect_out '"outcome": "content_error"' "hostile script stops the attempt"
expect_out '"total": null' "a content error is not scored"
expect_err "Для методиста — ошибка скрипта сценария" "the methodologist's report on stderr"
# Without --json: a neutral line for the trainee, the report with the traceback on stderr.
expect_exit 1 "content error transcript" "$EXE" play "$TMP/sc/good" --actions hello,refuse
expect_out "Сценарий прерван из-за ошибки в его содержании. Попытка не засчитывается" "neutral message"
expect_err "stack traceback:" "traceback for the methodologist"
rm -f "$TMP/sc/good/script.lua"

# Save half-way and resume: the same result as one uninterrupted run.
"$EXE" play passport-45-late $S --seed 9 --actions greet-standard --save "$TMP/a.json" --quiet >/dev/null 2>&1
expect_exit 0 "resume" "$EXE" play passport-45-late $S --resume "$TMP/a.json" --random --json
"$EXE" play passport-45-late $S --seed 9 --actions greet-standard --json >"$TMP/direct" 2>/dev/null
if grep -q '"greet-standard"' "$TMP/out"; then ok; else bad "resumed attempt lost its actions"; fi
echo '{"scenario": "passport-45-late", "version": "0.0.1", "seed": "1", "actions": []}' >"$TMP/old.json"
expect_exit 1 "resume other version" "$EXE" play passport-45-late $S --resume "$TMP/old.json"
expect_err "другой версии" "resume other version"
# A training save edited into an exam does not resume as one; an exam is not saved to a file
# (issue #16).
sed 's/"mode": "training"/"mode": "exam"/' "$TMP/a.json" >"$TMP/exam.json"
grep -q '"mode": "exam"' "$TMP/exam.json" && ok || bad "the save has no mode to edit"
expect_exit 1 "a save edited into an exam" "$EXE" play passport-45-late $S --resume "$TMP/exam.json"
expect_err "экзамен нельзя продолжить из файла" "a save edited into an exam"
expect_exit 2 "an exam saved to a file" "$EXE" play passport-45-late $S --exam --actions greet-standard \
  --save "$TMP/e.json"
expect_err "экзамен нельзя сохранить в файл" "an exam saved to a file"
# Seeds are 64-bit: 2⁶⁴ or a signed value in a save is refused; the largest prints as itself.
sed 's/"seed": "9"/"seed": "18446744073709551616"/' "$TMP/a.json" >"$TMP/big.json"
expect_exit 1 "resume with a seed of 2^64" "$EXE" play passport-45-late $S --resume "$TMP/big.json"
sed 's/"seed": "9"/"seed": " -1"/' "$TMP/a.json" >"$TMP/neg.json"
expect_exit 1 "resume with a negative seed" "$EXE" play passport-45-late $S --resume "$TMP/neg.json"
expect_exit 0 "largest seed" "$EXE" play passport-45-late $S --seed 18446744073709551615 --random --json
expect_out '"seed": 18446744073709551615' "largest seed prints unsigned"

# The region, pack and LRS commands read their flags through one parser (engine/app/args.c):
# the same words for the same mistakes, --help anywhere, and no empty value taken as a value.
export XDG_CONFIG_HOME="$TMP/cfg" MFC_SYSTEM_CONFIG="$TMP/no.conf"
for c in "sync" "enrol" "roster import x.csv" "central init" "pack build" "lrs push"; do
  expect_exit 2 "$c: unknown flag" "$EXE" $c --frobnicate
  expect_err "mfc-trainer ${c%% *}: неизвестный параметр «--frobnicate»" "$c: unknown flag"
  expect_exit 2 "$c: empty value" "$EXE" $c --central ""
  expect_err "параметру --central нужно значение" "$c: empty value"
  expect_exit 2 "$c: missing value" "$EXE" $c --central
  expect_err "параметру --central нужно значение" "$c: missing value"
  expect_exit 0 "$c --help" "$EXE" $c --help
  expect_out "Использование" "$c --help"
done
expect_exit 2 "sync: a positional" "$EXE" sync extra
expect_err "неизвестный параметр «extra»" "sync: a positional"
expect_err "Использование" "sync: the usage follows the mistake"
expect_exit 2 "pack: too many files" "$EXE" pack build a b c
expect_err "неизвестный параметр «c»" "pack: too many files"
expect_exit 2 "enrol: no centre" "$EXE" enrol --office IRK01 --db "$TMP/r.db"
expect_err "не задан адрес центра" "enrol: no centre"
expect_exit 2 "lrs: bad batch" "$EXE" lrs push --batch 0 --endpoint http://127.0.0.1:9/x
expect_err "mfc-trainer lrs: --batch" "lrs: bad batch"

# Interactive mode reads a numbered menu from stdin; EOF ends the attempt cleanly.
printf '1\n' | "$EXE" play passport-45-late $S --seed 3 >"$TMP/out" 2>"$TMP/err"
if [ $? -eq 0 ]; then ok; else bad "interactive exit"; fi
expect_out "Ваш выбор" "interactive prompt"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
