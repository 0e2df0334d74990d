#!/bin/sh
# explore throughput (issue #5; figures, not pass/fail).
#  1. Every bundled scenario walked exhaustively on one core (taskset -c 0): states,
#     transitions, runs with the script (acts), control states, seconds, states per second.
#  2. The whole pack: `explore --all` with 1 and with 2 threads, timed by hyperfine (mean and
#     min of EXPLORE_RUNS runs, default 5).
#  3. Optional baseline in the same run: EXPLORE_BASELINE=REV builds that git revision (e.g.
#     66345c0, the stop-8 explorer that replayed every path) in a temporary worktree and walks
#     every scenario with both binaries at the same --limit (EXPLORE_BASELINE_LIMIT, default
#     20000 states), one core each.
# Usage: bench/explore_bench.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
RUNS=${EXPLORE_RUNS:-5}
[ -x "$EXE" ] || { echo "build first: make" >&2; exit 2; }
echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), cores: $(nproc)," \
  "load: $(cut -d' ' -f1-3 /proc/loadavg)"
ids=$(cd "$ROOT/scenarios" && for d in */; do [ -f "$d/scenario.json" ] && echo "${d%/}"; done)
field() { sed -n "s/^  \"$1\": \([0-9.a-z]*\).*/\1/p" | head -1; }

echo "== explore, every scenario exhaustively, one after another on one core"
printf '%-26s %10s %11s %9s %9s %8s %11s %8s\n' scenario states transitions acts control \
  seconds states/s complete
tot_states=0
tot_secs=0
for id in $ids; do
  out=$(taskset -c 0 "$EXE" explore "$id" --json 2>/dev/null) || true
  st=$(echo "$out" | field states); tr=$(echo "$out" | field transitions)
  ac=$(echo "$out" | field acts); cs=$(echo "$out" | field control_states)
  sec=$(echo "$out" | field seconds); cp=$(echo "$out" | field complete)
  rate=$(awk -v s="$st" -v t="$sec" 'BEGIN { printf "%.0f", (t > 0 ? s / t : 0) }')
  printf '%-26s %10s %11s %9s %9s %8s %11s %8s\n' "$id" "$st" "$tr" "$ac" "$cs" "$sec" "$rate" "$cp"
  tot_states=$((tot_states + st))
  tot_secs=$(awk -v a="$tot_secs" -v b="$sec" 'BEGIN { print a + b }')
done
awk -v s="$tot_states" -v t="$tot_secs" \
  'BEGIN { printf "sum: %d states in %.2f s of walking, %.0f states/s on one core\n", s, t, s / t }'

echo "== the whole pack: explore --all (hyperfine, $RUNS runs)"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N -w 1 -r "$RUNS" \
    "$EXE explore --all --jobs 1 --scenarios $ROOT/scenarios" \
    "$EXE explore --all --jobs 2 --scenarios $ROOT/scenarios" 2>&1 |
    grep -E 'Benchmark|Time|Range' || true
else
  for j in 1 2; do
    /usr/bin/time -f "--jobs $j: %e s wall, %U s user, %M KB max RSS" \
      "$EXE" explore --all --jobs "$j" --scenarios "$ROOT/scenarios" >/dev/null
  done
fi
/usr/bin/time -f "--jobs 2: %M KB max RSS" "$EXE" explore --all --jobs 2 \
  --scenarios "$ROOT/scenarios" | tail -1

if [ -n "${EXPLORE_BASELINE:-}" ]; then
  LIMIT=${EXPLORE_BASELINE_LIMIT:-20000}
  WT=$(mktemp -d)
  echo "== baseline $EXPLORE_BASELINE against this build, --limit $LIMIT, one core each"
  git -C "$ROOT" worktree add -q "$WT/src" "$EXPLORE_BASELINE"
  cmake -S "$WT/src" -B "$WT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIM_BUILD_TESTS=OFF \
    >/dev/null
  cmake --build "$WT/build" -j "$(nproc)" --target mfc-trainer >/dev/null
  printf '%-26s %22s %22s\n' scenario "baseline states / s" "this build states / s"
  for id in $ids; do
    line=""
    for exe in "$WT/build/mfc-trainer" "$EXE"; do
      out=$(taskset -c 0 "$exe" explore "$id" --json --limit "$LIMIT" \
        --scenarios "$ROOT/scenarios" 2>/dev/null) || true
      st=$(echo "$out" | field states); sec=$(echo "$out" | field seconds)
      line="$line $(printf '%10s / %-9s' "$st" "$sec")"
    done
    printf '%-26s %s\n' "$id" "$line"
  done
  git -C "$ROOT" worktree remove --force "$WT/src"
  rm -rf "$WT"
fi
