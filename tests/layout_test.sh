#!/bin/sh
# The layout check: the screenshot tour (tests/screens/tour.keys) at 100 % and 200 % text, at
# 1280×720 and 1024×600, in both themes; every shot records its text boxes and surfaces
# (MFC_LAYOUT_CHECK=1) and tests/layout_check.c asserts that no text lies outside the window,
# runs off the panel it starts on, is drawn over another text or ends a line inside a word; and
# the desk's document cards scale their labels with the text size (issue #14).
# Usage: layout_test.sh MFC_TRAINER LAYOUT_CHECK SOURCE_DIR
set -u
EXE=$1 CHECK=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
# SIZE PERCENT HIGH_CONTRAST
for conf in "1280x720 100 0" "1280x720 200 0" "1024x600 100 0" "1024x600 200 0" "1280x720 200 1" \
            "1280x720 100 1"; do
  set -- $conf
  run="$TMP/$1-$2-$3"
  mkdir -p "$run/shots" "$run/scenarios"
  for d in data passport-45-late rosreestr-poa-plain zagran-grandmother; do
    cp -r "$SRC/scenarios/$d" "$run/scenarios/" || { echo "FAIL: copy"; exit 1; }
  done
  cp -r "$SRC/scripts" "$run/scripts"
  cp "$SRC/scenarios/passport-45-late/scenario.json" "$run/orig.json"
  sed '3s/,$//' "$run/orig.json" >"$run/broken.json"
  # The settings first: the text size (→ adds 10 %), then high contrast.
  { printf 'key S\n'; p=100; while [ $p -lt $2 ]; do printf 'key Right\n'; p=$((p + 10)); done
    [ "$3" = 1 ] && printf 'key Down\nkey Return\n'
    printf 'key Escape\n'; cat "$SRC/tests/screens/tour.keys"; } >"$run/tour.keys"
  if ! (cd "$run" && SDL_VIDEODRIVER=dummy MFC_LAYOUT_CHECK=1 "$EXE" gui --scenarios scenarios \
        --db results.db --seed 1 --size "$1" --input-script tour.keys --screenshots shots); then
    echo "FAIL: the tour did not run at $conf"; fail=$((fail + 1)); continue
  fi
  n=$(ls "$run"/shots/*.txt 2>/dev/null | wc -l)
  [ "$n" -ge 31 ] || { echo "FAIL: $conf: only $n layout records"; fail=$((fail + 1)); }
  "$CHECK" "$run"/shots/*.txt || fail=$((fail + 1))
done
# The desk's cards: their labels follow the text size (at 200 % twice as tall as at 100 %, at
# both window sizes), whole words only (layout_check reports a word broken at a line's end), on
# the card and over no other text (layout_check again, on the office shots of every run).
for size in 1280x720 1024x600; do
  h1=$(awk '$1 == "T" && $6 == "Фотографии" { print $5; exit }' "$TMP/$size-100-0/shots/shift-office.png.txt")
  h2=$(awk '$1 == "T" && $6 == "Фотографии" { print $5; exit }' "$TMP/$size-200-0/shots/shift-office.png.txt")
  if [ -n "$h1" ] && [ -n "$h2" ] && awk -v a="$h1" -v b="$h2" 'BEGIN { exit !(b >= 1.8 * a) }'; then :
  else echo "FAIL: $size: the desk card's label «Фотографии» is ${h2:-not drawn} px tall at 200 %, ${h1:-not drawn} px at 100 %"
       fail=$((fail + 1)); fi
done
# The manager's table at 200 %: a cell too long for its column ends with «…», and the selected
# row's cut cells are written in full under the table (the name first).
m="$TMP/1280x720-200-0/shots/manager.png.txt"
if grep -q '^T .*…$' "$m" && grep -q '^T .*Стажёр: Иванова Мария' "$m"; then :
else echo "FAIL: the manager's table at 200 %: no cut cell, or the selected row not in full under it"
     fail=$((fail + 1)); fi
echo "$fail configurations failed"
[ "$fail" -eq 0 ]
