#!/bin/sh
# Runs each libFuzzer target for SECONDS on a copy of its committed seed corpus and prints the
# executions; fails when a target finds a crash, a leak, a hang or a sanitizer report (the
# reproducer is left in BUILD/fuzz-artifacts/). Usage: fuzz/run.sh BUILD SECONDS
set -eu
BUILD=$1
SECONDS_EACH=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT/$BUILD"
mkdir -p fuzz-artifacts
status=0
for t in load play; do
  work="fuzz-corpus-$t"
  mkdir -p "$work"
  echo "== fuzz_$t for ${SECONDS_EACH} s"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "./fuzz/fuzz_$t" -max_total_time="$SECONDS_EACH" -timeout=5 -rss_limit_mb=1024 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix=fuzz-artifacts/ "$work" "$ROOT/fuzz/corpus/$t" \
       >"fuzz-$t.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz-$t.log")
    secs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "fuzz-$t.log")
    echo "fuzz_$t: $runs executions, $secs exec/s, corpus $(ls "$work" | wc -l) inputs, no crash"
  else
    echo "fuzz_$t FAILED: see $BUILD/fuzz-$t.log and $BUILD/fuzz-artifacts/" >&2
    grep -E "ERROR|SUMMARY|runtime error" "fuzz-$t.log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
