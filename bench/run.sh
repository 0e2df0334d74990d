#!/bin/sh
# Benchmarks for issue #2 (figures, not pass/fail):
#  1. load + validate 100 scenarios with `mfc-trainer check` (goal: < 200 ms);
#  2. headless random playthroughs per second of each bundled scenario on one core
#     (goal: >= 10,000/s for a starter scenario).
# Usage: bench/run.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), cores: $(nproc)"

echo "== 1. check 100 scenarios (copies of the bundled ones under new ids)"
mkdir -p "$TMP/scenarios"
cp -r "$ROOT/scenarios/data" "$TMP/scenarios/"
cp -r "$ROOT/scripts" "$TMP/"
i=0
while [ $i -lt 100 ]; do
  for src in "$ROOT"/scenarios/*/scenario.json; do
    [ $i -ge 100 ] && break
    id=$(basename "$(dirname "$src")")
    new="bench-$i-$id"
    mkdir -p "$TMP/scenarios/$new"
    sed "s/\"id\": \"$id\"/\"id\": \"$new\"/" "$src" >"$TMP/scenarios/$new/scenario.json"
    [ -f "$(dirname "$src")/script.lua" ] && cp "$(dirname "$src")/script.lua" "$TMP/scenarios/$new/"
    i=$((i + 1))
  done
done
"$EXE" check "$TMP/scenarios" 2>/dev/null | tail -1
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --runs 20 -N --export-json "$TMP/check.json" \
    "$EXE check $TMP/scenarios" 2>/dev/null | sed -n '1,4p'
else
  /usr/bin/time -v "$EXE" check "$TMP/scenarios" 2>&1 >/dev/null | grep -E "Elapsed|Maximum resident"
fi
/usr/bin/time -v "$EXE" check "$TMP/scenarios" 2>&1 >/dev/null | grep -E "Maximum resident" || true

echo "== 2. random playthroughs per second (one core)"
for dir in "$ROOT"/scenarios/*/; do
  [ -f "$dir/scenario.json" ] || continue
  taskset -c 0 "$ROOT/$BUILD/bench/bench_play" "${dir%/}" 20000 2>/dev/null \
    || "$ROOT/$BUILD/bench/bench_play" "${dir%/}" 20000
done

echo "== 3. runaway scripts: how soon the budgets stop them"
"$ROOT/$BUILD/bench/bench_lua_budget" 5
