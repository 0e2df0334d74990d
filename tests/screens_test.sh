#!/bin/sh
# Screenshot tests: tours every screen of the window (tests/screens/tour.keys) with a fresh
# database and a fixed seed under the dummy video driver, and compares each shot with its
# reference in tests/screens/ref/ within a tolerance (tests/img_compare.c).
# Usage: screens_test.sh MFC_TRAINER IMG_COMPARE SOURCE_DIR [--update]
# --update rewrites the references (after a deliberate change of the look; review them!).
set -u
EXE=$1 CMP=$2 SRC=$3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/shots"
# A copy of the scenarios, so the tour can break one on disk (the reload error screen); run from
# the copy so the paths on screen are the same on every machine.
# Only the first three scenarios of the pack: the references stay the same when scenarios are
# added (docs/screenshots/ shows the whole pack).
mkdir -p "$TMP/scenarios" && for d in data passport-45-late rosreestr-poa-plain zagran-grandmother; do
  cp -r "$SRC/scenarios/$d" "$TMP/scenarios/" || { echo "FAIL: copy"; exit 1; }
done
cp -r "$SRC/scripts" "$TMP/scripts" || { echo "FAIL: copy"; exit 1; }
cp "$SRC/scenarios/passport-45-late/scenario.json" "$TMP/orig.json"
sed '3s/,$//' "$TMP/orig.json" >"$TMP/broken.json"
(cd "$TMP" && SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios scenarios --db results.db --seed 1 \
  --size 1280x720 --input-script "$SRC/tests/screens/tour.keys" --screenshots shots) || {
  echo "FAIL: the tour did not run"; exit 1; }
REF="$SRC/tests/screens/ref"
if [ "${4:-}" = "--update" ]; then
  mkdir -p "$REF" && rm -f "$REF"/*.png && cp "$TMP"/shots/*.png "$REF"/
  echo "references updated: $(ls "$REF" | wc -l) images"
  exit 0
fi
pass=0 fail=0
for shot in "$TMP"/shots/*.png; do
  name=$(basename "$shot")
  if [ ! -f "$REF/$name" ]; then
    echo "FAIL: no reference for $name (run tests/screens_test.sh … --update and review)"
    fail=$((fail + 1)); continue
  fi
  if "$CMP" "$REF/$name" "$shot"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
for ref in "$REF"/*.png; do
  [ -f "$TMP/shots/$(basename "$ref")" ] || { echo "FAIL: $(basename "$ref") was not taken"; fail=$((fail + 1)); }
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
