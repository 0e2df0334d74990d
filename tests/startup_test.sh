#!/bin/sh
# The window's start-up, idle loop and memory (issue #14, «Performance»), counted, never timed:
#   1. the first office frame is shown before the rest of the catalogue is loaded, and the
#      whole catalogue is there afterwards, under an input script and in an interactive window
#      (MFC_EVENT_LOG: the order of frames and loading);
#   2. the walk-up's frames render no text again (the text cache's render count stays put);
#   3. once the walk-up is over, an idle window draws nothing however often it wakes (ten
#      changes in the open scenario's folder that are not its files), and every turn of its
#      loop waits in SDL_WaitEvent with no timeout: no polling, no CPU;
#   4. peak memory (getrusage of the finished process, tests/peak_rss.c) of a run with the
#      whole pack through the office, a document and the office PC stays within PEAK_KIB
#      (skipped under the sanitizers, whose shadow memory is not the program's): the issue's
#      goal, 30 MiB. The window needs about 25 MiB here since libpq, libcurl, libarchive,
#      libspeechd and SDL_image are opened on first use instead of linked (31.5 MiB before).
# Usage: startup_test.sh MFC_TRAINER PEAK_RSS SOURCE_DIR [sanitize]
set -u
PEAK_KIB=30720
EXE=$1 RSS=$2 SRC=$3 SAN=${4:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
NSCEN=$(ls -d "$SRC"/scenarios/*/scenario.json | wc -l)
: >"$TMP/empty.keys"

# 1. Order: the first frame with one scenario, then the rest.
MFC_EVENT_LOG="$TMP/start.log" "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/a.db" \
  --scenario passport-45-late --seed 1 --input-script "$TMP/empty.keys" >/dev/null 2>&1 ||
  bad "the window did not run"
first=$(grep -m1 -n '^frame ' "$TMP/start.log")
loaded=$(grep -m1 -n '^loaded ' "$TMP/start.log")
case "$first" in
  1:"frame 1 office scenarios=1 "*) ok ;;
  *) bad "the first event is not the office's first frame with one scenario: '$first'" ;;
esac
case "$loaded" in
  *"loaded scenarios=$NSCEN broken=0") ok ;;
  *) bad "the catalogue did not load all $NSCEN scenarios after the first frame: '$loaded'" ;;
esac
[ "${first%%:*}" -lt "${loaded%%:*}" ] 2>/dev/null && ok || bad "the catalogue loaded before the first frame"
# Without --scenario the start screen comes first, before any scenario.
MFC_EVENT_LOG="$TMP/start2.log" "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/a2.db" \
  --input-script "$TMP/empty.keys" >/dev/null 2>&1 || bad "the window did not run"
awk -v n="$NSCEN" 'NR == 1 && /^frame 1 start scenarios=0 / { f = 1 } /^loaded / && $0 == "loaded scenarios=" n " broken=0" { l = 1 }
  END { exit !(f && l) }' "$TMP/start2.log" && ok ||
  bad "the start screen did not come before the scenarios: $(head -2 "$TMP/start2.log")"
# 2 and 3. The walk-up, then idle: an interactive window (no input script) on a copy of the
# pack. Once the walk-up is over, files that are not the scenario's appear in its folder: each
# wakes the loop (the folder is watched) and changes nothing, so nothing may be drawn; then the
# window is closed (SIGTERM, as a desktop would).
cp -r "$SRC/scenarios" "$TMP/scen" && cp -r "$SRC/scripts" "$TMP/scripts" || bad "copy"
MFC_EVENT_LOG="$TMP/idle.log" "$EXE" gui --scenarios "$TMP/scen" --db "$TMP/c.db" \
  --scenario passport-45-late --seed 1 >/dev/null 2>&1 &
pid=$!
# (the sleeps only pace the polling of the log; nothing below depends on how long anything took)
tries=0
while ! tail -n 1 "$TMP/idle.log" 2>/dev/null | grep -q '^wait -1$' && [ $tries -lt 600 ]; do
  sleep 0.1; tries=$((tries + 1))
done
for i in 1 2 3 4 5 6 7 8 9 10; do
  before=$(grep -c '^wait' "$TMP/idle.log")
  : >"$TMP/scen/passport-45-late/unrelated-$i.txt"
  tries=0
  while [ "$(grep -c '^wait' "$TMP/idle.log")" -le "$before" ] && [ $tries -lt 300 ]; do
    sleep 0.1; tries=$((tries + 1))
  done
done
cp "$TMP/idle.log" "$TMP/idle-before-edit.log"
# Live reload still wakes the sleeping window: an edit of scenario.json redraws it.
printf '\n' >>"$TMP/scen/passport-45-late/scenario.json"
tries=0
while [ "$(grep -c '^frame' "$TMP/idle.log")" -le "$(grep -c '^frame' "$TMP/idle-before-edit.log")" ] &&
      [ $tries -lt 300 ]; do
  sleep 0.1; tries=$((tries + 1))
done
[ "$(grep -c '^frame' "$TMP/idle.log")" -gt "$(grep -c '^frame' "$TMP/idle-before-edit.log")" ] && ok ||
  bad "an edit of the open scenario did not wake the idle window"
kill -TERM $pid 2>/dev/null
wait $pid || bad "the idle window did not end cleanly on SIGTERM"
awk '
  /^frame / { frames++; last = NR; for (i = 1; i <= NF; i++) if ($i ~ /^renders=/) r = $i
              if (frames == 2) r2 = r
              if (frames > 2 && r != r2) rerender = 1 }
  /^loaded / { loaded = NR }
  /^wait / { waits[NR] = $2 }
  END {
    idle = 0; busy = 0
    if (loaded > last) last = loaded  # idle: everything drawn and loaded
    for (n in waits) if (n + 0 > last) { idle++; if (waits[n] != -1) busy++ }
    printf "%d frames, %d idle turns after the last frame and the loading, %d of them with a timeout, text rendered again: %d\n",
           frames, idle, busy, rerender
    exit !(frames >= 2 && idle >= 10 && busy == 0 && !rerender)
  }' "$TMP/idle-before-edit.log" >"$TMP/idle.txt"
if [ $? -eq 0 ]; then ok; else bad "idle window: $(cat "$TMP/idle.txt")"; fi
echo "idle window: $(cat "$TMP/idle.txt")"
grep -q 'animating' "$TMP/idle.log" && ok || bad "no walk-up frames were drawn"
# The interactive window loads the rest between frames, the first frame still coming first.
awk -v n="$NSCEN" '/^frame / && !f { f = NR; first = $0 } /^loaded / && !l { l = NR; line = $0 }
  END { exit !(f && l && f < l && first ~ / scenarios=1 / && line == "loaded scenarios=" n " broken=0") }'   "$TMP/idle.log" && ok || bad "interactive window: the catalogue was not loaded after the first frame"

# 4. Peak memory.
if [ "$SAN" = sanitize ]; then
  echo "skipped: peak memory under the sanitizers"
else
  cat >"$TMP/tour.keys" <<'KEYS'
act greet-standard
key D
key Return
key Escape
key P
key Escape
key Escape
key Escape
KEYS
  out=$("$RSS" "$EXE" gui --scenarios "$SRC/scenarios" --db "$TMP/d.db" --scenario passport-45-late \
        --seed 1 --input-script "$TMP/tour.keys" 2>"$TMP/rss.err")
  kib=$(echo "$out" | sed -n 's/^maxrss_kib //p')
  if [ -z "$kib" ]; then
    bad "no peak memory: $(cat "$TMP/rss.err")"
  elif [ "$kib" -le "$PEAK_KIB" ]; then
    ok
  else
    bad "peak memory $kib KiB > $PEAK_KIB KiB"
  fi
  echo "peak memory: ${kib:-?} KiB"
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
