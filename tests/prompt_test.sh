#!/bin/sh
# Conventional at every prompt (issue #15): --help and -h on every command, the global help
# listing every command and flag, -V; "-" as standard output or input; no display → exit 2;
# read commands never create a database; Lua syntax errors in Russian; `pin set`.
# Usage: prompt_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP" || exit 1
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
expect_out() {
  if grep -qF -- "$1" "$TMP/out"; then ok; else bad "$2: stdout lacks «$1»"; head -20 "$TMP/out" >&2; fi
}
S="--scenarios $SRC/scenarios"

# ---- help and version ------------------------------------------------------------------
COMMANDS="gui check play report export verify pin enrol sync roster central explore naive graph new keygen sign"
expect_exit 0 "--help" "$EXE" --help
cp "$TMP/out" "$TMP/global"
for c in $COMMANDS; do
  grep -q "^  mfc-trainer $c\b" "$TMP/global" && ok || bad "the global help does not list «$c»"
  for h in --help -h; do
    expect_exit 0 "$c $h" "$EXE" $c $h
    expect_out "Использование" "$c $h"
    [ -s "$TMP/err" ] && bad "$c $h wrote to stderr" || ok
  done
  # After other arguments too, and through `help CMD`.
  expect_exit 0 "$c … --help" "$EXE" $c --db x.db --help
  expect_exit 0 "help $c" "$EXE" help $c
  expect_out "Использование" "help $c"
done
[ ! -e x.db ] && ok || bad "a --help run created a database"
for flag in --db --font --scenario --seed --exam --size --input-script --screenshots --result \
  --strict --actions --random --json --quiet --save --resume --trainee --trainee-name --format \
  --since --until --output --home-page --expect-head --key --system --all --jobs --limit \
  --depth --verify --seeds --max-random-rate --attempt --service --scenarios --lua-time-ms \
  --central --office --batch --export --import --role --region --name \
  --lua-mem-mb --help --version -V -h; do
  grep -qF -- "$flag" "$TMP/global" && ok || bad "the global help does not list $flag"
done
expect_exit 0 "-V" "$EXE" -V
expect_out "mfc-trainer 0." "-V"
expect_exit 0 "--version" "$EXE" --version
expect_out "mfc-trainer 0." "--version"
expect_exit 2 "help for an unknown command" "$EXE" help fly
expect_err "неизвестная команда «fly»" "help for an unknown command"

# ---- "-" is standard output or input -------------------------------------------------------
"$EXE" play passport-45-late $S --random --seed 2 --db r.db --trainee 1 \
  --trainee-name "Петрова Анна" >/dev/null 2>&1 || bad "play into r.db"
expect_exit 0 "report --output -" "$EXE" report --db r.db --format csv --output -
expect_out "Сводка" "report --output -"
expect_exit 0 "export --output -" "$EXE" export --format xapi --db r.db --output -
expect_out '"verb"' "export --output -"
[ ! -e ./- ] && ok || bad "a file named - was written"
expect_exit 0 "play --save -" "$EXE" play passport-45-late $S --seed 9 --actions greet-standard \
  --save - --quiet
expect_out '"scenario": "passport-45-late"' "play --save -"
cp "$TMP/out" "$TMP/save.json"
"$EXE" play passport-45-late $S --resume - --random --json <"$TMP/save.json" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 0 ] && ok || bad "play --resume -"
expect_out '"greet-standard"' "play --resume - keeps the saved actions"
# The window: its input script from standard input, its result to standard output, the same
# result as the headless player.
ACTS=greet-standard,ask-name,explain-time
printf 'act greet-standard\nact ask-name\nact explain-time\n' >"$TMP/k"
SDL_VIDEODRIVER=dummy "$EXE" gui $S --scenario passport-45-late --seed 5 --db g.db \
  --input-script - --result - <"$TMP/k" >"$TMP/gui.json" 2>"$TMP/err" || bad "gui with - streams"
"$EXE" play passport-45-late $S --seed 5 --json --actions $ACTS >"$TMP/play.json" 2>/dev/null
cmp -s "$TMP/gui.json" "$TMP/play.json" && ok || bad "gui --result - differs from play --json"
[ ! -e ./- ] && ok || bad "a file named - was written by the window"
for f in --db --key --font --screenshots; do
  expect_exit 2 "$f -" "$EXE" verify $f -
  expect_err "«-» (стандартный ввод или вывод) здесь не подходит" "$f -"
