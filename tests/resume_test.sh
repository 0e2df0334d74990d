#!/bin/sh
# An attempt left half-way in the window is resumed from the catalogue and finished; its result
# must equal `play` of the whole action list with the same seed, and the database must hold one
# finished attempt with every action. Usage: resume_test.sh MFC_TRAINER SOURCE_DIR
set -u
EXE=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The catalogue holds only passport-45-late (plus the shared data), so the keys stay the same
# when scenarios are added to the pack.
mkdir -p "$TMP/scenarios" && cp -r "$SRC/scenarios/data" "$SRC/scenarios/passport-45-late" \
  "$TMP/scenarios/" && cp -r "$SRC/scripts" "$TMP/scripts" || { echo "FAIL: copy"; exit 1; }
SDL_VIDEODRIVER=dummy "$EXE" gui --scenarios "$TMP/scenarios" --db "$TMP/r.db" --seed 4 \
  --input-script "$SRC/tests/screens/resume.keys" --result "$TMP/gui.json" || { echo "FAIL: gui"; exit 1; }
ACTS=$(grep '^act ' "$SRC/tests/screens/resume.keys" | cut -d' ' -f2 | paste -sd, -)
"$EXE" play passport-45-late --scenarios "$TMP/scenarios" --seed 4 --json --actions "$ACTS" >"$TMP/play.json"
if cmp -s "$TMP/gui.json" "$TMP/play.json"; then echo "1 passed, 0 failed"; else
  echo "FAIL: the resumed attempt differs from an uninterrupted one"; diff "$TMP/gui.json" "$TMP/play.json" | head; exit 1; fi
