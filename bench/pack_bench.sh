#!/bin/sh
# Scenario pack files (issue #13; figures, not pass/fail): `pack build` of the whole bundled
# set and `pack install` of the result, against GNU tar of the same files in the same run
# (tar czf of scenarios/ and scripts/, and tar xzf of that archive plus a sync, which is what an
# atomic install must at least do). Each is the median of RUNS (9) runs.
# Usage: bench/pack_bench.sh [BUILD_DIR]
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EXE="$ROOT/$BUILD/mfc-trainer"
RUNS=${RUNS:-9}
[ -x "$EXE" ] || { echo "build first: make" >&2; exit 2; }
KEY="$ROOT/assets/dev-signing/development-only.key"
W=$(mktemp -d /tmp/mfc-pbench.XXXXXX)
trap 'rm -rf "$W"' EXIT INT TERM
export XDG_DATA_HOME="$W/data" XDG_CONFIG_HOME="$W/cfg" MFC_SYSTEM_CONFIG="$W/none.conf"
unset MFC_TRUSTED_KEYS MFC_SCENARIOS
cd "$W"
cp -r "$ROOT/scenarios" "$ROOT/scripts" .
files=$(find scenarios scripts -type f ! -name pack.sig | wc -l)
bytes=$(find scenarios scripts -type f ! -name pack.sig -printf '%s\n' | awk '{s += $1} END {print s}')
echo "== machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; $(tar --version | head -1)"
echo "== the bundled set: $files files, $bytes bytes"
# Median wall-clock seconds of RUNS runs of a shell command (run between each: PREP).
median() { # PREP CMD
  i=0; : > times
  while [ $i -lt "$RUNS" ]; do
    sh -c "$1" >/dev/null 2>&1
    a=$(date +%s.%N); sh -c "$2" >/dev/null 2>&1; b=$(date +%s.%N)
    echo "$b - $a" | bc >> times
    i=$((i + 1))
  done
  sort -n times | awk '{v[NR] = $1} END {printf "%.4f", v[int((NR + 1) / 2)]}'
}
build=$(median "rm -f b.mfcpack" "'$EXE' pack build --key '$KEY' --version 2026.12 --name b --output b.mfcpack scenarios")
tarc=$(median "rm -f t.tar.gz" "tar czf t.tar.gz --exclude=pack.sig scenarios scripts && sync -f t.tar.gz")
inst=$(median "rm -rf data" "'$EXE' pack install b.mfcpack")
tarx=$(median "rm -rf x; mkdir x" "tar xzf t.tar.gz -C x && sync -f x")
check=$(median ":" "'$EXE' pack status --json")
printf '%-44s %8s s   (%s bytes)\n' "pack build (sign + archive, fsync, rename)" "$build" "$(stat -c %s b.mfcpack)"
printf '%-44s %8s s   (%s bytes)\n' "tar czf of the same files + sync" "$tarc" "$(stat -c %s t.tar.gz)"
printf '%-44s %8s s\n' "pack install (verify, unpack, fsync, switch)" "$inst"
printf '%-44s %8s s\n' "tar xzf of the same files + sync" "$tarx"
printf '%-44s %8s s\n' "pack status (re-verify the installed pack)" "$check"
