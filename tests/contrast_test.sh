#!/bin/sh
# The contrast check (issue #14): the screenshot tour (tests/screens/tour.keys) at 1280×720, at
# 100 % and 200 % text, in the default and the high-contrast theme; every text drawn in every
# shot must stand out from what is under it by at least 4.5:1 (WCAG 2), measured on the
# screenshot by tests/contrast_check.c. A failure names the shot, the text and the ratio.
# Usage: contrast_test.sh MFC_TRAINER CONTRAST_CHECK SOURCE_DIR
set -u
EXE=$1 CHECK=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
# PERCENT HIGH_CONTRAST
for conf in "100 0" "200 0" "100 1" "200 1"; do
  set -- $conf
  run="$TMP/$1-$2"
  mkdir -p "$run/shots" "$run/scenarios"
  for d in data passport-45-late rosreestr-poa-plain zagran-grandmother; do
    cp -r "$SRC/scenarios/$d" "$run/scenarios/" || { echo "FAIL: copy"; exit 1; }
  done
  cp -r "$SRC/scripts" "$run/scripts"
  cp "$SRC/scenarios/passport-45-late/scenario.json" "$run/orig.json"
  sed '3s/,$//' "$run/orig.json" >"$run/broken.json"
  # The settings first: the text size (→ adds 10 %), then high contrast.
  { printf 'key S\n'; p=100; while [ $p -lt $1 ]; do printf 'key Right\n'; p=$((p + 10)); done
    [ "$2" = 1 ] && printf 'key Down\nkey Return\n'
    printf 'key Escape\n'; cat "$SRC/tests/screens/tour.keys"; } >"$run/tour.keys"
  if ! (cd "$run" && SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" gui --scenarios scenarios \
        --db results.db --seed 1 --size 1280x720 --input-script tour.keys --screenshots shots); then
    echo "FAIL: the tour did not run at $1 % (high contrast $2)"; fail=$((fail + 1)); continue
  fi
  n=$(ls "$run"/shots/*.png 2>/dev/null | wc -l)
  [ "$n" -ge 31 ] || { echo "FAIL: $1 % (high contrast $2): only $n shots"; fail=$((fail + 1)); }
  echo "== $1 %, high contrast $2"
  "$CHECK" "$run"/shots/*.png || fail=$((fail + 1))
done
echo "$fail configurations failed"
[ "$fail" -eq 0 ]
