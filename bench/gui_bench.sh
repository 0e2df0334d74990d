#!/bin/sh
# Benchmarks for the window (issue #3), figures only: under Xvfb, for mfc-trainer and for the
# LÖVE 11.4 peer (bench/love-peer) in the same run:
#   1. start to first frame (hyperfine, process start → first frame presented → exit);
#   2. peak memory of that run (/usr/bin/time -v);
#   3. CPU used over 10 s idle on the play screen (utime+stime from /proc);
#   4. 99th-percentile frame time while an animation runs (per-frame draw+present time).
# Needs xvfb, xauth, love, hyperfine (installed when missing and root).
# Usage: bench/gui_bench.sh [BUILD_DIR]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
if [ "${IN_XVFB:-}" != 1 ]; then
  missing=""
  for p in xvfb xauth love hyperfine; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
    else
      echo "needs:$missing (sudo apt-get install$missing)"; exit 1
    fi
  fi
  IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x720x24" sh "$0" "$BUILD"
fi

EXE="$ROOT/$BUILD/mfc-trainer"
PEER="$ROOT/bench/love-peer"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/empty.keys"
export MFC_SHOW_WINDOW=1
SC="--scenarios $ROOT/scenarios"
echo "display $DISPLAY; mfc-trainer renderer: ${SDL_RENDER_DRIVER:-software (default)}"

echo "== 1. start to first frame (all scenarios loaded, the office of passport-45-late)"
hyperfine -N --warmup 2 --runs 20 --export-json "$TMP/first.json" \
  -n mfc-trainer "$EXE gui $SC --db $TMP/a.db --scenario passport-45-late --seed 1 --input-script $TMP/empty.keys" \
  -n love-11.4 "env PEER_MODE=first love $PEER" 2>/dev/null | grep -E "^Benchmark|Time \(mean|Range|±" || true
ours_ms=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$TMP/first.json" | sed -n 1p)
peer_ms=$(sed -n 's/.*"median": *\([0-9.]*\).*/\1/p' "$TMP/first.json" | sed -n 2p)

# The same, to the first frame only (without exit): the process writes the wall-clock time of
# its first presented frame; the start is taken just before exec.
first_ms() {
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    t0=$(date +%s%N)
    MFC_FIRST_FRAME_FILE="$TMP/ff" "$EXE" gui $SC --db "$TMP/a.db" --scenario passport-45-late \
      --seed 1 --input-script "$TMP/empty.keys" >/dev/null 2>&1
    t1=$(cat "$TMP/ff")
    echo $(( (t1 - t0) / 1000 ))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
ours_first=$(first_ms)
echo "mfc-trainer, process start to first frame presented (median of 12): $ours_first ms"

echo "== 2. peak memory of that run"
ours_kb=$(/usr/bin/time -v "$EXE" gui $SC --db "$TMP/b.db" --scenario passport-45-late --seed 1 --input-script "$TMP/empty.keys" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
peer_kb=$(env PEER_MODE=first /usr/bin/time -v love "$PEER" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p')
echo "mfc-trainer: $ours_kb KiB; love: $peer_kb KiB"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
idle_cpu() { # command... → percent of one core over 10 s, after 3 s to settle
  "$@" >/dev/null 2>&1 &
  pid=$!
  sleep 3
  t0=$(cpu_ticks $pid)
  sleep 10
  t1=$(cpu_ticks $pid)
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  hz=$(getconf CLK_TCK)
  echo "$t0 $t1 $hz" | awk '{printf "%.2f", ($2 - $1) * 100.0 / ($3 * 10)}'
}
echo "== 3. CPU over 10 s idle on the play screen"
ours_idle=$(idle_cpu "$EXE" gui $SC --db "$TMP/c.db" --scenario passport-45-late --seed 1)
peer_idle=$(idle_cpu love "$PEER")
echo "mfc-trainer: $ours_idle %; love: $peer_idle %"

p99() { sort -n "$1" | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.2f ms (%d frames, median %.2f)", a[i], NR, a[int(NR/2)]}'; }
echo "== 4. frame time while an animation runs (5 s)"
MFC_ANIMATE_LOOP=1 MFC_FRAME_LOG="$TMP/ours.frames" "$EXE" gui $SC --db "$TMP/d.db" --scenario passport-45-late --seed 1 >/dev/null 2>&1 &
pid=$!; sleep 5; kill $pid; wait $pid 2>/dev/null || true
PEER_FRAME_LOG="$TMP/peer.frames" love "$PEER" >/dev/null 2>&1 &
pid=$!; sleep 5; kill $pid; wait $pid 2>/dev/null || true
echo "mfc-trainer p99: $(p99 "$TMP/ours.frames")"
echo "love p99:        $(p99 "$TMP/peer.frames")"

echo "== ratios (mfc-trainer / love)"
awk -v a="$ours_ms" -v b="$peer_ms" 'BEGIN {printf "start → first frame → exit: %.1f ms / %.1f ms = %.2f\n", a*1000, b*1000, a/b}'
echo "start → first frame (mfc-trainer only): $ours_first ms"
awk -v a="$ours_kb" -v b="$peer_kb" 'BEGIN {printf "peak memory: %.1f MiB / %.1f MiB = %.2f\n", a/1024, b/1024, a/b}'
awk -v a="$ours_idle" -v b="$peer_idle" 'BEGIN {printf "idle CPU: %s %% / %s %% = %.3f\n", a, b, (b > 0 ? a/b : 0)}'
