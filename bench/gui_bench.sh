#!/bin/sh
# Benchmarks for the window (issues #3 and #14), figures only. Under Xvfb, in the same run, for
# mfc-trainer, the floor (bench/floor_sdl.c: plain SDL2 + SDL2_ttf opening the same window and
# presenting one line of DejaVu text) and the LÖVE 11.4 peer (bench/love-peer):
#   1. process start to the first office frame (median of 10): the wall-clock time at which the
#      first frame was presented (MFC_FIRST_FRAME_FILE) against the moment before exec, for the
#      trainer and the floor; and start → first frame → exit under hyperfine for all three
#      (the trainer with MFC_FIRST_FRAME_EXIT=1: it ends as soon as that frame is shown);
#   2. 99th-percentile frame time during the walk-up animation (per-frame draw+present time,
#      MFC_ANIMATE_LOOP replays it), at 100 % and 200 % text;
#   3. CPU used over 10 s idle on a static screen (the office), from /proc utime+stime;
#   4. peak memory (/usr/bin/time -v) of a run through the office (walk-up, an answer, a
#      document, the office PC) with the whole pack, and of the start → first frame → exit run.
# Goals (issue #14): 1. within 1.5× of the floor; 2. p99 ≤ 8 ms; 3. 0 %; 4. ≤ 30 MiB.
# Needs xvfb, xauth, love, hyperfine, sqlite3 (installed when missing and root).
# Usage: bench/gui_bench.sh [BUILD_DIR]
# GUI_BASELINE=/path/to/an/older/mfc-trainer measures that binary too, beside the others.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
if [ "${IN_XVFB:-}" != 1 ]; then
  missing=""
  for p in xvfb xauth love hyperfine sqlite3; do
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
FLOOR="$ROOT/$BUILD/bench/floor_sdl"
PEER="$ROOT/bench/love-peer"
OLD=${GUI_BASELINE:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/empty.keys"
export MFC_SHOW_WINDOW=1
SC="--scenarios $ROOT/scenarios"
ARGS="--scenario passport-45-late --seed 1"
echo "display $DISPLAY; renderer: ${SDL_RENDER_DRIVER:-software (default)}"
# Databases: one at 100 % text, one at 200 % (the window's own setting).
for d in p100 p200; do
  "$EXE" gui $SC --db "$TMP/$d.db" $ARGS --input-script "$TMP/empty.keys" >/dev/null 2>&1
done
sqlite3 "$TMP/p200.db" "INSERT OR REPLACE INTO settings(key, value) VALUES('text_pct', '200')"

median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'; }
# first_ms COMMAND... → median of 10 (after 2 warm-ups) of process start → first frame shown
first_ms() {
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    rm -f "$TMP/ff"
    t0=$(date +%s%N)
    MFC_FIRST_FRAME_FILE="$TMP/ff" "$@" >/dev/null 2>&1 || true
    [ "$i" -le 2 ] && continue
    t1=$(cat "$TMP/ff" 2>/dev/null || echo "$t0")
    echo $(( (t1 - t0) / 1000 ))
  done | awk '{print $1 / 1000}' | median
}

echo "== 1. process start to the first office frame (median of 10)"
ours_first=$(first_ms "$EXE" gui $SC --db "$TMP/p100.db" $ARGS --input-script "$TMP/empty.keys")
floor_first=$(first_ms "$FLOOR")
[ -n "$OLD" ] && old_first=$(first_ms "$OLD" gui $SC --db "$TMP/p100.db" $ARGS --input-script "$TMP/empty.keys")
echo "to the frame presented: mfc-trainer $ours_first ms; floor $floor_first ms${OLD:+; baseline $old_first ms}"
set -- -n floor "$FLOOR" \
  -n mfc-trainer "env MFC_FIRST_FRAME_EXIT=1 $EXE gui $SC --db $TMP/p100.db $ARGS --input-script $TMP/empty.keys" \
  -n love-11.4 "env PEER_MODE=first love $PEER"
[ -n "$OLD" ] && set -- "$@" -n baseline "env MFC_FIRST_FRAME_EXIT=1 $OLD gui $SC --db $TMP/p100.db $ARGS --input-script $TMP/empty.keys"
hyperfine -N --warmup 2 --runs 10 --export-json "$TMP/first.json" "$@" 2>/dev/null |
  grep -E "^Benchmark|Time \(mean" || true
hmed() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print('%.1f' % (1000*[x for x in r if x['command']==sys.argv[2]][0]['median']))" "$TMP/first.json" "$1"; }
floor_h=$(hmed floor); ours_h=$(hmed mfc-trainer); peer_h=$(hmed love-11.4)
[ -n "$OLD" ] && old_h=$(hmed baseline)
echo "start → first frame → exit (median): mfc-trainer $ours_h ms; floor $floor_h ms; love $peer_h ms${OLD:+; baseline $old_h ms}"

p99() { sort -n "$1" | awk '{a[NR]=$1} END {i=int(NR*0.99); if (i<1) i=1; printf "%.2f", a[i]}'; }
anim() { # LOG COMMAND... → runs it 5 s
  log=$1; shift
  "$@" >/dev/null 2>&1 &
  pid=$!; sleep 5; kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
  awk '{print $1}' "$log" >"$log.ms"
  echo "$(p99 "$log.ms") ms p99 ($(wc -l <"$log.ms") frames)"
}
echo "== 2. frame time during the walk-up animation (5 s each)"
for pct in 100 200; do
  a=$(MFC_ANIMATE_LOOP=1 MFC_FRAME_LOG="$TMP/ours$pct.frames" anim "$TMP/ours$pct.frames" "$EXE" gui $SC --db "$TMP/p$pct.db" $ARGS)
  echo "mfc-trainer at $pct %: $a"
  eval "ours_p99_$pct=\$(p99 \"\$TMP/ours$pct.frames.ms\")"
  if [ -n "$OLD" ]; then
    b=$(MFC_ANIMATE_LOOP=1 MFC_FRAME_LOG="$TMP/old$pct.frames" anim "$TMP/old$pct.frames" "$OLD" gui $SC --db "$TMP/p$pct.db" $ARGS)
    echo "baseline at $pct %:    $b"
  fi
done
echo "floor:                $(FLOOR_MODE=anim FLOOR_FRAME_LOG="$TMP/floor.frames" anim "$TMP/floor.frames" "$FLOOR")"
echo "love:                 $(PEER_FRAME_LOG="$TMP/peer.frames" anim "$TMP/peer.frames" love "$PEER")"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
idle_cpu() { # COMMAND... → percent of one core over 10 s, after 3 s to settle
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
echo "== 3. CPU over 10 s idle on a static screen (the office after the walk-up)"
ours_idle=$(idle_cpu "$EXE" gui $SC --db "$TMP/p100.db" $ARGS)
floor_idle=$(FLOOR_MODE=idle idle_cpu "$FLOOR")
peer_idle=$(idle_cpu love "$PEER")
[ -n "$OLD" ] && old_idle=$(idle_cpu "$OLD" gui $SC --db "$TMP/p100.db" $ARGS)
echo "mfc-trainer $ours_idle %; floor $floor_idle %; love $peer_idle %${OLD:+; baseline $old_idle %}"

echo "== 4. peak memory: the office with the walk-up, an answer, a document and the office PC"
# (the same walk as the gui_startup test; "first" is the start → first frame → exit run)
printf 'act greet-standard\nkey D\nkey Return\nkey Escape\nkey P\nkey Escape\nkey Escape\nkey Escape\n' >"$TMP/walk.keys"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
ours_kb=$(rss "$EXE" gui $SC --db "$TMP/m1.db" $ARGS --input-script "$TMP/walk.keys")
ours_first_kb=$(rss "$EXE" gui $SC --db "$TMP/p100.db" $ARGS --input-script "$TMP/empty.keys")
floor_kb=$(rss "$FLOOR")
peer_kb=$(PEER_MODE=first rss love "$PEER")
[ -n "$OLD" ] && old_kb=$(rss "$OLD" gui $SC --db "$TMP/m2.db" $ARGS --input-script "$TMP/walk.keys")
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
echo "mfc-trainer $(mib "$ours_kb") MiB (first frame and exit: $(mib "$ours_first_kb") MiB); floor $(mib "$floor_kb") MiB; love (first frame) $(mib "$peer_kb") MiB${OLD:+; baseline $(mib "$old_kb") MiB}"

echo "== against the goals of issue #14"
awk -v a="$ours_first" -v b="$floor_first" 'BEGIN {printf "first frame: %.1f ms / floor %.1f ms = %.2f× (goal ≤ 1.5×)\n", a, b, a / b}'
awk -v a="$ours_h" -v b="$floor_h" -v c="$peer_h" 'BEGIN {printf "start → frame → exit: %.1f ms / floor %.1f ms = %.2f× (love %.1f ms)\n", a, b, a / b, c}'
echo "p99 walk-up: ${ours_p99_100} ms at 100 %, ${ours_p99_200} ms at 200 % (goal ≤ 8 ms)"
echo "idle CPU: $ours_idle % (goal 0 %)"
echo "peak memory: $(mib "$ours_kb") MiB (goal ≤ 30 MiB)"