done

# ---- no display: a message and exit 2, not an invisible window ------------------------------
expect_exit 2 "no display" env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$EXE" gui $S --db nd.db
expect_err "нет графического сеанса" "no display"
[ ! -e nd.db ] && ok || bad "the window without a display created a database"
expect_exit 2 "no display, no command" env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$EXE"
expect_err "нет графического сеанса" "no display, no command"

# ---- read commands never create a database --------------------------------------------------
expect_exit 2 "report --db typo" "$EXE" report --db typo.db
expect_err "базы результатов typo.db нет" "report --db typo"
expect_exit 2 "graph --db typo" "$EXE" graph passport-45-late $S --attempt abc --db typo.db
expect_err "базы результатов typo.db нет" "graph --db typo"
expect_exit 2 "verify --db typo" "$EXE" verify --db typo.db
expect_exit 1 "export --db typo" "$EXE" export --format xapi --db typo.db
[ ! -e typo.db ] && ok || bad "a read command created typo.db"
[ ! -e typo.db.key ] && ok || bad "a read command created typo.db.key"

# ---- Lua syntax errors in Russian, keeping script.lua:LINE ----------------------------------
mkdir -p sc && cp -r "$SRC/scenarios/data" "$SRC/scenarios/passport-45-late" sc/ && cp -r "$SRC/scripts" .
lua_case() { # script expected-fragment
  printf '%s\n' "$1" >sc/passport-45-late/script.lua
  expect_exit 1 "lua: $1" "$EXE" check sc/passport-45-late
  expect_err "$2" "lua: $1"
  if grep -E "expected|unexpected|near|unfinished|malformed" "$TMP/err" | grep -q script.lua; then
    bad "lua: $1 — English left in the message"
  else ok; fi
}
lua_case 'x = = 1' 'script.lua:1:1: error: синтаксическая ошибка: неожиданный символ рядом с «=»'
lua_case 'function f()
  return 1' 'script.lua:3:1: error: синтаксическая ошибка: ожидалось «end», чтобы закрыть «function» из строки 1 в конце файла'
lua_case 'local s = "abc' 'script.lua:1:1: error: синтаксическая ошибка: строка не закрыта кавычкой'
lua_case 'local 1 = 2' 'синтаксическая ошибка: ожидалось имя рядом с «1»'
lua_case 'goto nowhere' 'синтаксическая ошибка: метки «nowhere» для goto из строки 1 не видно'
lua_case 'x = [==[ abc' 'длинная строка [[…]] не закрыта (начата в строке 1) в конце файла'
# A shared script imported by the scenario: the same words, its own file and line.
printf 'local t = {\n' >scripts/broken.lua
printf 'local b = import("broken")\n' >sc/passport-45-late/script.lua
"$EXE" play sc/passport-45-late --random --seed 1 --json >"$TMP/out" 2>"$TMP/err"
expect_err "broken.lua:2: синтаксическая ошибка: неожиданный символ в конце файла" \
  "a syntax error in an imported script"

# ---- pin set ----------------------------------------------------------------------------------
printf '2468\n2468\n' | "$EXE" pin set --db pin.db >"$TMP/out" 2>"$TMP/err"
[ $? -eq 0 ] && ok || { bad "pin set"; cat "$TMP/err" >&2; }
expect_out "PIN раздела «Руководитель» задан в базе pin.db" "pin set"
grep -aq 'manager.pin.*\$argon2id\$' pin.db && ok || bad "pin set: no PIN hash in the database"
grep -aq '2468' pin.db && bad "pin set: the PIN itself is stored" || ok
printf '2468\n1357\n' | "$EXE" pin set --db pin2.db >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && ok || bad "pin set: two different PINs accepted"
expect_err "PIN не совпадают" "pin set mismatch"
printf '12\n12\n' | "$EXE" pin set --db pin2.db >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && ok || bad "pin set: a short PIN accepted"
expect_err "4–8 цифр" "pin set: a short PIN"
expect_exit 2 "pin without set" "$EXE" pin
expect_exit 2 "pin set --system --db" "$EXE" pin set --system --db x.db

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
