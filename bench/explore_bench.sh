#!/bin/sh
# explore throughput (issue #5; figures, not pass/fail): states and transitions per second for
# every bundled scenario, and the time to explore the whole pack — with the limit the tests use
# (--limit 3000) and, per scenario, as far as EXPLORE_FULL_LIMIT states (default 1,000,000)
# within EXPLORE_TIMEOUT seconds (default 300), saying which walks were complete.
# Usage: bench/explore_bench.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
FULL=${EXPLORE_FULL_LIMIT:-1000000}
TIMEOUT=${EXPLORE_TIMEOUT:-300}
[ -x "$EXE" ] || { echo "build first: make" >&2; exit 2; }
echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), cores: $(nproc)," \
  "load: $(cut -d' ' -f1-3 /proc/loadavg)"
ids=$(cd "$ROOT/scenarios" && for d in */; do [ -f "$d/scenario.json" ] && echo "${d%/}"; done)
field() { sed -n "s/^  \"$1\": \([0-9.a-z]*\).*/\1/p" | head -1; }
for limit in 3000 "$FULL"; do
  echo "== explore --limit $limit, one scenario after another (single core)"
  printf '%-28s %9s %11s %8s %10s %9s\n' scenario states transitions seconds states/s complete
  t0=$(date +%s.%N)
  for id in $ids; do
    out=$(timeout "$TIMEOUT" taskset -c 0 "$EXE" explore "$id" --json --limit "$limit" 2>/dev/null) || true
    if [ -z "$out" ]; then printf '%-28s %s\n' "$id" "not finished in ${TIMEOUT} s"; continue; fi
    st=$(echo "$out" | field states); tr=$(echo "$out" | field transitions)
    sec=$(echo "$out" | field seconds); cp=$(echo "$out" | field complete)
    rate=$(awk -v s="$st" -v t="$sec" 'BEGIN { printf "%.0f", (t > 0 ? s / t : 0) }')
    printf '%-28s %9s %11s %8s %10s %9s\n' "$id" "$st" "$tr" "$sec" "$rate" "$cp"
  done
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "whole pack: %.1f s\n", b - a }'
done
