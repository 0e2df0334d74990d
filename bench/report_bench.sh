#!/bin/sh
# The manager's report at scale (issue #4; figures, not pass/fail):
#  1. a results database of 1,000,000 attempts (10,000 trainees, 50 scenarios, 6 criteria rows
#     and ~2 mistake rows per attempt), made by bench/gen_results;
#     and the time to recompute its running summaries (schema 3) from the detailed rows;
#  2. `mfc-trainer report --format json` over all of it, timed with hyperfine (goal: < 1 s),
#     and its two parts: store_open (with its quick_check of the whole file) and report_build;
#     then the filtered reports a manager runs most (one trainee, one scenario, one week);
#  3. the median time to record one action, store_add_action, on that database (goal: < 1 ms).
# Usage: bench/report_bench.sh [BUILD_DIR]
# Environment: ATTEMPTS (default 1000000), TRAINEES (10000), SCENARIOS (50);
#   REPORT_BENCH_DB=FILE keeps the generated database there and reuses it next time
#   (generation takes about a minute); JSON_BYTES=N also stores a result_json of N bytes per
#   attempt, as the player does (~6000: a much bigger file).
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
GEN="$ROOT/$BUILD/bench/gen_results"
ATTEMPTS=${ATTEMPTS:-1000000}
TRAINEES=${TRAINEES:-10000}
SCENARIOS=${SCENARIOS:-50}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB=${REPORT_BENCH_DB:-$TMP/results.db}

[ -x "$EXE" ] && [ -x "$GEN" ] || { echo "build first: make (or cmake --build $BUILD)" >&2; exit 2; }

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), cores: $(nproc)," \
  "load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. database: $ATTEMPTS attempts, $TRAINEES trainees, $SCENARIOS scenarios"
if [ -f "$DB" ]; then
  echo "reusing $DB"
else
  "$GEN" "$DB" --attempts "$ATTEMPTS" --trainees "$TRAINEES" --scenarios "$SCENARIOS" \
    --json-bytes "${JSON_BYTES:-0}" 2>/dev/null
fi
echo "file: $(du -h "$DB" | cut -f1)"
echo "-- the running summaries recomputed from every row (what the migration to schema 3 does once)"
"$GEN" "$DB" --rebuild

echo "== 2. report --format json over everything (goal: < 1 s)"
"$EXE" report --db "$DB" --format json --output "$TMP/report.json"
echo "output: $(wc -c <"$TMP/report.json") bytes"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 -N --export-json "$TMP/all.json" \
    "$EXE report --db $DB --format json --output /dev/null" 2>/dev/null | sed -n '2,4p'
  med=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$TMP/all.json" | head -1)
  echo "median: ${med} s"
else
  for i in 1 2 3; do
    /usr/bin/time -f "%e s" "$EXE" report --db "$DB" --format json --output /dev/null
  done
fi
echo "-- its parts"
"$GEN" "$DB" --time-open 3
"$GEN" "$DB" --time-report 3
echo "-- filtered reports"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs 5 -N \
    "$EXE report --db $DB --format json --output /dev/null --trainee 105000" \
    "$EXE report --db $DB --format json --output /dev/null --scenario scenario-25" \
    "$EXE report --db $DB --format json --output /dev/null --since 2025-06-02 --until 2025-06-08" \
    2>/dev/null | grep -E "^Benchmark|Time \(mean"
fi

echo "== 3. recording one action (store_add_action, goal: median < 1 ms)"
"$GEN" "$DB" --time-actions 1000
